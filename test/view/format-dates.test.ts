import { describe, expect, it } from 'vitest';
import { formatDate, formatDays, formatMonth, formatMonthShort, formatTime, formatTimeRange } from '../../src/view/format-dates.js';

describe('formatDate', () => {
  it('writes fi and sv dates with dots and no leading zeros', () => {
    expect(formatDate('2026-12-23', 'fi')).toBe('23.12.2026');
    expect(formatDate('2026-12-23', 'sv')).toBe('23.12.2026');
    expect(formatDate('2027-05-07', 'fi')).toBe('7.5.2027');
  });

  it('writes en dates with the month name', () => {
    expect(formatDate('2026-12-23', 'en')).toBe('23 December 2026');
    expect(formatDate('2027-05-07', 'en')).toBe('7 May 2027');
    expect(formatDate('2027-01-01', 'en')).toBe('1 January 2027');
  });

  it('returns text that is not a date as it is', () => {
    expect(formatDate('', 'en')).toBe('');
    expect(formatDate('soon', 'fi')).toBe('soon');
  });
});

describe('formatTime and formatTimeRange', () => {
  it('drops the leading zero and uses a dot in fi and sv', () => {
    expect(formatTime('08:00', 'fi')).toBe('8.00');
    expect(formatTime('12:30', 'sv')).toBe('12.30');
    expect(formatTime('24:00', 'fi')).toBe('24.00');
    expect(formatTimeRange('08:00', '16:00', 'fi')).toBe('8.00–16.00');
    expect(formatTimeRange('09:00', '11:30', 'sv')).toBe('9.00–11.30');
  });

  it('keeps HH:MM in en', () => {
    expect(formatTimeRange('08:00', '16:00', 'en')).toBe('08:00–16:00');
  });

  it('joins with an en dash', () => {
    expect(formatTimeRange('08:00', '16:00', 'en')).toContain('\u2013');
  });
});

describe('formatDays', () => {
  it('writes ranges and single days', () => {
    expect(formatDays('mon-fri', 'en')).toBe('Mon–Fri');
    expect(formatDays('mon-fri', 'fi')).toBe('ma–pe');
    expect(formatDays('mon-fri', 'sv')).toBe('mån–fre');
    expect(formatDays('sat', 'en')).toBe('Sat');
    expect(formatDays('sat', 'fi')).toBe('la');
    expect(formatDays('sat', 'sv')).toBe('lör');
    expect(formatDays('mon-thu', 'sv')).toBe('mån–tors');
  });

  it('lists separate days and joins three or more in a row into a range', () => {
    expect(formatDays(['mon', 'wed', 'fri'], 'en')).toBe('Mon, Wed, Fri');
    expect(formatDays(['mon', 'wed', 'thu'], 'fi')).toBe('ma, ke, to');
    expect(formatDays(['sat', 'sun'], 'sv')).toBe('lör, sön');
    expect(formatDays(['mon', 'tue', 'wed', 'fri'], 'en')).toBe('Mon–Wed, Fri');
    expect(formatDays(['fri', 'mon'], 'en')).toBe('Mon, Fri');
  });

  it('shows a spec it cannot read as written', () => {
    expect(formatDays('fri-mon', 'en')).toBe('fri-mon');
    expect(formatDays(['mon', 'funday'], 'en')).toBe('mon, funday');
  });
});

describe('formatMonth', () => {
  it('names a month with its year in each language', () => {
    expect(formatMonth('2025-12', 'fi')).toBe('joulukuu 2025');
    expect(formatMonth('2025-12', 'sv')).toBe('december 2025');
    expect(formatMonth('2025-12', 'en')).toBe('December 2025');
    expect(formatMonth('2026-01', 'fi')).toBe('tammikuu 2026');
  });

  it('abbreviates a month for chart axes', () => {
    expect(['01', '05', '11', '12'].map((month) => formatMonthShort(`2026-${month}`, 'fi'))).toEqual(['tammi', 'touko', 'marras', 'joulu']);
    expect(['01', '05', '11', '12'].map((month) => formatMonthShort(`2026-${month}`, 'sv'))).toEqual(['jan', 'maj', 'nov', 'dec']);
    expect(['01', '05', '11', '12'].map((month) => formatMonthShort(`2026-${month}`, 'en'))).toEqual(['Jan', 'May', 'Nov', 'Dec']);
  });

  it('returns text that is not YYYY-MM as written', () => {
    expect(formatMonth('2026-13', 'en')).toBe('2026-13');
    expect(formatMonthShort('soon', 'fi')).toBe('soon');
  });
});
