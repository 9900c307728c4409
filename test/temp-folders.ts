import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
const madeForFile: string[] = [];

/**
 * A fresh temporary folder, removed after the test; or, with `file`, after
 * the whole test file (for folders made in beforeAll).
 */
export function tempFolder(lifetime: 'test' | 'file' = 'test'): string {
  const folder = mkdtempSync(join(tmpdir(), 'charter-test-'));
  (lifetime === 'file' ? madeForFile : made).push(folder);
  return folder;
}

/**
 * Removes the folders of the test that ended or, with `file`, of the file.
 * Called from a setup file (test/setup/temp-folders.ts), which runs for each
 * test file: hooks registered at this module's top level would hold for the
 * first file of a worker only, where files share modules (isolate: false).
 */
export function removeTempFolders(lifetime: 'test' | 'file'): void {
  const list = lifetime === 'file' ? madeForFile : made;
  while (list.length > 0) rmSync(list.pop() as string, { recursive: true, force: true });
}
