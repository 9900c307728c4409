import { clockSecondsRange, compareDurations, type Duration } from '../time/duration.js';

const DAY = 86_400;

/** Weekdays a span of working days may hold that are not working days: public holidays (Easter and Christmas hold up to three near together). */
const HOLIDAY_SLACK_DAYS = 3;

/**
 * The shortest and longest a duration can take on the clock, in seconds.
 * Working days run from close to a day shorter (a contact just before
 * closing) to their count plus the weekends and holidays between and the
 * arrival day; working hours take at least as long as clock hours, and at
 * most any time (it depends on the hours).
 */
function secondsRange(duration: Duration): { min: number; max: number } | undefined {
  const clock = clockSecondsRange(duration);
  if (clock) return clock;
  const days = duration.unit === 'same working day' ? 1 : duration.amount;
  switch (duration.unit) {
    case 'immediately':
      return { min: 0, max: 0 };
    case 'working hour':
      return { min: duration.amount * 3600, max: Number.POSITIVE_INFINITY };
    case 'working day':
    case 'same working day': {
      const weekends = 2 * Math.ceil((days + HOLIDAY_SLACK_DAYS) / 5);
      return { min: Math.max(0, days - 1) * DAY, max: (days + weekends + HOLIDAY_SLACK_DAYS + 1) * DAY };
    }
    default:
      return undefined;
  }
}

/**
 * Ranks two time limits for the diff: -1 if `a` is surely shorter, 1 if
 * surely longer, 0 if the same, undefined if it cannot be told. Beyond
 * `compareDurations` (which ranks only like with like, as the rules need), a
 * count of working days ranks against calendar time where no calendar could
 * make them overlap: 5 working days is less than 2 weeks, 2 working days more
 * than 1 hour; 2 working days against 1 week depends on the holidays.
 */
export function rankDurations(a: Duration, b: Duration): -1 | 0 | 1 | undefined {
  const same = compareDurations(a, b);
  if (same !== undefined) return same;
  const [ra, rb] = [secondsRange(a), secondsRange(b)];
  if (!ra || !rb) return undefined;
  if (ra.max < rb.min) return -1;
  if (ra.min > rb.max) return 1;
  return undefined;
}
