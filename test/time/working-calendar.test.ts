import { describe, expect, it } from 'vitest';
import type { Duration } from '../../src/time/duration.js';
import { parseDuration } from '../../src/time/duration.js';
import { WorkingCalendar } from '../../src/time/working-calendar.js';

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
