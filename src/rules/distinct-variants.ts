import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { SERVICES_CHANNEL, writtenPromisesOf, type WrittenPromise } from '../model/commitments.js';
import { isForEveryone, scopeKey, whomMessage } from './promise-scope.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** Where to point: at what makes the variant the same as the other (`for`, else `service`), else at the variant. */
function pointAt(variant: WrittenPromise): JsonPath {
  if (Array.isArray(variant.value.for)) return [...variant.path, 'for'];
  if (typeof variant.value.service === 'string') return [...variant.path, 'service'];
  return variant.path;
}

export default defineRule(
  'distinct-variants',
  'A promise written as a list of variants has at most one variant for everyone, and no two for the same customer groups and service.',
  'error',
  ({ charter, report }) => {
    // A list of variants: the same promise (`answer`, `averageAnswer`...) for different groups or services. A service's `promises` are different promises, told apart by id.
    const lists = new Map<string, WrittenPromise[]>();
    for (const promise of writtenPromisesOf(charter.data)) {
      if (promise.place.channel === SERVICES_CHANNEL || typeof promise.path[promise.path.length - 1] !== 'number') continue;
      const listKey = formatJsonPath(promise.path.slice(0, -1));
      const list = lists.get(listKey);
      if (list) list.push(promise);
      else lists.set(listKey, [promise]);
    }
    for (const [name, variants] of lists) {
      const firstByScope = new Map<string, WrittenPromise>();
      for (const variant of variants) {
        const key = scopeKey(variant.place);
        const first = firstByScope.get(key);
        if (first === undefined) {
          firstByScope.set(key, variant);
          continue;
        }
        const line = charter.locate(first.path).range.start.line;
        report({
          path: pointAt(variant),
          message: isForEveryone(variant.place)
            ? message('rules.distinct-variants.everyone-twice', { name, line })
            : message('rules.distinct-variants.same-scope', { name, whom: whomMessage(variant.place), line }),
        });
      }
    }
  },
);
