import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of shared fixtures (test/helpers-shared.ts). */
    sharedFixtures: string;
  }
}

/**
 * A folder for what test files share during one run: fixtures built once,
 * the first time a file asks for one (`sharedFixture` in
 * test/helpers-shared.ts), and read by every file after. It belongs to this,
 * the main, process, as a test worker may end before the others are done
 * with it; teardown removes it.
 *
 * (One Chromium shared by every file, as a playwright-core browser server
 * here, was measured and dropped: every page's traffic then passes through
 * this process too, and the run took more processor time, not less.)
 */
export default function setup(project: TestProject): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'charter-shared-'));
  project.provide('sharedFixtures', folder);
  return () => rmSync(folder, { recursive: true, force: true });
}
