import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import type { UnitSummary } from '../rules/rule.js';
import { packageRoot } from '../util/package-info.js';
import type { CheckReply, CheckRequest, CheckWorkerData } from './protocol.js';

export type Concurrency = number | 'auto' | 'off';

/** Below this many files, starting threads costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

/** How many worker threads to use for `fileCount` files; 1 means check in-process. */
export function workerCount(concurrency: Concurrency, fileCount: number): number {
  if (concurrency === 'off') return 1;
  if (concurrency === 'auto') {
    if (fileCount < PARALLEL_MIN_FILES) return 1;
    return Math.max(1, Math.min(availableParallelism(), 4));
  }
  return Math.max(1, Math.min(concurrency, 16, fileCount));
}

/** The bundled worker script; absent when running from source without a build. */
export function workerScript(): string | undefined {
  const path = join(packageRoot(), 'dist', 'worker.js');
  return existsSync(path) ? path : undefined;
}

export interface PoolResult {
  readonly diagnostics: Diagnostic[];
  readonly files: string[];
  readonly units: UnitSummary[];
}

/**
 * Checks files on worker threads, in batches handed out as workers become
 * free, so that slow files do not leave a thread idle.
 */
export async function checkInWorkers(
  script: string,
  files: readonly string[],
  base: Omit<CheckRequest, 'id' | 'files'>,
  workers: number,
): Promise<PoolResult> {
  // Small batches keep little data alive at once (cheap garbage collection) and balance the load.
  const batchSize = Math.min(100, Math.max(25, Math.ceil(files.length / (workers * 4))));
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));

  const replies: Extract<CheckReply, { ok: true }>[] = new Array(batches.length);
  const workerData: CheckWorkerData = { runFiles: files };
  const threads = Array.from({ length: Math.min(workers, batches.length) }, () => new Worker(script, { workerData }));
  let next = 0;
  try {
    await Promise.all(
      threads.map(
        (thread) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= batches.length) return resolve();
              const id = next++;
              thread.postMessage({ ...base, id, files: batches[id] ?? [] } satisfies CheckRequest);
            };
            thread.on('message', (reply: CheckReply) => {
              if (!reply.ok) return reject(new Error(reply.error));
              replies[reply.id] = reply;
              send();
            });
            thread.on('error', reject);
            thread.on('exit', (code) => {
              if (code !== 0) reject(new Error(`a worker thread stopped with exit code ${code}`));
            });
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return {
    diagnostics: replies.flatMap((reply) => reply.diagnostics),
    files: replies.flatMap((reply) => reply.files),
    units: replies.flatMap((reply) => reply.units),
  };
}
