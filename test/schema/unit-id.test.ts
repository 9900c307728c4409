import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { diagnosticsFor, positionOf, runCli, writeTree } from '../helpers.js';

const DEVICES = ['con', 'prn', 'aux', 'nul', ...Array.from({ length: 10 }, (_, digit) => [`com${digit}`, `lpt${digit}`]).flat()];
const SITE_PAGES = ['search', 'accessibility', 'dashboard'];
const UNUSABLE =
  /^`id` is a name the built site cannot use as a folder: Windows keeps con, prn, aux, nul, com0–com9 and lpt0–lpt9 for devices, and the site has its own search, accessibility and dashboard pages; choose another id/;

async function idFindings(id: string) {
  const text = edit(VALID_UNIT, 'id: test-unit', `id: ${id}`);
  const found = await diagnosticsFor({ 'unit.yaml': text });
  return { found, at: positionOf(text, `id: ${id}`) };
}

describe('a charter id is usable as a folder of the built site', () => {
  it.each([...DEVICES, ...SITE_PAGES])('refuses `%s`, at the id', async (id) => {
    const { found, at } = await idFindings(id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'schema', severity: 'error', line: at.line, column: at.column + 4 });
    expect(found[0]?.message).toMatch(UNUSABLE);
    expect(found[0]?.message).toMatch(new RegExp(`\\(found \`${id}\`\\)$`));
  });

  it('refuses capitals (so no two ids differ only by case, which folders on Windows and macOS would not tell apart)', async () => {
    const { found } = await idFindings('CON');
    expect(found.map((finding) => finding.message)).toEqual([
      '`id` must be lowercase letters, digits and single hyphens, e.g. `building-control` (found `CON`)',
    ]);
  });

  it.each(['con-office', 'console', 'aux1', 'com10', 'lpt-service', 'searches', 'dashboard-team'])('accepts `%s`', async (id) => {
    expect((await idFindings(id)).found).toEqual([]);
  });

  it('charter build reports such an id as a finding, not as an unexpected error, and builds nothing', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: search') });
    const result = await runCli(['build', '--today', '2026-11-23', '--no-search'], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('is a name the built site cannot use as a folder');
    expect(result.stderr).not.toContain('unexpected error');
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});
