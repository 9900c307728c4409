import { readFile, realpath, stat } from 'node:fs/promises';
import type { CharterFileSystem } from './load-collection.js';

export const nodeFileSystem: CharterFileSystem = {
  readFile: (absolutePath) => readFile(absolutePath),
  realpath: (absolutePath) => realpath(absolutePath),
  size: async (absolutePath) => (await stat(absolutePath)).size,
};
