/**
 * The working calendar done the slow, obvious way, sharing no code with
 * src/time, so that a mistake there cannot hide here: Finnish holidays from
 * the rules of the Holidays Act (Easter by the Gregorian computus), dates by
 * plain year-month-day arithmetic, weekly hours parsed here, office hours as
 * a mask of a day's minutes, dates and UTC offsets as Intl names them, and
 * every day walked one by one. Its rules are the ones
 * src/time/working-calendar.ts documents; the memos only save repeating slow
 * work.
 */

export type ReferenceUnit = 'second' | 'minute' | 'hour' | 'working hour' | 'day' | 'working day' | 'week' | 'month';

export interface ReferenceDuration {
  readonly amount: number;
  readonly unit: ReferenceUnit;
}

export interface ReferenceOptions {
  readonly timeZone: string;
  /** `days` is one day (`fri`) or a range (`mon-thu`). */
  readonly weekly: readonly { readonly days: string; readonly open: string; readonly close: string }[];
  readonly closedDates?: readonly string[];
  readonly exceptions?: readonly { readonly date: string; readonly closed?: boolean; readonly open?: string; readonly close?: string }[];
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CLOCK_UNITS: Partial<Record<ReferenceUnit, number>> = { second: SECOND, minute: MINUTE, hour: HOUR };
const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

// Dates are YYYY-MM-DD text: it sorts as the dates do.

function parts(date: string): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function dateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function nextDay(date: string): string {
  const [year, month, day] = parts(date);
  if (day < daysInMonth(year, month)) return dateOf(year, month, day + 1);
  return month < 12 ? dateOf(year, month + 1, 1) : dateOf(year + 1, 1, 1);
}

function previousDay(date: string): string {
  const [year, month, day] = parts(date);
  if (day > 1) return dateOf(year, month, day - 1);
  return month > 1 ? dateOf(year, month - 1, daysInMonth(year, month - 1)) : dateOf(year - 1, 12, 31);
}

export function addDays(date: string, days: number): string {
  let result = date;
  for (let step = 0; step < days; step++) result = nextDay(result);
  for (let step = 0; step > days; step--) result = previousDay(result);
  return result;
}

/** Whole months later, on the same day or the month's last day if it is shorter. */
function addMonths(date: string, months: number): string {
  const [year, month, day] = parts(date);
  const target = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(target / 12);
  const targetMonth = (target % 12) + 1;
  return dateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days from `from` to `to`, counted one by one. */
function daysBetween(from: string, to: string): number {
  if (to < from) return -daysBetween(to, from);
  let count = 0;
  for (let date = from; date < to; date = nextDay(date)) count++;
  return count;
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(date: string): number {
  const [year, month, day] = parts(date);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** The first date from `from` on that falls on `weekday`. */
function firstWeekdayFrom(from: string, weekday: number): string {
  let date = from;
  while (weekdayOf(date) !== weekday) date = nextDay(date);
  return date;
}

/** Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOf(year, month, day);
}

/** The days off in Finland: public holidays, plus Midsummer Eve and Christmas Eve. */
export function finnishDaysOff(year: number): string[] {
  const easter = easterSunday(year);
  const fixed = [
    [1, 1],
    [1, 6],
    [5, 1],
    [12, 6],
    [12, 24],
    [12, 25],
    [12, 26],
  ].map(([month, day]) => dateOf(year, month as number, day as number));
  const easterBased = [-2, 0, 1, 39, 49].map((days) => addDays(easter, days));
  const midsummerEve = firstWeekdayFrom(dateOf(year, 6, 19), 4);
  const midsummerDay = firstWeekdayFrom(dateOf(year, 6, 20), 5);
  const allSaints = firstWeekdayFrom(dateOf(year, 10, 31), 5);
  return [...fixed, ...easterBased, midsummerEve, midsummerDay, allSaints].sort();
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
}

function weekdaysOf(days: string): number[] {
  const [from = '', to = from] = days.split('-');
  const start = DAY_NAMES.indexOf(from);
  const end = DAY_NAMES.indexOf(to);
  if (start === -1 || end === -1) throw new Error(`the reference reads one day or a range of days, not ${days}`);
  return Array.from({ length: end - start + 1 }, (_, index) => start + index);
}

/** An office's calendar date and UTC offset at an instant, as Intl names them. */
export class WallClock {
  private readonly dates: Intl.DateTimeFormat;
  private readonly offsets: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.dates = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    this.offsets = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  date(ms: number): string {
    const shown = this.dates.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(shown.find((part) => part.type === type)?.value);
    return dateOf(get('year'), get('month'), get('day'));
  }

  /** How far the wall clock is ahead of UTC, from the offset Intl writes (`GMT+02:00`, `GMT+01:39:49`, `GMT`). */
  offsetAt(ms: number): number {
    const name = this.offsets.formatToParts(new Date(ms)).find((part) => part.type === 'timeZoneName')?.value ?? '';
    const match = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(name);
    if (!match) throw new Error(`unexpected offset ${name}`);
    const [, sign = '+', hours = '0', minutes = '0', seconds = '0'] = match;
    return (sign === '-' ? -1 : 1) * (Number(hours) * HOUR + Number(minutes) * MINUTE + Number(seconds) * SECOND);
  }
}

export class ReferenceCalendar {
  private readonly clock: WallClock;
  private readonly daysOffByYear = new Map<number, readonly string[]>();
  private readonly hoursByDate = new Map<string, [number, number][]>();

  constructor(private readonly options: ReferenceOptions) {
    this.clock = new WallClock(options.timeZone);
  }

  localDate(ms: number): string {
    return this.clock.date(ms);
  }

  /**
   * The instant a wall clock shows `minutes` after the start of `date`. Offsets
   * change at most once in a few days, so the instant is the wall time less the
   * offset of the day before or of the day after, whichever reads back as that
   * wall time. A time shown twice (clocks turned back) is the later instant; a
   * time never shown (clocks turned forward) is read with the offset before the change.
   */
  instantOf(date: string, minutes: number): number {
    const [year, month, day] = parts(date);
    const wallTime = Date.UTC(year, month - 1, day) + minutes * MINUTE;
    const before = this.clock.offsetAt(wallTime - DAY);
    const after = this.clock.offsetAt(wallTime + DAY);
    const shown = [wallTime - before, wallTime - after].filter((instant) => instant + this.clock.offsetAt(instant) === wallTime);
    return shown.length > 0 ? Math.max(...shown) : wallTime - before;
  }

  isWorkingDay(date: string): boolean {
    if (weekdayOf(date) >= 5) return false;
    if (this.options.closedDates?.includes(date)) return false;
    if (this.options.exceptions?.some((exception) => exception.date === date && exception.closed === true)) return false;
    return !this.daysOff(Number(date.slice(0, 4))).includes(date);
  }

  deadline(start: number, { amount, unit }: ReferenceDuration): number {
    const clock = CLOCK_UNITS[unit];
    if (clock !== undefined) return Math.trunc(start + amount * clock);
    if (unit === 'working hour') return Math.trunc(this.addOfficeTime(start, amount * HOUR));
    const startDate = this.localDate(start);
    const whole = Math.ceil(amount);
    let date = startDate;
    if (unit === 'working day') {
      for (let counted = 0; counted < whole;) {
        date = nextDay(date);
        if (this.isWorkingDay(date)) counted++;
      }
    } else {
      date = unit === 'month' ? addMonths(startDate, whole) : addDays(startDate, unit === 'week' ? whole * 7 : whole);
      while (!this.isWorkingDay(date)) date = nextDay(date);
    }
    // The last millisecond of the due date.
    return this.instantOf(nextDay(date), 0) - 1;
  }

  elapsed(start: number, end: number, unit: ReferenceUnit): number {
    if (end < start) return -this.elapsed(end, start, unit);
    const clock = CLOCK_UNITS[unit];
    if (clock !== undefined) return (end - start) / clock;
    const startDate = this.localDate(start);
    const endDate = this.localDate(end);
    switch (unit) {
      case 'working hour': {
        let total = 0;
        for (let date = startDate; date <= endDate; date = nextDay(date)) {
          for (const [open, close] of this.officeHours(date)) total += Math.max(Math.min(end, close) - Math.max(start, open), 0);
        }
        return total / HOUR;
      }
      case 'working day': {
        let count = 0;
        for (let date = nextDay(startDate); date <= endDate; date = nextDay(date)) if (this.isWorkingDay(date)) count++;
        return count;
      }
      case 'day':
        return daysBetween(startDate, endDate);
      case 'week':
        return daysBetween(startDate, endDate) / 7;
      default: {
        let months = 0;
        while (addMonths(startDate, months + 1) <= endDate) months++;
        const from = addMonths(startDate, months);
        return months + daysBetween(from, endDate) / daysBetween(from, addMonths(startDate, months + 1));
      }
    }
  }

  private daysOff(year: number): readonly string[] {
    let days = this.daysOffByYear.get(year);
    if (!days) {
      days = finnishDaysOff(year);
      this.daysOffByYear.set(year, days);
    }
    return days;
  }

  private addOfficeTime(start: number, ms: number): number {
    if (ms <= 0) return start;
    let remaining = ms;
    for (let date = this.localDate(start); ; date = nextDay(date)) {
      for (const [open, close] of this.officeHours(date)) {
        const from = Math.max(start, open);
        if (close <= from) continue;
        if (remaining <= close - from) return from + remaining;
        remaining -= close - from;
      }
    }
  }

  /** A date's office hours as [open, close) instants. */
  private officeHours(date: string): [number, number][] {
    let hours = this.hoursByDate.get(date);
    if (!hours) {
      hours = this.officeHoursOf(date);
      this.hoursByDate.set(date, hours);
    }
    return hours;
  }

  /** Marks each open minute of the day, then turns each run of open minutes into one period. */
  private officeHoursOf(date: string): [number, number][] {
    if (!this.isWorkingDay(date)) return [];
    const special = this.options.exceptions?.filter((exception) => exception.date === date && exception.open !== undefined) ?? [];
    const weekday = weekdayOf(date);
    const periods = special.length > 0 ? special : this.options.weekly.filter((period) => weekdaysOf(period.days).includes(weekday));
    const open = new Array<boolean>(1441).fill(false);
    for (const period of periods) {
      const close = minutesOf(period.close ?? '');
      for (let minute = minutesOf(period.open ?? ''); minute < close; minute++) open[minute] = true;
    }
    const intervals: [number, number][] = [];
    for (let minute = 0; minute < 1440; minute++) {
      if (!open[minute] || (minute > 0 && open[minute - 1])) continue;
      let close = minute;
      while (open[close]) close++;
      intervals.push([this.instantOf(date, minute), this.instantOf(date, close)]);
    }
    return intervals;
  }
}
