import { daysBetween, isCalendarDate } from '../time/calendar-date.js';
import { isReviewIntervalTooLong, MAX_REVIEW_YEARS } from '../time/review-interval.js';
import { reviewDeadline, reviewStatus } from '../model/review-status.js';
import { stringAt } from './access.js';
import { defineRule } from './rule.js';

export default defineRule(
  'review-due',
  'A charter past its review date is an error; one due within 30 days is a warning.',
  'error',
  ({ charter, today, report }) => {
    if (charter.isBaseline) return;
    const next = stringAt(charter.data, ['review', 'next']);
    const approved = stringAt(charter.data, ['review', 'approved']);
    const every = stringAt(charter.data, ['review', 'every']);
    if (isReviewIntervalTooLong(every)) {
      report({
        path: ['review', 'every'],
        message: `\`review.every: ${every}\` is longer than ${MAX_REVIEW_YEARS} years; review the charter at least every ${MAX_REVIEW_YEARS} years (most offices do it every \`12 months\`)`,
      });
    }
    if (isCalendarDate(next)) {
      const { status, inDays } = reviewStatus(next, today);
      if (status === 'overdue') {
        report({
          path: ['review', 'next'],
          message: `the review was due on ${next}, ${-inDays} day${inDays === -1 ? '' : 's'} ago; review the charter and set new \`approved\` and \`next\` dates`,
        });
      } else if (status === 'due-soon') {
        report({
          path: ['review', 'next'],
          severity: 'warning',
          message: `the review is due on ${next}, in ${inDays} day${inDays === 1 ? '' : 's'}; plan it with this period's reviewer`,
        });
      }
    }
    if (isCalendarDate(approved) && isCalendarDate(next)) {
      if (daysBetween(approved, next) <= 0) {
        report({ path: ['review', 'next'], message: `the next review (${next}) must come after the approval (${approved})` });
      } else if (every !== undefined) {
        const deadline = reviewDeadline(approved, every);
        if (deadline !== undefined && daysBetween(deadline, next) > 0) {
          report({
            path: ['review', 'next'],
            severity: 'warning',
            message: `the next review (${next}) is later than \`every: ${every}\` allows after approval on ${approved}; set it to ${deadline} or earlier`,
          });
        }
      }
      if (daysBetween(today, approved) > 0) {
        report({ path: ['review', 'approved'], severity: 'warning', message: `the approval date ${approved} is in the future` });
      }
    }
  },
);
