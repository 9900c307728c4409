/**
 * Remembers results of a pure function by key, at most `limit` of them: the
 * oldest is forgotten first, so memory stays bounded however many files a run
 * reads. Rules use it where the same input recurs across charters (texts a
 * baseline gives every unit), and the values must never be changed by callers.
 */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    const cached = this.entries.get(key);
    if (cached !== undefined) return cached;
    const value = compute();
    if (this.entries.size >= this.limit) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return value;
  }
}
