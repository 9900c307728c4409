import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isCalendarDate } from '../../src/time/calendar-date.js';

describe('isCalendarDate', () => {
  it('takes days that exist, leap days of the Gregorian rule included', () => {
    for (const date of ['2026-01-31', '2026-04-30', '2024-02-29', '2000-02-29', '0000-02-29', '9999-12-31', '0001-01-01'])
      expect(isCalendarDate(date), date).toBe(true);
  });

  it('refuses days that do not, and text that is not YYYY-MM-DD', () => {
    for (const date of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-00-10',
      '2026-13-01',
      '2026-01-00',
      '2026-01-32',
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01T00:00',
    ]) {
      expect(isCalendarDate(date), date).toBe(false);
    }
    expect(isCalendarDate(20260101)).toBe(false);
  });
});

describe('addDays and addMonths', () => {
  it('keep the years 0 to 99 as written', () => {
    expect(addMonths('0099-12-31', 2)).toBe('0100-02-28');
    expect(addMonths('0004-01-31', 1)).toBe('0004-02-29');
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
  });

  it('write dates past 9999 whole, so callers can tell them from four-digit ones', () => {
    expect(addMonths('9999-12-15', 1)).toBe('+010000-01-15');
    expect(addDays('9999-12-31', 1)).toBe('+010000-01-01');
  });
});
