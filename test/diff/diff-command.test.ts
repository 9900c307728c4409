import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.fi',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.fi',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

function write(cwd: string, files: Readonly<Record<string, string>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, path)), { recursive: true });
    writeFileSync(join(cwd, path), content);
  }
}

/** A repository whose `main` holds `files`, checked out on a new branch `pr`. */
function repository(files: Readonly<Record<string, string>>): string {
  const cwd = tempFolder();
  git(cwd, 'init', '-q', '-b', 'main');
  write(cwd, files);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', 'charters');
  git(cwd, 'checkout', '-q', '-b', 'pr');
  return cwd;
}

function commit(cwd: string, files: Readonly<Record<string, string>>): void {
  write(cwd, files);
  git(cwd, 'add', '-A');
  git(cwd, 'commit', '-q', '-m', 'change');
}

const SLOWER = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
const APPROVED = edit(
  edit(SLOWER, 'approved: 2026-09-01', 'approved: 2026-12-01'),
  'approvedBy: { fi: Lautakunta, en: Board }',
  'approvedBy: { fi: Johtokunta, en: Directors }',
);

/** Nothing that could drive a terminal: no control character but the line feed. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('charter diff in a git repository', () => {
  it('fails a pull request that slows the email promise from 2 to 5 working days, until the decision is recorded', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    commit(cwd, { 'charters/unit.yaml': SLOWER });
    const result = await runCli(['diff'], cwd);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('charters/unit.yaml  test-unit');
    expect(result.stdout).toContain('loosened   channels.email.reply: longer time limit, 2 working days → 5 working days  charters/unit.yaml:43');
    expect(result.stdout).toContain(
      'a promise is weakened, and no decision is recorded: record it in `review.approved` (the date) and `review.approvedBy` (who decided)',
    );
    expect(result.stdout).toMatch(/1 charter changed since main \([0-9a-f]{12}\), 1 compared\n1 charter weakens a promise without a recorded decision\n$/);

    const finnish = await runCli(['diff', '--locale', 'fi'], cwd);
    expect(finnish.stdout).toContain('heikentyy  channels.email.reply: määräaika pitenee, 2 working days → 5 working days');

    const github = await runCli(['diff', '--format', 'github'], cwd);
    expect(github.code).toBe(1);
    expect(github.stdout).toContain('::error file=charters/unit.yaml,line=43,col=');
    expect(github.stdout).toContain('::test-unit: channels.email.reply: longer time limit, 2 working days → 5 working days — a promise is weakened');

    commit(cwd, { 'charters/unit.yaml': APPROVED });
    const approved = await runCli(['diff'], cwd);
    expect(approved.code, approved.stdout).toBe(0);
    expect(approved.stdout).toContain('decision recorded: approved 2026-12-01 by Johtokunta');
    const annotations = await runCli(['diff', '--format', 'github'], cwd);
    expect(annotations.stdout).toContain('::warning file=charters/unit.yaml,line=43');
  });

  it('writes Markdown for a pull-request comment, and JSON for tools', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    write(cwd, {
      'charters/unit.yaml': edit(SLOWER, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, en: "<b>@team</b> [x](http://e.fi)" }'),
    });
    const markdown = await runCli(['diff', '--format', 'markdown'], cwd);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toMatch(/^### Changes in the charters' promises since main \\\([0-9a-f]{12}\\\)\n/);
    expect(markdown.stdout).toContain('> [!WARNING]');
    expect(markdown.stdout).toContain('- *loosened*: channels\\.email\\.reply: longer time limit, 2 working days → 5 working days');
    expect(markdown.stdout).toContain('&lt;b&gt;&#64;team&lt;/b&gt; \\[x\\]\\(http&#58;//e\\.fi\\)');
    expect(markdown.stdout).not.toContain('<b>');
    const json = JSON.parse((await runCli(['diff', '--format', 'json'], cwd)).stdout) as {
      needsDecision: boolean;
      charters: { changes: { kind: string; path: string }[] }[];
    };
    expect(json.needsDecision).toBe(true);
    expect(json.charters[0]?.changes[0]).toMatchObject({ kind: 'loosened', path: 'channels.email.reply.within', line: 43 });
  });

  it('follows a renamed file, and a changed id', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    renameSync(join(cwd, 'charters/unit.yaml'), join(cwd, 'charters/renamed.yaml'));
    commit(cwd, { 'charters/renamed.yaml': edit(SLOWER, 'id: test-unit', 'id: new-unit') });
    const result = await runCli(['diff', '--base', 'main'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('charters/renamed.yaml  new-unit\n  moved from charters/unit.yaml\n  id changed: test-unit → new-unit\n  loosened ');
    expect(result.stdout).not.toContain('a new charter');
  });

  it('shows a baseline change that loosens every unit’s promise for every unit', async () => {
    const other = edit(EXTENDING_UNIT, 'id: small-unit', 'id: other-unit');
    const cwd = repository({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT, 'charters/other.yaml': other });
    commit(cwd, {
      'charters/_base.yaml': edit(BASELINE, 'respond: { within: 15 working days, target: 90% }', 'respond: { within: 20 working days, target: 90% }'),
    });
    const result = await runCli(['diff'], cwd);
    expect(result.code).toBe(1);
    for (const unit of ['charters/other.yaml  other-unit', 'charters/small.yaml  small-unit']) {
      expect(result.stdout).toContain(`${unit}\n  loosened   feedback.respond: longer time limit, 15 working days → 20 working days  charters/_base.yaml:`);
    }
    expect(result.stdout).toContain('2 charters changed since main');
  });

  it('takes a baseline’s own recorded decision for what the baseline promises', async () => {
    const reviewed = `${BASELINE}review:\n  approved: 2026-09-01\n  approvedBy: { fi: Kaupunginhallitus, en: City Board }\n  every: 12 months\n  next: 2027-09-01\n`;
    const cwd = repository({ 'charters/_base.yaml': reviewed, 'charters/small.yaml': EXTENDING_UNIT });
    const slower = edit(reviewed, 'respond: { within: 15 working days, target: 90% }', 'respond: { within: 20 working days, target: 90% }');
    commit(cwd, { 'charters/_base.yaml': slower });
    expect((await runCli(['diff'], cwd)).code).toBe(1);
    commit(cwd, { 'charters/_base.yaml': edit(slower, 'approved: 2026-09-01', 'approved: 2026-12-01') });
    const decided = await runCli(['diff'], cwd);
    expect(decided.code, decided.stdout).toBe(0);
    expect(decided.stdout).toContain('decision recorded: approved 2026-12-01 by Kaupunginhallitus');
    // The unit's own loosening still needs the unit's decision.
    commit(cwd, {
      'charters/small.yaml': edit(EXTENDING_UNIT, 'reply: { within: 3 working days, target: 95% }', 'reply: { within: 4 working days, target: 95% }'),
    });
    expect((await runCli(['diff'], cwd)).code).toBe(1);
  });

  it('reads a hostile file name as a name, and prints it without its control characters', async () => {
    const name = "-x $(touch pwned) `touch pwned2` ';\u001b[2J\nz.yaml";
    const cwd = repository({ [`charters/${name}`]: VALID_UNIT });
    commit(cwd, { [`charters/${name}`]: SLOWER });
    const result = await runCli(['diff'], cwd);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('longer time limit, 2 working days → 5 working days');
    expect(result.stdout).toContain('\\u001b[2J');
    expect(result.stdout + result.stderr).not.toMatch(CONTROL);
    expect(readdirSync(cwd).filter((entry) => entry.startsWith('pwned'))).toEqual([]);
    const github = await runCli(['diff', '--format', 'github'], cwd);
    expect(github.stdout).not.toMatch(CONTROL);
    expect(github.stdout).toContain('%0Az.yaml');
  });

  it('prints charter text without its control characters in every format', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    write(cwd, { 'charters/unit.yaml': edit(VALID_UNIT, 'en: Test Unit }', 'en: "Test\\e]8;;http://x\\a\\e[2J Unit\\u202e" }') });
    for (const format of ['stylish', 'markdown', 'github', 'json']) {
      const result = await runCli(['diff', '--format', format], cwd);
      expect(result.code, format).toBe(0);
      expect(result.stdout, format).not.toMatch(CONTROL);
      expect(result.stdout, format).not.toContain('\u202e');
    }
    expect((await runCli(['diff'], cwd)).stdout).toContain('unit.name (en): “Test Unit” → “Test\\u001b]8;;http://x\\u0007\\u001b[2J Unit\\u202e”');
  });

  it('refuses a ref that would read as an option, and one git does not know, as usage errors', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    const option = await runCli(['diff', '--base=--output=/tmp/x'], cwd);
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toContain('`--output=/tmp/x` is not a git ref');
    const unknown = await runCli(['diff', '--base', 'no-such-branch'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('git knows no commit `no-such-branch`');
  });

  it('says a shallow clone lacks the base, with the fix, and exits 2', async () => {
    const origin = repository({ 'charters/unit.yaml': VALID_UNIT });
    commit(origin, { 'charters/unit.yaml': SLOWER });
    const clone = join(tempFolder(), 'clone');
    git(dirname(clone), 'clone', '-q', '--depth', '1', '--single-branch', '--branch', 'pr', `file://${origin}`, clone);
    const result = await runCli(['diff'], clone);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('shallow clone');
    expect(result.stderr).toContain('`fetch-depth: 0`');
  });

  it('fails a charter that no longer loads, without telling its promises as removed', async () => {
    const cwd = repository({ 'charters/unit.yaml': VALID_UNIT });
    write(cwd, { 'charters/unit.yaml': `${VALID_UNIT}id: [broken\n` });
    const result = await runCli(['diff'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('charters/unit.yaml: not compared, as it does not load (`charter validate` says why)');
    expect(result.stdout).not.toContain('removed');
  });

  it('says so outside a git repository', async () => {
    const cwd = tempFolder();
    write(cwd, { 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['diff'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not in a git repository');
    expect(existsSync(join(cwd, '.git'))).toBe(false);
  });

  it('compares two folders without git', async () => {
    const cwd = tempFolder();
    write(cwd, { 'old/unit.yaml': VALID_UNIT, 'new/unit.yaml': SLOWER });
    const result = await runCli(['diff', 'old', 'new'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('1 charter changed since old, 1 compared');
    const files = await runCli(['diff', 'old/unit.yaml', 'new/unit.yaml'], cwd);
    expect(files.code).toBe(1);
    const mixed = await runCli(['diff', 'old', 'new/unit.yaml'], cwd);
    expect(mixed).toMatchObject({ code: 2 });
    expect(mixed.stderr).toContain('compare a folder with a folder, or a file with a file');
  });
});
