import { awayData, type AwayData } from '../away/away-data.js';
import type { Charter } from '../model/charter.js';
import { workingCalendarOptions } from '../model/office-calendar.js';
import { addDays } from '../time/calendar-date.js';
import { siteUrls } from '../view/site-plan.js';

/**
 * The days a charter page's absence form knows, around the build's day: a
 * month back (an absence that has just begun) and two years ahead. Each page
 * carries only the closed weekdays of this window, not the calendar rules.
 */
export const AWAY_WINDOW = { daysBefore: 31, daysAfter: 730 } as const;

/**
 * The absence form's data of a unit (AwayData as JSON) for a build's day, for
 * `planSite`'s `awayJson`. Worked out once per unit and day, however many
 * languages the unit's pages are in; kept while the charter is the same
 * object (`charter serve` reuses unchanged charters).
 */
export function awayJsonSource(address: {
  readonly base?: string | undefined;
  readonly origin?: string | undefined;
}): (unit: Charter, today: string) => string | undefined {
  const urls = siteUrls(address.base ?? '/');
  const made = new WeakMap<Charter, { readonly today: string; readonly json: string | undefined }>();
  const calendars = new CalendarCache();
  return (unit, today) => {
    const known = made.get(unit);
    if (known?.today === today) return known.json;
    const json = unit.absence ? awayJson(unit, today, (lang) => `${address.origin ?? ''}${urls.charter(unit.id, lang)}#away`, calendars) : undefined;
    made.set(unit, { today, json });
    return json;
  };
}

/**
 * The closed weekdays of a window, by the office calendar they come from.
 * Working them out takes milliseconds a unit (every day of two years); units
 * that share their hours (a baseline's) share the result.
 */
class CalendarCache {
  private readonly byKey = new Map<string, AwayData['calendar']>();

  get(unit: Charter, today: string, make: () => AwayData['calendar']): AwayData['calendar'] {
    // The closed days follow from the unit's hours alone: weekly hours, exceptions, holidays, time zone.
    const key = `${today}|${JSON.stringify(workingCalendarOptions(unit.hours))}`;
    let calendar = this.byKey.get(key);
    if (calendar === undefined) {
      calendar = make();
      this.byKey.set(key, calendar);
    }
    return calendar;
  }
}

function awayJson(unit: Charter, today: string, pageUrl: (lang: string) => string, calendars: CalendarCache): string {
  const window = { from: addDays(today, -AWAY_WINDOW.daysBefore), until: addDays(today, AWAY_WINDOW.daysAfter) };
  const pageUrls = { pageUrl: Object.fromEntries(unit.languages.map((lang) => [lang, pageUrl(lang)])) };
  let whole: AwayData | undefined;
  const calendar = calendars.get(unit, today, () => {
    whole = awayData(unit, { ...window, ...pageUrls });
    return whole.calendar;
  });
  // A calendar already worked out for the same hours: the unit's own data needs only a day's window.
  const data = whole ?? { ...awayData(unit, { from: today, until: today, ...pageUrls }), calendar };
  return JSON.stringify(data);
}
