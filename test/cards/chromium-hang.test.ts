import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CardPrinter, ChromiumMissingError } from '../../src/cards/render-pdf.js';
import { renderMessage } from '../../src/messages/message.js';
import { registeredCleanups } from '../../src/util/cleanup.js';
import { tempFolder } from '../helpers.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const bin = join(repoRoot, 'bin', 'charter.js');

/**
 * A "Chromium" that never starts, in a shell whose child keeps the pipes open;
 * both carry `marker` on their command line (sleep adds its arguments up).
 */
function hangingChromium(): { path: string; marker: string } {
  const digits = `${process.pid}${Date.now()}${Math.floor(Math.random() * 1e6)}`;
  const marker = `0.000${digits}`;
  const path = join(tempFolder(), `hang-${digits}.sh`);
  writeFileSync(path, `#!/bin/sh\nsleep 1000 ${marker}\n`);
  chmodSync(path, 0o755);
  return { path, marker: digits };
}

/** The processes whose command line holds `marker`. */
function processesWith(marker: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let command: string;
    try {
      command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue;
    }
    if (command.includes(marker) && !command.includes('vitest')) found.push(`${name} ${command}`);
  }
  return found;
}

/** Waits a little for processes to go (a killed group is reaped asynchronously); those still there. */
async function strays(marker: string): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const left = processesWith(marker);
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('a Chromium that hangs while starting', () => {
  it('is given up after the launch timeout, with one line, and killed with its children', async () => {
    const { path, marker } = hangingChromium();
    const tmp = tempFolder();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const started = Date.now();
    const error: unknown = await CardPrinter.start(path, 1, new Map(), 1_000)
      .catch((caught: unknown) => caught)
      .finally(() => (saved === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = saved)));
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(error).toBeInstanceOf(ChromiumMissingError);
    const text = renderMessage((error as ChromiumMissingError).text, 'en');
    expect(text).toBe(
      `printing cards needs Chromium, and the one at ${path} did not start within 1 s: reinstall it (apt-get install chromium) or name another with --chromium PATH`,
    );
    expect(registeredCleanups()).toBe(0);
    expect(await strays(marker)).toEqual([]);
    // The browser profile Playwright made goes with it.
    await expect.poll(() => readdirSync(tmp), { timeout: 5_000 }).toEqual([]);
  }, 30_000);

  it.each([
    ['review -f all', ['review', 'charters', '-f', 'all'], 'SIGINT', 130, '_review'],
    ['review -f pdf', ['review', 'charters', '-f', 'pdf'], 'SIGTERM', 143, '_review'],
    ['cards', ['cards', '--today', '2026-11-23'], 'SIGINT', 130, '_site'],
  ] as const)(
    'charter %s stops at once on a signal during the launch, leaving nothing behind',
    async (_command, args, signal, code, out) => {
      await stopDuringLaunch(args, signal, code, out, false);
    },
    90_000,
  );

  it('a second Ctrl-C ends the run at once, and still leaves nothing behind', async () => {
    await stopDuringLaunch(['review', 'charters', '-f', 'pdf'], 'SIGINT', 130, '_review', true);
  }, 90_000);
});

/** Runs charter with a hanging Chromium, signals it once it is launching (twice with `twice`), and checks what is left. */
async function stopDuringLaunch(args: readonly string[], signal: NodeJS.Signals, code: number, out: string, twice: boolean): Promise<void> {
  const { path, marker } = hangingChromium();
  const cwd = tempFolder();
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  const tmp = tempFolder();
  const child = spawn(process.execPath, [bin, ...args, '--chromium', path], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (status) => resolve(status)));
  // Launching means the fake Chromium's `sleep` runs (the charter process and the shell carry the marker too).
  const launching = (): boolean => processesWith(marker).some((line) => line.split(' ')[1] === 'sleep');
  const deadline = Date.now() + 60_000;
  while (!launching() && Date.now() < deadline && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(launching(), `not launching after ${Date.now() - deadline + 60_000} ms; exit ${child.exitCode}; stderr: ${stderr}`).toBe(true);
  const signalled = Date.now();
  child.kill(signal);
  if (twice) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    child.kill(signal);
  }
  expect(await exited).toBe(code);
  // Soon, not after the launch timeout (30 s), nor the cleanup budget (5 s) used up waiting for the launch.
  expect(Date.now() - signalled).toBeLessThan(4_800);
  expect(await strays(marker)).toEqual([]);
  expect(readdirSync(cwd).filter((name) => name.includes('.building-'))).toEqual([]);
  expect(existsSync(join(cwd, out, 'fi'))).toBe(false);
  // Nor the browser profile Playwright made for the launch.
  expect(readdirSync(tmp)).toEqual([]);
}
