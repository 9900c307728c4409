import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { SERVICES_CHANNEL, writtenPromisesOf, type WrittenPromise } from '../model/commitments.js';
import { defineRule } from './rule.js';
import { listOf, message, type MessageRef } from '../messages/message.js';

/** Whom a variant is for: its customer groups (in any order) and its service. */
function scopeKey(variant: WrittenPromise): string {
  return [[...variant.place.groups].sort().join('+'), variant.place.service ?? ''].join('\u0000');
}

/** Whom a variant is for, in words. */
function whom(variant: WrittenPromise): MessageRef {
  const groups = listOf(variant.place.groups.map((id) => `\`${id}\``));
  const one = variant.place.groups.length === 1;
  const { service } = variant.place;
  if (variant.place.groups.length === 0) return message('rules.distinct-variants.for-service', { service: service ?? '' });
  if (service === undefined) return message(one ? 'rules.distinct-variants.for-group' : 'rules.distinct-variants.for-groups', { groups });
  return message(one ? 'rules.distinct-variants.for-group-and-service' : 'rules.distinct-variants.for-groups-and-service', { groups, service });
}

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
      lists.set(listKey, [...(lists.get(listKey) ?? []), promise]);
    }
    for (const [name, variants] of lists) {
      const firstByScope = new Map<string, WrittenPromise>();
      for (const variant of variants) {
        const key = scopeKey(variant);
        const first = firstByScope.get(key);
        if (first === undefined) {
          firstByScope.set(key, variant);
          continue;
        }
        const line = charter.locate(first.path).range.start.line;
        const forEveryone = variant.place.groups.length === 0 && variant.place.service === undefined;
        report({
          path: pointAt(variant),
          message: forEveryone
            ? message('rules.distinct-variants.everyone-twice', { name, line })
            : message('rules.distinct-variants.same-scope', { name, whom: whom(variant), line }),
        });
      }
    }
  },
);
