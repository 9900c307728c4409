/**
 * Characters a charter may not contain: they are invisible, web pages may not
 * hold them (the HTML standard forbids them) and printed cards cannot show
 * them. C0 controls other than tab and line feed (a carriage return only as
 * part of a CRLF line break), DEL, the C1 controls (U+0080–U+009F, next line
 * U+0085 included: YAML allows it, HTML does not), noncharacters (U+FDD0–U+FDEF
 * and the last two code points of every plane) and lone surrogates.
 */
export interface ForbiddenCharacter {
  /** Offset in the text, in UTF-16 code units. */
  readonly offset: number;
  readonly codePoint: number;
}

/**
 * Every forbidden character but the carriage return, and some allowed ones
 * (surrogate pairs): a clean text costs one native test. Carriage returns are
 * looked up on their own, since most of them end lines (CRLF).
 */
const MAYBE_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const MAYBE_FORBIDDEN_ALL = new RegExp(MAYBE_FORBIDDEN.source, 'g');

const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;

/**
 * Forbidden characters in `text`, in order. In a file (`crlf: true`) a carriage
 * return before a line feed is a line break; in a value it is not.
 */
export function findForbiddenCharacters(text: string, options: { readonly crlf: boolean }): ForbiddenCharacter[] {
  const found = MAYBE_FORBIDDEN.test(text) ? otherThanCarriageReturns(text) : [];
  let carriageReturns = false;
  for (let offset = text.indexOf('\r'); offset !== -1; offset = text.indexOf('\r', offset + 1)) {
    if (options.crlf && text.charCodeAt(offset + 1) === LINE_FEED) continue;
    found.push({ offset, codePoint: CARRIAGE_RETURN });
    carriageReturns = true;
  }
  return carriageReturns ? found.sort((a, b) => a.offset - b.offset) : found;
}

function otherThanCarriageReturns(text: string): ForbiddenCharacter[] {
  const found: ForbiddenCharacter[] = [];
  MAYBE_FORBIDDEN_ALL.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = MAYBE_FORBIDDEN_ALL.exec(text)) !== null) {
    const offset = match.index;
    const code = text.charCodeAt(offset);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(offset + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        // A whole pair: one astral character, forbidden only if a noncharacter.
        MAYBE_FORBIDDEN_ALL.lastIndex = offset + 2;
        const codePoint = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
        if (isForbiddenCodePoint(codePoint)) found.push({ offset, codePoint });
        continue;
      }
    }
    found.push({ offset, codePoint: code });
  }
  return found;
}

/** Characters listed one by one in a file; a file full of them (a binary, UTF-16) gets a count for the rest. */
const MAX_LISTED_CHARACTERS = 20;

/**
 * Reports the forbidden characters of a file at their offsets, as
 * `control-character` findings, and returns every offset.
 */
export function reportForbiddenCharacters(text: string, report: (ruleId: string, message: string, start: number, end: number) => void): number[] {
  const forbidden = findForbiddenCharacters(text, { crlf: true });
  for (const { offset, codePoint } of forbidden.slice(0, MAX_LISTED_CHARACTERS)) {
    const width = codePoint > 0xffff ? 2 : 1;
    report('control-character', `${describeCharacter(codePoint)} is not allowed in a charter; ${adviceFor(codePoint)}`, offset, offset + width);
  }
  const rest = forbidden[MAX_LISTED_CHARACTERS];
  if (rest) {
    const more = forbidden.length - MAX_LISTED_CHARACTERS;
    report(
      'control-character',
      `${more} more character${more === 1 ? '' : 's'} that a charter may not contain follow from here; is this a text file saved as UTF-8?`,
      rest.offset,
      rest.offset + 1,
    );
  }
  return forbidden.map((character) => character.offset);
}

/** Whether one code point (a lone surrogate counts as one) is forbidden in a value. */
export function isForbiddenCodePoint(codePoint: number): boolean {
  return (
    (codePoint <= 0x1f && codePoint !== 0x09 && codePoint !== LINE_FEED) ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
    (codePoint & 0xfffe) === 0xfffe
  );
}

const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00, 'null character'],
  [0x07, 'bell'],
  [0x08, 'backspace'],
  [0x0b, "vertical tab, which Word's Shift+Enter pastes"],
  [0x0c, 'form feed, a page break'],
  [0x0d, 'carriage return without a line feed'],
  [0x1b, 'escape, which starts terminal colour codes'],
  [0x7f, 'delete'],
  [0x85, 'next line, which YAML allows but web pages do not'],
]);

/** `U+000B (vertical tab, which Word's Shift+Enter pastes)`. */
export function describeCharacter(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} (${NAMES.get(codePoint) ?? kindOf(codePoint)})`;
}

function kindOf(codePoint: number): string {
  if (codePoint < 0x20) return 'a control character';
  if (codePoint >= 0x80 && codePoint <= 0x9f) return 'a control character, often a sign of text decoded with the wrong encoding';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'half of a surrogate pair, not a character on its own';
  return 'a noncharacter, which Unicode reserves for programs';
}

/** What to do about one: characters that break lines become line breaks, the rest go. */
export function adviceFor(codePoint: number): string {
  if (codePoint === 0x0b || codePoint === 0x0c || codePoint === 0x85) return 'use a line break instead, or delete it';
  if (codePoint === CARRIAGE_RETURN) return 'save the file with LF or CRLF line endings, or delete it';
  return 'delete it (it is invisible, and web pages and printed cards cannot show it)';
}
