import { isPlainObject } from '../model/charter-data.js';
import { CHANNEL_KINDS } from '../model/charter.js';
import type { JsonPath } from '../model/diagnostic.js';
import { formatJsonPath } from '../model/diagnostic.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { listAt } from './access.js';
import { defineRule, type UnitSummary } from './rule.js';
import { message } from '../messages/message.js';

/** A list whose entries are told apart by a key (the one lists merge by, src/load/merge.ts), in one file's own data. */
interface KeyedList {
  readonly path: JsonPath;
  readonly key: 'id' | 'service';
  /** For the promises of a service: the service's id, named in the message. */
  readonly service?: string;
}

/**
 * The keyed lists of one file: contacts, touchpoints, decision rights,
 * accessibility services, customer groups, services, complaint stages, the
 * lines of each kind of channel, and each service's promises (their ids are
 * what a contact log names, so they are unique within the service).
 */
function keyedLists(own: unknown): KeyedList[] {
  const lists: KeyedList[] = [
    { path: ['contacts'], key: 'id' },
    { path: ['touchpoints'], key: 'id' },
    { path: ['authority'], key: 'id' },
    { path: ['accessibility'], key: 'service' },
    { path: ['customerGroups'], key: 'id' },
    { path: ['services'], key: 'id' },
    { path: ['complaints', 'stages'], key: 'id' },
    ...CHANNEL_KINDS.map((kind): KeyedList => ({ path: ['channels', kind], key: 'id' })),
  ];
  listAt(own, ['services']).forEach((service, index) => {
    if (isPlainObject(service) && typeof service.id === 'string') lists.push({ path: ['services', index, 'promises'], key: 'id', service: service.id });
  });
  return lists;
}

/** Files whose own lists this charter's data comes from: itself and its baselines. */
function chainOf(charter: ResolvedCharter): ResolvedCharter[] {
  const chain: ResolvedCharter[] = [];
  for (let current: ResolvedCharter | undefined = charter; current && !chain.includes(current); current = current.baseline) {
    chain.push(current);
  }
  return chain;
}

export default defineRule(
  'unique-ids',
  'Charter ids are unique across the collection; within a file, the ids of each list (contacts, customer groups, services, complaint stages, the lines of a channel kind...), the promise ids of each service, and accessibility services.',
  'error',
  ({ charter, report }) => {
    // Duplicates inside one file's list; a unit repeating a baseline's id is an override, not a duplicate.
    for (const file of chainOf(charter)) {
      const own = file.source.data;
      for (const { path: listPath, key: itemKey, service } of keyedLists(own)) {
        const list = listAt(own, listPath);
        const seen = new Map<string, number>();
        for (let index = 0; index < list.length; index++) {
          const item = list[index];
          const key = isPlainObject(item) && typeof item[itemKey] === 'string' ? item[itemKey] : undefined;
          if (key === undefined) continue;
          const earlier = seen.get(key);
          if (earlier === undefined) {
            seen.set(key, index);
            continue;
          }
          const line = file.source.locate([...listPath, earlier, itemKey]).range.start.line;
          report({
            path: [...listPath, index, itemKey],
            rawIn: file,
            message:
              itemKey === 'service'
                ? message('rules.unique-ids.duplicate-service', { service: key, line })
                : service !== undefined
                  ? message('rules.unique-ids.duplicate-service-promise', { id: key, service, line })
                  : message('rules.unique-ids.duplicate-in-list', { id: key, list: formatJsonPath(listPath), line }),
          });
        }
      }
    }
  },
  ({ units, report }) => {
    const firstById = new Map<string, UnitSummary>();
    for (const unit of units) {
      if (unit.id === undefined) continue;
      const first = firstById.get(unit.id);
      if (!first) firstById.set(unit.id, unit);
      else
        report(unit, {
          path: ['id'],
          message: message('rules.unique-ids.duplicate-charter-id', { id: unit.id, file: first.file }),
        });
    }
  },
);
