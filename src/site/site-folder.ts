import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, realpath, rm, stat, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isInside } from '../load/load-collection.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { isNestedOutput, OUTPUT_MARKER } from './output-folder.js';
import { fileInSite, type SiteWriter } from './site-writer.js';

/**
 * What became of the output folder since this run made it: `intact`; `ours`
 * when it is still the folder this run made but lost its marker or a file;
 * `unknown` when it was never made, was deleted, or another folder took its place.
 */
export type SiteFolderState = 'intact' | 'ours' | 'unknown';

/**
 * The output folder as `charter serve` keeps it: every file goes through here
 * and is recorded, and only recorded files are ever served, so whatever else
 * lies in the folder (planted files, links, leftovers) is never read.
 */
export class SiteFolder implements SiteWriter {
  private readonly files = new Set<string>();
  /**
   * The folder this run made, held open: while it is held, no other folder can
   * take over its identity (device and inode), so `ours` is certain.
   */
  private held: FileHandle | undefined;
  private made = false;
  private damaged = false;

  constructor(readonly path: string) {}

  async state(): Promise<SiteFolderState> {
    if (!this.made) return 'unknown';
    if (!(await this.isTheFolderMade())) {
      // Deleted, or another folder in its place: nothing recorded is there any more.
      await this.release();
      this.made = false;
      this.files.clear();
      return 'unknown';
    }
    const marked = await stat(join(this.path, OUTPUT_MARKER)).then(
      (info) => info.isFile(),
      () => false,
    );
    if (marked && !this.damaged) return 'intact';
    // Without a held folder only the marker tells that the folder is ours.
    return this.held ? 'ours' : 'unknown';
  }

  /** Whether the folder at `path` is still the one this run made. */
  private async isTheFolderMade(): Promise<boolean> {
    if (!this.held) return true;
    const [made, now] = await Promise.all([this.held.stat(), stat(this.path).catch(() => undefined)]);
    return now !== undefined && now.dev === made.dev && now.ino === made.ino;
  }

  /** A served file went missing: the next update writes the whole site again. */
  markDamaged(): void {
    this.damaged = true;
  }

  /**
   * Empties the folder (keeping the cards printed into it) and marks it as a site (call only once checkOutputFolder
   * allowed it, or state() said `ours`); the caller then writes every file again.
   */
  async recreate(): Promise<void> {
    await this.release();
    this.made = false;
    this.files.clear();
    await emptyKeepingNestedOutputs(this.path);
    await mkdir(this.path, { recursive: true });
    await writeFileAtomic(join(this.path, OUTPUT_MARKER), 'Made by charter serve. The whole folder is replaced on the next build.\n');
    // Directories cannot be opened on every platform; there the marker alone decides.
    this.held = await open(this.path, 'r').catch(() => undefined);
    this.made = true;
    this.damaged = false;
  }

  async write(path: string, content: string | Uint8Array): Promise<void> {
    const file = fileInSite(this.path, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, content);
    this.files.add(path);
  }

  async copy(source: string, path: string): Promise<void> {
    await this.write(path, await readFile(source));
  }

  async remove(path: string): Promise<void> {
    this.files.delete(path);
    await rm(fileInSite(this.path, path), { force: true });
  }

  /** Every site path written since the folder was made. */
  recorded(): string[] {
    return [...this.files];
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /**
   * Opens a recorded file for serving: only a regular file whose real path,
   * links resolved, is inside the folder this run made. `missing` when a
   * recorded file is gone (the folder was deleted, emptied or replaced).
   */
  async openRecorded(path: string): Promise<FileHandle | 'missing' | undefined> {
    if (!this.files.has(path)) return undefined;
    if (!(await this.isTheFolderMade())) return 'missing';
    let real: string;
    let folder: string;
    try {
      [real, folder] = await Promise.all([realpath(fileInSite(this.path, path)), realpath(this.path)]);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : undefined;
    }
    if (!isInside(folder, real)) return undefined;
    // Non-blocking, so that a FIFO put in a file's place cannot hold the request; it then fails the regular-file test.
    const handle = await open(real, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch(() => undefined);
    if (!handle) return undefined;
    if ((await handle.stat()).isFile()) return handle;
    await handle.close();
    return undefined;
  }

  async release(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    await held?.close();
  }
}

/** Removes everything in `folder` but the output folders of other runs in it (see isNestedOutput); anything not a folder there is removed. */
async function emptyKeepingNestedOutputs(folder: string): Promise<void> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    await rm(folder, { recursive: true, force: true });
    return;
  }
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (!(await isNestedOutput(folder, entry))) await rm(join(folder, entry.name), { recursive: true, force: true });
  }
}
