import fi from './texts/fi.json' with { type: 'json' };
import sv from './texts/sv.json' with { type: 'json' };
import en from './texts/en.json' with { type: 'json' };

/**
 * The words of the absence kit in fi, sv and en (texts/*.json, which a
 * translator edits). English is the source: the other files have its keys.
 * A language the kit has no words for is written in English.
 */
export type AwayTexts = typeof en;

const TEXTS: Readonly<Record<string, AwayTexts>> = { fi, sv, en };

/** The languages the kit is written in. */
export const AWAY_TEXT_LANGUAGES = ['fi', 'sv', 'en'] as const;

/** The kit's words for a language, English when it has none. */
export function awayTexts(lang: string): AwayTexts {
  return TEXTS[lang] ?? en;
}

/** The language a text of the kit is really in: `lang` if the kit speaks it, else English. */
export function textLanguage(lang: string): string {
  return Object.hasOwn(TEXTS, lang) ? lang : 'en';
}

/**
 * Fills `{name}` placeholders from `values`. Every placeholder of the kit's
 * own texts must be given a value: a missing one is a programming error.
 */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-zA-Z0-9]+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${whole} in "${template}"`);
    return String(value);
  });
}
