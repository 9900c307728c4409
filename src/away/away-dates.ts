import { addDays, addMonths, daysBetween, isCalendarDate } from '../time/calendar-date.js';
import type { AwayData } from './away-types.js';

/** A moment as the official writes it: a date, and a time of day when given (local time of the office). */
export interface AwayMoment {
  readonly date: string;
  /** HH:MM, when given. */
  readonly time?: string;
}

const MOMENT_PATTERN = /^(\d{4}-\d{2}-\d{2})(?:T([01]\d|2[0-3]):([0-5]\d))?$/;

/** Reads `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; undefined for anything else (2026-02-30 included). */
export function parseAwayMoment(text: string): AwayMoment | undefined {
  const match = MOMENT_PATTERN.exec(text.trim());
  if (!match || !isCalendarDate(match[1])) return undefined;
  const date = match[1];
  return match[2] === undefined ? { date } : { date, time: `${match[2]}:${match[3] as string}` };
}

/** Orders two moments; a date without a time counts as its start for `from` and as its end for `until`. */
export function momentKey(moment: AwayMoment, missingTime: '00:00' | '24:00'): string {
  return `${moment.date}T${moment.time ?? missingTime}`;
}

/** Monday = 0 … Sunday = 6. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Reads a date's working days from the embedded calendar: Monday to Friday, unless listed closed. */
export class AwayCalendar {
  private readonly closed: ReadonlySet<string>;
  constructor(private readonly calendar: AwayData['calendar']) {
    this.closed = new Set(calendar.closed);
  }

  /** True when the data knows the date. */
  covers(date: string): boolean {
    return date >= this.calendar.from && date <= this.calendar.until;
  }

  isWorkingDay(date: string): boolean {
    return weekdayIndex(date) < 5 && !this.closed.has(date);
  }

  /** The first working day after `date`, or undefined when the window ends first. */
  nextWorkingDayAfter(date: string): string | undefined {
    for (let day = addDays(date, 1); this.covers(day); day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) return day;
    }
    return undefined;
  }

  /** Working days from `from` (inclusive) to `to` (exclusive); undefined when the window does not cover them. */
  workingDaysBetween(from: string, to: string): number | undefined {
    if (to <= from) return 0;
    if (!this.covers(from) || !this.covers(addDays(to, -1))) return undefined;
    let count = 0;
    for (let day = from; day < to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}

export { addDays, addMonths, daysBetween };
