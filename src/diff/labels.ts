import type { CharterData } from '../model/charter-data.js';
import { isPlainObject } from '../model/charter-data.js';
import type { JsonPath } from '../model/diagnostic.js';
import type { CharterPromise } from '../model/commitments.js';
import { COMPLAINTS_CHANNEL, FEEDBACK_CHANNEL, SERVICES_CHANNEL } from '../model/commitments.js';
import { formatPercent } from '../time/duration.js';

/**
 * Names for the places of a charter in the charter's own keys
 * (`channels.email.reply`, `channels.phone[general].answer`): the words the
 * people who write charters know, the same in every language.
 */

/** A promise's place: `channels.email.reply`, `services[benefit].promises[decision]`, with its groups. */
export function promiseLabel(promise: CharterPromise): string {
  const { place } = promise;
  const key = promise.measure === 'average' ? 'averageAnswer' : promise.measure === 'abandoned' ? 'abandoned' : place.commitment;
  let label: string;
  if (place.channel === FEEDBACK_CHANNEL) label = `feedback.${key}`;
  else if (place.channel === COMPLAINTS_CHANNEL) label = `complaints.stages[${place.line ?? ''}].${key}`;
  else if (place.channel === SERVICES_CHANNEL) label = `services[${place.service ?? ''}].promises[${key}]`;
  else label = `${lineLabel(place.channel, place.line)}.${key}`;
  const scope = [
    ...(place.groups.length > 0 ? [`for: ${place.groups.join(', ')}`] : []),
    ...(place.service && place.channel !== SERVICES_CHANNEL ? [`service: ${place.service}`] : []),
  ];
  return scope.length === 0 ? label : `${label} (${scope.join('; ')})`;
}

/** A channel line: `channels.email`, or `channels.phone[general]` in a list of lines. */
export function lineLabel(kind: string, id: string | undefined): string {
  return id === undefined ? `channels.${kind}` : `channels.${kind}[${id}]`;
}

/** A promise's value in the charter's words: `2 working days, 90%`; `10%` for an abandonment rate. */
export function promiseValue(promise: CharterPromise): string {
  if (promise.measure === 'abandoned') return formatPercent(promise.promise.atMost);
  if (promise.measure === 'average') return promise.promise.within.written;
  return `${promise.promise.within.written}, ${formatPercent(promise.promise.target)}`;
}

/**
 * A path of the data as the charter's keys, a list item named by its `id`
 * (or `date`) where it has one: `contacts[head].name.fi`. Items named so
 * pair across versions however the list was reordered.
 */
export function pathLabel(data: CharterData, path: JsonPath): string {
  let label = '';
  let value: unknown = data;
  for (const segment of path) {
    if (typeof segment === 'number') {
      const item: unknown = Array.isArray(value) ? value[segment] : undefined;
      const name = isPlainObject(item) ? (typeof item.id === 'string' ? item.id : typeof item.date === 'string' ? item.date : undefined) : undefined;
      label += `[${name ?? segment}]`;
      value = item;
    } else {
      label += label === '' ? segment : `.${segment}`;
      value = isPlainObject(value) ? value[segment] : undefined;
    }
  }
  return label;
}
