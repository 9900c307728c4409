/** Safety limits for untrusted charter files. */
export interface LoadLimits {
  /** Largest file read, in bytes. */
  readonly maxFileBytes: number;
  /** Most alias (`*name`) uses in one file; stops "billion laughs" documents. */
  readonly maxAliases: number;
  /** Most values produced from one file after expanding aliases. */
  readonly maxNodes: number;
  /** Deepest nesting of maps and lists. */
  readonly maxDepth: number;
  /** Most `extends` steps from a charter to its last baseline (an organisation needs 3 or 4). */
  readonly maxExtendsDepth: number;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxFileBytes: 1024 * 1024,
  maxAliases: 100,
  maxNodes: 100_000,
  maxDepth: 40,
  maxExtendsDepth: 10,
};

/** Keys that could reach an object's prototype if data were ever merged carelessly. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** YAML 1.1's merge key: read as an ordinary key under YAML 1.2, so refused rather than read two ways. */
export const MERGE_KEY = '<<';
