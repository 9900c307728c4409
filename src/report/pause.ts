import { message, type MessageRef } from '../messages/message.js';
import type { Duration, DurationUnit } from '../time/duration.js';
import type { WorkingCalendar } from '../time/working-calendar.js';
import type { ZoneOffsets } from '../time/zone-offsets.js';
import type { BadRowKind, CommitmentFigures, ReportWarning } from '../model/compliance-report.js';
import { parseTimestamp, shorten } from './timestamp.js';

/**
 * The stopped clock: time in a contact that does not count against its
 * promise (in Finnish administration, while a matter waits for the customer's
 * additional information, hallintolaki 33 §). A row carries it as
 *
 * - a bare ISO 8601 duration (`PT3H`, `P2D`, `P1DT4H`, `P1W`), or
 * - in JSON Lines, a list of intervals `[{"from": …, "until": …}]`
 *   (`until` absent while the clock is still stopped).
 *
 * It is taken out in the promise's own units, by moving the deadline later:
 *
 * - clock units (seconds, minutes, hours, `immediately`): by the paused clock
 *   time (a duration's day is 24 hours);
 * - working hours (and `same working day`): by the office time inside the
 *   intervals, or a duration's length as office time (a day is 24 hours);
 * - working days: by the working days the intervals end on after the day they
 *   begin (as elapsed working days are counted), or by a duration's days as
 *   working days (`P2D` is two working days; hours are rounded up to whole
 *   days, as fractional working days are);
 * - calendar days, weeks, months and years: by the calendar days the
 *   intervals span, or a duration's days (rounded up), the deadline then
 *   moving off a non-working day as it always does.
 *
 * Intervals count only within the contact (from its start to its end, or to
 * the as-of time while open); overlapping intervals count once. The time
 * taken (median, p90, mean) is shortened by the same amount.
 */
export interface Pause {
  /** A bare duration's whole days (D, and W as 7 days). */
  readonly days: number;
  /** A bare duration's hours, minutes and seconds, in ms. */
  readonly ms: number;
  /** Intervals as [from, until] pairs of epoch ms (until Infinity while still paused); undefined for a bare duration. */
  readonly intervals: Float64Array | undefined;
}

export type PauseResult = { readonly pause: Pause | undefined } | { readonly problem: MessageRef; readonly kind: BadRowKind };

const DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Intervals a row may have: more is not a log of supplement requests. */
const MAX_INTERVALS = 1000;

/** A `paused` column: empty or zero is no pause. */
export function pauseOfDuration(text: string): PauseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { pause: undefined };
  const match = DURATION.exec(trimmed);
  if (!match || trimmed === 'P' || trimmed.endsWith('T')) {
    return { problem: message('report.pause.bad-duration', { text: shorten(trimmed) }), kind: 'bad-timestamp' };
  }
  if (match[1] !== undefined || match[2] !== undefined) return { problem: message('report.pause.months', { text: shorten(trimmed) }), kind: 'bad-timestamp' };
  const number = (index: number): number => (match[index] === undefined ? 0 : Number(match[index].replace(',', '.')));
  const wholeDays = number(3) * 7 + number(4);
  // Fractions of a day are kept as time, so that P0.5D is 12 hours.
  const days = Math.floor(wholeDays);
  const ms = (wholeDays - days) * MS_PER_DAY + number(5) * MS_PER_HOUR + number(6) * 60_000 + number(7) * 1000;
  if (days === 0 && ms === 0) return { pause: undefined };
  return { pause: { days, ms, intervals: undefined } };
}

/** A JSON Lines `paused` list of intervals, read with the log's time zone. */
export function pauseOfIntervals(list: readonly unknown[], zone: ZoneOffsets | undefined): PauseResult {
  if (list.length === 0) return { pause: undefined };
  if (list.length > MAX_INTERVALS) return { problem: message('report.pause.bad-interval', { index: MAX_INTERVALS + 1 }), kind: 'malformed' };
  const intervals = new Float64Array(list.length * 2);
  for (const [position, item] of list.entries()) {
    const index = position + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      return { problem: message('report.pause.bad-interval', { index }), kind: 'malformed' };
    const record = item as Record<string, unknown>;
    const from = record.from;
    const until = record.until;
    if (typeof from !== 'string' || (until !== undefined && until !== null && typeof until !== 'string')) {
      return { problem: message('report.pause.bad-interval', { index }), kind: 'malformed' };
    }
    const fromTime = parseTimestamp(from, zone);
    if (!fromTime.ok) return { problem: message('report.pause.interval-time', { index, field: 'from', problem: fromTime.message }), kind: fromTime.kind };
    let untilMs = Infinity;
    if (typeof until === 'string' && until.trim() !== '') {
      const untilTime = parseTimestamp(until, zone);
      if (!untilTime.ok) return { problem: message('report.pause.interval-time', { index, field: 'until', problem: untilTime.message }), kind: untilTime.kind };
      untilMs = untilTime.ms;
    }
    if (untilMs < fromTime.ms) return { problem: message('report.pause.until-before-from', { index }), kind: 'end-before-start' };
    intervals[position * 2] = fromTime.ms;
    intervals[position * 2 + 1] = untilMs;
  }
  return { pause: { days: 0, ms: 0, intervals } };
}

/** The intervals within [startMs, untilMs], sorted and merged, as pairs. */
export function clippedIntervals(intervals: Float64Array, startMs: number, untilMs: number): number[] {
  const pairs: [number, number][] = [];
  for (let index = 0; index < intervals.length; index += 2) {
    const from = Math.max(intervals[index] as number, startMs);
    const until = Math.min(intervals[index + 1] as number, untilMs);
    if (until > from) pairs.push([from, until]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [from, until] of pairs) {
    const last = merged.length - 1;
    if (last > 0 && from <= (merged[last] as number)) merged[last] = Math.max(merged[last] as number, until);
    else merged.push(from, until);
  }
  return merged;
}

type PausedFamily = 'clock' | 'working hour' | 'working day' | 'day';

function familyOf(unit: DurationUnit): PausedFamily {
  if (unit === 'working hour' || unit === 'same working day') return 'working hour';
  if (unit === 'working day') return 'working day';
  if (unit === 'day' || unit === 'week' || unit === 'month' || unit === 'year') return 'day';
  return 'clock';
}

/**
 * How much paused time a contact from `startMs` to `untilMs` (its end, or the
 * as-of time while open) had, in its family's measure: ms of clock time or of
 * office time, or whole working or calendar days.
 */
export function pausedAmount(calendar: WorkingCalendar, unit: DurationUnit, startMs: number, untilMs: number, pause: Pause): number {
  const family = familyOf(unit);
  if (pause.intervals === undefined) {
    const ms = pause.days * MS_PER_DAY + pause.ms;
    if (family === 'clock' || family === 'working hour') return ms;
    return pause.days + Math.ceil(pause.ms / MS_PER_DAY);
  }
  const merged = clippedIntervals(pause.intervals, startMs, untilMs);
  let total = 0;
  for (let index = 0; index < merged.length; index += 2) {
    const from = merged[index] as number;
    const until = merged[index + 1] as number;
    if (family === 'clock') total += until - from;
    else if (family === 'working hour') total += calendar.elapsedMs(from, until, 'working hour') * MS_PER_HOUR;
    else total += calendar.elapsedMs(from, until, family === 'working day' ? 'working day' : 'day');
  }
  return total;
}

/** The deadline moved later by `amount` (from pausedAmount) in the promise's own units. */
export function pausedDeadlineMs(calendar: WorkingCalendar, duration: Duration, deadlineMs: number, amount: number): number {
  if (amount <= 0) return deadlineMs;
  switch (familyOf(duration.unit)) {
    case 'clock':
      return deadlineMs + amount;
    case 'working hour':
      return calendar.deadlineMs(deadlineMs, { amount: amount / MS_PER_HOUR, unit: 'working hour' });
    case 'working day':
      return calendar.deadlineMs(deadlineMs, { amount, unit: 'working day' });
    default:
      return calendar.deadlineMs(deadlineMs, { amount, unit: 'day' });
  }
}

const CLOCK_MS: Partial<Record<DurationUnit, number>> = { second: 1000, minute: 60_000, hour: MS_PER_HOUR, immediately: 1000 };

/** `amount` (from pausedAmount) in the unit that times taken are given in. */
export function pausedInUnit(unit: DurationUnit, amount: number): number {
  switch (familyOf(unit)) {
    case 'clock':
      return amount / (CLOCK_MS[unit] ?? 1000);
    case 'working hour':
      return amount / MS_PER_HOUR;
    case 'working day':
      return amount;
    default:
      // Months and years by their average length: times taken are shown to hundredths.
      return unit === 'week' ? amount / 7 : unit === 'month' ? (amount * 12) / 365.2425 : unit === 'year' ? amount / 365.2425 : amount;
  }
}

/** The share of a promise's rows with paused time above which the report warns (2 %). */
export const PAUSED_WARNING_SHARE = 0.02;

/** A warning for each promise with more than PAUSED_WARNING_SHARE of its counted rows paused, over the whole range. */
export function pausedWarnings(commitments: readonly CommitmentFigures[]): ReportWarning[] {
  const warnings: ReportWarning[] = [];
  for (const figures of commitments) {
    const paused = figures.total.paused ?? 0;
    const { count } = figures.total;
    if (paused === 0 || paused <= PAUSED_WARNING_SHARE * count) continue;
    warnings.push({
      kind: 'paused-share',
      charter: figures.charter,
      channel: figures.channel,
      commitment: figures.commitment,
      line: figures.line,
      groups: figures.groups,
      service: figures.service,
      paused,
      count,
      share: Math.round((paused / count) * 10_000) / 10_000,
    });
  }
  return warnings;
}
