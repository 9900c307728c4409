import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import { Suggester } from '../util/suggest.js';
import { contactIds, listAt, objectAt, stringAt } from './access.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** Every place a charter names a contact by id. */
function* contactReferences(data: Readonly<Record<string, unknown>>): Generator<{ path: JsonPath; id: string }> {
  const single: JsonPath[] = [['owner'], ['feedback', 'escalateTo']];
  for (const path of single) {
    const id = stringAt(data, path);
    if (id !== undefined) yield { path, id };
  }
  for (const listPath of [
    ['review', 'rota'],
    ['absence', 'notify'],
  ] as const) {
    const list = listAt(data, listPath);
    for (let index = 0; index < list.length; index++) {
      const id = list[index];
      if (typeof id === 'string') yield { path: [...listPath, index], id };
    }
  }
  for (const [listKey, field] of [
    ['touchpoints', 'owner'],
    ['authority', 'escalateTo'],
  ] as const) {
    const list = listAt(data, [listKey]);
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (isPlainObject(item) && typeof item[field] === 'string') yield { path: [listKey, index, field], id: item[field] };
    }
  }
}

export default defineRule('reference-exists', 'Every contact id and channel a charter refers to exists.', 'error', ({ charter, report }) => {
  const known = contactIds(charter.data);
  const knownSet = new Set(known);
  // One suggester per charter: a file of many unknown references to many contacts costs a bounded amount of work.
  const hints = new Suggester(known);
  for (const { path, id } of contactReferences(charter.data)) {
    if (knownSet.has(id)) continue;
    const suggestion = hints.suggest(id);
    report({
      path,
      message: suggestion
        ? message('rules.reference-exists.unknown-contact-suggest', { id, suggestion })
        : known.length > 0 && known.length <= 8
          ? message('rules.reference-exists.unknown-contact-list', { id, known: [...knownSet].join(', ') })
          : message('rules.reference-exists.unknown-contact', { id }),
    });
  }
  const channels = objectAt(charter.data, ['channels']) ?? {};
  const touchpoints = listAt(charter.data, ['touchpoints']);
  for (let index = 0; index < touchpoints.length; index++) {
    const touchpoint = touchpoints[index];
    const channel = isPlainObject(touchpoint) ? touchpoint.channel : undefined;
    if (typeof channel === 'string' && !Object.hasOwn(channels, channel)) {
      report({
        path: ['touchpoints', index, 'channel'],
        message: message('rules.reference-exists.unknown-channel', { channel }),
      });
    }
  }
});
