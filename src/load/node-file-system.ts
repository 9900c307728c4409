import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import type { CharterFileSystem } from './load-collection.js';

/**
 * Reads synchronously: charters are small, and for thousands of small files the
 * promise machinery of fs/promises costs more than the reads themselves.
 */
export const nodeFileSystem: CharterFileSystem = {
  readFile(absolutePath, maxBytes) {
    try {
      return Promise.resolve(readCapped(absolutePath, maxBytes));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  },
  realpath: (absolutePath) => realpath(absolutePath),
};

function readCapped(absolutePath: string, maxBytes: number): { bytes: Uint8Array } | { tooLarge: number } {
  const descriptor = openSync(absolutePath, 'r');
  try {
    const { size } = fstatSync(descriptor);
    if (size > maxBytes) return { tooLarge: size };
    const bytes = Buffer.allocUnsafe(size);
    let offset = 0;
    while (offset < size) {
      const read = readSync(descriptor, bytes, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return { bytes: bytes.subarray(0, offset) };
  } finally {
    closeSync(descriptor);
  }
}
