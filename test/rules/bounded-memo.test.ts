import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../../src/rules/bounded-memo.js';

describe('BoundedMemo', () => {
  it('computes a key once and gives back the same value', () => {
    const memo = new BoundedMemo<string[]>(10);
    let computed = 0;
    const first = memo.get('a', () => [String(++computed)]);
    expect(memo.get('a', () => [String(++computed)])).toBe(first);
    expect(computed).toBe(1);
  });

  it('forgets the oldest key when full, and no other', () => {
    const memo = new BoundedMemo<number>(2);
    let computed = 0;
    memo.get('a', () => ++computed);
    memo.get('b', () => ++computed);
    memo.get('c', () => ++computed);
    expect(memo.get('b', () => ++computed)).toBe(2);
    expect(memo.get('c', () => ++computed)).toBe(3);
    expect(memo.get('a', () => ++computed)).toBe(4);
  });
});
