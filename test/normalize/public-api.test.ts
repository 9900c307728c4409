import { describe, expect, it } from 'vitest';
import { checkCharters, normalizeCharter, reviewStatus, textIn, type Charter } from '../../src/index.js';
import { writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

describe('normalized charters through the public API', () => {
  it('come with the check result, beside the units that could not be normalized', async () => {
    const cwd = writeTree({
      'charters/a.yaml': VALID_UNIT,
      'charters/b.yaml': edit(edit(VALID_UNIT, 'id: test-unit', 'id: broken'), 'owner: head', 'owner: nobody'),
    });
    const { charters, unnormalized, collection } = await checkCharters({ cwd, today: '2026-11-23' });
    expect(charters.map((charter: Charter) => charter.id)).toEqual(['test-unit']);
    expect(unnormalized).toEqual([{ file: 'charters/b.yaml', id: 'broken', reason: '`owner` names `nobody`, which is not a contact id in `contacts`' }]);
    const [first] = charters;
    if (!first) throw new Error('no charter');
    expect(textIn(first.unit.name, 'en').text).toBe('Test Unit');
    expect(reviewStatus(first.review.next, '2027-08-20')).toEqual({ date: '2027-09-01', inDays: 12, status: 'due-soon' });
    const [resolved] = collection.charters;
    expect(resolved && normalizeCharter(resolved)).toEqual({ ok: true, charter: first });
  });
});
