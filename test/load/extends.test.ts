import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters, validateCharters } from '../../src/check.js';
import type { Diagnostic, FileResult } from '../../src/model/diagnostic.js';
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

  it('merges channel lines, customer groups, services and complaint stages by id; a weaker line promise is an error', async () => {
    const base = BASELINE.replace('charter: 1\n', 'charter: 1.1\n')
      .replace(
        'channels:\n',
        [
          'customerGroups:',
          '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }',
          'channels:',
          '  phone:',
          '    - { id: general, number: "+358 9 123 4000", answer: { within: 1 minute, target: 80% } }',
          '    - { id: swedish, name: { fi: Ruotsinkielinen linja, en: Swedish line }, number: "+358 9 123 4100", answer: { within: 2 minutes } }',
          '',
        ].join('\n'),
      )
      .replace(
        'feedback:\n',
        [
          'services:',
          '  - { id: permit, name: { fi: Lupa, en: Permit }, promises: [{ id: decision, name: { fi: Päätös, en: Decision }, within: 20 working days }] }',
          'complaints:',
          '  stages:',
          '    - { id: review, name: { fi: Oikaisu, en: Review }, respond: { within: 20 working days } }',
          'feedback:',
          '',
        ].join('\n'),
      );
    const unit = EXTENDING_UNIT.replace('charter: 1\n', 'charter: 1.1\n').replace(
      'channels:\n',
      [
        'customerGroups:',
        '  - { id: public, name: { fi: Yksityiset, en: Private customers } }',
        'channels:',
        '  phone:',
        '    - { id: swedish, answer: { within: 3 minutes } }',
        '',
      ].join('\n'),
    );
    const cwd = writeTree({ 'charters/_base.yaml': base, 'charters/small.yaml': unit });
    const { results, collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const merged = collection.charters.find((charter) => charter.file.endsWith('small.yaml'));
    expect((merged?.data.channels as { phone: unknown[] }).phone).toEqual([
      { id: 'general', number: '+358 9 123 4000', answer: { within: '1 minute', target: '80%' } },
      { id: 'swedish', name: { fi: 'Ruotsinkielinen linja', en: 'Swedish line' }, number: '+358 9 123 4100', answer: { within: '3 minutes' } },
    ]);
    expect((merged?.data.customerGroups as { id: string }[]).map((group) => group.id)).toEqual(['businesses', 'public']);
    expect((merged?.data.services as { id: string }[]).map((service) => service.id)).toEqual(['permit']);
    const findings = results.flatMap((result) => result.diagnostics);
    expect(findings.map((finding) => [finding.ruleId, finding.file, finding.line])).toEqual([
      ['no-weaker-than-baseline', 'charters/small.yaml', unit.split('\n').findIndex((line) => line.includes('id: swedish')) + 1],
    ]);
    expect(findings[0]?.message).toContain('channels.phone[1].answer');
  });

  it('replaces a text in a declared language whole (`smn`, `fse`), and still merges objects keyed like three-letter tags', async () => {
    const base = BASELINE.replace('languages: [fi, en]', 'languages: [fi, smn]')
      .replace('organisation: { fi: Testikaupunki, en: Test City }', 'organisation: { fi: Testikaupunki, smn: Testâkäävpug }')
      .replace('{ fi: Vaihde, en: Switchboard }', '{ fi: Vaihde, smn: Vaihde }')
      .replace('  email:\n', '  eservice:\n    url: https://www.example.fi/asiointi\n    reply: { within: 5 working days }\n  email:\n');
    const unit = EXTENDING_UNIT.replace(
      '{ fi: Pieni yksikkö, en: Small Unit }',
      '{ fi: Pieni yksikkö, smn: Uccâ ovtâdâh }\n  organisation: { smn: Testâkäävpug }',
    ).replace('channels:\n', 'channels:\n  eservice: { url: https://www.example.fi/pieni }\n');
    const cwd = writeTree({ 'charters/_base.yaml': base, 'charters/small.yaml': unit });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const merged = collection.charters.find((charter) => charter.file.endsWith('small.yaml'));
    // The unit's text replaces the baseline's whole: no Finnish is inherited into it.
    expect((merged?.data.unit as { organisation: unknown }).organisation).toEqual({ smn: 'Testâkäävpug' });
    // `{ url: ... }` is not a text in a language `url`: it merges with the baseline's e-service key by key.
    expect((merged?.data.channels as { eservice: unknown }).eservice).toEqual({ url: 'https://www.example.fi/pieni', reply: { within: '5 working days' } });
  });

  it('merges the text-message channel of a charter written in Skolt Sámi (`sms`) key by key', async () => {
    const base = BASELINE.replace('charter: 1\nlanguages: [fi, en]', 'charter: 1.1\nlanguages: [fi, sms]')
      .replace('organisation: { fi: Testikaupunki, en: Test City }', 'organisation: { fi: Testikaupunki, sms: Testkäupuŋg }')
      .replace('{ fi: Vaihde, en: Switchboard }', 'Vaihde')
      .replace('channels:\n', 'channels:\n  sms: { number: "+358 40 123 4567", reply: { within: 1 working day } }\n');
    const unit = EXTENDING_UNIT.replace('charter: 1\n', 'charter: 1.1\n')
      .replace('{ fi: Pieni yksikkö, en: Small Unit }', '{ fi: Pieni yksikkö, sms: Uʹcc ouddâs }')
      .replace('channels:\n', 'channels:\n  sms: { reply: { within: 4 working hours } }\n');
    const cwd = writeTree({ 'charters/_base.yaml': base, 'charters/small.yaml': unit });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const merged = collection.charters.find((charter) => charter.file.endsWith('small.yaml'));
    expect((merged?.data.channels as { sms: unknown }).sms).toEqual({ number: '+358 40 123 4567', reply: { within: '4 working hours' } });
  });

  it('lets a unit replace a baseline exception day whole, by date', async () => {
    const base = BASELINE.replace(
      '  holidays: FI\n',
      '  holidays: FI\n  exceptions:\n    - { date: 2027-05-07, closed: true }\n    - { date: 2027-06-24, open: "08:00", close: "12:00" }\n',
    );
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

  it('leaves a baseline path with a control character to that finding, instead of asking the file system', async () => {
    const unit = edit(EXTENDING_UNIT, 'extends: _base.yaml', 'extends: "_base\\0.yaml"');
    const diagnostics = await diagnosticsFor({ '_base.yaml': BASELINE, 'small.yaml': unit });
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'schema').map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([
      { ruleId: 'control-character', ...positionOf(unit, '\\0') },
    ]);
  });
});

describe('extends depth', () => {
  /** unit.yaml → _0001.yaml → … → _<length>.yaml, the last one a full baseline. */
  function chain(length: number): Record<string, string> {
    const name = (index: number): string => `_${String(index).padStart(4, '0')}.yaml`;
    const files: Record<string, string> = { 'charters/unit.yaml': edit(EXTENDING_UNIT, 'extends: _base.yaml', `extends: ${name(1)}`) };
    for (let index = 1; index < length; index++) files[`charters/${name(index)}`] = `charter: 1\nextends: ${name(index + 1)}\n`;
    files[`charters/${name(length)}`] = BASELINE;
    return files;
  }

  const extendsFindings = (results: readonly FileResult[]): Diagnostic[] =>
    results.flatMap((result) => result.diagnostics).filter((diagnostic) => diagnostic.ruleId === 'extends-resolve');

  it('merges a chain of 10 levels, the limit', async () => {
    const { results, collection } = await checkCharters({ cwd: writeTree(chain(10)), today: '2026-11-23' });
    expect(results.flatMap((result) => result.diagnostics)).toEqual([]);
    expect(collection.charters.find((charter) => charter.file === 'charters/unit.yaml')?.data.languages).toEqual(['fi', 'en']);
  });

  it('reports a chain of 11 once, at the file where it gets too long, and merges nothing into it', async () => {
    const { results, collection } = await checkCharters({ cwd: writeTree(chain(11)), today: '2026-11-23' });
    expect(extendsFindings(results)).toEqual([
      expect.objectContaining({
        file: 'charters/unit.yaml',
        line: 3,
        column: 10,
        severity: 'error',
        message:
          '`extends` chains may be at most 10 levels deep, and this one is 11 (unit.yaml → _0001.yaml → … → _0010.yaml → _0011.yaml); ' +
          'this file and the files that extend it are checked without their baselines: extend a baseline nearer the top (an organisation rarely needs more than 3 or 4 levels)',
      }),
    ]);
    const unit = collection.charters.find((charter) => charter.file === 'charters/unit.yaml');
    expect(unit?.baseline).toBeUndefined();
    expect(unit?.incomplete).toBe(true);
  });

  // The clock time of this test grows with the machine's load: the check is on processor time, the timeout has room.
  it('gives a 3,000-deep chain one finding, quickly (each file is resolved once)', async () => {
    const cwd = writeTree(chain(3000));
    // Processor time, worker threads included: unlike the time on the clock, it does not grow when the machine is busy.
    const before = process.cpuUsage();
    const { results } = await checkCharters({ cwd, today: '2026-11-23' });
    const used = process.cpuUsage(before);
    // Generous: the quadratic resolution this replaces took over a minute here.
    expect((used.user + used.system) / 1000).toBeLessThan(20_000);
    expect(extendsFindings(results).map((finding) => [finding.file, finding.message.slice(0, 66)])).toEqual([
      ['charters/_2989.yaml', '`extends` chains may be at most 10 levels deep, and this one is 11'],
    ]);
    // Nothing else: files below the one reported lose their baselines without more findings.
    expect(results.flatMap((result) => result.diagnostics)).toHaveLength(1);
  }, 90_000);

  it('follows a deep chain from a single file given to reach the file to report', async () => {
    const cwd = writeTree(chain(40));
    const { results } = await checkCharters({ cwd, today: '2026-11-23', patterns: ['charters/unit.yaml'] });
    expect(extendsFindings(results).map((finding) => finding.file)).toEqual(['charters/_0029.yaml']);
  });

  it('reports the same one finding when worker threads check the chain in batches', async () => {
    const cwd = writeTree(chain(300));
    const { results } = await validateCharters({ cwd, today: '2026-11-23', concurrency: 2 });
    expect(extendsFindings(results).map((finding) => finding.file)).toEqual(['charters/_0289.yaml']);
  });

  it('reports a cycle longer than the limit as a cycle, once', async () => {
    const files: Record<string, string> = {};
    const name = (index: number): string => `_${String(index % 15).padStart(2, '0')}.yaml`;
    for (let index = 0; index < 15; index++) files[`charters/${name(index)}`] = `charter: 1\nextends: ${name(index + 1)}\n`;
    const { results } = await checkCharters({ cwd: writeTree(files), today: '2026-11-23' });
    const findings = extendsFindings(results);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/^`extends` makes a cycle \(_00\.yaml → _01\.yaml → .* → _14\.yaml → _00\.yaml\)/);
  });
});
