import { parseDuration } from './duration.js';

/**
 * The longest review interval a charter may set. A public promise that is
 * not looked at for a decade is not kept in any real sense, and dates further
 * out than this soon leave the calendar that date arithmetic can handle.
 */
export const MAX_REVIEW_YEARS = 10;

/** `review.every` as whole days or months; undefined unless it is whole days, weeks, months or years, from one day to MAX_REVIEW_YEARS. */
export function reviewInterval(every: unknown): { readonly days: number } | { readonly months: number } | undefined {
  const duration = parseDuration(every);
  if (!duration || !Number.isInteger(duration.amount) || duration.amount <= 0) return undefined;
  switch (duration.unit) {
    case 'day':
    case 'week': {
      const days = duration.unit === 'week' ? duration.amount * 7 : duration.amount;
      return days <= MAX_REVIEW_YEARS * 366 ? { days } : undefined;
    }
    case 'month':
    case 'year': {
      const months = duration.unit === 'year' ? duration.amount * 12 : duration.amount;
      return months <= MAX_REVIEW_YEARS * 12 ? { months } : undefined;
    }
    default:
      return undefined;
  }
}

/** True when `review.every` is whole days, weeks, months or years but longer than MAX_REVIEW_YEARS. */
export function isReviewIntervalTooLong(every: unknown): boolean {
  const duration = parseDuration(every);
  if (!duration || !Number.isInteger(duration.amount) || duration.amount <= 0) return false;
  return ['day', 'week', 'month', 'year'].includes(duration.unit) && reviewInterval(every) === undefined;
}
