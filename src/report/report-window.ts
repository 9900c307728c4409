/**
 * The stretch of time a report covers. Its as-of time lies in the years
 * FIRST_REPORT_YEAR to LAST_REPORT_YEAR, and the contacts it counts, like
 * --from and --to, lie within MAX_YEARS_FROM_AS_OF years of it. A log row
 * dated in the year 1000 or 9999 is a typing mistake: counted, it would
 * stretch the report over every month in between (a two-row log made 116 MB
 * of JSON) and make the working calendar walk through the centuries.
 * Charters are reviewed every year or two, so ten years either side of the
 * as-of time is more than any promise they make is measured over.
 */
import { message, type MessageRef } from '../messages/message.js';

export const FIRST_REPORT_YEAR = 1970;
export const LAST_REPORT_YEAR = 2199;
export const MAX_YEARS_FROM_AS_OF = 10;

/** The instants a contact may start and end at, inclusive (epoch ms), around the as-of time. */
export interface TimeWindow {
  readonly asOfMs: number;
  readonly firstMs: number;
  readonly lastMs: number;
}

export function timeWindowAround(asOfMs: number): TimeWindow {
  return { asOfMs, firstMs: yearsAfter(asOfMs, -MAX_YEARS_FROM_AS_OF), lastMs: yearsAfter(asOfMs, MAX_YEARS_FROM_AS_OF) };
}

/** Why an as-of time cannot be used, or undefined when it can. */
export function asOfMessage(asOf: Date): MessageRef | undefined {
  const year = asOf.getUTCFullYear();
  if (Number.isNaN(year) || year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    const years = { option: '--as-of', first: String(FIRST_REPORT_YEAR), last: String(LAST_REPORT_YEAR) };
    return Number.isNaN(year) ? message('report.option.years', years) : message('report.option.years-not', { ...years, given: String(year) });
  }
  return undefined;
}

/** Why a --from or --to date (YYYY-MM-DD, or YYYY-MM) is in a year no report covers, or undefined. */
export function yearProblem(option: '--from' | '--to', date: string): MessageRef | undefined {
  const year = Number(date.slice(0, 4));
  return year >= FIRST_REPORT_YEAR && year <= LAST_REPORT_YEAR
    ? undefined
    : message('report.option.years-not', { option, first: String(FIRST_REPORT_YEAR), last: String(LAST_REPORT_YEAR), given: date });
}

/**
 * Why --from or --to (YYYY-MM-DD) cannot be used with this as-of time, or
 * undefined when they can: each must lie in a month within
 * MAX_YEARS_FROM_AS_OF years of it (a month, so that `--to` a month's end
 * is never refused for a few days).
 */
export function rangeProblem(asOf: Date, from: string | undefined, to: string | undefined): MessageRef | undefined {
  const window = timeWindowAround(asOf.getTime());
  for (const [option, date] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (date === undefined) continue;
    const problem = yearProblem(option, date);
    if (problem !== undefined) return problem;
    const month = monthIndex(Date.parse(`${date}T00:00:00Z`));
    if (month < monthIndex(window.firstMs) || month > monthIndex(window.lastMs)) {
      return message('report.option.too-far', { option, date, years: String(MAX_YEARS_FROM_AS_OF), asOf: asOf.toISOString().slice(0, 10) });
    }
  }
  return undefined;
}

/** Year × 12 + month − 1 of an instant, in UTC. */
function monthIndex(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

function yearsAfter(ms: number, years: number): number {
  const date = new Date(ms);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}
