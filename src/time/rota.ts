import { addDays, addMonths, daysBetween, isCalendarDate } from './calendar-date.js';
import { reviewInterval } from './review-interval.js';

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

/** Why a review has no rota periods. */
export type RotaProblem =
  /** `review.rota` is missing or lists nobody. */
  | 'no-rota'
  /** `review.approved` is missing or not a calendar date: periods count from it. */
  | 'bad-approved'
  /** `review.every` is missing or not a whole number of days, weeks or months. */
  | 'bad-every';

export type RotaSchedule =
  | {
      readonly ok: true;
      /** The reviewers in turn, as written (entries that are not ids left out). */
      readonly rota: readonly string[];
      /**
       * True when today is before `review.approved`: the periods then start
       * with the approval period, and none of them holds today.
       */
      readonly beforeApproval: boolean;
      /** The period that holds today (undefined before the approval). */
      readonly currentPeriod: number | undefined;
      /** Successive periods, from the approval period when today's is among the first `count`, else from today's. */
      readonly periods: readonly RotaAssignment[];
    }
  | { readonly ok: false; readonly problem: RotaProblem };

/**
 * Who reviews which period: `count` successive periods, starting with the
 * approval period, or, once today's period is not among the first `count`,
 * with the one that holds `today` (so that the list always shows now and
 * what follows). Periods run from `review.approved` in steps of `review.every`:
 * period k covers [approved + k·every, approved + (k+1)·every), and its
 * reviewer is rota[k mod rota.length]. Months are added from the approval date
 * each time (not step by step), so 31 January + 1 month is 28 February but
 * + 2 months is 31 March.
 *
 * `today` must be a calendar date and `count` a whole number of 0 or more
 * (RangeError otherwise: those come from the caller, not from a charter).
 */
export function rotaSchedule(review: RotaReview | undefined, today: string, count: number): RotaSchedule {
  if (!isCalendarDate(today)) throw new RangeError(`not a calendar date: ${today}`);
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`not a number of periods: ${count}`);
  const written = review?.rota;
  const rota = Array.isArray(written) ? written.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  if (rota.length === 0) return { ok: false, problem: 'no-rota' };
  const approved = review?.approved;
  if (!isCalendarDate(approved)) return { ok: false, problem: 'bad-approved' };
  const startOf = periodStarts(approved, review?.every);
  if (!startOf) return { ok: false, problem: 'bad-every' };

  const beforeApproval = today < approved;
  const currentPeriod = beforeApproval ? undefined : periodHolding(startOf, today);
  const first = currentPeriod === undefined || currentPeriod < count ? 0 : currentPeriod;
  const periods: RotaAssignment[] = [];
  for (let period = first; period < first + count; period++) {
    const periodFrom = startOf.at(period);
    // Dates are written with four-digit years: a long list of long periods stops at the end of 9999.
    if (isAfterLastDate(periodFrom)) break;
    const next = startOf.at(period + 1);
    const index = period % rota.length;
    periods.push({ contactId: rota[index] as string, periodFrom, periodTo: isAfterLastDate(next) ? LAST_DATE : addDays(next, -1), index, period });
  }
  return { ok: true, rota, beforeApproval, currentPeriod, periods };
}

/**
 * This period's reviewer (see rotaSchedule for how periods run). Undefined
 * when there is no rota, the dates are not calendar dates, `every` is not a
 * whole number of days, weeks or months, or today is before the approval (no
 * period has started).
 */
export function reviewerFor(review: RotaReview | undefined, today: string): RotaAssignment | undefined {
  if (!isCalendarDate(today)) return undefined;
  const schedule = rotaSchedule(review, today, 1);
  return schedule.ok ? schedule.periods.find((assignment) => assignment.period === schedule.currentPeriod) : undefined;
}

/** The period that holds `date`, which is on or after the approval. */
function periodHolding(startOf: PeriodStarts, date: string): number {
  let period = startOf.estimate(date);
  while (startOf.at(period + 1) <= date) period++;
  while (period > 0 && startOf.at(period) > date) period--;
  return period;
}

interface PeriodStarts {
  /** The first day of period k. */
  at(period: number): string;
  /** A close guess of the period that holds `date`, corrected by the caller. */
  estimate(date: string): number;
}

/** The last date with a four-digit year. */
const LAST_DATE = '9999-12-31';

/** Beyond 9999, toISOString writes six-digit years with a sign (+010000-01-01). */
function isAfterLastDate(date: string): boolean {
  return date.length !== LAST_DATE.length || date > LAST_DATE;
}

function periodStarts(approved: string, every: unknown): PeriodStarts | undefined {
  const interval = reviewInterval(every);
  if (!interval) return undefined;
  if ('days' in interval) {
    const { days } = interval;
    return {
      at: (period) => addDays(approved, period * days),
      estimate: (date) => Math.max(0, Math.floor(daysBetween(approved, date) / days)),
    };
  }
  const { months } = interval;
  return {
    at: (period) => addMonths(approved, period * months),
    estimate: (date) => Math.max(0, Math.floor(monthsBetween(approved, date) / months)),
  };
}

function monthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth] = from.split('-').map(Number) as [number, number];
  const [toYear, toMonth] = to.split('-').map(Number) as [number, number];
  return (toYear - fromYear) * 12 + (toMonth - fromMonth);
}
