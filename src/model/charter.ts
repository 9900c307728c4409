import type { JsonPath, SourceRange } from './diagnostic.js';
import type { YamlSource } from '../load/yaml-source.js';

/** Charter data as loaded: plain JSON-like values, not yet known to match the schema. */
export type CharterData = Readonly<Record<string, unknown>>;

/** A position in a specific file, for a path in merged data. */
export interface LocatedIn {
  readonly file: string;
  readonly range: SourceRange;
  readonly exact: boolean;
}

export type Locator = (path: JsonPath, target?: 'key' | 'value') => LocatedIn;

/**
 * One charter file after `extends` is resolved. `data` is the effective charter
 * (baseline merged in); `locate` maps any path of it back to the file and
 * position that hold the value.
 */
export interface ResolvedCharter {
  /** The file as shown to the user. */
  readonly file: string;
  readonly absolutePath: string;
  /** A baseline (file name starting with `_`) only sets defaults for units. */
  readonly isBaseline: boolean;
  /** This file's own parsed source. */
  readonly source: YamlSource;
  /** Effective data: the baseline chain merged with this file. */
  readonly data: CharterData;
  /** The resolved charter this one extends, if any. */
  readonly baseline: ResolvedCharter | undefined;
  /** True when a baseline in the chain could not be loaded, so the data may lack inherited keys. */
  readonly incomplete: boolean;
  readonly locate: Locator;
}

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
