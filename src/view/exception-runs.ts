import type { OpeningPeriod } from '../model/charter.js';
import { addDays, daysBetween } from '../time/calendar-date.js';
import { WEEKDAYS, type Weekday } from '../time/weekly-hours.js';
import { dateRangeParts } from './format-dates.js';
import type { HoursExceptionView, SiteLanguage } from './view-model.js';

/** The exception days of an hours list as its lines: a run of days that say the same is one line, "12.7.–30.7.2027". */
export function exceptionRunViews(days: readonly HoursExceptionView[], weekly: readonly OpeningPeriod[], lang: SiteLanguage): HoursExceptionView[] {
  const sameLine = (a: HoursExceptionView, b: HoursExceptionView): boolean =>
    a.hours === b.hours && a.note?.text === b.note?.text && a.note?.lang === b.note?.lang;
  return exceptionRuns(days, sameLine, weekly).map(({ first, lastIso }) => {
    if (lastIso === undefined) return first;
    const { start, dash, end } = dateRangeParts(first.iso, lastIso, lang);
    return { ...first, date: start, until: { date: end, iso: lastIso, dash } };
  });
}

/** One line of the exceptions list: its first day, and its last when it spans several. */
export interface ExceptionRun<T> {
  readonly first: T;
  /** The run's last day (YYYY-MM-DD), when it is not its first. */
  readonly lastIso?: string;
}

/**
 * Exception days as runs, so that a summer closure reads "12.7.–30.7.2027:
 * closed" rather than as ten lines. Days join a run when they say the same
 * (`same`: the same hours and the same note) and follow it without a gap. A
 * closed run also bridges days the office is closed on anyway by its weekly
 * hours (the weekend between two closed weeks), as long as no exception
 * falls on them: a reader takes "closed 12.7.–30.7." to cover them. Public
 * holidays are not bridged (the calendar says which they are), and days of
 * other hours never bridge anything (a range of "8.00–12.00" must not take
 * in a Saturday). With no weekly hours nothing is "closed anyway".
 */
export function exceptionRuns<T extends { readonly iso: string; readonly closed: boolean }>(
  days: readonly T[],
  same: (a: T, b: T) => boolean,
  weekly: readonly OpeningPeriod[],
): ExceptionRun<T>[] {
  const openDays = new Set(weekly.flatMap((period) => period.days));
  const closedAnyway = (iso: string): boolean => weekly.length > 0 && !openDays.has(weekdayOf(iso));
  const runs: { first: T; last: string }[] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && same(run.first, day) && follows(run.last, day.iso, day.closed ? closedAnyway : () => false)) run.last = day.iso;
    else runs.push({ first: day, last: day.iso });
  }
  return runs.map((run) => (run.last === run.first.iso ? { first: run.first } : { first: run.first, lastIso: run.last }));
}

/** Whether `next` comes right after `last`, or after days between them that `bridge` lets the run take in. */
function follows(last: string, next: string, bridge: (iso: string) => boolean): boolean {
  const gap = daysBetween(last, next);
  // A week at most: a run never bridges a whole week in which the office is open.
  if (gap < 1 || gap > 7) return false;
  for (let step = 1; step < gap; step++) if (!bridge(addDays(last, step))) return false;
  return true;
}

function weekdayOf(iso: string): Weekday {
  // getUTCDay counts from Sunday; WEEKDAYS from Monday.
  return WEEKDAYS[(new Date(`${iso}T00:00:00Z`).getUTCDay() + 6) % 7] as Weekday;
}
