import { run } from './run.js';
import { exitOnSignals } from './signals.js';

/** Entry of the bin: wires the real process into run(). */
export async function main(): Promise<number> {
  // A reader that stops early (`charter … | head`) is not an error worth a stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
  // Once interrupted, the run's own complaints (a closed browser, a removed folder) are noise.
  let stopping = false;
  exitOnSignals(() => {
    stopping = true;
  });
  return run(process.argv.slice(2), {
    stdout: (text) => {
      if (!stopping) process.stdout.write(text);
    },
    stderr: (text) => {
      if (!stopping) process.stderr.write(text);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
  });
}

export { run };
