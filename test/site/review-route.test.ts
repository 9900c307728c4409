import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { serveSite } from '../../src/site/serve.js';
import { siteReviews } from '../../src/review/review-inputs.js';
import { runCli, tempFolder, writeTree } from '../helpers.js';
import { VALID_UNIT } from '../fixtures/charters.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const UNITS = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];
const EVENTS = { logs: ['charters/sample-events.csv'], asOf: new Date('2026-11-30T23:59:59+02:00') };

function examples(): string {
  const cwd = tempFolder('file');
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  return cwd;
}

describe('the review pack in the site (charter build --events)', () => {
  let out: string;
  beforeAll(async () => {
    const cwd = examples();
    const result = await buildSite({ cwd, today: '2026-11-30', events: EVENTS, reviews: siteReviews(cwd, [], EVENTS) });
    expect(result.ok).toBe(true);
    out = join(cwd, '_site');
  }, 180_000);

  it('gives each charter page in each language its review pack, linked from the review section', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      for (const id of UNITS) {
        const pack = readFileSync(join(out, lang, id, 'review', 'index.html'), 'utf8');
        expect(pack).toContain(`<html lang="${lang}">`);
        // In the site's frame: its header and navigation, the stylesheet linked.
        expect(pack).toContain('class="site-header"');
        expect(pack).toContain('<link rel="stylesheet" href="/assets/charter.css">');
        expect(pack).toContain(`<a href="/${lang}/${id}/">`);
        const page = readFileSync(join(out, lang, id, 'index.html'), 'utf8');
        expect(page).toContain(`<p class="review__pack-link"><a href="/${lang}/${id}/review/">`);
      }
    }
  });

  it('leaves the review packs out of the search index', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const fragments = join(out, lang, 'pagefind', 'fragment');
      const urls = readdirSync(fragments).map((file) => {
        const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
        return (JSON.parse(text.slice(text.indexOf('{'))) as { url: string }).url;
      });
      expect(urls.length).toBeGreaterThan(3);
      expect(urls.filter((url) => url.includes('/review/'))).toEqual([]);
    }
  });
});

describe('charter build on the command line', () => {
  it('adds the review packs when given the logs', async () => {
    const cwd = examples();
    const result = await runCli(['build', '--events', 'charters/sample-events.csv', '--as-of', '2026-11-30', '--today', '2026-11-30', '--no-search'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'fi', 'registry-office', 'review', 'index.html'), 'utf8')).toContain('Mitä lupasimme?');
  }, 120_000);

  it('has no review packs and no link to them without the logs', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--today', '2026-11-30', '--no-search'], cwd);
    expect(result.code).toBe(0);
    expect(existsSync(join(cwd, '_site', 'fi', 'test-unit', 'review'))).toBe(false);
    expect(readFileSync(join(cwd, '_site', 'fi', 'test-unit', 'index.html'), 'utf8')).not.toContain('review__pack-link');
  });
});

describe('charter serve --events', () => {
  it('serves the review packs too', async () => {
    const cwd = examples();
    const handle = await serveSite(
      { cwd, today: '2026-11-30', port: 0, search: false, events: EVENTS, reviews: siteReviews(cwd, [], EVENTS) },
      () => undefined,
    );
    try {
      const response = await fetch(`${handle.url}sv/city-library/review/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Vad lovade vi?');
    } finally {
      await handle.close();
    }
  }, 120_000);
});
