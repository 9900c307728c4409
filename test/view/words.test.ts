import { describe, expect, it } from 'vitest';
import type { DurationUnit, FixedDurationUnit } from '../../src/time/duration.js';
import { durationInWords, everyInWords, formatAmountLimit, formatNumber, formatPercent, withinInWords, type WordsLanguage } from '../../src/view/words.js';

const NBSP = '\u00a0';

/** unit → language → [1, 2] */
const TABLE: Record<Exclude<DurationUnit, FixedDurationUnit>, Record<WordsLanguage, [string, string]>> = {
  second: { en: ['1 second', '2 seconds'], sv: ['1 sekund', '2 sekunder'], fi: ['1 sekunti', '2 sekuntia'] },
  minute: { en: ['1 minute', '2 minutes'], sv: ['1 minut', '2 minuter'], fi: ['1 minuutti', '2 minuuttia'] },
  hour: { en: ['1 hour', '2 hours'], sv: ['1 timme', '2 timmar'], fi: ['1 tunti', '2 tuntia'] },
  'working hour': { en: ['1 working hour', '2 working hours'], sv: ['1 arbetstimme', '2 arbetstimmar'], fi: ['1 työtunti', '2 työtuntia'] },
  day: { en: ['1 day', '2 days'], sv: ['1 dag', '2 dagar'], fi: ['1 päivä', '2 päivää'] },
  'working day': { en: ['1 working day', '2 working days'], sv: ['1 arbetsdag', '2 arbetsdagar'], fi: ['1 työpäivä', '2 työpäivää'] },
  week: { en: ['1 week', '2 weeks'], sv: ['1 vecka', '2 veckor'], fi: ['1 viikko', '2 viikkoa'] },
  month: { en: ['1 month', '2 months'], sv: ['1 månad', '2 månader'], fi: ['1 kuukausi', '2 kuukautta'] },
  year: { en: ['1 year', '2 years'], sv: ['1 år', '2 år'], fi: ['1 vuosi', '2 vuotta'] },
};

const cases = Object.entries(TABLE).flatMap(([unit, byLanguage]) =>
  Object.entries(byLanguage).flatMap(([lang, [one, two]]) => [
    { unit: unit as DurationUnit, lang: lang as WordsLanguage, amount: 1, expected: one },
    { unit: unit as DurationUnit, lang: lang as WordsLanguage, amount: 2, expected: two },
  ]),
);

describe('durationInWords', () => {
  it.each(cases)('$amount $unit in $lang is "$expected"', ({ unit, lang, amount, expected }) => {
    expect(durationInWords({ amount, unit }, lang)).toBe(expected);
  });

  it('covers every unit in every language', () => {
    expect(cases).toHaveLength(9 * 3 * 2);
  });

  it.each([
    [30, 'second', 'en', '30 seconds'],
    [30, 'second', 'sv', '30 sekunder'],
    [30, 'second', 'fi', '30 sekuntia'],
    [4, 'working hour', 'en', '4 working hours'],
    [4, 'working hour', 'sv', '4 arbetstimmar'],
    [4, 'working hour', 'fi', '4 työtuntia'],
    [6, 'month', 'en', '6 months'],
    [6, 'month', 'fi', '6 kuukautta'],
    [15, 'minute', 'sv', '15 minuter'],
    [15, 'minute', 'fi', '15 minuuttia'],
    [3, 'day', 'sv', '3 dagar'],
    [3, 'day', 'fi', '3 päivää'],
  ] as const)('%d %s in %s is "%s"', (amount, unit, lang, expected) => {
    expect(durationInWords({ amount, unit }, lang)).toBe(expected);
  });

  it('writes decimals with a comma in fi and sv, a point in en, and takes the plural', () => {
    expect(durationInWords({ amount: 1.5, unit: 'hour' }, 'en')).toBe('1.5 hours');
    expect(durationInWords({ amount: 1.5, unit: 'hour' }, 'sv')).toBe('1,5 timmar');
    expect(durationInWords({ amount: 1.5, unit: 'hour' }, 'fi')).toBe('1,5 tuntia');
    expect(durationInWords({ amount: 0.5, unit: 'working day' }, 'fi')).toBe('0,5 työpäivää');
  });

  it('takes the plural for zero', () => {
    expect(durationInWords({ amount: 0, unit: 'day' }, 'en')).toBe('0 days');
    expect(durationInWords({ amount: 0, unit: 'day' }, 'sv')).toBe('0 dagar');
    expect(durationInWords({ amount: 0, unit: 'day' }, 'fi')).toBe('0 päivää');
  });
});

describe('withinInWords', () => {
  it('puts Finnish durations in the genitive, which fits every amount', () => {
    expect(withinInWords({ amount: 30, unit: 'second' }, 'fi')).toBe('30 sekunnin kuluessa');
    expect(withinInWords({ amount: 1, unit: 'working day' }, 'fi')).toBe('1 työpäivän kuluessa');
    expect(withinInWords({ amount: 2, unit: 'working day' }, 'fi')).toBe('2 työpäivän kuluessa');
    expect(withinInWords({ amount: 4, unit: 'working hour' }, 'fi')).toBe('4 työtunnin kuluessa');
    expect(withinInWords({ amount: 15, unit: 'minute' }, 'fi')).toBe('15 minuutin kuluessa');
    expect(withinInWords({ amount: 1.5, unit: 'hour' }, 'fi')).toBe('1,5 tunnin kuluessa');
    expect(withinInWords({ amount: 2, unit: 'day' }, 'fi')).toBe('2 päivän kuluessa');
    expect(withinInWords({ amount: 2, unit: 'week' }, 'fi')).toBe('2 viikon kuluessa');
    expect(withinInWords({ amount: 6, unit: 'month' }, 'fi')).toBe('6 kuukauden kuluessa');
  });

  it('uses inom and within with the ordinary forms', () => {
    expect(withinInWords({ amount: 2, unit: 'working day' }, 'sv')).toBe('inom 2 arbetsdagar');
    expect(withinInWords({ amount: 1, unit: 'week' }, 'sv')).toBe('inom 1 vecka');
    expect(withinInWords({ amount: 1, unit: 'working day' }, 'en')).toBe('within 1 working day');
  });
});

describe('everyInWords', () => {
  it('says how often, in each language', () => {
    expect(everyInWords({ amount: 12, unit: 'month' }, 'en')).toBe('every 12 months');
    expect(everyInWords({ amount: 1, unit: 'month' }, 'en')).toBe('every month');
    expect(everyInWords({ amount: 12, unit: 'month' }, 'fi')).toBe('12 kuukauden välein');
    expect(everyInWords({ amount: 1, unit: 'week' }, 'fi')).toBe('viikon välein');
    expect(everyInWords({ amount: 12, unit: 'month' }, 'sv')).toBe('var 12:e månad');
    expect(everyInWords({ amount: 2, unit: 'week' }, 'sv')).toBe('var 2:a vecka');
    expect(everyInWords({ amount: 21, unit: 'day' }, 'sv')).toBe('var 21:a dag');
    expect(everyInWords({ amount: 11, unit: 'day' }, 'sv')).toBe('var 11:e dag');
    expect(everyInWords({ amount: 1, unit: 'month' }, 'sv')).toBe('varje månad');
    expect(everyInWords({ amount: 1.5, unit: 'month' }, 'sv')).toBe('med 1,5 månaders mellanrum');
  });
});

describe('formatPercent', () => {
  it('puts a no-break space before % in fi and sv, none in en', () => {
    expect(formatPercent(0.9, 'fi')).toBe(`90${NBSP}%`);
    expect(formatPercent(0.9, 'sv')).toBe(`90${NBSP}%`);
    expect(formatPercent(0.9, 'en')).toBe('90%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('keeps one decimal in the language style', () => {
    expect(formatPercent(0.925, 'fi')).toBe(`92,5${NBSP}%`);
    expect(formatPercent(0.925, 'en')).toBe('92.5%');
    expect(formatPercent(0.95, 'sv')).toBe(`95${NBSP}%`);
  });
});

describe('formatNumber', () => {
  it('groups thousands by language', () => {
    expect(formatNumber(1000, 'en')).toBe('1,000');
    expect(formatNumber(1000, 'fi')).toBe(`1${NBSP}000`);
    expect(formatNumber(1234567.5, 'sv')).toBe(`1${NBSP}234${NBSP}567,5`);
    expect(formatNumber(999, 'fi')).toBe('999');
  });
});

describe('formatAmountLimit', () => {
  it('puts a duration in words', () => {
    expect(formatAmountLimit('14 days', 'en')).toBe('14 days');
    expect(formatAmountLimit('14 days', 'sv')).toBe('14 dagar');
    expect(formatAmountLimit('14 days', 'fi')).toBe('14 päivää');
    expect(formatAmountLimit('1 month', 'fi')).toBe('1 kuukausi');
    expect(formatAmountLimit('2 hours', 'sv')).toBe('2 timmar');
  });

  it('keeps the currency code and formats the number, keeping the decimals as written', () => {
    expect(formatAmountLimit('50 EUR', 'fi')).toBe('50 EUR');
    expect(formatAmountLimit('50 EUR', 'en')).toBe('50 EUR');
    expect(formatAmountLimit('12.50 EUR', 'fi')).toBe('12,50 EUR');
    expect(formatAmountLimit('12.50 EUR', 'en')).toBe('12.50 EUR');
    expect(formatAmountLimit('2000 EUR', 'sv')).toBe(`2${NBSP}000 EUR`);
    expect(formatAmountLimit('2000 EUR', 'en')).toBe('2,000 EUR');
  });

  it('returns anything else as written', () => {
    expect(formatAmountLimit('by agreement', 'fi')).toBe('by agreement');
  });
});

describe('durations without an amount', () => {
  it.each([
    ['same working day', 'fi', 'samana työpäivänä'],
    ['same working day', 'sv', 'samma arbetsdag'],
    ['same working day', 'en', 'the same working day'],
    ['immediately', 'fi', 'heti'],
    ['immediately', 'sv', 'genast'],
    ['immediately', 'en', 'immediately'],
  ] as const)('%s in %s is "%s", alone and as a time limit', (unit, lang, expected) => {
    expect(durationInWords({ amount: 0, unit }, lang)).toBe(expected);
    expect(withinInWords({ amount: 0, unit }, lang)).toBe(expected);
  });
});

describe('years as time limits and intervals', () => {
  it.each([
    ['fi', '1 vuoden kuluessa', 'vuoden välein', '2 vuoden välein'],
    ['sv', 'inom 1 år', 'varje år', 'vart 2:a år'],
    ['en', 'within 1 year', 'every year', 'every 2 years'],
  ] as const)('%s: "%s", "%s", "%s"', (lang, within, everyOne, everyTwo) => {
    expect(withinInWords({ amount: 1, unit: 'year' }, lang)).toBe(within);
    expect(everyInWords({ amount: 1, unit: 'year' }, lang)).toBe(everyOne);
    expect(everyInWords({ amount: 2, unit: 'year' }, lang)).toBe(everyTwo);
  });

  it('keeps "var" for months in Swedish', () => {
    expect(everyInWords({ amount: 12, unit: 'month' }, 'sv')).toBe('var 12:e månad');
  });
});
