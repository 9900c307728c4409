import type { Pause } from './pause.js';

/**
 * The good rows of the logs, kept as columns of numbers (about 30 bytes a
 * row): which commitment, start and end (NaN while open), and where the row
 * was. Rows are counted only after all logs are read, so that a duplicate
 * can be found wherever it is and counted once.
 */
const INITIAL_ROWS = 1 << 12;
/** Rows of one start compared pairwise; more are sorted. */
const SMALL_GROUP = 16;

export class RowStore {
  private size = 0;
  /** Paused time of the few rows that have it (see pause.ts), by row. */
  pauses = new Map<number, Pause>();
  commitments: Int32Array = new Int32Array(INITIAL_ROWS);
  starts: Float64Array = new Float64Array(INITIAL_ROWS);
  ends: Float64Array = new Float64Array(INITIAL_ROWS);
  files: Uint16Array = new Uint16Array(INITIAL_ROWS);
  lines: Int32Array = new Int32Array(INITIAL_ROWS);

  get length(): number {
    return this.size;
  }

  /** The columns as they are (to move to another thread; rows past `length` are unused). */
  get columns(): { commitments: Int32Array; starts: Float64Array; ends: Float64Array; files: Uint16Array; lines: Int32Array } {
    return { commitments: this.commitments, starts: this.starts, ends: this.ends, files: this.files, lines: this.lines };
  }

  static fromColumns(columns: RowStore['columns'], size: number): RowStore {
    const store = new RowStore();
    store.commitments = columns.commitments;
    store.starts = columns.starts;
    store.ends = columns.ends;
    store.files = columns.files;
    store.lines = columns.lines;
    store.size = size;
    return store;
  }

  setPause(row: number, pause: Pause): void {
    this.pauses.set(row, pause);
  }

  /** Adds another store's rows after these, moving their line numbers down by `lineShift`; the columns are sized exactly. */
  append(other: RowStore, lineShift: number): void {
    const size = this.size + other.size;
    const join = <T extends Int32Array | Float64Array | Uint16Array>(mine: T, theirs: T, make: (length: number) => T): T => {
      const joined = make(size);
      joined.set(mine.subarray(0, this.size));
      joined.set(theirs.subarray(0, other.size), this.size);
      return joined;
    };
    const lines = join(this.lines, other.lines, (length) => new Int32Array(length));
    if (lineShift !== 0) for (let row = this.size; row < size; row++) lines[row] = (lines[row] as number) + lineShift;
    this.commitments = join(this.commitments, other.commitments, (length) => new Int32Array(length));
    this.starts = join(this.starts, other.starts, (length) => new Float64Array(length));
    this.ends = join(this.ends, other.ends, (length) => new Float64Array(length));
    this.files = join(this.files, other.files, (length) => new Uint16Array(length));
    this.lines = lines;
    for (const [row, pause] of other.pauses) this.pauses.set(this.size + row, pause);
    this.size = size;
  }

  add(commitment: number, startMs: number, endMs: number, fileIndex: number, line: number): void {
    if (this.size === this.commitments.length) this.grow();
    const row = this.size++;
    this.commitments[row] = commitment;
    this.starts[row] = startMs;
    this.ends[row] = endMs;
    this.files[row] = fileIndex;
    this.lines[row] = line;
  }

  /**
   * For each row, the earliest row it repeats (same commitment, start and
   * end instants), or -1: four bytes a row however many rows repeat, where a
   * list of pairs would grow with the duplicates. Sorting by start (a radix
   * sort: linear, and memory-friendly, where a hash table of a million rows
   * is a cache miss per row) brings equal rows next to each other.
   */
  findDuplicates(): Int32Array {
    const firstOf = new Int32Array(this.size).fill(-1);
    const order = sortByStart(this.starts, this.size);
    for (let from = 0; from < this.size;) {
      let to = from + 1;
      const start = this.starts[order[from] as number] as number;
      while (to < this.size && this.starts[order[to] as number] === start) to++;
      if (to - from > 1) this.duplicatesAmong(order, from, to, firstOf);
      from = to;
    }
    return firstOf;
  }

  /** Rows order[from..to) share a start and are in row order (the sort is stable). */
  private duplicatesAmong(order: Uint32Array, from: number, to: number, firstOf: Int32Array): void {
    if (to - from <= SMALL_GROUP) {
      // A few rows: compare each with the earlier originals, the earliest equal one first.
      for (let index = from + 1; index < to; index++) {
        const row = order[index] as number;
        for (let earlier = from; earlier < index; earlier++) {
          const candidate = order[earlier] as number;
          if (firstOf[candidate] === -1 && this.compareRows(candidate, row) === 0) {
            firstOf[row] = candidate;
            break;
          }
        }
      }
      return;
    }
    // Many rows: sort them in place by commitment and end (equal keys in one pass each), then the
    // smallest row of each run of equal rows is the original and the others repeat it.
    this.sortRows(order, from, to);
    for (let run = from; run < to;) {
      let end = run + 1;
      let first = order[run] as number;
      while (end < to && this.compareRows(order[run] as number, order[end] as number) === 0) {
        first = Math.min(first, order[end] as number);
        end++;
      }
      for (let index = run; index < end; index++) if (order[index] !== first) firstOf[order[index] as number] = first;
      run = end;
    }
  }

  /**
   * Quicksort of order[from..to) by commitment and end, partitioned three
   * ways so that rows equal to the pivot are done in one pass (a log of one
   * row repeated millions of times is linear), with no memory but a stack of
   * ranges: the smaller side is sorted first, so the stack stays short.
   */
  private sortRows(order: Uint32Array, from: number, to: number): void {
    const stack: number[] = [from, to];
    while (stack.length > 0) {
      const high = stack.pop() as number;
      const low = stack.pop() as number;
      if (high - low < 2) continue;
      // A random pivot: no order of rows in a log can make this quadratic (the result does not depend on it).
      const pivot = order[low + Math.floor(Math.random() * (high - low))] as number;
      let less = low;
      let index = low;
      let greater = high;
      while (index < greater) {
        const row = order[index] as number;
        const side = this.compareRows(row, pivot);
        if (side < 0) {
          order[index++] = order[less] as number;
          order[less++] = row;
        } else if (side > 0) {
          order[index] = order[--greater] as number;
          order[greater] = row;
        } else {
          index++;
        }
      }
      // Push the larger side first: the smaller one is sorted next.
      if (less - low > high - greater) stack.push(low, less, greater, high);
      else stack.push(greater, high, low, less);
    }
  }

  /** By commitment, then end (open rows last). */
  private compareRows(a: number, b: number): number {
    const byCommitment = (this.commitments[a] as number) - (this.commitments[b] as number);
    if (byCommitment !== 0) return byCommitment;
    const endA = this.ends[a] as number;
    const endB = this.ends[b] as number;
    if (Number.isNaN(endA) || Number.isNaN(endB)) return Number.isNaN(endA) === Number.isNaN(endB) ? 0 : Number.isNaN(endA) ? 1 : -1;
    return endA - endB;
  }

  private grow(): void {
    const size = Math.max(INITIAL_ROWS, this.commitments.length * 2);
    this.commitments = grown(this.commitments, new Int32Array(size));
    this.starts = grown(this.starts, new Float64Array(size));
    this.ends = grown(this.ends, new Float64Array(size));
    this.files = grown(this.files, new Uint16Array(size));
    this.lines = grown(this.lines, new Int32Array(size));
  }
}

function grown<T extends Int32Array | Float64Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const DIGIT_BITS = 16;
const DIGIT_RADIX = 1 << DIGIT_BITS;

/**
 * Row indices ordered by start (stable: equal starts stay in row order). LSD
 * radix sort on the start's distance from the earliest start, 16 bits a pass:
 * a year of milliseconds takes three passes.
 */
export function sortByStart(starts: Float64Array, size: number): Uint32Array {
  let order = new Uint32Array(size);
  for (let row = 0; row < size; row++) order[row] = row;
  if (size < 2) return order;
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  for (let row = 0; row < size; row++) {
    const start = starts[row] as number;
    if (start < max) sorted = false;
    if (start < min) min = start;
    if (start > max) max = start;
  }
  // Logs are usually written in time order: then there is nothing to do.
  if (sorted) return order;
  let scratch = new Uint32Array(size);
  const counts = new Uint32Array(DIGIT_RADIX);
  for (let scale = 1; (max - min) / scale >= 1; scale *= DIGIT_RADIX) {
    counts.fill(0);
    for (let row = 0; row < size; row++) counts[digitOf(starts[row] as number, min, scale)]!++;
    let total = 0;
    for (let digit = 0; digit < DIGIT_RADIX; digit++) {
      const count = counts[digit] as number;
      counts[digit] = total;
      total += count;
    }
    for (let index = 0; index < size; index++) {
      const row = order[index] as number;
      scratch[counts[digitOf(starts[row] as number, min, scale)]!++] = row;
    }
    [order, scratch] = [scratch, order];
  }
  return order;
}

function digitOf(start: number, min: number, scale: number): number {
  return Math.floor((start - min) / scale) % DIGIT_RADIX;
}
