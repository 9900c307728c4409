import { formatJsonPath } from '../model/diagnostic.js';
import { Suggester } from '../util/suggest.js';
import { isPlainObject } from '../model/charter-data.js';
import { isTextMap } from '../load/merge.js';
import { declaredLanguages, forEachTextMap } from './access.js';
import { defineRule } from './rule.js';
import { listOf, message } from '../messages/message.js';

/**
 * Language keys people write instead of the BCP 47 tag: three-letter codes
 * and the names of the languages. Edit distance finds the rest (`se`, `sve`, `fin`).
 */
const LANGUAGE_ALIASES: Readonly<Record<string, string>> = {
  fin: 'fi',
  suo: 'fi',
  suomi: 'fi',
  finska: 'fi',
  finnish: 'fi',
  swe: 'sv',
  sve: 'sv',
  ruo: 'sv',
  ruotsi: 'sv',
  svenska: 'sv',
  swedish: 'sv',
  eng: 'en',
  englanti: 'en',
  engelska: 'en',
  english: 'en',
};

/**
 * A text map, or one whose keys were meant as language codes (`fin:`, `SV:`,
 * `english:`): every value text, every key a short word, a declared language
 * or a language's name, and one of them a code, a declared language or a name.
 * The loader sees only maps of two-letter codes and declared languages as
 * texts; the schema says other keys are wrong, this rule says which language was meant.
 */
function textMapTest(languages: readonly string[]): (value: object) => value is Record<string, unknown> {
  const named = (key: string): boolean => /^[a-z]{2}$/.test(key) || languages.includes(key) || Object.hasOwn(LANGUAGE_ALIASES, key.toLowerCase());
  return (value: object): value is Record<string, unknown> => {
    if (isTextMap(value, languages)) return true;
    if (!isPlainObject(value)) return false;
    const keys = Object.keys(value);
    if (keys.length === 0 || keys.length > 8) return false;
    return keys.every((key) => typeof value[key] === 'string' && (/^[A-Za-z]{2,3}$/.test(key) || named(key))) && keys.some(named);
  };
}

export default defineRule(
  'languages-complete',
  'Every multilingual text has each language the charter declares, and no others.',
  'error',
  ({ charter, report }) => {
    const languages = declaredLanguages(charter.data);
    if (languages.length === 0) return;
    const declared = languages.join(', ');
    forEachTextMap(
      charter.data,
      (text, pathOf) => {
        const missing = languages.filter((language) => typeof text[language] !== 'string' || text[language] === '');
        // A key that is not declared but looks like a missing language is that language misspelt (`se:` for `sv:`).
        const hints = new Suggester(missing);
        const meant = new Map<string, string>();
        for (const key of Object.keys(text)) {
          if (languages.includes(key)) continue;
          const lower = key.toLowerCase();
          const alias = missing.includes(lower) ? lower : LANGUAGE_ALIASES[lower];
          const suggestion = alias !== undefined && missing.includes(alias) ? alias : hints.suggest(key);
          if (suggestion !== undefined && ![...meant.values()].includes(suggestion)) meant.set(key, suggestion);
        }
        const stillMissing = missing.filter((language) => ![...meant.values()].includes(language));
        if (stillMissing.length > 0) {
          const path = pathOf();
          // Two messages rather than plural forms: English says the same, Finnish says `kielellä` or `kielillä`.
          report({
            path,
            message: message(stillMissing.length === 1 ? 'rules.languages-complete.missing-one' : 'rules.languages-complete.missing-many', {
              path: formatJsonPath(path),
              missing: listOf(stillMissing),
              languages: declared,
              keys: listOf(stillMissing.map((language) => `\`${language}:\``)),
            }),
          });
        }
        for (const language of Object.keys(text)) {
          if (languages.includes(language)) continue;
          const suggestion = meant.get(language);
          report({
            path: [...pathOf(), language],
            target: 'key',
            ...(suggestion !== undefined
              ? { message: message('rules.languages-complete.misspelt', { language, languages: declared, suggestion }) }
              : { severity: 'warning', message: message('rules.languages-complete.undeclared', { language, languages: declared }) }),
          });
        }
      },
      textMapTest(languages),
    );
  },
);
