import { expandDays, WEEKDAYS, type Weekday } from '../time/weekly-hours.js';
import { calendarStrings, fill } from './strings.js';
import type { SiteLanguage } from './view-model.js';

/**
 * Dates, times and days for the page's language, from the patterns and names
 * in strings/<lang>.json. Tables rather than Intl: ICU's month names and
 * separators have changed between releases, and the pages must not change
 * when Node does.
 */

/** schema.org day names, for OpeningHoursSpecification.dayOfWeek. */
export const SCHEMA_ORG_DAYS: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

const EN_DASH = '\u2013';

/**
 * Formatted dates and times by language and text: every page formats the
 * same few hours and dates again, so each is worked out once (bounded).
 */
const FORMATTED = new Map<string, string>();

function remembered(kind: string, text: string, lang: SiteLanguage, format: () => string): string {
  const key = `${kind}|${lang}|${text}`;
  let formatted = FORMATTED.get(key);
  if (formatted === undefined) {
    formatted = format();
    if (FORMATTED.size < 20_000) FORMATTED.set(key, formatted);
  }
  return formatted;
}

/** "23.12.2026" (fi, sv: no leading zeros) or "23 December 2026" (en). Text that is not YYYY-MM-DD is returned as is. */
export function formatDate(iso: string, lang: SiteLanguage): string {
  return remembered('date', iso, lang, () => {
    const values = dateValues(iso, lang);
    return values ? fill(calendarStrings(lang).date, values) : iso;
  });
}

/**
 * A span of days: "12.7.–30.7.2027" (fi, sv), "12–30 July 2027" (en). The
 * year is said once when both days are in it, and for each across New Year
 * ("28.12.2026–3.1.2027"); the first day leaves out what the last says (the
 * patterns dateWithoutYear and dateWithoutMonth). The dash is closed up
 * unless the first day is in words ("28 July – 3 August 2027").
 */
export function formatDateRange(first: string, last: string, lang: SiteLanguage): string {
  const { start, dash, end } = dateRangeParts(first, last, lang);
  return `${start}${dash}${end}`;
}

/** The parts of formatDateRange, for markup that wraps each day in its own element. */
export function dateRangeParts(first: string, last: string, lang: SiteLanguage): { start: string; dash: string; end: string } {
  const values = dateValues(first, lang);
  const calendar = calendarStrings(lang);
  const pattern =
    first.slice(0, 4) !== last.slice(0, 4) ? calendar.date : first.slice(0, 7) !== last.slice(0, 7) ? calendar.dateWithoutYear : calendar.dateWithoutMonth;
  const start = values ? fill(pattern, values) : first;
  return { start, dash: /\s/.test(start) ? ` ${EN_DASH} ` : EN_DASH, end: formatDate(last, lang) };
}

/** The placeholders of the date patterns for YYYY-MM-DD; undefined for other text. */
function dateValues(iso: string, lang: SiteLanguage): Record<'day' | 'month' | 'monthName' | 'year', string> | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const month = Number(match[2]);
  const day = Number(match[3]);
  const monthName = calendarStrings(lang).months[month - 1];
  if (monthName === undefined || day < 1) return undefined;
  return { day: String(day), month: String(month), monthName, year: match[1] as string };
}

/** A month written YYYY-MM: "joulukuu 2025" (fi), "december 2025" (sv), "December 2025" (en). Other text is returned as is. */
export function formatMonth(month: string, lang: SiteLanguage): string {
  const parts = monthParts(month);
  return parts ? `${calendarStrings(lang).months[parts.index] as string} ${parts.year}` : month;
}

/** The month of YYYY-MM alone, abbreviated: "joulu", "dec", "Dec". Other text is returned as is. */
export function formatMonthShort(month: string, lang: SiteLanguage): string {
  const parts = monthParts(month);
  return parts ? (calendarStrings(lang).monthsShort[parts.index] as string) : month;
}

function monthParts(month: string): { year: string; index: number } | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const index = Number(match[2]) - 1;
  return index >= 0 && index < 12 ? { year: match[1] as string, index } : undefined;
}

/** "8.00" (fi, sv: no leading zero, dot) or "08:00" (en, as written). Text that is not HH:MM is returned as is. */
export function formatTime(time: string, lang: SiteLanguage): string {
  return remembered('time', time, lang, () => {
    const match = /^(\d{2}):(\d{2})$/.exec(time);
    if (!match) return time;
    const hour2 = match[1] as string;
    return fill(calendarStrings(lang).time, { hour: String(Number(hour2)), hour2, minute: match[2] as string });
  });
}

/** "8.00–16.00" (fi, sv) or "08:00–16:00" (en), with an en dash. */
export function formatTimeRange(open: string, close: string, lang: SiteLanguage): string {
  return `${formatTime(open, lang)}${EN_DASH}${formatTime(close, lang)}`;
}

/**
 * Days as charters write them (`mon-fri`, `sat`, `[mon, wed, fri]`) in short
 * form: "Mon–Fri", "ma–pe", "mån–fre"; "Mon, Wed, Fri". Three or more
 * consecutive days become a range. A spec that is not valid is shown as written.
 */
export function formatDays(spec: string | readonly string[], lang: SiteLanguage): string {
  const expanded = expandDays(spec);
  if (!expanded.ok) return typeof spec === 'string' ? spec : spec.join(', ');
  const names = calendarStrings(lang).weekdays;
  const indexes = [...new Set(expanded.days.map((day) => WEEKDAYS.indexOf(day)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = 0;
  while (start < indexes.length) {
    let end = start;
    while (end + 1 < indexes.length && (indexes[end + 1] as number) === (indexes[end] as number) + 1) end++;
    const first = names[WEEKDAYS[indexes[start] as number] as Weekday];
    const last = names[WEEKDAYS[indexes[end] as number] as Weekday];
    if (end - start >= 2) parts.push(`${first}${EN_DASH}${last}`);
    else for (let index = start; index <= end; index++) parts.push(names[WEEKDAYS[indexes[index] as number] as Weekday]);
    start = end + 1;
  }
  return parts.join(', ');
}

/** "ke 2.12.2026", "ons 2.12.2026", "Wed 2 December 2026": a date with its weekday's short name. */
export function formatDateWithWeekday(iso: string, lang: SiteLanguage): string {
  const time = Date.parse(`${iso}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(time)) return iso;
  // getUTCDay counts from Sunday; WEEKDAYS from Monday.
  const weekday = WEEKDAYS[(new Date(time).getUTCDay() + 6) % 7] as Weekday;
  return `${calendarStrings(lang).weekdays[weekday]} ${formatDate(iso, lang)}`;
}
