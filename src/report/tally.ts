import { measuredUnit, type DurationUnit } from '../time/duration.js';
import { pausedAmount, pausedDeadlineMs, pausedInUnit, type Pause } from './pause.js';
import type { MeasuredCommitment, RowTarget } from './commitment-index.js';
import {
  AVERAGE_CLOSE_MARGIN,
  CLOSE_MARGIN,
  type CommitmentFigures,
  type ComplianceStatus,
  type Figures,
  type MonthFigures,
} from '../model/compliance-report.js';

/**
 * Counts each row against its commitment, as a whole and by month, and turns
 * the counts into figures. Only one number is kept per closed row (the time
 * taken, in its month: the total's median is taken over its months' times),
 * so memory grows by 8 bytes a row at most.
 */
export interface TallyOptions {
  /** Open rows are judged at this instant (epoch ms). */
  readonly asOfMs: number;
  /** First and last day counted (YYYY-MM-DD, the office's local date of the start), inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export type TallyOutcome = 'counted' | 'outside-range' | 'not-started';

/** A tally as it crosses from the worker thread: counts, and times as typed arrays (their buffers moved, not copied). */
export interface TallyTransfer {
  /** By commitment. */
  readonly totals: AccumulatorData[];
  /** By commitment: [month index, counts]. */
  readonly months: [number, AccumulatorData][][];
}

export class ComplianceTally {
  private readonly totals: Accumulator[];
  /** Per commitment: month index (year × 12 + month − 1) → counts. */
  private readonly monthly: Map<number, Accumulator>[];
  private readonly memos: DayMemo[];
  private readonly fromDay: number;
  private readonly toDay: number;

  /**
   * `keepsOrder`: for a tally of the later rows of a log (counted on the
   * worker thread), also keep each average's times in row order, so that
   * `append` can add them to the earlier rows' sum one by one.
   */
  constructor(
    private readonly commitments: readonly MeasuredCommitment[],
    private readonly options: TallyOptions,
    keepsOrder = false,
  ) {
    // A total keeps no times of its own: its rows' times are in its months (an average's total keeps their order, see above).
    this.totals = commitments.map((commitment) => new Accumulator(keepsOrder && commitment.measure === 'average'));
    this.memos = commitments.map(() => ({ day: Number.NaN, monthAccumulator: undefined, dayDeadline: undefined }));
    this.monthly = commitments.map(() => new Map<number, Accumulator>());
    this.fromDay = options.from === undefined ? -Infinity : dayNumberOf(options.from);
    this.toDay = options.to === undefined ? Infinity : dayNumberOf(options.to);
  }

  /**
   * Counts one good row toward every promise of its target. `endMs` is NaN
   * while the contact is open; an end after `asOf` counts as open (the report
   * is as of that instant). A row given up (`outcome=abandoned`) was never
   * answered: for a time limit it is open for ever (missed once the deadline
   * passed), the average leaves it out, the abandonment rate counts it.
   */
  addRow(target: RowTarget, startMs: number, endMs: number, pause?: Pause): TallyOutcome {
    let outcome: TallyOutcome | undefined;
    const end = target.gaveUp ? Number.NaN : endMs;
    if (target.within) outcome = this.add(target.within, startMs, end, pause);
    if (target.average) {
      const counted = target.gaveUp ? this.place(target.average, startMs) : this.add(target.average, startMs, end, pause);
      outcome ??= counted;
    }
    if (target.abandoned) {
      const counted = this.addAbandonment(target.abandoned, startMs, endMs, target.gaveUp);
      outcome ??= counted;
    }
    return outcome ?? 'counted';
  }

  /** Counts one row against a time limit (`within`, and the rows of an `average`); `pause`: its stopped clock (see pause.ts). */
  add(commitment: MeasuredCommitment, startMs: number, endMs: number, pause?: Pause): TallyOutcome {
    const placed = this.place(commitment, startMs);
    if (placed !== 'counted') return placed;
    const memo = this.memos[commitment.index] as DayMemo;
    const monthAccumulator = memo.monthAccumulator as Accumulator;
    const total = this.totals[commitment.index] as Accumulator;
    const { asOfMs } = this.options;
    const calendar = commitment.calendar;
    const { duration } = commitment;
    const deadline = memo.dayDeadline ?? calendar.deadlineMs(startMs, duration);
    if (pause !== undefined) {
      this.addPaused(commitment, startMs, endMs, deadline, pause, total, monthAccumulator);
      return 'counted';
    }
    if (endMs <= asOfMs) {
      const taken = calendar.elapsedMs(startMs, endMs, duration.unit);
      const met = endMs <= deadline;
      total.close(met, taken);
      monthAccumulator.close(met, taken);
    } else if (asOfMs > deadline) {
      total.missed++;
      monthAccumulator.missed++;
    } else {
      total.pending++;
      monthAccumulator.pending++;
    }
    return 'counted';
  }

  /** A row with paused time: its deadline moves later, and its time taken is shorter, by the time paused. */
  private addPaused(commitment: MeasuredCommitment, startMs: number, endMs: number, deadline: number, pause: Pause, ...accumulators: Accumulator[]): void {
    const { asOfMs } = this.options;
    const { calendar, duration } = commitment;
    const closed = endMs <= asOfMs;
    const amount = pausedAmount(calendar, duration.unit, startMs, closed ? endMs : asOfMs, pause);
    const due = pausedDeadlineMs(calendar, duration, deadline, amount);
    const taken = closed ? Math.max(0, calendar.elapsedMs(startMs, endMs, duration.unit) - pausedInUnit(duration.unit, amount)) : 0;
    for (const accumulator of accumulators) {
      accumulator.paused++;
      if (closed) accumulator.close(endMs <= due, taken);
      else if (asOfMs > due) accumulator.missed++;
      else accumulator.pending++;
    }
  }

  /** Whether a row is in the report's range, and its day's memo set (for counting it). */
  private place(commitment: MeasuredCommitment, startMs: number): TallyOutcome {
    if (startMs > this.options.asOfMs) return 'not-started';
    const calendar = commitment.calendar;
    const day = calendar.localDayOfMs(startMs);
    if (day < this.fromDay || day > this.toDay) return 'outside-range';
    // Rows of one commitment mostly come day by day: what depends only on the
    // start day (the month, and a deadline counted in days) is kept from the last row.
    const memo = this.memos[commitment.index] as DayMemo;
    if (memo.day !== day) this.startDay(memo, commitment, day, startMs);
    return 'counted';
  }

  /** Counts a row toward an abandonment rate: answered (`met`), given up (`missed`) or still open (`pending`). */
  private addAbandonment(commitment: MeasuredCommitment, startMs: number, endMs: number, gaveUp: boolean): TallyOutcome {
    const placed = this.place(commitment, startMs);
    if (placed !== 'counted') return placed;
    const memo = this.memos[commitment.index] as DayMemo;
    for (const accumulator of [this.totals[commitment.index] as Accumulator, memo.monthAccumulator as Accumulator]) {
      if (gaveUp) accumulator.missed++;
      else if (endMs <= this.options.asOfMs) accumulator.met++;
      else accumulator.pending++;
    }
    return 'counted';
  }

  private startDay(memo: DayMemo, commitment: MeasuredCommitment, day: number, startMs: number): void {
    const month = commitment.calendar.monthIndexOfDay(day);
    const byMonth = this.monthly[commitment.index] as Map<number, Accumulator>;
    let accumulator = byMonth.get(month);
    if (!accumulator) {
      accumulator = new Accumulator();
      byMonth.set(month, accumulator);
    }
    memo.day = day;
    memo.monthAccumulator = accumulator;
    memo.dayDeadline =
      commitment.measure !== 'abandoned' && DAY_UNITS.has(commitment.duration.unit) ? commitment.calendar.deadlineMs(startMs, commitment.duration) : undefined;
  }

  /** The counts and times, to move to another thread (see `fromTransfer`). */
  transfer(): { data: TallyTransfer; buffers: ArrayBuffer[] } {
    const data: TallyTransfer = {
      totals: this.totals.map((total) => total.data()),
      months: this.monthly.map((byMonth) => [...byMonth].map(([month, accumulator]): [number, AccumulatorData] => [month, accumulator.data()])),
    };
    const buffers = [...data.totals, ...data.months.flatMap((months) => months.map(([, counts]) => counts))].flatMap(
      (counts) => counts.times?.map((times) => times.buffer as ArrayBuffer) ?? [],
    );
    return { data, buffers };
  }

  static fromTransfer(commitments: readonly MeasuredCommitment[], options: TallyOptions, data: TallyTransfer): ComplianceTally {
    const tally = new ComplianceTally(commitments, options);
    data.totals.forEach((counts, index) => (tally.totals[index] = Accumulator.of(counts)));
    data.months.forEach((months, index) => (tally.monthly[index] = new Map(months.map(([month, counts]) => [month, Accumulator.of(counts)]))));
    return tally;
  }

  /**
   * Adds the counts of `later`, a tally of the rows after this one's (made
   * with `keepsOrder`): the same figures as counting all the rows here. Sums
   * take the later times one by one in row order, so that means are the same
   * to the last bit.
   */
  append(later: ComplianceTally): void {
    this.commitments.forEach((commitment) => {
      const index = commitment.index;
      (this.totals[index] as Accumulator).append(later.totals[index] as Accumulator);
      const byMonth = this.monthly[index] as Map<number, Accumulator>;
      for (const [month, counts] of later.monthly[index] as Map<number, Accumulator>) {
        // Into this tally's own accumulator where it has one: its day memos may still point to it.
        let accumulator = byMonth.get(month);
        if (!accumulator) {
          accumulator = new Accumulator();
          byMonth.set(month, accumulator);
        }
        accumulator.append(counts);
      }
    });
  }

  /** The first and last month with counted rows (YYYY-MM), if any. */
  observedMonths(): { first: string; last: string } | undefined {
    let first = Infinity;
    let last = -Infinity;
    for (const byMonth of this.monthly) {
      for (const month of byMonth.keys()) {
        first = Math.min(first, month);
        last = Math.max(last, month);
      }
    }
    return first <= last ? { first: monthText(first), last: monthText(last) } : undefined;
  }

  /** Figures of every commitment, for the whole range and for each of `months`. */
  figures(months: readonly string[]): CommitmentFigures[] {
    return this.commitments.map((commitment) => {
      const byMonth = this.monthly[commitment.index] as Map<number, Accumulator>;
      const total = this.totals[commitment.index] as Accumulator;
      // Every closed row's time in one array, month after month: each month's figures are taken over its own
      // part (selection reorders only that part), then the total's over all of it.
      const times = closedTimes([...byMonth.values()]);
      const parts = new Map<Accumulator, Float64Array>();
      let at = 0;
      for (const accumulator of byMonth.values()) {
        parts.set(accumulator, times.subarray(at, at + accumulator.closedCount));
        at += accumulator.closedCount;
      }
      const monthFigures = months.map((month): MonthFigures => {
        const accumulator = byMonth.get(monthIndexOf(month)) ?? EMPTY;
        return { month, ...figuresOf(accumulator, parts.get(accumulator) ?? NO_TIMES, commitment, total.paused > 0) };
      });
      return {
        charter: commitment.charter,
        file: commitment.file,
        unitName: commitment.unitName,
        languages: commitment.languages,
        channel: commitment.channel,
        commitment: commitment.commitment,
        commitmentName: commitment.commitmentName,
        line: commitment.line,
        lineName: commitment.lineName,
        groups: commitment.groups,
        groupNames: commitment.groupNames,
        service: commitment.service,
        serviceName: commitment.serviceName,
        measure: commitment.measure,
        within: commitment.within,
        unit: measuredUnit(commitment.duration.unit),
        target: commitment.target,
        // `paused` is said only for a promise with paused rows: logs without a stopped clock give the figures they always did.
        total: figuresOf(total, times, commitment, total.paused > 0),
        months: monthFigures,
      };
    });
  }
}

/** Units whose deadline depends only on the day a contact starts. */
const DAY_UNITS: ReadonlySet<DurationUnit> = new Set(['working day', 'day', 'week', 'month', 'year']);

/** The last start day seen for a commitment, and what follows from it. */
interface DayMemo {
  day: number;
  monthAccumulator: Accumulator | undefined;
  dayDeadline: number | undefined;
}

/** YYYY-MM-DD as days since 1970-01-01. */
function dayNumberOf(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/** YYYY-MM as year × 12 + month − 1, and back. */
function monthIndexOf(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Closed rows' times are kept in blocks of this many (64 KB): a month's list grows without copying, and wastes at most one block. */
const TIME_BLOCK = 8192;

/** An accumulator's counts as they cross threads; `times` in row order, undefined when it keeps none. */
interface AccumulatorData {
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly paused: number;
  readonly sum: number;
  readonly closed: number;
  readonly times: Float64Array[] | undefined;
}

class Accumulator {
  met = 0;
  missed = 0;
  pending = 0;
  /** Rows with paused time. */
  paused = 0;
  /**
   * Times taken, summed in the order the rows come (the mean is the same to
   * the last bit as summing them afterwards). NaN once rows whose times were
   * not kept are appended: only an average's mean is ever read, and its
   * times are kept (see ComplianceTally's `keepsOrder`).
   */
  private sum = 0;
  private closed = 0;
  /** Blocks of times in row order (a block from another thread may be shorter), and the one being filled (none for a commitment's total: its times are its months'). */
  private readonly blocks: Float64Array[] = [];
  private times: Float64Array | undefined;
  private filled = 0;

  constructor(private readonly keepsTimes = true) {
    if (keepsTimes) this.times = new Float64Array(16);
  }

  /** An accumulator with the counts and times of `data` (see `data()`). */
  static of(data: AccumulatorData): Accumulator {
    const accumulator = new Accumulator(data.times !== undefined);
    accumulator.met = data.met;
    accumulator.missed = data.missed;
    accumulator.pending = data.pending;
    accumulator.paused = data.paused;
    accumulator.sum = data.sum;
    accumulator.closed = data.closed;
    if (data.times) accumulator.blocks.push(...data.times);
    return accumulator;
  }

  /** The counts, and the times in row order (views of the blocks, not copies). */
  data(): AccumulatorData {
    const { met, missed, pending, paused, sum, closed } = this;
    return { met, missed, pending, paused, sum, closed, times: this.keepsTimes ? this.timeBlocks() : undefined };
  }

  /** Adds the counts and times of the rows after these (see ComplianceTally.append). */
  append(later: Accumulator): void {
    if (this.keepsTimes && !later.keepsTimes) throw new Error('cannot append counts without their times');
    this.met += later.met;
    this.missed += later.missed;
    this.pending += later.pending;
    this.paused += later.paused;
    if (later.keepsTimes) {
      // One by one, in row order: the same additions as closing those rows here.
      let sum = this.sum;
      for (const block of later.timeBlocks()) for (let index = 0; index < block.length; index++) sum += block[index] as number;
      this.sum = sum;
    } else if (later.closed > 0) {
      this.sum = Number.NaN;
    }
    this.closed += later.closed;
    // Selection does not care about order: the later blocks go in as they are.
    if (this.keepsTimes) this.blocks.push(...later.timeBlocks());
  }

  /** The times in row order, block by block. */
  private timeBlocks(): Float64Array[] {
    return this.times ? [...this.blocks, this.times.subarray(0, this.filled)] : [];
  }

  close(met: boolean, taken: number): void {
    if (met) this.met++;
    else this.missed++;
    this.sum += taken;
    this.closed++;
    if (!this.keepsTimes) return;
    let times = this.times as Float64Array;
    if (this.filled === times.length) times = this.grow(times);
    times[this.filled++] = taken;
  }

  /** Doubles the block being filled up to TIME_BLOCK, then starts another. */
  private grow(times: Float64Array): Float64Array {
    let next: Float64Array;
    if (times.length < TIME_BLOCK) {
      next = new Float64Array(times.length * 2);
      next.set(times);
    } else {
      this.blocks.push(times);
      next = new Float64Array(TIME_BLOCK);
      this.filled = 0;
    }
    this.times = next;
    return next;
  }

  /** How many closed rows. */
  get closedCount(): number {
    return this.closed;
  }

  /** Copies the times taken into `into` from `at`; returns the place after them. */
  copyTimes(into: Float64Array, at: number): number {
    let place = at;
    for (const block of this.blocks) {
      into.set(block, place);
      place += block.length;
    }
    if (this.times) into.set(this.times.subarray(0, this.filled), place);
    return place + this.filled;
  }

  /** The mean time taken by closed rows, or null without any. */
  mean(): number | null {
    return this.closed === 0 ? null : this.sum / this.closed;
  }
}

/** The times taken of the closed rows of some accumulators, in one array (in no particular order: selection reorders it). */
function closedTimes(accumulators: readonly Accumulator[]): Float64Array {
  let count = 0;
  for (const accumulator of accumulators) count += accumulator.closedCount;
  const times = new Float64Array(count);
  let at = 0;
  for (const accumulator of accumulators) at = accumulator.copyTimes(times, at);
  return times;
}

const EMPTY = new Accumulator();
const NO_TIMES = new Float64Array(0);

/** The share met decides the status; pending rows are not decided yet and do not count. */
export function statusOf(shareMet: number | null, target: number): ComplianceStatus {
  if (shareMet === null) return 'no-data';
  // Compare in whole hundredths of a percent, so that 0.9 - 0.05 is exactly 85%.
  const share = Math.round(shareMet * 10_000);
  if (share >= Math.round(target * 10_000)) return 'met';
  if (share >= Math.round((target - CLOSE_MARGIN) * 10_000)) return 'close';
  return 'missed';
}

function figuresOf(
  accumulator: Accumulator,
  times: Float64Array,
  commitment: Pick<MeasuredCommitment, 'measure' | 'target' | 'duration'>,
  withPaused: boolean,
): Figures {
  const { measure, target } = commitment;
  const count = accumulator.met + accumulator.missed + accumulator.pending;
  const base = { count, met: accumulator.met, missed: accumulator.missed, pending: accumulator.pending };
  if (measure === 'abandoned') {
    const abandonedShare = count === 0 ? null : accumulator.missed / count;
    return {
      ...base,
      shareMet: null,
      status: abandonmentStatusOf(abandonedShare, target),
      median: null,
      p90: null,
      abandoned: accumulator.missed,
      abandonedShare,
    };
  }
  const decided = accumulator.met + accumulator.missed;
  const shareMet = decided === 0 ? null : accumulator.met / decided;
  const mean = measure === 'average' ? accumulator.mean() : undefined;
  // The median first: the 90th percentile is then selected among the upper half only (see percentile).
  const figures = { median: median(times), p90: percentile(times, 0.9, true), ...(withPaused ? { paused: accumulator.paused } : {}) };
  if (mean !== undefined) {
    const rounded = mean === null ? null : roundTime(mean);
    return { ...base, shareMet: null, status: averageStatusOf(rounded, commitment.duration.amount), ...figures, mean: rounded };
  }
  return { ...base, shareMet, status: statusOf(shareMet, target), ...figures };
}

/** An average is met at or under its limit, close up to 10% over it (AVERAGE_CLOSE_MARGIN). */
export function averageStatusOf(mean: number | null, limit: number): ComplianceStatus {
  if (mean === null) return 'no-data';
  if (mean <= limit) return 'met';
  if (mean <= limit * (1 + AVERAGE_CLOSE_MARGIN)) return 'close';
  return 'missed';
}

/** An abandonment rate is met at or under `atMost`, close up to 5 percentage points over it. */
export function abandonmentStatusOf(share: number | null, atMost: number): ComplianceStatus {
  if (share === null) return 'no-data';
  const value = Math.round(share * 10_000);
  if (value <= Math.round(atMost * 10_000)) return 'met';
  if (value <= Math.round((atMost + CLOSE_MARGIN) * 10_000)) return 'close';
  return 'missed';
}

/** The middle value, or the mean of the two middle values; rounded to hundredths of the unit. Reorders `values`. */
export function median(values: Float64Array): number | null {
  const n = values.length;
  if (n === 0) return null;
  const middle = n >> 1;
  const upper = selectNth(values, middle);
  if (n % 2 === 1) return roundTime(upper);
  // After selection everything left of `middle` is at most `upper`: the lower middle is their maximum.
  let lower = values[0] as number;
  for (let index = 1; index < middle; index++) lower = Math.max(lower, values[index] as number);
  return roundTime((lower + upper) / 2);
}

/**
 * Nearest rank: the smallest value with at least `fraction` of the values at
 * or below it. Reorders `values`. `afterMedian`: `median` has just been
 * taken over these values, so they are split at the middle already: a rank
 * at or above it is selected among the upper half only (the same value).
 */
export function percentile(values: Float64Array, fraction: number, afterMedian = false): number | null {
  const n = values.length;
  if (n === 0) return null;
  const nth = Math.max(1, Math.ceil(fraction * n)) - 1;
  const middle = n >> 1;
  return roundTime(selectNth(values, nth, afterMedian && nth >= middle ? middle : 0));
}

/**
 * The value that would be at `nth` if `values` were sorted (quickselect:
 * linear on average, where sorting a million times would dominate the report).
 * Partially orders `values` around it: every value before `nth` is at most
 * it, every value after at least. `from`: the values before it are known to
 * be at most every value from it on (nth at or after it).
 */
export function selectNth(values: Float64Array, nth: number, from = 0): number {
  let left = from;
  let right = values.length - 1;
  while (right > left) {
    const middle = (left + right) >> 1;
    // Median of three as the pivot, so sorted or constant input stays linear.
    const a = values[left] as number;
    const b = values[middle] as number;
    const c = values[right] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (nth <= j) right = j;
    else if (nth >= i) left = i;
    else break;
  }
  return values[nth] as number;
}

function roundTime(value: number): number {
  return Math.round(value * 100) / 100;
}
