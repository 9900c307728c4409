import { describe, expect, it } from 'vitest';
import { reviewerFor, rotaSchedule } from '../../src/time/rota.js';

const review = { approved: '2026-09-15', every: '6 months', rota: ['a', 'b', 'c'] };

/** `from–to reviewer` of each period, for short assertions. */
function periodsOf(schedule: ReturnType<typeof rotaSchedule>): string[] {
  if (!schedule.ok) throw new Error(`no schedule: ${schedule.problem}`);
  return schedule.periods.map((period) => `${period.periodFrom}–${period.periodTo} ${period.contactId}`);
}

describe('rotaSchedule', () => {
  it('counts months from the approval, listing from the approval period while today’s is among the first', () => {
    const schedule = rotaSchedule(review, '2027-04-01', 4);
    expect(schedule).toMatchObject({ ok: true, beforeApproval: false, currentPeriod: 1, rota: ['a', 'b', 'c'] });
    expect(periodsOf(schedule)).toEqual(['2026-09-15–2027-03-14 a', '2027-03-15–2027-09-14 b', '2027-09-15–2028-03-14 c', '2028-03-15–2028-09-14 a']);
    expect(schedule.ok && schedule.periods.map((period) => [period.period, period.index])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 0],
    ]);
  });

  it('lists from the period that holds today once it is not among the first `count`', () => {
    const schedule = rotaSchedule(review, '2029-04-01', 2);
    expect(schedule).toMatchObject({ ok: true, currentPeriod: 5 });
    expect(periodsOf(schedule)).toEqual(['2029-03-15–2029-09-14 c', '2029-09-15–2030-03-14 a']);
  });

  it('starts a period on its first day and ends the one before on the day before', () => {
    expect(periodsOf(rotaSchedule(review, '2027-03-14', 1))).toEqual(['2026-09-15–2027-03-14 a']);
    expect(periodsOf(rotaSchedule(review, '2027-03-15', 1))).toEqual(['2027-03-15–2027-09-14 b']);
    expect(periodsOf(rotaSchedule(review, '2026-09-15', 1))).toEqual(['2026-09-15–2027-03-14 a']);
  });

  it('adds months to 31 January from the approval each time, so month ends do not drift', () => {
    const endOfMonth = { approved: '2026-01-31', every: '1 month', rota: ['a', 'b'] };
    expect(periodsOf(rotaSchedule(endOfMonth, '2026-02-10', 4))).toEqual([
      '2026-01-31–2026-02-27 a',
      '2026-02-28–2026-03-30 b',
      '2026-03-31–2026-04-29 a',
      '2026-04-30–2026-05-30 b',
    ]);
    // In a leap year February ends on the 29th.
    expect(periodsOf(rotaSchedule({ ...endOfMonth, approved: '2028-01-31' }, '2028-02-29', 1))).toEqual(['2028-02-29–2028-03-30 b']);
  });

  it('steps weeks and days exactly', () => {
    const weekly = { approved: '2026-11-02', every: '2 weeks', rota: ['a', 'b'] };
    expect(periodsOf(rotaSchedule(weekly, '2026-11-20', 3))).toEqual(['2026-11-02–2026-11-15 a', '2026-11-16–2026-11-29 b', '2026-11-30–2026-12-13 a']);
    // Across the end of the year and a leap day.
    expect(periodsOf(rotaSchedule({ approved: '2027-12-27', every: '1 week', rota: ['a'] }, '2028-02-28', 2))).toEqual([
      '2028-02-28–2028-03-05 a',
      '2028-03-06–2028-03-12 a',
    ]);
    const daily = { approved: '2026-11-02', every: '10 days', rota: ['a', 'b', 'c'] };
    expect(periodsOf(rotaSchedule(daily, '2026-11-25', 2))).toEqual(['2026-11-22–2026-12-01 c', '2026-12-02–2026-12-11 a']);
  });

  it('starts with the approval period when today is before the approval', () => {
    const schedule = rotaSchedule(review, '2026-01-01', 2);
    expect(schedule).toMatchObject({ ok: true, beforeApproval: true });
    expect(periodsOf(schedule)).toEqual(['2026-09-15–2027-03-14 a', '2027-03-15–2027-09-14 b']);
    expect(rotaSchedule(review, '2026-09-14', 1)).toMatchObject({ beforeApproval: true });
    expect(rotaSchedule(review, '2026-09-15', 1)).toMatchObject({ beforeApproval: false });
  });

  it('finds the period far from the approval', () => {
    // Period 199 (a hundred years less six months): 199 mod 3 = 1.
    expect(periodsOf(rotaSchedule(review, '2126-09-14', 1))).toEqual(['2126-03-15–2126-09-14 b']);
    // Day 3653 (ten years with three leap days): 3653 mod 2 = 1.
    const daily = { approved: '2026-11-02', every: '1 day', rota: ['a', 'b'] };
    expect(periodsOf(rotaSchedule(daily, '2036-11-02', 1))).toEqual(['2036-11-02–2036-11-02 b']);
  });

  it('says why there are no periods', () => {
    expect(rotaSchedule(undefined, '2026-11-23', 4)).toEqual({ ok: false, problem: 'no-rota' });
    expect(rotaSchedule({ ...review, rota: [] }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'no-rota' });
    expect(rotaSchedule({ ...review, rota: 'a' }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'no-rota' });
    expect(rotaSchedule({ ...review, approved: undefined }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-approved' });
    expect(rotaSchedule({ ...review, approved: '2026-02-30' }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-approved' });
    expect(rotaSchedule({ ...review, every: undefined }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-every' });
    expect(rotaSchedule({ ...review, every: '3 working days' }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-every' });
    expect(rotaSchedule({ ...review, every: '1.5 months' }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-every' });
    expect(rotaSchedule({ ...review, every: '0 weeks' }, '2026-11-23', 4)).toEqual({ ok: false, problem: 'bad-every' });
  });

  it('rejects a bad day or count from the caller', () => {
    expect(() => rotaSchedule(review, '2026-02-30', 1)).toThrow(RangeError);
    expect(() => rotaSchedule(review, '2026-11-23', -1)).toThrow(RangeError);
    expect(() => rotaSchedule(review, '2026-11-23', 1.5)).toThrow(RangeError);
  });

  it('agrees with reviewerFor on the current period', () => {
    for (const today of ['2026-09-15', '2027-03-14', '2027-03-15', '2029-01-01']) {
      const schedule = rotaSchedule(review, today, 1);
      expect(schedule.ok && schedule.periods[0]).toEqual(reviewerFor(review, today));
    }
    expect(reviewerFor(review, '2026-09-14')).toBeUndefined();
    expect(reviewerFor(review, 'not a date')).toBeUndefined();
  });
});

describe('rotaSchedule near the end of the four-digit years', () => {
  it('stops the list at 9999-12-31 instead of writing six-digit years', () => {
    const decade = { approved: '2026-10-06', every: '120 months', rota: ['a', 'b'] };
    const schedule = rotaSchedule(decade, '2199-12-31', 999);
    const periods = periodsOf(schedule);
    expect(periods.length).toBeLessThan(999);
    expect(periods.at(-1)).toBe('9996-10-06–9999-12-31 b');
    expect(periods.every((period) => /^\d{4}-\d{2}-\d{2}–\d{4}-\d{2}-\d{2} [ab]$/.test(period))).toBe(true);
  });

  it('adds months in the years 0 to 99 without moving them to the 1900s', () => {
    const early = { approved: '0050-01-31', every: '1 months', rota: ['a'] };
    expect(periodsOf(rotaSchedule(early, '0050-02-15', 2))).toEqual(['0050-01-31–0050-02-27 a', '0050-02-28–0050-03-30 a']);
  });
});
