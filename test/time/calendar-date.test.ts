import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from '../../src/time/calendar-date.js';

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
