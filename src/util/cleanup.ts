/**
 * Work to undo when the process is stopped midway (Ctrl-C, SIGTERM): staging
 * folders, temporary files, browsers, servers. The core registers a cleanup
 * while such work is under way and unregisters it when the work is done or
 * undone; only the command line runs them, from its signal handlers, just
 * before it exits. (The core itself never exits the process.)
 */
export type Cleanup = () => void | Promise<unknown>;

const registered = new Set<Cleanup>();

/** Registers a cleanup; returns the function that unregisters it. */
export function registerCleanup(cleanup: Cleanup): () => void {
  // A wrapper of its own, so the same function registered twice is run twice.
  const entry: Cleanup = () => cleanup();
  registered.add(entry);
  return () => {
    registered.delete(entry);
  };
}

/**
 * Runs every registered cleanup once, newest first (a browser is closed before
 * the folder it prints into is removed), waiting at most `budgetMs` in all.
 * Cleanups reached after the budget is spent are still started, so their
 * synchronous part (removing a folder) happens, but not awaited; so are those
 * not reached yet when the process exits meanwhile (a second Ctrl-C).
 * Failures are ignored: the process is stopping anyway.
 */
export async function runCleanups(budgetMs: number): Promise<void> {
  const deadline = Date.now() + budgetMs;
  const waiting = [...registered].reverse();
  registered.clear();
  const startAll = (): void => {
    for (const cleanup of waiting.splice(0)) void start(cleanup);
  };
  process.once('exit', startAll);
  try {
    for (let cleanup = waiting.shift(); cleanup; cleanup = waiting.shift()) {
      const settled = start(cleanup);
      const left = deadline - Date.now();
      if (settled && left > 0) await raceTimeout(settled, left);
    }
  } finally {
    process.off('exit', startAll);
  }
}

/** Starts a cleanup; what it still does, if anything, never rejecting. */
function start(cleanup: Cleanup): Promise<unknown> | undefined {
  try {
    return cleanup()?.catch(() => undefined);
  } catch {
    return undefined;
  }
}

/** How many cleanups are registered (for tests: none may be left behind). */
export function registeredCleanups(): number {
  return registered.size;
}

async function raceTimeout(promise: Promise<unknown>, milliseconds: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([promise, new Promise<void>((resolve) => (timer = setTimeout(resolve, milliseconds)))]);
  } finally {
    clearTimeout(timer);
  }
}
