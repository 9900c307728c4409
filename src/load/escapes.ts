import type { Document, Scalar } from 'yaml';
import { adviceFor, describeCharacter, findForbiddenCharacters, isForbiddenCodePoint } from './control-characters.js';
import { yaml } from './yaml-module.js';
import type { ReportAt as Report } from './control-characters.js';
import { message } from '../messages/message.js';

/**
 * Reports escapes in double-quoted text (keys too) that make characters a
 * charter may not contain (`"\e"`, `"\x07"`, `"\uD800"`), at the escape.
 * Characters written as they are were found in the text already (`rawOffsets`).
 */
export function reportForbiddenEscapes(doc: Document.Parsed, text: string, rawOffsets: readonly number[], report: Report): void {
  if (!text.includes('\\')) return;
  yaml().visit(doc, {
    Scalar: (_key, node) => {
      if (node.type === 'QUOTE_DOUBLE') checkEscapes(node, text, rawOffsets, report);
    },
  });
}

const BACKSLASH = 0x5c;

/** YAML's one-letter escapes and the code points they make. */
const ONE_LETTER_ESCAPES: ReadonlyMap<string, number> = new Map([
  ['0', 0x00],
  ['a', 0x07],
  ['b', 0x08],
  ['t', 0x09],
  ['\t', 0x09],
  ['n', 0x0a],
  ['v', 0x0b],
  ['f', 0x0c],
  ['r', 0x0d],
  ['e', 0x1b],
  [' ', 0x20],
  ['"', 0x22],
  ['/', 0x2f],
  ['\\', 0x5c],
  ['N', 0x85],
  ['_', 0xa0],
  ['L', 0x2028],
  ['P', 0x2029],
]);
/** Escapes by hexadecimal code: `\x41`, `\u0041`, `\U00000041`. */
const HEX_ESCAPE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['x', 2],
  ['u', 4],
  ['U', 8],
]);

function checkEscapes(node: Scalar, text: string, rawOffsets: readonly number[], report: Report): void {
  const [start, end] = node.range ?? [0, 0];
  let reported = false;
  for (let index = start + 1; index < end - 1; index++) {
    if (text.charCodeAt(index) !== BACKSLASH) continue;
    const escape = readEscape(text, index);
    if (!escape) {
      index++; // a line continuation, or an escape that yaml reports as a syntax error
      continue;
    }
    if (isForbiddenCodePoint(escape.codePoint)) {
      const written = text.slice(index, index + escape.length);
      report(
        'control-character',
        message('load.control-character.escape', { escape: written, character: describeCharacter(escape.codePoint), advice: adviceFor(escape.codePoint) }),
        index,
        index + escape.length,
      );
      reported = true;
    }
    index += escape.length - 1;
  }
  if (reported || typeof node.value !== 'string' || rawOffsets.some((offset) => offset >= start && offset < end)) return;
  // A safety net in case an escape was read differently here than by yaml: the value decides.
  const [first] = findForbiddenCharacters(node.value, { crlf: false });
  if (first)
    report(
      'control-character',
      message('load.control-character.in-text', { character: describeCharacter(first.codePoint), advice: adviceFor(first.codePoint) }),
      start,
      end,
    );
}

/** The code point an escape at `index` makes, and its length; a surrogate pair written as two escapes is one. */
export function readEscape(text: string, index: number): { codePoint: number; length: number } | undefined {
  const letter = text.charAt(index + 1);
  const oneLetter = ONE_LETTER_ESCAPES.get(letter);
  if (oneLetter !== undefined) return { codePoint: oneLetter, length: 2 };
  const digits = HEX_ESCAPE_DIGITS.get(letter);
  if (digits === undefined) return undefined;
  const codePoint = hexAt(text, index + 2, digits);
  if (codePoint === undefined) return undefined;
  const length = 2 + digits;
  if (codePoint >= 0xd800 && codePoint <= 0xdbff && text.startsWith('\\u', index + length)) {
    const low = hexAt(text, index + length + 2, 4);
    if (low !== undefined && low >= 0xdc00 && low <= 0xdfff) {
      return { codePoint: ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000, length: length + 6 };
    }
  }
  return { codePoint, length };
}

function hexAt(text: string, index: number, digits: number): number | undefined {
  const hex = text.slice(index, index + digits);
  return hex.length === digits && /^[0-9a-fA-F]+$/.test(hex) ? Number.parseInt(hex, 16) : undefined;
}
