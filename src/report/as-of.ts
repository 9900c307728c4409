import { addDays, isCalendarDate } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { zoneOffsetsFor } from '../time/zone-offsets.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from './report-window.js';
import { parseTimestamp } from './timestamp.js';

/**
 * The instant a report is made as of: a timestamp with its offset, or a date,
 * meaning the end of that day in Helsinki (so `--as-of 2026-11-30` counts
 * everything logged on the 30th). Undefined when it is neither.
 */
export function parseAsOf(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date | undefined {
  if (isCalendarDate(text)) {
    // Zone offsets are known only for the years a report covers; a date outside them is
    // refused by the caller, and is shown with its own year if read at the end of its UTC day.
    const year = Number(text.slice(0, 4));
    if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) return new Date(Date.parse(`${text}T23:59:59.999Z`));
    const nextMidnight = Date.parse(`${addDays(text, 1)}T00:00:00Z`);
    return new Date(zoneOffsetsFor(timeZone).instantOfWall(nextMidnight) - 1);
  }
  const parsed = parseTimestamp(text);
  return parsed.ok ? new Date(parsed.ms) : undefined;
}
