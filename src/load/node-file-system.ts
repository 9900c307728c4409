import { opendir, realpath } from 'node:fs/promises';
import { readRegularFileSync } from '../util/regular-file.js';
import type { CharterFileSystem } from './load-collection.js';

/**
 * Reads synchronously: charters are small, and for thousands of small files the
 * promise machinery of fs/promises costs more than the reads themselves.
 */
export const nodeFileSystem: CharterFileSystem = {
  readFile(absolutePath, maxBytes) {
    try {
      return Promise.resolve(readRegularFileSync(absolutePath, maxBytes));
    } catch (error) {
      return Promise.reject(error);
    }
  },
  realpath: (absolutePath) => realpath(absolutePath),
  listFolder: async (absolutePath, maxEntries) => {
    const names: string[] = [];
    const folder = await opendir(absolutePath);
    try {
      // One entry at a time, so a huge folder costs no more than maxEntries reads.
      for (let entry = await folder.read(); entry !== null && names.length < maxEntries; entry = await folder.read()) {
        if (entry.isFile() || entry.isSymbolicLink()) names.push(entry.name);
      }
    } finally {
      await folder.close();
    }
    return names;
  },
};
