import type { MessageLocale } from '../messages/locale.js';
import { renderMessage, type MessageRef } from '../messages/message.js';

/** A finding about a charter file, positioned 1-based in the file that holds the value. */
export type Severity = 'error' | 'warning';

/** A path into the charter data, as keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  readonly column: number;
}

export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

export interface Diagnostic {
  /** Stable rule id, e.g. `review-due`; each has a page under docs/rules/. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** One sentence saying what is wrong and, where possible, what to do (English). */
  readonly message: string;
  /** The same message as data, to say it in the reader's language (see `diagnosticMessage`). */
  readonly text?: MessageRef;
  /** The file as the user named it (relative to the working folder where possible). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Where in the charter data the finding is; empty for whole-file problems. */
  readonly path: JsonPath;
}

/** Diagnostics of one file, as formatters receive them. */
export interface FileResult {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** A diagnostic's message in a language; English when it has no message data. */
export function diagnosticMessage(diagnostic: Diagnostic, locale: MessageLocale = 'en'): string {
  return diagnostic.text ? renderMessage(diagnostic.text, locale) : diagnostic.message;
}

export interface FormatContext {
  /** Working folder, for making paths relative (SARIF, GitHub). */
  readonly cwd: string;
  /** Whether the output may use ANSI colour. */
  readonly color: boolean;
  /** Tool version, for SARIF's driver. */
  readonly version: string;
  /** The language of message texts (default English); rule ids stay as they are. */
  readonly locale?: MessageLocale;
  /** Rule descriptions by id, for SARIF's rule metadata and help links. */
  readonly rules: ReadonlyMap<string, RuleMeta>;
}

export interface RuleMeta {
  readonly id: string;
  readonly description: string;
  readonly severity: Severity;
  /** Relative docs path in the package, e.g. docs/rules/review-due.md. */
  readonly docs: string;
}

export type Formatter = (results: readonly FileResult[], context: FormatContext) => string;

/** Sorts diagnostics by position, errors first at the same spot. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}
