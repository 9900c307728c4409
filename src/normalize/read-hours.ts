import type * as Document from '../schema/generated/charter-document.js';
import type { HoursException, OfficeHours, OpeningPeriod, TimeOfDay } from '../model/charter.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { holidayCalendarName, isKnownHolidayCalendar } from '../time/holiday-calendars.js';
import { knownTimeZone } from '../time/time-zones.js';
import { expandDays, minutesOf } from '../time/weekly-hours.js';
import { NormalizeProblem, readCalendarDate } from './read-values.js';
import type { TextReader } from './text-reader.js';

/**
 * Office hours as values. With `inherited` (the unit's hours, for a
 * channel's own), what the channel leaves out is taken from the unit: its
 * weekly hours, holiday calendar and time zone, and the unit's exceptions on
 * dates the channel does not list.
 */
export function readHours(hours: Document.OfficeHours, inherited: OfficeHours | undefined, texts: TextReader, where: string): OfficeHours {
  const own = (hours.exceptions ?? []).map((exception, index) => readException(exception, texts, `${where}.exceptions[${index}]`));
  const ownDates = new Set(own.map((exception) => exception.date));
  const exceptions = [...(inherited?.exceptions ?? []).filter((exception) => !ownDates.has(exception.date)), ...own];
  const holidays = hours.holidays === undefined ? inherited?.holidays : readHolidays(hours.holidays, `${where}.holidays`);
  return {
    weekly: hours.weekly ? hours.weekly.map((period, index) => readPeriod(period, `${where}.weekly[${index}]`)) : (inherited?.weekly ?? []),
    exceptions: exceptions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    ...(holidays === undefined ? {} : { holidays, holidaysName: holidayCalendarName(holidays) ?? holidays }),
    timeZone: hours.timezone === undefined ? (inherited?.timeZone ?? DEFAULT_TIME_ZONE) : readTimeZone(hours.timezone, `${where}.timezone`),
  };
}

function readPeriod(period: Document.OpeningPeriod, where: string): OpeningPeriod {
  const days = expandDays(period.days);
  if (!days.ok) throw new NormalizeProblem(`\`${where}.days\`: ${days.message}`);
  return { days: days.days, daysWritten: period.days, open: readTime(period.open, `${where}.open`), close: readTime(period.close, `${where}.close`) };
}

function readException(exception: Document.HoursException, texts: TextReader, where: string): HoursException {
  const date = readCalendarDate(exception.date, `${where}.date`);
  const note = texts.optional('note', exception.note);
  if ('closed' in exception) return { date, closed: true, ...note };
  return { date, closed: false, open: readTime(exception.open, `${where}.open`), close: readTime(exception.close, `${where}.close`), ...note };
}

function readTime(text: string, where: string): TimeOfDay {
  const minutes = minutesOf(text);
  if (minutes === undefined) throw new NormalizeProblem(`\`${where}\` is not a time of day`);
  return { text, minutes };
}

function readTimeZone(name: string, where: string): string {
  if (knownTimeZone(name) === undefined) throw new NormalizeProblem(`\`${where}\` ${name} is not a time zone in the time zone database`);
  return name;
}

function readHolidays(code: string, where: string): string {
  if (!isKnownHolidayCalendar(code)) throw new NormalizeProblem(`\`${where}\` ${code} is not a holiday calendar date-holidays knows`);
  return code;
}
