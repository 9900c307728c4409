import { addDays, isCalendarDate } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE, WorkingCalendar } from '../time/working-calendar.js';
import { parseTimestamp } from './timestamp.js';

/**
 * The instant a report is made as of: a timestamp with its offset, or a date,
 * meaning the end of that day in Helsinki (so `--as-of 2026-11-30` counts
 * everything logged on the 30th). Undefined when it is neither.
 */
export function parseAsOf(text: string, timeZone: string = DEFAULT_TIME_ZONE): Date | undefined {
  if (isCalendarDate(text)) {
    const calendar = new WorkingCalendar({ weekly: [], timeZone });
    return new Date(calendar.instantOf(addDays(text, 1), 0).getTime() - 1);
  }
  const parsed = parseTimestamp(text);
  return parsed.ok ? new Date(parsed.ms) : undefined;
}
