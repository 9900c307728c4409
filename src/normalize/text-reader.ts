import type * as Document from '../schema/generated/charter-document.js';
import type { CharterText, LanguageCode, LocalizedText, TextInLanguage } from '../model/charter.js';
import { textInLanguage } from '../model/charter-text.js';
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
    // The schema has checked that a map holds only strings.
    const written: CharterText = typeof value === 'string' ? value : (value as Readonly<Record<string, string>>);
    const found = textInLanguage(written, this.languages);
    if (!found) throw new NormalizeProblem('a text is empty');
    const fallback: TextInLanguage = { text: found.text, lang: found.lang ?? this.languages[0] };
    const byLanguage: Record<LanguageCode, TextInLanguage> = {};
    // A language's own text, else the fallback: what textInLanguage picks with that language first.
    for (const language of this.languages) byLanguage[language] = ownText(written, language) ?? fallback;
    if (typeof written !== 'string') for (const language of Object.keys(written)) byLanguage[language] ??= ownText(written, language) ?? fallback;
    return { written, byLanguage, fallback };
  }

  /** `{ [key]: text }` when the text is given, else `{}`: for optional texts under exactOptionalPropertyTypes. */
  optional<K extends string>(key: K, value: Document.Text | Document.Markdown | undefined): { [P in K]?: LocalizedText } {
    return value === undefined ? {} : ({ [key]: this.read(value) } as { [P in K]: LocalizedText });
  }
}

function ownText(written: CharterText, language: LanguageCode): TextInLanguage | undefined {
  if (typeof written === 'string') return undefined;
  const text = Object.hasOwn(written, language) ? written[language] : undefined;
  return text ? { text, lang: language } : undefined;
}
