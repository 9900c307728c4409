import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS, DEFAULT_CHROMIUM } from '../../src/cards/render-pdf.js';
import type {} from '../setup/shared-fixtures.js';

/** Debian's Chromium; tests never download a browser of their own. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;

/**
 * Whether browser tests can run. Under CI a missing Chromium is a failure
 * (install it: apt-get install chromium); on a developer machine the tests
 * are skipped with a message saying so.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}; CI must install it (apt-get install chromium)`);
  console.warn(`Skipping browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
}

/**
 * A Chromium to open pages in: the test run's shared one (started by
 * test/setup/shared-fixtures.ts when the first file asks), whose `close()`
 * closes this file's pages and contexts and leaves the browser to the other
 * files. A launch costs a second of a core; a page in a fresh context of a
 * running browser is as isolated (no cookies, storage or cache shared). Run
 * without the global set-up, a browser of the file's own.
 */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const broker = inject('chromiumBroker') as string | undefined;
  if (!broker) return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  const response = await fetch(broker);
  const answer = await response.text();
  if (!response.ok) throw new Error(answer);
  return chromium.connect(answer);
}
