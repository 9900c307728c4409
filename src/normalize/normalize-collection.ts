import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Charter } from '../model/charter.js';
import type { PerCharterCache } from '../load/charter-cache.js';
import { normalizeCharter, type NormalizeResult, type UnnormalizedUnit } from './normalize-charter.js';

/** The units of a collection: the ones that are normalized, and the ones that could not be, with the reason. */
export interface NormalizedUnits {
  /** In the collection's file order. */
  readonly charters: readonly Charter[];
  /** Units that did not load into a usable `Charter` (see normalizeCharter); baselines are neither. */
  readonly unnormalized: readonly UnnormalizedUnit[];
}

/** Normalizes every unit charter (baselines only give their values to units). */
export function normalizeUnits(resolved: readonly ResolvedCharter[], cache?: PerCharterCache<NormalizeResult>): NormalizedUnits {
  const charters: Charter[] = [];
  const unnormalized: UnnormalizedUnit[] = [];
  for (const charter of resolved) {
    if (charter.isBaseline) continue;
    // Under `charter serve`, a unit whose files did not change keeps its Charter (and so its cached views).
    const result = cache ? cache.get(charter, 'normalized', () => normalizeCharter(charter)) : normalizeCharter(charter);
    if (result.ok) charters.push(result.charter);
    else unnormalized.push(result.unit);
  }
  return { charters, unnormalized };
}
