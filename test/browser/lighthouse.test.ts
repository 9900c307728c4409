import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleSite, hundredUnitsDashboard } from '../helpers-shared.js';
import { CHROMIUM_PATH, chromiumAvailable } from './chromium.js';
import { serveFolder } from './static-server.js';

/**
 * Lighthouse's mobile preset (its default: a mid-range phone on a slow 4G
 * link, simulated) on every kind of dashboard page: each must score 90 or
 * more for performance. Lighthouse drives the system's Chromium through
 * chrome-launcher and downloads nothing. It is a dev dependency; where it is
 * not installed (or lives elsewhere: LIGHTHOUSE_DIR names the folder whose
 * node_modules hold it) the test is skipped, saying so, except under CI.
 */

const MIN_SCORE = 0.9;

interface LighthouseModules {
  readonly lighthouse: string;
  readonly chromeLauncher: string;
}

function lighthouseModules(): LighthouseModules | undefined {
  const from = process.env.LIGHTHOUSE_DIR ? join(process.env.LIGHTHOUSE_DIR, 'package.json') : import.meta.filename;
  const require = createRequire(from);
  try {
    return { lighthouse: require.resolve('lighthouse'), chromeLauncher: require.resolve('chrome-launcher') };
  } catch {
    if (process.env.CI) throw new Error('Lighthouse is missing; CI must install the dev dependencies (npm ci)');
    console.warn('Skipping the Lighthouse test: the lighthouse package is not installed (npm install, or set LIGHTHOUSE_DIR)');
    return undefined;
  }
}

const modules = chromiumAvailable() ? lighthouseModules() : undefined;

type Lighthouse = (
  url: string,
  flags: Record<string, unknown>,
) => Promise<{ lhr: { categories: { performance: { score: number | null } }; audits: Record<string, { displayValue?: string }> } } | undefined>;
interface LaunchedChrome {
  readonly port: number;
  kill(): Promise<void> | void;
}

// A Lighthouse run takes some 15 s of a busy two-core machine.
describe.runIf(modules !== undefined)('the dashboard pages in Lighthouse’s mobile preset', { timeout: 180_000 }, () => {
  let lighthouse: Lighthouse;
  let chrome: LaunchedChrome;
  const servers: { url: string; close: () => Promise<void> }[] = [];
  let hundred = '';
  let example = '';

  beforeAll(async () => {
    const found = modules as LighthouseModules;
    lighthouse = ((await import(pathToFileURL(found.lighthouse).href)) as { default: Lighthouse }).default;
    const launcher = (await import(pathToFileURL(found.chromeLauncher).href)) as { launch: (options: Record<string, unknown>) => Promise<LaunchedChrome> };

    // A hundred units × three promises, and the example guide measured from its sample log.
    const many = await hundredUnitsDashboard();
    const events = { logs: ['charters/sample-events.csv'], asOf: new Date('2026-11-30T21:59:00Z') };
    const guide = await exampleSite({ today: '2026-11-30', search: false, events });
    servers.push(await serveFolder(many), await serveFolder(guide));
    hundred = (servers[0] as { url: string }).url;
    example = (servers[1] as { url: string }).url;
    chrome = await launcher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'], logLevel: 'silent' });
  }, 180_000);

  afterAll(async () => {
    await chrome?.kill();
    for (const server of servers) await server.close();
  });

  // Each page kind once, at its heaviest: the overview of a hundred units, and the unit page
  // with the most promises (a hundred units' unit pages hold three each). Each audit takes seconds.
  const pages = [
    ['the overview of a hundred units', () => `${hundred}/fi/dashboard/`],
    ['the example’s largest unit page (17 promises)', () => `${example}/fi/dashboard/social-services-advice/`],
  ] as const;

  it.each(pages)('scores 90 or more for performance on %s', async (_, url) => {
    const result = await lighthouse(url(), { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
    const score = result?.lhr.categories.performance.score ?? 0;
    const audits = result?.lhr.audits ?? {};
    const figures = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'dom-size']
      .map((id) => `${id} ${audits[id]?.displayValue ?? '?'}`)
      .join(', ');
    console.info(`Lighthouse ${Math.round(score * 100)}: ${url()} (${figures})`);
    expect(score, figures).toBeGreaterThanOrEqual(MIN_SCORE);
  });
});
