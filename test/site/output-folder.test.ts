import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_UNIT } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

const TODAY = '2026-11-23';

describe('--out must not be or hold an input', () => {
  it.each([
    ['the folder of the --css file', ['--css', 'theme/city.css'], 'theme', 'it holds theme/city.css'],
    ['the --logo file itself', ['--logo', 'theme/logo.svg'], 'theme/logo.svg', 'it is theme/logo.svg'],
    ['the folder of an --events log', ['--events', 'logs/2026.csv'], 'logs', 'it holds logs/2026.csv'],
  ])('refuses %s', async (_, flags, out, why) => {
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      'theme/city.css': 'body {}',
      'theme/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'theme/.charter-site': '',
      'logs/2026.csv': 'charter,channel,commitment,start,end\n',
      'logs/.charter-site': '',
    });
    const result = await runCli(['build', ...flags, '--out', out, '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`charter: refusing to build into ${out}: ${why}, which the build must not replace\n`);
    expect(readFileSync(join(cwd, 'theme', 'city.css'), 'utf8')).toBe('body {}');
    expect(existsSync(join(cwd, 'logs', '2026.csv'))).toBe(true);
  });

  it('refuses a link that leads to the charters folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'charters/.charter-site': '' });
    symlinkSync('charters', join(cwd, 'site-link'));
    const result = await runCli(['build', '--out', 'site-link', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: refusing to build into site-link: it is charters, which the build must not replace\n');
    expect(readFileSync(join(cwd, 'charters', 'unit.yaml'), 'utf8')).toBe(VALID_UNIT);
  });

  it('refuses a folder below a file, before making anything', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'notes.txt': 'mine' });
    const result = await runCli(['build', '--out', 'notes.txt/site/deeper', '--today', TODAY, '--no-search'], cwd);
    expect(result).toMatchObject({ code: 2, stderr: 'charter: refusing to build into notes.txt/site/deeper: notes.txt is a file, not a folder\n' });
    expect(readFileSync(join(cwd, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(cwd).sort()).toEqual(['charters', 'notes.txt']);
  });
});
