import { diagnosticMessage } from '../model/diagnostic.js';
import type { Diagnostic, FileResult, FormatContext, Formatter } from '../model/diagnostic.js';
import { countAll, oneLine, severityWord, sortedDiagnostics } from './shared.js';
import { palette, type Palette } from '../util/ansi.js';
import { message, renderMessage } from '../messages/message.js';

/**
 * ESLint's "stylish" layout: a header per file with problems, one aligned row
 * per diagnostic (`  line:col  severity  message  rule-id`), then a summary.
 * Prints nothing at all when there is nothing to report (see `stylishCleanLine`
 * for the line `charter validate` ends a clean run with). Severity words and the
 * summary are in the reader's language; rule ids stay as they are.
 */

export const formatStylish: Formatter = (results: readonly FileResult[], context: FormatContext): string => {
  const paint = palette(context.color === true);
  const blocks: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    blocks.push(`${paint.underline(oneLine(result.file))}\n${table(sortedDiagnostics(result), paint, context)}`);
  }
  if (blocks.length === 0) return '';

  const counts = countAll(results);
  const total = counts.errors + counts.warnings;
  const summaryColour = counts.errors > 0 ? paint.red : paint.yellow;
  const locale = context.locale ?? 'en';
  const errors = message('format.count.errors', { count: counts.errors });
  const warnings = message('format.count.warnings', { count: counts.warnings });
  const summary = summaryColour(paint.bold(renderMessage(message('format.stylish.summary', { count: total, errors, warnings }), locale)));
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
};

/**
 * The one line a clean run ends with: `✓ 5 charter files checked, no problems`,
 * counting every file read (baselines reached through `extends` too). Empty
 * when there are findings: the summary above says those.
 */
export function stylishCleanLine(results: readonly FileResult[], context: FormatContext): string {
  if (results.some((result) => result.diagnostics.length > 0)) return '';
  const paint = palette(context.color === true);
  return `${paint.green(renderMessage(message('format.stylish.clean', { count: results.length }), context.locale ?? 'en'))}\n`;
}

export default formatStylish;

/** Rows aligned like ESLint's: line numbers right-aligned so the colons line up, the rest left-aligned. */
function table(diagnostics: readonly Diagnostic[], paint: Palette, context: FormatContext): string {
  const rows = diagnostics.map((diagnostic) => ({
    line: String(diagnostic.line),
    column: String(diagnostic.column),
    severity: severityWord(diagnostic.severity, context.locale),
    isError: diagnostic.severity === 'error',
    message: oneLine(diagnosticMessage(diagnostic, context.locale)),
    ruleId: oneLine(diagnostic.ruleId),
  }));
  const lineWidth = Math.max(...rows.map((row) => width(row.line)));
  const columnWidth = Math.max(...rows.map((row) => width(row.column)));
  const severityWidth = Math.max(...rows.map((row) => width(row.severity)));
  const messageWidth = Math.max(...rows.map((row) => width(row.message)));

  return rows
    .map((row) => {
      const position = paint.dim(`${padStart(row.line, lineWidth)}:${padEnd(row.column, columnWidth)}`);
      const severityColour = row.isError ? paint.red : paint.yellow;
      const severity = severityColour(row.severity) + ' '.repeat(severityWidth - width(row.severity));
      const message = padEnd(row.message, messageWidth);
      return `  ${position}  ${severity}  ${message}  ${paint.dim(row.ruleId)}`;
    })
    .join('\n');
}

/** Width in code points, so that non-ASCII text (työpäivää) lines up. */
function width(text: string): number {
  return Array.from(text).length;
}

function padStart(text: string, to: number): string {
  return ' '.repeat(Math.max(0, to - width(text))) + text;
}

function padEnd(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}
