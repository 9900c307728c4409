import type { PromisePlace } from '../model/commitments.js';
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
