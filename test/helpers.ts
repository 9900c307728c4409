import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkCharters } from '../src/check.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import type { CliIO } from '../src/cli/io.js';
import { run } from '../src/cli/run.js';
import { tempFolder } from './temp-folders.js';

export { tempFolder } from './temp-folders.js';

/** Writes files (path → content, text or bytes) into a new temporary folder and returns it. */
export function writeTree(files: Readonly<Record<string, string | Uint8Array>>, lifetime: 'test' | 'file' = 'test'): string {
  const folder = tempFolder(lifetime);
  for (const [path, content] of Object.entries(files)) {
    const full = join(folder, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return folder;
}

/** Validates charters written under charters/ in a temporary folder. */
export async function diagnosticsFor(
  files: Readonly<Record<string, string | Uint8Array>>,
  options: { today?: string; patterns?: string[] } = {},
): Promise<Diagnostic[]> {
  const cwd = writeTree(Object.fromEntries(Object.entries(files).map(([path, content]) => [join('charters', path), content])));
  const { results } = await checkCharters({ cwd, today: options.today ?? '2026-11-23', ...(options.patterns ? { patterns: options.patterns } : {}) });
  return results.flatMap((result) => result.diagnostics);
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(argv: readonly string[], cwd: string, env: Record<string, string> = {}, tty = false): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    cwd,
    env,
    stdoutIsTTY: tty,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

export interface BinResult extends RunResult {
  /** The signal that ended a run that did not finish in time; null otherwise. */
  readonly signal: NodeJS.Signals | null;
}

/**
 * Runs the built CLI in a child process, killed after a minute: for what could
 * block for good (a FIFO), which in-process would stop the test runner too.
 */
export function runBin(argv: readonly string[], cwd: string): BinResult {
  const bin = join(import.meta.dirname, '..', 'bin', 'charter.js');
  const result = spawnSync(process.execPath, [bin, ...argv], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    killSignal: 'SIGKILL',
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  return { code: result.status ?? -1, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The 1-based line of the first line containing `marker`. */
export function lineOf(text: string, marker: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let index = 0; index < lines.length; index++) {
    if ((lines[index] as string).includes(marker) && ++seen === occurrence) return index + 1;
  }
  throw new Error(`marker not found: ${marker}`);
}

/** 1-based line and column of the first occurrence of `marker`. */
export function positionOf(text: string, marker: string): { line: number; column: number } {
  const index = text.indexOf(marker);
  if (index === -1) throw new Error(`marker not found: ${marker}`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return { line, column };
}

export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly command: string;
}

/**
 * Processes still running (zombies, which are dead, left out) that are children
 * of `parent` or members of one of `groups` (a browser and its helpers share
 * the group of the browser's first process).
 */
export function liveProcesses(filter: { readonly parent?: number; readonly groups?: readonly number[] }): ProcessInfo[] {
  const listing = spawnSync('ps', ['-eo', 'pid=,ppid=,pgid=,stat=,comm='], { encoding: 'utf8' }).stdout;
  return listing
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && !(match[4] as string).startsWith('Z'))
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), pgid: Number(match[3]), command: match[5] as string }))
    .filter((info) => info.ppid === filter.parent || (filter.groups ?? []).includes(info.pgid));
}

/** A small seeded generator (mulberry32): tests that draw at random draw the same on every run, so a failure can be run again. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
