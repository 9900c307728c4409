import { parentPort, workerData } from 'node:worker_threads';
import { loadCollection } from '../load/load-collection.js';
import { nodeFileSystem } from '../load/node-file-system.js';
import { checkEachCharter, summarizeUnits } from '../validate.js';
import type { CheckReply, CheckRequest, CheckWorkerData } from './protocol.js';

const runFiles: ReadonlySet<string> | undefined = workerData ? new Set((workerData as CheckWorkerData).runFiles) : undefined;

/** Worker thread: loads a batch of charters and runs every per-charter check on it. */
parentPort?.on('message', (request: CheckRequest) => {
  void handle(request).then((reply) => parentPort?.postMessage(reply));
});

async function handle(request: CheckRequest): Promise<CheckReply> {
  try {
    const collection = await loadCollection(request.files, {
      root: request.root,
      cwd: request.cwd,
      fileSystem: nodeFileSystem,
      ...(runFiles ? { runFiles } : {}),
    });
    return {
      id: request.id,
      ok: true,
      diagnostics: checkEachCharter(collection, { today: request.today }),
      files: collection.files,
      units: summarizeUnits(collection),
    };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
