import { isPlainObject } from './charter-data.js';
import type { LocalizedText, TextInLanguage } from './charter.js';

/**
 * A text in the first of `preferred` languages the charter gives it in, else in
 * any; `lang` is undefined for a plain string (its language is the charter's
 * default). Undefined when there is no non-empty text.
 */
export function textInLanguage(value: unknown, preferred: readonly (string | undefined)[]): { text: string; lang: string | undefined } | undefined {
  if (typeof value === 'string') return value === '' ? undefined : { text: value, lang: undefined };
  if (!isPlainObject(value)) return undefined;
  for (const language of [...preferred, ...Object.keys(value)]) {
    if (language === undefined) continue;
    const text = value[language];
    if (typeof text === 'string' && text !== '') return { text, lang: language };
  }
  return undefined;
}

/**
 * A normalized text in one language: the charter's own words in that
 * language when it has them, else its fallback (the first language), which
 * says which language it really is.
 */
export function textIn(text: LocalizedText, lang: string): TextInLanguage {
  return Object.hasOwn(text.byLanguage, lang) ? (text.byLanguage[lang] as TextInLanguage) : text.fallback;
}
