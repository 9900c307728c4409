import { addDays, addMonths, daysBetween, isCalendarDate } from './calendar-date.js';
import { parseDuration } from './duration.js';

/** The part of `review` a rota needs, as written in the charter (nothing assumed). */
export interface RotaReview {
  readonly approved?: unknown;
  readonly every?: unknown;
  readonly rota?: unknown;
}

export interface RotaAssignment {
  /** The contact id of this period's reviewer. */
  readonly contactId: string;
  /** First day of the period (YYYY-MM-DD). */
  readonly periodFrom: string;
  /** Last day of the period, inclusive (YYYY-MM-DD): the day before the next period starts. */
  readonly periodTo: string;
  /** The reviewer's position in `review.rota`: period mod rota length. */
  readonly index: number;
  /** Which period since approval: 0 is the one that starts on the approval date. */
  readonly period: number;
}

/**
 * This period's reviewer. Periods run from `review.approved` in steps of
 * `review.every`: period k covers [approved + k·every, approved + (k+1)·every),
 * and its reviewer is rota[k mod rota.length]. Months are added from the
 * approval date each time (not step by step), so 31 January + 1 month is 28
 * February but + 2 months is 31 March.
 *
 * Undefined when there is no rota, the dates are not calendar dates, `every`
 * is not a whole number of days, weeks or months, or today is before the
 * approval (no period has started).
 */
export function reviewerFor(review: RotaReview | undefined, today: string): RotaAssignment | undefined {
  if (!review || !isCalendarDate(today)) return undefined;
  const { approved } = review;
  if (!isCalendarDate(approved) || today < approved) return undefined;
  const rota = Array.isArray(review.rota) ? review.rota.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  if (rota.length === 0) return undefined;
  const startOf = periodStarts(approved, review.every);
  if (!startOf) return undefined;

  let period = startOf.estimate(today);
  while (startOf.at(period + 1) <= today) period++;
  while (period > 0 && startOf.at(period) > today) period--;

  const index = period % rota.length;
  return {
    contactId: rota[index] as string,
    periodFrom: startOf.at(period),
    periodTo: addDays(startOf.at(period + 1), -1),
    index,
    period,
  };
}

interface PeriodStarts {
  /** The first day of period k. */
  at(period: number): string;
  /** A close guess of the period that holds `date`, corrected by the caller. */
  estimate(date: string): number;
}

function periodStarts(approved: string, every: unknown): PeriodStarts | undefined {
  const duration = parseDuration(every);
  if (!duration || !Number.isInteger(duration.amount) || duration.amount <= 0) return undefined;
  const { amount } = duration;
  switch (duration.unit) {
    case 'day':
    case 'week': {
      const days = duration.unit === 'week' ? amount * 7 : amount;
      return {
        at: (period) => addDays(approved, period * days),
        estimate: (date) => Math.max(0, Math.floor(daysBetween(approved, date) / days)),
      };
    }
    case 'month':
      return {
        at: (period) => addMonths(approved, period * amount),
        estimate: (date) => Math.max(0, Math.floor(monthsBetween(approved, date) / amount)),
      };
    default:
      return undefined;
  }
}

function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}
