import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { awayData } from '../../src/away/away-data.js';
import { checkCharters } from '../../src/check.js';
import type { Charter } from '../../src/model/charter.js';
import { awayJsonSource } from '../../src/site/away-json.js';
import { normalizeCollection } from '../../src/site/site-charters.js';

const TODAY = '2026-11-23';
let units: readonly Charter[];

beforeAll(async () => {
  const checked = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: TODAY });
  units = normalizeCollection(checked).units;
});

/** The unit with another id (and so another object), as a large collection has many of. */
function copyOf(unit: Charter, id: string): Charter {
  return { ...unit, id };
}

describe('awayJsonSource', () => {
  it('gives each unit exactly its own AwayData, for the window around the day, also when units share their hours', () => {
    expect(units.length).toBeGreaterThan(1);
    const source = awayJsonSource({ base: '/intranet/', origin: 'https://example.fi' });
    const all = [...units, ...units.map((unit) => copyOf(unit, `${unit.id}-copy`))];
    for (const unit of all) {
      const json = source(unit, TODAY);
      const expected = awayData(unit, {
        from: '2026-10-23',
        until: '2028-11-22',
        pageUrl: Object.fromEntries(unit.languages.map((lang) => [lang, `https://example.fi/intranet/${lang}/${unit.id}/#away`])),
      });
      expect(JSON.parse(json ?? 'null'), unit.id).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });

  it('follows the day: another day, another window', () => {
    const [unit] = units;
    if (!unit) throw new Error('no example unit');
    const source = awayJsonSource({});
    const first = JSON.parse(source(unit, TODAY) ?? 'null') as { calendar: { from: string; until: string } };
    const later = JSON.parse(source(unit, '2027-03-01') ?? 'null') as { calendar: { from: string; until: string } };
    expect(first.calendar).toMatchObject({ from: '2026-10-23', until: '2028-11-22' });
    expect(later.calendar).toMatchObject({ from: '2027-01-29', until: '2029-02-28' });
  });

  it('gives nothing for a unit without an absence routine', () => {
    const [unit] = units;
    if (!unit) throw new Error('no example unit');
    const { absence: _, ...without } = unit;
    expect(awayJsonSource({})(without, TODAY)).toBeUndefined();
  });
});
