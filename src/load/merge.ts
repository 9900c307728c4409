import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject, type Locator, type LocatedIn } from '../model/charter.js';

/** Keys that belong to one file and are never inherited. */
const NOT_INHERITED: ReadonlySet<string> = new Set(['id', 'extends', '$schema']);

/**
 * Lists that merge item by item, by this key; every other list is replaced whole.
 * Items with the same id merge key by key; exception days replace each other whole.
 */
function mergeKeyFor(path: JsonPath): string | undefined {
  const last = path[path.length - 1];
  if (last === 'contacts' || last === 'touchpoints' || last === 'authority') return 'id';
  if (last === 'exceptions') return 'date';
  return undefined;
}

/** A multilingual text map (`{ fi, sv, en }`) is one value: a unit replaces it whole. */
export function isTextMap(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (!isLanguageCode(key)) return false;
    keys++;
  }
  return keys > 0;
}

function isLanguageCode(key: string): boolean {
  if (key.length !== 2) return false;
  const first = key.charCodeAt(0);
  const second = key.charCodeAt(1);
  return first >= 97 && first <= 122 && second >= 97 && second <= 122;
}

interface Origin {
  readonly mergedPrefix: JsonPath;
  readonly locate: Locator;
  readonly sourcePrefix: JsonPath;
}

export interface MergeResult {
  readonly data: Record<string, unknown>;
  readonly locate: Locator;
}

/**
 * Merges a unit over its (already resolved) baseline, key by key, and keeps
 * track of where every merged value came from so that positions still point
 * at the file that holds it.
 */
export function mergeWithBaseline(
  baseData: Record<string, unknown>,
  baseLocate: Locator,
  ownData: Record<string, unknown>,
  ownLocate: Locator,
): MergeResult {
  const origins: Origin[] = [];
  const inherited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(baseData)) if (!NOT_INHERITED.has(key)) inherited[key] = value;
  const data = mergeObject(inherited, ownData, [], [], [], origins, baseLocate, ownLocate);
  const locate: Locator = (path, target) => locateThroughOrigins(origins, ownLocate, path, target);
  return { data, locate };
}

function mergeObject(
  base: Record<string, unknown>,
  own: Record<string, unknown>,
  mergedPath: JsonPath,
  basePath: JsonPath,
  ownPath: JsonPath,
  origins: Origin[],
  baseLocate: Locator,
  ownLocate: Locator,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(own)])) {
    const hasOwn = Object.hasOwn(own, key);
    const hasBase = Object.hasOwn(base, key);
    const merged = [...mergedPath, key];
    if (!hasOwn) {
      origins.push({ mergedPrefix: merged, locate: baseLocate, sourcePrefix: [...basePath, key] });
      result[key] = base[key];
      continue;
    }
    if (!hasBase) {
      pushOwnOrigin(origins, merged, ownLocate, [...ownPath, key]);
      result[key] = own[key];
      continue;
    }
    result[key] = mergeValue(base[key], own[key], merged, [...basePath, key], [...ownPath, key], origins, baseLocate, ownLocate);
  }
  return result;
}

function mergeValue(
  base: unknown,
  own: unknown,
  mergedPath: JsonPath,
  basePath: JsonPath,
  ownPath: JsonPath,
  origins: Origin[],
  baseLocate: Locator,
  ownLocate: Locator,
): unknown {
  if (isPlainObject(base) && isPlainObject(own) && !isTextMap(base) && !isTextMap(own)) {
    return mergeObject(base, own, mergedPath, basePath, ownPath, origins, baseLocate, ownLocate);
  }
  const mergeKey = mergeKeyFor(mergedPath);
  if (mergeKey && Array.isArray(base) && Array.isArray(own)) {
    return mergeList(base, own, mergeKey, mergedPath, basePath, ownPath, origins, baseLocate, ownLocate);
  }
  pushOwnOrigin(origins, mergedPath, ownLocate, ownPath);
  return own;
}

function mergeList(
  base: readonly unknown[],
  own: readonly unknown[],
  mergeKey: string,
  mergedPath: JsonPath,
  basePath: JsonPath,
  ownPath: JsonPath,
  origins: Origin[],
  baseLocate: Locator,
  ownLocate: Locator,
): unknown[] {
  const keyOf = (item: unknown): string | undefined =>
    isPlainObject(item) && typeof item[mergeKey] === 'string' ? (item[mergeKey] as string) : undefined;
  const ownIndexByKey = new Map<string, number>();
  own.forEach((item, index) => {
    const key = keyOf(item);
    if (key !== undefined && !ownIndexByKey.has(key)) ownIndexByKey.set(key, index);
  });
  const result: unknown[] = [];
  const usedOwn = new Set<number>();
  base.forEach((item, baseIndex) => {
    const key = keyOf(item);
    const ownIndex = key === undefined ? undefined : ownIndexByKey.get(key);
    const merged = [...mergedPath, result.length];
    if (ownIndex === undefined || usedOwn.has(ownIndex)) {
      origins.push({ mergedPrefix: merged, locate: baseLocate, sourcePrefix: [...basePath, baseIndex] });
      result.push(item);
      return;
    }
    usedOwn.add(ownIndex);
    if (mergeKey === 'date') {
      // A day's hours are one whole: the unit's entry replaces the baseline's.
      pushOwnOrigin(origins, merged, ownLocate, [...ownPath, ownIndex]);
      result.push(own[ownIndex]);
      return;
    }
    result.push(
      mergeValue(item, own[ownIndex], merged, [...basePath, baseIndex], [...ownPath, ownIndex], origins, baseLocate, ownLocate),
    );
  });
  own.forEach((item, ownIndex) => {
    if (usedOwn.has(ownIndex)) return;
    pushOwnOrigin(origins, [...mergedPath, result.length], ownLocate, [...ownPath, ownIndex]);
    result.push(item);
  });
  return result;
}

function pushOwnOrigin(origins: Origin[], mergedPath: JsonPath, ownLocate: Locator, ownPath: JsonPath): void {
  const samePath = mergedPath.length === ownPath.length && mergedPath.every((segment, index) => segment === ownPath[index]);
  if (!samePath) origins.push({ mergedPrefix: mergedPath, locate: ownLocate, sourcePrefix: ownPath });
}

function locateThroughOrigins(
  origins: readonly Origin[],
  ownLocate: Locator,
  path: JsonPath,
  target: 'key' | 'value' | undefined,
): LocatedIn {
  let best: Origin | undefined;
  for (const origin of origins) {
    if (origin.mergedPrefix.length > path.length) continue;
    if (!origin.mergedPrefix.every((segment, index) => segment === path[index])) continue;
    if (!best || origin.mergedPrefix.length > best.mergedPrefix.length) best = origin;
  }
  if (!best) return ownLocate(path, target);
  return best.locate([...best.sourcePrefix, ...path.slice(best.mergedPrefix.length)], target);
}
