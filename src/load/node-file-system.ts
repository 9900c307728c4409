import { realpath } from 'node:fs/promises';
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
};
