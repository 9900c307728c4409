import { defineConfig } from 'vitest/config';

/**
 * Files that must run in a process of their own (isolate: true): they mock
 * modules (vi.mock, which cannot replace a module another file of the same
 * worker has loaded already), change the environment, or count what is
 * left in this process (cleanups, child processes, Chromium groups).
 */
const ISOLATED = [
  'test/load/crash-isolation.test.ts',
  'test/cards/card-pages.test.ts',
  'test/cli/missing-package.test.ts',
  'test/review/since-approval.test.ts',
  'test/site/search-index.test.ts',
  'test/util/cleanup.test.ts',
  'test/site/output-folder.test.ts',
  'test/cards/chromium-hang.test.ts',
  'test/cards/make-cards.test.ts',
  'test/cli/signals.test.ts',
];

/** What every file gets: the timeout, and the setup files that run before each file. */
const common = {
  setupFiles: ['test/setup/every-test-asserts.ts', 'test/setup/temp-folders.ts'],
  testTimeout: 30_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // The root's global setup runs once for both projects, and what it provides reaches both.
    globalSetup: ['test/global-setup.ts', 'test/setup/shared-fixtures.ts'],
    // Two files at once: the browser file mostly waits on Chromium, so the rest runs beside it.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      // Most files share a worker process with the files before them: starting a process and loading
      // the modules again for each of 175 files cost about 0.8 s of processor time per file.
      { test: { ...common, name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false } },
      { test: { ...common, name: 'isolated', include: ISOLATED, isolate: true } },
    ],
  },
});
