import { describe, expect, it } from 'vitest';
import { shareForDisplay } from '../../src/model/share-display.js';

describe('shareForDisplay', () => {
  it.each([
    [0.57, 0.57],
    [0.9375, 0.937],
    [0.89996, 0.899],
    [4 / 6, 0.666],
    [1, 1],
    [0, 0],
  ])('shows %d as %d (tenths of a percent, rounded down)', (share, shown) => {
    expect(shareForDisplay(share)).toBe(shown);
  });
});
