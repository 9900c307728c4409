/**
 * The start of the first line that may nest more deeply than `limit`, or
 * undefined. The `yaml` package reads nesting by recursion: a few kilobytes
 * of `[[[[` or `- - - -` exhaust the stack, which takes seconds, and at times
 * V8 then aborts the whole process ("RegExpCompiler Allocation failed")
 * instead of throwing. So such a text is refused before it is parsed.
 *
 * Without parsing, each line gets an upper bound of its depth: its
 * indentation, plus the indicators on it (`- `, `? `, `: `), plus the flow
 * brackets still open. Texts, comments and quotes only make the bound
 * larger; a real charter stays far below it.
 */
export function deeplyNestedLine(text: string, limit: number): number | undefined {
  let flowDepth = 0;
  let lineStart = 0;
  let indent = 0;
  let indicators = 0;
  let inIndent = true;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === LINE_FEED) {
      lineStart = index + 1;
      indent = 0;
      indicators = 0;
      inIndent = true;
      continue;
    }
    if (inIndent && code === SPACE) {
      indent++;
    } else {
      inIndent = false;
      if (code === 91 || code === 123)
        flowDepth++; // [ {
      else if ((code === 93 || code === 125) && flowDepth > 0)
        flowDepth--; // ] }
      else if ((code === 45 || code === 63 || code === 58) && endsIndicator(text.charCodeAt(index + 1))) indicators++; // - ? :
    }
    if (indent + indicators + flowDepth > limit) return lineStart;
  }
  return undefined;
}

const LINE_FEED = 10;
const SPACE = 32;

function endsIndicator(next: number): boolean {
  return Number.isNaN(next) || next === SPACE || next === LINE_FEED || next === 9 || next === 13;
}
