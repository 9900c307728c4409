import type { MeasuredCommitment, RowTarget } from './commitment-index.js';
import { WorkingCalendar, type WorkingCalendarOptions } from '../time/working-calendar.js';
import { RowCounter, type CountingIndex, type LaterCount } from './count-rows.js';
import { inStartOrder, type RowStore } from './row-store.js';
import type { TallyOptions } from './tally.js';

/**
 * Counting the second half of a large log on the worker thread that read it
 * (see intake.ts), while the main thread counts the first: the main thread
 * then adds this tally after its own (RowCounter.countRest), and only makes
 * the figures. Only a half in time order is counted, and only its rows after
 * those sharing its first start: in a log in time order a row of the second
 * half can repeat a row of the first only at that start, and the main thread
 * counts those few rows itself, knowing every duplicate.
 */

/** What the worker needs to count: the commitments with their calendars as plain data, and what each target counts toward. */
export interface CountRequest {
  readonly commitments: readonly PlainCommitment[];
  readonly targets: readonly PlainTarget[];
  readonly tally: TallyOptions;
}

type PlainCommitment = Omit<MeasuredCommitment, 'calendar'> & { readonly calendar: WorkingCalendarOptions };

interface PlainTarget {
  readonly within: number | undefined;
  readonly average: number | undefined;
  readonly abandoned: number | undefined;
  readonly gaveUp: boolean;
}

/** The request for an index's commitments (a commitment sharing a calendar with another shares its options object: structured cloning keeps that). */
export function countRequestOf(index: CountingIndex, tally: TallyOptions): CountRequest {
  return {
    commitments: index.commitments.map((commitment) => ({ ...commitment, calendar: commitment.calendar.options })),
    targets: index.targets.map((target) => ({
      within: target.within?.index,
      average: target.average?.index,
      abandoned: target.abandoned?.index,
      gaveUp: target.gaveUp,
    })),
    tally,
  };
}

/** The index again on this thread, each calendar built once. */
export function countingIndexOf(request: CountRequest): CountingIndex {
  const calendars = new Map<WorkingCalendarOptions, WorkingCalendar>();
  const commitments = request.commitments.map((commitment): MeasuredCommitment => {
    let calendar = calendars.get(commitment.calendar);
    if (!calendar) {
      calendar = new WorkingCalendar(commitment.calendar);
      calendars.set(commitment.calendar, calendar);
    }
    return { ...commitment, calendar };
  });
  const targets = request.targets.map((target): RowTarget => {
    return {
      ...(target.within === undefined ? {} : { within: commitments[target.within] as MeasuredCommitment }),
      ...(target.average === undefined ? {} : { average: commitments[target.average] as MeasuredCommitment }),
      ...(target.abandoned === undefined ? {} : { abandoned: commitments[target.abandoned] as MeasuredCommitment }),
      gaveUp: target.gaveUp,
    };
  });
  return { commitments, targets };
}

/** A half counted here: ids are the half's own. */
export type CountedHalf = Omit<LaterCount, 'end'>;

/**
 * Counts a half's rows after those sharing its first start, with the
 * duplicates among them. Undefined when the half is not in time order, or
 * a promise could not be measured (the main thread then counts the half as
 * before, and finds the same problem at its place).
 */
export function countHalf(store: RowStore, request: CountRequest): { counted: CountedHalf; buffers: ArrayBuffer[] } | undefined {
  if (!inStartOrder(store)) return undefined;
  const end = store.idLimit;
  let from = store.nextRow(-1);
  const firstStart = from < end ? store.startOf(from) : Number.POSITIVE_INFINITY;
  while (from < end && store.startOf(from) === firstStart) from = store.nextRow(from);
  const counter = new RowCounter(countingIndexOf(request), request.tally, new Map(), true);
  const duplicates = store.findDuplicates();
  counter.countRange(store, duplicates, from, end);
  if (counter.unmeasurable.size > 0) return undefined;
  const { data, buffers } = counter.tally.transfer();
  // The duplicates of the rows counted: the main thread joins them to the first half's (see RowStore.joinedDuplicates).
  const kept = duplicates.rows.findIndex((row) => row >= from);
  const counted =
    kept === -1 ? { rows: new Uint32Array(0), firsts: new Uint32Array(0) } : { rows: duplicates.rows.slice(kept), firsts: duplicates.firsts.slice(kept) };
  buffers.push(counted.rows.buffer, counted.firsts.buffer);
  return { counted: { from, firstStart, tally: data, outcomes: counter.outcomes, duplicates: counted }, buffers };
}
