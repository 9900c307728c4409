import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { writeTree } from '../helpers.js';
import { hostileCharter } from '../fixtures/hostile.js';

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => path.endsWith('.html') && statSync(path).isFile());
}

describe('hostile charter text renders inert', () => {
  let out: string;
  beforeAll(async () => {
    const cwd = writeTree({ 'charters/unit.yaml': hostileCharter() }, 'file');
    const result = await buildSite({ cwd, today: '2026-11-23', search: false });
    expect(result.ok, JSON.stringify(result.results)).toBe(true);
    out = join(cwd, '_site');
  }, 60_000);

  it('no page has a script, handler or javascript: link of the author', () => {
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
      for (const tag of scripts)
        expect(tag, page).toMatch(
          /^<script (type="application\/ld\+json"|type="application\/json" id="away-data"|(type="module" )?src="\/assets\/[\w.-]+"( type="module")?( defer)?)>$/,
        );
      expect(html, page).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      expect(html, page).not.toMatch(/(href|src|action|formaction)\s*=\s*["']?\s*javascript:/i);
      expect(html, page).not.toMatch(/<(img|svg|iframe|style)\b/i);
      expect(html, page).not.toContain('window.__pwned = 1</script>');
    }
  });

  it('shows the attack as text', () => {
    const html = readFileSync(join(out, 'en', 'test-unit', 'index.html'), 'utf8');
    // Handlebars escapes = too.
    expect(html).toContain('&lt;script&gt;window.__pwned &#x3D; 1&lt;/script&gt;');
  });

  it('keeps JSON-LD inert and parseable', () => {
    const html = readFileSync(join(out, 'en', 'test-unit', 'index.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const json = blocks[0]?.[1] ?? '';
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.stringify(JSON.parse(json))).toContain('window.__pwned');
  });

  it('keeps the absence form’s data inert and parseable', () => {
    const html = readFileSync(join(out, 'en', 'test-unit', 'index.html'), 'utf8');
    const blocks = [...html.matchAll(/<script type="application\/json" id="away-data">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const json = blocks[0]?.[1] ?? '';
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.stringify(JSON.parse(json))).toContain('window.__pwned');
  });
});
