import type { Pause } from './pause.js';

/**
 * The good rows of the logs, kept as columns of numbers in chunks of 65,536
 * rows (16 bytes a row): which commitment, the start, and the end as a
 * distance from the start. Where a row was (log and line) is kept as steps,
 * nothing a row in a log without bad rows. Rows are counted only after all
 * logs are read, so that a duplicate can be found wherever it is and counted
 * once.
 *
 * A row's id is its chunk × 65,536 + its place in the chunk. A log read in
 * two halves joins the second half's chunks as they are (no copy), so a
 * chunk may end before it is full: ids are in row order, but not every id
 * below the last is a row. Loops go chunk by chunk (see `chunkCount`).
 */
export const CHUNK_BITS = 16;
export const CHUNK_ROWS = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK_ROWS - 1;
/** Rows of one start compared pairwise; more are sorted. */
const SMALL_GROUP = 16;
/** The end, as a distance from the start: open, or too far (or not a whole number of ms) to fit, kept aside. */
const OPEN = 0xffff_ffff;
const FAR = 0xffff_fffe;

/** The store's content as it crosses from the worker thread: typed arrays (their buffers moved, not copied) and short lists. */
export interface StoreTransfer {
  readonly size: number;
  readonly fills: number[];
  readonly targets: Int32Array[];
  readonly starts: Float64Array[];
  readonly spans: Uint32Array[];
  readonly far: [number, number][];
  readonly lineSteps: [number, number][];
  readonly fileSteps: [number, number][];
  /** The rows with paused time (few: a list, not a column). */
  readonly pauses: [number, Pause][];
}

/** Rows that repeat an earlier row, in row order, each with the earliest row it repeats. */
export interface Duplicates {
  readonly rows: Uint32Array;
  readonly firsts: Uint32Array;
}

export class RowStore {
  private size = 0;
  /** Paused time of the few rows that have it (see pause.ts), by row id. */
  pauses = new Map<number, Pause>();
  private targets: Int32Array[] = [];
  private starts: Float64Array[] = [];
  private spans: Uint32Array[] = [];
  /** Rows in each chunk. */
  private fills: number[] = [];
  /** Ends that do not fit a span, by row id (in row order). */
  private far = new StepList();
  /** A row's line is its id plus the offset of the last step at or before it (a step at every bad row or line break in a field). */
  private lineSteps = new StepList();
  /** A row's log is the one of the last step at or before it. */
  private fileSteps = new StepList();

  /** How many rows. */
  get length(): number {
    return this.size;
  }

  /** Chunks of rows: chunk c holds ids c × CHUNK_ROWS up to `chunkEnd(c)`. */
  get chunkCount(): number {
    return this.fills.length;
  }

  /** The id after the last row of chunk `chunk`. */
  chunkEnd(chunk: number): number {
    return chunk * CHUNK_ROWS + (this.fills[chunk] as number);
  }

  /** Just past the last id (ids below it that are not rows are the ends of chunks not full). */
  get idLimit(): number {
    return this.fills.length === 0 ? 0 : this.chunkEnd(this.fills.length - 1);
  }

  add(target: number, startMs: number, endMs: number, fileIndex: number, line: number): void {
    let chunk = this.fills.length - 1;
    if (chunk === -1 || this.fills[chunk] === CHUNK_ROWS) {
      this.targets.push(new Int32Array(CHUNK_ROWS));
      this.starts.push(new Float64Array(CHUNK_ROWS));
      this.spans.push(new Uint32Array(CHUNK_ROWS));
      this.fills.push(0);
      chunk++;
    }
    const at = this.fills[chunk] as number;
    const row = chunk * CHUNK_ROWS + at;
    this.fills[chunk] = at + 1;
    this.size++;
    (this.targets[chunk] as Int32Array)[at] = target;
    (this.starts[chunk] as Float64Array)[at] = startMs;
    const span = endMs - startMs;
    // Logs give whole milliseconds: almost every end fits in 32 bits as a distance from its start.
    if (span >= 0 && span < FAR && Number.isInteger(span) && startMs + span === endMs) {
      (this.spans[chunk] as Uint32Array)[at] = span;
    } else if (Number.isNaN(endMs)) {
      (this.spans[chunk] as Uint32Array)[at] = OPEN;
    } else {
      (this.spans[chunk] as Uint32Array)[at] = FAR;
      this.far.push(row, endMs);
    }
    if (line - row !== this.lineSteps.lastValue) this.lineSteps.push(row, line - row);
    if (fileIndex !== this.fileSteps.lastValue) this.fileSteps.push(row, fileIndex);
  }

  setPause(row: number, pause: Pause): void {
    this.pauses.set(row, pause);
  }

  /** The id of the last row added. */
  get lastRow(): number {
    return this.idLimit - 1;
  }

  targetOf(row: number): number {
    return (this.targets[row >>> CHUNK_BITS] as Int32Array)[row & CHUNK_MASK] as number;
  }

  /** The starts of a chunk's rows, as a view (loops over every row read them so, not row by row). */
  startsIn(chunk: number): Float64Array {
    return (this.starts[chunk] as Float64Array).subarray(0, this.fills[chunk]);
  }

  startOf(row: number): number {
    return (this.starts[row >>> CHUNK_BITS] as Float64Array)[row & CHUNK_MASK] as number;
  }

  /** The end instant (epoch ms), NaN while open. */
  endOf(row: number): number {
    const span = (this.spans[row >>> CHUNK_BITS] as Uint32Array)[row & CHUNK_MASK] as number;
    if (span < FAR) return this.startOf(row) + span;
    return span === OPEN ? Number.NaN : this.far.valueAt(row);
  }

  lineOf(row: number): number {
    return row + this.lineSteps.valueAt(row);
  }

  fileOf(row: number): number {
    return this.fileSteps.valueAt(row);
  }

  /** The columns and lists, to move to another thread (see `fromTransfer`; the store is empty after). */
  transfer(): { data: StoreTransfer; buffers: ArrayBuffer[] } {
    const data: StoreTransfer = {
      size: this.size,
      fills: this.fills,
      targets: this.targets,
      starts: this.starts,
      spans: this.spans,
      far: this.far.entries(),
      lineSteps: this.lineSteps.entries(),
      fileSteps: this.fileSteps.entries(),
      pauses: [...this.pauses],
    };
    const buffers = [...this.targets, ...this.starts, ...this.spans].map((column) => column.buffer as ArrayBuffer);
    return { data, buffers };
  }

  static fromTransfer(data: StoreTransfer): RowStore {
    const store = new RowStore();
    store.size = data.size;
    store.fills = data.fills;
    store.targets = data.targets;
    store.starts = data.starts;
    store.spans = data.spans;
    for (const [row, end] of data.far) store.far.push(row, end);
    for (const [row, offset] of data.lineSteps) store.lineSteps.push(row, offset);
    for (const [row, file] of data.fileSteps) store.fileSteps.push(row, file);
    for (const [row, pause] of data.pauses) store.pauses.set(row, pause);
    return store;
  }

  /**
   * Adds another store's rows after these, moving their line numbers down by
   * `lineShift`. Its chunks are taken as they are (the other store is empty
   * after): its row ids grow by the number returned (this store's chunks × CHUNK_ROWS).
   */
  append(other: RowStore, lineShift: number): number {
    const base = this.fills.length * CHUNK_ROWS;
    this.targets.push(...other.targets);
    this.starts.push(...other.starts);
    this.spans.push(...other.spans);
    this.fills.push(...other.fills);
    this.size += other.size;
    for (const [row, end] of other.far.entries()) this.far.push(row + base, end);
    // line = id + offset: the other's ids grow by `base`, its lines by `lineShift`.
    for (const [row, offset] of other.lineSteps.entries()) this.lineSteps.push(row + base, offset + lineShift - base);
    for (const [row, file] of other.fileSteps.entries()) this.fileSteps.push(row + base, file);
    for (const [row, pause] of other.pauses) this.pauses.set(row + base, pause);
    other.clear();
    return base;
  }

  private clear(): void {
    this.size = 0;
    this.targets = [];
    this.starts = [];
    this.spans = [];
    this.fills = [];
    this.far = new StepList();
    this.lineSteps = new StepList();
    this.fileSteps = new StepList();
    this.pauses = new Map();
  }

  /**
   * The rows that repeat an earlier one (same commitment, start and end
   * instants), each with the earliest row it repeats: eight bytes a
   * duplicate, nothing for the others. Sorting by start (a radix sort:
   * linear, and memory-friendly, where a hash table of a million rows is a
   * cache miss per row; skipped when the rows are in time order already)
   * brings equal rows next to each other.
   */
  findDuplicates(): Duplicates {
    const found = new PairList();
    const order = sortByStart(this);
    if (order) {
      for (let from = 0; from < order.length;) {
        const start = this.startOf(order[from] as number);
        let to = from + 1;
        while (to < order.length && this.startOf(order[to] as number) === start) to++;
        if (to - from > 1) this.duplicatesAmong(order, from, to, found);
        from = to;
      }
      return found.sortedByRow();
    }
    // In time order already: rows of one start are next to each other (read chunk by chunk: this runs over every row).
    let first = -1;
    let count = 0;
    let last = Number.NaN;
    for (let chunk = 0; chunk < this.fills.length; chunk++) {
      const starts = this.startsIn(chunk);
      for (let at = 0; at < starts.length; at++) {
        const start = starts[at] as number;
        if (start === last) {
          count++;
          continue;
        }
        if (count > 1) this.duplicatesInGroup(first, count, found);
        first = chunk * CHUNK_ROWS + at;
        count = 1;
        last = start;
      }
    }
    if (count > 1) this.duplicatesInGroup(first, count, found);
    return found.sortedByRow();
  }

  /** The duplicates among `count` rows in a row from `first` (ids in row order), which share a start. */
  private duplicatesInGroup(first: number, count: number, found: PairList): void {
    // Two rows (most groups, in a large log): no list needed.
    if (count === 2) {
      const second = this.nextRow(first);
      if (this.compareRows(first, second) === 0) found.push(second, first);
      return;
    }
    const group = new Uint32Array(count);
    for (let index = 0, id = first; index < count; index++, id = this.nextRow(id)) group[index] = id;
    this.duplicatesAmong(group, 0, count, found);
  }

  /**
   * The duplicates of a log in time order read in two halves, from those each
   * half found on its own: the first half's rows are the ids below
   * `firstEnd`, its duplicates `first`; `second` holds the second half's
   * duplicates from id `secondFrom` on. Only the rows before that, which
   * share the second half's first start, can repeat a row of the first half:
   * they are compared here with the first half's rows of that start.
   */
  joinedDuplicates(first: Duplicates, firstEnd: number, second: Duplicates, secondFrom: number): Duplicates {
    const secondStart = this.nextRow(firstEnd - 1);
    const group: number[] = [];
    if (secondStart < secondFrom) {
      const start = this.startOf(secondStart);
      let row = firstEnd;
      while (row > 0 && this.startOf(row - 1) === start) row--;
      for (; row < firstEnd; row++) group.push(row);
      for (row = secondStart; row < secondFrom; row = this.nextRow(row)) group.push(row);
    }
    const found = new PairList();
    if (group.length > 1) this.duplicatesAmong(Uint32Array.from(group), 0, group.length, found);
    const across = found.sortedByRow();
    // The first half's rows of the group have their duplicates in `first` already.
    const from = across.rows.findIndex((row) => row >= secondStart);
    const kept = from === -1 ? across.rows.length : from;
    return {
      rows: joined(first.rows, across.rows.subarray(kept), second.rows),
      firsts: joined(first.firsts, across.firsts.subarray(kept), second.firsts),
    };
  }

  /** The id of the row after `row` (-1: the first row), or `idLimit` after the last. */
  nextRow(row: number): number {
    const next = row + 1;
    let chunk = next >>> CHUNK_BITS;
    if (chunk < this.fills.length && (next & CHUNK_MASK) < (this.fills[chunk] as number)) return next;
    // Past the rows of a chunk that is not full: on to the next chunk with rows.
    for (chunk = (next & CHUNK_MASK) === 0 ? chunk : chunk + 1; chunk < this.fills.length; chunk++)
      if ((this.fills[chunk] as number) > 0) return chunk * CHUNK_ROWS;
    return this.idLimit;
  }

  /** Rows order[from..to) share a start and are in row order (the sort is stable). */
  private duplicatesAmong(order: Uint32Array, from: number, to: number, found: PairList): void {
    if (to - from <= SMALL_GROUP) {
      // A few rows: compare each with the earlier originals, the earliest equal one first.
      const repeats = new Uint8Array(to - from);
      for (let index = from + 1; index < to; index++) {
        const row = order[index] as number;
        for (let earlier = from; earlier < index; earlier++) {
          const candidate = order[earlier] as number;
          if (repeats[earlier - from] === 0 && this.compareRows(candidate, row) === 0) {
            repeats[index - from] = 1;
            found.push(row, candidate);
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
      for (let index = run; index < end; index++) if (order[index] !== first) found.push(order[index] as number, first);
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
    const byCommitment = this.targetOf(a) - this.targetOf(b);
    if (byCommitment !== 0) return byCommitment;
    const endA = this.endOf(a);
    const endB = this.endOf(b);
    if (Number.isNaN(endA) || Number.isNaN(endB)) return Number.isNaN(endA) === Number.isNaN(endB) ? 0 : Number.isNaN(endA) ? 1 : -1;
    return endA - endB;
  }
}

/** The rows of a store in order from id `from` up to `limit`, but those of `skip` (ids in row order): `next()` gives the next id, or -1 after the last. */
export class RowCursor {
  private row: number;
  private skipped = 0;
  private readonly limit: number;

  constructor(
    private readonly store: RowStore,
    private readonly skip: Uint32Array,
    from = 0,
    limit = store.idLimit,
  ) {
    this.limit = limit;
    this.row = from - 1;
    while (this.skipped < skip.length && (skip[this.skipped] as number) < from) this.skipped++;
  }

  next(): number {
    for (;;) {
      const row = this.store.nextRow(this.row);
      if (row >= this.limit) return -1;
      this.row = row;
      if (this.skipped < this.skip.length && this.skip[this.skipped] === row) {
        this.skipped++;
        continue;
      }
      return row;
    }
  }
}

/** A growing list of (row id, value) pairs: duplicates as found, with the row each repeats. */
class PairList {
  protected rows: Float64Array = new Float64Array(16);
  protected values: Float64Array = new Float64Array(16);
  protected count = 0;

  push(row: number, value: number): void {
    if (this.count === this.rows.length) {
      this.rows = grown(this.rows, new Float64Array(this.count * 2));
      this.values = grown(this.values, new Float64Array(this.count * 2));
    }
    this.rows[this.count] = row;
    this.values[this.count++] = value;
  }

  /** The pairs as duplicates: sorted by row (they are found in start order). */
  sortedByRow(): Duplicates {
    const rows = this.rows.subarray(0, this.count);
    let inOrder = true;
    for (let index = 1; index < this.count && inOrder; index++) inOrder = (rows[index - 1] as number) < (rows[index] as number);
    const order = new Uint32Array(this.count);
    for (let index = 0; index < this.count; index++) order[index] = index;
    if (!inOrder) order.sort((a, b) => (rows[a] as number) - (rows[b] as number));
    return { rows: order.map((index) => rows[index] as number), firsts: order.map((index) => this.values[index] as number) };
  }
}

/** Pairs pushed in row order, looked up by the last at or before a row. */
class StepList extends PairList {
  /** The last value pushed (NaN while empty). */
  get lastValue(): number {
    return this.count === 0 ? Number.NaN : (this.values[this.count - 1] as number);
  }

  /** The value of the last pair at or before `row` (binary search). */
  valueAt(row: number): number {
    let low = 0;
    let high = this.count - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.rows[middle] as number) <= row) low = middle;
      else high = middle - 1;
    }
    return this.values[low] as number;
  }

  entries(): [number, number][] {
    return Array.from({ length: this.count }, (_, index) => [this.rows[index] as number, this.values[index] as number]);
  }
}

function joined(...parts: Uint32Array[]): Uint32Array {
  const all = new Uint32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

function grown(from: Float64Array, to: Float64Array): Float64Array {
  to.set(from);
  return to;
}

const DIGIT_BITS = 16;
const DIGIT_RADIX = 1 << DIGIT_BITS;

/** Whether the rows are in time order (by start), as logs usually are. */
export function inStartOrder(store: RowStore): boolean {
  let last = -Infinity;
  for (let chunk = 0; chunk < store.chunkCount; chunk++) {
    const starts = store.startsIn(chunk);
    for (let at = 0; at < starts.length; at++) {
      const start = starts[at] as number;
      if (start < last) return false;
      last = start;
    }
  }
  return true;
}

/**
 * Row ids ordered by start (stable: equal starts stay in row order), or
 * undefined when the rows are in that order already (logs are usually written
 * in time order). LSD radix sort on the start's distance from the earliest
 * start, 16 bits a pass: a year of milliseconds takes three passes.
 */
export function sortByStart(store: RowStore): Uint32Array | undefined {
  const size = store.length;
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  for (let chunk = 0; chunk < store.chunkCount; chunk++) {
    const starts = store.startsIn(chunk);
    for (let at = 0; at < starts.length; at++) {
      const start = starts[at] as number;
      if (start < max) sorted = false;
      if (start < min) min = start;
      if (start > max) max = start;
    }
  }
  if (sorted) return undefined;
  // The starts in one array, sorted by place (0 to size - 1): the sort reads them in random order, which
  // over a store's many chunks costs a TLB miss a read (three times the time, at ten million rows).
  const starts = new Float64Array(size);
  let order = new Uint32Array(size);
  let filled = 0;
  for (let chunk = 0; chunk < store.chunkCount; chunk++) {
    const chunkStarts = store.startsIn(chunk);
    starts.set(chunkStarts, filled);
    filled += chunkStarts.length;
  }
  for (let place = 0; place < size; place++) order[place] = place;
  let scratch = new Uint32Array(size);
  const counts = new Uint32Array(DIGIT_RADIX);
  for (let scale = 1; (max - min) / scale >= 1; scale *= DIGIT_RADIX) {
    counts.fill(0);
    for (let index = 0; index < size; index++) counts[digitOf(starts[order[index] as number] as number, min, scale)]!++;
    let total = 0;
    for (let digit = 0; digit < DIGIT_RADIX; digit++) {
      const count = counts[digit] as number;
      counts[digit] = total;
      total += count;
    }
    for (let index = 0; index < size; index++) {
      const place = order[index] as number;
      scratch[counts[digitOf(starts[place] as number, min, scale)]!++] = place;
    }
    [order, scratch] = [scratch, order];
  }
  // Places back to row ids (the scratch array is free for the table).
  const ids = scratch;
  filled = 0;
  for (let chunk = 0; chunk < store.chunkCount; chunk++) for (let row = chunk * CHUNK_ROWS, end = store.chunkEnd(chunk); row < end; row++) ids[filled++] = row;
  for (let index = 0; index < size; index++) order[index] = ids[order[index] as number] as number;
  return order;
}

function digitOf(start: number, min: number, scale: number): number {
  return Math.floor((start - min) / scale) % DIGIT_RADIX;
}
