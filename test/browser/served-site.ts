import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { serveFolder } from './static-server.js';

/** A built site served on localhost and a Chromium to open it in; `close` ends both. */
export interface ServedSite {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function serveInChromium(folder: string): Promise<ServedSite> {
  const server = await serveFolder(folder);
  const browser = await launchChromium();
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
