import { describe, expect, it } from 'vitest';
import { compareDurations, formatDuration, IMMEDIATELY_SECONDS, isFixedDuration, measuredUnit, parseDuration, type Duration } from '../../src/time/duration.js';
import { reviewInterval } from '../../src/time/review-interval.js';

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`bad duration ${text}`);
  return parsed;
}

describe('parseDuration', () => {
  it.each([
    ['30 seconds', { amount: 30, unit: 'second' }],
    ['1 working day', { amount: 1, unit: 'working day' }],
    ['1 year', { amount: 1, unit: 'year' }],
    ['2 years', { amount: 2, unit: 'year' }],
    ['1.5 years', { amount: 1.5, unit: 'year' }],
    ['same working day', { amount: 0, unit: 'same working day' }],
    ['  same working day ', { amount: 0, unit: 'same working day' }],
    ['immediately', { amount: 0, unit: 'immediately' }],
  ])('reads %j', (text, expected) => {
    expect(parseDuration(text)).toEqual(expected);
  });

  it.each(['1 same working day', 'same working days', 'the same working day', 'Immediately', 'immediately!', '2 yrs', 'year', 'same day'])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('tells the durations without an amount apart', () => {
    expect(isFixedDuration(duration('same working day'))).toBe(true);
    expect(isFixedDuration(duration('immediately'))).toBe(true);
    expect(isFixedDuration(duration('0 working days'))).toBe(false);
    expect(formatDuration(duration('same working day'))).toBe('same working day');
    expect(formatDuration(duration('2 years'))).toBe('2 years');
  });

  it('measures the fixed durations in working hours and seconds, and gives an automated receipt 5 minutes', () => {
    expect(measuredUnit('same working day')).toBe('working hour');
    expect(measuredUnit('immediately')).toBe('second');
    expect(measuredUnit('year')).toBe('year');
    expect(IMMEDIATELY_SECONDS).toBe(300);
  });
});

describe('compareDurations', () => {
  it.each([
    // a, b, a compared with b
    ['immediately', 'immediately', 0],
    ['immediately', '1 second', -1],
    ['immediately', '0 seconds', -1],
    ['5 minutes', 'immediately', 1],
    ['same working day', 'immediately', 1],
    ['immediately', 'same working day', -1],
    ['same working day', 'same working day', 0],
    ['same working day', '1 working day', -1],
    ['same working day', '0.5 working days', -1],
    ['3 working days', 'same working day', 1],
    ['same working day', '0 working days', undefined],
    ['same working day', '4 working hours', undefined],
    ['same working day', '1 day', undefined],
    ['1 year', '12 months', 0],
    ['1 year', '13 months', -1],
    ['2 years', '1 year', 1],
    ['1 year', '365 days', undefined],
    ['1 year', '367 days', -1],
    ['1 year', '52 weeks', 1],
    ['1 year', '250 working days', undefined],
  ])('%s against %s: %s', (a, b, expected) => {
    expect(compareDurations(duration(a), duration(b))).toBe(expected);
  });
});

describe('review intervals in years', () => {
  it.each([
    ['1 year', { months: 12 }],
    ['2 years', { months: 24 }],
    ['10 years', { months: 120 }],
    ['11 years', undefined],
    ['1.5 years', undefined],
    ['same working day', undefined],
    ['immediately', undefined],
  ])('%s', (every, expected) => {
    expect(reviewInterval(every)).toEqual(expected);
  });
});
