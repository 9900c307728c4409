import type { CommitmentIndex, MeasuredCommitment, RowTarget } from './commitment-index.js';
import { inStartOrder, RowCursor, type Duplicates, type RowStore } from './row-store.js';
import { ComplianceTally, type TallyOptions, type TallyOutcome } from './tally.js';

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
 * and the rows are counted in the same order as after reading.
 */
export class RowCounter {
  tally: ComplianceTally;
  outcomes = { measured: 0, outsideRange: 0, notStarted: 0 };
  /** Commitments whose calendar could not place a row (by index), with why. */
  unmeasurable: Map<number, string>;
  /** The id from which rows are still to count. */
  private countedTo = 0;

  constructor(
    private readonly index: CommitmentIndex,
    private readonly options: TallyOptions,
    private readonly skip: ReadonlyMap<number, string>,
  ) {
    this.tally = new ComplianceTally(index.commitments, options);
    this.unmeasurable = new Map(skip);
  }

  /** Starts again from nothing (a log counted ahead was read again in one piece). */
  forgetAhead(): void {
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
    this.countFrom(store, store.findDuplicates(), 0);
    this.countedTo = store.idLimit;
  }

  /** Counts the rows not counted ahead, once every log is read. */
  countRest(store: RowStore, duplicates: Duplicates): void {
    this.countFrom(store, duplicates, this.countedTo);
    this.countedTo = store.idLimit;
  }

  private countFrom(store: RowStore, duplicates: Duplicates, from: number): void {
    const { index, tally, outcomes, unmeasurable } = this;
    const rows = new RowCursor(store, duplicates.rows, from);
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
