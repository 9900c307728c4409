import { describe, expect, it } from 'vitest';
import { median, percentile, selectNth, statusOf } from '../../src/report/tally.js';

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
