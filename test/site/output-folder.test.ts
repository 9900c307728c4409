import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, StagingFolder } from '../../src/site/output-folder.js';
import { registeredCleanups } from '../../src/util/cleanup.js';
import { VALID_UNIT } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

const TODAY = '2026-11-23';

/** The pid of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

/** A folder as a run names its folders beside `_site`, holding the marker (or not). */
function runFolder(cwd: string, name: string, marked = true): string {
  const folder = join(cwd, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'index.html'), name);
  if (marked) writeFileSync(join(folder, OUTPUT_MARKER), '');
  return folder;
}

describe('--out must not be or hold an input', () => {
  it.each([
    ['the folder of the --css file', ['--css', 'theme/city.css'], 'theme', 'it holds theme/city.css'],
    ['the --logo file itself', ['--logo', 'theme/logo.svg'], 'theme/logo.svg', 'it is theme/logo.svg'],
    ['the folder of an --events log', ['--events', 'logs/2026.csv'], 'logs', 'it holds logs/2026.csv'],
  ])('refuses %s', async (_, flags, out, why) => {
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      'theme/city.css': 'body {}',
      'theme/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'theme/.charter-site': '',
      'logs/2026.csv': 'charter,channel,commitment,start,end\n',
      'logs/.charter-site': '',
    });
    const result = await runCli(['build', ...flags, '--out', out, '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`charter: refusing to build into ${out}: ${why}, which the build must not replace\n`);
    expect(readFileSync(join(cwd, 'theme', 'city.css'), 'utf8')).toBe('body {}');
    expect(existsSync(join(cwd, 'logs', '2026.csv'))).toBe(true);
  });

  it('refuses a link that leads to the charters folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'charters/.charter-site': '' });
    symlinkSync('charters', join(cwd, 'site-link'));
    const result = await runCli(['build', '--out', 'site-link', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: refusing to build into site-link: it is charters, which the build must not replace\n');
    expect(readFileSync(join(cwd, 'charters', 'unit.yaml'), 'utf8')).toBe(VALID_UNIT);
  });

  it('refuses a folder below a file, before making anything', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'notes.txt': 'mine' });
    const result = await runCli(['build', '--out', 'notes.txt/site/deeper', '--today', TODAY, '--no-search'], cwd);
    expect(result).toMatchObject({ code: 2, stderr: 'charter: refusing to build into notes.txt/site/deeper: notes.txt is a file, not a folder\n' });
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(cwd).sort()).toEqual(['charters', 'notes.txt']);
  });
});

describe('problems writing the output', () => {
  it('names the output for a write that fails inside it, and leaves other errors alone', async () => {
    const cwd = writeTree({});
    const staging = await StagingFolder.create(join(cwd, 'site'), 'site');
    const full = Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', syscall: 'write', path: join(staging.path, 'fi', 'index.html') });
    expect((staging.problem(full) as Error).message).toBe('cannot build into site: no space left on the device');
    const missingInput = Object.assign(new Error('ENOENT'), { code: 'ENOENT', syscall: 'copyfile', path: join(cwd, 'theme.css') });
    expect(staging.problem(missingInput)).toBe(missingInput);
    await staging.discard();
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('folders of runs that were killed', () => {
  it('are removed by the next build into the same output; others are left alone', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const dead = deadPid();
    runFolder(cwd, `._site.building-${dead}-1`);
    runFolder(cwd, `._site.old-${dead}-1`);
    // Not ours to remove: no marker, a live process, another output's name.
    runFolder(cwd, `._site.building-${dead}-2`, false);
    runFolder(cwd, `._site.building-${process.pid}-3`);
    runFolder(cwd, `.public.building-${dead}-4`);
    // Killed before it marked its staging folder: empty, so surely nobody else's.
    mkdirSync(join(cwd, `._site.building-${dead}-5`));
    const result = await runCli(['build', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(0);
    expect(
      readdirSync(cwd)
        .filter((name) => name.startsWith('.'))
        .sort(),
    ).toEqual([`._site.building-${dead}-2`, `._site.building-${process.pid}-3`, `.public.building-${dead}-4`].sort());
  });

  it('put back the previous output when a run died between its two renames', async () => {
    const cwd = writeTree({});
    const retired = `.site.old-${deadPid()}-1`;
    runFolder(cwd, retired);
    const staging = await StagingFolder.create(join(cwd, 'site'), 'site');
    expect(readFileSync(join(cwd, 'site', 'index.html'), 'utf8')).toBe(retired);
    await staging.discard();
    expect(readdirSync(cwd)).toEqual(['site']);
    expect(registeredCleanups()).toBe(0);
  });
});
