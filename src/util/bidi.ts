/**
 * Unicode's bidirectional formatting characters (UAX #9) and how they pair.
 * An embedding (LRE, RLE) ends at a PDF, an isolate (LRI, RLI, FSI) at a PDI;
 * an override (LRO, RLO) reorders the letters after it against their nature.
 * One left open runs on past its own text into whatever a page, card or
 * calendar puts next to it: a phone number beside it can read as another.
 */

export const PDF = 0x202c;
export const PDI = 0x2069;
const LRE = 0x202a;
const RLE = 0x202b;
const LRO = 0x202d;
const RLO = 0x202e;

/** Any of them: a text without one costs one native test. */
const BIDI_FORMATTING = /[\u202a-\u202e\u2066-\u2069]/;
/** Them and the paragraph separators (bidi class B), which end whatever is open. */
const BIDI_OR_PARAGRAPH = /[\u202a-\u202e\u2066-\u2069\n\r\u001c-\u001e\u0085\u2029]/g;

export function hasBidiFormatting(text: string): boolean {
  return BIDI_FORMATTING.test(text);
}

export function isBidiFormatting(codePoint: number): boolean {
  return (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= PDI);
}

/** LRO and RLO: never paired, never wanted. */
export function isBidiOverride(codePoint: number): boolean {
  return codePoint === LRO || codePoint === RLO;
}

/** What ends an opener: PDF an embedding, PDI an isolate. */
export function closerOf(opener: number): number {
  return opener === LRE || opener === RLE ? PDF : PDI;
}

export interface BidiProblem {
  /** Offset in the text, in UTF-16 code units. */
  readonly offset: number;
  readonly codePoint: number;
  /** An override; an opener its paragraph or text ends before it is closed; a closer with nothing to close. */
  readonly kind: 'override' | 'unclosed' | 'unmatched';
  /** For `unclosed`: where its paragraph or the text ends, where its closer belongs. */
  readonly end: number;
}

interface Opener {
  readonly offset: number;
  readonly codePoint: number;
}

/**
 * The bidirectional formatting characters of `text` that do not pair, in
 * order, as the bidi algorithm pairs them: a PDF closes the last opener only
 * when that is an embedding (it cannot reach out of an isolate); a PDI closes
 * the last open isolate and every embedding opened inside it; a paragraph
 * separator ends everything. Overrides open nothing here (they are errors of
 * their own), so a PDF meant for one is unmatched.
 */
export function unpairedBidi(text: string): BidiProblem[] {
  if (!BIDI_FORMATTING.test(text)) return [];
  const problems: BidiProblem[] = [];
  const open: Opener[] = [];
  const closeAll = (end: number): void => {
    for (const opener of open) problems.push({ ...opener, kind: 'unclosed', end });
    open.length = 0;
  };
  for (const match of text.matchAll(BIDI_OR_PARAGRAPH)) {
    const offset = match.index;
    const codePoint = text.charCodeAt(offset);
    if (isBidiOverride(codePoint)) {
      problems.push({ offset, codePoint, kind: 'override', end: offset + 1 });
    } else if (codePoint === PDF) {
      const last = open.at(-1);
      if (last && closerOf(last.codePoint) === PDF) open.pop();
      else problems.push({ offset, codePoint, kind: 'unmatched', end: offset + 1 });
    } else if (codePoint === PDI) {
      const isolate = open.findLastIndex((opener) => closerOf(opener.codePoint) === PDI);
      if (isolate === -1) problems.push({ offset, codePoint, kind: 'unmatched', end: offset + 1 });
      else open.length = isolate;
    } else if (isBidiFormatting(codePoint)) {
      open.push({ offset, codePoint });
    } else {
      closeAll(offset);
    }
  }
  closeAll(text.length);
  return problems.sort((a, b) => a.offset - b.offset);
}

/**
 * The text with its bidirectional formatting kept inside it: overrides and
 * unmatched closers dropped, each opener left open closed where its paragraph
 * or the text ends. A text whose formatting pairs is returned as it is.
 */
export function withBidiClosed(text: string): string {
  const problems = unpairedBidi(text);
  if (problems.length === 0) return text;
  const dropped = new Set<number>();
  const closers = new Map<number, string>();
  // The last opened closes first.
  for (const problem of [...problems].reverse()) {
    if (problem.kind === 'unclosed') closers.set(problem.end, (closers.get(problem.end) ?? '') + String.fromCharCode(closerOf(problem.codePoint)));
    else dropped.add(problem.offset);
  }
  const places = [...new Set([...dropped, ...closers.keys()])].sort((a, b) => a - b);
  let result = '';
  let from = 0;
  for (const place of places) {
    result += text.slice(from, place) + (closers.get(place) ?? '');
    from = dropped.has(place) ? place + 1 : place;
  }
  return result + text.slice(from);
}
