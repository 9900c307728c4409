import { addDays, daysBetween } from '../time/calendar-date.js';
import type { SqlType } from './dialect.js';
import { WorkingCalendar, type WorkingCalendarOptions } from '../time/working-calendar.js';

/**
 * The working-calendar dimension: one row per office calendar and date, so
 * that an engine that knows nothing of Finnish working days can measure
 * promises by looking up two dates. Working days taken are the difference of
 * two `working_day_index` values; working time between two instants is the
 * difference of `working_minutes_before` plus the clipped opening intervals
 * of the two days (see compliance-query.ts). Instants are epoch milliseconds.
 */

/** Opening intervals a row has room for; a calendar with more in one day has its working-hour promises skipped. */
export const MAX_INTERVALS = 3;

export interface OfficeCalendarEntry {
  /** `c1`, `c2`, … in the order the promises first use them. */
  readonly id: string;
  readonly options: WorkingCalendarOptions;
  readonly calendar: WorkingCalendar;
  /** Whether every day's opening intervals fit the row (MAX_INTERVALS). */
  hoursFit: boolean;
}

export interface CalendarRow {
  readonly calendar: string;
  readonly timeZone: string;
  readonly holidays: string;
  readonly date: string;
  /** Days since 1970-01-01. */
  readonly dayNumber: number;
  /** YYYY-MM. */
  readonly month: string;
  /** Year × 12 + month − 1. */
  readonly monthIndex: number;
  readonly dayOfMonth: number;
  readonly daysInMonth: number;
  readonly isWorking: boolean;
  /** Working days from the first date up to and including this one. */
  readonly workingDayIndex: number;
  readonly workingMinutes: number;
  /** Working minutes on the dates before this one. */
  readonly workingMinutesBefore: number;
  /** The last millisecond of the day in the office's zone. */
  readonly dayEndMs: number;
  /** The last millisecond of the first working day on or after this date. */
  readonly nextWorkingEndMs: number;
  /** The day's last closing time, null without office hours. */
  readonly lastCloseMs: number | null;
  /** The last closing time of the next working day with office hours after this date. */
  readonly nextCloseMs: number | null;
  /** Opening intervals [open, close) as instants, MAX_INTERVALS of them, null where there are fewer. */
  readonly intervals: readonly (readonly [number | null, number | null])[];
}

/** The calendars of a set of promises, identical ones once. */
export class CalendarSet {
  private readonly byKey = new Map<string, OfficeCalendarEntry>();

  /** The entry for these options (made on first use). */
  entryFor(options: WorkingCalendarOptions): OfficeCalendarEntry {
    const key = JSON.stringify([options.timeZone ?? null, options.holidays ?? null, options.weekly, options.closedDates ?? [], options.exceptions ?? []]);
    let entry = this.byKey.get(key);
    if (entry === undefined) {
      entry = { id: `c${this.byKey.size + 1}`, options, calendar: new WorkingCalendar(options), hoursFit: true };
      this.byKey.set(key, entry);
    }
    return entry;
  }

  get entries(): OfficeCalendarEntry[] {
    return [...this.byKey.values()];
  }
}

/** Days looked ahead past the last date for the next closing time. */
const LOOKAHEAD_DAYS = 60;

/** The rows of every calendar for the dates `first`..`last` (YYYY-MM-DD, inclusive); marks calendars whose hours do not fit. */
export function calendarRows(calendars: readonly OfficeCalendarEntry[], first: string, last: string): CalendarRow[] {
  return calendars.flatMap((entry) => rowsOf(entry, first, last));
}

function rowsOf(entry: OfficeCalendarEntry, first: string, last: string): CalendarRow[] {
  const { calendar } = entry;
  const days = daysBetween(first, last) + 1;
  const lastCloses: (number | null)[] = [];
  for (let index = 0; index < days + LOOKAHEAD_DAYS; index++) {
    const intervals = calendar.openingMinutesOn(addDays(first, index));
    const close = intervals[intervals.length - 1]?.[1];
    lastCloses.push(close === undefined ? null : calendar.instantOf(addDays(first, index), close).getTime());
  }
  // The next closing time after each date, filled from the end.
  const nextCloses: (number | null)[] = new Array<number | null>(lastCloses.length).fill(null);
  for (let index = lastCloses.length - 2; index >= 0; index--) nextCloses[index] = lastCloses[index + 1] ?? nextCloses[index + 1] ?? null;

  const rows: CalendarRow[] = [];
  let workingDayIndex = 0;
  let minutesBefore = 0;
  for (let index = 0; index < days; index++) {
    const date = addDays(first, index);
    const isWorking = calendar.isWorkingDay(date);
    if (isWorking) workingDayIndex++;
    const minutes = calendar.openingMinutesOn(date);
    if (minutes.length > MAX_INTERVALS) entry.hoursFit = false;
    const instants = minutes.map(([open, close]) => [calendar.instantOf(date, open).getTime(), calendar.instantOf(date, close).getTime()] as const);
    const workingMinutes = instants.reduce((sum, [open, close]) => sum + (close - open) / 60_000, 0);
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    rows.push({
      calendar: entry.id,
      timeZone: calendar.timeZone,
      holidays: calendar.holidayCalendar,
      date,
      dayNumber: Date.parse(`${date}T00:00:00Z`) / 86_400_000,
      month: date.slice(0, 7),
      monthIndex: year * 12 + month - 1,
      dayOfMonth: day,
      daysInMonth: new Date(Date.UTC(year, month, 0)).getUTCDate(),
      isWorking,
      workingDayIndex,
      workingMinutes,
      workingMinutesBefore: minutesBefore,
      dayEndMs: calendar.endOfDay(date).getTime(),
      nextWorkingEndMs: calendar.endOfDay(calendar.nextWorkingDayFrom(date)).getTime(),
      lastCloseMs: lastCloses[index] ?? null,
      nextCloseMs: nextCloses[index] ?? null,
      intervals: Array.from({ length: MAX_INTERVALS }, (_, slot) => instants[slot] ?? [null, null]),
    });
    minutesBefore += workingMinutes;
  }
  return rows;
}

/** The dimension's columns, in order, with their SQL types. */
export const CALENDAR_COLUMNS: readonly (readonly [string, SqlType])[] = [
  ['calendar', 'text'],
  ['time_zone', 'text'],
  ['holidays', 'text'],
  ['calendar_date', 'date'],
  ['day_number', 'int'],
  ['year_month', 'text'],
  ['month_index', 'int'],
  ['day_of_month', 'int'],
  ['days_in_month', 'int'],
  ['is_working', 'bool'],
  ['working_day_index', 'int'],
  ['working_minutes', 'bigint'],
  ['working_minutes_before', 'bigint'],
  ['day_end_ms', 'bigint'],
  ['next_working_end_ms', 'bigint'],
  ['last_close_ms', 'bigint'],
  ['next_close_ms', 'bigint'],
  ...Array.from({ length: MAX_INTERVALS }, (_, slot): (readonly [string, SqlType])[] => [
    [`open${slot + 1}_ms`, 'bigint'],
    [`close${slot + 1}_ms`, 'bigint'],
  ]).flat(),
];

/** A row's values in CALENDAR_COLUMNS order (dates as YYYY-MM-DD, booleans as booleans). */
export function calendarValues(row: CalendarRow): (string | number | boolean | null)[] {
  return [
    row.calendar,
    row.timeZone,
    row.holidays,
    row.date,
    row.dayNumber,
    row.month,
    row.monthIndex,
    row.dayOfMonth,
    row.daysInMonth,
    row.isWorking,
    row.workingDayIndex,
    row.workingMinutes,
    row.workingMinutesBefore,
    row.dayEndMs,
    row.nextWorkingEndMs,
    row.lastCloseMs,
    row.nextCloseMs,
    ...row.intervals.flat(),
  ];
}
