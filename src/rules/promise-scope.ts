import type { JsonPath } from '../model/diagnostic.js';
import { SERVICES_CHANNEL, type PromisePlace, type WrittenPromise } from '../model/commitments.js';
import { listOf, message, type MessageRef } from '../messages/message.js';

/** Whom a promise is for: its customer groups (in any order) and its service; equal for the same customers. */
export function scopeKey(place: Pick<PromisePlace, 'groups' | 'service'>): string {
  return [[...place.groups].sort().join('+'), place.service ?? ''].join('\u0000');
}

/** True for a promise to everyone: no customer groups, no service. */
export function isForEveryone(place: Pick<PromisePlace, 'groups' | 'service'>): boolean {
  return place.groups.length === 0 && place.service === undefined;
}

/** Whom a promise is for, in words ("the customer group `businesses` and the service `benefit`"). */
export function whomMessage(place: Pick<PromisePlace, 'groups' | 'service'>): MessageRef {
  const groups = listOf(place.groups.map((id) => `\`${id}\``));
  const one = place.groups.length === 1;
  const { service } = place;
  if (place.groups.length === 0) return service === undefined ? message('rules.scope.everyone') : message('rules.scope.service', { service });
  if (service === undefined) return message(one ? 'rules.scope.group' : 'rules.scope.groups', { groups });
  return message(one ? 'rules.scope.group-and-service' : 'rules.scope.groups-and-service', { groups, service });
}

/**
 * Of one promise's variants, the one that covers the customers of `place`:
 * the variant for the same groups and service, else the one for everyone
 * using the same service, else the one for everyone.
 */
export function coveringVariant(variants: readonly WrittenPromise[], place: WrittenPromise['place']): WrittenPromise | undefined {
  if (place.channel === SERVICES_CHANNEL) return variants[0];
  const byScope = variantsByScope(variants);
  return (
    byScope.get(scopeKey(place)) ??
    (place.service === undefined ? undefined : byScope.get(scopeKey({ groups: [], service: place.service }))) ??
    byScope.get(scopeKey({ groups: [] }))
  );
}

const scopeMaps = new WeakMap<readonly WrittenPromise[], ReadonlyMap<string, WrittenPromise>>();

/** A list of variants by whom each is for, made once per list (a long list is looked up once per variant of another). */
function variantsByScope(variants: readonly WrittenPromise[]): ReadonlyMap<string, WrittenPromise> {
  const known = scopeMaps.get(variants);
  if (known) return known;
  const byScope = new Map<string, WrittenPromise>();
  // The first of two variants for the same customers counts (distinct-variants reports the second).
  for (const variant of variants) if (!byScope.has(scopeKey(variant.place))) byScope.set(scopeKey(variant.place), variant);
  scopeMaps.set(variants, byScope);
  return byScope;
}

/** The path of a promise's list of variants, or of the promise when it is written alone. */
export function variantListPath(promise: WrittenPromise): JsonPath {
  return typeof promise.path[promise.path.length - 1] === 'number' ? promise.path.slice(0, -1) : promise.path;
}
