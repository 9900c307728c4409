/**
 * "Did you mean …?" for names read from untrusted text (charters, contact
 * logs). A suggestion must cost next to nothing however the text is made: a
 * log of a million rows with unknown ids, each id different, against
 * thousands of charter ids. So words and candidates are compared only up to
 * MAX_SUGGESTION_LENGTH characters, only when their lengths are close enough
 * to be within the allowed distance, with an edit distance that stops as soon
 * as it exceeds that distance; a Suggester remembers its answers per word
 * (for MAX_REMEMBERED_WORDS words) and gives up suggesting once it has spent
 * its budget of work.
 */

/** Typos are short; longer words and candidates are never compared. */
const MAX_SUGGESTION_LENGTH = 100;
/** Distinct words a Suggester remembers; after them it suggests nothing new. */
export const MAX_REMEMBERED_WORDS = 1_000;
/** Edit-distance cells a Suggester may compute in all (some tens of milliseconds); one comparison may go past it. */
export const SUGGESTION_WORK_BUDGET = 20_000_000;

interface Candidate {
  readonly text: string;
  readonly lower: string;
  /** Position in the candidates as given: of equally close ones, the first wins. */
  readonly order: number;
}

export class Suggester {
  /** Candidates by length (0 to MAX_SUGGESTION_LENGTH). */
  private readonly byLength: Candidate[][] = [];
  private readonly answers = new Map<string, string | undefined>();
  private spent = 0;

  constructor(
    candidates: Iterable<string>,
    private readonly budget: number = SUGGESTION_WORK_BUDGET,
  ) {
    let order = 0;
    for (const text of candidates) {
      if (text.length > MAX_SUGGESTION_LENGTH) continue;
      (this.byLength[text.length] ??= []).push({ text, lower: text.toLowerCase(), order: order++ });
    }
  }

  /** Edit-distance cells computed so far (the work suggestions cost). */
  get work(): number {
    return this.spent;
  }

  /** The candidate a typo most likely meant, if one is close enough to suggest. */
  suggest(word: string): string | undefined {
    if (word.length > MAX_SUGGESTION_LENGTH) return undefined;
    if (this.answers.has(word)) return this.answers.get(word);
    if (this.answers.size >= MAX_REMEMBERED_WORDS || this.spent >= this.budget) return undefined;
    const answer = this.closest(word);
    this.answers.set(word, answer);
    return answer;
  }

  private closest(word: string): string | undefined {
    const lower = word.toLowerCase();
    const allowed = Math.max(1, Math.floor(word.length / 3));
    let best: Candidate | undefined;
    let bestDistance = allowed;
    const shortest = Math.max(0, lower.length - allowed);
    const longest = Math.min(MAX_SUGGESTION_LENGTH, lower.length + allowed);
    for (let length = shortest; length <= longest; length++) {
      for (const candidate of this.byLength[length] ?? []) {
        if (this.spent >= this.budget) return undefined;
        // Past the first one within reach, only a closer candidate, or an equally close earlier one, can win.
        const limit = best === undefined || candidate.order < best.order ? bestDistance : bestDistance - 1;
        if (Math.abs(length - lower.length) > limit) continue;
        const distance = this.distanceWithin(lower, candidate.lower, limit);
        if (distance <= limit) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    // A word that differs only in case is not a typo this can help with.
    return best !== undefined && bestDistance > 0 ? best.text : undefined;
  }

  private distanceWithin(a: string, b: string, limit: number): number {
    const { distance, cells } = editDistanceWithin(a, b, limit);
    this.spent += cells;
    return distance;
  }
}

/** The candidate a typo most likely meant, if one is close enough to suggest (one-off: see Suggester for many words). */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  return new Suggester(candidates).suggest(word);
}

/** Edit distance between two short strings (insertions, deletions, substitutions, swaps of neighbours). */
export function editDistance(a: string, b: string): number {
  return editDistanceWithin(a, b, Math.max(a.length, b.length)).distance;
}

const SCRATCH_ROWS: [Int32Array, Int32Array, Int32Array] = [
  new Int32Array(MAX_SUGGESTION_LENGTH + 2),
  new Int32Array(MAX_SUGGESTION_LENGTH + 2),
  new Int32Array(MAX_SUGGESTION_LENGTH + 2),
];

/**
 * The edit distance (optimal string alignment) when it is at most `limit`,
 * else limit + 1, and the cells computed. Only a band of 2 × limit + 1 cells
 * around the diagonal can hold a distance within the limit, and the work stops
 * at the first row whose every cell exceeds it.
 */
export function editDistanceWithin(a: string, b: string, limit: number): { distance: number; cells: number } {
  const over = limit + 1;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return { distance: over, cells: 0 };
  if (n === 0 || m === 0) return { distance: Math.max(n, m), cells: 0 };
  // Three rows of the table, reused from call to call for words of the usual length.
  const shared = m < SCRATCH_ROWS[0].length;
  let [beforePrevious, previous, current] = shared ? SCRATCH_ROWS : [new Int32Array(m + 1), new Int32Array(m + 1), new Int32Array(m + 1)];
  for (let j = 0; j <= m; j++) previous[j] = Math.min(j, over);
  let cells = 0;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current[0] = Math.min(i, over);
    const edge = from === 1 ? Math.min(i, over) : over;
    current[from - 1] = edge;
    let rowMin = edge;
    const charA = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const charB = b.charCodeAt(j - 1);
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (charA === charB ? 0 : 1));
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) best = Math.min(best, (beforePrevious[j - 2] as number) + 1);
      best = Math.min(best, over);
      current[j] = best;
      if (best < rowMin) rowMin = best;
    }
    cells += to - from + 1;
    if (to < m) current[to + 1] = over;
    if (rowMin > limit) return { distance: over, cells };
    const reused = beforePrevious;
    beforePrevious = previous;
    previous = current;
    current = reused;
  }
  return { distance: Math.min(previous[m] as number, over), cells };
}
