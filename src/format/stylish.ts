import { diagnosticMessage } from '../model/diagnostic.js';
import type { Diagnostic, FileResult, FormatContext, Formatter } from '../model/diagnostic.js';
import { countAll, describeCounts, oneLine, plural, sortedDiagnostics } from './shared.js';
import { palette, type Palette } from '../util/ansi.js';

/**
 * ESLint's "stylish" layout: a header per file with problems, one aligned row
 * per diagnostic (`  line:col  severity  message  rule-id`), then a summary.
 * Prints nothing at all when there is nothing to report.
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
  const summary = summaryColour(paint.bold(`\u2716 ${plural(total, 'problem')} (${describeCounts(counts)})`));
  return `${blocks.join('\n\n')}\n\n${summary}\n`;
};

export default formatStylish;

/** Rows aligned like ESLint's: line numbers right-aligned so the colons line up, the rest left-aligned. */
function table(diagnostics: readonly Diagnostic[], paint: Palette, context: FormatContext): string {
  const rows = diagnostics.map((diagnostic) => ({
    line: String(diagnostic.line),
    column: String(diagnostic.column),
    severity: diagnostic.severity,
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
      const severityColour = row.severity === 'error' ? paint.red : paint.yellow;
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
