import type { Document, YAMLError } from 'yaml';
import { message, type MessageRef } from '../messages/message.js';
import { explainIndentation, type Explained } from './indentation.js';
import { lineEndAt, lineStartAt, looksLikeKey, quoteColon, quotedExample, withoutComment } from './plain-text.js';
import { yaml } from './yaml-module.js';

/**
 * The first syntax error of a file in plain words, at the place to fix: the
 * text to put in quotes, the line that is indented wrongly. Each of the `yaml`
 * package's error codes has its own wording; its English text is shown only
 * for what none of them covers ("the YAML is not valid here: ...").
 */
export function explainYamlError(error: YAMLError, doc: Document.Parsed, text: string): Explained {
  const [start, end] = error.pos;
  const at = (said: MessageRef, from = start, to = end): Explained => ({ text: said, start: from, end: Math.max(from, to) });
  const fallback = (): Explained => at(message('load.yaml.invalid', { detail: lowerFirst(firstLine(error.message)) }));
  const detail = error.message;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return at(message('load.yaml.tab-indent'));
    case 'MULTIPLE_DOCS':
      return at(message('load.yaml.multiple-documents'));
    case 'BAD_DIRECTIVE':
      return at(message('load.yaml.directive'));
    case 'BAD_ALIAS':
      return at(detail.includes('ending in :') ? message('load.yaml.alias-colon') : message('load.yaml.alias-empty'));
    case 'BAD_DQ_ESCAPE':
      return at(message('load.yaml.bad-escape', { escape: text.slice(start, start + 2) }), start, start + 2);
    case 'BAD_SCALAR_START':
      return badStart(text, start) ?? fallback();
    case 'BLOCK_IN_FLOW':
      return colonInFlow(text, start, end) ?? fallback();
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (detail.startsWith('Nested mappings')) return colonOrIndentation(text, start) ?? fallback();
      return explainIndentation(text, lineStartAt(text, start)) ?? fallback();
    case 'MULTILINE_IMPLICIT_KEY':
      return keyOverLines(text, start) ?? fallback();
    case 'BAD_INDENT':
      if (detail.startsWith('All ')) return explainIndentation(text, lineStartAt(text, start)) ?? fallback();
      if (detail.startsWith('Block scalar')) return atLine(text, start, message('load.yaml.indent.block-text'));
      if (detail.startsWith('Flow end')) return at(message('load.yaml.indent.flow-end'));
      if (detail.includes('must be sufficiently indented')) return atLine(text, start, message('load.yaml.flow-unclosed'));
      return fallback();
    case 'MISSING_CHAR':
      if (detail.startsWith('Comments must be separated')) return at(message('load.yaml.comment-needs-space'));
      if (detail.startsWith('Missing closing')) return unclosedQuote(doc, text, start) ?? fallback();
      if (detail.startsWith('Implicit map keys need to be followed')) return atLine(text, start, message('load.yaml.missing-colon'));
      if (detail.startsWith('Sequence item without')) {
        return explainIndentation(text, lineStartAt(text, start)) ?? atLine(text, start, message('load.yaml.missing-dash', { item: lineText(text, start) }));
      }
      if (detail.startsWith('Missing space after :')) return colonWithoutSpace(text, start) ?? fallback();
      if (detail.startsWith('Missing , ')) return at(message('load.yaml.flow-missing-comma'));
      if (detail.startsWith('Block collection cannot start on same line')) return at(message('load.yaml.content-after-marker'));
      return fallback();
    case 'UNEXPECTED_TOKEN':
      if (/^Unexpected (?:,|empty item) in flow/.test(detail)) return at(message('load.yaml.flow-extra-comma'));
      return fallback();
    default:
      return fallback();
  }
}

/** The content of the line at `offset`, comment and indentation left out, as a finding. */
function atLine(text: string, offset: number, said: MessageRef): Explained {
  const range = lineContent(text, offset);
  return { text: said, start: range.start, end: Math.max(range.start, range.end) };
}

function lineContent(text: string, offset: number): { start: number; end: number } {
  const start = lineStartAt(text, offset);
  let first = start;
  while (text.charCodeAt(first) === 32) first++;
  return withoutComment(text, first, lineEndAt(text, offset));
}

function lineText(text: string, offset: number): string {
  const range = lineContent(text, offset);
  return text.slice(range.start, range.end);
}

/**
 * "Nested mappings are not allowed in compact mappings", at a value. Either
 * the value holds `: ` (`summary: Palvelemme: ma-pe`): quote it; or the
 * next line is indented further than the key, so YAML reads it as part of
 * this value: say how that line is off.
 */
function colonOrIndentation(text: string, start: number): Explained | undefined {
  const lineEnd = lineEndAt(text, start);
  const rest = withoutComment(text, start, lineEnd);
  const value = text.slice(rest.start, rest.end);
  if (/:(?:[ \t]|$)/.test(value)) {
    // `- Aukioloajat: ma-pe, la: 10-14`: the whole item is the text.
    const lineStart = lineStartAt(text, start);
    const before = /^([ \t]*-[ \t]+)(.+?):[ \t]+$/.exec(text.slice(lineStart, start));
    const from = before && !looksLikeKey(before[2] as string) ? lineStart + (before[1] as string).length : start;
    return { text: quoteColon(text.slice(from, rest.end)), start: from, end: rest.end };
  }
  const next = nextContentLine(text, lineEnd);
  if (next === undefined) return undefined;
  const nextLine = withoutComment(text, next, lineEndAt(text, next));
  const key = /^[ \t]*(.*?):(?:[ \t]|$)/.exec(text.slice(nextLine.start, nextLine.end));
  if (key && !looksLikeKey(key[1] as string)) {
    // The text goes on over the next line, and holds `: ` there: the whole text needs quotes.
    return { text: quoteColon(text.slice(start, nextLine.end)), start, end: nextLine.end };
  }
  return explainIndentation(text, next);
}

/** The start of the first line after `lineEnd` with more than blanks or a comment. */
function nextContentLine(text: string, lineEnd: number): number | undefined {
  for (let start = lineEnd + 1; start < text.length; start = lineEndAt(text, start) + 1) {
    const line = text.slice(start, lineEndAt(text, start)).trim();
    if (line !== '' && !line.startsWith('#')) return start;
  }
  return undefined;
}

/**
 * "Implicit keys need to be on a single line": a line YAML could not end as a
 * key. Either its colon has no space after it (`id:kirjasto`), or it has no
 * colon at all and runs into the next line.
 */
function keyOverLines(text: string, start: number): Explained | undefined {
  const range = lineContent(text, start);
  const line = text.slice(range.start, range.end);
  const squeezed = /^(-[ \t]+)?([^\s:#]+):([^\s/].*)$/.exec(line);
  if (squeezed) {
    const fixed = `${squeezed[2] as string}: ${squeezed[3] as string}`;
    return { text: message('load.yaml.colon-needs-space', { fixed }), ...range };
  }
  if (!/:(?:[ \t]|$)/.test(line)) return { text: message('load.yaml.missing-colon'), ...range };
  return undefined;
}

/** `{ fi:Kirjasto }`: "Missing space after : in flow map", at the colon. */
function colonWithoutSpace(text: string, colon: number): Explained | undefined {
  let from = colon;
  while (from > 0 && !/[\s{[,]/.test(text.charAt(from - 1))) from--;
  let to = colon + 1;
  while (to < text.length && !/[\s,}\]]/.test(text.charAt(to))) to++;
  if (from === colon || to === colon + 1) return undefined;
  return { text: message('load.yaml.colon-needs-space', { fixed: `${text.slice(from, colon)}: ${text.slice(colon + 1, to)}` }), start: from, end: to };
}

/**
 * "Block collections are not allowed within flow collections": in `{ }` or
 * `[ ]`, a text with `: ` in it (`{ fi: Palvelu: auki }`), or two entries
 * without a comma between them (`{ fi: Kirjasto sv: Bibliotek }`).
 */
function colonInFlow(text: string, start: number, end: number): Explained | undefined {
  let to = end;
  while (to > start && /[\s,}\]]/.test(text.charAt(to - 1))) to--;
  const inside = text.slice(start, to);
  if (inside.includes('\n')) return undefined;
  const keyBefore = /[ \t]([a-z][A-Za-z0-9]*):(?:[ \t]|$)/.exec(inside);
  if (keyBefore) {
    const at = start + keyBefore.index + 1;
    return { text: message('load.yaml.flow-missing-comma'), start: at, end: at + (keyBefore[1] as string).length + 1 };
  }
  return { text: quoteColon(inside), start, end: to };
}

/** "Plain value cannot start with reserved character @": a text to put in quotes. */
function badStart(text: string, start: number): Explained | undefined {
  const rest = withoutComment(text, start, lineEndAt(text, start));
  const value = text.slice(rest.start, rest.end);
  if (value === '') return undefined;
  const quoted = quotedExample(value);
  const character = value.charAt(0);
  if (quoted === undefined) return undefined;
  return { text: message('load.yaml.quote-start', { character, quoted }), start, end: rest.end };
}

/** "Missing closing quote": at the quote that opens the text, rather than where the file (or the line) ends. */
function unclosedQuote(doc: Document.Parsed, text: string, at: number): Explained | undefined {
  let opening: number | undefined;
  yaml().visit(doc, {
    Scalar: (_key, node) => {
      if ((node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') || !node.range) return;
      const [from, to] = node.range;
      if (from < at && at <= to + 1 && (opening === undefined || from > opening)) opening = from;
    },
  });
  if (opening === undefined) return undefined;
  const quote = text.charAt(opening) === "'" ? "'" : '"';
  return { text: message('load.yaml.unclosed-quote', { quote }), start: opening, end: opening + 1 };
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? text).replace(/ at line \d+, column \d+:?$/, '').trim();
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
