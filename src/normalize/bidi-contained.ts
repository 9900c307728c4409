import { withBidiClosed } from '../util/bidi.js';

/**
 * The data with the bidirectional formatting of every string (key or value)
 * kept inside that string (withBidiClosed). `charter validate` refuses what
 * would change, but the core also reads charters nobody validated (API
 * callers, `charter serve` mid-edit): no text may reorder the page, card or
 * calendar entry around it. Data with nothing to change is returned as it is
 * (one regular expression test a string); otherwise the objects and arrays on
 * the way to a changed string are copies, and the input is left alone.
 */
export function bidiContained<T>(data: T): T {
  return contained(data) as T;
}

function contained(value: unknown): unknown {
  if (typeof value === 'string') return withBidiClosed(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    items.forEach((item, index) => {
      const safe = contained(item);
      if (safe !== item) (copy ??= [...items])[index] = safe;
    });
    return copy ?? value;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  // Entries, so that no key (`__proto__`) is ever assigned.
  let copy: [string, unknown][] | undefined;
  keys.forEach((key, index) => {
    const item = object[key];
    const safeKey = withBidiClosed(key);
    const safe = contained(item);
    if (copy === undefined && (safeKey !== key || safe !== item)) copy = keys.slice(0, index).map((earlier) => [earlier, object[earlier]]);
    copy?.push([safeKey, safe]);
  });
  return copy ? Object.fromEntries(copy) : value;
}
