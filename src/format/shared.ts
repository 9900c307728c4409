import { isAbsolute, relative, resolve, sep } from 'node:path';
import { compareDiagnostics, type Diagnostic, type FileResult, type Severity } from '../model/diagnostic.js';
import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { escapeCodePoint } from '../util/json-text.js';

/** Helpers that several formatters need; kept tiny so each lazily loaded formatter stays small. */

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
}

/** A file's diagnostics in report order, without touching the caller's array. */
export function sortedDiagnostics(result: FileResult): Diagnostic[] {
  return [...result.diagnostics].sort(compareDiagnostics);
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): Counts {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function countAll(results: readonly FileResult[]): Counts & { readonly filesWithProblems: number } {
  let errors = 0;
  let warnings = 0;
  let filesWithProblems = 0;
  for (const result of results) {
    const counts = countDiagnostics(result.diagnostics);
    errors += counts.errors;
    warnings += counts.warnings;
    if (result.diagnostics.length > 0) filesWithProblems++;
  }
  return { errors, warnings, filesWithProblems };
}

/** `2 errors, 1 warning` as a message, to be said in the reader's language. */
function countsMessage(counts: Counts): MessageRef {
  return message('format.counts', {
    errors: message('format.count.errors', { count: counts.errors }),
    warnings: message('format.count.warnings', { count: counts.warnings }),
  });
}

/** `2 errors, 1 warning` (`2 virhettä, 1 varoitus`). */
export function describeCounts(counts: Counts, locale: MessageLocale = 'en'): string {
  return renderMessage(countsMessage(counts), locale);
}

/** `error` or `warning` in the reader's language (machine fields keep the English word). */
export function severityWord(severity: Severity, locale: MessageLocale = 'en'): string {
  return renderMessage(message(severity === 'error' ? 'format.severity.error' : 'format.severity.warning'), locale);
}

/**
 * A file's path relative to `cwd` with forward slashes, or undefined when it
 * lies outside `cwd` (or on another drive), where no relative path makes sense.
 */
export function relativeToCwd(file: string, cwd: string): string | undefined {
  const path = relative(cwd, resolve(cwd, file));
  if (path === '' || isAbsolute(path) || path === '..' || path.startsWith(`..${sep}`)) return undefined;
  return toForwardSlashes(path);
}

export function toForwardSlashes(path: string): string {
  return sep === '\\' ? path.split(sep).join('/') : path;
}

/** 1-based and never 0 or negative, whatever the producer sent. */
export function atLeastOne(value: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.trunc(value) : 1;
}

/** The end of a diagnostic's range when it is usable (positive, not before the start), else undefined. */
export function usableEnd(diagnostic: Diagnostic): { readonly line: number; readonly column?: number } | undefined {
  const startLine = atLeastOne(diagnostic.line);
  const startColumn = atLeastOne(diagnostic.column);
  const valid = (value: number | undefined): value is number => value !== undefined && Number.isInteger(value) && value >= 1;
  if (diagnostic.endLine !== undefined && !valid(diagnostic.endLine)) return undefined;
  if (diagnostic.endLine === undefined && !valid(diagnostic.endColumn)) return undefined;
  const endLine = diagnostic.endLine ?? startLine;
  if (endLine < startLine) return undefined;
  const endColumn = diagnostic.endColumn;
  if (!valid(endColumn) || (endLine === startLine && endColumn < startColumn)) return { line: endLine };
  return { line: endLine, column: endColumn };
}

/**
 * Characters that must never reach a terminal or a log viewer raw: C0 and C1
 * controls (ESC starts a control sequence, U+009B is a one-character CSI), DEL,
 * and the bidirectional overrides and isolates, which can make a line read
 * differently from what it holds.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text for line-oriented human output: line breaks become spaces and other
 * control characters (ESC included, so a charter value cannot drive the
 * terminal) are shown as `\u001b`-style escapes.
 */
export function oneLine(text: string): string {
  return text
    .replace(/[ \t]*(?:\r\n|\r|\n|\u2028|\u2029)[ \t]*/g, ' ')
    .replace(/\t/g, ' ')
    .replace(UNSAFE_FOR_TERMINAL, escapeCodePoint);
}

/** Text for a terminal with its line feeds and tabs kept; every other control character (CR too) escaped. */
export function terminalLines(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => (char === '\n' || char === '\t' ? char : escapeCodePoint(char)));
}

/** Text that keeps its tabs and line breaks, CR included (a quoted CSV cell), with every other control character escaped. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, (char) => (char === '\n' || char === '\r' || char === '\t' ? char : escapeCodePoint(char)));
}

/** JSON whose every control character is an escape: the away kit writes it too. */
export { jsonText } from '../util/json-text.js';
