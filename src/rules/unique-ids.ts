import { isPlainObject } from '../model/charter.js';
import type { ResolvedCharter } from '../model/charter.js';
import { listAt, stringAt } from './access.js';
import { defineRule } from './rule.js';

const ID_LISTS = ['contacts', 'touchpoints', 'authority'] as const;

/** The first unit holding each id, computed once per collection (rules run per charter). */
const indexes = new WeakMap<readonly ResolvedCharter[], Map<string, ResolvedCharter>>();
function firstCharterById(collection: readonly ResolvedCharter[]): Map<string, ResolvedCharter> {
  let index = indexes.get(collection);
  if (!index) {
    index = new Map();
    for (const charter of collection) {
      const id = stringAt(charter.data, ['id']);
      if (id !== undefined && !charter.isBaseline && !index.has(id)) index.set(id, charter);
    }
    indexes.set(collection, index);
  }
  return index;
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
  'Charter ids are unique across the collection; contact, touchpoint and authority ids are unique within a file.',
  'error',
  ({ charter, collection, report }) => {
    const id = stringAt(charter.data, ['id']);
    if (id !== undefined && !charter.isBaseline) {
      const first = firstCharterById(collection).get(id);
      if (first && first !== charter) {
        report({ path: ['id'], message: `the charter id \`${id}\` is already used by ${first.file}; ids must be unique, as they are web addresses` });
      }
    }
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
            message: `the id \`${itemId}\` appears twice in \`${listKey}\` (first at line ${earlierLine}); give each entry its own id`,
          });
        }
      }
    }
  },
);
