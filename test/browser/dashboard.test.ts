import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hundredUnitsDashboard } from '../helpers-shared.js';
import { chromiumAvailable } from './chromium.js';
import { serveInChromium, type ServedSite } from './served-site.js';
import { expectAccessible } from './axe.js';
import { Tab } from './tab.js';

const runBrowserTests = chromiumAvailable();

/** The overview and a unit's page of a hundred units' dashboard, in Finnish and Swedish. */
const PAGES = ['/fi/dashboard/', '/sv/dashboard/', '/fi/dashboard/unit-003/', '/sv/dashboard/unit-004/'];

// Chromium on a busy two-core machine: twice the usual timeout.
describe.runIf(runBrowserTests)('the dashboard of a hundred units in a real browser', { timeout: 60_000 }, () => {
  let site: ServedSite;
  let tab: Tab;

  beforeAll(async () => {
    site = await serveInChromium(await hundredUnitsDashboard());
    tab = await Tab.open(site.browser);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  it.each(PAGES)('leaves no colour contrast undecided, and finds no violation, on %s', async (path) => {
    await expectAccessible(tab, `${site.url}${path}`);
  });

  it('reads the overview without JavaScript: missed first, in words, each row leading to its unit', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${site.url}/en/dashboard/`);
      const rows = await page.locator('table.promises-table tbody tr').evaluateAll((found) =>
        found.map((row) => ({
          href: row.querySelector('a')?.getAttribute('href') ?? '',
          latest: row.querySelectorAll('td')[1]?.textContent ?? '',
        })),
      );
      expect(rows).toHaveLength(300);
      expect(rows[0]?.latest).toMatch(/^Missed: /);
      // Missed on three contacts says so.
      expect(rows.some((row) => /^Missed, few contacts \(3\): /.test(row.latest))).toBe(true);
      const first = rows[0]?.href ?? '';
      expect(first).toMatch(/^unit-\d{3}\/#unit-unit-\d{3}-/);
      await page.click(`a[href="${first}"]`);
      expect(page.url()).toBe(`${site.url}/en/dashboard/${first}`);
      // The unit's charts are there, each with its name and description, and its table.
      expect(await page.locator('svg.trend__chart[role="img"][aria-labelledby][aria-describedby]').count()).toBe(3);
      expect(await page.locator('table.figures-table').count()).toBe(3);
    } finally {
      await context.close();
    }
  });

  it('asks for no script before the page shows: the only one is a module (deferred)', () =>
    tab.use(async (page) => {
      await page.goto(`${site.url}/fi/dashboard/`);
      const blocking = await page.evaluate(
        () =>
          [...document.querySelectorAll('head script')].filter(
            (script) => script.getAttribute('type') !== 'module' && !script.hasAttribute('defer') && !script.hasAttribute('async'),
          ).length,
      );
      expect(blocking).toBe(0);
    }));
});
