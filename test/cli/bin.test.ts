import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'charter.js');

function charter(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built bin', () => {
  it('validates the example charters cleanly', () => {
    expect(charter(['validate', '--today', '2026-11-23'], repoRoot)).toEqual({
      status: 0,
      stdout: '\u2713 5 charter files checked, no problems\n',
      stderr: '',
    });
  });

  it('sets exit code 1 for findings', () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'owner: head', 'owner: nobody') });
    const result = charter(['validate', '--today', '2026-11-23'], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/unknown contact `nobody`/);
  });

  it('sets exit code 2 with one line and no stack trace for a bad path', () => {
    const result = charter(['validate', 'missing-folder'], writeTree({ 'charters/unit.yaml': VALID_UNIT }));
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('charter: cannot read missing-folder: no such file or folder\n');
  });

  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.runIf(existsSync('/dev/full'))('says in one line, exit 2, when the output cannot be written', () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'owner: head', 'owner: nobody') });
    const full = openSync('/dev/full', 'w');
    try {
      const result = spawnSync(process.execPath, [bin, 'validate', '--today', '2026-11-23'], { cwd, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe('charter: could not write the output: no space left on the device\n');
    } finally {
      closeSync(full);
    }
  });

  it('builds when run from the file system root', () => {
    const folder = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = charter(['build', join(folder, 'charters'), '--out', join(folder, 'site'), '--no-search', '--today', '2026-11-23'], '/');
    // fi and en: the front page, search, accessibility statement, the unit's page and card in each, and the root page.
    expect(result.stderr).toMatch(/^charter: built 11 pages into .*site\/\n$/);
    expect(result.status).toBe(0);
    expect(existsSync(join(folder, 'site', 'fi', 'test-unit', 'index.html'))).toBe(true);
  });
});
