import type { BadRow, CharterText, CommitmentFigures, ComplianceReport, ComplianceStatus, Figures, ReportWarning } from '../model/compliance-report.js';
import { PAUSED_WARNING_SHARE } from './pause.js';
import { BAD_ROW_KINDS } from '../model/compliance-report.js';
import { attentionList, hasFewContacts, minContactsOf } from '../model/attention.js';
import { oneLine } from '../format/shared.js';
import { shareForDisplay } from '../model/share-display.js';
import { measuredUnit, type DurationUnit, type FixedDurationUnit } from '../time/duration.js';
import { palette, type Paint } from '../util/ansi.js';
import { wallClockIn } from '../time/calendar-date.js';
import { textInLanguage } from '../model/charter-text.js';
import type { MessageLocale } from '../messages/locale.js';
import type { MessageId } from '../messages/catalog.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';

/**
 * The report as a terminal table: per charter, each commitment's figures for
 * the whole range, with its months (those that have rows) beneath. Status is
 * always spelled out; colour (red, amber, green) only adds to it, on a terminal.
 * Headings and words are in the reader's language; ids, channel and
 * commitment names, and bad-row kinds stay as they are in the data.
 */
export interface TableOptions {
  readonly color: boolean;
  /** The report's time zone, for showing `asOf`. */
  readonly timeZone: string;
  /** The language of headings and words (default English). */
  readonly locale?: MessageLocale;
}

const STATUS_LABEL: Record<ComplianceStatus, MessageId> = {
  met: 'report.table.status.met',
  close: 'report.table.status.close',
  missed: 'report.table.status.missed',
  'no-data': 'report.table.status.no-data',
};

const COLUMNS = [
  'channel',
  'line',
  'commitment',
  'for',
  'promise',
  'target',
  'count',
  'met',
  'missed',
  'pending',
  'share met',
  'paused',
  'median',
  'p90',
  'status',
] as const;
type Column = (typeof COLUMNS)[number];
/** Shown only when some promise has a line, or is for a group or a service, or has rows with paused time. */
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set(['line', 'for', 'paused']);
const HEADING: Record<Column, MessageId> = {
  channel: 'report.table.column.channel',
  line: 'report.table.column.line',
  for: 'report.table.column.for',
  commitment: 'report.table.column.commitment',
  promise: 'report.table.column.promise',
  target: 'report.table.column.target',
  count: 'report.table.column.count',
  met: 'report.table.column.met',
  missed: 'report.table.column.missed',
  pending: 'report.table.column.pending',
  'share met': 'report.table.column.share-met',
  paused: 'report.table.column.paused',
  median: 'report.table.column.median',
  p90: 'report.table.column.p90',
  status: 'report.table.column.status',
};
/** Right-aligned columns: the numbers. */
const NUMERIC = new Set<string>(['target', 'count', 'met', 'missed', 'pending', 'share met', 'paused', 'median', 'p90']);

export function formatTable(report: ComplianceReport, options: TableOptions): string {
  const locale = options.locale ?? 'en';
  const say = (ref: MessageRef): string => renderMessage(ref, locale);
  const colours = palette(options.color);
  const paint = { met: colours.green, close: colours.yellow, missed: colours.red, 'no-data': colours.dim, bold: colours.bold, dim: colours.dim };
  const out: string[] = [];
  out.push(paint.bold(say(message('report.table.title', { time: localTime(report.asOf, options.timeZone), zone: options.timeZone }))));
  out.push(rangeLine(report, say));
  out.push('');
  out.push(...attentionLines(report, paint, say));
  const minContacts = minContactsOf(report);

  const byCharter = new Map<string, CommitmentFigures[]>();
  for (const figures of report.commitments) {
    const list = byCharter.get(figures.charter) ?? [];
    list.push(figures);
    byCharter.set(figures.charter, list);
  }
  for (const [charter, list] of byCharter) {
    const first = list[0] as CommitmentFigures;
    out.push(paint.bold(`${oneLine(charter)} · ${textIn(first.unitName, first.languages, locale)}`) + paint.dim(`  (${oneLine(first.file)})`));
    const rows: Row[] = [];
    for (const figures of list) {
      rows.push(
        row(
          figures,
          oneLine(figures.channel),
          oneLine(figures.commitment),
          promiseOf(figures, say),
          figures.total,
          false,
          hasFewContacts(figures.total, minContacts),
          say,
        ),
      );
      for (const month of figures.months) {
        if (month.count > 0) rows.push(row(figures, '', `  ${month.month}`, '', month, true, hasFewContacts(month, minContacts), say));
      }
    }
    const shown = COLUMNS.filter(
      (column) =>
        !OPTIONAL_COLUMNS.has(column) ||
        list.some((figures) =>
          column === 'line'
            ? figures.line !== null
            : column === 'paused'
              ? (figures.total.paused ?? 0) > 0
              : figures.groups.length > 0 || figures.service !== null,
        ),
    );
    out.push(...renderRows(rows, shown, paint, say));
    out.push('');
  }
  if (report.commitments.length === 0) out.push(say(message('report.table.no-commitments')), '');

  out.push(summaryLine(report, say));
  const badLine = badRowsLine(report, say);
  if (badLine) out.push(badLine);
  for (const warning of report.warnings ?? []) out.push(paint.missed(say(pausedWarning(warning, locale))));
  for (const unit of report.unmeasuredCharters) {
    const values = { charter: oneLine(unit.charter ?? unit.file), reason: oneLine(unit.reason), file: oneLine(unit.file) };
    out.push(paint.missed(say(message('report.table.not-measured', values))));
  }
  for (const review of report.overdueReviews) {
    const values = { charter: oneLine(review.charter), due: oneLine(review.due), count: review.daysOverdue };
    const line = review.reviewer
      ? message('report.table.review-overdue-reviewer', { ...values, name: textIn(review.reviewer.name, [], locale), id: oneLine(review.reviewer.id) })
      : message('report.table.review-overdue', values);
    out.push(paint.missed(say(line)));
  }
  return `${out.join('\n')}\n`;
}

type Say = (ref: MessageRef) => string;

/** More than 2 % of a promise's rows paused: the warning line (also on standard error for CSV). */
export function pausedWarning(warning: ReportWarning, locale: MessageLocale): MessageRef {
  const place = [warning.charter, warning.channel, warning.line, warning.commitment, ...warning.groups, warning.service]
    .filter((part): part is string => part !== null && part !== '')
    .map(oneLine)
    .join(' ');
  const share = renderMessage(message('report.table.percent', { value: Math.round(warning.share * 1000) / 10 }), locale);
  const limit = renderMessage(message('report.table.percent', { value: PAUSED_WARNING_SHARE * 100 }), locale);
  return message('report.table.paused-warning', { place, paused: warning.paused, count: warning.count, share, limit });
}

/** A status in words; on few contacts it says so, so that a small sample never reads as a bare MISSED. */
function statusWords(status: ComplianceStatus, few: boolean, say: Say): string {
  const word = say(message(STATUS_LABEL[status]));
  return few ? say(message('report.table.few-contacts', { status: word })) : word;
}

/**
 * The manager's view before the units: every promise missed or close, in the
 * latest month or over the whole period, across all units, missed first.
 */
function attentionLines(report: ComplianceReport, paint: Record<ComplianceStatus | 'bold' | 'dim', Paint>, say: Say): string[] {
  if (report.commitments.length === 0 || report.months.length === 0) return [];
  const minContacts = minContactsOf(report);
  const entries = report.attention ?? attentionList(report.commitments, minContacts);
  const month = report.months.at(-1) as string;
  const heading = paint.bold(say(message('report.table.attention.heading', { month })));
  if (entries.length === 0) return [heading, `  ${say(message('report.table.attention.none'))}`, ''];
  const headings = [
    say(message('report.table.column.unit')),
    say(message('report.table.attention.promise')),
    say(message('report.table.column.latest', { month })),
    say(message('report.table.column.period')),
  ];
  const rows = entries.map((entry) => {
    const figures = report.commitments[entry.index] as CommitmentFigures;
    const place = [figures.channel, figures.line, figures.channel === 'services' ? figures.service : null, figures.commitment, ...figures.groups]
      .filter((part): part is string => part !== null && part !== '')
      .map(oneLine)
      .join(' ');
    return {
      cells: [
        oneLine(figures.charter),
        `${place} ${promiseOf(figures, say)}`,
        statusWords(entry.latest.status, entry.latest.fewContacts, say),
        statusWords(entry.period.status, entry.period.fewContacts, say),
      ],
      statuses: [entry.latest.status, entry.period.status] as const,
    };
  });
  const widths = headings.map((text, column) => Math.max(text.length, ...rows.map((row) => (row.cells[column] as string).length)));
  const pad = (text: string, column: number): string => text.padEnd(widths[column] as number);
  const lines = rows.map(
    (row) =>
      `  ${pad(row.cells[0] as string, 0)}  ${pad(row.cells[1] as string, 1)}  ` +
      `${paint[row.statuses[0]](row.cells[2] as string)}${' '.repeat((widths[2] as number) - (row.cells[2] as string).length)}  ${paint[row.statuses[1]](row.cells[3] as string)}`,
  );
  return [heading, paint.dim(`  ${headings.map(pad).join('  ').trimEnd()}`), ...lines, ''];
}

interface Row {
  readonly cells: Record<Column, string>;
  readonly status: ComplianceStatus;
  readonly isMonth: boolean;
}

function row(commitment: CommitmentFigures, channel: string, name: string, promise: string, figures: Figures, isMonth: boolean, few: boolean, say: Say): Row {
  const { unit, target, measure } = commitment;
  const scope = [...commitment.groups, ...(commitment.service === null || commitment.channel === 'services' ? [] : [commitment.service])];
  const result =
    measure === 'average'
      ? figures.mean === null || figures.mean === undefined
        ? '–'
        : say(message('report.table.mean', { time: timeIn(figures.mean, unit, say) }))
      : measure === 'abandoned'
        ? figures.abandonedShare === null || figures.abandonedShare === undefined
          ? '–'
          : say(message('report.table.abandoned-share', { share: percent(figures.abandonedShare, say) }))
        : figures.shareMet === null
          ? '–'
          : percent(figures.shareMet, say);
  return {
    cells: {
      channel: isMonth ? '' : commitment.channel === 'services' && commitment.service !== null ? `${channel}: ${oneLine(commitment.service)}` : channel,
      line: isMonth ? '' : oneLine(commitment.line ?? ''),
      commitment: name,
      for: isMonth ? '' : oneLine(scope.join(', ')),
      promise,
      target: measure === 'average' ? '–' : percent(target, say),
      count: String(figures.count),
      met: String(figures.met),
      missed: String(figures.missed),
      pending: String(figures.pending),
      'share met': result,
      paused: figures.paused === undefined ? '' : String(figures.paused),
      median: timeIn(figures.median, unit, say),
      p90: timeIn(figures.p90, unit, say),
      status: statusWords(figures.status, few, say),
    },
    status: figures.status,
    isMonth,
  };
}

/** The promise as written, with what it measures: `2 working days`, `average 2 minutes`, `abandoned at most 10%`. */
function promiseOf(figures: CommitmentFigures, say: Say): string {
  const within = oneLine(figures.within);
  if (figures.measure === 'average') return say(message('report.table.promise.average', { within }));
  if (figures.measure === 'abandoned') return say(message('report.table.promise.abandoned', { share: percent(figures.target, say) }));
  return within;
}

function renderRows(rows: readonly Row[], columns: readonly Column[], paint: Record<ComplianceStatus | 'bold' | 'dim', Paint>, say: Say): string[] {
  const headings = Object.fromEntries(COLUMNS.map((column) => [column, say(message(HEADING[column]))])) as Record<Column, string>;
  const widths = columns.map((column) => Math.max(headings[column].length, ...rows.map((entry) => entry.cells[column].length)));
  const line = (cells: (column: Column) => string): string =>
    `  ${columns
      .map((column, index) => {
        const width = widths[index] as number;
        const text = cells(column);
        return NUMERIC.has(column) ? text.padStart(width) : text.padEnd(width);
      })
      .join('  ')
      .trimEnd()}`;
  const header = paint.dim(line((column) => headings[column]));
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

function rangeLine(report: ComplianceReport, say: Say): string {
  const first = report.months[0];
  const last = report.months[report.months.length - 1];
  const range = say(
    first === undefined || last === undefined
      ? message('report.table.no-months')
      : first === last
        ? message('report.table.month', { month: first })
        : message('report.table.months', { first, last }),
  );
  const bounds = report.from || report.to ? ` (--from ${report.from ?? '…'} --to ${report.to ?? '…'})` : '';
  return `${range}${bounds}`;
}

function summaryLine(report: ComplianceReport, say: Say): string {
  const { rows } = report;
  const statuses = { met: 0, close: 0, missed: 0, 'no-data': 0 };
  for (const figures of report.commitments) statuses[figures.total.status]++;
  const parts = [
    say(message('report.table.rows-measured', { measured: rows.measured, read: rows.read })),
    rows.outsideRange > 0 ? say(message('report.table.rows-outside', { count: rows.outsideRange })) : '',
    rows.notStarted > 0 ? say(message('report.table.rows-not-started', { count: rows.notStarted })) : '',
    rows.bad > 0 ? say(message('report.table.rows-bad', { count: rows.bad })) : '',
  ].filter(Boolean);
  return say(
    message('report.table.summary', {
      rows: parts.join(', '),
      met: statuses.met,
      close: statuses.close,
      missed: statuses.missed,
      noData: statuses['no-data'],
    }),
  );
}

function badRowsLine(report: ComplianceReport, say: Say): string | undefined {
  if (report.rows.bad === 0) return undefined;
  // The kinds are ids (as in the JSON and on each listed row), not words.
  const kinds = BAD_ROW_KINDS.filter((kind) => report.badRowCounts[kind] > 0).map((kind) => `${kind} ${report.badRowCounts[kind]}`);
  return say(message('report.table.bad-rows', { kinds: kinds.join(', ') }));
}

/** A bad row as `file:line:col: kind: message`, the form editors and CI annotate. */
export function formatBadRow(bad: BadRow): string {
  // Messages quote the log's own text, and a log's file name is anything a folder holds: no control character reaches the terminal.
  return `${oneLine(bad.file)}:${bad.line}:${bad.column}: ${bad.kind}: ${oneLine(bad.message)}`;
}

/** `66.6%`; in Finnish and Swedish with a decimal comma and a space (`66,6 %`). */
function percent(fraction: number, say: Say): string {
  return say(message('report.table.percent', { value: Math.round(shareForDisplay(fraction) * 1000) / 10 }));
}

/** Short unit words for the table, with the amount (`2 days`, `2 päivää`). */
const UNIT_SHORT: Record<Exclude<DurationUnit, FixedDurationUnit>, MessageId> = {
  second: 'report.table.unit.second',
  minute: 'report.table.unit.minute',
  hour: 'report.table.unit.hour',
  'working hour': 'report.table.unit.working-hour',
  day: 'report.table.unit.day',
  'working day': 'report.table.unit.working-day',
  week: 'report.table.unit.week',
  month: 'report.table.unit.month',
  year: 'report.table.unit.year',
};

function timeIn(value: number | null, unit: DurationUnit, say: Say): string {
  if (value === null) return '–';
  return say(message(UNIT_SHORT[measuredUnit(unit)], { count: value }));
}

/** A text for the terminal: in the reader's language if the charter has it, else English, else its own languages in order; on one line, without control characters. */
function textIn(text: CharterText, languages: readonly string[], locale: MessageLocale): string {
  return oneLine(textInLanguage(text, [locale, 'en', ...languages])?.text ?? '');
}

function localTime(iso: string, timeZone: string): string {
  const { date, time } = wallClockIn(timeZone, new Date(iso));
  return `${date} ${time}`;
}
