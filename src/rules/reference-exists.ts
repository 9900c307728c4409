import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject, type CharterData } from '../model/charter-data.js';
import { writtenPromisesOf } from '../model/commitments.js';
import { Suggester } from '../util/suggest.js';
import { channelLines, contactIds, listAt, objectAt, stringAt } from './access.js';
import { defineRule, type RuleReport } from './rule.js';
import { message, type MessageRef } from '../messages/message.js';

interface Reference {
  readonly path: JsonPath;
  readonly id: string;
}

/** Every place a charter names a contact by id. */
function* contactReferences(data: CharterData): Generator<Reference> {
  const single: JsonPath[] = [['owner'], ['feedback', 'escalateTo']];
  for (const path of single) {
    const id = stringAt(data, path);
    if (id !== undefined) yield { path, id };
  }
  for (const listPath of [
    ['review', 'rota'],
    ['absence', 'notify'],
  ] as const) {
    yield* idsIn(data, listPath);
  }
  for (const [listPath, field] of [
    [['touchpoints'], 'owner'],
    [['authority'], 'escalateTo'],
    [['complaints', 'stages'], 'escalateTo'],
  ] as const) {
    const list = listAt(data, listPath);
    for (let index = 0; index < list.length; index++) {
      const item = list[index];
      if (isPlainObject(item) && typeof item[field] === 'string') yield { path: [...listPath, index, field], id: item[field] };
    }
  }
}

/** The ids in a list of ids (`rota: [head, clerk]`), each with its path. */
function* idsIn(data: unknown, listPath: JsonPath): Generator<Reference> {
  const list = listAt(data, listPath);
  for (let index = 0; index < list.length; index++) {
    const id = list[index];
    if (typeof id === 'string') yield { path: [...listPath, index], id };
  }
}

/** Every place a charter names a customer group (`audience` of a line, `for` of a promise) or a service (`service` of a promise). */
function groupAndServiceReferences(data: CharterData): { groups: Reference[]; services: Reference[] } {
  const groups: Reference[] = [];
  const services: Reference[] = [];
  for (const { path } of channelLines(data)) groups.push(...idsIn(data, [...path, 'audience']));
  for (const promise of writtenPromisesOf(data)) {
    groups.push(...idsIn(data, [...promise.path, 'for']));
    if (typeof promise.value.service === 'string') services.push({ path: [...promise.path, 'service'], id: promise.value.service });
  }
  return { groups, services };
}

function idsOf(data: CharterData, listKey: string): string[] {
  return listAt(data, [listKey]).flatMap((item) => (isPlainObject(item) && typeof item.id === 'string' ? [item.id] : []));
}

/** The three ways of saying an id is unknown: with the closest known id, with every known id (a few), or with where to add it. */
interface UnknownMessages {
  readonly suggest: (id: string, suggestion: string) => MessageRef;
  readonly list: (id: string, known: string) => MessageRef;
  readonly plain: (id: string) => MessageRef;
}

function checkReferences(references: Iterable<Reference>, known: readonly string[], messages: UnknownMessages, report: (report: RuleReport) => void): void {
  const knownSet = new Set(known);
  // One suggester per kind of reference and charter: many unknown references to many ids cost a bounded amount of work.
  let hints: Suggester | undefined;
  for (const { path, id } of references) {
    if (knownSet.has(id)) continue;
    hints ??= new Suggester(known);
    const suggestion = hints.suggest(id);
    report({
      path,
      message: suggestion
        ? messages.suggest(id, suggestion)
        : knownSet.size > 0 && knownSet.size <= 8
          ? messages.list(id, [...knownSet].join(', '))
          : messages.plain(id),
    });
  }
}

export default defineRule(
  'reference-exists',
  'Every contact, customer group, service and channel a charter refers to exists.',
  'error',
  ({ charter, report }) => {
    const data = charter.data;
    checkReferences(
      contactReferences(data),
      contactIds(data),
      {
        suggest: (id, suggestion) => message('rules.reference-exists.unknown-contact-suggest', { id, suggestion }),
        list: (id, known) => message('rules.reference-exists.unknown-contact-list', { id, known }),
        plain: (id) => message('rules.reference-exists.unknown-contact', { id }),
      },
      report,
    );
    const { groups, services } = groupAndServiceReferences(data);
    checkReferences(
      groups,
      idsOf(data, 'customerGroups'),
      {
        suggest: (id, suggestion) => message('rules.reference-exists.unknown-group-suggest', { id, suggestion }),
        list: (id, known) => message('rules.reference-exists.unknown-group-list', { id, known }),
        plain: (id) => message('rules.reference-exists.unknown-group', { id }),
      },
      report,
    );
    checkReferences(
      services,
      idsOf(data, 'services'),
      {
        suggest: (id, suggestion) => message('rules.reference-exists.unknown-service-suggest', { id, suggestion }),
        list: (id, known) => message('rules.reference-exists.unknown-service-list', { id, known }),
        plain: (id) => message('rules.reference-exists.unknown-service', { id }),
      },
      report,
    );
    const channels = objectAt(data, ['channels']) ?? {};
    const touchpoints = listAt(data, ['touchpoints']);
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
  },
);
