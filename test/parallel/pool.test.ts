import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters, validateCharters } from '../../src/check.js';
import { checkInWorkers, workerCount, PARALLEL_MIN_FILES } from '../../src/parallel/pool.js';
import { writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

/** Sixty charters with a few mistakes spread across worker batches. */
function collection(): string {
  const files: Record<string, string> = { 'charters/_base.yaml': edit(BASELINE, 'phone: "+358 9 123 4000"', 'phone: "call us"') };
  for (let index = 0; index < 60; index++) {
    const id = index === 59 ? 'unit-3' : `unit-${index}`; // the last repeats an earlier id
    let text = edit(index % 2 === 0 ? VALID_UNIT : EXTENDING_UNIT, index % 2 === 0 ? 'id: test-unit' : 'id: small-unit', `id: ${id}`);
    if (index % 17 === 0) text = text.replace('owner: head', 'owner: nobody');
    files[`charters/unit-${String(index).padStart(2, '0')}.yaml`] = text;
  }
  return writeTree(files);
}

describe('checking on worker threads', () => {
  it('finds exactly what a single thread finds, cross-file findings included', async () => {
    const cwd = collection();
    const single = await checkCharters({ cwd, today: '2026-11-23' });
    const parallel = await validateCharters({ cwd, today: '2026-11-23', concurrency: 2 });
    expect(parallel.results).toEqual(single.results);
    const all = parallel.results.flatMap((result) => result.diagnostics);
    expect(all.filter((d) => d.ruleId === 'unique-ids')).toHaveLength(1);
    expect(all.find((d) => d.ruleId === 'unique-ids')).toMatchObject({ file: 'charters/unit-59.yaml', line: 2, column: 5 });
    // The baseline's mistake is reported once, however many batches loaded it.
    expect(all.filter((d) => d.file === 'charters/_base.yaml')).toHaveLength(1);
    expect(all.filter((d) => d.ruleId === 'reference-exists')).toHaveLength(4);
  });

  it('uses threads only where they pay off', () => {
    expect(workerCount('off', 10_000)).toBe(1);
    expect(workerCount('auto', PARALLEL_MIN_FILES - 1)).toBe(1);
    // As many as the machine runs at once, at most four.
    expect(workerCount('auto', 10_000)).toBe(Math.min(availableParallelism(), 4));
    expect(workerCount(64, 10_000)).toBe(16);
    expect(workerCount(3, 2)).toBe(2);
  });
});

describe('the worker pool', () => {
  /** A worker script in a temporary folder that answers each request as `reply` says. */
  function workerScript(reply: string): string {
    const cwd = writeTree({ 'worker.mjs': `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', (request) => { ${reply} });\n` });
    return join(cwd, 'worker.mjs');
  }
  const base = { root: '/charters', cwd: '/', today: '2026-11-23' };
  const files = Array.from({ length: 120 }, (_, index) => `unit-${index}.yaml`);

  it('hands out every batch once and keeps the replies in file order', async () => {
    const script = workerScript('parentPort.postMessage({ id: request.id, ok: true, diagnostics: [], files: request.files, units: [] });');
    const result = await checkInWorkers(script, files, base, 3);
    expect(result.files).toEqual(files);
  });

  it('fails with the error a thread reports', async () => {
    const script = workerScript("parentPort.postMessage({ id: request.id, ok: false, error: 'the disk went away' });");
    await expect(checkInWorkers(script, files, base, 2)).rejects.toThrow('the disk went away');
  });

  it('fails, rather than waiting for ever, when a thread stops in the middle of a batch', async () => {
    const script = workerScript('process.exit(0);');
    await expect(checkInWorkers(script, files, base, 2)).rejects.toThrow('a worker thread stopped with exit code 0');
  });
});
