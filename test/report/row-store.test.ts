import { describe, expect, it } from 'vitest';
import { RowStore, sortByStart } from '../../src/report/row-store.js';

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
    expect(Array.from(store.findDuplicates())).toEqual([-1, -1, -1, -1, 0, 1, 0]);
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
        const sameEnd = Object.is(store.ends[earlier], store.ends[row]);
        if (store.commitments[earlier] === store.commitments[row] && store.starts[earlier] === store.starts[row] && sameEnd) return earlier;
      }
      return -1;
    });
    expect(Array.from(store.findDuplicates())).toEqual(expected);
  });

  it('marks a million copies of one row in one pass, in four bytes a row', () => {
    const store = new RowStore();
    for (let row = 0; row < 1_000_000; row++) store.add(2, 5_000, 9_000, 0, row + 2);
    store.add(2, 5_000, Number.NaN, 0, 1_000_002);
    const firstOf = store.findDuplicates();
    expect(firstOf).toBeInstanceOf(Int32Array);
    expect(firstOf[0]).toBe(-1);
    expect(firstOf[1_000_000]).toBe(-1);
    let repeats = 0;
    for (let row = 1; row < 1_000_000; row++) if (firstOf[row] === 0) repeats++;
    expect(repeats).toBe(999_999);
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
    const firstOf = store.findDuplicates();
    const duplicates = Array.from(firstOf.entries()).filter(([, first]) => first >= 0);
    expect(duplicates).toHaveLength(199);
    expect(duplicates.every(([row, first]) => row >= 20_000 && store.lines[row] === store.lines[first])).toBe(true);
  });
});

describe('sortByStart', () => {
  it('orders rows by start, keeping equal starts in row order, with negative and far-apart instants', () => {
    const starts = Float64Array.from([5, -3, 5, 1e12, 0, -3, 70_000, 65_536]);
    expect(Array.from(sortByStart(starts, starts.length))).toEqual([1, 5, 4, 0, 2, 7, 6, 3]);
  });
});
