import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts', 'test/setup/shared-fixtures.ts'],
    setupFiles: ['test/setup/every-test-asserts.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // Two files at once: the browser file mostly waits on Chromium, so the rest runs beside it.
    maxWorkers: 2,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
