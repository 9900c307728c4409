import { isPlainObject } from '../model/charter-data.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { listAt } from './access.js';
import { defineRule, type UnitSummary } from './rule.js';
import { message } from '../messages/message.js';

/** Lists whose entries are told apart by a key, and that key (the one lists merge by, src/load/merge.ts). */
const KEYED_LISTS = [
  ['contacts', 'id'],
  ['touchpoints', 'id'],
  ['authority', 'id'],
  ['accessibility', 'service'],
] as const;

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
  'Charter ids are unique across the collection; contact, touchpoint and authority ids, and accessibility services, are unique within a file.',
  'error',
  ({ charter, report }) => {
    // Duplicates inside one file's list; a unit repeating a baseline's id is an override, not a duplicate.
    for (const file of chainOf(charter)) {
      const own = file.source.data;
      for (const [listKey, itemKey] of KEYED_LISTS) {
        const list = listAt(own, [listKey]);
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
          const line = file.source.locate([listKey, earlier, itemKey]).range.start.line;
          report({
            path: [listKey, index, itemKey],
            rawIn: file,
            message:
              itemKey === 'service'
                ? message('rules.unique-ids.duplicate-service', { service: key, line })
                : message('rules.unique-ids.duplicate-in-list', { id: key, list: listKey, line }),
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
