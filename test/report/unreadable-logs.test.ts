import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, CHARTERS } from '../fixtures/contact-log.js';
import { runBin, writeTree } from '../helpers.js';

describe.skipIf(process.platform === 'win32')('a log that is not a regular file', () => {
  it('a FIFO, or a link to one, is a usage error pointing to standard input, not a wait', () => {
    const cwd = writeTree(CHARTERS);
    execFileSync('mkfifo', [join(cwd, 'log.csv')]);
    symlinkSync('log.csv', join(cwd, 'linked.csv'));
    for (const log of ['log.csv', 'linked.csv']) {
      const result = runBin(['report', log, '--as-of', AS_OF], cwd);
      expect(result.signal).toBeNull();
      expect(result).toMatchObject({
        code: 2,
        stdout: '',
        stderr: `charter: ${log}: is a FIFO (named pipe), not a log file; to read from a pipe, give - and pipe the log into standard input\n`,
      });
    }
  });

  it('charter build --events refuses it the same way', () => {
    const cwd = writeTree(CHARTERS);
    execFileSync('mkfifo', [join(cwd, 'log.csv')]);
    const result = runBin(['build', '--events', 'log.csv', '--as-of', AS_OF, '--today', '2026-11-23', '--no-search'], cwd);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^charter: log\.csv: is a FIFO \(named pipe\), not a log file/m);
  });
});
