import { formatJsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject } from '../model/charter-data.js';
import { commitmentsOf } from '../model/commitments.js';
import { compareDurations, formatPercent, parseDuration, parseTarget } from '../time/duration.js';
import { defineRule } from './rule.js';

export default defineRule(
  'no-weaker-than-baseline',
  'A unit may tighten a commitment it inherits, never loosen it: no longer `within`, no lower `target`.',
  'error',
  ({ charter, report }) => {
    const baseline = charter.baseline;
    if (!baseline) return;
    for (const commitment of commitmentsOf(charter.data)) {
      const inherited = getPath(baseline.data, commitment.path);
      if (!isPlainObject(inherited)) continue;
      const name = formatJsonPath(commitment.path);
      const own = parseDuration(commitment.within);
      const base = parseDuration(inherited.within);
      if (own && base) {
        const order = compareDurations(own, base);
        if (order === 1) {
          report({
            path: [...commitment.path, 'within'],
            message: `\`${name}\` promises ${String(commitment.within)}, slower than the baseline's ${String(inherited.within)} in ${baseline.file}; a unit may only tighten a promise`,
          });
        } else if (order === undefined) {
          report({
            path: [...commitment.path, 'within'],
            severity: 'warning',
            message: `\`${name}\` (${String(commitment.within)}) cannot be compared with the baseline's ${String(inherited.within)}; use the same kind of unit so the promise can be checked`,
          });
        }
      }
      const ownTarget = parseTarget(commitment.target);
      const baseTarget = parseTarget(inherited.target);
      if (ownTarget !== undefined && baseTarget !== undefined && ownTarget < baseTarget) {
        report({
          path: commitment.target === undefined ? commitment.path : [...commitment.path, 'target'],
          message: `\`${name}\` targets ${formatPercent(ownTarget)}, lower than the baseline's ${formatPercent(baseTarget)} in ${baseline.file}; a unit may only tighten a promise`,
        });
      }
    }
  },
);
