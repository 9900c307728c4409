import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif } from '../../src/format/sarif.js';
import { CONTEXT, RESULTS } from '../fixtures/diagnostics.js';
import { runCli, writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const require = createRequire(import.meta.url);
type AjvConstructor = new (options: Record<string, unknown>) => { compile(schema: object): ValidateFunction };
const AjvDraft04 = (require('ajv-draft-04') as { default: AjvConstructor }).default;
/** The official SARIF 2.1.0 schema, as shipped in Microsoft's jest-sarif package (draft-04). */
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// The schema's language-tag pattern is not valid with the `u` flag.
const validateSarif = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

function expectValid(log: unknown): void {
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 1)).toEqual([]);
  expect(valid).toBe(true);
}

describe('SARIF output against the official SARIF 2.1.0 schema', () => {
  it('the shared fixture validates', () => {
    expectValid(JSON.parse(formatSarif(RESULTS, CONTEXT)));
  });

  it('validates with help links from --docs-url and from a homepage', () => {
    expectValid(JSON.parse(formatSarif(RESULTS, { ...CONTEXT, docsUrl: 'https://docs.kunta.fi/charter/{rule}.html' })));
    expectValid(JSON.parse(formatSarif(RESULTS, { ...CONTEXT, homepage: 'https://github.com/kunta/charter' })));
  });

  it('a clean run validates', () => {
    expectValid(JSON.parse(formatSarif([], CONTEXT)));
  });

  it('a real run of charter validate validates', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'owner: head', 'owner: nobody\nextra: 1') });
    const { code, stdout } = await runCli(['validate', '--format', 'sarif', '--today', '2026-11-23'], cwd);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]?.results).toHaveLength(2);
    expectValid(log);
    const linked = await runCli(['validate', '--format', 'sarif', '--today', '2026-11-23', '--docs-url', 'https://docs.kunta.fi/rules/'], cwd);
    const rules = (JSON.parse(linked.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help?: object }[] } } }[] }).runs[0]?.tool
      .driver.rules;
    expect(rules?.map((rule) => rule.helpUri)).toEqual(rules?.map((rule) => `https://docs.kunta.fi/rules/${rule.id}.md`));
    expect(rules?.every((rule) => rule.help !== undefined)).toBe(true);
    expectValid(JSON.parse(linked.stdout));
  });

  it('refuses a --docs-url that is not an absolute web address, with exit 2', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['validate', '--format', 'sarif', '--docs-url', 'docs/rules', '--locale', 'fi'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: --docs-url on annettava täydellisenä http- tai https-osoitteena, esimerkiksi https://github.com/city/charters/blob/main/docs/rules/ (ei `docs/rules`)\n',
    );
  });
});
