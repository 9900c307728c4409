import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { PerCharterCache } from '../../src/load/charter-cache.js';
import type { ParseCache } from '../../src/load/load-collection.js';
import type { NormalizeResult } from '../../src/normalize/normalize-charter.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { writeTree } from '../helpers.js';

describe('checkCharters with a normalize cache (charter serve)', () => {
  it('keeps the Charter of a unit whose file did not change, and makes a new one when it did', async () => {
    const cwd = writeTree({ 'charters/a.yaml': VALID_UNIT, 'charters/b.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: other-unit') });
    const options = { cwd, today: '2026-11-23', parseCache: new Map() as ParseCache, normalizeCache: new PerCharterCache<NormalizeResult>() };
    const first = await checkCharters(options);
    expect(first.charters.map((charter) => charter.id)).toEqual(['test-unit', 'other-unit']);
    writeFileSync(join(cwd, 'charters', 'b.yaml'), edit(VALID_UNIT, 'id: test-unit', 'id: other-unit').replace('Testiyksikkö', 'Toinen yksikkö'));
    const second = await checkCharters(options);
    expect(second.charters[0]).toBe(first.charters[0]);
    expect(second.charters[1]).not.toBe(first.charters[1]);
    expect(second.charters[1]?.unit.name.byLanguage.fi?.text).toMatch(/^Toinen yksikkö/);
  });
});
