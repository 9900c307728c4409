/**
 * The data with every string (key or value) replaced by `map` of it. Data
 * that `map` leaves alone is returned as it is; otherwise the objects and
 * arrays on the way to a changed string are copies, and the input is left
 * alone. A clean document, the usual case, allocates nothing.
 */
export function mapStrings<T>(data: T, map: (text: string) => string): T {
  return mapped(data, map) as T;
}

function mapped(value: unknown, map: (text: string) => string): unknown {
  if (typeof value === 'string') return map(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    for (let index = 0; index < items.length; index++) {
      const safe = mapped(items[index], map);
      if (safe !== items[index]) (copy ??= [...items])[index] = safe;
    }
    return copy ?? value;
  }
  const object = value as Readonly<Record<string, unknown>>;
  // Entries, so that no key (`__proto__`) is ever assigned; made only once something changes.
  let copy: [string, unknown][] | undefined;
  let seen = 0;
  // for...in rather than Object.entries: a clean document allocates nothing.
  for (const key in object) {
    const item = object[key];
    const safeKey = map(key);
    const safe = mapped(item, map);
    if (copy === undefined && (safeKey !== key || safe !== item)) copy = Object.entries(object).slice(0, seen);
    copy?.push([safeKey, safe]);
    seen++;
  }
  return copy ? Object.fromEntries(copy) : value;
}
