import { awayData } from '../away/away-data.js';
import type { Charter } from '../model/charter.js';
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
  return (unit, today) => {
    const known = made.get(unit);
    if (known?.today === today) return known.json;
    const json = unit.absence ? awayJson(unit, today, (lang) => `${address.origin ?? ''}${urls.charter(unit.id, lang)}#away`) : undefined;
    made.set(unit, { today, json });
    return json;
  };
}

function awayJson(unit: Charter, today: string, pageUrl: (lang: string) => string): string {
  const data = awayData(unit, {
    from: addDays(today, -AWAY_WINDOW.daysBefore),
    until: addDays(today, AWAY_WINDOW.daysAfter),
    pageUrl: Object.fromEntries(unit.languages.map((lang) => [lang, pageUrl(lang)])),
  });
  return JSON.stringify(data);
}
