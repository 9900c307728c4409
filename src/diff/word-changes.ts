import type { CharterData } from '../model/charter-data.js';
import { isPlainObject } from '../model/charter-data.js';
import type { JsonPath } from '../model/diagnostic.js';
import { message } from '../messages/message.js';
import { hasBidiFormatting, unpairedBidi, withBidiClosed } from '../util/bidi.js';
import { pathLabel } from './labels.js';
import type { FoundChange } from './promise-changes.js';

/** Quoted values longer than this are cut, with `…`: the change is in the file, the list only points at it. */
const MAX_QUOTED = 160;

interface Leaf {
  readonly path: JsonPath;
  /** The value as text, whole. */
  readonly value: string;
}

/** Characters kept before and after the changed part of a long text. */
const CONTEXT = 30;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_QUOTED ? `${piece(text, 0, MAX_QUOTED - 1)}…` : text;
}

/**
 * `text` from `start` to `end`, never through a character (a surrogate pair)
 * and, when the whole text's bidi formatting pairs, with the piece's paired
 * too: an isolate whose end is cut off would run on into the words after the
 * quote. A text that does not pair is left for the output to show as it is.
 */
function piece(text: string, start: number, end: number): string {
  const from = isLowSurrogate(text.charCodeAt(start)) ? start - 1 : start;
  const to = isLowSurrogate(text.charCodeAt(end)) ? end + 1 : end;
  const part = text.slice(Math.max(0, from), to);
  return hasBidiFormatting(part) && unpairedBidi(text).length === 0 ? withBidiClosed(part) : part;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The part of two long texts that differs, with a little of what surrounds
 * it: a changed word in a long summary shows as that word, not as two
 * paragraphs cut at the same place.
 */
export function changedParts(from: string, to: string): [string, string] {
  if (from.length <= MAX_QUOTED && to.length <= MAX_QUOTED) return [from, to];
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (end < from.length - start && end < to.length - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  const cut = (text: string): string => {
    const first = Math.max(0, start - CONTEXT);
    const last = Math.min(text.length, text.length - end + CONTEXT);
    return shown(`${first > 0 ? '…' : ''}${piece(text, first, last)}${last < text.length ? '…' : ''}`);
  };
  return [cut(from), cut(to)];
}

/** Every scalar of the data by its label (`unit.name.fi`), lists named by their items' ids. */
function leavesOf(data: CharterData, skip: (path: JsonPath) => boolean): Map<string, Leaf> {
  const leaves = new Map<string, Leaf>();
  const walk = (value: unknown, path: JsonPath): void => {
    if (skip(path)) return;
    if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
    else if (isPlainObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    else {
      const label = pathLabel(data, path);
      if (!leaves.has(label)) leaves.set(label, { path, value: typeof value === 'string' ? value : JSON.stringify(value) });
    }
  };
  walk(data, []);
  return leaves;
}

/**
 * Every other change, in words: texts (per language), addresses, numbers,
 * dates, anything not a measurable promise or opening hours, which the other
 * comparisons tell. `skip` says, per version, which paths those cover.
 */
export function wordChanges(
  before: CharterData,
  after: CharterData,
  languages: ReadonlySet<string>,
  skip: { readonly before: (path: JsonPath) => boolean; readonly after: (path: JsonPath) => boolean },
): FoundChange[] {
  const found: FoundChange[] = [];
  const oldLeaves = leavesOf(before, skip.before);
  const newLeaves = leavesOf(after, skip.after);
  const split = (label: string, path: JsonPath): { where: string; language?: string } => {
    const last = path[path.length - 1];
    if (typeof last === 'string' && languages.has(last) && label.endsWith(`.${last}`)) return { where: label.slice(0, -last.length - 1), language: last };
    return { where: label };
  };
  for (const [label, leaf] of newLeaves) {
    const old = oldLeaves.get(label);
    if (old && old.value === leaf.value) continue;
    const { where, language } = split(label, leaf.path);
    const [from, to] = old === undefined ? ['', shown(leaf.value)] : changedParts(old.value, leaf.value);
    const text =
      old === undefined
        ? language === undefined
          ? message('diff.words.value-added', { where, to })
          : message('diff.words.text-added', { where, language, to })
        : language === undefined
          ? message('diff.words.value-changed', { where, from, to })
          : message('diff.words.text-changed', { where, language, from, to });
    found.push({ kind: 'words', text, path: leaf.path, side: 'new' });
  }
  for (const [label, leaf] of oldLeaves) {
    if (newLeaves.has(label)) continue;
    const { where, language } = split(label, leaf.path);
    const text =
      language === undefined
        ? message('diff.words.value-removed', { where, from: shown(leaf.value) })
        : message('diff.words.text-removed', { where, language, from: shown(leaf.value) });
    found.push({ kind: 'words', text, path: leaf.path, side: 'old' });
  }
  return found;
}
