import type { JsonPath, SourceRange } from '../model/diagnostic.js';
import type { CharterData } from '../model/charter-data.js';
import type { YamlSource } from './yaml-source.js';

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
