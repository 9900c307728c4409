import type * as Document from '../schema/generated/charter-document.js';
import type { CharterText, LanguageCode, LocalizedText, TextInLanguage } from '../model/charter.js';
import { charterTextOf, textInLanguage } from '../model/charter-text.js';
import { NormalizeProblem } from './read-values.js';

/**
 * Makes a charter's texts complete language maps. The text for a language is
 * picked as everywhere else (`textInLanguage`): that language, else the
 * charter's languages in order, else any; a single string counts as written
 * in the charter's first language.
 */
export class TextReader {
  constructor(private readonly languages: readonly [LanguageCode, ...LanguageCode[]]) {}

  read(value: Document.Text | Document.Markdown): LocalizedText {
    const written = charterTextOf(value);
    if (written === undefined) throw new NormalizeProblem('a text is empty');
    const fallback = this.pick(written, this.languages);
    const byLanguage: Record<LanguageCode, TextInLanguage> = {};
    const extra = typeof written === 'string' ? [] : Object.keys(written);
    for (const language of new Set([...this.languages, ...extra])) byLanguage[language] = this.pick(written, [language, ...this.languages]);
    return { written, byLanguage, fallback };
  }

  /** `{ [key]: text }` when the text is given, else `{}`: for optional texts under exactOptionalPropertyTypes. */
  optional<K extends string>(key: K, value: Document.Text | Document.Markdown | undefined): { [P in K]?: LocalizedText } {
    return value === undefined ? {} : ({ [key]: this.read(value) } as { [P in K]: LocalizedText });
  }

  private pick(written: CharterText, preferred: readonly LanguageCode[]): TextInLanguage {
    const found = textInLanguage(written, preferred);
    if (!found) throw new NormalizeProblem('a text is empty');
    return { text: found.text, lang: found.lang ?? this.languages[0] };
  }
}
