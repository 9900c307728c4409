import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule, Vitest } from 'vitest/node';

/** How many of the slowest test files the summary names. */
const SLOWEST_FILES = 5;
/** A test that takes more than this share of its timeout is named: on a loaded machine it is the next to fail. */
const NEAR_TIMEOUT_SHARE = 0.5;

/**
 * Ends every run with plain lines for CI logs: `N passed, N failed, N skipped`
 * and the run's wall time (the build in the global setup included), the
 * slowest files, and every test that took more than half its timeout.
 */
export default class SummaryReporter implements Reporter {
  private started = performance.now();
  private root = process.cwd();

  onInit(vitest: Vitest): void {
    this.started = performance.now();
    this.root = vitest.config.root;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const wallTime = performance.now() - this.started;
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const nearTimeout: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
        const warning = nearTimeoutWarning(test, this.fileOf(testModule));
        if (warning) nearTimeout.push(warning);
      }
    }
    const slowest = [...testModules]
      .sort((a, b) => b.diagnostic().duration - a.diagnostic().duration)
      .slice(0, SLOWEST_FILES)
      .map((testModule) => `${this.fileOf(testModule)} ${seconds(testModule.diagnostic().duration)}`);
    const lines = [
      '',
      `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
      `slowest files: ${slowest.join(', ')}`,
      ...nearTimeout,
      `test run wall time: ${minutesAndSeconds(wallTime)}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
  }

  private fileOf(testModule: TestModule): string {
    return relative(this.root, testModule.moduleId);
  }
}

function nearTimeoutWarning(test: TestCase, file: string): string | undefined {
  const timeout = test.options.timeout;
  const { duration } = test.diagnostic() ?? { duration: 0 };
  if (!timeout || duration <= timeout * NEAR_TIMEOUT_SHARE) return undefined;
  return `near its timeout: ${file} > ${test.fullName}: ${seconds(duration)} of ${seconds(timeout)}`;
}

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1)} s`;
}

function minutesAndSeconds(milliseconds: number): string {
  const total = Math.round(milliseconds / 1000);
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}
