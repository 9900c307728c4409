import { daysBetween, isCalendarDate } from '../time/calendar-date.js';
import { isReviewIntervalTooLong, MAX_REVIEW_YEARS } from '../time/review-interval.js';
import { reviewDeadline, reviewStatus } from '../model/review-status.js';
import { stringAt } from './access.js';
import { defineRule } from './rule.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { message } from '../messages/message.js';

export default defineRule(
  'review-due',
  "A charter or baseline past its review date is an error; one due within 30 days is a warning. A baseline's promises reach every unit that extends it.",
  'error',
  ({ charter, today, report }) => {
    const next = stringAt(charter.data, ['review', 'next']);
    const approved = stringAt(charter.data, ['review', 'approved']);
    const every = stringAt(charter.data, ['review', 'every']);
    if (isReviewIntervalTooLong(every)) {
      report({
        path: ['review', 'every'],
        message: message('rules.review-due.every-too-long', { every: every ?? '', count: MAX_REVIEW_YEARS }),
      });
    }
    // A date a unit inherits is its baseline's: the baseline reports it once, in its own words.
    if (isCalendarDate(next) && (charter.isBaseline || !inheritsNext(charter))) {
      const { status, inDays } = reviewStatus(next, today);
      if (status === 'overdue') {
        report({
          path: ['review', 'next'],
          message: message(charter.isBaseline ? 'rules.review-due.baseline-overdue' : 'rules.review-due.overdue', { next, count: -inDays }),
        });
      } else if (status === 'due-soon') {
        report({
          path: ['review', 'next'],
          severity: 'warning',
          message: message(charter.isBaseline ? 'rules.review-due.baseline-due-soon' : 'rules.review-due.due-soon', { next, count: inDays }),
        });
      }
    }
    if (isCalendarDate(approved) && isCalendarDate(next)) {
      if (daysBetween(approved, next) <= 0) {
        report({ path: ['review', 'next'], message: message('rules.review-due.next-before-approval', { next, approved }) });
      } else if (every !== undefined) {
        const deadline = reviewDeadline(approved, every);
        if (deadline !== undefined && daysBetween(deadline, next) > 0) {
          report({
            path: ['review', 'next'],
            severity: 'warning',
            message: message('rules.review-due.next-too-late', { next, every, approved, deadline }),
          });
        }
      }
      if (daysBetween(today, approved) > 0) {
        report({ path: ['review', 'approved'], severity: 'warning', message: message('rules.review-due.approved-in-future', { approved }) });
      }
    }
  },
);

/**
 * True when a unit's `review.next` is written in a baseline, not in the unit's
 * own file. Read from the file's own data, not its positions: locating a path
 * parses the file again with positions, which every unit would pay for.
 */
function inheritsNext(charter: ResolvedCharter): boolean {
  if (charter.baseline === undefined) return false;
  const own = charter.source.data;
  const review = typeof own === 'object' && own !== null ? (own as Record<string, unknown>)['review'] : undefined;
  return typeof review !== 'object' || review === null || !('next' in review);
}
