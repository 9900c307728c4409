import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
/** What the CLI may touch of the outside world; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour). */
  readonly stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly stderrIsTTY?: boolean;
  /** Resolves when the user interrupts (Ctrl-C); long-running commands wait on it. */
  readonly untilInterrupted?: () => Promise<void>;
  /** Standard input, for commands that read `-`. */
  readonly stdin?: Readable;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem with how the tool was called: one line on stderr, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Colour only on a terminal, never with NO_COLOR, and as FORCE_COLOR asks. */
export function wantsColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}

/** Fails early, as a usage error, when an output file could not be written (no folder, or a folder in its place). */
export async function assertWritableOutput(outputPath: string, shown: string): Promise<void> {
  const folder = await stat(dirname(outputPath)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`cannot write ${shown}: the folder ${dirname(shown)} does not exist`);
  const existing = await stat(outputPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`);
}
