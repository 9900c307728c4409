import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { gitFileSystem, objectBytes, objectType, repositoryPath } from '../diff/git.js';
import type { CharterFileSystem } from '../load/load-collection.js';

/**
 * Many git objects read through one `git cat-file --batch` process. Starting
 * a process from Node costs more than reading a charter (it copies the
 * parent's memory map), so a review of dozens of charters, each read at
 * several commits, reads them all here. Requests are NUL-terminated (`-z`),
 * so a path may hold any character but NUL; the process gets arguments, never
 * a shell. A git too old for `-z`, or a process that dies, falls back to one
 * `git cat-file blob` per object.
 */

/** What git holds under a name: a blob's bytes, a blob too large to read, or another kind of object (a tree: a folder). */
export type GitObject = { readonly kind: 'blob'; readonly bytes: Buffer } | { readonly kind: 'too-large'; readonly size: number } | { readonly kind: 'other' };

export interface ObjectReader {
  /** A blob id or `<commit>:<path>`; undefined when git has no such object. */
  read(object: string, maxBytes: number): Promise<GitObject | undefined>;
  /** Ends the process; reads after this fall back to one process each. */
  close(): void;
}

interface Request {
  readonly object: string;
  readonly maxBytes: number;
  readonly done: (found: GitObject | undefined) => void;
}

/** The object being read: how many bytes of it (and its closing newline) are still to come. */
interface Body {
  readonly request: Request;
  readonly size: number;
  readonly keep: boolean;
  readonly type: string;
  remaining: number;
  readonly chunks: Buffer[];
}

const NOT_FOUND = new Set(['missing', 'ambiguous']);

export function objectReader(top: string): ObjectReader {
  const queue: Request[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let body: Body | undefined;
  let broken = false;

  const fallback = (request: Request): void => {
    void readAlone(top, request.object, request.maxBytes).then(request.done);
  };
  const breakDown = (): void => {
    broken = true;
    if (body) fallback(body.request);
    body = undefined;
    for (const request of queue.splice(0)) fallback(request);
  };

  const child = spawn('git', ['cat-file', '--batch', '-z'], {
    cwd: top,
    stdio: ['pipe', 'pipe', 'ignore'],
    windowsHide: true,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
  });
  child.on('error', breakDown);
  child.on('close', breakDown);
  child.stdin.on('error', breakDown);
  child.stdout.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    while (parseNext());
  });

  /** Takes one header or one piece of a body from the buffer; false when it needs more output. */
  function parseNext(): boolean {
    if (body) return takeBody(body);
    const request = queue[0];
    if (!request || buffer.length === 0) return false;
    // `<object> missing`: the object is echoed as sent, newlines and all, so it is matched whole.
    const echoed = Buffer.from(`${request.object} `);
    // Only the start of that line so far: a newline in the name must not be taken for the line's end.
    if (buffer.length < echoed.length && echoed.subarray(0, buffer.length).equals(buffer)) return false;
    if (buffer.length >= echoed.length && buffer.subarray(0, echoed.length).equals(echoed)) {
      const end = buffer.indexOf(10, echoed.length);
      if (end === -1) return false;
      if (NOT_FOUND.has(buffer.subarray(echoed.length, end).toString('latin1'))) {
        buffer = buffer.subarray(end + 1);
        queue.shift();
        request.done(undefined);
        return true;
      }
    }
    const end = buffer.indexOf(10);
    if (end === -1) return false;
    const [, type = '', sizeText = ''] = buffer.subarray(0, end).toString('latin1').split(' ');
    const size = Number(sizeText);
    buffer = buffer.subarray(end + 1);
    queue.shift();
    if (!Number.isSafeInteger(size) || size < 0) {
      // Not git's batch output: stop trusting the stream.
      request.done(undefined);
      child.kill();
      return false;
    }
    body = { request, size, type, keep: type === 'blob' && size <= request.maxBytes, remaining: size + 1, chunks: [] };
    return true;
  }

  function takeBody(reading: Body): boolean {
    if (buffer.length === 0) return false;
    const take = Math.min(buffer.length, reading.remaining);
    if (reading.keep) reading.chunks.push(buffer.subarray(0, take));
    buffer = buffer.subarray(take);
    reading.remaining -= take;
    if (reading.remaining > 0) return false;
    body = undefined;
    if (reading.type !== 'blob') reading.request.done({ kind: 'other' });
    else if (!reading.keep) reading.request.done({ kind: 'too-large', size: reading.size });
    else reading.request.done({ kind: 'blob', bytes: Buffer.concat(reading.chunks).subarray(0, reading.size) });
    return true;
  }

  return {
    read(object, maxBytes) {
      return new Promise((done) => {
        const request = { object, maxBytes, done };
        if (broken || object.includes('\0')) return fallback(request);
        queue.push(request);
        child.stdin.write(`${object}\0`);
      });
    },
    close() {
      child.stdin.end();
    },
  };
}

/** One object read by a process of its own: its kind, then its bytes. */
async function readAlone(top: string, object: string, maxBytes: number): Promise<GitObject | undefined> {
  const type = await objectType(top, object);
  if (type === undefined) return undefined;
  if (type !== 'blob') return { kind: 'other' };
  const bytes = await objectBytes(top, object, maxBytes);
  // Larger than the buffer allowed: its exact size does not matter, only that it is too large.
  return bytes === undefined ? { kind: 'too-large', size: maxBytes + 1 } : { kind: 'blob', bytes };
}

/**
 * The repository at `commit` as a file system for the loader, read through
 * `reader`: what gitFileSystem gives, one process for all the files.
 */
export function batchFileSystem(top: string, commit: string, reader: ObjectReader): CharterFileSystem {
  const notThere = (path: string) => Object.assign(new Error(`${path} is not in ${commit.slice(0, 12)}`), { code: 'ENOENT' });
  return {
    async readFile(absolutePath, maxBytes) {
      const path = repositoryPath(top, absolutePath);
      const found = await reader.read(`${commit}:${path}`, maxBytes);
      if (found?.kind === 'blob') return { bytes: found.bytes, realPath: absolutePath };
      if (found?.kind === 'too-large') return { tooLarge: found.size, realPath: absolutePath };
      throw notThere(path);
    },
    // Only whether it exists (a file or a folder), as gitFileSystem answers.
    async realpath(absolutePath) {
      const path = repositoryPath(top, absolutePath);
      if ((await reader.read(`${commit}:${path}`, 0)) === undefined) throw notThere(path);
      return resolve(absolutePath);
    },
    // Only for "did you mean" on a missing `extends`: rare enough for a process of its own.
    listFolder: (absolutePath, maxEntries) => gitFileSystem(top, commit).listFolder?.(absolutePath, maxEntries) ?? Promise.resolve([]),
  };
}
