import { addDays, addMonths, daysBetween, isCalendarDate } from '../time/calendar-date.js';
import { reviewInterval } from '../time/review-interval.js';
import { isPlainObject } from './charter-data.js';

/**
 * When a charter's review is due, and how that stands on a given day: the one
 * policy that `charter validate` (the `review-due` rule), the site, the report
 * and the rota all apply. Pure, over plain values, so the rule can use it on
 * charters that did not normalize.
 */

/** How many days ahead a coming review is announced. */
export const REVIEW_WARNING_DAYS = 30;

/** ok, due soon (within REVIEW_WARNING_DAYS, the due day included) or overdue (the due day has passed). */
export type ReviewState = 'ok' | 'due-soon' | 'overdue';

export interface ReviewStatus {
  /** The day the review is due (YYYY-MM-DD). */
  readonly date: string;
  /** Days from today to `date`; negative when the review is overdue. */
  readonly inDays: number;
  readonly status: ReviewState;
}

/** How a review due on `due` stands on `today` (both calendar dates). */
export function reviewStatus(due: string, today: string): ReviewStatus {
  const inDays = daysBetween(today, due);
  return { date: due, inDays, status: inDays < 0 ? 'overdue' : inDays <= REVIEW_WARNING_DAYS ? 'due-soon' : 'ok' };
}

/** The latest date a review may be set for: approved + every; undefined when `every` is not whole days, weeks or months. */
export function reviewDeadline(approved: string, every: string): string | undefined {
  const interval = reviewInterval(every);
  if (!interval) return undefined;
  return 'days' in interval ? addDays(approved, interval.days) : addMonths(approved, interval.months);
}

/**
 * For charter data as written: `review.next`, or if it is missing, the latest
 * date `every` allows after approval; undefined when neither can be worked out.
 * A normalized charter always has `review.next`.
 */
export function nextReviewDate(data: unknown): string | undefined {
  const review = isPlainObject(data) ? data.review : undefined;
  if (!isPlainObject(review)) return undefined;
  if (isCalendarDate(review.next)) return review.next;
  return isCalendarDate(review.approved) && typeof review.every === 'string' ? reviewDeadline(review.approved, review.every) : undefined;
}
