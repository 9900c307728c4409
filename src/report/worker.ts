import { parentPort } from 'node:worker_threads';
import { readLogPart, type PartReply, type PartRequest } from './intake.js';

/** Worker thread: reads the second half of a large contact log (see intake.ts). */
parentPort?.once('message', (request: PartRequest) => {
  void readLogPart(request.path, request.display, request.lookup, request.window, request.fileIndex, {
    start: request.start,
    listLimit: request.listLimit,
    reading: request.reading,
    ...(request.prefix === undefined ? {} : { prefix: request.prefix }),
  })
    .then((part): void => {
      const { data, buffers } = part.store.transfer();
      const reply: PartReply = {
        ok: true,
        store: data,
        badRows: part.badRows,
        badCounts: part.badCounts,
        read: part.read,
        lines: part.lines,
        endedInsideQuotes: part.endedInsideQuotes,
      };
      parentPort?.postMessage(reply, buffers);
    })
    .catch((error: unknown) => {
      const reply: PartReply = { ok: false, error: error instanceof Error ? error.message : String(error) };
      parentPort?.postMessage(reply);
    });
});
