import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { Charter } from '../../src/model/charter.js';
import { textIn } from '../../src/model/charter-text.js';
import { writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

const SERVICES = `accessibility:
  - service: sign-language
    languages: [fse, fss]
    channels: [counter, phone]
    how: { fi: Tilaa tulkki Kelan tulkkauspalvelusta., en: Book an interpreter through Kela. }
  - service: hearing-loop
    channels: [counter]
    note: { fi: Tiskeillä 1 ja 2., en: At desks 1 and 2. }
  - service: large-print
touchpoints:
`;

async function charters(files: Readonly<Record<string, string>>): Promise<{ units: readonly Charter[]; findings: string[] }> {
  const cwd = writeTree(Object.fromEntries(Object.entries(files).map(([path, text]) => [`charters/${path}`, text])));
  const { results, charters: units } = await checkCharters({ cwd, today: '2026-11-23' });
  return { units, findings: results.flatMap((result) => result.diagnostics.map((diagnostic) => `${diagnostic.ruleId}: ${diagnostic.message}`)) };
}

describe('accessibility services in the model', () => {
  it('reads each service with its languages, channels and texts, and empty lists where none are given', async () => {
    const { units, findings } = await charters({ 'unit.yaml': edit(VALID_UNIT, 'touchpoints:\n', SERVICES) });
    expect(findings).toEqual([]);
    const [unit] = units;
    expect(unit?.accessibility.map((entry) => entry.service)).toEqual(['sign-language', 'hearing-loop', 'large-print']);
    expect(unit?.accessibility[0]).toMatchObject({ service: 'sign-language', languages: ['fse', 'fss'], channels: ['counter', 'phone'] });
    const how = unit?.accessibility[0]?.how;
    expect(how && textIn(how, 'en').text).toBe('Book an interpreter through Kela.');
    expect(unit?.accessibility[0]?.note).toBeUndefined();
    const note = unit?.accessibility[1]?.note;
    expect(note && textIn(note, 'fi')).toEqual({ text: 'Tiskeillä 1 ja 2.', lang: 'fi' });
    expect(unit?.accessibility[2]).toEqual({ service: 'large-print', languages: [], channels: [] });
  });

  it('is an empty list for a charter that names no services', async () => {
    const { units } = await charters({ 'unit.yaml': VALID_UNIT });
    expect(units).toHaveLength(1);
    expect(units[0]?.accessibility).toEqual([]);
  });

  it("inherits the baseline's services, merged by `service`: the unit's entry wins key by key, and new ones follow", async () => {
    const base = `${BASELINE}accessibility:
  - service: relay
    how: { fi: Soita välityspalvelun kautta., en: Call through the relay service. }
  - service: sign-language
    languages: [fse]
    how: { fi: Tilaa tulkki Kelasta., en: Book an interpreter through Kela. }
`;
    const unit = `${EXTENDING_UNIT}accessibility:
  - service: sign-language
    languages: [fse, fss]
  - service: hearing-loop
    channels: [counter]
`;
    const { units, findings } = await charters({ '_base.yaml': base, 'small.yaml': unit });
    expect(findings).toEqual([]);
    const services = units[0]?.accessibility ?? [];
    expect(services.map((entry) => entry.service)).toEqual(['relay', 'sign-language', 'hearing-loop']);
    expect(services[1]?.languages).toEqual(['fse', 'fss']);
    // The unit did not write `how`, so the baseline's stays.
    expect(services[1]?.how && textIn(services[1].how, 'fi').text).toBe('Tilaa tulkki Kelasta.');
    expect(services[2]?.channels).toEqual(['counter']);
  });
});
