import type { ResolvedCharter } from './resolved-charter.js';

/** Numbers for parsed sources; a source object lives as long as its file's text is unchanged. */
const sourceIds = new WeakMap<object, number>();
let nextSourceId = 0;

/** Names the exact file contents a charter was built from: itself and every baseline it extends. */
export function sourceChainKey(charter: ResolvedCharter): string {
  const ids: number[] = [];
  for (let current: ResolvedCharter | undefined = charter; current; current = current.baseline) {
    let id = sourceIds.get(current.source);
    if (id === undefined) {
      id = nextSourceId++;
      sourceIds.set(current.source, id);
    }
    ids.push(id);
  }
  return ids.join(',');
}

/**
 * Results computed from one charter, kept while its files are unchanged
 * (`charter serve` rebuilds keep one; a parse cache keeps unchanged sources).
 */
export class PerCharterCache<T> {
  private readonly entries = new Map<string, { key: string; value: T }>();

  get(charter: ResolvedCharter, variant: string, compute: () => T): T {
    const key = sourceChainKey(charter);
    const slot = `${charter.absolutePath}\0${variant}`;
    const cached = this.entries.get(slot);
    if (cached && cached.key === key) return cached.value;
    const value = compute();
    this.entries.set(slot, { key, value });
    return value;
  }
}
