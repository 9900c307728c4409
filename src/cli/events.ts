import type { ComplianceReport } from '../model/compliance-report.js';
import { parseAsOf } from '../report/as-of.js';
import { asOfMessage } from '../report/report-window.js';
import { shorten } from '../report/timestamp.js';
import { formatBadRow } from '../report/format-table.js';
import { message, renderMessage } from '../messages/message.js';
import { UsageError, type CliIO } from './io.js';

/** Bad rows listed on standard error; the rest are counted (JSON output carries them all). */
const BAD_ROWS_SHOWN = 50;

/** `--as-of` as an instant (a usage error when it is not one); now when absent. */
export function asOfOption(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const asOf = parseAsOf(text);
  if (asOf === undefined) {
    throw new UsageError(message('cli.as-of.invalid', { value: shorten(text) }));
  }
  const problem = asOfMessage(asOf);
  if (problem !== undefined) throw new UsageError(problem);
  return asOf;
}

/** Bad rows as `file:line:col: kind: message` on standard error: never dropped silently. */
export function listBadRows(report: ComplianceReport, io: CliIO): void {
  if (report.rows.bad === 0) return;
  const shown = report.badRows.slice(0, BAD_ROWS_SHOWN);
  const lines = shown.map(formatBadRow);
  const rest = report.rows.bad - shown.length;
  if (rest > 0) lines.push(renderMessage(message('cli.events.more-bad-rows', { count: rest }), io.locale ?? 'en'));
  io.stderr(`${lines.join('\n')}\n`);
}
