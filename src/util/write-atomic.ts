import { rmSync } from 'node:fs';
import { chmod, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { registerCleanup } from './cleanup.js';

/**
 * Writes a file whole or not at all: a crash never leaves half a report behind,
 * and an interrupted run removes its temporary file. A file replaced keeps its
 * permissions.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const unregister = registerCleanup(() => rmSync(temporary, { force: true }));
  try {
    const previous = await stat(path).catch(() => undefined);
    await writeFile(temporary, content);
    if (previous) await chmod(temporary, previous.mode & 0o7777);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    unregister();
  }
}
