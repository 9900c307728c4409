import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

/** charter review as a careless or hostile user runs it: each test is a bug found, and its fix. */
const AS_OF = ['--as-of', '2026-11-30'];
const review = (cwd: string, ...args: string[]) => runCli(['review', ...AS_OF, '--format', 'html', ...args], cwd);

describe('charter review never removes what it did not write', () => {
  it("keeps the user's own files that look like packs, and removes a renamed charter's pack", async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await review(cwd)).code).toBe(0);
    // The reviewer's own notes beside the packs, named like one.
    writeFileSync(join(cwd, '_review', 'fi', 'meeting-notes.html'), 'my notes');
    // The charter is renamed: its old pack is stale.
    const file = join(cwd, 'charters', 'unit.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8'), 'id: test-unit', 'id: renamed-unit'));
    const again = await review(cwd);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(cwd, '_review', 'fi', 'meeting-notes.html'), 'utf8')).toBe('my notes');
    expect(existsSync(join(cwd, '_review', 'fi', 'test-unit.html'))).toBe(false);
    expect(existsSync(join(cwd, '_review', 'fi', 'renamed-unit.html'))).toBe(true);
  });

  it('refuses to write into a site of charter build, whose pages it would remove', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await runCli(['build', 'charters', '--today', '2026-11-30'], cwd)).code).toBe(0);
    const before = readdirSync(join(cwd, '_site', 'fi'));
    expect(before).toContain('index.html');
    const result = await review(cwd, '--out', '_site');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: refusing to write the review packs into _site: charter build made it, and a build replaces the whole folder; choose another --out, such as _review\n',
    );
    expect(readdirSync(join(cwd, '_site', 'fi'))).toEqual(before);
  }, 60_000);

  it('moves nothing by a pack list that is a link', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await review(cwd)).code).toBe(0);
    renameSync(join(cwd, '_review', '.charter-review-packs'), join(cwd, 'list'));
    writeFileSync(join(cwd, '_review', 'fi', 'mine.html'), 'mine');
    writeFileSync(join(cwd, 'list'), 'fi/mine.html\n');
    symlinkSync(join(cwd, 'list'), join(cwd, '_review', '.charter-review-packs'));
    expect((await review(cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, '_review', 'fi', 'mine.html'), 'utf8')).toBe('mine');
  });
});

describe('charter review without Chromium', () => {
  it('says --format pdf needs Chromium for the review packs, not for cards', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['review', ...AS_OF, '--format', 'pdf', '--chromium', join(cwd, 'none')], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^charter: printing the review packs needs Chromium, and there is none at .*none: install it/);
    expect(result.stderr).not.toContain('cards');
  });
});

describe('charter review and charters that cannot be read', () => {
  it('says why a charter asked for by id gets no pack, in the user language, instead of "no such id"', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': `${VALID_UNIT}bogus: 1\n` });
    const result = await review(cwd, '--charter', 'test-unit', '--locale', 'fi');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^charter: palvelulupausta `test-unit` tiedostossa charters\/unit\.yaml ei voi lukea, joten sille ei tehdä tarkistusaineistoa: \d+:1 tuntematon avain `bogus`/,
    );
    expect(existsSync(join(cwd, '_review'))).toBe(false);
  });

  it('names the charters left out when none is left, with the first error of each', async () => {
    // The baseline is missing: every unit is left out.
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT.replace(/^charter: 1\n/m, 'charter: 1\nextends: _missing.yaml\n') });
    const result = await review(cwd);
    expect(result.code).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^charter: charters\/unit\.yaml is left out: 2:10 the baseline `_missing\.yaml` does not exist/);
    expect(lines.at(-1)).toBe('charter: there is no unit charter to make a review pack for: check the paths, or run `charter validate`');
  });
});

describe('charter review and a log that is a pipe', () => {
  it('does not wait on a FIFO, nor advise giving - (which the review refuses)', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    execFileSync('mkfifo', [join(cwd, 'pipe')]);
    const result = await review(cwd, '--events', 'pipe');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: pipe: is a FIFO (named pipe), not a log file: the review reads each log again for each approval date, so save the log in a file and give that\n',
    );
    expect(existsSync(join(cwd, '_review'))).toBe(false);
  });
});

describe('charter review and empty option values', () => {
  it('says which option needs a value, rather than naming an empty folder or id', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    for (const [flag, option] of [
      ['--out=', '--out <folder>'],
      ['--charter=', '--charter <id>'],
      ['--events=', '--events <logs...>'],
    ] as const) {
      const result = await review(cwd, flag);
      expect(result.code, flag).toBe(2);
      expect(result.stderr, flag).toBe(`charter: option '${option}' needs a value\n`);
    }
    expect(readdirSync(cwd)).toEqual(['charters']);
  });
});

describe('charter review --charter with a file', () => {
  it('takes the charter file, as charter away does, rather than saying there is no such id', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await review(cwd, '--charter', 'charters/unit.yaml');
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(cwd, '_review', 'fi', 'test-unit.html'))).toBe(true);
  });
});

describe('charter review with a charter left out', () => {
  it('writes the others, and exits 1 so that a script sees the pack is not whole', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'charters/broken.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: broken-unit\nbogus: 1') });
    const result = await review(cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/charter: charters\/broken\.yaml is left out: \d+:1 unknown key `bogus`/);
    expect(existsSync(join(cwd, '_review', 'fi', 'test-unit.html'))).toBe(true);
  });
});
