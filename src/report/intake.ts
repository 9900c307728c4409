import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../util/package-info.js';
import { plainLookup, RowChecker, type BadRowSink, type CommitmentLookup } from './check-row.js';
import { isGzipped, readLog, type ReadLogOptions } from './log-reader.js';
import { BAD_ROW_KINDS, MAX_LISTED_BAD_ROWS, type BadRowKind } from '../model/compliance-report.js';
import type { TimeWindow } from './report-window.js';
import { RowStore, type StoreTransfer } from './row-store.js';
import type { MessageRef } from '../messages/message.js';
import type { LogInput, LogReading } from './log-options.js';
import type { LaterCount } from './count-rows.js';
import type { CountedHalf, CountRequest } from './half-count.js';

/**
 * Reads contact logs into a RowStore, with their bad rows. A large log file
 * is read in two halves at once, one on a worker thread (the machine has more
 * than one core; reading and checking rows is most of a report's time); the
 * halves are joined in order, so the result is the same as reading it whole.
 */
export interface LogBadRow {
  readonly kind: BadRowKind;
  readonly line: number;
  readonly column: number;
  /** As data (it crosses from the worker thread); said in the reader's language when the report is made. */
  readonly message: MessageRef;
}

/** What reading one log (or part of one) gave. */
export interface LogPart {
  readonly store: RowStore;
  /** Bad rows with their details, at most MAX_LISTED_BAD_ROWS (a log of bad rows must not fill the memory). */
  readonly badRows: LogBadRow[];
  /** Bad rows of each kind, all of them. */
  readonly badCounts: Record<BadRowKind, number>;
  /** Rows read, bad ones included. */
  read: number;
  /** Physical lines read. */
  lines: number;
  endedInsideQuotes: boolean;
  /** 2 when the log was read in two halves at once. */
  pieces: number;
  /** How the log was read (format, delimiter, encoding); undefined for an empty log. */
  input: Omit<LogInput, 'file'> | undefined;
  /** The second half as counted on the thread that read it (see `count` below), if it was. */
  later?: LaterCount;
}

/** A count of zero for every kind of bad row. */
export function noBadRows(): Record<BadRowKind, number> {
  return Object.fromEntries(BAD_ROW_KINDS.map((kind) => [kind, 0])) as Record<BadRowKind, number>;
}

/** Below this size a log is read in one piece (a thread costs more than it saves). */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;
/**
 * From this size the thread reading the second half counts it too (see
 * half-count.ts). Below it the main thread counting that half after reading
 * is a small part of the time, and the thread's heap, kept alive for the
 * counting, would add some 20 MB to the peak memory (a million rows, 84 MB).
 */
export const COUNT_MIN_BYTES = 256 * 1024 * 1024;

export interface ReadPartOptions extends ReadLogOptions {
  /** How many bad rows to keep with their details (MAX_LISTED_BAD_ROWS by default): the others are only counted. */
  readonly listLimit?: number;
}

/** Reads one log, or part of one, in this thread. */
export async function readLogPart(
  path: string,
  display: string,
  lookup: CommitmentLookup,
  window: TimeWindow,
  fileIndex: number,
  options: ReadPartOptions = {},
): Promise<LogPart> {
  const store = new RowStore();
  const checker = new RowChecker(lookup, store, window, options.reading);
  const part: LogPart = { store, badRows: [], badCounts: noBadRows(), read: 0, lines: 0, endedInsideQuotes: false, pieces: 1, input: undefined };
  const listLimit = options.listLimit ?? MAX_LISTED_BAD_ROWS;
  const bad: BadRowSink = {
    get keepsDetails() {
      return part.badRows.length < listLimit;
    },
    add(kind, line, column, message) {
      part.badCounts[kind]++;
      part.badRows.push({ kind, line, column, message });
    },
    count(kind) {
      part.badCounts[kind]++;
    },
  };
  const result = await readLog(
    path,
    display,
    {
      onRow: (row) => {
        part.read++;
        checker.check(row, fileIndex, bad);
      },
      onMalformed: (line, column, _english, text) => {
        part.read++;
        if (bad.keepsDetails) bad.add('malformed', line, column, text);
        else bad.count('malformed');
      },
    },
    options,
  );
  part.lines = result.lines;
  part.endedInsideQuotes = result.endedInsideQuotes;
  part.input = result.input;
  return part;
}

export interface ReadWholeOptions {
  readonly input?: Readable | undefined;
  /** Allow reading a large file in two halves on two threads (default true). */
  readonly split?: boolean;
  /** Size from which a file is split (SPLIT_MIN_BYTES by default; tests use less). */
  readonly splitMinBytes?: number;
  /** How many bad rows to keep with their details (each half of a split log keeps up to this many). */
  readonly listLimit?: number;
  /** Delimiter, encoding, time zone and column names from the command line. */
  readonly reading?: LogReading | undefined;
  /** Work on the first half's rows while the other thread reads the second (only when the log is split; see `pieces`). */
  readonly whileWaiting?: (firstHalf: RowStore) => void;
  /** Have the other thread count the second half after reading it, when it can (see half-count.ts and `later`). */
  readonly count?: CountRequest | undefined;
  /** Size from which the other thread counts (COUNT_MIN_BYTES by default; tests use less). */
  readonly countMinBytes?: number | undefined;
}

/** Reads a whole log: in two halves at once when it is large, else in one piece. */
export async function readWholeLog(
  path: string,
  display: string,
  lookup: CommitmentLookup,
  window: TimeWindow,
  fileIndex: number,
  options: ReadWholeOptions,
): Promise<LogPart> {
  const listLimit = options.listLimit ?? MAX_LISTED_BAD_ROWS;
  const reading = options.reading;
  if (options.input) return readLogPart(path, display, lookup, window, fileIndex, { input: options.input, listLimit, reading });
  // A gzip file can only be unpacked from its start: it is read in one piece. So is a log in another encoding than UTF-8
  // (its line breaks are not single bytes in UTF-16, and it is rare enough not to need the speed).
  const utf8 = reading?.encoding === undefined || reading.encoding === 'utf-8';
  const script = options.split === false || !utf8 || isGzipped(path, display) ? undefined : workerScript();
  const plan = script ? await splitPlan(path, options.splitMinBytes ?? SPLIT_MIN_BYTES) : undefined;
  if (!script || !plan) return readLogPart(path, display, lookup, window, fileIndex, { listLimit, reading });

  const secondHalf = readPartInWorker(script, {
    path,
    display,
    lookup: plainLookup(lookup),
    window,
    fileIndex,
    start: plan.split,
    prefix: plan.header,
    listLimit,
    reading,
    count: plan.size >= (options.countMinBytes ?? COUNT_MIN_BYTES) ? options.count : undefined,
  });
  let first: LogPart;
  try {
    first = await readLogPart(path, display, lookup, window, fileIndex, { end: plan.split - 1, listLimit, reading });
  } catch (error) {
    // The first half's problem is the log's; the thread reading the second half is not needed.
    secondHalf.cancel();
    throw error;
  }
  // A split inside a quoted field (below) reads the log again: the caller forgets this work when `pieces` is not 2.
  try {
    if (!first.endedInsideQuotes) options.whileWaiting?.(first.store);
  } catch (error) {
    secondHalf.cancel();
    throw error;
  }
  const reply = await secondHalf.result;
  // A split inside a quoted field spanning lines would read the second half wrongly: read it whole instead.
  if (first.endedInsideQuotes || !reply) return readLogPart(path, display, lookup, window, fileIndex, { listLimit, reading });

  // The second half counted its lines from its own start (after the header row, if it was given one).
  const { part: second, counted } = reply;
  const shift = first.lines - (plan.header === undefined ? 0 : 1);
  const base = first.store.append(second.store, shift);
  if (counted) {
    const duplicates = { rows: counted.duplicates.rows.map((row) => row + base), firsts: counted.duplicates.firsts.map((row) => row + base) };
    first.later = { ...counted, from: counted.from + base, end: first.store.idLimit, duplicates };
  }
  for (const row of second.badRows) if (first.badRows.length < listLimit) first.badRows.push({ ...row, line: row.line + shift });
  for (const kind of BAD_ROW_KINDS) first.badCounts[kind] += second.badCounts[kind];
  first.read += second.read;
  first.lines = shift + second.lines;
  first.endedInsideQuotes = second.endedInsideQuotes;
  first.pieces = 2;
  return first;
}

interface SplitPlan {
  /** The log's size in bytes. */
  readonly size: number;
  /** Byte where the second half starts: just after a line break near the middle. */
  readonly split: number;
  /** The CSV header row with its line break, for the second half; undefined for JSON Lines. */
  readonly header: string | undefined;
}

const PROBE_BYTES = 64 * 1024;
const WORKER_YOUNG_GENERATION_MB = 16;

async function splitPlan(path: string, minBytes: number): Promise<SplitPlan | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size < minBytes) return undefined;
    const head = Buffer.alloc(Math.min(PROBE_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    // UTF-16 (by its byte order mark) is read in one piece.
    if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return undefined;
    const firstBreak = head.indexOf(10);
    if (firstBreak === -1) return undefined;
    const firstLine = head
      .subarray(0, firstBreak + 1)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    // The second half needs the header row: only split a log whose first line is it (or a JSON object).
    if (firstLine.trim() === '') return undefined;
    const isJson = firstLine.trimStart().startsWith('{');
    const middle = Math.floor(size / 2);
    const probe = Buffer.alloc(Math.min(PROBE_BYTES, size - middle));
    await handle.read(probe, 0, probe.length, middle);
    const lineBreak = probe.indexOf(10);
    if (lineBreak === -1 || middle + lineBreak + 1 >= size || middle <= firstBreak) return undefined;
    return { size, split: middle + lineBreak + 1, header: isJson ? undefined : firstLine };
  } finally {
    await handle.close();
  }
}

function workerScript(): string | undefined {
  const path = join(packageRoot(), 'dist', 'report-worker.js');
  return existsSync(path) ? path : undefined;
}

/** What the worker is asked to read. */
export interface PartRequest {
  readonly path: string;
  readonly display: string;
  readonly lookup: CommitmentLookup;
  readonly window: TimeWindow;
  readonly fileIndex: number;
  readonly start: number;
  readonly prefix: string | undefined;
  readonly listLimit: number;
  readonly reading: LogReading | undefined;
  /** Count the rows after reading them (see half-count.ts). */
  readonly count: CountRequest | undefined;
}

/** What it sends back: the rows as columns (moved, not copied), and the bad rows. */
export type PartReply =
  | {
      readonly ok: true;
      readonly store: StoreTransfer;
      readonly badRows: LogBadRow[];
      readonly badCounts: Record<BadRowKind, number>;
      readonly read: number;
      readonly lines: number;
      readonly endedInsideQuotes: boolean;
      /** Undefined when not asked, or the half could not be counted there. */
      readonly counted: CountedHalf | undefined;
    }
  | { readonly ok: false; readonly error: string };

/** What the worker read, and what it counted. */
interface WorkerPart {
  readonly part: LogPart;
  readonly counted: CountedHalf | undefined;
}

/**
 * Reads part of a log on a worker thread. The result is undefined when the
 * thread failed (the caller then reads the log in one piece, which reports the
 * problem with its place); it never rejects, so nothing is left unhandled if
 * the caller stops waiting, and `cancel` ends the thread.
 */
function readPartInWorker(script: string, request: PartRequest): { readonly result: Promise<WorkerPart | undefined>; cancel(): void } {
  // A smaller young generation than the default keeps the two threads' peak memory down, at no cost in speed.
  const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  const result = new Promise<WorkerPart | undefined>((resolve) => {
    worker.once('message', (reply: PartReply) => {
      void worker.terminate();
      if (!reply.ok) {
        resolve(undefined);
        return;
      }
      const part: LogPart = {
        store: RowStore.fromTransfer(reply.store),
        badRows: reply.badRows,
        badCounts: reply.badCounts,
        read: reply.read,
        lines: reply.lines,
        endedInsideQuotes: reply.endedInsideQuotes,
        pieces: 1,
        input: undefined,
      };
      resolve({ part, counted: reply.counted });
    });
    worker.once('error', () => {
      void worker.terminate();
      resolve(undefined);
    });
    worker.once('exit', () => resolve(undefined));
    worker.postMessage(request);
  });
  return { result, cancel: () => void worker.terminate() };
}
