import { addDays, isCalendarDate } from './calendar-date.js';
import { IMMEDIATELY_SECONDS, measuredUnit, type Duration, type DurationUnit } from './duration.js';
import { expandDays, minutesOf, WEEKDAYS } from './weekly-hours.js';
import { MS_PER_DAY, zoneOffsetsFor, type ZoneOffsets } from './zone-offsets.js';
import { DEFAULT_TIME_ZONE } from './default-time-zone.js';
import { HolidayCalendar } from './holiday-calendars.js';

/**
 * Working-time maths for commitments: when a reply is due, and how long one
 * took, in the office's own calendar.
 *
 * - `N seconds|minutes|hours`: elapsed clock time.
 * - `N working hours`: only time inside office hours on working days counts;
 *   a start outside hours begins counting at the next opening.
 * - `N working days`: due by the end of the Nth working day after the start
 *   day (the start day itself is not counted).
 * - `N days|weeks|months|years`: due by the end of the calendar day N later
 *   (a year is 12 months); a deadline on a non-working day moves to the next
 *   working day.
 * - `same working day`: due at the close of office hours (the day's last
 *   closing time) on the day the contact arrives, if that is a working day
 *   with office hours and the contact came before that close; otherwise at
 *   the close of the next working day with office hours (a message on Friday
 *   evening is due when the office closes on Monday). Time taken is counted
 *   in working hours.
 * - `immediately`: due IMMEDIATELY_SECONDS (5 minutes) after the start, in
 *   clock time; time taken is counted in seconds.
 *
 * Non-working days are Saturdays, Sundays, the public holidays of the
 * office's holiday calendar (`holidays`, the Finnish one when absent: there
 * Midsummer Eve and Christmas Eve are closed too, New Year's Eve is a working
 * day; see holiday-calendars.ts), and the charter's closed days (`closedDates`
 * and `closed: true` exceptions).
 * An exception with `open` and `close` replaces that day's weekly hours. It
 * does not make a weekend or holiday a working day, and such a day's hours do
 * not count as working hours either: a day is a working day with office hours,
 * or neither. Several exceptions on one date add up their hours; `closed: true`
 * wins over hours. "The end of a day" is its last millisecond (23:59:59.999)
 * in the office's time zone. Fractional day, week, month and working-day
 * amounts are rounded up to whole units.
 *
 * Reports call this once per contact, so results are cached per local day
 * (office hours, working-day counts, day-based deadlines) and the zone offset
 * per 15-minute bucket; the `...Ms` methods take and return epoch
 * milliseconds and allocate nothing once the caches are warm.
 */
export interface WorkingCalendarOptions {
  /** IANA time zone of the office; Europe/Helsinki when absent. */
  readonly timeZone?: string;
  /** Holiday calendar as date-holidays codes it (`FI`, `GB-ENG`, `AU-NSW`); FI when absent. */
  readonly holidays?: string;
  /** Office hours as charters write them: `{ days: mon-fri, open: '08:00', close: '16:00' }`. */
  readonly weekly: readonly { readonly days: unknown; readonly open: string; readonly close: string }[];
  /** Days the office is closed on top of weekends and holidays (YYYY-MM-DD). */
  readonly closedDates?: readonly string[];
  /** Days that differ from the weekly hours, as charters write them under `hours.exceptions`. */
  readonly exceptions?: readonly HoursException[];
}

/** Closed all day (`closed: true`), or open at other hours (`open` and `close`, HH:MM). */
export interface HoursException {
  readonly date: string;
  readonly closed?: boolean | undefined;
  readonly open?: string | undefined;
  readonly close?: string | undefined;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
/** How far the calendar searches for a working day or office hours before giving up. */
const SEARCH_LIMIT_DAYS = 3_700;
/** Days per block of cumulative counts; a span of days costs one step per block. */
const BLOCK_DAYS = 128;
/** Largest whole amount whose day-based deadlines are cached (keys stay small integers). */
const MAX_CACHED_AMOUNT = 2 ** 26;
/** The largest time a Date holds (ECMAScript TimeClip). */
const MAX_TIME = 8.64e15;

const CLOCK_MS: Partial<Record<DurationUnit, number>> = {
  second: 1_000,
  minute: MS_PER_MINUTE,
  hour: MS_PER_HOUR,
};

const DAY_UNIT_INDEX: Partial<Record<DurationUnit, number>> = { 'working day': 0, day: 1, week: 2, month: 3, year: 4 };
/** Distinct day units in DAY_UNIT_INDEX, for cache keys. */
const DAY_UNIT_COUNT = 5;

/** Opening periods of one day as [open, close) minutes since midnight, sorted and merged. */
type DayIntervals = readonly (readonly [number, number])[];
/** Office hours of one date as [open, close) epoch milliseconds. */
type DayHours = readonly (readonly [number, number])[];

/** A local date as text and as its parts. */
interface CivilDate {
  readonly iso: string;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const NO_HOURS: DayHours = [];

export class WorkingCalendar {
  readonly timeZone: string;
  /** The holiday calendar's code (FI when none was given). */
  readonly holidayCalendar: string;
  /** As given: plain data, so that another thread can build the same calendar (the report counts on two). */
  readonly options: WorkingCalendarOptions;
  private readonly zone: ZoneOffsets;
  /** Weekly hours by weekday index (0 = Monday). */
  private readonly weekly: readonly DayIntervals[];
  private readonly closed: ReadonlySet<string>;
  private readonly specialHours: ReadonlyMap<string, DayIntervals>;
  private readonly holidays: HolidayCalendar;
  // Caches keyed by local day number (days since 1970-01-01), or by block of days.
  private readonly civilCache = new Map<number, CivilDate>();
  private readonly workingCache = new Map<number, boolean>();
  private readonly hoursCache = new Map<number, DayHours>();
  private readonly workingDayBlocks = new Map<number, Int32Array>();
  private readonly officeMsBlocks = new Map<number, Float64Array>();
  /** Day-based deadlines by (whole amount, unit), then by start day. */
  private readonly dayDeadlines = new Map<number, Map<number, number>>();

  constructor(options: WorkingCalendarOptions) {
    this.options = options;
    this.timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
    this.zone = zoneOffsetsFor(this.timeZone);
    this.holidays = new HolidayCalendar(options.holidays);
    this.holidayCalendar = this.holidays.code;
    this.weekly = weeklyIntervals(options.weekly);
    for (const date of options.closedDates ?? []) {
      if (!isCalendarDate(date)) throw new Error(`closed date \`${date}\` is not a calendar date (YYYY-MM-DD)`);
    }
    const exceptions = readExceptions(options.exceptions ?? []);
    this.closed = new Set([...(options.closedDates ?? []), ...exceptions.closed]);
    this.specialHours = exceptions.hours;
  }

  /** True unless the date is a Saturday, Sunday, holiday of the office's calendar or closed day. */
  isWorkingDay(isoDate: string): boolean {
    if (!isCalendarDate(isoDate)) throw new Error(`\`${isoDate}\` is not a calendar date (YYYY-MM-DD)`);
    return this.isWorkingDayNumber(dayNumberOf(isoDate));
  }

  /**
   * The office hours of a date on the wall clock, as [open, close) minutes
   * since midnight: the date's exception hours, else its weekday's; none on a
   * day that is not a working day. The same hours every deadline counts.
   */
  openingMinutesOn(isoDate: string): readonly (readonly [number, number])[] {
    if (!isCalendarDate(isoDate)) throw new Error(`\`${isoDate}\` is not a calendar date (YYYY-MM-DD)`);
    const day = dayNumberOf(isoDate);
    if (!this.isWorkingDayNumber(day)) return [];
    return this.specialHours.get(isoDate) ?? this.weekly[weekdayIndex(day)] ?? [];
  }

  /** When a commitment of `duration` that starts at `start` is due. */
  deadline(start: Date, duration: Duration): Date {
    return new Date(this.deadlineMs(start.getTime(), duration));
  }

  /** `deadline()` in epoch milliseconds: the same instant, without allocating Dates. */
  deadlineMs(startMs: number, duration: Duration): number {
    checkInstant(startMs);
    const { amount, unit } = duration;
    if (!Number.isFinite(amount) || amount < 0) throw new Error(`duration amount must be a non-negative number, not ${amount}`);
    const clock = CLOCK_MS[unit];
    if (clock !== undefined) return timeClip(startMs + amount * clock);
    if (unit === 'immediately') return timeClip(startMs + IMMEDIATELY_SECONDS * 1_000);
    if (unit === 'working hour') return timeClip(this.addWorkingTime(startMs, amount * MS_PER_HOUR));
    if (unit === 'same working day') return this.sameWorkingDayDeadline(startMs);
    return this.dayDeadline(this.zone.localDay(startMs), unit, Math.ceil(amount));
  }

  /**
   * How long from `start` to `end` took, in `unit`: clock units exactly;
   * working hours as office time between the two; working days as the number
   * of working days after the start day up to and including the end day; days
   * and weeks by calendar days between the two days (weeks = days / 7); months
   * as whole months between the days plus the fraction of the next month,
   * years as those months / 12; `same working day` in working hours and
   * `immediately` in seconds (see `measuredUnit`). Negative when `end` is before `start`. Note that a deadline moved off a
   * weekend or holiday can make an on-time `N days` reply more than N days:
   * judge on-time against `deadline()`.
   */
  elapsed(start: Date, end: Date, unit: DurationUnit): number {
    return this.elapsedMs(start.getTime(), end.getTime(), unit);
  }

  /** `elapsed()` between two instants in epoch milliseconds. */
  elapsedMs(startMs: number, endMs: number, unit: DurationUnit): number {
    checkInstant(startMs);
    checkInstant(endMs);
    if (endMs < startMs) return -this.elapsedMs(endMs, startMs, unit);
    const clock = CLOCK_MS[measuredUnit(unit)];
    if (clock !== undefined) return (endMs - startMs) / clock;

    const startDay = this.zone.localDay(startMs);
    const endDay = this.zone.localDay(endMs);
    switch (unit) {
      case 'working hour':
      case 'same working day':
        return this.officeMsBetween(startMs, endMs, startDay, endDay) / MS_PER_HOUR;
      case 'working day':
        return this.workingDaysIn(startDay + 1, endDay + 1);
      case 'day':
        return endDay - startDay;
      case 'week':
        return (endDay - startDay) / 7;
      case 'month':
        return this.monthsBetween(startDay, endDay);
      case 'year':
        return this.monthsBetween(startDay, endDay) / 12;
      default:
        throw new Error(`unknown duration unit ${String(unit)}`);
    }
  }

  /**
   * The close of office hours on the start's day if it is a working day with
   * hours and the start is before that close, else the close of the next
   * working day with office hours.
   */
  private sameWorkingDayDeadline(startMs: number): number {
    const firstDay = this.zone.localDay(startMs);
    for (let day = firstDay; day < firstDay + SEARCH_LIMIT_DAYS; day++) {
      const hours = this.hoursOn(day);
      const close = hours[hours.length - 1]?.[1];
      if (close !== undefined && close > startMs) return close;
    }
    throw new Error(`no office hours within ${SEARCH_LIMIT_DAYS} days of ${new Date(startMs).toISOString()}`);
  }

  /** The calendar date of an instant in the office's time zone (YYYY-MM-DD). */
  localDate(instant: Date): string {
    return this.localDateOfMs(instant.getTime());
  }

  /** `localDate()` of an instant in epoch milliseconds. */
  localDateOfMs(ms: number): string {
    return this.civil(this.zone.localDay(ms)).iso;
  }

  /** The local date of an instant as a day number (days since 1970-01-01), for loops that should not make strings. */
  localDayOfMs(ms: number): number {
    return this.zone.localDay(ms);
  }

  /** The month of a day number as year × 12 + month − 1 (2026-11 is 24322). */
  monthIndexOfDay(day: number): number {
    const civil = this.civil(day);
    return civil.year * 12 + civil.month - 1;
  }

  /**
   * The instant of a wall-clock time in the office's time zone. Minutes may be
   * 1440 (24:00, the next midnight). A time skipped by a DST change (03:30 on
   * the spring-forward day in Helsinki) maps to the instant it would have been
   * with the offset before the change, that is, one hour later on the clock.
   */
  instantOf(isoDate: string, minutes: number): Date {
    const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
    return new Date(this.zone.instantOfWall(Date.UTC(year, month - 1, day) + minutes * MS_PER_MINUTE));
  }

  /** The last millisecond of a day in the office's time zone. */
  endOfDay(isoDate: string): Date {
    return new Date(this.instantOf(addDays(isoDate, 1), 0).getTime() - 1);
  }

  /** The first working day on or after `isoDate`. */
  nextWorkingDayFrom(isoDate: string): string {
    if (!isCalendarDate(isoDate)) throw new Error(`\`${isoDate}\` is not a calendar date (YYYY-MM-DD)`);
    return this.civil(this.nextWorkingDay(dayNumberOf(isoDate), isoDate)).iso;
  }

  /** Day-based deadlines depend only on the start's local day, so they are cached per day. */
  private dayDeadline(startDay: number, unit: DurationUnit, whole: number): number {
    const unitIndex = DAY_UNIT_INDEX[unit];
    if (unitIndex === undefined) throw new Error(`unknown duration unit ${String(unit)}`);
    if (whole > MAX_CACHED_AMOUNT) return this.computeDayDeadline(startDay, unit, whole);
    const key = whole * DAY_UNIT_COUNT + unitIndex;
    let byDay = this.dayDeadlines.get(key);
    if (byDay === undefined) {
      byDay = new Map();
      this.dayDeadlines.set(key, byDay);
    }
    let due = byDay.get(startDay);
    if (due === undefined) {
      due = this.computeDayDeadline(startDay, unit, whole);
      byDay.set(startDay, due);
    }
    return due;
  }

  private computeDayDeadline(startDay: number, unit: DurationUnit, whole: number): number {
    switch (unit) {
      case 'working day':
        return this.endOfDayMs(this.nthWorkingDayAfter(startDay, whole));
      case 'day':
      case 'week':
      case 'month':
      case 'year': {
        const due =
          unit === 'month' || unit === 'year'
            ? this.addMonths(startDay, unit === 'year' ? whole * 12 : whole)
            : startDay + (unit === 'week' ? whole * 7 : whole);
        return this.endOfDayMs(this.nextWorkingDay(due));
      }
      default:
        throw new Error(`unknown duration unit ${String(unit)}`);
    }
  }

  private nthWorkingDayAfter(day: number, count: number): number {
    let date = day;
    for (let counted = 0; counted < count;) {
      date++;
      if (this.isWorkingDayNumber(date)) counted++;
    }
    return date;
  }

  private nextWorkingDay(day: number, label?: string): number {
    for (let step = 0; step < SEARCH_LIMIT_DAYS; step++) {
      if (this.isWorkingDayNumber(day + step)) return day + step;
    }
    throw new Error(`no working day within ${SEARCH_LIMIT_DAYS} days of ${label ?? this.civil(day).iso}`);
  }

  /** Adds whole months, clamping to the month's last day (Jan 31 + 1 month = Feb 28). */
  private addMonths(day: number, months: number): number {
    const { year, month, day: dayOfMonth } = this.civil(day);
    const targetMonthIndex = month - 1 + months;
    const targetYear = year + Math.floor(targetMonthIndex / 12);
    const targetMonth = ((targetMonthIndex % 12) + 12) % 12;
    const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
    return Date.UTC(targetYear, targetMonth, Math.min(dayOfMonth, lastDay)) / MS_PER_DAY;
  }

  /** Whole months from `startDay` to `endDay` plus the fraction of the next month (startDay <= endDay). */
  private monthsBetween(startDay: number, endDay: number): number {
    const start = this.civil(startDay);
    const end = this.civil(endDay);
    // The month count that lands in the end's month, one less if it lands after the end.
    let months = end.year * 12 + end.month - (start.year * 12 + start.month);
    if (this.addMonths(startDay, months) > endDay) months--;
    const from = this.addMonths(startDay, months);
    const to = this.addMonths(startDay, months + 1);
    return months + (endDay - from) / (to - from);
  }

  private endOfDayMs(day: number): number {
    return this.zone.instantOfWall((day + 1) * MS_PER_DAY) - 1;
  }

  /**
   * The instant `ms` of office time after `from`. Days after the first lie
   * wholly after `from`, so they are counted from cumulative sums: a block
   * whose office time does not use up what remains is skipped at once, and
   * the day it runs out on is found by bisection. The cost stays small
   * however long the promise, and contact logs ask this once per row.
   */
  private addWorkingTime(from: number, ms: number): number {
    if (ms <= 0) return from;
    let remaining = ms;
    const firstDay = this.zone.localDay(from);
    const endDay = firstDay + SEARCH_LIMIT_DAYS;
    for (let day = firstDay; day < endDay; day++) {
      if (day > firstDay) {
        const block = Math.floor(day / BLOCK_DAYS);
        const blockStart = block * BLOCK_DAYS;
        const stop = Math.min(blockStart + BLOCK_DAYS, endDay);
        const sums = this.officeMsBlock(block);
        const before = sums[day - blockStart] as number;
        if ((sums[stop - blockStart] as number) - before < remaining) {
          remaining -= (sums[stop - blockStart] as number) - before;
          day = stop - 1;
          continue;
        }
        // The time runs out on a day of this block: the first day whose sum reaches it, by bisection.
        let low = day - blockStart;
        let high = stop - blockStart;
        while (high - low > 1) {
          const middle = (low + high) >> 1;
          if ((sums[middle] as number) - before < remaining) low = middle;
          else high = middle;
        }
        remaining -= (sums[low] as number) - before;
        day = blockStart + low;
      }
      for (const [open, close] of this.hoursOn(day)) {
        const segmentStart = Math.max(from, open);
        if (close <= segmentStart) continue;
        const available = close - segmentStart;
        if (remaining <= available) return segmentStart + remaining;
        remaining -= available;
      }
    }
    throw new Error(`no office hours within ${SEARCH_LIMIT_DAYS} days of ${new Date(from).toISOString()}`);
  }

  /**
   * Office time in milliseconds between two instants (from <= to) on local
   * days `firstDay`..`lastDay`. Days two or more away from both ends lie
   * wholly inside, so they come from cumulative sums; the ends are clipped.
   */
  private officeMsBetween(from: number, to: number, firstDay: number, lastDay: number): number {
    if (lastDay - firstDay < 4) return this.clippedOfficeMs(from, to, firstDay, lastDay);
    return (
      this.clippedOfficeMs(from, to, firstDay, firstDay + 1) +
      this.sumOverDays(firstDay + 2, lastDay - 1, (block) => this.officeMsBlock(block)) +
      this.clippedOfficeMs(from, to, lastDay - 1, lastDay)
    );
  }

  private clippedOfficeMs(from: number, to: number, firstDay: number, lastDay: number): number {
    let total = 0;
    for (let day = firstDay; day <= lastDay; day++) {
      for (const [open, close] of this.hoursOn(day)) {
        const segmentStart = Math.max(from, open);
        const segmentEnd = Math.min(to, close);
        if (segmentEnd > segmentStart) total += segmentEnd - segmentStart;
      }
    }
    return total;
  }

  /** Working days among days `from` (inclusive) to `to` (exclusive). */
  private workingDaysIn(from: number, to: number): number {
    return this.sumOverDays(from, to, (block) => this.workingDayBlock(block));
  }

  /** Sums a per-day figure over days [from, to) from blocks of cumulative sums (index i = sum of the block's first i days). */
  private sumOverDays(from: number, to: number, cumulative: (block: number) => ArrayLike<number>): number {
    let total = 0;
    for (let day = from; day < to;) {
      const block = Math.floor(day / BLOCK_DAYS);
      const blockStart = block * BLOCK_DAYS;
      const sums = cumulative(block);
      const stop = Math.min(to - blockStart, BLOCK_DAYS);
      total += (sums[stop] as number) - (sums[day - blockStart] as number);
      day = blockStart + stop;
    }
    return total;
  }

  private workingDayBlock(block: number): Int32Array {
    let sums = this.workingDayBlocks.get(block);
    if (sums === undefined) {
      sums = new Int32Array(BLOCK_DAYS + 1);
      for (let index = 0; index < BLOCK_DAYS; index++) {
        sums[index + 1] = (sums[index] as number) + (this.isWorkingDayNumber(block * BLOCK_DAYS + index) ? 1 : 0);
      }
      this.workingDayBlocks.set(block, sums);
    }
    return sums;
  }

  private officeMsBlock(block: number): Float64Array {
    let sums = this.officeMsBlocks.get(block);
    if (sums === undefined) {
      sums = new Float64Array(BLOCK_DAYS + 1);
      for (let index = 0; index < BLOCK_DAYS; index++) {
        let dayTotal = 0;
        for (const [open, close] of this.hoursOn(block * BLOCK_DAYS + index)) dayTotal += Math.max(close - open, 0);
        sums[index + 1] = (sums[index] as number) + dayTotal;
      }
      this.officeMsBlocks.set(block, sums);
    }
    return sums;
  }

  private isWorkingDayNumber(day: number): boolean {
    let working = this.workingCache.get(day);
    if (working === undefined) {
      const weekday = weekdayIndex(day);
      const { iso, year } = this.civil(day);
      working = weekday < 5 && !this.closed.has(iso) && !this.holidays.of(year).has(iso);
      this.workingCache.set(day, working);
    }
    return working;
  }

  /** Office hours of a day as instants; none on non-working days. */
  private hoursOn(day: number): DayHours {
    let hours = this.hoursCache.get(day);
    if (hours === undefined) {
      hours = this.isWorkingDayNumber(day)
        ? this.instantsOf(day, this.specialHours.get(this.civil(day).iso) ?? this.weekly[weekdayIndex(day)] ?? [])
        : NO_HOURS;
      this.hoursCache.set(day, hours);
    }
    return hours;
  }

  private instantsOf(day: number, intervals: DayIntervals): DayHours {
    const midnight = day * MS_PER_DAY;
    return intervals.map(
      ([open, close]) => [this.zone.instantOfWall(midnight + open * MS_PER_MINUTE), this.zone.instantOfWall(midnight + close * MS_PER_MINUTE)] as const,
    );
  }

  private civil(day: number): CivilDate {
    let civil = this.civilCache.get(day);
    if (civil === undefined) {
      const date = new Date(day * MS_PER_DAY);
      if (Number.isNaN(date.getTime())) throw new RangeError(`day ${day} is outside the range of dates`);
      const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
      civil = { iso: `${pad(year, 4)}-${pad(month, 2)}-${pad(dayOfMonth, 2)}`, year, month, day: dayOfMonth };
      this.civilCache.set(day, civil);
    }
    return civil;
  }
}

function weeklyIntervals(weekly: WorkingCalendarOptions['weekly']): DayIntervals[] {
  const collected: [number, number][][] = WEEKDAYS.map(() => []);
  for (const period of weekly) {
    const days = expandDays(period.days);
    if (!days.ok) throw new Error(`office hours: ${days.message}`);
    const interval = readPeriod(period.open, period.close, 'office hours');
    for (const day of days.days) collected[WEEKDAYS.indexOf(day)]?.push(interval);
  }
  return collected.map(mergeIntervals);
}

function readExceptions(exceptions: readonly HoursException[]): { closed: string[]; hours: Map<string, DayIntervals> } {
  const closed: string[] = [];
  const collected = new Map<string, [number, number][]>();
  for (const exception of exceptions) {
    const { date } = exception;
    if (!isCalendarDate(date)) throw new Error(`hours exception: \`${String(date)}\` is not a calendar date (YYYY-MM-DD)`);
    const hasHours = exception.open !== undefined || exception.close !== undefined;
    if (exception.closed === true) {
      if (hasHours) throw new Error(`hours exception ${date}: a closed day has no open or close time`);
      closed.push(date);
    } else {
      if (!hasHours) throw new Error(`hours exception ${date}: give \`closed: true\` or both \`open\` and \`close\``);
      const list = collected.get(date) ?? [];
      list.push(readPeriod(exception.open, exception.close, `hours exception ${date}`));
      collected.set(date, list);
    }
  }
  const hours = new Map<string, DayIntervals>();
  for (const [date, list] of collected) hours.set(date, mergeIntervals(list));
  return { closed, hours };
}

function readPeriod(openText: string | undefined, closeText: string | undefined, context: string): [number, number] {
  const open = minutesOf(openText);
  const close = minutesOf(closeText);
  if (open === undefined || close === undefined) throw new Error(`${context}: \`${openText}-${closeText}\` is not HH:MM-HH:MM`);
  if (close <= open) throw new Error(`${context}: ${openText}-${closeText} closes before it opens`);
  return [open, close];
}

function mergeIntervals(list: readonly [number, number][]): DayIntervals {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [open, close] of sorted) {
    const last = merged[merged.length - 1];
    if (last && open <= last[1]) last[1] = Math.max(last[1], close);
    else merged.push([open, close]);
  }
  return merged;
}

/** Weekday of a day number, 0 = Monday (1970-01-01 was a Thursday). */
function weekdayIndex(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

function dayNumberOf(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / MS_PER_DAY;
}

function checkInstant(ms: number): void {
  if (!Number.isFinite(ms)) throw new Error('invalid date');
}

/** What a Date holds for `ms`: whole milliseconds, NaN out of range. */
function timeClip(ms: number): number {
  return Math.abs(ms) > MAX_TIME ? Number.NaN : Math.trunc(ms) + 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
