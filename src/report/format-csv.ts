import type { ComplianceReport, Figures } from './model.js';

/**
 * The report as CSV for spreadsheets: one row per commitment for the whole
 * range (`month` is `all`), then one per month of the range. Shares and
 * targets are fractions (0.9), times are in the commitment's own `unit`.
 */
const HEADER = ['charter', 'channel', 'commitment', 'within', 'target', 'month', 'count', 'met', 'missed', 'pending', 'share_met', 'median', 'p90', 'unit', 'status'];

export function formatCsv(report: ComplianceReport): string {
  const lines = [HEADER.join(',')];
  for (const figures of report.commitments) {
    const lead = [figures.charter, figures.channel, figures.commitment, figures.within, String(figures.target)];
    const line = (month: string, values: Figures): string =>
      [...lead, month, ...numbers(values), figures.unit, values.status].map(csvField).join(',');
    lines.push(line('all', figures.total));
    for (const month of figures.months) lines.push(line(month.month, month));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function numbers(figures: Figures): string[] {
  return [
    String(figures.count),
    String(figures.met),
    String(figures.missed),
    String(figures.pending),
    figures.shareMet === null ? '' : String(Math.round(figures.shareMet * 10_000) / 10_000),
    figures.median === null ? '' : String(figures.median),
    figures.p90 === null ? '' : String(figures.p90),
  ];
}

/** Quotes a field when it needs it; a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
