import { describe, expect, it, vi } from 'vitest';
import type { Duration } from '../../src/time/duration.js';
import { parseDuration } from '../../src/time/duration.js';
import { WorkingCalendar } from '../../src/time/working-calendar.js';
import { easterSunday, finnishDaysOff, ReferenceCalendar, type ReferenceDuration, type ReferenceOptions, type ReferenceUnit } from './reference-calendar.js';

/** Office open mon-fri 08:00-16:00 Helsinki time, closed on Monday 2027-02-15 (an exception day). */
const calendar = new WorkingCalendar({
  weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }],
  closedDates: ['2027-02-15'],
});

function duration(text: string): Duration {
  const parsed = parseDuration(text);
  if (!parsed) throw new Error(`bad duration ${text}`);
  return parsed;
}

function due(start: string, text: string): string {
  return calendar.deadline(new Date(start), duration(text)).toISOString();
}

describe('WorkingCalendar.deadline: same working day (office mon-fri 08:00-16:00, Helsinki)', () => {
  // Winter: 16:00 in Helsinki is 14:00Z; summer: 13:00Z. Mon 2027-02-15 is a closed day.
  it.each([
    ['2027-02-16T10:00:00+02:00', '2027-02-16T14:00:00.000Z', 'Tuesday morning: at closing the same day'],
    ['2027-02-16T07:00:00+02:00', '2027-02-16T14:00:00.000Z', 'before opening: at closing the same day'],
    ['2027-02-16T15:59:00+02:00', '2027-02-16T14:00:00.000Z', 'a minute before closing: still the same day'],
    ['2027-02-16T16:00:00+02:00', '2027-02-17T14:00:00.000Z', 'at closing time: the next working day'],
    ['2027-02-16T18:30:00+02:00', '2027-02-17T14:00:00.000Z', 'Tuesday evening: Wednesday at closing'],
    ['2027-02-19T18:30:00+02:00', '2027-02-22T14:00:00.000Z', 'Friday evening: Monday at closing'],
    ['2027-02-12T17:00:00+02:00', '2027-02-16T14:00:00.000Z', 'Friday evening before a closed Monday: Tuesday'],
    ['2027-02-13T10:00:00+02:00', '2027-02-16T14:00:00.000Z', 'Saturday: the next working day, Tuesday'],
    ['2026-12-24T09:00:00+02:00', '2026-12-28T14:00:00.000Z', 'Christmas Eve: Monday after Christmas'],
    ['2027-06-24T15:00:00+03:00', '2027-06-24T13:00:00.000Z', 'summer time: 16:00 is 13:00Z'],
    ['2027-06-24T17:00:00+03:00', '2027-06-28T13:00:00.000Z', 'Thursday evening before Midsummer Eve: Monday'],
  ])('%s is due %s (%s)', (start, expected) => {
    expect(due(start, 'same working day')).toBe(expected);
  });

  it('counts to the last closing of a day with a lunch break, and to the shorter hours of an exception day', () => {
    const split = new WorkingCalendar({
      weekly: [
        { days: 'mon-fri', open: '08:00', close: '11:00' },
        { days: 'mon-fri', open: '12:00', close: '15:30' },
      ],
      exceptions: [{ date: '2027-02-17', open: '08:00', close: '12:00' }],
    });
    const sameDay = parseDuration('same working day') as Duration;
    // Lunch on Tuesday: due at 15:30 (13:30Z).
    expect(split.deadline(new Date('2027-02-16T11:30:00+02:00'), sameDay).toISOString()).toBe('2027-02-16T13:30:00.000Z');
    // Wednesday closes at 12:00 (10:00Z): 11:00 is due then, 13:00 on Thursday at 15:30.
    expect(split.deadline(new Date('2027-02-17T11:00:00+02:00'), sameDay).toISOString()).toBe('2027-02-17T10:00:00.000Z');
    expect(split.deadline(new Date('2027-02-17T13:00:00+02:00'), sameDay).toISOString()).toBe('2027-02-18T13:30:00.000Z');
  });

  it('measures the time taken in working hours', () => {
    const start = new Date('2027-02-19T18:30:00+02:00');
    // Friday evening to Monday 09:00: one office hour (08:00-09:00 Monday).
    expect(calendar.elapsed(start, new Date('2027-02-22T09:00:00+02:00'), 'same working day')).toBe(1);
    expect(calendar.elapsed(new Date('2027-02-16T10:00:00+02:00'), new Date('2027-02-16T12:30:00+02:00'), 'same working day')).toBe(2.5);
  });
});

describe('WorkingCalendar.deadline: immediately and years', () => {
  it('gives an automated receipt 5 minutes, counted in seconds', () => {
    expect(due('2027-02-13T23:58:00+02:00', 'immediately')).toBe('2027-02-13T22:03:00.000Z');
    expect(calendar.elapsed(new Date('2027-02-13T10:00:00Z'), new Date('2027-02-13T10:01:30Z'), 'immediately')).toBe(90);
  });

  it.each([
    ['2027-02-16T10:00:00+02:00', '1 year', '2028-02-16T21:59:59.999Z', 'Wed 2028-02-16, a working day'],
    ['2028-02-29T10:00:00+02:00', '1 year', '2029-02-28T21:59:59.999Z', 'a leap day: the last day of February'],
    ['2026-06-20T10:00:00+03:00', '2 years', '2028-06-20T20:59:59.999Z', 'Midsummer Day 2026 + 2 years: Tue 2028-06-20'],
    ['2026-06-20T10:00:00+03:00', '24 months', '2028-06-20T20:59:59.999Z', 'the same as 24 months'],
    ['2027-12-06T10:00:00+02:00', '1 year', '2028-12-07T21:59:59.999Z', 'Independence Day 2028 is a Wednesday: Thursday'],
  ])('%s + %s is due %s (%s)', (start, text, expected) => {
    expect(due(start, text)).toBe(expected);
  });

  it('measures years as months / 12', () => {
    expect(calendar.elapsed(new Date('2027-02-16T10:00:00+02:00'), new Date('2028-08-16T10:00:00+03:00'), 'year')).toBe(1.5);
  });
});

describe('WorkingCalendar.isWorkingDay (Finnish calendar)', () => {
  it.each([
    ['2026-12-23', true, 'Wednesday before Christmas'],
    ['2026-12-24', false, 'Christmas Eve (bank holiday in date-holidays)'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-26', false, "St Stephen's Day, a Saturday"],
    ['2026-12-27', false, 'Sunday'],
    ['2026-12-28', true, 'Monday after Christmas'],
    ['2026-12-31', true, "New Year's Eve is a working day"],
    ['2027-01-01', false, "New Year's Day (Friday)"],
    ['2027-01-06', false, 'Epiphany'],
    ['2027-03-26', false, 'Good Friday'],
    ['2027-03-29', false, 'Easter Monday'],
    ['2027-03-30', true, 'Tuesday after Easter'],
    ['2027-05-06', false, 'Ascension Day'],
    ['2027-06-25', false, 'Midsummer Eve (Friday, bank holiday in date-holidays)'],
    ['2027-06-28', true, 'Monday after Midsummer'],
    ['2027-12-06', false, 'Independence Day (Monday)'],
    ['2027-02-15', false, 'closed exception day'],
    ['2027-02-16', true, 'the day after the exception day'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it('refuses something that is not a date', () => {
    expect(() => calendar.isWorkingDay('2027-02-30')).toThrow(/calendar date/);
  });
});

describe('WorkingCalendar.deadline', () => {
  it.each([
    // Christmas week 2026: 24 (Thu), 25 (Fri), 26 (Sat) and 27 (Sun) are not working days,
    // so the first working day after Wed 23 is Mon 28 and the second Tue 29.
    ['2026-12-23T12:00:00+02:00', '1 working day', '2026-12-28T21:59:59.999Z'],
    ['2026-12-23T12:00:00+02:00', '2 working days', '2026-12-29T21:59:59.999Z'],
    // Easter 2027: Good Friday 26.3, Easter Monday 29.3 (and summer time from 28.3).
    ['2027-03-25T09:00:00+02:00', '1 working day', '2027-03-30T20:59:59.999Z'],
    // Midsummer 2027: Eve Fri 25.6, Day Sat 26.6.
    ['2027-06-24T15:00:00+03:00', '1 working day', '2027-06-28T20:59:59.999Z'],
    // Independence Day on a Monday, 2027-12-06.
    ['2027-12-03T10:00:00+02:00', '1 working day', '2027-12-07T21:59:59.999Z'],
    // New Year: 1.1.2027 is a Friday; Epiphany Wed 6.1 is skipped too.
    ['2026-12-31T10:00:00+02:00', '1 working day', '2027-01-04T21:59:59.999Z'],
    ['2026-12-31T10:00:00+02:00', '3 working days', '2027-01-07T21:59:59.999Z'],
    // Closed exception day Mon 2027-02-15.
    ['2027-02-12T10:00:00+02:00', '1 working day', '2027-02-16T21:59:59.999Z'],
    // A message late in the evening still counts from its own day.
    ['2027-02-10T23:30:00+02:00', '1 working day', '2027-02-11T21:59:59.999Z'],
    // Working hours mon-fri 08:00-16:00: Friday 14:30 + 4 h = 1.5 h on Friday + 2.5 h on Monday → Mon 10:30.
    ['2026-11-20T14:30:00+02:00', '4 working hours', '2026-11-23T08:30:00.000Z'],
    // Exactly the rest of the day ends at closing time, not at the next opening.
    ['2026-11-20T14:30:00+02:00', '1.5 working hours', '2026-11-20T14:00:00.000Z'],
    // A start outside hours (Saturday) begins counting at Monday's opening.
    ['2026-11-21T12:00:00+02:00', '1 working hour', '2026-11-23T07:00:00.000Z'],
    // Before opening on a working day.
    ['2026-11-23T06:00:00+02:00', '30 minutes', '2026-11-23T04:30:00.000Z'],
    ['2026-11-23T06:00:00+02:00', '1 working hour', '2026-11-23T07:00:00.000Z'],
    // Working hours skip the closed exception day: Fri 15:00 + 2 h = 1 h Friday + 1 h Tuesday.
    ['2027-02-12T15:00:00+02:00', '2 working hours', '2027-02-16T07:00:00.000Z'],
    // "10 days" from Thu 19.11.2026 lands on Sun 29.11 and moves to Mon 30.11.
    ['2026-11-19T10:00:00+02:00', '10 days', '2026-11-30T21:59:59.999Z'],
    // "10 days" landing on a working day stays there (Fri 20.11 → Mon 30.11).
    ['2026-11-20T10:00:00+02:00', '10 days', '2026-11-30T21:59:59.999Z'],
    ['2026-12-16T10:00:00+02:00', '1 week', '2026-12-23T21:59:59.999Z'],
    // 31.1 + 1 month = Sun 28.2.2027 → Mon 1.3.
    ['2027-01-31T10:00:00+02:00', '1 month', '2027-03-01T21:59:59.999Z'],
    // Clock time ignores holidays and office hours.
    ['2026-12-24T23:59:45+02:00', '30 seconds', '2026-12-24T22:00:15.000Z'],
    ['2026-12-24T12:00:00Z', '2 hours', '2026-12-24T14:00:00.000Z'],
  ])('%s + %s is due %s', (start, text, expected) => {
    expect(due(start, text)).toBe(expected);
  });

  describe('DST change (summer time starts Sun 2027-03-28 03:00 → 04:00 in Helsinki)', () => {
    it('clock hours are elapsed time, not wall-clock time', () => {
      // Sat 12:00 EET + 24 h = Sun 13:00 EEST.
      expect(due('2027-03-27T12:00:00+02:00', '24 hours')).toBe('2027-03-28T10:00:00.000Z');
    });

    it('the end of the day moves from +02:00 to +03:00', () => {
      expect(calendar.endOfDay('2027-03-27').toISOString()).toBe('2027-03-27T21:59:59.999Z');
      expect(calendar.endOfDay('2027-03-28').toISOString()).toBe('2027-03-28T20:59:59.999Z');
      expect(calendar.endOfDay('2027-10-31').toISOString()).toBe('2027-10-31T21:59:59.999Z');
    });

    it('converts wall-clock times around the change', () => {
      expect(calendar.localDate(new Date('2027-03-27T22:30:00Z'))).toBe('2027-03-28');
      expect(calendar.instantOf('2027-03-28', 2 * 60 + 30).toISOString()).toBe('2027-03-28T00:30:00.000Z');
      // 03:30 does not exist that night; it is read as 04:30 summer time.
      expect(calendar.instantOf('2027-03-28', 3 * 60 + 30).toISOString()).toBe('2027-03-28T01:30:00.000Z');
      expect(calendar.instantOf('2027-03-28', 4 * 60 + 30).toISOString()).toBe('2027-03-28T01:30:00.000Z');
      expect(calendar.instantOf('2027-03-29', 8 * 60).toISOString()).toBe('2027-03-29T05:00:00.000Z');
    });

    it('working hours open at 08:00 local time on both sides of the change', () => {
      // Thu 25.3 15:00 EET + 2 h: 1 h on Thursday, then Easter (Fri-Mon), then Tue 30.3 08:00-09:00 EEST.
      expect(due('2027-03-25T15:00:00+02:00', '2 working hours')).toBe('2027-03-30T06:00:00.000Z');
    });

    it('a week across the change ends at midnight summer time', () => {
      expect(due('2027-03-24T12:00:00+02:00', '1 week')).toBe('2027-03-31T20:59:59.999Z');
    });
  });

  it('uses the given time zone', () => {
    const stockholm = new WorkingCalendar({ timeZone: 'Europe/Stockholm', weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }] });
    expect(stockholm.deadline(new Date('2026-11-20T14:30:00+01:00'), duration('4 working hours')).toISOString()).toBe('2026-11-23T09:30:00.000Z');
    expect(stockholm.deadline(new Date('2026-12-23T12:00:00+01:00'), duration('1 working day')).toISOString()).toBe('2026-12-28T22:59:59.999Z');
  });

  it('refuses bad office hours', () => {
    expect(() => new WorkingCalendar({ weekly: [{ days: 'fri-mon', open: '08:00', close: '16:00' }] })).toThrow(/backwards/);
    expect(() => new WorkingCalendar({ weekly: [{ days: 'mon', open: '16:00', close: '08:00' }] })).toThrow(/closes before/);
    expect(() => new WorkingCalendar({ weekly: [], closedDates: ['2027-13-01'] })).toThrow(/calendar date/);
  });
});

describe('WorkingCalendar.elapsed', () => {
  const at = (text: string): Date => new Date(text);

  it('counts working days after the start day up to and including the end day', () => {
    expect(calendar.elapsed(at('2026-12-23T12:00:00+02:00'), at('2026-12-23T15:00:00+02:00'), 'working day')).toBe(0);
    expect(calendar.elapsed(at('2026-12-23T12:00:00+02:00'), at('2026-12-27T15:00:00+02:00'), 'working day')).toBe(0);
    expect(calendar.elapsed(at('2026-12-23T12:00:00+02:00'), at('2026-12-29T09:00:00+02:00'), 'working day')).toBe(2);
    // The deadline itself is exactly N working days.
    const start = at('2026-12-23T12:00:00+02:00');
    expect(calendar.elapsed(start, calendar.deadline(start, duration('2 working days')), 'working day')).toBe(2);
    // Easter across the DST change.
    expect(calendar.elapsed(at('2027-03-25T09:00:00+02:00'), at('2027-03-30T10:00:00+03:00'), 'working day')).toBe(1);
  });

  it('counts office time for working hours', () => {
    expect(calendar.elapsed(at('2026-11-20T14:30:00+02:00'), at('2026-11-23T10:30:00+02:00'), 'working hour')).toBe(4);
    expect(calendar.elapsed(at('2026-11-21T12:00:00+02:00'), at('2026-11-22T12:00:00+02:00'), 'working hour')).toBe(0);
    expect(calendar.elapsed(at('2027-03-25T15:00:00+02:00'), at('2027-03-30T09:00:00+03:00'), 'working hour')).toBe(2);
  });

  it('uses clock time for clock units, DST included', () => {
    expect(calendar.elapsed(at('2026-12-24T23:59:45+02:00'), at('2026-12-25T00:00:15+02:00'), 'second')).toBe(30);
    expect(calendar.elapsed(at('2027-03-27T12:00:00+02:00'), at('2027-03-28T13:00:00+03:00'), 'hour')).toBe(24);
    expect(calendar.elapsed(at('2027-03-28T13:00:00+03:00'), at('2027-03-27T12:00:00+02:00'), 'hour')).toBe(-24);
  });

  it('counts calendar days, weeks and months by the office date', () => {
    expect(calendar.elapsed(at('2026-11-19T10:00:00+02:00'), at('2026-11-29T23:00:00+02:00'), 'day')).toBe(10);
    expect(calendar.elapsed(at('2027-03-24T12:00:00+02:00'), at('2027-03-31T23:00:00+03:00'), 'week')).toBe(1);
    expect(calendar.elapsed(at('2027-01-31T10:00:00+02:00'), at('2027-02-28T10:00:00+02:00'), 'month')).toBe(1);
    expect(calendar.elapsed(at('2027-01-15T10:00:00+02:00'), at('2027-02-01T10:00:00+02:00'), 'month')).toBeCloseTo(17 / 31, 10);
  });
});

describe('WorkingCalendar exceptions (hours.exceptions)', () => {
  const withExceptions = new WorkingCalendar({
    weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }],
    exceptions: [
      { date: '2026-12-23', open: '08:00', close: '15:00' },
      { date: '2027-05-07', closed: true },
      { date: '2027-05-08', open: '10:00', close: '14:00' },
      { date: '2027-05-12', open: '07:00', close: '12:00' },
      { date: '2027-05-12', open: '13:00', close: '20:00' },
    ],
  });
  const dueWith = (start: string, text: string): string => withExceptions.deadline(new Date(start), duration(text)).toISOString();
  const hoursBetween = (start: string, end: string): number => withExceptions.elapsed(new Date(start), new Date(end), 'working hour');

  it('shorter hours replace the weekly hours for working-hour maths', () => {
    // 1 h on Wed 23.12 (14:00-15:00), Christmas Eve to Sunday closed, then 1 h on Mon 28.12 from 08:00.
    expect(dueWith('2026-12-23T14:00:00+02:00', '2 working hours')).toBe('2026-12-28T07:00:00.000Z');
    expect(hoursBetween('2026-12-23T07:00:00+02:00', '2026-12-23T17:00:00+02:00')).toBe(7);
    // Without the exception the same start is due at 16:00 the same day.
    expect(due('2026-12-23T14:00:00+02:00', '2 working hours')).toBe('2026-12-23T14:00:00.000Z');
  });

  it('a day with other hours stays a working day', () => {
    expect(withExceptions.isWorkingDay('2026-12-23')).toBe(true);
    expect(dueWith('2026-12-22T12:00:00+02:00', '1 working day')).toBe('2026-12-23T21:59:59.999Z');
  });

  it('several periods on one date add up', () => {
    // Wed 12.5.2027 07:00-12:00 and 13:00-20:00: 12 h of office time.
    expect(hoursBetween('2027-05-12T00:00:00+03:00', '2027-05-13T00:00:00+03:00')).toBe(12);
    expect(dueWith('2027-05-12T11:00:00+03:00', '2 working hours')).toBe('2027-05-12T11:00:00.000Z');
  });

  it('a closed exception is not a working day', () => {
    expect(withExceptions.isWorkingDay('2027-05-07')).toBe(false);
    // Wed 5.5 → Thu 6.5 Ascension Day, Fri 7.5 closed, weekend → Mon 10.5.
    expect(dueWith('2027-05-05T10:00:00+03:00', '1 working day')).toBe('2027-05-10T20:59:59.999Z');
    expect(hoursBetween('2027-05-05T15:00:00+03:00', '2027-05-10T09:00:00+03:00')).toBe(2);
  });

  it('hours on a weekend do not make it a working day, nor count as working hours', () => {
    expect(withExceptions.isWorkingDay('2027-05-08')).toBe(false);
    expect(hoursBetween('2027-05-08T00:00:00+03:00', '2027-05-09T00:00:00+03:00')).toBe(0);
  });

  it('closed wins over hours on the same date, and closedDates still work', () => {
    const both = new WorkingCalendar({
      weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }],
      closedDates: ['2027-02-16'],
      exceptions: [
        { date: '2027-02-15', open: '09:00', close: '10:00' },
        { date: '2027-02-15', closed: true },
      ],
    });
    expect(both.isWorkingDay('2027-02-15')).toBe(false);
    expect(both.isWorkingDay('2027-02-16')).toBe(false);
    expect(both.deadline(new Date('2027-02-12T15:00:00+02:00'), duration('2 working hours')).toISOString()).toBe('2027-02-17T07:00:00.000Z');
  });

  it.each([
    [{ date: '2027-02-30', closed: true }, /hours exception: `2027-02-30` is not a calendar date/],
    [{ date: '2027-02-01', open: '8:00', close: '16:00' }, /hours exception 2027-02-01: `8:00-16:00` is not HH:MM-HH:MM/],
    [{ date: '2027-02-01', open: '08:00' }, /hours exception 2027-02-01: `08:00-undefined` is not HH:MM-HH:MM/],
    [{ date: '2027-02-01', open: '16:00', close: '08:00' }, /hours exception 2027-02-01: 16:00-08:00 closes before it opens/],
    [{ date: '2027-02-01', closed: true, open: '08:00', close: '12:00' }, /a closed day has no open or close time/],
    [{ date: '2027-02-01' }, /give `closed: true` or both `open` and `close`/],
    [{ date: '2027-02-01', closed: false }, /give `closed: true` or both `open` and `close`/],
  ])('refuses the exception %j', (exception, message) => {
    expect(() => new WorkingCalendar({ weekly: [], exceptions: [exception] })).toThrow(message);
  });
});

describe('WorkingCalendar fast paths (epoch milliseconds)', () => {
  it('give the same results as the Date methods', () => {
    const start = Date.parse('2026-12-23T12:00:00+02:00');
    const end = Date.parse('2026-12-29T09:00:00+02:00');
    expect(calendar.localDateOfMs(start)).toBe('2026-12-23');
    expect(calendar.deadlineMs(start, duration('2 working days'))).toBe(Date.parse('2026-12-29T21:59:59.999Z'));
    expect(calendar.elapsedMs(start, end, 'working day')).toBe(2);
    expect(calendar.elapsedMs(end, start, 'working day')).toBe(-2);
  });

  it('hold whole milliseconds as a Date does', () => {
    const start = Date.parse('2026-11-23T10:00:00+02:00');
    expect(calendar.deadlineMs(start, { amount: 0.0001, unit: 'second' })).toBe(start);
    expect(calendar.deadlineMs(start, { amount: 0.07, unit: 'working hour' })).toBe(
      calendar.deadline(new Date(start), { amount: 0.07, unit: 'working hour' }).getTime(),
    );
  });

  it('refuse an instant that is not a number', () => {
    expect(() => calendar.deadlineMs(Number.NaN, duration('1 day'))).toThrow(/invalid date/);
    expect(() => calendar.elapsedMs(0, Number.POSITIVE_INFINITY, 'day')).toThrow(/invalid date/);
    expect(() => calendar.localDateOfMs(Number.NaN)).toThrow(RangeError);
  });

  it('find a working-hours deadline months away without walking day by day', () => {
    const long = new WorkingCalendar({ weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }] });
    const start = Date.parse('2027-01-04T09:00:00+02:00');
    const promise = duration('1500 working hours');
    long.deadlineMs(start, promise);
    const daysLooked = vi.spyOn(long as unknown as { hoursOn(day: number): unknown }, 'hoursOn');
    // Another start: the cumulative blocks are made, so only the first and last days are walked.
    const due = long.deadlineMs(start + 86_400_000, promise);
    expect(new Date(due).toISOString()).toBe('2027-09-30T10:00:00.000Z');
    expect(daysLooked.mock.calls.length).toBeLessThan(20);
  });

  it('count working days over long spans (cumulative blocks)', () => {
    // 2027: 261 weekdays, less 8 weekday holidays and eves and 1 closed day → 252.
    const start = Date.parse('2026-12-31T12:00:00+02:00');
    expect(calendar.elapsedMs(start, Date.parse('2027-12-31T12:00:00+02:00'), 'working day')).toBe(252);
  });
});

/** A small seeded generator, so a failure can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const DIFFERENTIAL_DURATIONS: readonly ReferenceDuration[] = [
  ...[0, 1.25, 30].map((amount) => ({ amount, unit: 'second' as const })),
  ...[0.5, 45].map((amount) => ({ amount, unit: 'minute' as const })),
  ...[0.07, 2, 24].map((amount) => ({ amount, unit: 'hour' as const })),
  ...[0, 0.25, 1, 4, 7.5, 8, 16, 40.5, 1_500.25].map((amount) => ({ amount, unit: 'working hour' as const })),
  ...[0, 1, 2, 5, 10.5].map((amount) => ({ amount, unit: 'working day' as const })),
  ...[0, 1, 14, 30.2].map((amount) => ({ amount, unit: 'day' as const })),
  ...[1, 2].map((amount) => ({ amount, unit: 'week' as const })),
  ...[1, 3, 6, 12].map((amount) => ({ amount, unit: 'month' as const })),
];
const UNITS: readonly ReferenceUnit[] = ['second', 'minute', 'hour', 'working hour', 'day', 'working day', 'week', 'month'];

/** Random instants over a range, plus dense ones around the given DST change days and their midnights. */
function testInstants(random: () => number, from: string, to: string, changeDays: readonly string[], count: number): number[] {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  const instants: number[] = [];
  for (let index = 0; index < count; index++) instants.push(Math.floor(start + random() * span));
  for (const day of changeDays) {
    const noon = Date.parse(`${day}T12:00:00Z`);
    for (let index = 0; index < 150; index++) instants.push(Math.floor(noon + (random() - 0.5) * 4 * 86_400_000));
    for (let hour = -36; hour <= 36; hour++) {
      const exact = noon + hour * 1_800_000;
      instants.push(exact, exact - 1, exact + 1);
    }
  }
  return instants;
}

function compareWithReference(options: ReferenceOptions, instants: readonly number[], random: () => number): void {
  const fast = new WorkingCalendar(options);
  const reference = new ReferenceCalendar(options);
  for (const start of instants) {
    const label = new Date(start).toISOString();
    expect(fast.localDateOfMs(start), label).toBe(reference.localDate(start));
    expect(fast.localDate(new Date(start)), label).toBe(reference.localDate(start));

    const date = reference.localDate(start);
    const minutes = Math.floor(random() * 1441);
    expect(fast.instantOf(date, minutes).getTime(), `${date} + ${minutes} min`).toBe(reference.instantOf(date, minutes));

    const duration = DIFFERENTIAL_DURATIONS[Math.floor(random() * DIFFERENTIAL_DURATIONS.length)] as ReferenceDuration;
    const due = reference.deadline(start, duration);
    expect(fast.deadlineMs(start, duration), `${label} + ${duration.amount} ${duration.unit}`).toBe(due);
    expect(fast.deadline(new Date(start), duration).getTime(), `${label} + ${duration.amount} ${duration.unit}`).toBe(due);

    const unit = UNITS[Math.floor(random() * UNITS.length)] as ReferenceUnit;
    const end = random() < 0.2 ? due : Math.floor(start + (random() - 0.1) * 70 * 86_400_000);
    const taken = reference.elapsed(start, end, unit);
    expect(fast.elapsedMs(start, end, unit), `${label} → ${new Date(end).toISOString()} in ${unit}`).toBe(taken);
    expect(fast.elapsed(new Date(start), new Date(end), unit), `${label} → ${new Date(end).toISOString()} in ${unit}`).toBe(taken);
  }
}

describe('the reference calendar (test/time/reference-calendar.ts) on its own', () => {
  it('finds Easter Sunday on the dates the almanac gives', () => {
    const years = [2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030];
    expect(years.map(easterSunday)).toEqual([
      '2021-04-04',
      '2022-04-17',
      '2023-04-09',
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2028-04-16',
      '2029-04-01',
      '2030-04-21',
    ]);
  });

  it('lists the Finnish days off of 2027 as the almanac does', () => {
    expect(finnishDaysOff(2027)).toEqual([
      '2027-01-01', // New Year's Day
      '2027-01-06', // Epiphany
      '2027-03-26', // Good Friday
      '2027-03-28', // Easter Sunday
      '2027-03-29', // Easter Monday
      '2027-05-01', // May Day
      '2027-05-06', // Ascension Day
      '2027-05-16', // Whit Sunday
      '2027-06-25', // Midsummer Eve
      '2027-06-26', // Midsummer Day
      '2027-11-06', // All Saints' Day
      '2027-12-06', // Independence Day
      '2027-12-24', // Christmas Eve
      '2027-12-25', // Christmas Day
      '2027-12-26', // St Stephen's Day
    ]);
  });

  it('reads a wall clock time skipped or repeated by a DST change as documented', () => {
    const helsinki = new ReferenceCalendar({ timeZone: 'Europe/Helsinki', weekly: [] });
    // Skipped: 03:30 on 2027-03-28 is read with the winter offset.
    expect(new Date(helsinki.instantOf('2027-03-28', 3 * 60 + 30)).toISOString()).toBe('2027-03-28T01:30:00.000Z');
    // Repeated: 03:30 on 2027-10-31 is the later of its two instants.
    expect(new Date(helsinki.instantOf('2027-10-31', 3 * 60 + 30)).toISOString()).toBe('2027-10-31T01:30:00.000Z');
  });
});

const HELSINKI_OFFICE: ReferenceOptions = {
  timeZone: 'Europe/Helsinki',
  weekly: [
    { days: 'mon-thu', open: '08:00', close: '16:00' },
    { days: 'fri', open: '08:00', close: '12:00' },
    { days: 'fri', open: '13:00', close: '15:30' },
  ],
  closedDates: ['2027-02-15'],
  exceptions: [
    { date: '2026-12-23', open: '08:00', close: '15:00' },
    { date: '2027-05-07', closed: true },
    { date: '2027-03-28', open: '02:00', close: '05:00' },
    { date: '2026-10-26', open: '00:00', close: '24:00' },
  ],
};

const TEHRAN_OFFICE: ReferenceOptions = {
  timeZone: 'Asia/Tehran',
  weekly: [
    { days: 'mon-fri', open: '00:00', close: '24:00' },
    { days: 'sat', open: '23:00', close: '24:00' },
  ],
};

// One test per DST change day, each with its share of the random instants over
// the whole range: the same checks as one long test, but each far from its
// timeout on a busy machine.
describe('WorkingCalendar agrees with a straightforward Intl-based reference', () => {
  it.each(['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31'].map((day, index) => [day, index] as const))(
    'in Helsinki 2026-2028, around the DST change of %s',
    (day, index) => {
      const random = seededRandom(20_261_223 + index);
      compareWithReference(HELSINKI_OFFICE, testInstants(random, '2026-01-01T00:00:00Z', '2029-01-01T00:00:00Z', [day], 625), random);
    },
  );

  // Summer time began Mon 2021-03-22 00:00 → 01:00 and ended Wed 2021-09-22 00:00 → 23:00 the day before.
  it.each(['2021-03-21', '2021-03-22', '2021-09-21', '2021-09-22'].map((day, index) => [day, index] as const))(
    'in Tehran 2021-2022, where clocks changed at midnight on weekdays, around %s',
    (day, index) => {
      const random = seededRandom(1_400 + index);
      compareWithReference(TEHRAN_OFFICE, testInstants(random, '2021-01-01T00:00:00Z', '2023-01-01T00:00:00Z', [day], 75), random);
    },
  );
});

/** Days off as the governments publish them (gov.uk, the NSW and Swedish lists), written out by hand. */
describe('WorkingCalendar.isWorkingDay (other calendars)', () => {
  const office = (holidays: string) => new WorkingCalendar({ holidays, timeZone: 'UTC', weekly: [{ days: 'mon-fri', open: '09:00', close: '17:00' }] });

  describe('England (GB-ENG): the bank holidays are the public holidays', () => {
    const england = office('GB-ENG');
    it.each([
      ['2027-01-01', false, "New Year's Day"],
      ['2027-01-06', true, 'Epiphany is a working day'],
      ['2027-03-26', false, 'Good Friday'],
      ['2027-03-29', false, 'Easter Monday'],
      ['2027-05-03', false, 'Early May bank holiday'],
      ['2027-05-06', true, 'Ascension Day is a working day'],
      ['2027-05-31', false, 'Spring bank holiday'],
      ['2027-06-25', true, 'Finnish Midsummer Eve is a working day'],
      ['2027-08-30', false, 'Summer bank holiday'],
      ['2027-12-24', true, 'Christmas Eve is a working day'],
      ['2027-12-27', false, 'Christmas Day (substitute day)'],
      ['2027-12-28', false, 'Boxing Day (substitute day)'],
      ['2026-12-28', false, 'Boxing Day 2026 (substitute day for Saturday)'],
      ['2025-12-26', false, 'Boxing Day 2025 (a Friday)'],
    ])('%s → %s (%s)', (date, expected) => {
      expect(england.isWorkingDay(date)).toBe(expected);
    });
    it('says which calendar it counts in', () => {
      expect(england.holidayCalendar).toBe('GB-ENG');
    });
  });

  it('Scotland (GB-SCT) keeps 2 January and St Andrew’s Day, not the English August bank holiday', () => {
    const scotland = office('GB-SCT');
    expect([scotland.isWorkingDay('2027-01-04'), scotland.isWorkingDay('2027-11-30')]).toEqual([false, false]);
    expect([scotland.isWorkingDay('2027-08-02'), scotland.isWorkingDay('2027-08-30')]).toEqual([false, true]);
  });

  describe('Sweden (SE): only public holidays; the eves date-holidays types `bank` are working days', () => {
    const sweden = office('SE');
    it.each([
      ['2027-01-06', false, 'trettondedag jul'],
      ['2027-05-06', false, 'Kristi himmelsfärdsdag'],
      ['2027-04-30', true, 'valborgsmässoafton'],
      ['2027-06-25', true, 'midsommarafton (bank): list it under hours.exceptions if the office closes'],
      ['2027-12-24', true, 'julafton (bank)'],
      ['2027-12-31', true, 'nyårsafton (bank)'],
      ['2028-06-06', false, 'nationaldagen (a Tuesday)'],
    ])('%s → %s (%s)', (date, expected) => {
      expect(sweden.isWorkingDay(date)).toBe(expected);
    });
  });

  describe('New South Wales (AU-NSW)', () => {
    const nsw = office('AU-NSW');
    it.each([
      ['2027-01-26', false, 'Australia Day'],
      ['2027-03-26', false, 'Good Friday'],
      ['2027-03-29', false, 'Easter Monday'],
      ['2027-06-14', false, "King's Birthday"],
      ['2027-08-02', true, 'Bank Holiday: banks close, public offices do not'],
      ['2027-10-04', false, 'Labour Day'],
      ['2027-01-06', true, 'Epiphany is a working day'],
      ['2027-06-25', true, 'Finnish Midsummer Eve is a working day'],
    ])('%s → %s (%s)', (date, expected) => {
      expect(nsw.isWorkingDay(date)).toBe(expected);
    });
  });

  it('without a calendar, the Finnish one: Midsummer Eve and Epiphany are days off', () => {
    const finnish = new WorkingCalendar({ weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }] });
    expect(finnish.holidayCalendar).toBe('FI');
    expect([finnish.isWorkingDay('2027-06-25'), finnish.isWorkingDay('2027-01-06'), finnish.isWorkingDay('2027-05-03')]).toEqual([false, false, true]);
  });

  it('an unknown calendar is refused, not read as its country', () => {
    expect(() => office('GB-ENGLAND')).toThrow(/`GB-ENGLAND` is not a holiday calendar/);
    expect(() => office('XX')).toThrow(/`XX` is not a holiday calendar/);
  });

  it('a working-days deadline skips the Early May bank holiday in England, not in Finland', () => {
    const start = new Date('2027-04-30T10:00:00Z'); // Friday
    const england = office('GB-ENG');
    const finland = new WorkingCalendar({ holidays: 'FI', timeZone: 'UTC', weekly: [{ days: 'mon-fri', open: '09:00', close: '17:00' }] });
    // England: Mon 3.5 is a bank holiday, so working day 1 is Tue 4.5. Finland: Mon 3.5 is working day 1.
    expect(england.deadline(start, duration('1 working day')).toISOString()).toBe('2027-05-04T23:59:59.999Z');
    expect(finland.deadline(start, duration('1 working day')).toISOString()).toBe('2027-05-03T23:59:59.999Z');
  });
});

describe('WorkingCalendar.openingMinutesOn: the hours of one date on the wall clock', () => {
  const office = new WorkingCalendar({
    weekly: [
      { days: 'mon-fri', open: '09:00', close: '11:30' },
      { days: 'mon-fri', open: '12:30', close: '15:00' },
    ],
    exceptions: [
      { date: '2026-12-23', open: '08:00', close: '12:00' },
      { date: '2026-12-29', closed: true },
      { date: '2026-12-26', open: '10:00', close: '12:00' },
    ],
  });

  it.each([
    [
      '2026-12-02',
      [
        [540, 690],
        [750, 900],
      ],
      'a Wednesday: both weekly periods',
    ],
    ['2026-12-23', [[480, 720]], 'an exception with hours replaces the weekday'],
    ['2026-12-29', [], 'a closed day'],
    ['2026-12-24', [], 'Christmas Eve, a day off in the Finnish calendar'],
    ['2026-12-26', [], 'a Saturday stays closed, whatever hours an exception gives'],
    ['2026-12-06', [], 'a Sunday (and Independence Day)'],
  ])('%s: %j (%s)', (date, expected) => {
    expect(office.openingMinutesOn(date)).toEqual(expected);
  });

  it('refuses what is not a date', () => {
    expect(() => office.openingMinutesOn('2026-13-01')).toThrow(/calendar date/);
  });
});
