import { message, type MessageRef } from '../messages/message.js';
import { lineEndAt, withoutComment } from './plain-text.js';

/** A column that the lines above open: a key (`name:`) or a list item (`-`). */
interface Level {
  readonly indent: number;
  readonly kind: 'key' | 'item';
  /** The key as written, with its colon (`name:`); `-` for an item. */
  readonly key: string;
  /** 1-based line of the key or item. */
  readonly line: number;
}

export interface Explained {
  readonly text: MessageRef;
  readonly start: number;
  readonly end: number;
}

/**
 * Says how the line starting at `lineStart` is indented wrongly: how far it is
 * indented, how far the keys (or list items) above it are, and which one to
 * line it up with. Undefined when its indentation matches a column above (the
 * mistake is something else). The `yaml` package reports such a line with
 * words of its grammar, and sometimes at the value on the line before.
 */
export function explainIndentation(text: string, lineStart: number): Explained | undefined {
  const lineEnd = lineEndAt(text, lineStart);
  const indent = leadingSpaces(text, lineStart, lineEnd);
  const content = withoutComment(text, lineStart + indent, lineEnd);
  if (content.end <= content.start) return undefined;
  const body = text.slice(content.start, content.end);
  const { levels, block } = levelsBefore(text, lineStart);
  // Less indented than the `|` text above it, yet more than its key: meant as more of that text.
  if (block?.content !== undefined && indent > block.parent && indent < block.content) return { text: message('load.yaml.indent.block-text'), ...content };
  const same = levels.findLast((level) => level.indent === indent);
  if (same) {
    if (same.kind === 'item' && !body.startsWith('-')) return { text: message('load.yaml.missing-dash', { item: body }), ...content };
    return undefined;
  }
  // Between two columns, the `yaml` package counts the line in the deeper one; past the last, it belongs with the last.
  const target = levels.find((level) => level.indent > indent) ?? levels[levels.length - 1];
  if (!target) return undefined;
  const values = { count: indent, above: target.indent, line: target.line };
  const explained = target.kind === 'item' ? message('load.yaml.indent.items', values) : message('load.yaml.indent.keys', { ...values, key: target.key });
  return { text: explained, ...content };
}

function leadingSpaces(text: string, start: number, end: number): number {
  let index = start;
  while (index < end && text.charCodeAt(index) === SPACE) index++;
  return index - start;
}

const SPACE = 32;

/** Most lines looked at; a charter is far shorter, and a longer file is not worth the work. */
const MAX_LINES = 20_000;

/**
 * The columns open at `end` (a line start): the keys and list items of the
 * lines above that later lines have not closed, shallowest first. Texts after
 * `|` or `>`, and quotes or brackets that run over several lines, are skipped;
 * `block` is the `|` or `>` text the last lines belong to, if any.
 */
function levelsBefore(text: string, end: number): { readonly levels: Level[]; readonly block: BlockText | undefined } {
  const stack: Level[] = [];
  let block: BlockText | undefined;
  let open: OpenState = { quote: 0, depth: 0 };
  let lineNumber = 0;
  for (let start = 0; start < end && lineNumber < MAX_LINES;) {
    const lineEnd = Math.min(lineEndAt(text, start), end);
    lineNumber++;
    const indent = leadingSpaces(text, start, lineEnd);
    const body = text.slice(start + indent, lineEnd).replace(/\r$/, '');
    start = lineEnd + 1;
    if (open.quote !== 0 || open.depth > 0) {
      open = scanOpen(body, open);
      continue;
    }
    if (body === '') continue;
    if (block) {
      if (block.content === undefined ? indent > block.parent : indent >= block.content) {
        block.content ??= indent;
        continue;
      }
      block = undefined;
    }
    if (body.startsWith('#')) continue;
    while (stack.length > 0 && (stack[stack.length - 1] as Level).indent >= indent) stack.pop();
    let column = indent;
    let rest = body;
    for (let dash = /^-(?:[ \t]+|$)/.exec(rest); dash; dash = /^-(?:[ \t]+|$)/.exec(rest)) {
      stack.push({ indent: column, kind: 'item', key: '-', line: lineNumber });
      column += dash[0].length;
      rest = rest.slice(dash[0].length);
    }
    const colon = keyEnd(rest);
    if (colon !== undefined) {
      stack.push({ indent: column, kind: 'key', key: rest.slice(0, colon + 1), line: lineNumber });
      rest = rest.slice(colon + 1).trimStart();
    }
    if (/^[|>][-+0-9]*[ \t]*(?:#.*)?$/.test(rest)) block = { parent: column, content: undefined };
    else open = scanOpen(rest, { quote: 0, depth: 0 });
  }
  return { levels: stack, block };
}

/** A text after `|` or `>`: the column of its key (or `-`), and of its first line once seen. */
interface BlockText {
  readonly parent: number;
  content: number | undefined;
}

/** Where the colon of a `key: value` line is, or undefined when the line holds no key. */
function keyEnd(rest: string): number | undefined {
  const first = rest.charAt(0);
  if (first === '[' || first === '{' || first === '#' || rest === '') return undefined;
  if (first === '"' || first === "'") {
    const close = rest.indexOf(first, 1);
    return close !== -1 && rest.charAt(close + 1) === ':' && /^(?:[ \t]|$)/.test(rest.slice(close + 2, close + 3)) ? close + 1 : undefined;
  }
  const match = /:(?:[ \t]|$)/.exec(rest);
  if (!match) return undefined;
  const comment = /[ \t]#/.exec(rest);
  return comment && comment.index < match.index ? undefined : match.index;
}

/** A quote or bracket still open at the end of a line. */
interface OpenState {
  /** The open quote's character code, or 0. */
  readonly quote: number;
  /** Flow brackets (`[`, `{`) still open. */
  readonly depth: number;
}

/** Follows quotes and brackets along one line's value: what is still open at its end. */
function scanOpen(line: string, state: OpenState): OpenState {
  let { quote, depth } = state;
  const startsValue = quote === 0 && depth === 0;
  if (startsValue && !/^["'[{]/.test(line)) return state;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (quote === DOUBLE) {
      if (code === BACKSLASH) index++;
      else if (code === DOUBLE) quote = 0;
    } else if (quote === SINGLE) {
      if (code === SINGLE && line.charCodeAt(index + 1) === SINGLE) index++;
      else if (code === SINGLE) quote = 0;
    } else if (code === DOUBLE || code === SINGLE) {
      quote = code;
    } else if (code === HASH && (index === 0 || /\s/.test(line.charAt(index - 1)))) {
      break;
    } else if (code === 91 || code === 123) {
      depth++;
    } else if ((code === 93 || code === 125) && depth > 0) {
      depth--;
    }
    if (quote === 0 && depth === 0 && startsValue) return { quote: 0, depth: 0 };
  }
  return { quote, depth };
}

const DOUBLE = 34;
const SINGLE = 39;
const BACKSLASH = 92;
const HASH = 35;
