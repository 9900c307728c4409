import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_UNIT } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

/** `charter review` and `charter build` each keep to a folder marked as their own. */
const review = (cwd: string, ...args: string[]) => runCli(['review', '--as-of', '2026-11-30', '--format', 'html', ...args], cwd);
const build = (cwd: string, ...args: string[]) => runCli(['build', 'charters', '--today', '2026-11-30', '--no-search', ...args], cwd);

describe('the review folder and the site folder', () => {
  it('charter build refuses the folder of the review packs, leaving the packs and the notes beside them', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await review(cwd)).code).toBe(0);
    expect(readdirSync(join(cwd, '_review')).filter((name) => name.startsWith('.'))).toEqual(['.charter-review', '.charter-review-packs']);
    writeFileSync(join(cwd, '_review', 'notes.txt'), 'my notes');
    const result = await build(cwd, '--out', '_review');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: refusing to replace _review: charter review wrote its review packs there; choose another --out for charter build\n');
    expect(readFileSync(join(cwd, '_review', 'notes.txt'), 'utf8')).toBe('my notes');
    expect(existsSync(join(cwd, '_review', 'fi', 'test-unit.html'))).toBe(true);
  }, 60_000);

  it('charter build refuses a review folder made by an earlier version (the site marker and the pack list)', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await review(cwd)).code).toBe(0);
    // As earlier versions marked it: with the site's marker.
    renameSync(join(cwd, '_review', '.charter-review'), join(cwd, '_review', '.charter-site'));
    const result = await build(cwd, '--out', '_review');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('charter review wrote its review packs there');
    expect(existsSync(join(cwd, '_review', 'fi', 'test-unit.html'))).toBe(true);
    // The next review takes the folder as its own, and gives it its own marker.
    const again = await review(cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(join(cwd, '_review')).filter((name) => name.startsWith('.'))).toEqual(['.charter-review', '.charter-review-packs']);
  }, 60_000);

  it('charter cards refuses a review folder, naming itself', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await review(cwd)).code).toBe(0);
    const result = await runCli(['cards', 'charters', '--out', '_review', '--chromium', join(cwd, 'no-chromium')], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('choose another --out for charter cards');
  });

  it("names the command that was run when the folder is the user's own", async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'notes/todo.txt': 'mine' });
    const result = await review(cwd, '--out', 'notes');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: refusing to replace notes: it is not empty and was not made by charter review; choose another --out or empty it yourself\n',
    );
    expect((await build(cwd, '--out', 'notes')).stderr).toContain('was not made by charter build;');
    expect(readFileSync(join(cwd, 'notes', 'todo.txt'), 'utf8')).toBe('mine');
  });

  it('charter review still refuses a site, and a build over its own site still works', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await build(cwd)).code).toBe(0);
    expect((await review(cwd, '--out', '_site')).stderr).toContain('charter build made it');
    expect((await build(cwd)).code).toBe(0);
  }, 60_000);
});
