import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { AS_OF, CHARTERS } from '../fixtures/contact-log.js';
import { lineOf, runCli, writeTree } from '../helpers.js';
import type { JsonFileReport } from '../../src/format/json.js';

/** VALID_UNIT with an anchor and an alias, and `role: { fi: Päällikkö, en: Head of unit }` replaced by `role`. */
function withAliasAnd(role: string): string {
  const anchored = edit(VALID_UNIT, 'organisation: { fi: Testikaupunki, en: Test City }', 'organisation: &city { fi: Testikaupunki, en: Test City }');
  const aliased = edit(anchored, 'approvedBy: { fi: Lautakunta, en: Board }', 'approvedBy: *city');
  return edit(aliased, 'role: { fi: Päällikkö, en: Head of unit }', role);
}

/**
 * A flow map whose last entry has no value, in a file that uses an alias:
 * valid YAML that once crashed the alias lookup, and with it the whole run.
 */
const EMPTY_FLOW_VALUE_WITH_ALIAS = withAliasAnd('role: { fi: Päällikkö, en }');

/** Other shapes of empty values (YAML nodes that do not exist) beside an alias. */
const EMPTY_VALUE_SHAPES = {
  'a set': 'role: !!set { fi, en }',
  'explicit keys': 'role:\n      ? fi\n      ? en',
  'an anchored empty value': 'role: &empty',
  'an alias of an empty value': 'role: &empty\n    title: *empty',
};

describe('one odd charter never takes down the collection', () => {
  it('validate reports a flow map entry without a value beside an alias at its line, and checks the other files', async () => {
    const cwd = writeTree({ 'charters/odd.yaml': EMPTY_FLOW_VALUE_WITH_ALIAS, 'charters/other.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: other-unit') });
    const result = await runCli(['validate', '--today', '2026-11-23', '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as JsonFileReport[];
    const odd = files.find((file) => file.filePath.endsWith('odd.yaml'));
    const roleLine = lineOf(EMPTY_FLOW_VALUE_WITH_ALIAS, 'role: { fi: Päällikkö, en }');
    expect(odd?.messages.map((message) => [message.ruleId, message.line])).toEqual([
      ['languages-complete', roleLine],
      ['schema', roleLine],
    ]);
    expect(files.find((file) => file.filePath.endsWith('other.yaml'))?.messages).toEqual([]);
  });

  it.each(Object.entries(EMPTY_VALUE_SHAPES))('validate gives findings, never a crash, for %s beside an alias', async (_name, shape) => {
    const text = withAliasAnd(shape);
    const cwd = writeTree({ 'charters/odd.yaml': text });
    const result = await runCli(['validate', '--today', '2026-11-23'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    // At the value or, for explicit keys, at the key under it.
    const line = lineOf(text, 'role:');
    expect(result.stdout).toMatch(new RegExp(`^  (?:${line}|${line + 1}):\\d+ +error`, 'm'));
  });

  it('build reports the findings, exits 1 and builds nothing', async () => {
    const cwd = writeTree({ 'charters/odd.yaml': EMPTY_FLOW_VALUE_WITH_ALIAS, 'charters/other.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: other-unit') });
    const result = await runCli(['build', '--today', '2026-11-23', '--no-search'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain(`charters/odd.yaml`);
    expect(result.stdout + result.stderr).not.toMatch(/unexpected error/);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('report still measures the other charters', async () => {
    const log = ['charter,channel,commitment,start,end', 'test-unit,email,reply,2026-12-21T10:00:00+02:00,2026-12-23T15:00:00+02:00'].join('\n');
    const cwd = writeTree({ ...CHARTERS, 'charters/odd.yaml': edit(EMPTY_FLOW_VALUE_WITH_ALIAS, 'id: test-unit', 'id: odd-unit'), 'log.csv': `${log}\n` });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^charter: note: 1 charter file has errors/);
    expect(result.stdout).toMatch(/test-unit · Test Unit/);
    expect(result.stdout).toMatch(/1 of 1 rows measured/);
  });
});
