import { localeOf, run } from './run.js';
import { exitOnSignals } from './signals.js';
import { EXIT_USAGE } from './io.js';
import { systemErrorMessage } from '../util/system-error.js';
import { message, renderMessage } from '../messages/message.js';

/** Entry of the bin: wires the real process into run(). */
export async function main(): Promise<number> {
  // The first failure to write the output (a full disk, a closed terminal), kept to be reported once.
  let writeFailure: unknown;
  const failed = (error: unknown): void => {
    writeFailure ??= error;
  };
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that stops early (`charter … | head`) is not an error worth a message.
      if (error.code !== 'EPIPE') failed(error);
    });
  }
  // Once interrupted, the run's own complaints (a closed browser, a removed folder) are noise.
  let stopping = false;
  exitOnSignals(() => {
    stopping = true;
  });
  const write = (stream: NodeJS.WriteStream, text: string): void => {
    if (stopping || writeFailure !== undefined) return;
    try {
      // A file or device as stdout is written synchronously: a full disk throws here.
      stream.write(text);
    } catch (error) {
      failed(error);
    }
  };
  const code = await run(process.argv.slice(2), {
    stdout: (text) => write(process.stdout, text),
    stderr: (text) => write(process.stderr, text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
  });
  // Write errors arrive as events after the write: wait until both streams have taken everything.
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  if (writeFailure === undefined) return code;
  try {
    const text = message('cli.output-failed', { reason: systemErrorMessage(writeFailure) });
    process.stderr.write(`charter: ${renderMessage(text, localeOf(process.argv.slice(2), process.env))}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it.
  }
  return EXIT_USAGE;
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || stream.writableEnded) resolve();
    else stream.write('', () => setImmediate(resolve));
  });
}

export { run };
