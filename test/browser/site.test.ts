import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { makeCards } from '../../src/cards/make-cards.js';
import { tempFolder } from '../helpers.js';
import { hostileCharter } from '../fixtures/hostile.js';
import { complianceReport } from '../fixtures/compliance.js';
import { samiUnit } from '../fixtures/sami.js';
import { arabicUnit } from '../fixtures/arabic.js';
import { FORMAT_11_UNIT, edit } from '../fixtures/charters.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { serveFolder } from './static-server.js';
import { axeViolations } from './axe.js';
import { Tab } from './tab.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const runBrowserTests = chromiumAvailable();

/**
 * What a page asked for and did not get, as it loads: failed responses and
 * requests, and the browser's own (a /favicon.ico it looks for when no icon
 * is linked, reported only on the console).
 */
function missingFiles(page: Page): string[] {
  const missing: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => missing.push(`failed ${request.url()}`));
  page.on('console', (entry) => {
    if (entry.type() === 'error' && entry.text().startsWith('Failed to load resource')) missing.push(entry.text());
  });
  return missing;
}

/** The links of the search page's results for `query` at `url` (a search page), once the first has come. */
async function searchResultLinks(page: Page, url: string, query: string): Promise<(string | null)[]> {
  await page.goto(`${url}?q=${encodeURIComponent(query)}`);
  const results = page.locator('#search-result-list a');
  await results.first().waitFor({ timeout: 15_000 });
  return results.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
}

const PAGES = ['/', '/fi/', '/sv/', '/en/', '/fi/search/', '/sv/search/', '/en/search/', '/fi/accessibility/', '/sv/accessibility/', '/en/accessibility/'];
const DASHBOARDS = ['/fi/dashboard/', '/sv/dashboard/', '/en/dashboard/'];
/** A unit's page under the dashboard, with its charts. */
const UNIT_DASHBOARDS = ['/fi/dashboard/building-control/', '/sv/dashboard/building-control/', '/en/dashboard/building-control/'];
PAGES.push(...DASHBOARDS, ...UNIT_DASHBOARDS, '/fi/dashboard/city-library/');
const UNITS = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];
for (const lang of ['fi', 'sv', 'en']) for (const unit of UNITS) PAGES.push(`/${lang}/${unit}/`, `/${lang}/${unit}/card/`);
// A format 1.1 charter (FORMAT_11_UNIT, written into the collection): every kind of line, services and complaint stages.
PAGES.push('/fi/test-unit/', '/en/test-unit/', '/en/test-unit/card/');
const CARD_PAGES = ['a7', 'credit-card'].flatMap((size) => ['fi', 'sv', 'en'].map((lang) => `/cards-${size}/${lang}/social-services-advice-${size}.html`));

// Each test drives Chromium, whose pages take seconds on a busy two-core machine: twice the usual timeout.
describe.runIf(runBrowserTests)('the built guide in a real browser', { timeout: 60_000 }, () => {
  let browser: Browser;
  let tab: Tab;
  let server: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    const cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const described =
      '  - { id: businesses, name: { fi: Yritykset, en: Businesses }, description: { fi: Yritykset ja yhteisöt., en: Companies and associations. } }';
    writeFileSync(join(cwd, 'charters', 'test-unit.yaml'), edit(FORMAT_11_UNIT, '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }', described));
    // With a compliance report, so the dashboard and its links are on the pages checked.
    const result = await buildSite({ cwd, today: '2026-11-23', compliance: complianceReport() });
    expect(result.ok).toBe(true);
    // Cards of the smaller sizes, written into the site as `charter cards` does by default: only for
    // the charter whose card pages are checked (CARD_PAGES), as printing each card takes a while.
    for (const size of ['a7', 'credit-card'] as const) {
      const patterns = ['charters/social-services-advice.yaml'];
      const cards = await makeCards({ cwd, today: '2026-11-23', size, out: `_site/cards-${size}`, baseUrl: 'https://intranet.example.fi/', patterns });
      expect(cards.ok).toBe(true);
    }
    server = await serveFolder(join(cwd, '_site'));
    browser = await launchChromium();
    tab = await Tab.open(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(PAGES)('axe finds no violations, and no file is missing, on %s', (path) =>
    tab.use(async (page) => {
      const missing = missingFiles(page);
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
      expect(missing).toEqual([]);
    }),
  );

  it.each(CARD_PAGES)('axe finds no violations on the card page %s', (path) =>
    tab.use(async (page) => {
      expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    }),
  );

  it('switches language with plain links, keeping the charter', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/fi/building-control/`);
      expect(await page.getAttribute('html', 'lang')).toBe('fi');
      await page.click('a[hreflang="sv"]');
      await page.waitForURL(`${server.url}/sv/building-control/`);
      expect(await page.getAttribute('html', 'lang')).toBe('sv');
    }));

  it('finds a unit by an inflected Finnish word', () =>
    tab.use(async (page) => {
      const hrefs = await searchResultLinks(page, `${server.url}/fi/search/`, 'kirjastossa');
      expect(hrefs.some((href) => href?.includes('/fi/city-library/'))).toBe(true);
    }));

  it('leads to the A–Z list when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/fi/`);
    await page.fill('input[name="q"]', 'kirjasto');
    await page.press('input[name="q"]', 'Enter');
    await page.waitForURL(/\/fi\/search\/\?q=kirjasto/);
    const links = await page.locator('main a[href^="/fi/"]').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
    for (const unit of UNITS) expect(links).toContain(`/fi/${unit}/`);
    await context.close();
  });

  it.each(UNIT_DASHBOARDS)('shows the charts and tables of %s without JavaScript', async (path) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
      const charts = await page.locator('svg.trend__chart[role="img"]').evaluateAll((svgs) =>
        svgs.map((svg) => {
          const box = svg.getBoundingClientRect();
          const text = (attribute: string): string =>
            (svg.getAttribute(attribute) ?? '')
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ');
          return {
            name: text('aria-labelledby'),
            description: text('aria-describedby'),
            width: box.width,
            height: box.height,
            bars: svg.querySelectorAll('rect.trend__bar').length,
            target: svg.querySelectorAll('line.trend__target[stroke-dasharray]').length,
          };
        }),
      );
      expect(charts).toHaveLength(3);
      for (const chart of charts) {
        expect(chart.name.length).toBeGreaterThan(20);
        expect(chart.description.length).toBeGreaterThan(20);
        expect(chart.width).toBeGreaterThan(200);
        expect(chart.height).toBeGreaterThan(60);
        expect(chart.target).toBe(1);
      }
      // The email reply of building-control: 11 months with a bar, July a gap.
      expect(charts.map((chart) => chart.bars)).toContain(11);
      const tables = await page.locator('table.figures-table').evaluateAll((found) =>
        found.map((table) => ({
          caption: table.querySelector('caption')?.textContent ?? '',
          columns: table.querySelectorAll('thead th[scope="col"]').length,
          rows: table.querySelectorAll('tbody th[scope="row"]').length,
          visible: table.getBoundingClientRect().height > 0,
        })),
      );
      expect(tables).toHaveLength(3);
      for (const table of tables) expect(table).toMatchObject({ columns: 9, rows: 12, visible: true });
      // Missed is red, in words and shape (a cross before the words, which screen readers skip).
      const missed = await page
        .locator('.status--missed')
        .first()
        .evaluate((label) => ({ color: getComputedStyle(label).color, shape: getComputedStyle(label, '::before').content }));
      expect(missed.color).toBe('rgb(177, 14, 30)');
      expect(missed.shape).toMatch(/^"✖"/);
    } finally {
      await context.close();
    }
  });

  it('brings a promise linked from the overview to the top of its unit page, laid out, at a phone’s width', () =>
    tab.use(
      async (page) => {
        await page.goto(`${server.url}/fi/dashboard/`);
        const links = await page.locator('main a[href*="#unit-"]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
        expect(links.length).toBeGreaterThan(3);
        // The unit with the most promises, at its last one: the blocks above it are laid out only as they come near.
        const pageOf = (link: string): string => link.slice(0, link.indexOf('#'));
        const counts = new Map<string, number>();
        for (const link of links) counts.set(pageOf(link), (counts.get(pageOf(link)) ?? 0) + 1);
        const busiest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
        await page.goto(busiest);
        const ids = await page.locator('main [id^="unit-"]').evaluateAll((elements) => elements.map((element) => element.id));
        expect(ids.length).toBeGreaterThan(2);
        for (const link of [links[0] as string, `${busiest}#${ids.at(-1) ?? ''}`]) {
          await page.goto(link);
          const placed = await page.locator(`[id="${new URL(link).hash.slice(1)}"]`).evaluate((element) => ({
            top: element.getBoundingClientRect().top,
            shown: element.checkVisibility({ contentVisibilityAuto: true }),
            scrolled: window.scrollY,
          }));
          expect(placed.shown, link).toBe(true);
          expect(placed.scrolled, link).toBeGreaterThan(0);
          expect(Math.abs(placed.top), link).toBeLessThan(40);
        }
      },
      { width: 375, height: 667 },
    ));

  it('prints the dashboard with whole charts inside the page', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/en/dashboard/building-control/`);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const main = document.querySelector('main')?.getBoundingClientRect();
        const charts = [...document.querySelectorAll('svg.trend__chart')].map((svg) => svg.getBoundingClientRect());
        const blocks = [...document.querySelectorAll('.dashboard-commitment')].map((block) => getComputedStyle(block).breakInside);
        return {
          mainRight: main?.right ?? 0,
          chartsInside: charts.every((box) => box.width > 0 && box.right <= (main?.right ?? 0) + 0.5),
          blocks,
          breadcrumbs: getComputedStyle(document.querySelector('.breadcrumbs') as Element).display,
        };
      });
      expect(printed.chartsInside).toBe(true);
      expect(printed.blocks.every((value) => value === 'avoid')).toBe(true);
      expect(printed.breadcrumbs).toBe('none');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    }));

  it('puts the skip link first, with a visible focus', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/en/building-control/`);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element ? getComputedStyle(element) : undefined;
        return {
          href: element?.getAttribute('href'),
          visible: Boolean(element && element.getBoundingClientRect().width > 0),
          outline: style?.outlineStyle,
          background: style?.backgroundColor,
        };
      });
      expect(focused.href).toBe('#main');
      expect(focused.visible).toBe(true);
      expect(focused.outline !== 'none' || focused.background !== 'rgba(0, 0, 0, 0)').toBe(true);
    }));

  it('reflows at 320 CSS pixels (400% zoom) without sideways scrolling', () =>
    tab.use(
      async (page) => {
        for (const path of ['/fi/building-control/', '/sv/', '/en/city-library/', '/fi/dashboard/', '/en/dashboard/', '/fi/dashboard/building-control/']) {
          await page.goto(`${server.url}${path}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, path).toBeLessThanOrEqual(0);
        }
      },
      { width: 320, height: 640 },
    ));

  it('prints without navigation, and with link addresses', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/en/building-control/`);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => {
        const nav = document.querySelector('header nav, nav');
        const web = document.querySelector('main a[href^="https:"]:not(.link-self)');
        return {
          navHidden: !nav || getComputedStyle(nav).display === 'none',
          after: web ? getComputedStyle(web, '::after').content : '',
        };
      });
      expect(printed.navHidden).toBe(true);
      expect(printed.after).toContain('https://');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    }));
});

describe.runIf(runBrowserTests)('hostile charter text in a real browser', () => {
  it('runs none of it', async () => {
    const cwd = tempFolder();
    writeFileSync(join(cwd, 'unit.yaml'), hostileCharter());
    const result = await buildSite({ cwd, patterns: ['unit.yaml'], today: '2026-11-23', search: false });
    expect(result.ok).toBe(true);
    const server = await serveFolder(join(cwd, '_site'));
    const browser = await launchChromium();
    try {
      for (const path of ['/en/test-unit/', '/fi/test-unit/card/', '/en/', '/en/search/']) {
        const page = await browser.newPage();
        const dialogs: string[] = [];
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.goto(`${server.url}${path}`);
        await page.waitForTimeout(200);
        // No link may carry a script address, in any letter case or with stray spaces.
        const hrefs = await page.locator('a[href]').evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
        for (const href of hrefs) expect(new URL(href).protocol, href).toMatch(/^(https?|mailto|tel):$/);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), path).toBeUndefined();
        expect(dialogs, path).toEqual([]);
        await page.close();
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

describe.runIf(runBrowserTests)('a guide built for a sub-path (--base), in a real browser', () => {
  it('finds a unit by search and leads to its page under the base path', async () => {
    const cwd = tempFolder();
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const result = await buildSite({ cwd, today: '2026-11-23', base: '/intranet/charters/' });
    expect(result.ok).toBe(true);
    const server = await serveFolder(join(cwd, '_site'), '/intranet/charters/');
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const hrefs = await searchResultLinks(page, `${server.url}/intranet/charters/fi/search/`, 'kirjastossa');
      const library = hrefs.find((href) => href?.includes('/city-library/'));
      expect(library).toMatch(/^\/intranet\/charters\/fi\/city-library\//);
      const response = await page.goto(`${server.url}${library}`);
      expect(response?.status()).toBe(200);
      expect(
        await page
          .locator('link[rel="stylesheet"]')
          .first()
          .evaluate((link) => (link as HTMLLinkElement).sheet !== null),
      ).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);
});

describe.runIf(runBrowserTests)('a guide in Northern Sámi, in a real browser', { timeout: 60_000 }, () => {
  let browser: Browser;
  let tab: Tab;
  let server: { url: string; close: () => Promise<void> };
  let cwd: string;
  const SAMI_PAGES = [
    '/',
    '/se/',
    '/se/sami-office/',
    '/se/sami-office/card/',
    '/se/town-office/',
    '/se/search/',
    '/se/accessibility/',
    '/fi/sami-office/',
    '/ar/arabic-office/',
  ];

  beforeAll(async () => {
    cwd = tempFolder('file');
    mkdirSync(join(cwd, 'charters'));
    writeFileSync(join(cwd, 'charters', 'sami-office.yaml'), samiUnit('sami-office', ['se', 'fi']));
    writeFileSync(join(cwd, 'charters', 'town-office.yaml'), samiUnit('town-office', ['fi', 'sv', 'en', 'se']));
    // And one in Finnish and Arabic: right-to-left texts in a Finnish interface, in the same guide.
    writeFileSync(join(cwd, 'charters', 'arabic-office.yaml'), arabicUnit('arabic-office', ['fi', 'ar']));
    const result = await buildSite({ cwd, today: '2026-11-23' });
    expect(result.ok).toBe(true);
    const cards = await makeCards({ cwd, today: '2026-11-23', patterns: ['charters/sami-office.yaml'] });
    expect(cards.ok, JSON.stringify(cards.results.flatMap((file) => file.diagnostics))).toBe(true);
    server = await serveFolder(join(cwd, '_site'));
    browser = await launchChromium();
    tab = await Tab.open(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each(SAMI_PAGES)('axe finds no violations on %s', (path) =>
    tab.use(async (page) => {
      expect((await page.goto(`${server.url}${path}`))?.status()).toBe(200);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    }),
  );

  it('marks the Sámi texts of a Sámi page with lang="se" in a page whose interface is Finnish', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/se/sami-office/`);
      expect(await page.getAttribute('html', 'lang')).toBe('fi');
      const heading = page.locator('h1');
      expect(await heading.textContent()).toBe('Geahččalanovttadat');
      // The language a screen reader hears: the nearest lang of the element.
      expect(await heading.evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('se');
      expect(await page.locator('.skip-link').evaluate((element) => element.closest('[lang]')?.getAttribute('lang'))).toBe('fi');
      await page.click('a[hreflang="fi"]');
      await page.waitForURL(`${server.url}/fi/sami-office/`);
      expect(await page.locator('h1').textContent()).toBe('Testiyksikkö');
    }));

  it('runs the Arabic texts of an Arabic page right to left, and its Finnish interface left to right', () =>
    tab.use(async (page) => {
      await page.goto(`${server.url}/ar/arabic-office/`);
      const direction = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).direction);
      expect(await direction('html')).toBe('ltr');
      expect(await direction('h1')).toBe('rtl');
      expect(await direction('.charter__summary')).toBe('rtl');
      expect(await direction('.skip-link')).toBe('ltr');
      // A right-to-left heading starts at the right: its text ends flush with its box's right edge.
      const { text, box } = await page.locator('h1').evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return { text: range.getBoundingClientRect().right, box: element.getBoundingClientRect().right };
      });
      expect(Math.abs(box - text)).toBeLessThan(2);
      // The ready absence texts the form makes: each Arabic one runs right to left too.
      await page.fill('#away-from', '2026-12-01');
      await page.fill('#away-until', '2026-12-04');
      await page.click('.away-form__submit');
      const arabic = page.locator('.away-text__body[lang="ar"], .away-text__body [lang="ar"]');
      await arabic.first().waitFor();
      const directions = await arabic.evaluateAll((elements) =>
        elements.map((element) => `${element.getAttribute('dir') ?? ''} ${getComputedStyle(element).direction}`),
      );
      expect(directions.length).toBeGreaterThan(0);
      expect(new Set(directions)).toEqual(new Set(['rtl rtl']));
    }));

  it('finds a Sámi page by a Sámi word in the Sámi search', () =>
    tab.use(async (page) => {
      const hrefs = await searchResultLinks(page, `${server.url}/se/search/`, 'Geahččalanovttadat');
      expect(hrefs).toEqual(expect.arrayContaining(['/se/sami-office/', '/se/town-office/']));
      expect(await page.locator('#search-result-list h3').first().getAttribute('lang')).toBe('se');
    }));

  it.runIf(existsSync('/usr/bin/pdftotext'))('prints the Sámi pocket card in Sámi', () => {
    const file = join(cwd, '_site', 'cards', 'se', 'sami-office-a6.pdf');
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Geahččalanovttadat');
    expect(text).not.toContain('Testiyksikkö');
  });
});
