import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../browser/chromium.js';
import { liveProcesses, tempFolder } from '../helpers.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'charter.js');
const UNITS = ['building-control', 'city-library', 'registry-office'];
/** Long enough that a run is still under way when the signal arrives, even on a fast machine. */
const STOP_TIMEOUT = 60_000;

/** A project with `count` copies of the example charters (ids made unique), and its own temporary folder. */
function project(count: number): { cwd: string; tmp: string } {
  const cwd = tempFolder();
  const charters = join(cwd, 'charters');
  mkdirSync(charters);
  cpSync(join(repoRoot, 'charters', '_organisation.yaml'), join(charters, '_organisation.yaml'));
  for (let index = 1; index <= count; index++) {
    const unit = UNITS[index % UNITS.length] as string;
    const text = readFileSync(join(repoRoot, 'charters', `${unit}.yaml`), 'utf8').replace(/^id: .*$/m, `id: ${unit}-${index}`);
    writeFileSync(join(charters, `${unit}-${index}.yaml`), text);
  }
  const tmp = join(cwd, 'tmp');
  mkdirSync(tmp);
  return { cwd, tmp };
}

interface Run {
  readonly child: ChildProcess;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  // A failed test must not leave its run behind.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function charter(args: readonly string[], cwd: string, tmp: string): Run {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp }, stdio: ['ignore', 'ignore', 'pipe'] });
  started.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stderr: () => stderr, exited };
}

/** Polls until `ready` returns a value; fails if the run ends first or it takes too long. */
async function when<T>(run: Run, what: string, ready: () => T | undefined): Promise<T> {
  const deadline = Date.now() + STOP_TIMEOUT;
  for (;;) {
    const value = ready();
    if (value !== undefined) return value;
    if (run.child.exitCode !== null) throw new Error(`the run ended before ${what}: ${run.stderr()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const stagingFolders = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => /\.building-|\.old-/.test(name)) : []);

/** Waits (generously) for a process group to end; returns the processes still in it. */
async function strays(group: number): Promise<string[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const left = liveProcesses({ groups: [group] }).map((info) => `${info.pid} ${info.command}`);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('charter build stopped by a signal', () => {
  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
    ['SIGHUP', 129],
  ] as const)(
    'stops quietly on %s with exit code %i, leaving no staging or temporary folder',
    async (signal, exitCode) => {
      const { cwd, tmp } = project(45);
      const run = charter(['build', '--today', '2026-11-23'], cwd, tmp);
      await when(run, 'the staging folder', () => (stagingFolders(cwd).length > 0 ? true : undefined));
      run.child.kill(signal);
      expect(await run.exited).toEqual({ code: exitCode, signal: null });
      expect(run.stderr()).toBe('');
      expect(stagingFolders(cwd)).toEqual([]);
      expect(existsSync(join(cwd, '_site'))).toBe(false);
      expect(readdirSync(tmp)).toEqual([]);
    },
    120_000,
  );

  it('leaves a staging folder when killed outright, which the next build removes', async () => {
    const { cwd, tmp } = project(45);
    const killed = charter(['build', '--today', '2026-11-23', '--no-search'], cwd, tmp);
    await when(killed, 'the staging folder', () => (stagingFolders(cwd).length > 0 ? true : undefined));
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(stagingFolders(cwd)).toHaveLength(1);
    const next = charter(['build', '--today', '2026-11-23', '--no-search'], cwd, tmp);
    expect((await next.exited).code).toBe(0);
    expect(stagingFolders(cwd)).toEqual([]);
    expect(existsSync(join(cwd, '_site', 'index.html'))).toBe(true);
  }, 240_000);
});

describe.runIf(chromiumAvailable())('charter cards stopped by a signal', () => {
  it('closes Chromium, removes its staging folder and exits 143 without a message', async () => {
    const { cwd, tmp } = project(12);
    const run = charter(['cards', '--today', '2026-11-23'], cwd, tmp);
    // Chromium is launched detached: its first process leads a process group of its own.
    const browser = await when(run, 'Chromium printing', () => {
      const chromium = liveProcesses({ parent: run.child.pid as number }).find((info) => /chrom/i.test(info.command));
      return chromium && liveProcesses({ groups: [chromium.pgid] }).length >= 3 ? chromium : undefined;
    });
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 143, signal: null });
    expect(run.stderr()).toBe('');
    expect(stagingFolders(join(cwd, '_site'))).toEqual([]);
    expect(existsSync(join(cwd, '_site', 'cards'))).toBe(false);
    expect(await strays(browser.pgid)).toEqual([]);
    expect(readdirSync(tmp)).toEqual([]);
  }, 120_000);
});
