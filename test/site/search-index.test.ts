import { chmodSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeSearchIndexes } from '../../src/site/search-index.js';
import { writeTree } from '../helpers.js';

const page = (lang: string, text: string): string =>
  `<!doctype html><html lang="${lang}"><head><title>t</title></head><body><nav>Valikko</nav><article data-pagefind-body><h1>${text}</h1><p>${text}</p><p data-pagefind-ignore>Kopioi</p></article></body></html>`;

describe('the search index (Pagefind, one index per language)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("indexes each language's charter pages into <lang>/pagefind/, and only them", async () => {
    const site = writeTree({
      'fi/unit/index.html': page('fi', 'Poissaoloviesti'),
      'fi/unit/card/index.html': page('fi', 'Taskukortti'),
      'sv/unit/index.html': page('sv', 'Frånvaromeddelande'),
    });
    // A Pagefind setting in the user's environment changes nothing.
    vi.stubEnv('PAGEFIND_EXCLUDE_SELECTORS', 'h1, p');
    // Given relative to the working folder, as a user's --out may be.
    const written = await writeSearchIndexes(relative(process.cwd(), site), ['fi', 'sv']);
    expect(written).toContain('fi/pagefind/pagefind.js');
    expect(written).toContain('sv/pagefind/pagefind.js');
    expect(written.every((path) => /^(fi|sv)\/pagefind\//.test(path))).toBe(true);
    const fragments = join(site, 'fi', 'pagefind', 'fragment');
    const indexed = readdirSync(fragments).map((name) => gunzipSync(readFileSync(join(fragments, name))).toString('utf8'));
    expect(indexed).toHaveLength(1);
    expect(indexed[0]).toContain('Poissaoloviesti');
    expect(indexed[0]).not.toContain('Kopioi');
    expect(indexed[0]).not.toContain('Valikko');
    const entry = JSON.parse(readFileSync(join(site, 'fi', 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    // The card page, one level further down, is left out.
    expect(entry.languages.fi?.page_count).toBe(1);
  });

  it("fails with Pagefind's message on one line, without control characters", async () => {
    const site = writeTree({
      'fi/unit/index.html': page('fi', 'Poissaolo'),
      'fake-pagefind': '#!/bin/sh\nprintf "\\033[31mError:\\033[0m\\n  no pages\\a\\n" >&2\nexit 3\n',
    });
    chmodSync(join(site, 'fake-pagefind'), 0o755);
    vi.stubEnv('PAGEFIND_EXTENDED_BINARY_PATH', join(site, 'fake-pagefind'));
    await expect(writeSearchIndexes(site, ['fi'])).rejects.toThrow(/^search index: Pagefind exited 3: Error: no pages$/);
  });
});
