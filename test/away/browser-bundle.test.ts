import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';

describe('the absence kit in the browser', () => {
  it('bundles composeAway and every format for the browser, with nothing of Node', async () => {
    const entries = ['compose', 'formats/ics', 'formats/graph', 'formats/exchange', 'formats/json', 'formats/text'];
    const result = await build({
      stdin: {
        contents: entries.map((entry, index) => `export * as m${index} from './src/away/${entry}.js';`).join('\n'),
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      charset: 'utf8',
    });
    expect(result.errors).toEqual([]);
    const code = result.outputFiles[0]?.text ?? '';
    expect(code).not.toMatch(/from ["']node:|require\(["']node:|date-holidays/);
    // The texts come along: the page needs no request to get them.
    expect(code).toContain('Palaan töihin');
  });
});
