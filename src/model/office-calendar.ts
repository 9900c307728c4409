import type { WorkingCalendarOptions } from '../time/working-calendar.js';
import type { OfficeHours } from './charter.js';

/** A charter's office hours as the working calendar reads them: weekly hours and exceptions as written, its time zone and holidays. */
export function workingCalendarOptions(hours: OfficeHours): WorkingCalendarOptions {
  return {
    weekly: hours.weekly.map((period) => ({ days: period.daysWritten, open: period.open.text, close: period.close.text })),
    exceptions: hours.exceptions.map((exception) =>
      exception.closed ? { date: exception.date, closed: true } : { date: exception.date, open: exception.open.text, close: exception.close.text },
    ),
    timeZone: hours.timeZone,
    ...(hours.holidays === undefined ? {} : { holidays: hours.holidays }),
  };
}
