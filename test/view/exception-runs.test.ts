import { describe, expect, it } from 'vitest';
import type { OpeningPeriod } from '../../src/model/charter.js';
import { exceptionRunViews } from '../../src/view/exception-runs.js';
import { dateRangeParts, formatDate, formatDateRange } from '../../src/view/format-dates.js';
import type { HoursExceptionView, SiteLanguage } from '../../src/view/view-model.js';
import { addDays } from '../../src/time/calendar-date.js';

/** Office hours Monday to Friday (Saturday and Sunday closed anyway). */
const WEEKDAYS_ONLY: readonly OpeningPeriod[] = [
  { days: ['mon', 'tue', 'wed', 'thu', 'fri'], daysWritten: 'mon-fri', open: { text: '08:00' }, close: { text: '16:00' } } as unknown as OpeningPeriod,
];
const EVERY_DAY: readonly OpeningPeriod[] = [
  {
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    daysWritten: 'mon-sun',
    open: { text: '10:00' },
    close: { text: '18:00' },
  } as unknown as OpeningPeriod,
];

const SUMMER = { text: 'Suljettu kesän ajan', lang: 'fi', foreign: false };

function closed(iso: string, note = SUMMER, lang: SiteLanguage = 'fi'): HoursExceptionView {
  return { date: formatDate(iso, lang), iso, hours: 'Suljettu', closed: true, note };
}
function shorter(iso: string): HoursExceptionView {
  return { date: formatDate(iso, 'fi'), iso, hours: '8.00–12.00', closed: false };
}
/** `count` days from `first`, each made by `make`. */
function days(first: string, count: number, make: (iso: string) => HoursExceptionView = closed): HoursExceptionView[] {
  return Array.from({ length: count }, (_, index) => make(addDays(first, index)));
}
/** The lines as a reader sees them: "12.7.–21.7.2027: Suljettu". */
function lines(views: readonly HoursExceptionView[]): string[] {
  return views.map((view) => `${view.date}${view.until ? `${view.until.dash}${view.until.date}` : ''}: ${view.hours}`);
}

describe('exception days as runs', () => {
  it('shows a summer closure of ten calendar-consecutive days as one line', () => {
    const runs = exceptionRunViews(days('2027-07-12', 10), WEEKDAYS_ONLY, 'fi');
    expect(lines(runs)).toEqual(['12.7.–21.7.2027: Suljettu']);
    expect(runs[0]).toEqual({ ...closed('2027-07-12'), date: '12.7.', until: { date: '21.7.2027', iso: '2027-07-21', dash: '–' } });
  });

  it('bridges the weekend between two closed working weeks, when the office is closed on weekends anyway', () => {
    // Ten working days, Monday 12 July to Friday 23 July 2027, with no exception on the weekend between.
    const working = [...days('2027-07-12', 5), ...days('2027-07-19', 5)];
    expect(lines(exceptionRunViews(working, WEEKDAYS_ONLY, 'fi'))).toEqual(['12.7.–23.7.2027: Suljettu']);
    expect(lines(exceptionRunViews(working, WEEKDAYS_ONLY, 'sv'))).toEqual(['12.7.–23.7.2027: Suljettu']);
  });

  it('does not bridge days the office is open, nor any day when it has no weekly hours', () => {
    const working = [...days('2027-07-12', 5), ...days('2027-07-19', 5)];
    expect(lines(exceptionRunViews(working, EVERY_DAY, 'fi'))).toEqual(['12.7.–16.7.2027: Suljettu', '19.7.–23.7.2027: Suljettu']);
    expect(lines(exceptionRunViews(working, [], 'fi'))).toEqual(['12.7.–16.7.2027: Suljettu', '19.7.–23.7.2027: Suljettu']);
    // A gap of a working day splits the run.
    expect(lines(exceptionRunViews([closed('2027-07-12'), closed('2027-07-14')], WEEKDAYS_ONLY, 'fi'))).toEqual(['12.7.2027: Suljettu', '14.7.2027: Suljettu']);
  });

  it('joins only days with the same hours and the same note', () => {
    const other = { text: 'Inventaario', lang: 'fi', foreign: false };
    const mixed = [...days('2027-07-12', 3), closed('2027-07-15', other), closed('2027-07-16', other), ...days('2027-07-17', 2, shorter)];
    expect(lines(exceptionRunViews(mixed, EVERY_DAY, 'fi'))).toEqual(['12.7.–14.7.2027: Suljettu', '15.7.–16.7.2027: Suljettu', '17.7.–18.7.2027: 8.00–12.00']);
    expect(exceptionRunViews(mixed, EVERY_DAY, 'fi')[1]?.note).toEqual(other);
  });

  it('never lets shorter hours take in a weekend', () => {
    const friAndMon = [shorter('2027-07-16'), shorter('2027-07-19')];
    expect(lines(exceptionRunViews(friAndMon, WEEKDAYS_ONLY, 'fi'))).toEqual(['16.7.2027: 8.00–12.00', '19.7.2027: 8.00–12.00']);
  });

  it('keeps a single day as it was', () => {
    expect(exceptionRunViews([closed('2027-07-12')], WEEKDAYS_ONLY, 'fi')).toEqual([closed('2027-07-12')]);
  });

  it('says both years across New Year', () => {
    const runs = exceptionRunViews(days('2026-12-28', 7), WEEKDAYS_ONLY, 'fi');
    expect(lines(runs)).toEqual(['28.12.2026–3.1.2027: Suljettu']);
  });
});

describe('formatDateRange', () => {
  const ranges = {
    'within a month': { first: '2027-07-12', last: '2027-07-30', fi: '12.7.–30.7.2027', sv: '12.7.–30.7.2027', en: '12–30 July 2027' },
    'within a year': { first: '2027-07-28', last: '2027-08-03', fi: '28.7.–3.8.2027', sv: '28.7.–3.8.2027', en: '28 July – 3 August 2027' },
    'across New Year': {
      first: '2026-12-28',
      last: '2027-01-03',
      fi: '28.12.2026–3.1.2027',
      sv: '28.12.2026–3.1.2027',
      en: '28 December 2026 – 3 January 2027',
    },
  };
  it.each(Object.entries(ranges))('says a span %s in each language', (_name, range) => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      expect(formatDateRange(range.first, range.last, lang), lang).toBe(range[lang]);
      const { start, dash, end } = dateRangeParts(range.first, range.last, lang);
      expect(`${start}${dash}${end}`).toBe(range[lang]);
    }
  });
});
