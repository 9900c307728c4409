import type { Document, Scalar } from 'yaml';
import { describeCharacter, type ReportAt as Report } from './control-characters.js';
import { readEscape } from './escapes.js';
import { yaml } from './yaml-module.js';
import { message, type MessageRef } from '../messages/message.js';
import { closerOf, hasBidiFormatting, isBidiFormatting, unpairedBidi, type BidiProblem } from '../util/bidi.js';

/**
 * Reports bidirectional embeddings and isolates that do not pair within their
 * own text (a key or a value), at the character or the escape that wrote it:
 * one left open would reorder what follows it on a page, a card or in a
 * calendar. Overrides are forbidden characters, reported already; comments
 * are not texts and are not paired.
 */
export function reportUnpairedBidi(doc: Document.Parsed, text: string, report: Report): void {
  if (!hasBidiFormatting(text) && !/\\[uU]/.test(text)) return;
  yaml().visit(doc, {
    Scalar: (_key, node) => {
      if (typeof node.value === 'string') checkScalar(node, node.value, text, report);
    },
  });
}

function checkScalar(node: Scalar, value: string, text: string, report: Report): void {
  const problems = unpairedBidi(value).filter((problem) => problem.kind !== 'override');
  if (problems.length === 0) return;
  const [start, end] = node.range ?? [0, 0];
  const written = writtenPlaces(node, text);
  const inValue = placesInValue(value);
  for (const problem of problems) {
    // The n-th such character of the value is the n-th written in the source, as a character or an escape.
    const place = written.length === inValue.length ? written[inValue.indexOf(problem.offset)] : undefined;
    report('control-character', problemMessage(problem), place?.start ?? start, place?.end ?? end);
  }
}

function problemMessage(problem: BidiProblem): MessageRef {
  const character = describeCharacter(problem.codePoint);
  return problem.kind === 'unclosed'
    ? message('load.control-character.unclosed', { character, closer: describeCharacter(closerOf(problem.codePoint)) })
    : message('load.control-character.unmatched', { character });
}

function placesInValue(value: string): number[] {
  const offsets: number[] = [];
  for (let index = 0; index < value.length; index++) if (isBidiFormatting(value.charCodeAt(index))) offsets.push(index);
  return offsets;
}

interface Place {
  readonly start: number;
  readonly end: number;
}

const BACKSLASH = 0x5c;

/** Where the scalar's source writes each bidirectional formatting character, in order. */
function writtenPlaces(node: Scalar, text: string): Place[] {
  const [from, end] = node.range ?? [0, 0];
  let start = from;
  // A block scalar's range starts at its header (`|`, `>-`), whose line may end in a comment.
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') {
    const lineEnd = text.indexOf('\n', from);
    start = lineEnd === -1 || lineEnd > end ? end : lineEnd + 1;
  }
  const places: Place[] = [];
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (node.type === 'QUOTE_DOUBLE' && code === BACKSLASH) {
      const escape = readEscape(text, index);
      if (!escape) {
        index++;
        continue;
      }
      if (isBidiFormatting(escape.codePoint)) places.push({ start: index, end: index + escape.length });
      index += escape.length - 1;
    } else if (isBidiFormatting(code)) {
      places.push({ start: index, end: index + 1 });
    }
  }
  return places;
}
