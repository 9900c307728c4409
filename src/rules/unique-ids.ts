import { isPlainObject } from '../model/charter-data.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { listAt } from './access.js';
import { defineRule, type UnitSummary } from './rule.js';
import { message } from '../messages/message.js';

const ID_LISTS = ['contacts', 'touchpoints', 'authority'] as const;

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
  'Charter ids are unique across the collection; contact, touchpoint and authority ids are unique within a file.',
  'error',
  ({ charter, report }) => {
    // Duplicates inside one file's list; a unit repeating a baseline's id is an override, not a duplicate.
    for (const file of chainOf(charter)) {
      const own = file.source.data;
      for (const listKey of ID_LISTS) {
        const list = listAt(own, [listKey]);
        const seen = new Map<string, number>();
        for (let index = 0; index < list.length; index++) {
          const item = list[index];
          const itemId = isPlainObject(item) && typeof item.id === 'string' ? item.id : undefined;
          if (itemId === undefined) continue;
          const earlier = seen.get(itemId);
          if (earlier === undefined) {
            seen.set(itemId, index);
            continue;
          }
          const earlierLine = file.source.locate([listKey, earlier, 'id']).range.start.line;
          report({
            path: [listKey, index, 'id'],
            rawIn: file,
            message: message('rules.unique-ids.duplicate-in-list', { id: itemId, list: listKey, line: earlierLine }),
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
