import { describe, expect, it } from 'vitest';
import { closestMatch, editDistanceWithin, MAX_REMEMBERED_WORDS, Suggester, SUGGESTION_WORK_BUDGET } from '../../src/util/suggest.js';

/** The full table (optimal string alignment), as a reference. */
function fullDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = table[i] as number[];
      const above = table[i - 1] as number[];
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, ((table[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = best;
    }
  }
  return (table[a.length] as number[])[b.length] as number;
}

function randomWords(count: number, seed: number, alphabet = 'abcd-'): string[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
  );
}

describe('editDistanceWithin', () => {
  it('agrees with the full table up to the limit, and says "over" past it', () => {
    const words = randomWords(160, 7);
    for (let index = 0; index + 1 < words.length; index += 2) {
      const [a, b] = [words[index] as string, words[index + 1] as string];
      const exact = fullDistance(a, b);
      for (let limit = 0; limit <= 12; limit++) {
        expect(editDistanceWithin(a, b, limit).distance, `${a} / ${b} within ${limit}`).toBe(Math.min(exact, limit + 1));
      }
    }
  });

  it('computes only a band of cells, and stops early on unrelated words', () => {
    const long = 'a'.repeat(100);
    expect(editDistanceWithin(long, 'b'.repeat(100), 3).cells).toBeLessThanOrEqual(4 * 7);
    expect(editDistanceWithin(long, long, 3).cells).toBeLessThanOrEqual(100 * 7);
    expect(editDistanceWithin(long, 'a'.repeat(10), 3)).toEqual({ distance: 4, cells: 0 });
  });
});

describe('closestMatch', () => {
  it('suggests the closest candidate within a third of the word, the first of equally close ones', () => {
    expect(closestMatch('test-unti', ['small-unit', 'test-unit'])).toBe('test-unit');
    expect(closestMatch('emial', ['phone', 'email', 'letter'])).toBe('email');
    expect(closestMatch('ab', ['ax', 'ay'])).toBe('ax');
    expect(closestMatch('phone', ['email', 'letter'])).toBeUndefined();
    // Only a different case: nothing to suggest.
    expect(closestMatch('Email', ['email', 'emai'])).toBeUndefined();
    expect(closestMatch('x'.repeat(101), ['x'.repeat(100)])).toBeUndefined();
  });
});

/** The most one comparison can cost: 100 rows of a band 67 wide. */
const MAX_COMPARISON_CELLS = 100 * 67;

describe('Suggester', () => {
  const ids = Array.from({ length: 2_000 }, (_, index) => `unit-${String(index).padStart(4, '0')}-services`);

  it('works once per distinct word, however often it is asked', () => {
    const hints = new Suggester(ids);
    expect(hints.suggest('unit-0042-servcies')).toBe('unit-0042-services');
    const once = hints.work;
    expect(once).toBeGreaterThan(0);
    for (let row = 0; row < 100_000; row++) hints.suggest('unit-0042-servcies');
    expect(hints.work).toBe(once);
  });

  it('spends no more than its budget on many distinct words, and stops suggesting after it', () => {
    const hints = new Suggester(ids);
    let suggested = 0;
    for (let row = 0; row < 100_000; row++) if (hints.suggest(`unit-${String(row).padStart(6, '0')}-services`) !== undefined) suggested++;
    expect(hints.work).toBeLessThanOrEqual(SUGGESTION_WORK_BUDGET + MAX_COMPARISON_CELLS);
    expect(suggested).toBeGreaterThan(0);
    expect(suggested).toBeLessThanOrEqual(MAX_REMEMBERED_WORDS);

    const small = new Suggester(ids, 100_000);
    for (let row = 0; row < 100_000; row++) small.suggest(`unit-${String(row).padStart(6, '0')}-services-${'x'.repeat(row % 80)}`);
    expect(small.work).toBeLessThanOrEqual(100_000 + MAX_COMPARISON_CELLS);
  });
});
