import type { BadRow, CharterText, CommitmentFigures, ComplianceReport, ComplianceStatus, Figures } from '../model/compliance-report.js';
import { BAD_ROW_KINDS } from '../model/compliance-report.js';
import { oneLine } from '../format/shared.js';
import { shareForDisplay } from '../model/share-display.js';
import type { DurationUnit } from '../time/duration.js';
import { palette, type Paint } from '../util/ansi.js';
import { wallClockIn } from '../time/calendar-date.js';
import { textInLanguage } from '../model/charter-text.js';

/**
 * The report as a terminal table: per charter, each commitment's figures for
 * the whole range, with its months (those that have rows) beneath. Status is
 * always spelled out; colour (red, amber, green) only adds to it, on a terminal.
 */
export interface TableOptions {
  readonly color: boolean;
  /** The report's time zone, for showing `asOf`. */
  readonly timeZone: string;
}

const STATUS_LABEL: Record<ComplianceStatus, string> = { met: 'met', close: 'close', missed: 'MISSED', 'no-data': 'no data' };

const COLUMNS = ['channel', 'commitment', 'promise', 'target', 'count', 'met', 'missed', 'pending', 'share met', 'median', 'p90', 'status'] as const;
/** Right-aligned columns: the numbers. */
const NUMERIC = new Set<string>(['target', 'count', 'met', 'missed', 'pending', 'share met', 'median', 'p90']);

export function formatTable(report: ComplianceReport, options: TableOptions): string {
  const colours = palette(options.color);
  const paint = { met: colours.green, close: colours.yellow, missed: colours.red, 'no-data': colours.dim, bold: colours.bold, dim: colours.dim };
  const out: string[] = [];
  out.push(paint.bold(`Compliance as of ${localTime(report.asOf, options.timeZone)} (${options.timeZone})`));
  out.push(rangeLine(report));
  out.push('');

  const byCharter = new Map<string, CommitmentFigures[]>();
  for (const figures of report.commitments) {
    const list = byCharter.get(figures.charter) ?? [];
    list.push(figures);
    byCharter.set(figures.charter, list);
  }
  for (const [charter, list] of byCharter) {
    const first = list[0] as CommitmentFigures;
    out.push(paint.bold(`${oneLine(charter)} · ${textIn(first.unitName, first.languages)}`) + paint.dim(`  (${oneLine(first.file)})`));
    const rows: Row[] = [];
    for (const figures of list) {
      rows.push(row(oneLine(figures.channel), oneLine(figures.commitment), oneLine(figures.within), figures.target, figures.total, figures.unit, false));
      for (const month of figures.months) {
        if (month.count > 0) rows.push(row('', `  ${month.month}`, '', figures.target, month, figures.unit, true));
      }
    }
    out.push(...renderRows(rows, paint));
    out.push('');
  }
  if (report.commitments.length === 0) out.push('No charter makes a measurable promise (channels and feedback with `within`).', '');

  out.push(summaryLine(report));
  const badLine = badRowsLine(report);
  if (badLine) out.push(badLine);
  for (const unit of report.unmeasuredCharters) {
    out.push(
      paint.missed(`Not measured: ${oneLine(unit.charter ?? unit.file)} has errors (${oneLine(unit.reason)}); run charter validate ${oneLine(unit.file)}`),
    );
  }
  for (const review of report.overdueReviews) {
    const reviewer = review.reviewer ? `; this period's reviewer: ${textIn(review.reviewer.name, [])} (${oneLine(review.reviewer.id)})` : '';
    out.push(paint.missed(`Review overdue: ${oneLine(review.charter)} was due ${oneLine(review.due)} (${review.daysOverdue} days ago)${reviewer}`));
  }
  return `${out.join('\n')}\n`;
}

interface Row {
  readonly cells: Record<(typeof COLUMNS)[number], string>;
  readonly status: ComplianceStatus;
  readonly isMonth: boolean;
}

function row(channel: string, commitment: string, promise: string, target: number, figures: Figures, unit: DurationUnit, isMonth: boolean): Row {
  return {
    cells: {
      channel,
      commitment,
      promise,
      target: percent(target),
      count: String(figures.count),
      met: String(figures.met),
      missed: String(figures.missed),
      pending: String(figures.pending),
      'share met': figures.shareMet === null ? '–' : percent(figures.shareMet),
      median: timeIn(figures.median, unit),
      p90: timeIn(figures.p90, unit),
      status: STATUS_LABEL[figures.status],
    },
    status: figures.status,
    isMonth,
  };
}

function renderRows(rows: readonly Row[], paint: Record<ComplianceStatus | 'bold' | 'dim', Paint>): string[] {
  const widths = COLUMNS.map((column) => Math.max(column.length, ...rows.map((entry) => entry.cells[column].length)));
  const line = (cells: (column: (typeof COLUMNS)[number]) => string): string =>
    `  ${COLUMNS.map((column, index) => {
      const width = widths[index] as number;
      const text = cells(column);
      return NUMERIC.has(column) ? text.padStart(width) : text.padEnd(width);
    })
      .join('  ')
      .trimEnd()}`;
  const header = paint.dim(line((column) => column));
  return [
    header,
    ...rows.map((entry) => {
      const text = line((column) => entry.cells[column]);
      // Colour the status word only (padding stays outside the escape codes).
      const status = entry.cells.status;
      const coloured = text.slice(0, text.length - status.length) + paint[entry.status](status);
      return entry.isMonth ? paint.dim(coloured) : coloured;
    }),
  ];
}

function rangeLine(report: ComplianceReport): string {
  const first = report.months[0];
  const last = report.months[report.months.length - 1];
  const range = first === undefined ? 'no months with rows' : first === last ? `month ${first}` : `months ${first} to ${last}`;
  const bounds = report.from || report.to ? ` (--from ${report.from ?? '…'} --to ${report.to ?? '…'})` : '';
  return `${range}${bounds}`;
}

function summaryLine(report: ComplianceReport): string {
  const { rows } = report;
  const statuses = { met: 0, close: 0, missed: 0, 'no-data': 0 };
  for (const figures of report.commitments) statuses[figures.total.status]++;
  const parts = [
    `${rows.measured} of ${rows.read} rows measured`,
    rows.outsideRange > 0 ? `${rows.outsideRange} outside the range` : '',
    rows.notStarted > 0 ? `${rows.notStarted} starting after the as-of time` : '',
    rows.bad > 0 ? `${rows.bad} bad` : '',
  ].filter(Boolean);
  return `${parts.join(', ')}. Commitments: ${statuses.met} met, ${statuses.close} close, ${statuses.missed} missed, ${statuses['no-data']} without data.`;
}

function badRowsLine(report: ComplianceReport): string | undefined {
  if (report.rows.bad === 0) return undefined;
  const kinds = BAD_ROW_KINDS.filter((kind) => report.badRowCounts[kind] > 0).map((kind) => `${kind} ${report.badRowCounts[kind]}`);
  return `Bad rows (not counted): ${kinds.join(', ')}; each is listed on standard error with file:line:col.`;
}

/** A bad row as `file:line:col: kind: message`, the form editors and CI annotate. */
export function formatBadRow(bad: BadRow): string {
  // Messages quote the log's own text, and a log's file name is anything a folder holds: no control character reaches the terminal.
  return `${oneLine(bad.file)}:${bad.line}:${bad.column}: ${bad.kind}: ${oneLine(bad.message)}`;
}

function percent(fraction: number): string {
  return `${Math.round(shareForDisplay(fraction) * 1000) / 10}%`;
}

/** Short unit words for the table: [one, other]. */
const UNIT_SHORT: Record<DurationUnit, readonly [string, string]> = {
  second: ['s', 's'],
  minute: ['min', 'min'],
  hour: ['h', 'h'],
  'working hour': ['working h', 'working h'],
  day: ['day', 'days'],
  'working day': ['working day', 'working days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};

function timeIn(value: number | null, unit: DurationUnit): string {
  if (value === null) return '–';
  const [one, other] = UNIT_SHORT[unit];
  return `${value} ${value === 1 ? one : other}`;
}

/** A text for the terminal: English if the charter has it (the CLI speaks English), else its own languages in order; on one line, without control characters. */
function textIn(text: CharterText, languages: readonly string[]): string {
  return oneLine(textInLanguage(text, ['en', ...languages])?.text ?? '');
}

function localTime(iso: string, timeZone: string): string {
  const { date, time } = wallClockIn(timeZone, new Date(iso));
  return `${date} ${time}`;
}
