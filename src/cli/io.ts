import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { resolveOutputFile, writeOutputFile, type OutputFile } from '../util/output-file.js';
import type { MessageLocale } from '../messages/locale.js';
import { MessageError } from '../messages/message-error.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { terminalLines } from '../format/shared.js';
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
  /** The language of messages; `run` sets it from --locale or the environment. */
  readonly locale?: MessageLocale;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A problem with how the tool was called: one line on stderr, exit 2. */
export class UsageError extends MessageError {
  override readonly name = 'UsageError';
}

/** What a run reads, for the message refusing an output file that is one of them. */
export const RUN_INPUT_KINDS = {
  charterFile: message('cli.output-file.input-charter'),
  contactLog: message('cli.output-file.input-log'),
} as const;

/** A one-line note or error on standard error, `charter: ...`, in the user's language; nothing in it may drive the terminal. */
export function say(io: CliIO, text: MessageRef): void {
  io.stderr(`charter: ${terminalLines(renderMessage(text, io.locale ?? 'en'))}\n`);
}

/** Colour only on a terminal, never with NO_COLOR, and as FORCE_COLOR asks. */
export function wantsColor(io: CliIO, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdoutIsTTY && io.env.TERM !== 'dumb';
}

/** `-o FILE` checked before any work (its folder exists, it is not a folder); undefined without `-o`. */
export async function outputOption(io: CliIO, output: string | undefined): Promise<OutputFile | undefined> {
  return output === undefined ? undefined : resolveOutputFile(resolve(io.cwd, output), output);
}

/** Writes a report to its `-o` file; `-o /dev/stdout` (or stderr) goes through the CLI's own streams. */
export async function writeOutput(io: CliIO, output: OutputFile, text: string): Promise<void> {
  if (output.descriptor === 1) io.stdout(text);
  else if (output.descriptor === 2) io.stderr(text);
  else await writeOutputFile(output, text);
}
