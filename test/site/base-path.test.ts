import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeBase } from '../../src/site/base-path.js';
import { buildSite } from '../../src/site/build.js';
import { runCli, tempFolder } from '../helpers.js';

const repoRoot = join(import.meta.dirname, '..', '..');

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(folder, path));
}

/** Every site-relative address in a page: links, sources, form actions, the search index and stylesheets. */
function addressesIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action|data-pagefind-path)="(\/[^"#?]*)/g)].map((match) => match[1] as string);
}

/** Whether an address under `base` names a file, or a folder with an index.html, in the output folder. */
function exists(out: string, base: string, address: string): boolean {
  const path = join(out, address.slice(base.length));
  return existsSync(path) && (statSync(path).isFile() || existsSync(join(path, 'index.html')));
}

describe('a site under a sub-path (--base)', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const nested = await buildSite({ cwd, today: '2026-11-23', out: 'nested', base: '/intranet/charters', events: { logs: ['charters/sample-events.csv'] } });
    const root = await buildSite({ cwd, today: '2026-11-23', out: 'root', events: { logs: ['charters/sample-events.csv'] } });
    expect(nested.ok && root.ok).toBe(true);
  }, 120_000);

  it.each([
    ['nested', '/intranet/charters/'],
    ['root', '/'],
  ])('links every page of the %s site to files that exist, all under %s', (folder, base) => {
    const out = join(cwd, folder);
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(30);
    for (const page of pages) {
      for (const address of addressesIn(readFileSync(page, 'utf8'))) {
        expect(address.startsWith(base), `${relative(out, page)} links ${address}`).toBe(true);
        expect(exists(out, base, address), `${relative(out, page)} links ${address}`).toBe(true);
      }
    }
  });

  it('links the site icon on every page, under the base, so no browser asks for a missing /favicon.ico', () => {
    const out = join(cwd, 'nested');
    expect(existsSync(join(out, 'assets', 'favicon.svg'))).toBe(true);
    for (const page of htmlFiles(out)) {
      expect(readFileSync(page, 'utf8'), relative(out, page)).toContain('<link rel="icon" href="/intranet/charters/assets/favicon.svg" type="image/svg+xml">');
    }
  });

  it('writes the same files either way: the base is in the links, not in the folders', () => {
    const list = (folder: string): string[] =>
      readdirSync(join(cwd, folder), { recursive: true, encoding: 'utf8' })
        .filter((path) => !path.includes('pagefind'))
        .sort();
    expect(list('nested')).toEqual(list('root'));
  });

  it('gives the search script the base for Pagefind result addresses, and charters.json the full page addresses', () => {
    const search = readFileSync(join(cwd, 'nested', 'fi', 'search', 'index.html'), 'utf8');
    expect(search).toContain('data-base="/intranet/charters/"');
    expect(search).toContain('data-pagefind-path="/intranet/charters/fi/pagefind/pagefind.js"');
    const json = JSON.parse(readFileSync(join(cwd, 'nested', 'charters.json'), 'utf8')) as { charters: { pages: Record<string, string> }[] };
    expect(json.charters[0]?.pages.fi).toMatch(/^\/intranet\/charters\/fi\/[a-z-]+\/$/);
  });
});

describe('normalizeBase', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/intranet', '/intranet/'],
    ['/intranet/charters/', '/intranet/charters/'],
    ['//a//b', '/a/b/'],
  ])('reads %j as %j', (given, expected) => {
    expect(normalizeBase(given)).toBe(expected);
  });

  it.each(['intranet', '/a/../b', '/a/./b', '/a b/', '/a"b/', 'https://example.fi/x/', '/ä/'])('refuses %j', (given) => {
    expect(() => normalizeBase(given)).toThrow(/--base/);
  });

  it('is a usage error on the command line, before anything is built', async () => {
    const cwd = tempFolder();
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const result = await runCli(['build', '--base', 'intranet/../x', '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^charter: --base: /);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});
