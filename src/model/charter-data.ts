import type { JsonPath } from './diagnostic.js';

/** Charter data as loaded: plain JSON-like values, not yet known to match the schema. */
export type CharterData = Readonly<Record<string, unknown>>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads a nested value by path; undefined where the path does not exist. */
export function getPath(data: unknown, path: JsonPath): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && typeof segment === 'string' && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}
