import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, isFormatName, loadFormatter } from '../../src/format/index.js';
import { CONTEXT, RESULTS } from '../fixtures/diagnostics.js';

describe('formatter loading', () => {
  it('knows the five built-in formats', () => {
    expect(FORMAT_NAMES).toEqual(['stylish', 'json', 'sarif', 'junit', 'github']);
    for (const name of FORMAT_NAMES) expect(isFormatName(name)).toBe(true);
    for (const name of ['', 'html', 'STYLISH', 'toString', '__proto__']) expect(isFormatName(name)).toBe(false);
  });

  it('loads each formatter, which returns text ending in a newline', async () => {
    for (const name of FORMAT_NAMES) {
      const formatter = await loadFormatter(name);
      const output = formatter(RESULTS, CONTEXT);
      expect(output.endsWith('\n'), name).toBe(true);
    }
  });

  it('imports the formatters only when asked (no static imports of them)', () => {
    const source = readFileSync(new URL('../../src/format/index.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import\s.*from\s+'([^']+)'/gm)].map((match) => match[1]);
    expect(staticImports).toEqual(['../model/diagnostic.js']);
    expect(source).toMatch(/^import type /m);
  });
});
