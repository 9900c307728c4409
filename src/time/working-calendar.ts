import Holidays from 'date-holidays';
import { addDays, addMonths, daysBetween, isCalendarDate } from './calendar-date.js';
import type { Duration, DurationUnit } from './duration.js';
import { expandDays, minutesOf, WEEKDAYS, type Weekday } from './weekly-hours.js';

/**
 * Working-time maths for commitments: when a reply is due, and how long one
 * took, in the office's own calendar.
 *
 * - `N seconds|minutes|hours`: elapsed clock time.
 * - `N working hours`: only time inside office hours on working days counts;
 *   a start outside hours begins counting at the next opening.
 * - `N working days`: due by the end of the Nth working day after the start
 *   day (the start day itself is not counted).
 * - `N days|weeks|months`: due by the end of the calendar day N later; a
 *   deadline on a non-working day moves to the next working day.
 *
 * Non-working days are Saturdays, Sundays, Finnish public holidays plus
 * Midsummer Eve and Christmas Eve (New Year's Eve is a working day), and the
 * charter's closed exception days. "The end of a day" is its last millisecond
 * (23:59:59.999) in the office's time zone. Fractional day, week, month and
 * working-day amounts are rounded up to whole units.
 */
export interface WorkingCalendarOptions {
  /** IANA time zone of the office; Europe/Helsinki when absent. */
  readonly timeZone?: string;
  /** Office hours as charters write them: `{ days: mon-fri, open: '08:00', close: '16:00' }`. */
  readonly weekly: readonly { readonly days: unknown; readonly open: string; readonly close: string }[];
  /** Days the office is closed on top of weekends and holidays (YYYY-MM-DD). */
  readonly closedDates?: readonly string[];
}

export const DEFAULT_TIME_ZONE = 'Europe/Helsinki';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** How far the calendar searches for a working day or office hours before giving up. */
const SEARCH_LIMIT_DAYS = 3_700;

const CLOCK_MS: Partial<Record<DurationUnit, number>> = {
  second: 1_000,
  minute: MS_PER_MINUTE,
  hour: MS_PER_HOUR,
};

/** Opening periods of one weekday as [open, close) minutes since midnight, sorted and merged. */
type DayIntervals = readonly (readonly [number, number])[];

export class WorkingCalendar {
  readonly timeZone: string;
  private readonly hours: ReadonlyMap<Weekday, DayIntervals>;
  private readonly closed: ReadonlySet<string>;
  private readonly holidayCache = new Map<number, ReadonlySet<string>>();
  private readonly holidays = new Holidays('FI');
  private readonly formatter: Intl.DateTimeFormat;

  constructor(options: WorkingCalendarOptions) {
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    // Throws a RangeError for an unknown time zone.
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });

    const collected = new Map<Weekday, [number, number][]>();
    for (const period of options.weekly) {
      const days = expandDays(period.days);
      if (!days.ok) throw new Error(`office hours: ${days.message}`);
      const open = minutesOf(period.open);
      const close = minutesOf(period.close);
      if (open === undefined || close === undefined) throw new Error(`office hours: \`${period.open}-${period.close}\` is not HH:MM-HH:MM`);
      if (close <= open) throw new Error(`office hours: ${period.open}-${period.close} closes before it opens`);
      for (const day of days.days) {
        const list = collected.get(day) ?? [];
        list.push([open, close]);
        collected.set(day, list);
      }
    }
    const hours = new Map<Weekday, DayIntervals>();
    for (const [day, list] of collected) hours.set(day, mergeIntervals(list));
    this.hours = hours;

    for (const date of options.closedDates ?? []) {
      if (!isCalendarDate(date)) throw new Error(`closed date \`${date}\` is not a calendar date (YYYY-MM-DD)`);
    }
    this.closed = new Set(options.closedDates ?? []);
  }

  /** True unless the date is a Saturday, Sunday, Finnish holiday or closed exception day. */
  isWorkingDay(isoDate: string): boolean {
    if (!isCalendarDate(isoDate)) throw new Error(`\`${isoDate}\` is not a calendar date (YYYY-MM-DD)`);
    const weekday = weekdayOf(isoDate);
    if (weekday === 'sat' || weekday === 'sun') return false;
    if (this.closed.has(isoDate)) return false;
    return !this.holidaysOf(Number(isoDate.slice(0, 4))).has(isoDate);
  }

  /** When a commitment of `duration` that starts at `start` is due. */
  deadline(start: Date, duration: Duration): Date {
    checkInstant(start);
    const { amount, unit } = duration;
    if (!Number.isFinite(amount) || amount < 0) throw new Error(`duration amount must be a non-negative number, not ${amount}`);
    const clock = CLOCK_MS[unit];
    if (clock !== undefined) return new Date(start.getTime() + amount * clock);

    const startDate = this.localDate(start);
    const whole = Math.ceil(amount);
    switch (unit) {
      case 'working hour':
        return this.addWorkingTime(start, amount * MS_PER_HOUR);
      case 'working day': {
        let date = startDate;
        for (let counted = 0; counted < whole; ) {
          date = addDays(date, 1);
          if (this.isWorkingDay(date)) counted++;
        }
        return this.endOfDay(date);
      }
      case 'day':
      case 'week':
      case 'month': {
        const due = unit === 'month' ? addMonths(startDate, whole) : addDays(startDate, unit === 'week' ? whole * 7 : whole);
        return this.endOfDay(this.nextWorkingDayFrom(due));
      }
      default:
        throw new Error(`unknown duration unit ${String(unit)}`);
    }
  }

  /**
   * How long from `start` to `end` took, in `unit`: clock units exactly;
   * working hours as office time between the two; working days as the number
   * of working days after the start day up to and including the end day; days
   * and weeks by calendar days between the two days (weeks = days / 7); months
   * as whole months between the days plus the fraction of the next month.
   * Negative when `end` is before `start`. Note that a deadline moved off a
   * weekend or holiday can make an on-time `N days` reply more than N days:
   * judge on-time against `deadline()`.
   */
  elapsed(start: Date, end: Date, unit: DurationUnit): number {
    checkInstant(start);
    checkInstant(end);
    if (end.getTime() < start.getTime()) return -this.elapsed(end, start, unit);
    const clock = CLOCK_MS[unit];
    if (clock !== undefined) return (end.getTime() - start.getTime()) / clock;

    const startDate = this.localDate(start);
    const endDate = this.localDate(end);
    switch (unit) {
      case 'working hour':
        return this.workingTimeBetween(start, end) / MS_PER_HOUR;
      case 'working day': {
        let count = 0;
        for (let date = addDays(startDate, 1); date <= endDate; date = addDays(date, 1)) {
          if (this.isWorkingDay(date)) count++;
        }
        return count;
      }
      case 'day':
        return daysBetween(startDate, endDate);
      case 'week':
        return daysBetween(startDate, endDate) / 7;
      case 'month': {
        let months = 0;
        while (addMonths(startDate, months + 1) <= endDate) months++;
        const from = addMonths(startDate, months);
        const to = addMonths(startDate, months + 1);
        return months + daysBetween(from, endDate) / daysBetween(from, to);
      }
      default:
        throw new Error(`unknown duration unit ${String(unit)}`);
    }
  }

  /** The calendar date of an instant in the office's time zone (YYYY-MM-DD). */
  localDate(instant: Date): string {
    const parts = this.wallClock(instant.getTime());
    return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
  }

  /**
   * The instant of a wall-clock time in the office's time zone. Minutes may be
   * 1440 (24:00, the next midnight). A time skipped by a DST change (03:30 on
   * the spring-forward day in Helsinki) maps to the instant it would have been
   * with the offset before the change, that is, one hour later on the clock.
   */
  instantOf(isoDate: string, minutes: number): Date {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    const wall = Date.UTC(year, month - 1, day) + minutes * MS_PER_MINUTE;
    // The offset just before the wall time, then corrected once for a change in between.
    const first = wall - this.offsetAt(wall - this.offsetAt(wall));
    const second = wall - this.offsetAt(first);
    if (this.offsetAt(second) === wall - second) return new Date(second);
    if (this.offsetAt(first) === wall - first) return new Date(first);
    // In a gap: use the offset in force before the change.
    return new Date(wall - this.offsetAt(Math.min(first, second) - MS_PER_HOUR * 3));
  }

  /** The last millisecond of a day in the office's time zone. */
  endOfDay(isoDate: string): Date {
    return new Date(this.instantOf(addDays(isoDate, 1), 0).getTime() - 1);
  }

  /** The first working day on or after `isoDate`. */
  nextWorkingDayFrom(isoDate: string): string {
    let date = isoDate;
    for (let step = 0; step < SEARCH_LIMIT_DAYS; step++, date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) return date;
    }
    throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days of ${isoDate}`);
  }

  /** The instant `ms` of office time after `start`. */
  private addWorkingTime(start: Date, ms: number): Date {
    const from = start.getTime();
    if (ms <= 0) return new Date(from);
    let remaining = ms;
    let date = this.localDate(start);
    for (let step = 0; step < SEARCH_LIMIT_DAYS; step++, date = addDays(date, 1)) {
      for (const [open, close] of this.intervalsOn(date)) {
        const segmentStart = Math.max(from, open);
        if (close <= segmentStart) continue;
        const available = close - segmentStart;
        if (remaining <= available) return new Date(segmentStart + remaining);
        remaining -= available;
      }
    }
    throw new Error(`no office hours within ${SEARCH_LIMIT_DAYS} days of ${start.toISOString()}`);
  }

  /** Office time in milliseconds between two instants (start <= end). */
  private workingTimeBetween(start: Date, end: Date): number {
    const from = start.getTime();
    const to = end.getTime();
    const lastDate = this.localDate(end);
    let total = 0;
    for (let date = this.localDate(start); date <= lastDate; date = addDays(date, 1)) {
      for (const [open, close] of this.intervalsOn(date)) {
        const segmentStart = Math.max(from, open);
        const segmentEnd = Math.min(to, close);
        if (segmentEnd > segmentStart) total += segmentEnd - segmentStart;
      }
    }
    return total;
  }

  /** Office hours of a day as instants (epoch ms); none on non-working days. */
  private intervalsOn(isoDate: string): (readonly [number, number])[] {
    if (!this.isWorkingDay(isoDate)) return [];
    const intervals = this.hours.get(weekdayOf(isoDate)) ?? [];
    return intervals.map(([open, close]) => [this.instantOf(isoDate, open).getTime(), this.instantOf(isoDate, close).getTime()] as const);
  }

  /** Finnish public holidays of a year, plus Midsummer Eve and Christmas Eve (type `bank`). */
  private holidaysOf(year: number): ReadonlySet<string> {
    const cached = this.holidayCache.get(year);
    if (cached) return cached;
    const dates = new Set<string>();
    for (const holiday of this.holidays.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      const monthDay = date.slice(5);
      const isEve = holiday.type === 'bank' && (monthDay === '12-24' || monthDay.startsWith('06-'));
      if (holiday.type === 'public' || isEve) dates.add(date);
    }
    this.holidayCache.set(year, dates);
    return dates;
  }

  private wallClock(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
    const parts = this.formatter.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? NaN);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
  }

  /** The zone's offset from UTC at an instant, in milliseconds (Helsinki: +2 h or +3 h). */
  private offsetAt(ms: number): number {
    const wall = this.wallClock(ms);
    const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
    const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
    return asUtc - wholeSeconds;
  }
}

function mergeIntervals(list: [number, number][]): DayIntervals {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [open, close] of sorted) {
    const last = merged[merged.length - 1];
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged;
}

function weekdayOf(isoDate: string): Weekday {
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const index = (new Date(`${isoDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return WEEKDAYS[index] as Weekday;
}

function checkInstant(instant: Date): void {
  if (Number.isNaN(instant.getTime())) throw new Error('invalid date');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
