import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect, inject } from 'vitest';
import type { BuildOptions } from '../src/site/build.js';
import { manyUnitsReport } from './fixtures/many-units.js';
import { tempFolder } from './temp-folders.js';
import type {} from './setup/shared-fixtures.js';

const repoRoot = join(import.meta.dirname, '..');
/** How long a file waits for another file's build of a fixture: a site takes seconds, more on a busy machine. */
const WAIT_MS = 300_000;
/**
 * This process's shared fixtures, so that two describes of one file (or two
 * files of one worker, where files share modules) never race each other for
 * the same one. Only the run's shared folders: a file's own goes with it.
 */
const mine = new Map<string, Promise<string>>();

/**
 * A folder made once per test run by `make`, the first time any test file
 * asks for `name`, and shared by every file that asks after (in any worker,
 * which waits for it). Read it; never write into it: other files read it at
 * the same time. The same `name` must always mean the same `make`. Without
 * the run's global set-up (vitest.config.ts), each file makes its own.
 */
export function sharedFixture(name: string, make: (folder: string) => Promise<void>): Promise<string> {
  const root = inject('sharedFixtures') as string | undefined;
  if (!root) {
    const folder = tempFolder('file');
    return make(folder).then(() => folder);
  }
  let made = mine.get(name);
  if (!made) {
    made = makeOnce(root, name, make);
    mine.set(name, made);
  }
  return made;
}

async function makeOnce(root: string, name: string, make: (folder: string) => Promise<void>): Promise<string> {
  const folder = join(root, name);
  const done = `${folder}.done`;
  const failed = `${folder}.failed`;
  // mkdir is atomic: the one file that creates the folder makes the fixture.
  let maker = false;
  try {
    mkdirSync(folder);
    maker = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (maker) {
    try {
      await make(folder);
    } catch (error) {
      writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
      throw error;
    }
    writeFileSync(done, '');
    return folder;
  }
  for (const deadline = Date.now() + WAIT_MS; !existsSync(done); await sleep(100)) {
    if (existsSync(failed)) throw new Error(`the shared fixture ${name} failed in another test file:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared fixture ${name} was not ready after ${WAIT_MS / 1000} s`);
  }
  return folder;
}

/**
 * The example charters (charters/) built by `buildSite` with `options`, once
 * per run for all the files that ask with the same options: the path of the
 * built site (`_site`). Read it; never write into it.
 */
export async function exampleSite(options: Omit<BuildOptions, 'cwd'>): Promise<string> {
  // The same options in any key order are the same site.
  const canonical = JSON.stringify(options, (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value,
  );
  const key = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  const folder = await sharedFixture(`example-site-${key}`, async (cwd) => {
    const { buildSite } = await import('../src/site/build.js');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const result = await buildSite({ ...options, cwd });
    expect(result.ok, JSON.stringify(result.results.flatMap((file) => file.diagnostics))).toBe(true);
  });
  return join(folder, '_site');
}

/**
 * The example charters with the compliance dashboard of a hundred units,
 * three promises each (test/fixtures/many-units.ts), built on 31 December
 * 2026 without a search index: the path of the shared built site.
 */
export function hundredUnitsDashboard(): Promise<string> {
  return exampleSite({ today: '2026-12-31', search: false, compliance: manyUnitsReport(100) });
}
