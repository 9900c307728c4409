import { describe, expect, it } from 'vitest';
import { reviewerFor } from '../../src/time/rota.js';

const review = { approved: '2026-09-15', every: '6 months', rota: ['a', 'b', 'c'] };

describe('reviewerFor', () => {
  it('gives the first reviewer from the approval day to the day before the next period', () => {
    expect(reviewerFor(review, '2026-09-15')).toEqual({ contactId: 'a', periodFrom: '2026-09-15', periodTo: '2027-03-14', index: 0, period: 0 });
    expect(reviewerFor(review, '2027-03-14')).toMatchObject({ contactId: 'a', period: 0 });
  });

  it('moves to the next reviewer when a period starts', () => {
    expect(reviewerFor(review, '2027-03-15')).toEqual({ contactId: 'b', periodFrom: '2027-03-15', periodTo: '2027-09-14', index: 1, period: 1 });
    expect(reviewerFor(review, '2027-09-15')).toMatchObject({ contactId: 'c', periodFrom: '2027-09-15', periodTo: '2028-03-14', index: 2 });
  });

  it('wraps around the rota', () => {
    expect(reviewerFor(review, '2028-03-15')).toEqual({ contactId: 'a', periodFrom: '2028-03-15', periodTo: '2028-09-14', index: 0, period: 3 });
    expect(reviewerFor(review, '2029-01-01')).toMatchObject({ contactId: 'b', index: 1, period: 4 });
  });

  it('has no reviewer before the approval', () => {
    expect(reviewerFor(review, '2026-09-14')).toBeUndefined();
  });

  it('counts months from the approval date, so month ends do not drift', () => {
    const endOfMonth = { approved: '2026-01-31', every: '1 month', rota: ['a', 'b'] };
    expect(reviewerFor(endOfMonth, '2026-02-28')).toEqual({ contactId: 'b', periodFrom: '2026-02-28', periodTo: '2026-03-30', index: 1, period: 1 });
    expect(reviewerFor(endOfMonth, '2026-03-31')).toMatchObject({ contactId: 'a', periodFrom: '2026-03-31', periodTo: '2026-04-29', period: 2 });
    expect(reviewerFor(endOfMonth, '2026-02-27')).toMatchObject({ contactId: 'a', periodFrom: '2026-01-31', periodTo: '2026-02-27', period: 0 });
  });

  it('handles weeks and days', () => {
    const weekly = { approved: '2026-11-02', every: '2 weeks', rota: ['a', 'b'] };
    expect(reviewerFor(weekly, '2026-11-15')).toMatchObject({ contactId: 'a', periodTo: '2026-11-15' });
    expect(reviewerFor(weekly, '2026-11-16')).toMatchObject({ contactId: 'b', periodFrom: '2026-11-16', periodTo: '2026-11-29' });
    const daily = { approved: '2026-11-02', every: '10 days', rota: ['a', 'b', 'c'] };
    expect(reviewerFor(daily, '2026-11-25')).toMatchObject({ contactId: 'c', periodFrom: '2026-11-22', periodTo: '2026-12-01' });
  });

  it('is undefined without a usable rota, approval or interval', () => {
    expect(reviewerFor(undefined, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, rota: [] }, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, rota: undefined }, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, approved: '2026-02-30' }, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, every: '3 working days' }, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, every: '1.5 months' }, '2026-11-23')).toBeUndefined();
    expect(reviewerFor({ ...review, every: '0 months' }, '2026-11-23')).toBeUndefined();
  });
});
