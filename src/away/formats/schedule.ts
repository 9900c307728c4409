import { addDays, parseAwayMoment, type AwayMoment } from '../away-dates.js';
import type { AwayRequest, AwayResult } from '../away-types.js';

/** A local date and time of the office, HH:MM. */
export interface LocalDateTime {
  readonly date: string;
  readonly time: string;
}

/**
 * When the absence and its automatic replies start and end, on the office's
 * wall clock:
 * - the absence (a calendar event) runs from `from` to the end of `until`
 *   (the start of the next day when `until` has no time);
 * - the automatic replies run from `from` until the official is back: the
 *   start of the day back when `until` has no time, so mail sent over the
 *   weekend after a Friday still gets the reply.
 */
export interface AwaySchedule {
  /** True when neither `from` nor `until` gives a time: an all-day absence. */
  readonly allDay: boolean;
  readonly from: AwayMoment;
  readonly until: AwayMoment;
  readonly start: LocalDateTime;
  /** The end of the absence, exclusive. */
  readonly end: LocalDateTime;
  /** The end of the automatic replies, exclusive. */
  readonly repliesEnd: LocalDateTime;
}

export function awaySchedule(request: AwayRequest, result: AwayResult): AwaySchedule {
  const from = parseAwayMoment(request.from);
  const until = parseAwayMoment(request.until);
  if (!from || !until) throw new RangeError('awaySchedule: from and until must be dates (YYYY-MM-DD) or dates and times (YYYY-MM-DDTHH:MM)');
  const end = until.time === undefined ? { date: addDays(until.date, 1), time: '00:00' } : { date: until.date, time: until.time };
  const repliesEnd = until.time === undefined && result.backOn !== undefined ? { date: result.backOn, time: '00:00' } : end;
  return {
    allDay: from.time === undefined && until.time === undefined,
    from,
    until,
    start: { date: from.date, time: from.time ?? '00:00' },
    end,
    repliesEnd,
  };
}
