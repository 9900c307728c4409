import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS } from '../../src/cards/render-pdf.js';
import { CHROMIUM_PATH } from '../browser/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of shared fixtures (test/helpers-shared.ts). */
    sharedFixtures: string;
    /** Where a file asks for the run's shared Chromium (test/browser/chromium.ts). */
    chromiumBroker: string;
  }
}

/**
 * What test files share during one run (test/helpers-shared.ts reads it):
 * a folder for fixtures built once, the first time a file asks for one
 * (`sharedFixture`), and one Chromium that every browser test connects to
 * (`connectChromium`), started only when the first file asks for it. Both
 * belong to this, the main, process: a test worker may end before the others
 * are done with them. Teardown closes the browser and removes the folder.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const folder = mkdtempSync(join(tmpdir(), 'charter-shared-'));
  project.provide('sharedFixtures', folder);

  let launching: Promise<BrowserServer> | undefined;
  const launch = async (): Promise<BrowserServer> => {
    const { chromium } = await import('playwright-core');
    return chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  };
  // A file asks for the browser's address over loopback HTTP; the first request launches it.
  const broker = createServer((_request, response) => {
    if (!existsSync(CHROMIUM_PATH)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no Chromium at ${CHROMIUM_PATH}`);
      return;
    }
    launching ??= launch();
    launching.then(
      (server) => response.writeHead(200, { 'content-type': 'text/plain' }).end(server.wsEndpoint()),
      (error: unknown) => {
        launching = undefined;
        response.writeHead(500, { 'content-type': 'text/plain' }).end(`Chromium did not start: ${String(error)}`);
      },
    );
  });
  await new Promise<void>((done) => broker.listen(0, '127.0.0.1', done));
  const address = broker.address();
  project.provide('chromiumBroker', `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`);

  return async () => {
    broker.closeAllConnections();
    await new Promise<void>((done) => broker.close(() => done()));
    const server = await launching?.catch(() => undefined);
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  };
}
