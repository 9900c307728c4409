import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { missingPackageOf, missingPackageText } from '../../src/cli/missing-package.js';
import { runCli, tempFolder } from '../helpers.js';

/** An error shaped as Node's loader makes it. */
function notFound(code: string, text: string): Error {
  return Object.assign(new Error(text), { code });
}

const FROM = ' imported from /project/node_modules/charter/dist/chunks/chunk-X.js';

vi.mock('../../src/cli/cards-command.js', () => ({
  cardsCommand: () => Promise.reject(notFound('ERR_MODULE_NOT_FOUND', `Cannot find package 'playwright-core'${FROM}`)),
}));

describe('missingPackageOf', () => {
  it('names the package an import or a require could not find', () => {
    expect(missingPackageOf(notFound('ERR_MODULE_NOT_FOUND', `Cannot find package 'playwright-core'${FROM}`))).toBe('playwright-core');
    expect(missingPackageOf(notFound('ERR_MODULE_NOT_FOUND', `Cannot find package '@11ty/eleventy'${FROM}`))).toBe('@11ty/eleventy');
    expect(missingPackageOf(notFound('ERR_MODULE_NOT_FOUND', `Cannot find module 'ajv/dist/runtime/equal'${FROM}`))).toBe('ajv');
    let required: unknown;
    try {
      createRequire(import.meta.url)('charter-no-such-package/lib');
    } catch (error) {
      required = error;
    }
    expect(missingPackageOf(required)).toBe('charter-no-such-package');
  });

  it('leaves alone a missing file, a built-in and any other error', () => {
    expect(missingPackageOf(notFound('ERR_MODULE_NOT_FOUND', `Cannot find module '/project/node_modules/charter/dist/cli.js'${FROM}`))).toBeUndefined();
    expect(missingPackageOf(notFound('MODULE_NOT_FOUND', "Cannot find module './worker.js'"))).toBeUndefined();
    expect(missingPackageOf(notFound('ERR_MODULE_NOT_FOUND', "Cannot find module 'node:nothing'"))).toBeUndefined();
    expect(missingPackageOf(notFound('ENOENT', "Cannot find package 'x'"))).toBeUndefined();
    expect(missingPackageOf(new Error("Cannot find package 'x'"))).toBeUndefined();
    expect(missingPackageOf("Cannot find package 'x'")).toBeUndefined();
  });

  it('says it in one line, in the language asked for', () => {
    const error = notFound('ERR_MODULE_NOT_FOUND', `Cannot find package 'playwright-core'${FROM}`);
    expect(missingPackageText(error, 'cards', 'en')).toBe(
      '`charter cards` needs the package `playwright-core`, which is not installed here; install it with `npm install playwright-core` and try again',
    );
    expect(missingPackageText(error, 'cards', 'fi')).toContain('`charter cards` tarvitsee paketin `playwright-core`');
    expect(missingPackageText(error, undefined, 'sv')).toContain('`charter` behöver paketet `playwright-core`');
    expect(missingPackageText(new Error('other'), 'cards', 'en')).toBeUndefined();
  });
});

describe('a command whose dependency is not installed', () => {
  it('prints one line naming the package and exits 2', async () => {
    const result = await runCli(['cards'], tempFolder());
    expect(result).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'charter: `charter cards` needs the package `playwright-core`, which is not installed here; install it with `npm install playwright-core` and try again\n',
    });
    const finnish = await runCli(['--locale', 'fi', 'cards'], tempFolder());
    expect(finnish.code).toBe(2);
    expect(finnish.stderr).toMatch(/^charter: `charter cards` tarvitsee paketin `playwright-core`, [^\n]*\n$/);
  });
});
