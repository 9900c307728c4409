import { escapeControls } from '../format/shared.js';
import type { ComplianceReport, Figures } from '../model/compliance-report.js';
import { hasFewContacts, minContactsOf } from '../model/attention.js';

/**
 * The report as CSV for spreadsheets: one row per commitment for the whole
 * range (`month` is `all`), then one per month of the range. Shares and
 * targets are fractions (0.9), times are in the commitment's own `unit`.
 * Columns added since format 1.1 come last, so that spreadsheets reading
 * columns by position keep working: `measure` (within, average, abandoned),
 * `line`, `group` (customer group ids, separated by spaces), `service`,
 * `mean` (average promises) and `abandoned`, `abandoned_share` (abandonment
 * promises), `paused` (rows with paused time: a stopped clock), `few_contacts` (1 when the row has fewer contacts than the
 * report's threshold, `--min-contacts`: its status rests on a small sample).
 */
const HEADER = [
  'charter',
  'channel',
  'commitment',
  'within',
  'target',
  'month',
  'count',
  'met',
  'missed',
  'pending',
  'share_met',
  'median',
  'p90',
  'unit',
  'status',
  'measure',
  'line',
  'group',
  'service',
  'mean',
  'abandoned',
  'abandoned_share',
  'paused',
  'few_contacts',
];

/** A cell: text (from charters, so untrusted), one of our own numbers, or empty. */
export type CsvCell = string | number | null;

export function formatCsv(report: ComplianceReport): string {
  const lines = [csvLine(HEADER)];
  const minContacts = minContactsOf(report);
  for (const figures of report.commitments) {
    const lead = [figures.charter, figures.channel, figures.commitment, figures.within, figures.target];
    const place = [figures.measure, figures.line, figures.groups.join(' '), figures.service];
    const line = (month: string, values: Figures): string =>
      csvLine([
        ...lead,
        month,
        ...numbers(values),
        figures.unit,
        values.status,
        ...place,
        ...measureNumbers(values),
        hasFewContacts(values, minContacts) ? 1 : 0,
      ]);
    lines.push(line('all', figures.total));
    for (const month of figures.months) lines.push(line(month.month, month));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function numbers(figures: Figures): CsvCell[] {
  return [
    figures.count,
    figures.met,
    figures.missed,
    figures.pending,
    figures.shareMet === null ? null : Math.round(figures.shareMet * 10_000) / 10_000,
    figures.median,
    figures.p90,
  ];
}

function measureNumbers(figures: Figures): CsvCell[] {
  const share = figures.abandonedShare;
  return [
    figures.mean ?? null,
    figures.abandoned ?? null,
    share === null || share === undefined ? null : Math.round(share * 10_000) / 10_000,
    figures.paused ?? null,
  ];
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',');
}

/**
 * A text cell a spreadsheet cannot run as a formula (OWASP's advice on CSV
 * injection): text that starts with =, +, -, @ (or their full-width forms),
 * also after spaces, or with a tab or carriage return, gets a leading `'`,
 * however numeric it looks. Only our own numbers are written bare. Other
 * control characters are shown as `\u001b`-style escapes (the CSV may be
 * printed to a terminal), and a cell holding a separator (`,` or, for
 * spreadsheets set to semicolons, `;`), a quote or a line break is quoted.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const visible = escapeControls(value);
  const text = FORMULA_START.test(visible) ? `'${visible}` : visible;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const NEEDS_QUOTES = /[",;\r\n]/;
