import type { Charter, CharterText } from '../model/charter.js';
import { promisesOf } from '../model/commitments.js';
import { workingCalendarOptions } from '../model/office-calendar.js';
import { AVERAGE_CLOSE_MARGIN, CLOSE_MARGIN } from '../model/compliance-report.js';
import type { CommitmentIndex, MeasuredCommitment, RowTarget } from '../report/commitment-index.js';
import { IMMEDIATELY_SECONDS } from '../time/duration.js';
import type { WorkingCalendarOptions } from '../time/working-calendar.js';
import type { CalendarSet, OfficeCalendarEntry } from './calendar-dimension.js';

/**
 * The report's commitment index as tables the query joins a log to: where a
 * row lands (charter, channel, line, commitment), which variant its group
 * and service pick, and how each promise is measured. The same index the
 * report uses, so both read a log the same way.
 */

/** How the query finds a promise's deadline. */
export type DeadlineKind = 'clock' | 'working_hour' | 'same_day' | 'working_day' | 'days' | 'months' | 'none';

export interface PromiseRow {
  readonly id: number;
  readonly charter: string;
  readonly unitName: string;
  readonly channel: string;
  readonly line: string | null;
  readonly commitment: string;
  /** The customer groups, comma-separated; empty for everyone. */
  readonly groups: string;
  readonly service: string | null;
  readonly measure: MeasuredCommitment['measure'];
  readonly within: string;
  readonly target: number;
  readonly calendar: string;
  readonly timeZone: string;
  readonly kind: DeadlineKind;
  /** `clock`: milliseconds to the deadline. */
  readonly clockMs: number;
  /** `working_day`: working days after the start day. */
  readonly whole: number;
  /** `days`: calendar days to add; `months`: months to add. */
  readonly days: number;
  readonly months: number;
  /** `working_hour`: office milliseconds to the deadline. */
  readonly workMs: number;
  /** What the time taken (an average's mean) is divided by: ms per unit for clock units, 3,600,000 for working hours, 7 for weeks, else 1. */
  readonly elapsedDivisor: number;
  /** The status thresholds, in hundredths of a percent (`within` and `abandoned`). */
  readonly targetBp: number;
  readonly closeBp: number;
  /** `average`: the limit and the most that is still `close`. */
  readonly limit: number;
  readonly closeLimit: number;
}

export interface SkippedPromise {
  readonly id: number;
  readonly charter: string;
  readonly channel: string;
  readonly line: string | null;
  readonly commitment: string;
  readonly reason: 'average-in-months' | 'hours-do-not-fit' | 'working-hours-too-long';
}

export interface PlaceRow {
  readonly placeId: number;
  readonly charter: string;
  readonly channel: string;
  /** The line (or, on `services`, the service) a row names; '' where a row may name none. */
  readonly line: string;
  readonly commitment: string;
}

export interface TargetRow {
  readonly placeId: number;
  readonly group: string;
  readonly service: string;
  readonly gaveUp: 0 | 1;
  readonly withinId: number | null;
  readonly averageId: number | null;
  readonly abandonedId: number | null;
}

export interface PromiseTables {
  readonly promises: readonly PromiseRow[];
  readonly skipped: readonly SkippedPromise[];
  readonly places: readonly PlaceRow[];
  readonly placeGroups: readonly (readonly [number, string])[];
  readonly placeServices: readonly (readonly [number, string])[];
  readonly targets: readonly TargetRow[];
  readonly charterGroups: readonly (readonly [string, string])[];
  readonly charterServices: readonly (readonly [string, string])[];
}

/** Working-hour promises longer than this are skipped: their deadlines could fall past the dimension's last day. */
export const LONGEST_WORKING_HOURS_IN_SQL = 200;

const CLOCK_UNIT_MS: Readonly<Record<string, number>> = { second: 1_000, minute: 60_000, hour: 3_600_000 };

/** The calendar of every promise (by its index), from the charters' promises in the order the index made them. */
export function calendarsOfPromises(index: CommitmentIndex, charters: readonly Charter[], calendars: CalendarSet): OfficeCalendarEntry[] {
  const hoursOf = new Map<string, WorkingCalendarOptions>();
  for (const charter of charters) {
    for (const found of promisesOf(charter)) {
      const key = identity(
        charter.id,
        found.place.channel,
        found.place.commitment,
        found.place.line ?? null,
        found.place.service ?? null,
        found.place.groups,
        found.measure,
      );
      if (!hoursOf.has(key)) hoursOf.set(key, workingCalendarOptions(found.hours));
    }
  }
  return index.commitments.map((commitment) => {
    const key = identity(
      commitment.charter,
      commitment.channel,
      commitment.commitment,
      commitment.line,
      commitment.service,
      commitment.groups,
      commitment.measure,
    );
    const options = hoursOf.get(key);
    // Every measured promise came from promisesOf: a miss is a bug, not bad input.
    if (options === undefined) throw new Error(`no office hours found for promise ${key}`);
    return calendars.entryFor(options);
  });
}

function identity(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

/** The tables of an index; `calendarOf` gives each promise's calendar (calendarsOfPromises), whose rows are already made. */
export function promiseTables(index: CommitmentIndex, calendarOf: readonly OfficeCalendarEntry[]): PromiseTables {
  const promises: PromiseRow[] = [];
  const skipped: SkippedPromise[] = [];
  for (const commitment of index.commitments) {
    const entry = calendarOf[commitment.index] as OfficeCalendarEntry;
    const reason = skipReason(commitment, entry);
    if (reason !== undefined) {
      skipped.push({
        id: commitment.index,
        charter: commitment.charter,
        channel: commitment.channel,
        line: commitment.line,
        commitment: commitment.commitment,
        reason,
      });
    } else promises.push(promiseRow(commitment, entry));
  }

  const places: PlaceRow[] = [];
  const placeGroups: [number, string][] = [];
  const placeServices: [number, string][] = [];
  const targets: TargetRow[] = [];
  const charterGroups: [string, string][] = [];
  const charterServices: [string, string][] = [];
  for (const charter of index.charters.values()) {
    if (charter.problem !== undefined) continue;
    for (const group of charter.groups) charterGroups.push([charter.id, group]);
    for (const service of charter.services) charterServices.push([charter.id, service]);
    for (const [channel, lookup] of charter.channels) {
      for (const [line, byCommitment] of lookup.lines) {
        for (const [commitment, place] of byCommitment) {
          const placeId = places.length;
          places.push({ placeId, charter: charter.id, channel, line, commitment });
          // A row that names no line lands on the only one.
          if (line !== '' && lookup.only === line) places.push({ placeId, charter: charter.id, channel, line: '', commitment });
          for (const group of place.groups) placeGroups.push([placeId, group]);
          for (const service of place.services) placeServices.push([placeId, service]);
          for (const [key, placeTargets] of place.targets) {
            const [group, service] = key.split('\u0000') as [string, string];
            for (const [gaveUp, ref] of [
              [0, placeTargets.answered],
              [1, placeTargets.abandoned],
            ] as const) {
              if (!('index' in ref)) continue;
              const target = index.targets[ref.index] as RowTarget;
              targets.push({
                placeId,
                group,
                service,
                gaveUp,
                withinId: target.within?.index ?? null,
                averageId: target.average?.index ?? null,
                abandonedId: target.abandoned?.index ?? null,
              });
            }
          }
        }
      }
    }
  }
  return { promises, skipped, places, placeGroups, placeServices, targets, charterGroups, charterServices };
}

function skipReason(commitment: MeasuredCommitment, entry: OfficeCalendarEntry): SkippedPromise['reason'] | undefined {
  const { unit, amount } = commitment.duration;
  if (commitment.measure === 'average' && (unit === 'month' || unit === 'year')) return 'average-in-months';
  if ((unit === 'working hour' || unit === 'same working day') && !entry.hoursFit) return 'hours-do-not-fit';
  if (unit === 'working hour' && amount > LONGEST_WORKING_HOURS_IN_SQL) return 'working-hours-too-long';
  return undefined;
}

function promiseRow(commitment: MeasuredCommitment, entry: OfficeCalendarEntry): PromiseRow {
  const { unit, amount } = commitment.duration;
  const whole = Math.ceil(amount);
  const base = {
    id: commitment.index,
    charter: commitment.charter,
    unitName: textOf(commitment.unitName, commitment.languages),
    channel: commitment.channel,
    line: commitment.line,
    commitment: commitment.commitment,
    groups: commitment.groups.join(','),
    service: commitment.service,
    measure: commitment.measure,
    within: commitment.within,
    target: commitment.target,
    calendar: entry.id,
    timeZone: entry.calendar.timeZone,
    clockMs: 0,
    whole: 0,
    days: 0,
    months: 0,
    workMs: 0,
    elapsedDivisor: 1,
    ...thresholds(commitment),
  };
  if (commitment.measure === 'abandoned') return { ...base, kind: 'none' };
  const clock = CLOCK_UNIT_MS[unit];
  if (clock !== undefined) return { ...base, kind: 'clock', clockMs: Math.trunc(amount * clock), elapsedDivisor: clock };
  switch (unit) {
    case 'immediately':
      return { ...base, kind: 'clock', clockMs: IMMEDIATELY_SECONDS * 1_000, elapsedDivisor: 1_000 };
    case 'working hour':
      return { ...base, kind: 'working_hour', workMs: amount * 3_600_000, elapsedDivisor: 3_600_000 };
    case 'same working day':
      return { ...base, kind: 'same_day', elapsedDivisor: 3_600_000 };
    case 'working day':
      return { ...base, kind: 'working_day', whole };
    case 'day':
      return { ...base, kind: 'days', days: whole };
    case 'week':
      return { ...base, kind: 'days', days: whole * 7, elapsedDivisor: 7 };
    case 'month':
      return { ...base, kind: 'months', months: whole };
    default:
      return { ...base, kind: 'months', months: whole * 12 };
  }
}

/** The status thresholds tally.ts uses, worked out here so the query compares integers. */
function thresholds(commitment: MeasuredCommitment): Pick<PromiseRow, 'targetBp' | 'closeBp' | 'limit' | 'closeLimit'> {
  const { target } = commitment;
  const limit = commitment.duration.amount;
  const closeLimit = limit * (1 + AVERAGE_CLOSE_MARGIN);
  if (commitment.measure === 'abandoned') {
    return { targetBp: Math.round(target * 10_000), closeBp: Math.round((target + CLOSE_MARGIN) * 10_000), limit, closeLimit };
  }
  return { targetBp: Math.round(target * 10_000), closeBp: Math.round((target - CLOSE_MARGIN) * 10_000), limit, closeLimit };
}

/** A text in the charter's first language. */
function textOf(text: CharterText, languages: readonly string[]): string {
  if (typeof text === 'string') return text;
  return text[languages[0] ?? ''] ?? Object.values(text)[0] ?? '';
}
