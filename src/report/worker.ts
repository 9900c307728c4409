import { parentPort } from 'node:worker_threads';
import { readLogPart, type PartReply, type PartRequest } from './intake.js';
import type { countHalf, CountRequest } from './half-count.js';
import type { RowStore } from './row-store.js';

/** Worker thread: reads the second half of a large contact log (see intake.ts), and counts it when asked (see half-count.ts). */
parentPort?.once('message', (request: PartRequest) => {
  void readLogPart(request.path, request.display, request.lookup, request.window, request.fileIndex, {
    start: request.start,
    listLimit: request.listLimit,
    reading: request.reading,
    ...(request.prefix === undefined ? {} : { prefix: request.prefix }),
  })
    .then(async (part): Promise<void> => {
      const half = request.count ? await tryCounting(part.store, request.count) : undefined;
      const { data, buffers } = part.store.transfer();
      const reply: PartReply = {
        ok: true,
        store: data,
        badRows: part.badRows,
        badCounts: part.badCounts,
        read: part.read,
        lines: part.lines,
        endedInsideQuotes: part.endedInsideQuotes,
        counted: half?.counted,
      };
      parentPort?.postMessage(reply, [...buffers, ...(half?.buffers ?? [])]);
    })
    .catch((error: unknown) => {
      const reply: PartReply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      parentPort?.postMessage(reply);
    });
});

/**
 * The half counted, or undefined: should counting fail here, the main thread
 * counts the half itself (and meets the problem there). The counting code
 * (working calendars, holiday data: some 1.5 MB) is loaded only when asked,
 * so that a thread that only reads stays small.
 */
async function tryCounting(store: RowStore, request: CountRequest): Promise<ReturnType<typeof countHalf>> {
  try {
    const { countHalf } = await import('./half-count.js');
    return countHalf(store, request);
  } catch {
    return undefined;
  }
}
