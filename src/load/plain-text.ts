import { message, type MessageRef } from '../messages/message.js';

/**
 * Helpers for saying "put this text in quotes" about YAML that reads a text
 * as something else. Charter keys are camelCase names (`approvedBy`) and
 * language codes (`fi`); a "key" with a space, a capital first letter, a
 * letter such as ä, or punctuation is a text that held `: `.
 */
export function looksLikeKey(key: string): boolean {
  return /^[a-z$][A-Za-z0-9_-]*$/.test(key);
}

/** Longest text shown whole in a "put it in quotes" example; a longer one is named by its position only. */
const MAX_EXAMPLE_LENGTH = 60;

/** `"Palvelemme: ma-pe"`: the text as a double-quoted YAML string, or undefined when too long or on several lines. */
export function quotedExample(text: string): string | undefined {
  if (text.length > MAX_EXAMPLE_LENGTH || /[\n\r`]/.test(text)) return undefined;
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** "Put this text in quotes", because it holds `: `. */
export function quoteColon(text: string): MessageRef {
  const quoted = quotedExample(text);
  return quoted === undefined ? message('load.yaml.quote-colon-long') : message('load.yaml.quote-colon', { quoted });
}

/** "Put this text in quotes", because a comma in `{ }` cut it. */
export function quoteComma(text: string): MessageRef {
  const quoted = quotedExample(text);
  return quoted === undefined ? message('load.yaml.quote-comma-long') : message('load.yaml.quote-comma', { quoted });
}

/** The end of the line that holds `offset` (the offset of its line feed, or the text's length). */
export function lineEndAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** The start of the line that holds `offset`. */
export function lineStartAt(text: string, offset: number): number {
  return offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** A line's text from `start` to `end` without a trailing comment (` # ...`) or blanks. */
export function withoutComment(text: string, start: number, end: number): { readonly start: number; readonly end: number } {
  const line = text.slice(start, end);
  const comment = /(^|[ \t])#/.exec(line);
  const content = comment ? line.slice(0, comment.index) : line;
  return { start, end: start + content.trimEnd().length };
}
