import type { RuleMeta } from '../model/diagnostic.js';
import distinctVariants from './distinct-variants.js';
import greetingPlaceholders from './greeting-placeholders.js';
import implausiblePromise from './implausible-promise.js';
import languagesComplete from './languages-complete.js';
import languagesConsistent from './languages-consistent.js';
import languagesPublished from './languages-published.js';
import noWeakerThanBaseline from './no-weaker-than-baseline.js';
import openingHours from './opening-hours.js';
import outOfOfficePlaceholders from './out-of-office-placeholders.js';
import referenceExists from './reference-exists.js';
import reviewDue from './review-due.js';
import type { Rule } from './rule.js';
import textTranslated from './text-translated.js';
import uniqueIds from './unique-ids.js';
import validDate from './valid-date.js';
import validHolidays from './valid-holidays.js';
import validTimezone from './valid-timezone.js';

/** The semantic rules, in the order they run. */
export const RULES: readonly Rule[] = [
  validDate,
  validTimezone,
  validHolidays,
  referenceExists,
  uniqueIds,
  distinctVariants,
  languagesComplete,
  languagesPublished,
  textTranslated,
  languagesConsistent,
  noWeakerThanBaseline,
  reviewDue,
  openingHours,
  outOfOfficePlaceholders,
  greetingPlaceholders,
  implausiblePromise,
];

/** Findings made before the rules run: reading, parsing, resolving and the schema. */
export const LOADER_RULES: readonly RuleMeta[] = [
  meta('file-read', 'The file can be read: a regular file inside the charters folder (no link out, no FIFO or device).'),
  meta('file-encoding', 'The file is UTF-8 text.'),
  meta(
    'control-character',
    'No invisible control characters, noncharacters, lone surrogates or bidi overrides, written or escaped; bidi embeddings and isolates only when closed in the same text.',
  ),
  meta('yaml-syntax', 'The file is well-formed YAML holding one map.'),
  meta('duplicate-key', 'No key appears twice in the same map.'),
  meta('yaml-limits', 'The file stays within the size, nesting and alias limits (no alias bombs).'),
  meta('forbidden-key', 'No `__proto__`, `constructor` or `prototype` keys.'),
  meta('extends-resolve', '`extends` names an existing baseline inside the charters folder, without cycles, at most 10 levels deep.'),
  meta('schema', 'The charter matches the charter format (JSON Schema): known keys, right types and forms.'),
  meta('internal-error', 'A part of `charter` failed unexpectedly on a file (a bug); please report it.'),
  meta('card-fit', "A pocket card's text fits its printed size (measured in Chromium by `charter cards`)."),
];

function meta(id: string, description: string): RuleMeta {
  return { id, description, severity: 'error', docs: `docs/rules/${id}.md` };
}

/** Every rule id's metadata, for formatters (SARIF rule descriptors, help links). */
export function allRuleMeta(): ReadonlyMap<string, RuleMeta> {
  return new Map([...LOADER_RULES, ...RULES.map((rule) => rule.meta)].map((entry) => [entry.id, entry]));
}
