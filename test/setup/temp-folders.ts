import { afterAll, afterEach } from 'vitest';
import { removeTempFolders } from '../temp-folders.js';

// A setup file runs for every test file, also in a worker that runs several (isolate: false).
afterEach(() => removeTempFolders('test'));
afterAll(() => removeTempFolders('file'));
