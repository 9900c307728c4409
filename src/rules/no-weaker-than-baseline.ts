import { formatJsonPath } from '../model/diagnostic.js';
import { placeKey, writtenPromisesOf } from '../model/commitments.js';
import { compareDurations, parseDuration, parseTarget } from '../time/duration.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** A share as a number of percent (one decimal), for `{target} %` in the reader's language. */
function percentOf(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

export default defineRule(
  'no-weaker-than-baseline',
  'A unit may tighten a commitment it inherits, never loosen it: no longer `within`, no lower `target`.',
  'error',
  ({ charter, report }) => {
    const baseline = charter.baseline;
    if (!baseline) return;
    // The same promise in the baseline: the same channel, line, promise, groups and service, wherever its list puts it.
    const inheritedByPlace = new Map(writtenPromisesOf(baseline.data).map((promise) => [placeKey(promise.measure, promise.place), promise.value]));
    for (const written of writtenPromisesOf(charter.data)) {
      if (written.measure !== 'within') continue;
      const inherited = inheritedByPlace.get(placeKey(written.measure, written.place));
      if (inherited === undefined) continue;
      const commitment = { path: written.path, within: written.value.within, target: written.value.target };
      const name = formatJsonPath(commitment.path);
      const own = parseDuration(commitment.within);
      const base = parseDuration(inherited.within);
      if (own && base) {
        const order = compareDurations(own, base);
        if (order === 1) {
          report({
            path: [...commitment.path, 'within'],
            message: message('rules.no-weaker-than-baseline.slower', {
              name,
              within: String(commitment.within),
              baseline: String(inherited.within),
              file: baseline.file,
            }),
          });
        } else if (order === undefined) {
          report({
            path: [...commitment.path, 'within'],
            severity: 'warning',
            message: message('rules.no-weaker-than-baseline.incomparable', { name, within: String(commitment.within), baseline: String(inherited.within) }),
          });
        }
      }
      const ownTarget = parseTarget(commitment.target);
      const baseTarget = parseTarget(inherited.target);
      if (ownTarget !== undefined && baseTarget !== undefined && ownTarget < baseTarget) {
        report({
          path: commitment.target === undefined ? commitment.path : [...commitment.path, 'target'],
          message: message('rules.no-weaker-than-baseline.lower-target', {
            name,
            target: percentOf(ownTarget),
            baseline: percentOf(baseTarget),
            file: baseline.file,
          }),
        });
      }
    }
  },
);
