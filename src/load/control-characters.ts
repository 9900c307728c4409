import { message, type MessageRef } from '../messages/message.js';
import { isBidiOverride } from '../util/bidi.js';

/**
 * Characters a charter may not contain: they are invisible, web pages may not
 * hold them (the HTML standard forbids them) and printed cards cannot show
 * them. C0 controls other than tab and line feed (a carriage return only as
 * part of a CRLF line break), DEL, the C1 controls (U+0080–U+009F, next line
 * U+0085 included: YAML allows it, HTML does not), noncharacters (U+FDD0–U+FDEF
 * and the last two code points of every plane), lone surrogates, and the
 * bidirectional overrides (U+202D, U+202E), which show a text in an order not
 * its own. Embeddings and isolates, allowed when they pair, are bidi-pairing.ts's.
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
const MAYBE_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202D\u202E\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;
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

/** How the loader reports a finding at a range of the text. */
export type ReportAt = (ruleId: string, text: MessageRef, start: number, end: number) => void;

/**
 * Reports the forbidden characters of a file at their offsets, as
 * `control-character` findings, and returns every offset.
 */
export function reportForbiddenCharacters(text: string, report: ReportAt): number[] {
  const forbidden = findForbiddenCharacters(text, { crlf: true });
  for (const { offset, codePoint } of forbidden.slice(0, MAX_LISTED_CHARACTERS)) {
    const width = codePoint > 0xffff ? 2 : 1;
    report(
      'control-character',
      message('load.control-character.in-file', { character: describeCharacter(codePoint), advice: adviceFor(codePoint) }),
      offset,
      offset + width,
    );
  }
  const rest = forbidden[MAX_LISTED_CHARACTERS];
  if (rest) {
    report('control-character', message('load.control-character.more', { count: forbidden.length - MAX_LISTED_CHARACTERS }), rest.offset, rest.offset + 1);
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
    (codePoint & 0xfffe) === 0xfffe ||
    isBidiOverride(codePoint)
  );
}

const NAMES: ReadonlyMap<number, MessageRef> = new Map([
  [0x00, message('load.character.null')],
  [0x07, message('load.character.bell')],
  [0x08, message('load.character.backspace')],
  [0x0b, message('load.character.vertical-tab')],
  [0x0c, message('load.character.form-feed')],
  [0x0d, message('load.character.carriage-return')],
  [0x1b, message('load.character.escape')],
  [0x7f, message('load.character.delete')],
  [0x85, message('load.character.next-line')],
  [0x202a, message('load.character.left-to-right-embedding')],
  [0x202b, message('load.character.right-to-left-embedding')],
  [0x202c, message('load.character.pop-directional-formatting')],
  [0x202d, message('load.character.left-to-right-override')],
  [0x202e, message('load.character.right-to-left-override')],
  [0x2066, message('load.character.left-to-right-isolate')],
  [0x2067, message('load.character.right-to-left-isolate')],
  [0x2068, message('load.character.first-strong-isolate')],
  [0x2069, message('load.character.pop-directional-isolate')],
]);

/** `U+000B (vertical tab, which Word's Shift+Enter pastes)`. */
export function describeCharacter(codePoint: number): MessageRef {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return message('load.character.described', { hex, name: NAMES.get(codePoint) ?? kindOf(codePoint) });
}

function kindOf(codePoint: number): MessageRef {
  if (codePoint < 0x20) return message('load.character.control');
  if (codePoint >= 0x80 && codePoint <= 0x9f) return message('load.character.c1-control');
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return message('load.character.surrogate');
  return message('load.character.noncharacter');
}

/** What to do about one: characters that break lines become line breaks, the rest go. */
export function adviceFor(codePoint: number): MessageRef {
  if (codePoint === 0x0b || codePoint === 0x0c || codePoint === 0x85) return message('load.control-character.advice.line-break');
  if (codePoint === CARRIAGE_RETURN) return message('load.control-character.advice.line-endings');
  if (isBidiOverride(codePoint)) return message('load.control-character.advice.override');
  return message('load.control-character.advice.delete');
}
