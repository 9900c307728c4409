import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, StagingFolder } from '../../src/site/output-folder.js';
import { SiteFolder } from '../../src/site/site-folder.js';
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

  it('give back the cards a run killed while swapping had carried into its staging folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    const staging = runFolder(cwd, `._site.building-${deadPid()}-1`);
    mkdirSync(join(staging, 'cards', 'fi'), { recursive: true });
    writeFileSync(join(staging, 'cards', OUTPUT_MARKER), 'Made by charter cards.\n');
    writeFileSync(join(staging, 'cards', 'fi', 'unit-a6.pdf'), 'card');
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'cards', 'fi', 'unit-a6.pdf'), 'utf8')).toBe('card');
    expect(readdirSync(cwd).filter((name) => name.startsWith('.'))).toEqual([]);
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

describe('cards printed into the site', () => {
  /** A `charter cards` output folder: marked, with one card. */
  function cardsFolder(folder: string): void {
    mkdirSync(join(folder, 'fi'), { recursive: true });
    writeFileSync(join(folder, OUTPUT_MARKER), 'Made by charter cards.\n');
    writeFileSync(join(folder, 'fi', 'unit-a6.pdf'), 'card');
  }

  it('are kept by charter build, which replaces the rest of its output', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'elsewhere/secret.txt': 'not ours' });
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    cardsFolder(join(cwd, '_site', 'cards'));
    // Not carried: a folder without the marker, a link to a folder (never followed), a stray file.
    mkdirSync(join(cwd, '_site', 'old-stuff'));
    writeFileSync(join(cwd, '_site', 'old-stuff', 'page.html'), 'old');
    symlinkSync(join(cwd, 'elsewhere'), join(cwd, '_site', 'linked'));
    writeFileSync(join(cwd, '_site', 'stray.txt'), 'stray');
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'cards', 'fi', 'unit-a6.pdf'), 'utf8')).toBe('card');
    expect(existsSync(join(cwd, '_site', 'fi', 'index.html'))).toBe(true);
    for (const gone of ['old-stuff', 'linked', 'stray.txt']) expect(existsSync(join(cwd, '_site', gone))).toBe(false);
    expect(readFileSync(join(cwd, 'elsewhere', 'secret.txt'), 'utf8')).toBe('not ours');
    expect(readdirSync(cwd).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('let charter build use a folder that holds nothing else (cards printed first)', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    cardsFolder(join(cwd, '_site', 'cards'));
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'cards', 'fi', 'unit-a6.pdf'), 'utf8')).toBe('card');
    // Anything else unmarked there is still refused.
    const other = writeTree({ 'charters/unit.yaml': VALID_UNIT, '_site/notes.txt': 'mine' });
    cardsFolder(join(other, '_site', 'cards'));
    const refused = await runCli(['build', '--today', TODAY, '--no-search'], other);
    expect(refused.code).toBe(2);
    expect(readFileSync(join(other, '_site', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('are kept when charter serve writes its output anew', async () => {
    const cwd = writeTree({ '_site/fi/index.html': 'old page' });
    cardsFolder(join(cwd, '_site', 'cards'));
    const folder = new SiteFolder(join(cwd, '_site'));
    await folder.recreate();
    await folder.release();
    expect(readdirSync(join(cwd, '_site')).sort()).toEqual([OUTPUT_MARKER, 'cards']);
    expect(readFileSync(join(cwd, '_site', 'cards', 'fi', 'unit-a6.pdf'), 'utf8')).toBe('card');
  });
});

describe('publishing some files into an output', () => {
  it('replaces the files written and the stale ones picked, and leaves every other file', async () => {
    const cwd = writeTree({
      'out/.charter-site': '',
      'out/fi/a-a6.pdf': 'old a6',
      'out/fi/gone-a6.pdf': 'stale a6',
      'out/fi/a-a7.pdf': 'a7 stays',
      'out/old/gone-a6.pdf': 'stale, folder emptied',
      'elsewhere/keep.pdf': 'not ours',
    });
    // A link where a folder belongs is replaced by a folder, never written through.
    symlinkSync(join(cwd, 'elsewhere'), join(cwd, 'out', 'sv'));
    const staging = await StagingFolder.create(join(cwd, 'out'), 'out');
    mkdirSync(join(staging.path, 'fi'));
    mkdirSync(join(staging.path, 'sv'));
    writeFileSync(join(staging.path, 'fi', 'a-a6.pdf'), 'new a6');
    writeFileSync(join(staging.path, 'sv', 'keep.pdf'), 'new sv');
    await staging.publishFiles(['fi/a-a6.pdf', 'sv/keep.pdf'], (path) => path.endsWith('-a6.pdf'));
    expect(readFileSync(join(cwd, 'out', 'fi', 'a-a6.pdf'), 'utf8')).toBe('new a6');
    expect(readFileSync(join(cwd, 'out', 'fi', 'a-a7.pdf'), 'utf8')).toBe('a7 stays');
    expect(existsSync(join(cwd, 'out', 'fi', 'gone-a6.pdf'))).toBe(false);
    expect(existsSync(join(cwd, 'out', 'old'))).toBe(false);
    expect(lstatSync(join(cwd, 'out', 'sv')).isDirectory()).toBe(true);
    expect(readFileSync(join(cwd, 'elsewhere', 'keep.pdf'), 'utf8')).toBe('not ours');
    expect(readdirSync(cwd).sort()).toEqual(['elsewhere', 'out']);
    expect(registeredCleanups()).toBe(0);
  });

  it('makes a missing output, marked', async () => {
    const cwd = writeTree({});
    const staging = await StagingFolder.create(join(cwd, 'new', 'cards'), 'new/cards', 'Made by a test.\n');
    writeFileSync(join(staging.path, 'card.pdf'), 'card');
    await staging.publishFiles(['card.pdf'], () => false);
    expect(readdirSync(join(cwd, 'new', 'cards')).sort()).toEqual([OUTPUT_MARKER, 'card.pdf']);
    expect(readFileSync(join(cwd, 'new', 'cards', OUTPUT_MARKER), 'utf8')).toBe('Made by a test.\n');
    expect(readdirSync(join(cwd, 'new'))).toEqual(['cards']);
  });
});
