import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharters, type CheckResult } from '../../src/check.js';
import { normalizeUnits } from '../../src/normalize/normalize-collection.js';
import { PerCharterCache } from '../../src/load/charter-cache.js';
import type { ParseCache } from '../../src/load/load-collection.js';
import type { NormalizeResult } from '../../src/normalize/normalize-charter.js';
import { normalizeCollection } from '../../src/site/site-charters.js';

const TODAY = '2026-11-23';
let checked: CheckResult;

beforeAll(async () => {
  checked = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: TODAY });
});

describe('normalizeCollection', () => {
  it('takes every example unit, by id, each with the file it came from', () => {
    const normalized = normalizeCollection(checked);
    expect(normalized.problems).toEqual([]);
    expect(normalized.units.map((unit) => unit.id)).toEqual(['building-control', 'city-library', 'registry-office', 'social-services-advice']);
    for (const unit of normalized.units) {
      const resolved = normalized.resolvedOf(unit);
      expect(resolved.file).toBe(unit.file);
      expect(resolved.data.id).toBe(unit.id);
    }
  });

  it("names the organisation baseline's owner for feedback on the guide", () => {
    const { feedbackContact } = normalizeCollection(checked);
    expect(feedbackContact?.id).toBe('customer-service-manager');
    expect(feedbackContact?.email).toBeDefined();
  });

  it('turns a unit that does not normalize into an internal error of its file, never a silent gap', () => {
    const { collection } = checked;
    const [first, ...others] = collection.charters.filter((charter) => !charter.isBaseline);
    if (!first) throw new Error('no example unit');
    const broken = { ...first, data: { ...first.data, channels: 'none' } };
    const charters = [broken, ...others];
    const normalized = normalizeCollection({ collection: { ...collection, charters }, ...normalizeUnits(charters) });
    expect(normalized.units.map((unit) => unit.id)).not.toContain(first.data.id);
    expect(normalized.problems).toEqual([
      expect.objectContaining({
        ruleId: 'internal-error',
        severity: 'error',
        file: first.file,
        message: expect.stringContaining('the normalize stage failed') as string,
      }),
    ]);
  });
});

describe('normalizeCollection under charter serve', () => {
  it('keeps the Charter of a unit whose files did not change, so its views stay cached', async () => {
    const cwd = fileURLToPath(new URL('../..', import.meta.url));
    const options = { cwd, today: TODAY, parseCache: new Map() as ParseCache, normalizeCache: new PerCharterCache<NormalizeResult>() };
    const first = normalizeCollection(await checkCharters(options));
    const second = normalizeCollection(await checkCharters(options));
    expect(second.units).toEqual(first.units);
    second.units.forEach((unit, index) => expect(unit).toBe(first.units[index]));
  });
});
