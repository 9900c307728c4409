import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Charter } from '../model/charter.js';
import { siteUrls } from '../view/site-plan.js';
import { bidiContained } from '../normalize/bidi-contained.js';

/** The whole collection, at the site's root. */
export const CHARTERS_JSON = 'charters.json';

/**
 * The collection for machines: each unit as its charter says it (the
 * effective data, baseline merged in, as written: the published charter
 * format, not the internal model), with the addresses of its pages.
 */
export function chartersJson(units: readonly Charter[], resolvedOf: (unit: Charter) => ResolvedCharter, base: string): unknown {
  const urls = siteUrls(base);
  return {
    format: 1,
    charters: units.map((unit) => {
      // As written, but no text's bidirectional formatting runs on into what a reader puts after it (see normalize).
      const { extends: _extends, $schema: _schema, ...data } = bidiContained(resolvedOf(unit).data);
      // Every written language has its page (`se` too, with the interface in a language the charter names).
      return { ...data, pages: Object.fromEntries(unit.languages.map((language) => [language, urls.charter(unit.id, language)])) };
    }),
  };
}

export function chartersJsonText(chartersJson: unknown): string {
  return `${JSON.stringify(chartersJson, null, 2)}\n`;
}
