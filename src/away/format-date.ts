import type { AwayMoment } from './away-dates.js';
import { weekdayIndex } from './away-dates.js';
import { awayTexts, fill } from './away-texts.js';

/**
 * Dates in each language's own style, from the kit's tables rather than Intl
 * (whose month names and styles differ between browsers and Node builds):
 * fi "21.12.2026", "ma 7.1.2027"; sv "21.12.2026", "måndag 7.1.2027";
 * en "21 December 2026", "Monday 7 January 2027". A language without
 * tables is written as English.
 */
export function formatDate(date: string, lang: string, withWeekday = false): string {
  const texts = awayTexts(lang);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const values = {
    day,
    month,
    monthName: texts.months[month - 1] ?? String(month),
    year,
    weekday: texts.weekdays[weekdayIndex(date)] ?? '',
  };
  return fill(withWeekday ? texts.dateWithWeekday : texts.date, values);
}

/** A moment: its date, and its time of day when given ("21.12.2026 klo 12.00"). */
export function formatMoment(moment: AwayMoment, lang: string): string {
  const date = formatDate(moment.date, lang);
  if (moment.time === undefined) return date;
  const texts = awayTexts(lang);
  const [hour2, minute] = moment.time.split(':') as [string, string];
  const time = fill(texts.time, { hour: Number(hour2), hour2, minute });
  return fill(texts.dateTime, { date, time });
}
