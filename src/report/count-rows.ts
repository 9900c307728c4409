import type { CommitmentIndex, MeasuredCommitment, RowTarget } from './commitment-index.js';
import { inStartOrder, RowCursor, type Duplicates, type RowStore } from './row-store.js';
import { ComplianceTally, type TallyOptions, type TallyOutcome, type TallyTransfer } from './tally.js';

/** What rows are counted against: the commitments, and what each target counts toward. */
export type CountingIndex = Pick<CommitmentIndex, 'commitments' | 'targets'>;

/** How many rows were counted, were outside --from..--to, or started after the report's instant. */
export interface Outcomes {
  measured: number;
  outsideRange: number;
  notStarted: number;
}

/** Rows of the first log's second half as counted on the thread that read them (see half-count.ts), by id in the joined store. */
export interface LaterCount {
  /** The first row counted there (the rows before it, from the half's first, share its first start: they are counted here). */
  readonly from: number;
  /** Just past the half's last row. */
  readonly end: number;
  /** The half's earliest start (Infinity without rows). */
  readonly firstStart: number;
  readonly tally: TallyTransfer;
  readonly outcomes: Outcomes;
  /** The duplicates among the rows it counted (from `from` on), found there. */
  readonly duplicates: Duplicates;
}

/**
 * Counts every good row that repeats no other, in row order. A commitment
 * whose working calendar cannot place a deadline (office hours only at
 * weekends, years of closed days) is given up at its first such row, and its
 * later rows are skipped: one failure, not one per row. Rows of `skip` are
 * not counted.
 *
 * The rows of the first half of a log read in two halves can be counted
 * while the other thread still reads the second (`countAhead`): a row
 * repeats only rows before it, so that half's duplicates are known already,
 * and the rows are counted in the same order as after reading. The second
 * half is then counted on the thread that read it, when the log is in time
 * order across the halves (`takeLater`): its tally is added after the first
 * half's, as if its rows were counted here.
 */
export class RowCounter {
  tally: ComplianceTally;
  outcomes: Outcomes = { measured: 0, outsideRange: 0, notStarted: 0 };
  /** Commitments whose calendar could not place a row (by index), with why. */
  unmeasurable: Map<number, string>;
  /** The id from which rows are still to count. */
  private countedTo = 0;
  /** The start of the last row counted ahead (-Infinity when that half had none); undefined when nothing was counted ahead. */
  private aheadLastStart: number | undefined;
  /** The duplicates among the rows counted ahead. */
  private aheadDuplicates: Duplicates | undefined;
  /** The second half as counted on the other thread, added in `countRest`. */
  private later: LaterCount | undefined;

  /** `keepsOrder`: the rows counted are the later part of a log, to be added to another tally (see ComplianceTally). */
  constructor(
    private readonly index: CountingIndex,
    private readonly options: TallyOptions,
    private readonly skip: ReadonlyMap<number, string>,
    keepsOrder = false,
  ) {
    this.tally = new ComplianceTally(index.commitments, options, keepsOrder);
    this.unmeasurable = new Map(skip);
  }

  /** Starts again from nothing (a log counted ahead was read again in one piece). */
  forgetAhead(): void {
    this.aheadLastStart = undefined;
    this.aheadDuplicates = undefined;
    this.later = undefined;
    if (this.countedTo === 0) return;
    this.tally = new ComplianceTally(this.index.commitments, this.options);
    this.outcomes = { measured: 0, outsideRange: 0, notStarted: 0 };
    this.unmeasurable = new Map(this.skip);
    this.countedTo = 0;
  }

  /**
   * Counts the rows of the first part of the logs read so far (the first
   * log's first half), before the rest is there. Only rows in time order:
   * finding the duplicates of others takes a sort, which would be done again
   * once every row is read.
   */
  countAhead(store: RowStore): void {
    if (!inStartOrder(store)) return;
    this.aheadDuplicates = store.findDuplicates();
    this.countRange(store, this.aheadDuplicates, 0, store.idLimit);
    this.countedTo = store.idLimit;
    this.aheadLastStart = store.length === 0 ? Number.NEGATIVE_INFINITY : store.startOf(store.lastRow);
  }

  /**
   * Takes the first log's second half as counted on the other thread, when
   * the log is in time order across the halves (its first start is not
   * before the last start counted ahead): none of the rows it counted can
   * then repeat a row of the first half. Otherwise its rows are counted here.
   */
  takeLater(later: LaterCount): void {
    if (this.aheadLastStart === undefined || this.aheadLastStart > later.firstStart) return;
    this.later = later;
  }

  /**
   * The duplicates of every row, from those the two threads found in their
   * halves, when the log's second half was taken and no other log follows
   * (see RowStore.joinedDuplicates); undefined otherwise: then search them.
   */
  knownDuplicates(store: RowStore): Duplicates | undefined {
    const { later, aheadDuplicates } = this;
    if (!later || !aheadDuplicates || store.idLimit !== later.end) return undefined;
    return store.joinedDuplicates(aheadDuplicates, this.countedTo, later.duplicates, later.from);
  }

  /** Counts the rows not counted yet, once every log is read. */
  countRest(store: RowStore, duplicates: Duplicates): void {
    const later = this.later;
    if (later) {
      // The rows the other thread left (they share its first start), then its tally, as if counted here in row order.
      this.countRange(store, duplicates, this.countedTo, later.from);
      this.tally.append(ComplianceTally.fromTransfer(this.index.commitments, this.options, later.tally));
      this.outcomes.measured += later.outcomes.measured;
      this.outcomes.outsideRange += later.outcomes.outsideRange;
      this.outcomes.notStarted += later.outcomes.notStarted;
      this.countedTo = later.end;
      this.later = undefined;
    }
    this.countRange(store, duplicates, this.countedTo, store.idLimit);
    this.countedTo = store.idLimit;
  }

  /** Counts the rows from id `from` up to (not including) `to`, but the duplicates. */
  countRange(store: RowStore, duplicates: Duplicates, from: number, to: number): void {
    const { index, tally, outcomes, unmeasurable } = this;
    const rows = new RowCursor(store, duplicates.rows, from, to);
    for (let row = rows.next(); row >= 0; row = rows.next()) {
      const target = index.targets[store.targetOf(row)] as RowTarget;
      if (skipped(target, unmeasurable) !== undefined) continue;
      let outcome: TallyOutcome;
      try {
        // Rows without paused time (all of them in most logs) pass no pause: the tally's fast path.
        const pause = store.pauses.size === 0 ? undefined : store.pauses.get(row);
        outcome = tally.addRow(target, store.startOf(row), store.endOf(row), pause);
      } catch (error) {
        // The promises of a row share its line's calendar: all of them are given up.
        for (const commitment of promisesOfTarget(target)) unmeasurable.set(commitment.index, error instanceof Error ? error.message : String(error));
        continue;
      }
      if (outcome === 'counted') outcomes.measured++;
      else if (outcome === 'outside-range') outcomes.outsideRange++;
      else outcomes.notStarted++;
    }
  }
}

export function promisesOfTarget(target: RowTarget): MeasuredCommitment[] {
  return [target.within, target.average, target.abandoned].filter((commitment): commitment is MeasuredCommitment => commitment !== undefined);
}

/** The first promise of a row's target that cannot be measured, if any: then the row is not counted at all. */
export function skipped(target: RowTarget, unmeasurable: ReadonlyMap<number, string>): MeasuredCommitment | undefined {
  if (unmeasurable.size === 0) return undefined;
  return promisesOfTarget(target).find((commitment) => unmeasurable.has(commitment.index));
}
