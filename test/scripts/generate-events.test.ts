import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

const GENERATOR = join(import.meta.dirname, '..', '..', 'scripts', 'generate-events.mjs');

describe('scripts/generate-events.mjs', () => {
  it.each(['csv', 'jsonl'])('writes a %s log that the report reads back whole, whatever the charter ids', async (format) => {
    const id = 'odd,"unit"';
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'id: test-unit', `id: ${JSON.stringify(id)}`) });
    const out = join(cwd, `log.${format}`);
    const made = spawnSync(
      process.execPath,
      [GENERATOR, '--rows', '60', '--from', '2026-11-02', '--to', '2026-11-13', '--charters', join(cwd, 'charters'), '--format', format, '--out', out],
      { encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    const result = await runCli(['report', `log.${format}`, '--as-of', '2026-11-20', '--format', 'json'], cwd);
    const report = JSON.parse(result.stdout) as ComplianceReport;
    expect(report.rows.read).toBeGreaterThan(0);
    expect(report.badRowCounts.malformed).toBe(0);
    // Such an id fails the schema, so the charter is not measured; every row still comes back
    // with the id whole, which is what the quoting is for.
    expect(report.unmeasuredCharters.map((unit) => unit.charter)).toEqual([id]);
    expect(report.badRowCounts['unknown-charter']).toBe(report.rows.read);
    for (const bad of report.badRows) expect(bad.message).toMatch(/^charter odd,"unit" has errors, so it is not measured/);
  });
});
