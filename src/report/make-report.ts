import type { Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { checkCharters, DEFAULT_CHARTERS_FOLDER } from '../check.js';
import { InputError } from '../load/find-files.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import type { FileResult } from '../model/diagnostic.js';
import type { Charter } from '../model/charter.js';
import { todayIn } from '../time/calendar-date.js';
import { notRegularKindMessage, systemProblemMessage } from '../util/regular-file.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { indexCommitments, type CommitmentIndex, type RowTarget } from './commitment-index.js';
import { noBadRows, readWholeLog } from './intake.js';
import { LogFileError } from './log-reader.js';
import { asOfMessage, rangeProblem, timeWindowAround, type TimeWindow } from './report-window.js';
import { attentionList } from '../model/attention.js';
import { BAD_ROW_KINDS, DEFAULT_MIN_CONTACTS, MAX_LISTED_BAD_ROWS, type BadRow, type BadRowKind, type ComplianceReport } from '../model/compliance-report.js';
import { overdueReviews } from './overdue-reviews.js';
import { RowCursor, RowStore, type Duplicates } from './row-store.js';
import { RowCounter, skipped } from './count-rows.js';
import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import type { LogInput, LogReading } from './log-options.js';
import { pausedWarnings } from './pause.js';
import { countRequestOf } from './half-count.js';
import type { LogReadings } from './log-readings.js';
import type { TallyOptions } from './tally.js';

export interface MeasureOptions {
  readonly cwd: string;
  /** Contact logs (CSV or JSON Lines); `-` reads standard input. */
  readonly logs: readonly string[];
  /** First and last day to count (YYYY-MM-DD, the office's date of the start), inclusive; within 10 years of `asOf` (see report-window.ts). */
  readonly from?: string;
  readonly to?: string;
  /** Open rows are judged at this instant (default now); in the years 1970 to 2199. Rows more than 10 years from it are bad rows. */
  readonly asOf?: Date;
  /** Standard input, for `-`. */
  readonly stdin?: Readable;
  /** Read a large log in two halves on two threads (default true; see intake.ts). */
  readonly split?: boolean;
  /** The size from which a log is split (tests make it small). */
  readonly splitMinBytes?: number;
  /** The size from which a split log's second half is counted on its thread too (tests make it small). */
  readonly countMinBytes?: number;
  /** The language of the bad rows' messages (default English); kinds and field names stay as they are. */
  readonly locale?: MessageLocale;
  /** How to read the logs: delimiter, encoding, time zone of times without an offset, column names (see log-options.ts). */
  readonly reading?: LogReading;
  /** Months with fewer contacts than this are marked `fewContacts` (default DEFAULT_MIN_CONTACTS); a whole number from 0. */
  readonly minContacts?: number;
  /** Readings of the logs to reuse and keep, for several measurements of one run (see LogReadings). */
  readonly readings?: LogReadings;
}

/** The logs as read and checked against a set of charters: what every period's count starts from. */
interface LogsAsRead {
  readonly index: CommitmentIndex;
  readonly store: RowStore;
  readonly rows: { readonly read: number };
  /** The bad rows of the reading, duplicates included (each report adds its own to a copy). */
  readonly badRows: BadRowList;
  readonly inputs: LogInput[];
  readonly duplicates: Duplicates;
}

/** What decides a reading of the logs, besides the charters: the same key, the same rows and bad rows. */
function readingKey(options: MeasureOptions, asOf: Date): string {
  const { cwd, logs, reading, split, splitMinBytes, countMinBytes } = options;
  return JSON.stringify([cwd, logs, asOf.getTime(), reading ?? null, split ?? null, splitMinBytes ?? null, countMinBytes ?? null]);
}

export interface ReportOptions extends MeasureOptions {
  /** The charters folder (default `charters`). */
  readonly charters?: string;
}

export interface ReportResult {
  readonly report: ComplianceReport;
  /** Findings in the charters (the report still measures what it can). */
  readonly charterResults: readonly FileResult[];
  /** The unit charters measured (open data names their organisation). */
  readonly charters: readonly Charter[];
}

/**
 * Measures the charters' commitments against contact logs. Logs are read as
 * streams, row by row. Unreadable logs throw LogFileError (nothing is
 * reported then); bad rows are counted and listed, never dropped silently.
 */
export async function makeComplianceReport(options: ReportOptions): Promise<ReportResult> {
  // Review dates are judged on the report's day, as its overdue reviews are, not on the day it is run.
  const asOf = options.asOf ?? new Date();
  const today = asOfMessage(asOf) === undefined ? { today: todayIn(DEFAULT_TIME_ZONE, asOf) } : {};
  const { results, charters, unnormalized } = await checkCharters({ cwd: options.cwd, patterns: [options.charters ?? DEFAULT_CHARTERS_FOLDER], ...today });
  return { report: await measureCompliance({ charters, unnormalized }, { ...options, asOf }), charterResults: results, charters };
}

/**
 * The report over charters already normalized (`charter build --events`
 * measures the charters it builds). Units that could not be normalized are
 * listed as not measured, and their rows are bad rows that say why.
 */
export async function measureCompliance(units: NormalizedUnits, options: MeasureOptions): Promise<ComplianceReport> {
  const [report] = await measureCompliancePeriods(units, options, [{ from: options.from, to: options.to }]);
  return report as ComplianceReport;
}

/** The first and last day a report counts (see MeasureOptions). */
export interface ReportPeriod {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

/**
 * measureCompliance over several periods from one reading of the logs (a
 * review measures each charter from its own approval): the reports are those
 * measureCompliance gives for each period, its `from` and `to` replaced.
 * Reading and checking the rows is most of a report's work; counting them
 * again for another period is little.
 */
export async function measureCompliancePeriods(units: NormalizedUnits, options: MeasureOptions, periods: readonly ReportPeriod[]): Promise<ComplianceReport[]> {
  const asOf = options.asOf ?? new Date();
  const problem =
    asOfMessage(asOf) ?? periods.map((period) => rangeProblem(asOf, period.from, period.to)).find(Boolean) ?? minContactsProblem(options.minContacts);
  if (problem !== undefined) throw new InputError(problem);
  const [first] = periods;
  if (first === undefined) return [];
  const { reading, firstCounter } = await logsAsRead(units, options, asOf, tallyOptionsOf(asOf, first));
  return periods.map((period, periodIndex) => {
    const counter = periodIndex === 0 ? firstCounter : undefined;
    return periodReport(units, options, asOf, reading, period, counter ?? new RowCounter(reading.index, tallyOptionsOf(asOf, period), new Map()));
  });
}

/** What the tally counts for a period: its rows by start day, open rows judged at `asOf`. */
function tallyOptionsOf(asOf: Date, period: ReportPeriod): TallyOptions {
  return { asOfMs: asOf.getTime(), from: period.from, to: period.to };
}

/**
 * The logs as read against `units`: kept in `options.readings` from an
 * earlier measurement, or read now, the first period (`firstOptions`) counted
 * while they are read (`firstCounter`).
 */
async function logsAsRead(
  units: NormalizedUnits,
  options: MeasureOptions,
  asOf: Date,
  firstOptions: TallyOptions,
): Promise<{ reading: LogsAsRead; firstCounter?: RowCounter }> {
  const key = readingKey(options, asOf);
  // Only this function stores readings, always of this shape.
  const kept = options.readings?.get(units, key) as LogsAsRead | undefined;
  if (kept !== undefined) return { reading: kept };
  const index = indexCommitments(units);
  await checkReadable(options.logs, options.cwd);
  // The first half of a log read in two halves is counted while the other thread reads the second (see RowCounter.countAhead),
  // which counts its half too once read (half-count.ts): for the first period; the others are counted once all is read.
  const firstCounter = new RowCounter(index, firstOptions, new Map());
  const read = await readAllLogs(options, index, timeWindowAround(asOf.getTime()), firstCounter, firstOptions);
  const duplicates = markDuplicates(read.store, options.logs, read.badRows, firstCounter.knownDuplicates(read.store));
  const reading = { ...read, index, duplicates };
  options.readings?.set(units, key, reading);
  return { reading, firstCounter };
}

/** The report of one period, counted by `counter` (which may have counted part of the rows already) from the logs as read. */
function periodReport(
  units: NormalizedUnits,
  options: MeasureOptions,
  asOf: Date,
  reading: LogsAsRead,
  period: ReportPeriod,
  counter: RowCounter,
): ComplianceReport {
  const { index, store, rows, badRows, inputs, duplicates } = reading;
  let counted = counter;
  // Each report lists its own bad rows: those of the reading, and the rows of the promises it could not measure.
  const listed = Object.assign([...badRows], { counts: { ...badRows.counts } });
  counted.countRest(store, duplicates);
  if (counted.unmeasurable.size > 0) {
    // Counted again without them, so that no figure holds part of their rows; every other row counts as before.
    counted = new RowCounter(index, tallyOptionsOf(asOf, period), counted.unmeasurable);
    counted.countRest(store, duplicates);
    listUnmeasurable(store, duplicates, index, counted.unmeasurable, options.logs, listed);
  }
  const { tally, outcomes } = counted;
  const counts = { read: rows.read, ...outcomes, bad: BAD_ROW_KINDS.reduce((sum, kind) => sum + listed.counts[kind], 0) };
  listed.sort((a, b) => a.fileIndex - b.fileIndex || a.line - b.line);

  const months = reportMonths(period.from, period.to, tally.observedMonths());
  const minContacts = options.minContacts ?? DEFAULT_MIN_CONTACTS;
  const commitments = tally.figures(months);
  const locale = options.locale ?? 'en';
  return {
    asOf: asOf.toISOString(),
    from: period.from ?? null,
    to: period.to ?? null,
    months,
    minContacts,
    attention: attentionList(commitments, minContacts),
    commitments,
    rows: counts,
    badRowCounts: listed.counts,
    badRows: listed.map(({ fileIndex: _fileIndex, message: text, ...row }) => ({ ...row, message: renderMessage(text, locale) })),
    overdueReviews: overdueReviews(units.charters, todayIn(DEFAULT_TIME_ZONE, asOf)),
    unmeasuredCharters: units.unnormalized.map((unit) => ({ charter: unit.id ?? null, file: unit.file, reason: unit.reason })),
    input: { logs: inputs, timeZone: options.reading?.timeZone ?? null },
    warnings: pausedWarnings(commitments),
  };
}

/** The rows of commitments that cannot be measured, as bad rows. */
function listUnmeasurable(
  store: RowStore,
  duplicates: Duplicates,
  index: CommitmentIndex,
  unmeasurable: ReadonlyMap<number, string>,
  logs: readonly string[],
  badRows: BadRowList,
): void {
  const rows = new RowCursor(store, duplicates.rows);
  for (let row = rows.next(); row >= 0; row = rows.next()) {
    const target = index.targets[store.targetOf(row)] as RowTarget;
    const commitment = skipped(target, unmeasurable);
    if (commitment === undefined) continue;
    addStoredBadRow(badRows, store, logs, row, 'unknown-commitment', () => {
      const reason = unmeasurable.get(commitment.index) as string;
      return message('report.row.unmeasurable', { charter: commitment.charter, channel: commitment.channel, commitment: commitment.commitment, reason });
    });
  }
}

/** Counts a bad row found among the stored rows, and lists it while there is room (its message is made only then). */
function addStoredBadRow(badRows: BadRowList, store: RowStore, logs: readonly string[], row: number, kind: BadRowKind, text: () => MessageRef): void {
  badRows.counts[kind]++;
  if (badRows.length >= MAX_LISTED_BAD_ROWS) return;
  const fileIndex = store.fileOf(row);
  badRows.push({ file: logs[fileIndex] as string, fileIndex, line: store.lineOf(row), column: 1, kind, message: text() });
}

/** A bad row while the report is made: its message still data, said in the reader's language at the end. */
type ListedBadRow = Omit<BadRow, 'message'> & { readonly fileIndex: number; readonly message: MessageRef };

/** Bad rows as listed (at most MAX_LISTED_BAD_ROWS), with the count of each kind (all of them). */
type BadRowList = ListedBadRow[] & { counts: Record<BadRowKind, number> };

/** Every log's good rows in one store, in the order given, and their bad rows. */
async function readAllLogs(
  options: MeasureOptions,
  index: CommitmentIndex,
  window: TimeWindow,
  counter: RowCounter,
  tallyOptions: TallyOptions,
): Promise<{ store: RowStore; rows: { read: number }; badRows: BadRowList; inputs: LogInput[] }> {
  if (options.logs.length > MAX_LOGS) throw new LogFileError(options.logs[MAX_LOGS] as string, 0, 0, message('report.log.too-many', { max: MAX_LOGS }));
  const badRows = Object.assign([] as ListedBadRow[], { counts: noBadRows() });
  // What the thread reading the first log's second half needs to count it too.
  const countRequest = countRequestOf(index, tallyOptions);
  let store: RowStore | undefined;
  let read = 0;
  const inputs: LogInput[] = [];
  for (const [fileIndex, log] of options.logs.entries()) {
    const part = await readWholeLog(resolve(options.cwd, log), log, index, window, fileIndex, {
      input: log === '-' ? options.stdin : undefined,
      ...(options.split === undefined ? {} : { split: options.split }),
      ...(options.splitMinBytes === undefined ? {} : { splitMinBytes: options.splitMinBytes }),
      countMinBytes: options.countMinBytes,
      // Bad rows past the listed ones are only counted: their messages are not even made.
      listLimit: MAX_LISTED_BAD_ROWS - badRows.length,
      reading: options.reading,
      // Only the first log's halves: the rows before them are all there is to repeat.
      ...(fileIndex === 0 ? { whileWaiting: (first: RowStore) => counter.countAhead(first), count: countRequest } : {}),
    });
    // Read again in one piece (a split inside a quoted field): what was counted ahead is not these rows.
    if (fileIndex === 0 && part.pieces !== 2) counter.forgetAhead();
    if (part.later) counter.takeLater(part.later);
    if (part.input) inputs.push({ file: log, ...part.input });
    read += part.read;
    for (const kind of BAD_ROW_KINDS) badRows.counts[kind] += part.badCounts[kind];
    for (const row of part.badRows) if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ ...row, file: log, fileIndex });
    if (store === undefined) store = part.store;
    else store.append(part.store, 0);
  }
  return { store: store ?? new RowStore(), rows: { read }, badRows, inputs };
}

/**
 * Finds the rows that repeat an earlier one (see RowStore.findDuplicates; `known` when the two threads found
 * them already), counts them and lists them as bad rows while there is room.
 */
function markDuplicates(store: RowStore, logs: readonly string[], badRows: BadRowList, known: Duplicates | undefined): Duplicates {
  const duplicates = known ?? store.findDuplicates();
  for (let index = 0; index < duplicates.rows.length; index++) {
    const row = duplicates.rows[index] as number;
    const first = duplicates.firsts[index] as number;
    addStoredBadRow(badRows, store, logs, row, 'duplicate', () => {
      const firstFile = store.fileOf(first);
      const line = store.lineOf(first);
      return firstFile === store.fileOf(row)
        ? message('report.row.duplicate', { line })
        : message('report.row.duplicate-elsewhere', { file: logs[firstFile] as string, line });
    });
  }
  return duplicates;
}

/** The threshold of few contacts must be a whole number from 0 (0: never few). */
export function minContactsProblem(minContacts: number | undefined): MessageRef | undefined {
  if (minContacts === undefined || (Number.isSafeInteger(minContacts) && minContacts >= 0)) return undefined;
  return message('report.option.min-contacts', { given: String(minContacts) });
}

/** Rows remember their log in 16 bits. */
const MAX_LOGS = 65_535;

/** Fails before any row is read if a log cannot be opened, so no half report comes out. */
async function checkReadable(logs: readonly string[], cwd: string): Promise<void> {
  if (logs.length === 0) throw new LogFileError('(no log)', 0, 0, message('report.log.none'));
  if (logs.filter((log) => log === '-').length > 1) throw new LogFileError('-', 0, 0, message('report.log.stdin-twice'));
  for (const log of logs) {
    if (log === '-') continue;
    let info: Stats;
    try {
      info = await stat(resolve(cwd, log));
    } catch (error) {
      throw new LogFileError(log, 0, 0, systemProblemMessage(error));
    }
    // A FIFO would be waited on for ever (and a log is read in two halves, by position): pipes come through stdin.
    if (notRegularKindMessage(info) !== undefined) {
      throw new LogFileError(log, 0, 0, message(info.isDirectory() ? 'report.log.not-regular' : 'report.log.not-regular-pipe', { kind: kindOf(info) }));
    }
  }
}

/** What a file that is not a regular file is, in words (`a folder`, `a FIFO (named pipe)`). */
function kindOf(info: Stats): MessageRef {
  if (info.isDirectory()) return message('report.log.kind.folder');
  if (info.isFIFO()) return message('report.log.kind.fifo');
  if (info.isCharacterDevice() || info.isBlockDevice()) return message('report.log.kind.device');
  if (info.isSocket()) return message('report.log.kind.socket');
  return message('report.log.kind.special');
}

/** The months of --from..--to; where one is not given, the log's first or last month with counted rows. */
export function reportMonths(from: string | undefined, to: string | undefined, observed: { first: string; last: string } | undefined): string[] {
  const first = from?.slice(0, 7) ?? observed?.first;
  const last = to?.slice(0, 7) ?? observed?.last;
  if (first === undefined || last === undefined || first > last) return [];
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let current = first; current <= last;) {
    months.push(current);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
    current = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  }
  return months;
}
