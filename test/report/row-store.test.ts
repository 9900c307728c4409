import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, RowCursor, RowStore, sortByStart } from '../../src/report/row-store.js';
import { seededRandom } from '../helpers.js';

/** For each row of a store without gaps, the row it repeats, or -1 (the form the store used to give). */
function firstOfEach(store: RowStore): number[] {
  const firstOf = Array.from({ length: store.idLimit }, () => -1);
  const { rows, firsts } = store.findDuplicates();
  rows.forEach((row, index) => (firstOf[row] = firsts[index] as number));
  return firstOf;
}

describe('RowStore.findDuplicates', () => {
  it('finds rows with the same commitment, start and end as an earlier row, wherever they are', () => {
    const store = new RowStore();
    store.add(0, 1_000, 2_000, 0, 2);
    store.add(0, 5_000, Number.NaN, 0, 3);
    store.add(1, 1_000, 2_000, 0, 4); // another commitment
    store.add(0, 1_000, 3_000, 0, 5); // another end
    store.add(0, 1_000, 2_000, 1, 2); // repeats row 0
    store.add(0, 5_000, Number.NaN, 1, 3); // repeats row 1 (both open)
    store.add(0, 1_000, 2_000, 1, 9); // repeats row 0 again
    expect(firstOfEach(store)).toEqual([-1, -1, -1, -1, 0, 1, 0]);
  });

  it('finds the same originals in large groups of one start as a pairwise comparison does', () => {
    const store = new RowStore();
    let seed = 5;
    const random = (range: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * range);
    };
    for (let row = 0; row < 3_000; row++) {
      const end = random(4);
      store.add(random(3), 1_000 * random(3), end === 3 ? Number.NaN : 2_000 + end, 0, row + 2);
    }
    const expected = Array.from({ length: store.length }, (_, row) => {
      for (let earlier = 0; earlier < row; earlier++) {
        const sameEnd = Object.is(store.endOf(earlier), store.endOf(row));
        if (store.targetOf(earlier) === store.targetOf(row) && store.startOf(earlier) === store.startOf(row) && sameEnd) return earlier;
      }
      return -1;
    });
    expect(firstOfEach(store)).toEqual(expected);
  });

  it('finds the same in a log in time order (no sort), pairs of one start and chunk ends included', () => {
    const store = new RowStore();
    const random = seededRandom(8);
    // Groups of one to four rows per start, some repeating, over two chunks.
    for (let start = 0, row = 0; row < CHUNK_ROWS + 5_000; start += 1_000) {
      for (let size = 1 + Math.floor(random() * 4); size > 0; size--, row++) {
        const end = Math.floor(random() * 3);
        store.add(Math.floor(random() * 2), start, end === 2 ? Number.NaN : start + 10 * end, 0, row + 2);
      }
    }
    // The earliest equal row of the same start is the original.
    const expected = Array.from({ length: store.length }, (_, row) => {
      let earlier = row;
      while (earlier > 0 && store.startOf(earlier - 1) === store.startOf(row)) earlier--;
      for (; earlier < row; earlier++) if (store.targetOf(earlier) === store.targetOf(row) && Object.is(store.endOf(earlier), store.endOf(row))) return earlier;
      return -1;
    });
    expect(expected.filter((first) => first >= 0).length).toBeGreaterThan(10_000);
    expect(firstOfEach(store)).toEqual(expected);
  });

  it('marks a million copies of one row in one pass, across chunks, in eight bytes a copy', () => {
    const store = new RowStore();
    for (let row = 0; row < 1_000_000; row++) store.add(2, 5_000, 9_000, 0, row + 2);
    store.add(2, 5_000, Number.NaN, 0, 1_000_002);
    const { rows, firsts } = store.findDuplicates();
    expect(rows).toBeInstanceOf(Uint32Array);
    expect(rows).toHaveLength(999_999);
    expect(rows[0]).toBe(1);
    expect(rows[rows.length - 1]).toBe(999_999);
    expect(firsts.every((first) => first === 0)).toBe(true);
  });

  it('stays exact over many rows, in any order, across the 16-bit digits of the sort', () => {
    const store = new RowStore();
    const base = Date.UTC(2026, 0, 1);
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const originals: number[] = [];
    for (let row = 0; row < 20_000; row++) {
      const start = base + Math.floor(random() * 365 * 86_400) * 1000;
      originals.push(start);
      store.add(row % 5, start, start + 30_000, 0, row + 2);
    }
    for (let copy = 0; copy < 20_000; copy += 101) store.add(copy % 5, originals[copy] as number, (originals[copy] as number) + 30_000, 1, copy + 2);
    const duplicates = firstOfEach(store)
      .map((first, row) => [row, first] as const)
      .filter(([, first]) => first >= 0);
    expect(duplicates).toHaveLength(199);
    expect(duplicates.every(([row, first]) => row >= 20_000 && store.lineOf(row) === store.lineOf(first))).toBe(true);
    expect(duplicates.every(([row, first]) => store.fileOf(row) === 1 && store.fileOf(first) === 0)).toBe(true);
  });
});

describe('RowStore.joinedDuplicates', () => {
  it('gives the duplicates of two halves in time order from those each found, comparing only the rows of the start they share', () => {
    const random = seededRandom(21);
    for (const shared of [0, 1, 3, 40]) {
      const first = new RowStore();
      const second = new RowStore();
      // Starts in time order; the last `shared` rows of the first half and the first of the second share one start.
      for (let row = 0; row < CHUNK_ROWS + 10; row++) first.add(row % 3, Math.floor(row / 2) * 1_000, 5_000 + (row % 2), 0, row + 2);
      const start = first.startOf(first.lastRow) + (shared === 0 ? 1_000 : 0);
      for (let row = 0; row < shared; row++) second.add(Math.floor(random() * 3), start, 5_000 + Math.floor(random() * 2), 0, row + 9);
      for (let row = 0; row < 500; row++) second.add(row % 3, start + 1_000 + Math.floor(row / 3) * 1_000, 5_000, 0, row + 99);
      const firstDuplicates = first.findDuplicates();
      const secondDuplicates = second.findDuplicates();
      let from = 0;
      while (from < second.length && second.startOf(from) === second.startOf(0)) from++;
      const end = first.idLimit;
      const base = first.append(second, 0);
      const found = Array.from(secondDuplicates.rows).findIndex((row) => row >= from);
      const kept = found === -1 ? secondDuplicates.rows.length : found;
      const later = {
        rows: secondDuplicates.rows.slice(kept).map((row) => row + base),
        firsts: secondDuplicates.firsts.slice(kept).map((row) => row + base),
      };
      expect(first.joinedDuplicates(firstDuplicates, end, later, base + from)).toEqual(first.findDuplicates());
    }
  });
});

describe('sortByStart', () => {
  it('orders rows by start, keeping equal starts in row order, with negative and far-apart instants', () => {
    const store = new RowStore();
    for (const start of [5, -3, 5, 1e12, 0, -3, 70_000, 65_536]) store.add(0, start, start, 0, 2);
    expect(Array.from(sortByStart(store) ?? [])).toEqual([1, 5, 4, 0, 2, 7, 6, 3]);
  });

  it('gives nothing to sort for rows in time order', () => {
    const store = new RowStore();
    for (const start of [-3, 0, 0, 5, 1e12]) store.add(0, start, start, 0, 2);
    expect(sortByStart(store)).toBeUndefined();
  });
});

describe('RowStore columns', () => {
  it('gives back every end exactly: open, far, fractional, before the start, past 32 bits of milliseconds', () => {
    const store = new RowStore();
    const start = Date.UTC(2026, 0, 1);
    const ends = [start, start + 1, Number.NaN, start + 0xffff_fffd, start + 0xffff_fffe, start + 2 ** 40, start + 0.5, start - 1, Number.NaN, start + 30_000];
    for (const end of ends) store.add(1, start, end, 0, 2);
    expect(Array.from({ length: ends.length }, (_, row) => store.endOf(row))).toEqual(ends);
    expect(Array.from({ length: ends.length }, (_, row) => store.startOf(row))).toEqual(ends.map(() => start));
  });

  it('keeps lines and logs as steps, exact wherever rows were left out', () => {
    const store = new RowStore();
    const places: [number, number][] = [];
    let line = 2;
    for (let row = 0; row < 3 * CHUNK_ROWS + 10; row++) {
      const file = row < 100_000 ? 0 : 3;
      if (row === 100_000) line = 2;
      line += row % 1_000 === 7 ? 3 : 1;
      places.push([file, line]);
      store.add(0, row, row, file, line);
    }
    expect(store.idLimit).toBe(store.length);
    expect(Array.from({ length: store.length }, (_, row) => [store.fileOf(row), store.lineOf(row)])).toEqual(places);
  });

  it('joins another store as it is, with its rows after these, and its lines, ends and pauses in place', () => {
    const build = (rows: number, fileIndex: number, from: number): RowStore => {
      const store = new RowStore();
      for (let row = 0; row < rows; row++) {
        store.add(row % 3, from + row * 1_000, row % 5 === 0 ? Number.NaN : from + row * 1_000 + 2 ** 33, fileIndex, 2 + row * 2);
        if (row % 7_000 === 0) store.setPause(store.lastRow, { days: row, ms: 0, intervals: undefined });
      }
      return store;
    };
    const first = build(CHUNK_ROWS + 5, 0, 0);
    // As from the worker thread: moved into a new store, then joined.
    const { data } = build(70_000, 0, 1e9).transfer();
    const second = RowStore.fromTransfer(data);
    first.append(second, 500);
    expect(second.length).toBe(0);
    expect(first.length).toBe(CHUNK_ROWS + 5 + 70_000);
    // The first store's last chunk is not full: the second's ids start at the next chunk.
    expect(first.idLimit).toBe(2 * CHUNK_ROWS + 70_000);
    const rows: number[] = [];
    const cursor = new RowCursor(first, new Uint32Array([1, 2 * CHUNK_ROWS + 1]));
    for (let row = cursor.next(); row >= 0; row = cursor.next()) rows.push(row);
    expect(rows).toHaveLength(first.length - 2);
    expect(rows.slice(CHUNK_ROWS + 2, CHUNK_ROWS + 5)).toEqual([CHUNK_ROWS + 3, CHUNK_ROWS + 4, 2 * CHUNK_ROWS]);
    const joined = 2 * CHUNK_ROWS + 14_000;
    expect([first.targetOf(joined), first.startOf(joined), first.endOf(joined), first.lineOf(joined)]).toEqual([
      14_000 % 3,
      1e9 + 14e6,
      Number.NaN,
      500 + 2 + 28_000,
    ]);
    expect(first.endOf(2 * CHUNK_ROWS + 1)).toBe(1e9 + 1_000 + 2 ** 33);
    expect(first.pauses.get(2 * CHUNK_ROWS + 14_000)?.days).toBe(14_000);
    expect(first.pauses.get(14_000)?.days).toBe(14_000);
    expect([first.lineOf(CHUNK_ROWS + 4), first.lineOf(2 * CHUNK_ROWS)]).toEqual([2 + (CHUNK_ROWS + 4) * 2, 502]);
  });

  it('finds duplicates across a join and across chunks, in time order or not', () => {
    for (const shuffled of [false, true]) {
      const first = new RowStore();
      const second = new RowStore();
      // One start for the last rows of the first store's full chunk and the first of the next: one group over three chunks.
      for (let row = 0; row < CHUNK_ROWS + 3; row++) first.add(row % 2, row < CHUNK_ROWS - 2 ? row : CHUNK_ROWS, 5e6, 0, row + 2);
      for (let row = 0; row < 4; row++) second.add(row % 2, CHUNK_ROWS, 5e6, 1, row + 2);
      if (shuffled) second.add(0, 0, 5e6, 1, 9);
      first.append(second, 0);
      const { rows, firsts } = first.findDuplicates();
      const pairs = Array.from(rows, (row, index) => [row, firsts[index]]);
      const group = [
        CHUNK_ROWS - 2,
        CHUNK_ROWS - 1,
        CHUNK_ROWS,
        CHUNK_ROWS + 1,
        CHUNK_ROWS + 2,
        2 * CHUNK_ROWS,
        2 * CHUNK_ROWS + 1,
        2 * CHUNK_ROWS + 2,
        2 * CHUNK_ROWS + 3,
      ];
      const expected = group.slice(2).map((row) => [row, first.targetOf(row) === 0 ? CHUNK_ROWS - 2 : CHUNK_ROWS - 1]);
      expect(pairs).toEqual(shuffled ? [...expected, [2 * CHUNK_ROWS + 4, 0]] : expected);
    }
  });
});
