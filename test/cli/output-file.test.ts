import { spawn, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import { runCli, writeTree } from '../helpers.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'charter.js');
const LOG = HAND_CHECKED_LOG;

/** A project with the charters and a log, and a copy of every input to compare with after the run. */
function project(): { cwd: string; unchanged: () => void } {
  const files = { ...CHARTERS, 'log.csv': LOG };
  const cwd = writeTree(files);
  return {
    cwd,
    unchanged: () => {
      for (const [path, content] of Object.entries(files)) expect(readFileSync(join(cwd, path), 'utf8'), path).toBe(content);
    },
  };
}

/** Whether this machine lets the tests make a device node (root, outside a restricted container). */
function canMakeDevices(): boolean {
  const folder = writeTree({});
  return spawnSync('mknod', [join(folder, 'probe'), 'c', '1', '3']).status === 0;
}

describe('-o never replaces an input', () => {
  it.each([
    ['the log itself', 'log.csv'],
    ['the log spelled another way', './charters/../log.csv'],
    ['a charter of --charters', 'charters/test-unit.yaml'],
    ['a baseline', 'charters/_base.yaml'],
  ])('report refuses %s, before writing anything', async (_, output) => {
    const { cwd, unchanged } = project();
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '-o', output], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^charter: refusing to write ${output.replace(/\./g, '\\.')}: it is a (contact log|charter file) this run reads; choose another output file\\n$`,
      ),
    );
    unchanged();
    expect(readdirSync(cwd).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('report refuses a symbolic link or a hard link to the log', async () => {
    const { cwd, unchanged } = project();
    symlinkSync('log.csv', join(cwd, 'soft.csv'));
    linkSync(join(cwd, 'log.csv'), join(cwd, 'hard.csv'));
    for (const output of ['soft.csv', 'hard.csv']) {
      const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '-o', output], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`charter: refusing to write ${output}: it is a contact log this run reads; choose another output file\n`);
    }
    unchanged();
    expect(lstatSync(join(cwd, 'soft.csv')).isSymbolicLink()).toBe(true);
  });

  it.each([['off'], ['2']])('validate (concurrency %s) refuses a charter and the baseline it extends', async (concurrency) => {
    const { cwd, unchanged } = project();
    for (const output of ['charters/small-unit.yaml', 'charters/_base.yaml']) {
      const result = await runCli(['validate', 'charters/small-unit.yaml', '--concurrency', concurrency, '-o', output], cwd);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`charter: refusing to write ${output}: it is a charter file this run reads; choose another output file\n`);
    }
    unchanged();
  });

  it('writes through a symbolic link to another file, keeping the link', async () => {
    const { cwd } = project();
    mkdirSync(join(cwd, 'reports'));
    writeFileSync(join(cwd, 'reports', 'latest.json'), 'old');
    symlinkSync('reports/latest.json', join(cwd, 'latest.json'));
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json', '-o', 'latest.json'], cwd);
    expect(result.code).toBe(0);
    expect(lstatSync(join(cwd, 'latest.json')).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(cwd, 'reports', 'latest.json'), 'utf8'))).toMatchObject({ asOf: '2027-01-15T10:00:00.000Z' });
  });
});

describe('-o to something other than a regular file', () => {
  it.runIf(canMakeDevices())('writes to a character device in place, never replacing the node', async () => {
    const { cwd } = project();
    // A null device of the test's own: the real /dev/null must never be at stake.
    expect(spawnSync('mknod', [join(cwd, 'null'), 'c', '1', '3']).status).toBe(0);
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '-o', 'null'], cwd);
    expect(result.code).toBe(0);
    expect(statSync(join(cwd, 'null')).isCharacterDevice()).toBe(true);
  });

  it('writes into a named pipe, which stays a pipe', async () => {
    const { cwd } = project();
    const fifo = join(cwd, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn(process.execPath, ['-e', 'process.stdout.write(require("fs").readFileSync(process.argv[1]))', fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const ended = new Promise<void>((resolve) => reader.on('close', () => resolve()));
    try {
      const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '-o', 'pipe'], cwd);
      expect(result.code).toBe(0);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await ended;
      expect(received).toMatch(/^Compliance as of 2027-01-15 12:00/);
    } finally {
      reader.kill();
    }
  });

  it.runIf(existsSync('/proc/self/fd'))('writes through a link to an open descriptor (as /dev/stdout is) to that descriptor', () => {
    const { cwd } = project();
    symlinkSync('/proc/self/fd/1', join(cwd, 'out'));
    const result = spawnSync(process.execPath, [bin, 'report', 'log.csv', '--as-of', AS_OF, '-o', 'out'], { cwd, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Compliance as of 2027-01-15 12:00/);
    expect(lstatSync(join(cwd, 'out')).isSymbolicLink()).toBe(true);
  });

  it('refuses a socket or a folder, and names the problem of a missing or blocked folder', async () => {
    const { cwd } = project();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(cwd, 'socket'), resolve));
    try {
      expect(await runCli(['report', 'log.csv', '-o', 'socket'], cwd)).toMatchObject({ code: 2, stderr: 'charter: cannot write socket: it is a socket\n' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await runCli(['validate', '-o', 'charters'], cwd)).toMatchObject({ code: 2, stderr: 'charter: cannot write charters: it is a folder\n' });
    expect(await runCli(['validate', '-o', 'log.csv/report.txt'], cwd)).toMatchObject({
      code: 2,
      stderr: 'charter: cannot write log.csv/report.txt: log.csv is not a folder\n',
    });
  });

  it.runIf(canMakeDevices())('says in one line when the disk is full', async () => {
    const { cwd } = project();
    // A full device of the test's own (as /dev/full): writing to it fails with ENOSPC.
    expect(spawnSync('mknod', [join(cwd, 'full'), 'c', '1', '7']).status).toBe(0);
    const result = await runCli(['validate', '-f', 'json', '-o', 'full'], cwd);
    expect(result).toEqual({ code: 2, stdout: '', stderr: 'charter: cannot write full: no space left on the device\n' });
    expect(statSync(join(cwd, 'full')).isCharacterDevice()).toBe(true);
  });
});
