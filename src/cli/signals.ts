import { runCleanups } from '../util/cleanup.js';

/** The shell's convention: 128 + the signal's number. */
const EXIT_CODES = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

/** How long a stopping run may take to close browsers and servers; folders are removed even after. */
const CLEANUP_BUDGET_MS = 5000;

/**
 * Stops the process on Ctrl-C, SIGTERM or SIGHUP: `onStop` first (the caller
 * silences output, so a browser closing under a printing card is no error
 * message), then the registered cleanups (util/cleanup.ts), then exit with
 * 128 + the signal. A second signal exits at once.
 */
export function exitOnSignals(onStop: () => void): void {
  let stopping = false;
  for (const [signal, code] of Object.entries(EXIT_CODES)) {
    process.on(signal, () => {
      process.exitCode = code;
      if (stopping) process.exit(code);
      stopping = true;
      onStop();
      void runCleanups(CLEANUP_BUDGET_MS).finally(() => process.exit(code));
    });
  }
}
