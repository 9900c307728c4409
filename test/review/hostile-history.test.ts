import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpairedBidi } from '../../src/util/bidi.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { runCli, tempFolder } from '../helpers.js';

/**
 * Charters as git has them: an old version was never validated, and the
 * review pages quote it. Its control characters and bidi formatting must not
 * reach a page: each shows as U+FFFD, and what pairs stays paired.
 */

const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_COMMITTER_DATE: '2026-10-01T12:00:00Z' };

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.fi', ...args], { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function write(cwd: string, path: string, text: string): void {
  mkdirSync(dirname(join(cwd, path)), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

/** ESC starting a colour, a right-to-left override, an isolate never closed, next line (C1) and a one-character CSI. */
const HOSTILE_YAML = String.raw`\e[31mRED\u202eevil\u2066open\u0085nel\u009b2J`;
const SHOWN = 'Test\uFFFD[31mRED\uFFFDevil\uFFFDopen\uFFFDnel\uFFFD2J Unit';
/** A file name in the history with ESC and an override. */
const OLD_NAME = 'charters/old\u001b[2J\u202eunit.yaml';
/** Anything a page must not hold: C0 but tab, line feed and carriage return, DEL, C1, the overrides. */
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202d\u202e]/;

/** A long summary whose isolate pairs, with a word changed near its opener and far from its closer: a quote cut there must not leave it open. */
const longSummary = (word: string) => `"${'A'.repeat(100)} \u2067${'B'.repeat(10)} ${word} ${'C'.repeat(60)}\u2069 end."`;

/**
 * A repository whose approved version (the one commit) has the hostile name
 * under the hostile file name; the working tree has it renamed, the name
 * clean, and the summary's word changed.
 */
function hostileHistory(): string {
  const cwd = tempFolder('file');
  const summary = (word: string) => edit(VALID_UNIT, 'en: We serve **well**. }', `en: ${longSummary(word)} }`);
  write(cwd, OLD_NAME, edit(summary('word'), 'en: Test Unit }', `en: "Test${HOSTILE_YAML} Unit" }`));
  write(cwd, 'events.csv', 'charter,channel,commitment,start,end\ntest-unit,email,reply,2026-10-05T09:00:00+03:00,2026-10-06T09:00:00+03:00\n');
  git(cwd, 'init', '-q', '-b', 'main');
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', 'charters');
  git(cwd, 'mv', OLD_NAME, 'charters/unit.yaml');
  writeFileSync(join(cwd, 'charters', 'unit.yaml'), summary('verb'));
  return cwd;
}

/** The page's changes: its notes (a moved file) and its list, whatever else it holds. */
function changesOf(html: string): string {
  const start = html.indexOf('id="review-changes"');
  expect(start, 'the page lists the changes').toBeGreaterThan(-1);
  return html.slice(start, html.indexOf('</section>', start));
}

function expectSafe(html: string, where: string): void {
  expect(html, where).not.toMatch(FORBIDDEN);
  const changes = changesOf(html);
  expect(changes, where).toContain(SHOWN);
  // The old file's name, with its ESC and override marked.
  expect(changes, where).toContain('old\uFFFD[2J\uFFFDunit.yaml');
  // Each item's bidi formatting pairs within it: the cut summary's isolate is closed, not marked.
  for (const item of changes.split(/<\/li>|<\/p>/)) expect(unpairedBidi(item), `${where}: ${item}`).toEqual([]);
  expect(changes, where).toMatch(/\u2067B{10} verb C+\u2069…/);
}

describe('review pages quoting charters from git history', () => {
  let cwd: string;
  beforeAll(() => {
    cwd = hostileHistory();
  });

  it('charter review shows the old version’s control characters and bidi formatting as U+FFFD', async () => {
    const result = await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(result.code, result.stderr).toBe(0);
    for (const lang of ['fi', 'en']) expectSafe(readFileSync(join(cwd, '_review', lang, 'test-unit.html'), 'utf8'), `_review/${lang}`);
  });

  it('charter build --events shows them as U+FFFD in the site’s review pages', async () => {
    const result = await runCli(['build', 'charters', '--today', '2026-11-30', '--events', 'events.csv', '--as-of', '2026-11-30', '--out', '_site'], cwd);
    expect(result.code, result.stderr).toBe(0);
    for (const lang of ['fi', 'en']) expectSafe(readFileSync(join(cwd, '_site', lang, 'test-unit', 'review', 'index.html'), 'utf8'), `_site/${lang}`);
  }, 60_000);

  it('charter diff shows a branch name’s override and isolate as escapes', async () => {
    git(cwd, 'branch', 'ma\u202ein\u2066', 'HEAD');
    for (const format of ['stylish', 'markdown', 'github', 'json']) {
      const result = await runCli(['diff', '--base', 'ma\u202ein\u2066', '--format', format], cwd);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout, format).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(result.stdout, format).toMatch(/ma\\+u202ein\\+u2066/);
    }
    const unknown = await runCli(['diff', '--base', 'no\u202epe'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git knows no commit `no\\u202epe`');
  });

  it('charter diff shows them as escapes in every format', async () => {
    for (const format of ['stylish', 'markdown', 'github', 'json']) {
      const result = await runCli(['diff', '--base', 'HEAD', '--format', format], cwd);
      expect(result.code, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout, format).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      for (const escape of ['u001b', 'u202eevil', 'u2066open', 'u0085nel', 'u009b2J']) expect(result.stdout, format).toContain(escape);
    }
  });
});
