import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { diagnosticsFor, positionOf, writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, edit } from '../fixtures/charters.js';

describe('extends', () => {
  it('merges a baseline: inherited keys make the unit complete', async () => {
    expect(await diagnosticsFor({ '_base.yaml': BASELINE, 'small.yaml': EXTENDING_UNIT })).toEqual([]);
  });

  it('merges contacts by id and keeps the unit as the winner', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const unit = collection.charters.find((charter) => charter.file.endsWith('small.yaml'));
    expect(unit?.data.contacts).toEqual([
      { id: 'switchboard', name: { fi: 'Vaihde', en: 'Switchboard' }, phone: '+358 9 123 4000' },
      { id: 'head', name: 'Liisa Esimerkki' },
    ]);
    expect(unit?.data.channels).toMatchObject({ email: { address: 'pieni@example.fi', reply: { within: '3 working days', target: '95%' } } });
    expect(unit?.data.languages).toEqual(['fi', 'en']);
    expect(unit?.data.id).toBe('small-unit');
  });

  it('lets a unit replace a baseline exception day whole, by date', async () => {
    const base = BASELINE.replace('  holidays: FI\n', '  holidays: FI\n  exceptions:\n    - { date: 2027-05-07, closed: true }\n    - { date: 2027-06-24, open: "08:00", close: "12:00" }\n');
    const unit = EXTENDING_UNIT.replace('contacts:\n', 'hours:\n  exceptions:\n    - { date: 2027-05-07, open: "10:00", close: "14:00" }\ncontacts:\n');
    const cwd = writeTree({ 'charters/_base.yaml': base, 'charters/small.yaml': unit });
    const { results, collection } = await checkCharters({ cwd, today: '2026-11-23' });
    expect(results.flatMap((result) => result.diagnostics)).toEqual([]);
    const merged = collection.charters.find((charter) => charter.file.endsWith('small.yaml'));
    expect((merged?.data.hours as { exceptions: unknown[] }).exceptions).toEqual([
      { date: '2027-05-07', open: '10:00', close: '14:00' },
      { date: '2027-06-24', open: '08:00', close: '12:00' },
    ]);
    // The weekly hours were not given by the unit, so they still come from the baseline.
    expect((merged?.data.hours as { weekly: unknown[] }).weekly).toHaveLength(1);
    expect(merged?.locate(['hours', 'exceptions', 1, 'date']).file).toBe('charters/_base.yaml');
    expect(merged?.locate(['hours', 'exceptions', 0, 'date']).file).toBe('charters/small.yaml');
  });

  it('points at the baseline file for a mistake in an inherited value', async () => {
    const base = edit(BASELINE, 'phone: "+358 9 123 4000"', 'phone: "call us"');
    const diagnostics = await diagnosticsFor({ '_base.yaml': base, 'small.yaml': EXTENDING_UNIT });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'charters/_base.yaml', ruleId: 'schema', ...positionOf(base, '"call us"') });
  });

  it('points into the unit for its own values, even after list items merge', async () => {
    const unit = edit(EXTENDING_UNIT, '    name: Liisa Esimerkki', '    name: Liisa Esimerkki\n    email: not-an-address');
    const diagnostics = await diagnosticsFor({ '_base.yaml': BASELINE, 'small.yaml': unit });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'charters/small.yaml', ...positionOf(unit, 'not-an-address') });
    expect(diagnostics[0]?.path).toEqual(['contacts', 1, 'email']);
  });

  it('reports a missing baseline at the extends value', async () => {
    const unit = edit(EXTENDING_UNIT, 'extends: _base.yaml', 'extends: _nowhere.yaml');
    const diagnostics = await diagnosticsFor({ 'small.yaml': unit });
    const missing = diagnostics.find((diagnostic) => diagnostic.ruleId === 'extends-resolve');
    expect(missing).toMatchObject(positionOf(unit, '_nowhere.yaml'));
    expect(missing?.message).toMatch(/does not exist/);
    // Inherited keys are unknown, so no pile of "missing key" errors follows.
    expect(diagnostics.filter((diagnostic) => diagnostic.message.includes('missing the required key'))).toEqual([]);
  });

  it('detects a cycle', async () => {
    const a = `charter: 1\nextends: _b.yaml\nlanguages: [fi]\n`;
    const b = `charter: 1\nextends: _a.yaml\n`;
    const diagnostics = await diagnosticsFor({ '_a.yaml': a, '_b.yaml': b });
    const cycle = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'extends-resolve');
    expect(cycle).toHaveLength(1);
    expect(cycle[0]?.message).toMatch(/cycle \(_a\.yaml → _b\.yaml → _a\.yaml\)|cycle \(_b\.yaml → _a\.yaml → _b\.yaml\)/);
    expect(cycle[0]?.line).toBe(2);
  });

  it('refuses a baseline outside the charters folder', async () => {
    const cwd = writeTree({
      'secret.yaml': BASELINE,
      'charters/small.yaml': edit(EXTENDING_UNIT, 'extends: _base.yaml', 'extends: ../secret.yaml'),
    });
    const { results } = await checkCharters({ cwd, today: '2026-11-23' });
    const diagnostics = results.flatMap((result) => result.diagnostics);
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'extends-resolve')?.message).toMatch(/outside the charters folder/);
    expect(results.map((result) => result.file)).not.toContain('secret.yaml');
  });

  it('refuses a symbolic link that leads out of the charters folder', async () => {
    const cwd = writeTree({ 'outside/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    symlinkSync(join(cwd, 'outside/_base.yaml'), join(cwd, 'charters/_base.yaml'));
    const { results } = await checkCharters({ cwd, today: '2026-11-23', patterns: ['charters/small.yaml'] });
    const diagnostics = results.flatMap((result) => result.diagnostics);
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'extends-resolve')?.message).toMatch(/outside the charters folder/);
  });

  it('refuses an absolute path or a URL', async () => {
    for (const target of ['/etc/passwd.yaml', 'https://example.fi/base.yaml']) {
      const diagnostics = await diagnosticsFor({ 'small.yaml': edit(EXTENDING_UNIT, 'extends: _base.yaml', `extends: "${target}"`) });
      expect(diagnostics.find((diagnostic) => diagnostic.ruleId === 'extends-resolve')?.message).toMatch(/relative to this file/);
    }
  });

  it('reports a baseline mistake once, however many units extend it', async () => {
    const base = edit(BASELINE, 'phone: "+358 9 123 4000"', 'phone: "call us"');
    const second = edit(EXTENDING_UNIT, 'id: small-unit', 'id: other-unit');
    const diagnostics = await diagnosticsFor({ '_base.yaml': base, 'small.yaml': EXTENDING_UNIT, 'other.yaml': second });
    expect(diagnostics).toHaveLength(1);
  });

  it('finds the baseline beside a single file given on the command line', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    const { results } = await checkCharters({ cwd, today: '2026-11-23', patterns: ['charters/small.yaml'] });
    expect(results.flatMap((result) => result.diagnostics)).toEqual([]);
    expect(results.map((result) => result.file)).toEqual(['charters/small.yaml', 'charters/_base.yaml']);
  });
});
