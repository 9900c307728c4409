import { describe, expect, it } from 'vitest';
import { HolidayCalendar, holidayCalendarName, isKnownHolidayCalendar, suggestHolidayCalendar } from '../../src/time/holiday-calendars.js';

describe('holiday calendars', () => {
  it.each(['FI', 'SE', 'NO', 'DK', 'EE', 'DE-BY', 'GB-ENG', 'GB-SCT', 'AU-NSW', 'AU-ACT', 'DE-BY-A'])('knows %s', (code) => {
    expect(isKnownHolidayCalendar(code)).toBe(true);
  });

  it.each(['XX', 'GB-ENGLAND', 'gb-eng', 'GB-', 'GB-ENG-X', 'FIN', '__proto__', 'GB-__proto__'])('does not know %s', (code) => {
    expect(isKnownHolidayCalendar(code)).toBe(false);
  });

  it.each([
    ['GB-ENGLAND', 'GB-ENG'],
    ['GB-SCOTLAND', 'GB-SCT'],
    ['AU-NWS', 'AU-NSW'],
    ['DE-BAYERN', 'DE-BY'],
    ['XX', undefined],
    ['FX', undefined],
    ['GB-QQQQQQ', undefined],
  ])('suggests for %s: %s', (code, suggestion) => {
    expect(suggestHolidayCalendar(code)).toBe(suggestion);
  });

  it("gives date-holidays' names, most specific first", () => {
    expect(holidayCalendarName('GB-ENG')).toBe('England, United Kingdom');
    expect(holidayCalendarName('FI')).toBe('Finland');
    expect(holidayCalendarName('XX')).toBeUndefined();
  });

  it('lists the Finnish eves only in the Finnish calendar', () => {
    const finnish = new HolidayCalendar().of(2027);
    const swedish = new HolidayCalendar('SE').of(2027);
    expect([finnish.has('2027-06-25'), finnish.has('2027-12-24'), finnish.has('2027-12-31')]).toEqual([true, true, false]);
    expect([swedish.has('2027-06-25'), swedish.has('2027-12-24'), swedish.has('2027-06-26')]).toEqual([false, false, true]);
  });
});
