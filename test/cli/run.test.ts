import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonFileReport } from '../../src/format/json.js';
import { run } from '../../src/cli/run.js';
import { runCli, tempFolder, writeTree, positionOf } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const BROKEN = edit(VALID_UNIT, 'reply: { within: 2 working days', 'reply: { within: 2 workdays');
/** Valid, but its review is due within 30 days of 2027-08-10. */
const TODAY_NEAR_REVIEW = '2027-08-10';

function copyOfExamples(): string {
  const cwd = tempFolder();
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  cpSync(join(repoRoot, 'schema'), join(cwd, 'schema'), { recursive: true });
  return cwd;
}

describe('charter validate', () => {
  it('passes the example charters with exit 0 and one success line', async () => {
    const result = await runCli(['validate', '--today', '2026-11-23'], copyOfExamples());
    expect(result).toEqual({ code: 0, stdout: '\u2713 5 charter files checked, no problems\n', stderr: '' });
  });

  it('checks charters/ by default and reports file:line:col with exit 1', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': BROKEN });
    const result = await runCli(['validate', '--today', '2026-11-23'], cwd);
    expect(result.code).toBe(1);
    const { line, column } = positionOf(BROKEN, '2 workdays');
    expect(result.stdout).toContain('charters/unit.yaml');
    expect(result.stdout).toMatch(new RegExp(`${line}:${column}\\s+error\\s+.*must be a duration.*\\s+schema`));
    expect(result.stdout).toMatch(/1 problem \(1 error, 0 warnings\)/);
    expect(result.stderr).toBe('');
  });

  it('takes files, folders and globs', async () => {
    const cwd = writeTree({ 'charters/a/unit.yaml': VALID_UNIT, 'other/b.yml': edit(VALID_UNIT, 'id: test-unit', 'id: second') });
    expect((await runCli(['validate', 'charters/a/unit.yaml', '--today', '2026-11-23'], cwd)).code).toBe(0);
    expect((await runCli(['validate', 'other', '--today', '2026-11-23'], cwd)).code).toBe(0);
    expect((await runCli(['validate', '**/*.{yaml,yml}', '--today', '2026-11-23'], cwd)).code).toBe(0);
  });

  it('exits 2 with one line for a path that does not exist', async () => {
    const result = await runCli(['validate', 'nowhere.yaml'], tempFolder());
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'charter: cannot read nowhere.yaml: no such file or folder\n' });
  });

  it('prints a path or flag holding control characters without them reaching the terminal', async () => {
    const missing = await runCli(['validate', 'no\u001bcwhere\u0007.yaml'], tempFolder());
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'charter: cannot read no\\u001bcwhere\\u0007.yaml: no such file or folder\n' });
    const unknown = await runCli(['validate', '--\u001b]0;owned\u0007'], tempFolder());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('\\u001b]0;owned\\u0007');
    expect(unknown.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('exits 2 for a glob that matches nothing, so CI never passes on nothing', async () => {
    const result = await runCli(['validate', 'charters/*.yaml'], tempFolder());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: no charter files match charters/*.yaml\n');
  });

  it('exits 2 for an unknown flag or format, with a one-line message', async () => {
    const unknownFlag = await runCli(['validate', '--formt', 'json'], tempFolder());
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toBe("charter: unknown option '--formt'; did you mean --format?\n");
    const badFormat = await runCli(['validate', '--format', 'xml'], tempFolder());
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/argument 'xml' is invalid; allowed choices are stylish, json, sarif, junit, github/);
    const badCount = await runCli(['validate', '--max-warnings', 'many'], tempFolder());
    expect(badCount.code).toBe(2);
    const badDate = await runCli(['validate', '--today', '2026-02-30'], tempFolder());
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/expected a date/);
    const longUrl = await runCli(['cards', '--base-url', `https://intranet.example.fi/${'a'.repeat(3000)}`], tempFolder());
    expect(longUrl.code).toBe(2);
    expect(longUrl.stderr).toMatch(/the address has 3028 characters; a QR code on a pocket card can carry at most 200/);
    for (const command of ['validate', 'build', 'rota']) {
      const farOff = await runCli([command, '--today', '9999-12-20'], tempFolder());
      expect(farOff.code).toBe(2);
      expect(farOff.stderr).toMatch(/expected a date in the years 1970 to 2199/);
    }
  });

  it('counts warnings against --max-warnings, and --quiet drops them', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const plain = await runCli(['validate', '--today', TODAY_NEAR_REVIEW], cwd);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/warning .*review is due/);
    const strict = await runCli(['validate', '--today', TODAY_NEAR_REVIEW, '--max-warnings', '0'], cwd);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe('charter: 1 warning, more than --max-warnings 0\n');
    const quiet = await runCli(['validate', '--today', TODAY_NEAR_REVIEW, '--quiet', '--max-warnings', '0'], cwd);
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('writes --output whole, and refuses a folder that does not exist', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': BROKEN });
    const written = await runCli(['validate', '--today', '2026-11-23', '-f', 'json', '-o', 'report.json'], cwd);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    const report = JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8')) as { filePath: string; errorCount: number }[];
    expect(report[0]).toMatchObject({ filePath: 'charters/unit.yaml', errorCount: 1 });
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    const missing = await runCli(['validate', '-o', 'no/such/folder/report.txt'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^charter: cannot write no\/such\/folder\/report\.txt: the folder no\/such\/folder does not exist\n$/);
    expect(existsSync(join(cwd, 'no'))).toBe(false);
  });

  it('uses colour only on a terminal and never with NO_COLOR', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': BROKEN });
    expect((await runCli(['validate', '--today', '2026-11-23'], cwd, {}, false)).stdout).not.toContain('\u001b[');
    expect((await runCli(['validate', '--today', '2026-11-23'], cwd, {}, true)).stdout).toContain('\u001b[');
    expect((await runCli(['validate', '--today', '2026-11-23'], cwd, { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['validate', '--today', '2026-11-23', '--no-color'], cwd, {}, true)).stdout).not.toContain('\u001b[');
  });

  it.each([
    [
      'json',
      (out: string) =>
        expect((JSON.parse(out) as JsonFileReport[])[0]?.messages[0]).toMatchObject({
          ruleId: 'schema',
          severity: 'error',
          line: positionOf(BROKEN, '2 workdays').line,
        }),
    ],
    ['sarif', (out: string) => expect(JSON.parse(out)).toMatchObject({ version: '2.1.0', runs: [{ results: [{ ruleId: 'schema', level: 'error' }] }] })],
    ['junit', (out: string) => expect(out.match(/<testcase /g)).toHaveLength(1)],
    [
      'github',
      (out: string) =>
        expect(out).toMatch(
          new RegExp(`^::error file=charters/unit.yaml,line=${positionOf(BROKEN, '2 workdays').line},col=${positionOf(BROKEN, '2 workdays').column}`, 'm'),
        ),
    ],
  ] as const)('prints --format %s and exits 1', async (format, check) => {
    const cwd = writeTree({ 'charters/unit.yaml': BROKEN });
    const result = await runCli(['validate', '--today', '2026-11-23', '--format', format], cwd);
    expect(result.code).toBe(1);
    check(result.stdout);
  });
});

describe('other commands', () => {
  it('prints the JSON Schema', async () => {
    const result = await runCli(['schema'], tempFolder());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(JSON.parse(readFileSync(join(repoRoot, 'schema/charter.schema.json'), 'utf8')));
  });

  it('prints the baseline schema', async () => {
    const result = await runCli(['schema', '--baseline'], tempFolder());
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ title: 'Customer-service charter baseline (format 1.1)', required: ['charter'] });
  });

  it('lists the rules', async () => {
    const result = await runCli(['rules'], tempFolder());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^review-due\s+error\s+A charter or baseline past its review date/m);
  });

  it('shows help with examples, and the version', async () => {
    const help = await runCli(['validate', '--help'], tempFolder());
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--max-warnings <n>');
    const version = await runCli(['--version'], tempFolder());
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('exits 2 for an unknown command', async () => {
    const result = await runCli(['valdate'], tempFolder());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'valdate'/);
  });
});

describe('CHARTER_DEBUG', () => {
  it('prints the stack of an unexpected error with its control characters as escapes', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    let stderr = '';
    const code = await run(['validate', '--today', '2026-11-23'], {
      stdout: () => {
        throw new Error('broken \u001b[2J\u202epipe');
      },
      stderr: (text) => {
        stderr += text;
      },
      cwd,
      env: { CHARTER_DEBUG: '1' },
      stdoutIsTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('Error: broken \\u001b[2J\\u202epipe\n    at ');
    expect(stderr).not.toMatch(/[\u001b\u202e]/);
  });
});
