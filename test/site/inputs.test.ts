import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_UNIT } from '../fixtures/charters.js';
import { runBin, runCli, writeTree } from '../helpers.js';

const TODAY = '2026-11-23';

describe('files named by options are checked before the build', () => {
  it('a missing stylesheet is a one-line usage error, and nothing is built', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--css', 'theme/city.css', '--today', TODAY, '--no-search'], cwd);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'charter: --css theme/city.css: no such file\n' });
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('charter serve refuses a missing stylesheet the same way, before it starts', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['serve', '--css', 'theme/city.css', '--port', '0', '--today', TODAY], cwd);
    expect(result).toMatchObject({ code: 2, stdout: '', stderr: 'charter: --css theme/city.css: no such file\n' });
  });

  it('a folder given as the logo is a usage error', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    mkdirSync(join(cwd, 'logo.svg'));
    const result = await runCli(['build', '--logo', 'logo.svg', '--today', TODAY, '--no-search'], cwd);
    expect(result).toMatchObject({ code: 2, stderr: 'charter: --logo logo.svg: is a folder, not a regular file\n' });
  });

  it.skipIf(process.platform === 'win32')('a FIFO as the stylesheet or logo is refused, not waited on', () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    execFileSync('mkfifo', [join(cwd, 'city.css')]);
    symlinkSync('city.css', join(cwd, 'logo.svg'));
    for (const flag of ['--css', '--logo']) {
      const file = flag === '--css' ? 'city.css' : 'logo.svg';
      const result = runBin(['build', flag, file, '--today', TODAY, '--no-search'], cwd);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`charter: ${flag} ${file}: is a FIFO (named pipe), not a regular file\n`);
    }
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a template that is a FIFO or a link is refused by name, not skipped', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'elsewhere/accessibility.hbs': '{{#> base}}<h1>Elsewhere</h1>{{/base}}' });
    mkdirSync(join(cwd, 'theme', 'pages'), { recursive: true });
    execFileSync('mkfifo', [join(cwd, 'theme', 'pages', 'charter.hbs')]);
    const fifo = await runCli(['build', '--templates', 'theme', '--today', TODAY, '--no-search'], cwd);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/theme\/pages\/charter\.hbs is not a regular file \(a link, a FIFO…\); a theme's templates must be plain files\n$/);
    execFileSync('rm', [join(cwd, 'theme', 'pages', 'charter.hbs')]);
    symlinkSync(join(cwd, 'elsewhere', 'accessibility.hbs'), join(cwd, 'theme', 'pages', 'accessibility.hbs'));
    const link = await runCli(['build', '--templates', 'theme', '--today', TODAY, '--no-search'], cwd);
    expect(link.code).toBe(2);
    expect(link.stderr).toMatch(/theme\/pages\/accessibility\.hbs is not a regular file/);
  });
});
