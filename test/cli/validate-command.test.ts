import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

const TODAY = '2026-11-23';
/** Valid, but its review is due within 30 days of this day: one warning. */
const NEAR_REVIEW = '2027-08-10';
const BROKEN = edit(VALID_UNIT, 'reply: { within: 2 working days', 'reply: { within: 2 workdays');

describe('charter validate: the last line', () => {
  it('ends a clean run with one line counting every charter file read, baselines too', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT, 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['validate', '--today', TODAY], cwd);
    expect(result).toEqual({ code: 0, stdout: '\u2713 3 charter files checked, no problems\n', stderr: '' });
    const one = await runCli(['validate', 'charters/unit.yaml', '--today', TODAY], cwd);
    expect(one.stdout).toBe('\u2713 1 charter file checked, no problems\n');
  });

  it('says it in Finnish and Swedish, from --locale or the environment', async () => {
    const cwd = writeTree({ 'charters/_base.yaml': BASELINE, 'charters/small.yaml': EXTENDING_UNIT });
    expect((await runCli(['validate', '--today', TODAY, '--locale', 'fi'], cwd)).stdout).toBe('\u2713 2 palvelulupaustiedostoa tarkistettu, ei ongelmia\n');
    expect((await runCli(['validate', '--today', TODAY], cwd, { LANG: 'sv_FI.UTF-8' })).stdout).toBe(
      '\u2713 2 servicelöftesfiler kontrollerade, inga problem\n',
    );
  });

  it('is silenced by -q, and the only output of a run without errors under -q is none', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect(await runCli(['validate', '--today', TODAY, '-q'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runCli(['validate', '--today', NEAR_REVIEW, '-q'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    // A warning is not a clean run: its summary stays, without the success line.
    const warned = await runCli(['validate', '--today', NEAR_REVIEW], cwd);
    expect(warned.stdout).toMatch(/\u2716 1 problem \(0 errors, 1 warning\)\n$/);
    expect(warned.stdout).not.toContain('\u2713');
  });

  it('goes into the -o file like the rest of the report; other formats have their own endings', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect(await runCli(['validate', '--today', TODAY, '-o', 'out.txt'], cwd)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(cwd, 'out.txt'), 'utf8')).toBe('\u2713 1 charter file checked, no problems\n');
    expect((await runCli(['validate', '--today', TODAY, '-f', 'json'], cwd)).stdout).not.toContain('\u2713');
  });

  it('keeps the summary of findings, in the reader language, with rule ids unchanged', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': BROKEN });
    const fi = await runCli(['validate', '--today', TODAY, '--locale', 'fi'], cwd);
    expect(fi.code).toBe(1);
    expect(fi.stdout).toMatch(/^ +\d+:\d+ +virhe +.* +schema$/m);
    expect(fi.stdout).toMatch(/\u2716 1 ongelma \(1 virhe, 0 varoitusta\)\n$/);
    const sv = await runCli(['validate', '--today', TODAY, '--locale', 'sv', '-f', 'github'], cwd);
    expect(sv.stdout).toMatch(/^::error file=charters\/unit\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=schema::/m);
    expect(sv.stdout).toMatch(/^charter: 1 fel, 0 varningar i 1 fil \(1 fil kontrollerad\)$/m);
    const junit = await runCli(['validate', '--today', TODAY, '--locale', 'sv', '-f', 'junit'], cwd);
    expect(junit.stdout).toContain('<failure message="1 fel, 0 varningar" type="error">');
  });

  it('says --max-warnings in the reader language', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const en = await runCli(['validate', '--today', NEAR_REVIEW, '--max-warnings', '0'], cwd);
    expect(en.stderr).toBe('charter: 1 warning, more than --max-warnings 0\n');
    const fi = await runCli(['validate', '--today', NEAR_REVIEW, '--max-warnings', '0', '--locale', 'fi'], cwd);
    expect(fi.code).toBe(1);
    expect(fi.stderr).toBe('charter: 1 varoitus, enemmän kuin --max-warnings 0 sallii\n');
    const sv = await runCli(['validate', '--today', NEAR_REVIEW, '--max-warnings', '0', '--locale', 'sv'], cwd);
    expect(sv.stderr).toBe('charter: 1 varning, fler än --max-warnings 0 tillåter\n');
  });
});
