import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';
import { runBin, runCli, writeTree } from '../helpers.js';

/** A unit with an id of its own, placed outside the charters folder by the tests. */
const SECRET_UNIT = edit(VALID_UNIT, 'id: test-unit', 'id: secret-unit');
const TODAY = '2026-11-23';

async function findings(cwd: string, patterns?: string[], root?: string): Promise<Diagnostic[]> {
  const { results } = await checkCharters({ cwd, today: TODAY, ...(patterns ? { patterns } : {}), ...(root ? { root } : {}) });
  return results.flatMap((result) => result.diagnostics);
}

describe('the loader reads only regular files inside the charters folder', () => {
  it('refuses a file link that leads out, naming where it leads, and reads the rest', async () => {
    const cwd = writeTree({ 'outside/secret.yaml': SECRET_UNIT, 'charters/test-unit.yaml': VALID_UNIT });
    symlinkSync(join(cwd, 'outside/secret.yaml'), join(cwd, 'charters/secret.yaml'));
    const { results, collection } = await checkCharters({ cwd, today: TODAY });
    expect(results).toEqual([
      { file: 'charters/secret.yaml', diagnostics: [expect.objectContaining({ ruleId: 'file-read', severity: 'error', line: 1, column: 1 })] },
      { file: 'charters/test-unit.yaml', diagnostics: [] },
    ]);
    expect(results[0]?.diagnostics[0]?.message).toBe(
      'this is a link to outside/secret.yaml, outside the charters folder charters, so it was not read; keep charters inside that folder (copy it in, or give --root a folder that holds both)',
    );
    expect(collection.charters.map((charter) => charter.data.id)).toEqual(['test-unit']);
  });

  it('reads a link that stays inside the charters folder', async () => {
    const cwd = writeTree({ 'charters/units/test-unit.yaml': VALID_UNIT });
    symlinkSync(join(cwd, 'charters/units/test-unit.yaml'), join(cwd, 'charters/current.yaml'));
    const { collection } = await checkCharters({ cwd, today: TODAY, patterns: ['charters/current.yaml'], root: 'charters' });
    expect(collection.charters.map((charter) => charter.data.id)).toEqual(['test-unit']);
  });

  it('does not search a folder link that leads out: the link itself is the finding', async () => {
    const cwd = writeTree({ 'outside/secret.yaml': SECRET_UNIT, 'charters/test-unit.yaml': VALID_UNIT });
    symlinkSync(join(cwd, 'outside'), join(cwd, 'charters/shared'));
    const diagnostics = await findings(cwd);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'charters/shared', ruleId: 'file-read', line: 1, column: 1 });
    expect(diagnostics[0]?.message).toMatch(/^this is a link to outside, outside the charters folder charters, so it was not read/);
  });

  it('leaves a folder link inside alone, and a link cycle ends', async () => {
    const cwd = writeTree({ 'charters/2026/test-unit.yaml': VALID_UNIT });
    symlinkSync('2026', join(cwd, 'charters/current'));
    symlinkSync('.', join(cwd, 'charters/2026/loop'));
    symlinkSync('..', join(cwd, 'charters/2026/up'));
    const { results } = await checkCharters({ cwd, today: TODAY });
    // Found once, at its real place: no duplicate-id findings from paths through the links.
    expect(results).toEqual([{ file: 'charters/2026/test-unit.yaml', diagnostics: [] }]);
  });

  it('refuses a file outside an explicit --root', async () => {
    const cwd = writeTree({ 'other/secret.yaml': SECRET_UNIT, 'charters/test-unit.yaml': VALID_UNIT });
    const diagnostics = await findings(cwd, ['charters', 'other/secret.yaml'], 'charters');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'other/secret.yaml',
        ruleId: 'file-read',
        message: 'the file is outside the charters folder charters, so it was not read; move it in, or give --root a folder that holds both',
      }),
    ]);
  });

  it('still refuses an `extends` link out, and reads nothing through it', async () => {
    const cwd = writeTree({ 'outside/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    symlinkSync(join(cwd, 'outside/_base.yaml'), join(cwd, 'charters/_base.yaml'));
    const diagnostics = await findings(cwd);
    expect(diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.ruleId])).toEqual([
      ['charters/_base.yaml', 'file-read'],
      ['charters/small.yaml', 'extends-resolve'],
    ]);
  });

  it('refuses a device even inside the charters folder (here: everything)', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    symlinkSync('/dev/zero', join(cwd, 'charters/zero.yaml'));
    const diagnostics = await findings(cwd, undefined, '/');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        file: 'charters/zero.yaml',
        ruleId: 'file-read',
        message: 'this is not a regular file but a device, or a link to one; a charter must be a plain YAML file',
      }),
    ]);
  });
});

describe.skipIf(process.platform === 'win32')('a FIFO among the charters never blocks a command', () => {
  /** A charters folder holding a FIFO, a link to one, and a link to standard input. */
  function foldersWithPipes(): string {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT, 'log.csv': 'charter,channel,commitment,start,end\n' });
    execFileSync('mkfifo', [join(cwd, 'charters/pipe.yaml')]);
    symlinkSync('pipe.yaml', join(cwd, 'charters/to-pipe.yaml'));
    symlinkSync('/dev/stdin', join(cwd, 'charters/stdin.yaml'));
    return cwd;
  }

  it.each([
    ['validate', []],
    ['build', ['--out', '_site']],
    ['report', ['log.csv', '--as-of', `${TODAY}T12:00:00+02:00`]],
    ['rota', []],
    ['cards', ['--out', '_cards']],
  ])('charter %s reports the FIFO and the links to it as findings', (command, args) => {
    const cwd = foldersWithPipes();
    const result = runBin([command, ...args, ...(command === 'validate' || command === 'build' ? ['--today', TODAY] : [])], cwd);
    expect(result.signal).toBeNull();
    const output = result.stdout + result.stderr;
    if (command === 'report') {
      // The report measures what can be read and counts the rest.
      expect(result.stderr).toContain('charter: note: 3 charter files have errors');
      return;
    }
    expect(output).toContain('charters/pipe.yaml');
    expect(output).toContain('this is not a regular file but a FIFO (named pipe), or a link to one');
    expect(output).toContain('charters/to-pipe.yaml');
    expect(output).toContain('charters/stdin.yaml');
    expect(result.code).toBe(1);
  });

  it.each([
    ['sql', ['--dialect', 'duckdb']],
    [
      'away',
      ['--charter', 'test-unit', '--from', '2027-01-11', '--until', '2027-01-12', '--substitute', 'Maija Meikäläinen, 040 123 4567', '--today', '2027-01-04'],
    ],
    ['diff', ['charters', 'charters']],
  ])('charter %s reads past the FIFO and the links to it, and ends', (command, args) => {
    const cwd = foldersWithPipes();
    const result = runBin([command, ...args], cwd);
    expect(result.signal).toBeNull();
    expect([0, 1]).toContain(result.code);
    if (command === 'diff') expect(result.stdout + result.stderr).toContain('charters/pipe.yaml: not compared');
  });
});

describe('nothing from outside is published or measured', () => {
  it('charter build builds nothing while a charter links out', async () => {
    const cwd = writeTree({ 'outside/secret.yaml': SECRET_UNIT, 'charters/test-unit.yaml': VALID_UNIT });
    symlinkSync(join(cwd, 'outside/secret.yaml'), join(cwd, 'charters/secret.yaml'));
    const result = await runCli(['build', '--out', '_site', '--no-search', '--today', TODAY], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('charters/secret.yaml');
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('charter report does not measure a unit read through a link out', async () => {
    const cwd = writeTree({
      'outside/secret.yaml': SECRET_UNIT,
      'charters/test-unit.yaml': VALID_UNIT,
      'log.csv': 'charter,channel,commitment,start,end\nsecret-unit,email,reply,2026-12-21T10:00:00+02:00,2026-12-23T15:00:00+02:00\n',
    });
    symlinkSync(join(cwd, 'outside/secret.yaml'), join(cwd, 'charters/secret.yaml'));
    const result = await runCli(['report', 'log.csv', '--format', 'json', '--as-of', '2027-01-15T12:00:00+02:00'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/1 charter file has errors/);
    const report = JSON.parse(result.stdout) as { commitments: { charter: string }[]; badRows: { message: string }[] };
    expect(new Set(report.commitments.map((commitment) => commitment.charter))).toEqual(new Set(['test-unit']));
    expect(report.badRows).toEqual([expect.objectContaining({ line: 2 })]);
  });
});
