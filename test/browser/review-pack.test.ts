import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { siteReviews } from '../../src/review/review-inputs.js';
import { makeReviewPack } from '../../src/review/review-pack.js';
import { tempFolder } from '../helpers.js';
import { chromiumAvailable } from './chromium.js';
import { serveInChromium, type ServedSite } from './served-site.js';
import { expectAccessible } from './axe.js';
import { Tab } from './tab.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const runBrowserTests = chromiumAvailable();
const EVENTS = { logs: ['charters/sample-events.csv'], asOf: new Date('2026-11-30T23:59:59+02:00') };

/** The review pack in the site's frame, and as the file charter review writes, in each language. */
const PAGES = [
  '/_site/fi/building-control/review/',
  '/_site/sv/social-services-advice/review/',
  '/_site/en/city-library/review/',
  '/_review/fi/building-control.html',
  '/_review/sv/registry-office.html',
  '/_review/en/building-control.html',
];

// Chromium on a busy two-core machine: twice the usual timeout.
describe.runIf(runBrowserTests)('the review pack in a real browser', { timeout: 60_000 }, () => {
  let site: ServedSite;
  let tab: Tab;

  beforeAll(async () => {
    const cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const built = await buildSite({ cwd, today: '2026-11-30', search: false, events: EVENTS, reviews: siteReviews(cwd, [], EVENTS) });
    expect(built.ok).toBe(true);
    const pack = await makeReviewPack({ cwd, asOf: EVENTS.asOf, events: EVENTS, format: 'html' });
    expect(pack.ok).toBe(true);
    // The site's pages link /assets/ from the root: serve the folder holding both outputs, the site's assets at the root too.
    cpSync(join(cwd, '_site', 'assets'), join(cwd, 'assets'), { recursive: true });
    site = await serveInChromium(cwd);
    tab = await Tab.open(site.browser);
  }, 180_000);

  afterAll(async () => {
    await site?.close();
  });

  it.each(PAGES)('leaves no colour contrast undecided, and finds no violation, on %s', async (path) => {
    await expectAccessible(tab, `${site.url}${path}`);
  });

  it('says a missed promise in words, not by colour alone, and lists it first', () =>
    tab.use(async (page) => {
      await page.goto(`${site.url}/_review/en/building-control.html`);
      const first = await page.locator('table.review-pack__promises tbody tr').first().innerText();
      expect(first).toMatch(/Missed/);
    }));
});
