import Holidays from 'date-holidays';
import { closestMatch } from '../util/suggest.js';

/**
 * Public-holiday calendars as charters name them in `hours.holidays`: a
 * country (`FI`, `SE`), a country and a state or region (`GB-ENG`,
 * `AU-NSW`, `DE-BY`), or a region below that (`DE-BY-A`), with the codes of
 * the date-holidays package.
 *
 * Which days are not working days:
 *
 * - Every calendar: the days date-holidays types `public` (in England,
 *   Wales and Scotland the bank holidays are typed `public`, and they are the
 *   public holidays there; substitute days count too).
 * - The Finnish calendar also closes Midsummer Eve and Christmas Eve (typed
 *   `bank`), which Finnish public offices keep as closed days; New Year's Eve
 *   stays a working day.
 * - Other `bank`, `optional`, `school` and `observance` days are working
 *   days. Sweden's midsommarafton, julafton and nyårsafton are typed `bank`
 *   and so count as working days: the issue asks for the eves in the Finnish
 *   calendar only, and an office closed on them lists them under
 *   `hours.exceptions`, as it does any other closed day. (Counting every
 *   `bank` day would be wrong elsewhere: New South Wales' August Bank Holiday
 *   closes banks, not public offices.)
 */

/** The calendar a charter without `hours.holidays` uses: v1 files mean the Finnish calendar. */
export const DEFAULT_HOLIDAY_CALENDAR = 'FI';

/** The form a calendar code takes; the schema holds the same pattern. */
const CODE_FORM = /^[A-Z]{2}(-[A-Z0-9]{1,10}){0,2}$/;

let catalog: Holidays | undefined;
function holidayCatalog(): Holidays {
  return (catalog ??= new Holidays());
}

const known = new Map<string, boolean>();

/** True when date-holidays knows the calendar `code` (`FI`, `GB-ENG`, `DE-BY-A`); false for anything else. */
export function isKnownHolidayCalendar(code: string): boolean {
  let answer = known.get(code);
  if (answer === undefined) {
    answer = lookUp(code);
    if (known.size < 1_000) known.set(code, answer);
  }
  return answer;
}

function lookUp(code: string): boolean {
  if (!CODE_FORM.test(code)) return false;
  const [country = '', state, region] = code.split('-');
  const data = holidayCatalog();
  if (!Object.hasOwn(data.getCountries('en'), country)) return false;
  if (state === undefined) return true;
  if (!Object.hasOwn(data.getStates(country, 'en') ?? {}, state)) return false;
  return region === undefined || Object.hasOwn(data.getRegions(country, state, 'en') ?? {}, region);
}

/**
 * The calendar a mistyped code most likely meant: within a known country, the
 * region whose code or name is close (`GB-ENGLAND` → `GB-ENG`,
 * `AU-NWS` → `AU-NSW`). A two-letter country code is never guessed: every
 * other pair of capitals is one or two letters away from some country.
 */
export function suggestHolidayCalendar(code: string): string | undefined {
  const [country = '', state, region] = code.toUpperCase().split('-');
  const data = holidayCatalog();
  if (!Object.hasOwn(data.getCountries('en'), country) || state === undefined) return undefined;
  const states = data.getStates(country, 'en') ?? {};
  if (!Object.hasOwn(states, state)) {
    const match = closeRegion(state, states);
    return match === undefined ? undefined : `${country}-${match}`;
  }
  if (region === undefined) return `${country}-${state}`;
  const match = closeRegion(region, data.getRegions(country, state, 'en') ?? {});
  return match === undefined ? undefined : `${country}-${state}-${match}`;
}

function closeRegion(written: string, regions: Readonly<Record<string, string>>): string | undefined {
  const byName = new Map(Object.entries(regions).map(([regionCode, name]) => [name.toUpperCase(), regionCode]));
  const named = byName.get(written) ?? byName.get(closestMatch(written, [...byName.keys()]) ?? '');
  return named ?? closestMatch(written, Object.keys(regions));
}

const calendarNames = new Map<string, string | undefined>();

/** The calendar's name as date-holidays gives it: "England, United Kingdom", "Suomi"; undefined for an unknown code. */
export function holidayCalendarName(code: string): string | undefined {
  // Every charter's hours ask, and date-holidays builds its whole country list for each answer: keep the answers.
  if (calendarNames.has(code)) return calendarNames.get(code);
  const name = lookUpName(code);
  if (calendarNames.size < 1_000) calendarNames.set(code, name);
  return name;
}

function lookUpName(code: string): string | undefined {
  if (!isKnownHolidayCalendar(code)) return undefined;
  const [country = '', state, region] = code.split('-');
  const data = holidayCatalog();
  const names = [data.getCountries('en')[country]];
  if (state !== undefined) names.unshift(data.getStates(country, 'en')?.[state]);
  if (region !== undefined) names.unshift(data.getRegions(country, state ?? '', 'en')?.[region]);
  return names.filter((name) => name !== undefined).join(', ');
}

/** The non-working holidays (YYYY-MM-DD) of one year of a calendar, as the module comment says which. */
export class HolidayCalendar {
  readonly code: string;
  private readonly holidays: Holidays;
  private readonly finnish: boolean;
  private readonly years: Map<number, ReadonlySet<string>>;

  constructor(code: string = DEFAULT_HOLIDAY_CALENDAR) {
    if (!isKnownHolidayCalendar(code)) throw new Error(`\`${code}\` is not a holiday calendar date-holidays knows (such as FI, GB-ENG, AU-NSW)`);
    this.code = code;
    const [country = ''] = code.split('-');
    const shared = sharedCalendar(code);
    this.holidays = shared.holidays;
    this.years = shared.years;
    this.finnish = country === 'FI';
  }

  /** The year's non-working holidays. */
  of(year: number): ReadonlySet<string> {
    const cached = this.years.get(year);
    if (cached) return cached;
    const dates = new Set<string>();
    for (const holiday of this.holidays.getHolidays(year)) {
      const date = holiday.date.slice(0, 10);
      if (holiday.type === 'public' || (this.finnish && isFinnishEve(holiday.type, date))) dates.add(date);
    }
    this.years.set(year, dates);
    return dates;
  }
}

/**
 * date-holidays' rules and each year's holidays, shared by every calendar of
 * the same code: reading the rules takes milliseconds, and a site builds a
 * calendar for each line of each page.
 */
const SHARED_CALENDARS = new Map<string, { readonly holidays: Holidays; readonly years: Map<number, ReadonlySet<string>> }>();

function sharedCalendar(code: string): { readonly holidays: Holidays; readonly years: Map<number, ReadonlySet<string>> } {
  let shared = SHARED_CALENDARS.get(code);
  if (!shared) {
    const [country = '', state, region] = code.split('-');
    const holidays = state === undefined ? new Holidays(country) : region === undefined ? new Holidays(country, state) : new Holidays(country, state, region);
    shared = { holidays, years: new Map() };
    SHARED_CALENDARS.set(code, shared);
  }
  return shared;
}

/** Midsummer Eve (a Friday in June) and Christmas Eve, typed `bank` in the Finnish data. */
function isFinnishEve(type: string, date: string): boolean {
  const monthDay = date.slice(5);
  return type === 'bank' && (monthDay === '12-24' || monthDay.startsWith('06-'));
}
