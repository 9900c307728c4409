import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import type { Locator, LocatedIn } from './resolved-charter.js';

/** Keys that belong to one file and are never inherited. */
const NOT_INHERITED: ReadonlySet<string> = new Set(['id', 'extends', '$schema']);

/**
 * Lists that merge item by item, by this key; every other list is replaced whole.
 * Items with the same id merge key by key (contacts, touchpoints, decision rights,
 * customer groups, services, the lines of a channel, complaint stages); exception days replace each other whole;
 * an accessibility service merges with the baseline's entry for the same `service`.
 */
function mergeKeyFor(path: JsonPath): string | undefined {
  const last = path[path.length - 1];
  if (last === 'contacts' || last === 'touchpoints' || last === 'authority' || last === 'customerGroups' || last === 'services') return 'id';
  // Lines of a channel (`channels.phone: [...]`) and complaint stages.
  if (path.length === 2 && (path[0] === 'channels' || (path[0] === 'complaints' && last === 'stages'))) return 'id';
  if (last === 'exceptions') return 'date';
  if (last === 'accessibility') return 'service';
  return undefined;
}

/**
 * A multilingual text map (`{ fi, sv, en }`, `{ se, fi }`) is one value: a
 * unit replaces it whole. Its keys are languages: two-letter codes, or a tag
 * the charter writes in (`smn`, `fse`, `pt-BR`) whose value is a text. Other
 * tags are not taken as languages unless declared, so that `{ url: ... }`
 * stays an object that merges key by key; and a declared tag that is also a
 * key of the format (`sms`, Skolt Sámi, and `channels.sms`) is a language
 * only where it holds a text.
 */
export function isTextMap(value: unknown, languages: readonly string[] = []): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  let keys = 0;
  for (const key in value) {
    if (!isTwoLetterCode(key) && !(languages.includes(key) && typeof value[key] === 'string')) return false;
    keys++;
  }
  return keys > 0;
}

function isTwoLetterCode(key: string): boolean {
  if (key.length !== 2) return false;
  const first = key.charCodeAt(0);
  const second = key.charCodeAt(1);
  return first >= 97 && first <= 122 && second >= 97 && second <= 122;
}

/** The languages either file declares: their texts are text maps when merged. */
function languagesOf(...data: readonly Record<string, unknown>[]): string[] {
  const languages = new Set<string>();
  for (const file of data) {
    const declared = file.languages;
    if (Array.isArray(declared)) for (const language of declared) if (typeof language === 'string') languages.add(language);
  }
  return [...languages];
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
export function mergeWithBaseline(baseData: Record<string, unknown>, baseLocate: Locator, ownData: Record<string, unknown>, ownLocate: Locator): MergeResult {
  const context: MergeContext = { origins: [], baseLocate, ownLocate, languages: languagesOf(baseData, ownData) };
  const inherited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(baseData)) if (!NOT_INHERITED.has(key)) inherited[key] = value;
  const data = mergeObject(inherited, ownData, { merged: [], base: [], own: [] }, context);
  const locate: Locator = (path, target) => locateThroughOrigins(context.origins, ownLocate, path, target);
  return { data, locate };
}

/** Where the value being merged sits: in the result, in the baseline, and in the unit. */
interface Paths {
  readonly merged: JsonPath;
  readonly base: JsonPath;
  readonly own: JsonPath;
}

interface MergeContext {
  readonly origins: Origin[];
  readonly baseLocate: Locator;
  readonly ownLocate: Locator;
  readonly languages: readonly string[];
}

function child(paths: Paths, key: string | number): Paths {
  return { merged: [...paths.merged, key], base: [...paths.base, key], own: [...paths.own, key] };
}

function mergeObject(base: Record<string, unknown>, own: Record<string, unknown>, paths: Paths, context: MergeContext): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(own)])) {
    const hasOwn = Object.hasOwn(own, key);
    const hasBase = Object.hasOwn(base, key);
    const at = child(paths, key);
    if (!hasOwn) {
      context.origins.push({ mergedPrefix: at.merged, locate: context.baseLocate, sourcePrefix: at.base });
      result[key] = base[key];
    } else if (!hasBase) {
      pushOwnOrigin(context, at.merged, at.own);
      result[key] = own[key];
    } else {
      result[key] = mergeValue(base[key], own[key], at, context);
    }
  }
  return result;
}

function mergeValue(base: unknown, own: unknown, paths: Paths, context: MergeContext): unknown {
  if (isPlainObject(base) && isPlainObject(own) && !isTextMap(base, context.languages) && !isTextMap(own, context.languages)) {
    return mergeObject(base, own, paths, context);
  }
  const mergeKey = mergeKeyFor(paths.merged);
  if (mergeKey && Array.isArray(base) && Array.isArray(own)) {
    return mergeList(base, own, mergeKey, paths, context);
  }
  pushOwnOrigin(context, paths.merged, paths.own);
  return own;
}

function mergeList(base: readonly unknown[], own: readonly unknown[], mergeKey: string, paths: Paths, context: MergeContext): unknown[] {
  const keyOf = (item: unknown): string | undefined => (isPlainObject(item) && typeof item[mergeKey] === 'string' ? item[mergeKey] : undefined);
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
    const merged = [...paths.merged, result.length];
    if (ownIndex === undefined || usedOwn.has(ownIndex)) {
      context.origins.push({ mergedPrefix: merged, locate: context.baseLocate, sourcePrefix: [...paths.base, baseIndex] });
      result.push(item);
      return;
    }
    usedOwn.add(ownIndex);
    const ownPath = [...paths.own, ownIndex];
    if (mergeKey === 'date') {
      // A day's hours are one whole: the unit's entry replaces the baseline's.
      pushOwnOrigin(context, merged, ownPath);
      result.push(own[ownIndex]);
      return;
    }
    result.push(mergeValue(item, own[ownIndex], { merged, base: [...paths.base, baseIndex], own: ownPath }, context));
  });
  own.forEach((item, ownIndex) => {
    if (usedOwn.has(ownIndex)) return;
    pushOwnOrigin(context, [...paths.merged, result.length], [...paths.own, ownIndex]);
    result.push(item);
  });
  return result;
}

function pushOwnOrigin(context: MergeContext, mergedPath: JsonPath, ownPath: JsonPath): void {
  const samePath = mergedPath.length === ownPath.length && mergedPath.every((segment, index) => segment === ownPath[index]);
  if (!samePath) context.origins.push({ mergedPrefix: mergedPath, locate: context.ownLocate, sourcePrefix: ownPath });
}

function locateThroughOrigins(origins: readonly Origin[], ownLocate: Locator, path: JsonPath, target: 'key' | 'value' | undefined): LocatedIn {
  let best: Origin | undefined;
  for (const origin of origins) {
    if (origin.mergedPrefix.length > path.length) continue;
    if (!origin.mergedPrefix.every((segment, index) => segment === path[index])) continue;
    if (!best || origin.mergedPrefix.length > best.mergedPrefix.length) best = origin;
  }
  if (!best) return ownLocate(path, target);
  return best.locate([...best.sourcePrefix, ...path.slice(best.mergedPrefix.length)], target);
}
