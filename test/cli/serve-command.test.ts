import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../helpers.js';
import { VALID_UNIT } from '../fixtures/charters.js';

/** Usage problems end `charter serve` at once; it never starts serving, so these runs return. */
describe('charter serve: usage problems', () => {
  it('refuses a --host that is not this computer, and says how to share the guide instead', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const { code, stderr } = await runCli(['serve', '--port', '0', '--host', '0.0.0.0'], cwd);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^charter: --host 0\.0\.0\.0: .*run charter build and put the output folder on any web server\n$/);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('ends with one line when the output folder is refused, and leaves it alone', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'public/notes.txt': 'mine' });
    const { code, stderr } = await runCli(['serve', '--port', '0', '--out', 'public', '--today', '2026-11-23'], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe('charter: refusing to replace public: it is not empty and was not made by charter serve; choose another --out or empty it yourself\n');
    expect(readFileSync(join(cwd, 'public', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('names an input the output folder would hold as the user wrote it, as build does', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'site/theme.css': 'body {}' });
    const { code, stderr } = await runCli(['serve', '--port', '0', '--out', 'site', '--css', 'site/theme.css', '--today', '2026-11-23'], cwd);
    expect(code).toBe(2);
    expect(stderr).toBe('charter: refusing to build into site: it holds site/theme.css, which the build must not replace\n');
  });

  it('refuses --events - (standard input cannot be read again on every rebuild)', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const { code, stderr } = await runCli(['serve', '--port', '0', '--events', '-'], cwd);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^charter: --events -: .*\n$/);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});
