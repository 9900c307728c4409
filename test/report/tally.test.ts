import { describe, expect, it } from 'vitest';
import type { MeasuredCommitment } from '../../src/report/commitment-index.js';
import { ComplianceTally, median, percentile, selectNth, statusOf } from '../../src/report/tally.js';
import { WorkingCalendar } from '../../src/time/working-calendar.js';
import { seededRandom } from '../helpers.js';

describe('median and 90th percentile', () => {
  it.each([
    [[5], 5, 5],
    [[3, 1], 2, 3],
    [[2, 2, 3], 2, 3],
    [[1, 2, 2, 2, 3], 2, 3],
    [[45, 10, 20, 30, 5, 25, 29], 25, 45],
    [[3, 3.75], 3.38, 3.75],
    [Array.from({ length: 10 }, (_, index) => index + 1), 5.5, 9],
  ])('of %j: median %d, p90 %d (nearest rank)', (values, expectedMedian, expectedP90) => {
    expect(median(Float64Array.from(values))).toBe(expectedMedian);
    expect(percentile(Float64Array.from(values), 0.9)).toBe(expectedP90);
  });

  it('is null without values', () => {
    expect(median(new Float64Array(0))).toBeNull();
    expect(percentile(new Float64Array(0), 0.9)).toBeNull();
  });

  it('selects like sorting does, on random, sorted and constant input', () => {
    let seed = 3;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const inputs = [
      Array.from({ length: 1001 }, () => Math.floor(random() * 50)),
      Array.from({ length: 1000 }, () => random()),
      Array.from({ length: 500 }, (_, index) => index),
      Array.from({ length: 500 }, () => 7),
    ];
    for (const input of inputs) {
      const sorted = [...input].sort((a, b) => a - b);
      for (const nth of [0, 1, input.length >> 1, Math.ceil(input.length * 0.9) - 1, input.length - 1]) {
        expect(selectNth(Float64Array.from(input), nth)).toBe(sorted[nth]);
      }
    }
  });
});

describe('the 90th percentile after the median', () => {
  it('is selected among the upper half alone, with the value of selecting among all', () => {
    const random = seededRandom(5);
    for (const length of [1, 2, 3, 4, 9, 10, 11, 100, 1001, 20_000]) {
      for (const spread of [3, 1e6]) {
        const values = Float64Array.from({ length }, () => Math.floor(random() * spread) / 7);
        const afterMedian = values.slice();
        expect(median(afterMedian)).toBe(median(values.slice()));
        expect(percentile(afterMedian, 0.9, true)).toBe(percentile(values.slice(), 0.9));
      }
    }
  });
});

describe('statusOf', () => {
  it.each([
    [0.9, 0.9, 'met'],
    [0.95, 0.9, 'met'],
    [0.85, 0.9, 'close'],
    [0.8571, 0.9, 'close'],
    [0.8499, 0.9, 'missed'],
    [1, 1, 'met'],
    [0.95, 1, 'close'],
    [null, 0.9, 'no-data'],
  ] as const)('share %s against target %s is %s', (share, target, status) => {
    expect(statusOf(share, target)).toBe(status);
  });
});

describe('ComplianceTally over many rows', () => {
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Helsinki', weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }] });
  const commitment = {
    index: 0,
    measure: 'average',
    within: '5 minutes',
    target: 0.9,
    duration: { amount: 5, unit: 'minute' },
    calendar,
  } as unknown as MeasuredCommitment;

  it('gives the median, p90 and mean of every row, by month and in all, as sorting and summing in row order do', () => {
    const tally = new ComplianceTally([commitment], { asOfMs: Date.UTC(2027, 0, 1) });
    let seed = 9;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const byMonth = new Map<string, number[]>();
    const all: number[] = [];
    // More rows than a block of times in some months, fewer in others; fractional minutes.
    for (let row = 0; row < 30_000; row++) {
      const startMs = Date.UTC(2026, row < 25_000 ? 0 : 1 + (row % 3), 5, 9) + row * 1_000;
      const endMs = startMs + Math.floor(random() * 900_000);
      tally.addRow({ average: commitment, gaveUp: false }, startMs, endMs);
      const month = new Date(startMs + 2 * 3_600_000).toISOString().slice(0, 7);
      const taken = (endMs - startMs) / 60_000;
      const list = byMonth.get(month) ?? [];
      list.push(taken);
      byMonth.set(month, list);
      all.push(taken);
    }
    const figuresOf = (values: number[]): { median: number; p90: number; mean: number } => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = sorted.length >> 1;
      const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
      let sum = 0;
      for (const value of values) sum += value;
      const round = (value: number): number => Math.round(value * 100) / 100;
      return { median: round(median), p90: round(sorted[Math.ceil(0.9 * sorted.length) - 1] as number), mean: round(sum / values.length) };
    };
    const months = [...byMonth.keys()].sort();
    const [figures] = tally.figures(months);
    expect(figures?.total).toMatchObject({ count: all.length, ...figuresOf(all) });
    for (const [index, month] of months.entries()) expect(figures?.months[index]).toMatchObject({ month, ...figuresOf(byMonth.get(month) ?? []) });
  });
});

describe('a tally of the later rows, added to the earlier rows’ tally', () => {
  const calendar = new WorkingCalendar({ timeZone: 'Europe/Helsinki', weekly: [{ days: 'mon-fri', open: '08:00', close: '16:00' }] });
  const commitments = [
    { index: 0, measure: 'average', within: '5 minutes', target: 1, duration: { amount: 5, unit: 'minute' }, calendar },
    { index: 1, measure: 'within', within: '4 minutes', target: 0.8, duration: { amount: 4, unit: 'minute' }, calendar },
  ] as unknown as MeasuredCommitment[];
  const [average, within] = commitments as [MeasuredCommitment, MeasuredCommitment];
  const options = { asOfMs: Date.UTC(2026, 3, 1) };

  /** Rows over three months (more than a block of times in the first), fractional minutes, some open, some for both promises. */
  const rows = ((): [number, number][] => {
    const random = seededRandom(17);
    return Array.from({ length: 20_000 }, (_, row): [number, number] => {
      const startMs = Date.UTC(2026, 0, 5, 9) + row * 360_000;
      return [startMs, row % 97 === 0 ? Number.NaN : startMs + Math.floor(random() * 600_000) + random()];
    });
  })();

  function count(tally: ComplianceTally, from: number, to: number): void {
    for (let row = from; row < to; row++) {
      const [startMs, endMs] = rows[row] as [number, number];
      tally.addRow(row % 3 === 0 ? { within, average, gaveUp: false } : { average, gaveUp: false }, startMs, endMs);
    }
  }

  const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
  const once = new ComplianceTally(commitments, options);
  count(once, 0, rows.length);

  it.each([0, 1, 4_321, 8_192, 12_000, rows.length])('gives one pass’s figures when split at row %d, the sums taken in row order', (split) => {
    const earlier = new ComplianceTally(commitments, options);
    count(earlier, 0, split);
    const later = new ComplianceTally(commitments, options, true);
    count(later, split, rows.length);
    // As between threads: the times' buffers are moved.
    const { data, buffers } = later.transfer();
    earlier.append(ComplianceTally.fromTransfer(commitments, options, structuredClone(data, { transfer: buffers })));
    expect(earlier.figures(months)).toEqual(once.figures(months));
    expect(earlier.observedMonths()).toEqual(once.observedMonths());
  });

  it('gives a mean that adding the two halves’ sums would round otherwise', () => {
    // (a + b) + c + d rounds to 4.66 minutes, (a + b) + (c + d) to 4.65.
    const taken = [147_289, 225_640, 583_706, 160_565];
    const startMs = Date.UTC(2026, 0, 5, 9);
    const tallies = [new ComplianceTally(commitments, options), new ComplianceTally(commitments, options, true)] as const;
    for (const [row, ms] of taken.entries()) tallies[row < 2 ? 0 : 1].addRow({ average, gaveUp: false }, startMs + row, startMs + row + ms);
    tallies[0].append(tallies[1]);
    const [figures] = tallies[0].figures(['2026-01']);
    expect(figures?.total.mean).toBe(4.66);
    expect(figures?.months[0]?.mean).toBe(4.66);
  });

  it('goes on counting after the later rows are added', () => {
    const earlier = new ComplianceTally(commitments, options);
    count(earlier, 0, 5_000);
    const later = new ComplianceTally(commitments, options, true);
    count(later, 5_000, 15_000);
    earlier.append(later);
    count(earlier, 15_000, rows.length);
    expect(earlier.figures(months)).toEqual(once.figures(months));
  });

  it('refuses a later tally that kept no times where this one needs them', () => {
    const earlier = new ComplianceTally(commitments, options);
    const later = new ComplianceTally(commitments, options);
    count(later, 0, 10);
    const { data } = later.transfer();
    // A total without times (not made with keepsOrder) cannot give a month its times.
    const broken = { totals: data.totals, months: data.months.map((byMonth) => byMonth.map(([month]) => [month, data.totals[0]] as const)) };
    expect(() => earlier.append(ComplianceTally.fromTransfer(commitments, options, broken as typeof data))).toThrow(/without their times/);
  });
});
