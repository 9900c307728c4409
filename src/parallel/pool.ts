import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../model/diagnostic.js';
import type { UnitSummary } from '../rules/rule.js';
import { mapConcurrently } from '../util/concurrency.js';
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
 * Checks files on worker threads, in batches handed out as threads become
 * free, so that slow files do not leave a thread idle.
 */
export async function checkInWorkers(script: string, files: readonly string[], base: Omit<CheckRequest, 'id' | 'files'>, workers: number): Promise<PoolResult> {
  // Small batches keep little data alive at once (cheap garbage collection) and balance the load.
  const batchSize = Math.min(100, Math.max(25, Math.ceil(files.length / (workers * 4))));
  const batches: string[][] = [];
  for (let start = 0; start < files.length; start += batchSize) batches.push(files.slice(start, start + batchSize));

  const workerData: CheckWorkerData = { runFiles: files };
  const threads = Array.from({ length: Math.min(workers, batches.length) }, () => new CheckThread(new Worker(script, { workerData })));
  try {
    // Each lane of the limiter owns one thread.
    const replies = await mapConcurrently(batches, threads.length, (batch, id, lane) => (threads[lane] as CheckThread).check({ ...base, id, files: batch }));
    return {
      diagnostics: replies.flatMap((reply) => reply.diagnostics),
      files: replies.flatMap((reply) => reply.files),
      units: replies.flatMap((reply) => reply.units),
    };
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

type CheckedBatch = Extract<CheckReply, { ok: true }>;

/** A worker thread asked one batch at a time. A thread that crashes or stops fails the batch it holds, or the next. */
class CheckThread {
  private waiting: { resolve: (reply: CheckedBatch) => void; reject: (error: Error) => void } | undefined;
  private failure: Error | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: CheckReply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (reply.ok) waiting?.resolve(reply);
      else waiting?.reject(new Error(reply.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`a worker thread stopped with exit code ${code}`)));
  }

  check(request: CheckRequest): Promise<CheckedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.reject(error);
  }
}
