import { describe, expect, it } from 'vitest';
import { nextReviewDate, REVIEW_WARNING_DAYS, reviewDeadline, reviewStatus } from '../../src/model/review-status.js';
import { addDays } from '../../src/time/calendar-date.js';

const TODAY = '2026-11-23';

describe('review status', () => {
  it('is overdue from the day after the due date', () => {
    expect(reviewStatus('2026-11-22', TODAY)).toEqual({ date: '2026-11-22', inDays: -1, status: 'overdue' });
    expect(reviewStatus('2025-11-23', TODAY)).toMatchObject({ inDays: -365, status: 'overdue' });
  });

  it('is due soon on the due date and up to REVIEW_WARNING_DAYS before it', () => {
    expect(REVIEW_WARNING_DAYS).toBe(30);
    expect(reviewStatus(TODAY, TODAY)).toEqual({ date: TODAY, inDays: 0, status: 'due-soon' });
    expect(reviewStatus(addDays(TODAY, 30), TODAY)).toEqual({ date: '2026-12-23', inDays: 30, status: 'due-soon' });
  });

  it('is ok further ahead', () => {
    expect(reviewStatus(addDays(TODAY, 31), TODAY)).toEqual({ date: '2026-12-24', inDays: 31, status: 'ok' });
  });

  it('counts calendar days across a change of clocks and a leap day', () => {
    expect(reviewStatus('2027-03-29', '2027-03-27').inDays).toBe(2);
    expect(reviewStatus('2028-03-01', '2028-02-28').inDays).toBe(2);
  });
});

describe('review dates from data as written', () => {
  it('takes `review.next`, else approval plus `every`', () => {
    expect(nextReviewDate({ review: { next: '2027-09-01', approved: '2026-09-01', every: '6 months' } })).toBe('2027-09-01');
    expect(nextReviewDate({ review: { approved: '2026-01-31', every: '1 month' } })).toBe('2026-02-28');
    expect(nextReviewDate({ review: { approved: '2026-09-01', every: '2 weeks' } })).toBe('2026-09-15');
  });

  it('is undefined when neither can be worked out', () => {
    expect(nextReviewDate({ review: { next: '2027-02-30' } })).toBeUndefined();
    expect(nextReviewDate({ review: { approved: '2026-09-01', every: '2 working days' } })).toBeUndefined();
    expect(nextReviewDate({ review: 'soon' })).toBeUndefined();
    expect(nextReviewDate(undefined)).toBeUndefined();
  });

  it('allows a review at most `every` after the approval', () => {
    expect(reviewDeadline('2026-09-01', '12 months')).toBe('2027-09-01');
    expect(reviewDeadline('2026-09-01', '3 days')).toBe('2026-09-04');
    expect(reviewDeadline('2026-09-01', '20 years')).toBeUndefined();
  });
});
