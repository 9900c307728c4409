import { checkCharters, DEFAULT_CHARTERS_FOLDER } from '../check.js';
import type { FileResult } from '../model/diagnostic.js';
import { indexCommitments } from '../report/commitment-index.js';
import { addDays } from '../time/calendar-date.js';
import { calendarRows, CalendarSet, type CalendarRow } from './calendar-dimension.js';
import { calendarCsv, calendarSql } from './calendar-output.js';
import { complianceQuery } from './compliance-query.js';
import { dialectOf, type DialectName } from './dialect.js';
import { calendarsOfPromises, promiseTables, type PromiseTables, type SkippedPromise } from './promise-tables.js';

export interface SqlOptions {
  readonly cwd: string;
  /** The charters folder (default `charters`). */
  readonly charters?: string;
  readonly dialect: DialectName;
  /** First and last day counted (YYYY-MM-DD); the dimension runs on past `to` for deadlines. */
  readonly from: string;
  readonly to: string;
  /** Open rows are judged at this instant; absent: when the query runs. */
  readonly asOf?: Date;
  /** Review dates are judged on this day (charter findings only). */
  readonly today?: string;
}

export interface SqlResult {
  /** The dimension as SQL statements. */
  readonly calendarSql: string;
  readonly calendarCsv: string;
  /** The compliance query. */
  readonly query: string;
  /** Promises the query does not measure, with why. */
  readonly skipped: readonly SkippedPromise[];
  readonly charterResults: readonly FileResult[];
  /** The dimension's first and last day. */
  readonly calendarFrom: string;
  readonly calendarTo: string;
}

/** The dimension's table; the log's is `contacts`. */
export const CALENDAR_TABLE = 'charter_calendar';
export const CONTACTS_TABLE = 'contacts';

/** Days the dimension runs past `to`: the longest deadline measured (about a year, see commitment-index.ts) and the next working day after it. */
export const DAYS_AFTER_TO = 420;

/** What the charters give every dialect: the dimension's rows and the promise tables. */
export interface PreparedSql {
  readonly rows: readonly CalendarRow[];
  readonly tables: PromiseTables;
  readonly charterResults: readonly FileResult[];
  readonly calendarTo: string;
}

/** Reads the charters once; `renderSql` then writes any dialect. */
export async function prepareSql(options: Omit<SqlOptions, 'dialect'>): Promise<PreparedSql> {
  const { results, charters, unnormalized } = await checkCharters({
    cwd: options.cwd,
    patterns: [options.charters ?? DEFAULT_CHARTERS_FOLDER],
    ...(options.today === undefined ? {} : { today: options.today }),
  });
  const index = indexCommitments({ charters, unnormalized });
  const calendars = new CalendarSet();
  const calendarOf = calendarsOfPromises(index, charters, calendars);
  const calendarTo = addDays(options.to, DAYS_AFTER_TO);
  // The rows first: they find the calendars whose hours do not fit a row, whose working-hour promises are skipped.
  const rows = calendarRows(calendars.entries, options.from, calendarTo);
  return { rows, tables: promiseTables(index, calendarOf), charterResults: results, calendarTo };
}

export function renderSql(prepared: PreparedSql, options: SqlOptions): SqlResult {
  const dialect = dialectOf(options.dialect);
  return {
    calendarSql: calendarSql(dialect, CALENDAR_TABLE, prepared.rows),
    calendarCsv: calendarCsv(prepared.rows),
    query: complianceQuery(dialect, prepared.tables, {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      from: options.from,
      to: options.to,
      contacts: CONTACTS_TABLE,
      calendar: CALENDAR_TABLE,
    }),
    skipped: prepared.tables.skipped,
    charterResults: prepared.charterResults,
    calendarFrom: options.from,
    calendarTo: prepared.calendarTo,
  };
}

/** The working-calendar dimension and the compliance query of the charters, for one engine. */
export async function makeSql(options: SqlOptions): Promise<SqlResult> {
  return renderSql(await prepareSql(options), options);
}
