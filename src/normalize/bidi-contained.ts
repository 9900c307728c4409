import { hasBidiFormatting, withBidiClosed } from '../util/bidi.js';

/**
 * The data with the bidirectional formatting of every string (key or value)
 * kept inside that string (withBidiClosed). `charter validate` refuses what
 * would change, but the core also serves callers that never validate (the
 * library's API): no text may reorder the page, card or calendar entry
 * around it. Data with nothing to change is returned as it is
 * (one regular expression test a string); otherwise the objects and arrays on
 * the way to a changed string are copies, and the input is left alone.
 */
export function bidiContained<T>(data: T): T {
  return contained(data) as T;
}

function contained(value: unknown): unknown {
  if (typeof value === 'string') return safeText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: readonly unknown[] = value;
    let copy: unknown[] | undefined;
    for (let index = 0; index < items.length; index++) {
      const safe = contained(items[index]);
      if (safe !== items[index]) (copy ??= [...items])[index] = safe;
    }
    return copy ?? value;
  }
  const object = value as Readonly<Record<string, unknown>>;
  // Entries, so that no key (`__proto__`) is ever assigned; made only once something changes.
  let copy: [string, unknown][] | undefined;
  let seen = 0;
  // for...in rather than Object.entries: a clean document, the usual case, allocates nothing.
  for (const key in object) {
    const item = object[key];
    const safeKey = safeText(key);
    const safe = contained(item);
    if (copy === undefined && (safeKey !== key || safe !== item)) copy = Object.entries(object).slice(0, seen);
    copy?.push([safeKey, safe]);
    seen++;
  }
  return copy ? Object.fromEntries(copy) : value;
}

function safeText(text: string): string {
  return hasBidiFormatting(text) ? withBidiClosed(text) : text;
}
