import { rmSync, type Dirent, type Stats } from 'node:fs';
import { lstat, mkdir, readdir, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, normalize, parse, resolve } from 'node:path';
import { displayPath, isInside } from '../load/load-collection.js';
import { registerCleanup } from '../util/cleanup.js';
import { MessageError } from '../messages/message-error.js';
import { message } from '../messages/message.js';
import { findSystemError, systemErrorMessage } from '../util/system-error.js';

/** A file in the output folder that marks it as ours, so it may be replaced. */
export const OUTPUT_MARKER = '.charter-site';

/**
 * The marker of `charter review`'s folder: a marker of its own, so that a
 * build never takes the review packs (and the user's files beside them) for a
 * site it may replace.
 */
export const REVIEW_OUTPUT_MARKER = '.charter-review';

/**
 * The list of packs in a review folder. Earlier versions of `charter review`
 * marked their folder with OUTPUT_MARKER, as a site: a folder holding this
 * list is a review folder all the same.
 */
export const REVIEW_PACK_LIST = '.charter-review-packs';

/** The command whose output folder is checked, as named in messages. */
export type OutputCommand = 'build' | 'serve' | 'cards' | 'review';

/** What the marker of a site says. */
const BUILD_MARKER = 'Made by charter build. The whole folder is replaced on the next build.\n';

/** The output folder cannot be used: a usage problem, with a message that says why. */
export class OutputFolderError extends MessageError {
  override readonly name = 'OutputFolderError';
}

/**
 * Checks that `out` may be (re)placed by a build: never the file system root,
 * never an input (the working folder or its parents, the charters, templates,
 * theme files, contact logs) or a folder that holds one, however it is reached
 * (symbolic links are followed); not below a file; and an existing folder only
 * when an earlier build made it, or when it holds nothing but the output
 * folders of other runs (`_site` that `charter cards` made for `_site/cards`).
 */
export async function checkOutputFolder(
  target: string,
  protectedPaths: readonly string[],
  out: string = target,
  cwd?: string,
  command: OutputCommand = 'build',
): Promise<void> {
  const { existing, info, below } = await nearestExisting(target);
  const real = join(await realpath(existing), ...below);
  if (target === parse(target).root || real === parse(real).root) throw new OutputFolderError(message('cli.output-folder.root', { out }));
  for (const path of protectedPaths) {
    const protectedReal = await realpath(resolve(path)).catch(() => resolve(path));
    if (isInside(real, protectedReal) || isInside(target, resolve(path))) {
      const shown = cwd === undefined ? path : displayPath(path, cwd);
      throw new OutputFolderError(message(real === protectedReal ? 'cli.output-folder.is-input' : 'cli.output-folder.holds-input', { out, input: shown }));
    }
  }
  if (below.length > 0) {
    if (info.isDirectory()) return;
    // `--out notes.txt/site`: nothing can be made below a file.
    const shown = normalize(join(out, ...below.map(() => '..')));
    throw new OutputFolderError(message('cli.output-folder.below-file', { out, file: shown }));
  }
  if (!info.isDirectory()) throw new OutputFolderError(message('cli.output-folder.is-file', { out }));
  const entries = await readdir(target, { withFileTypes: true });
  const names = new Set(entries.map((entry) => entry.name));
  const review = names.has(REVIEW_OUTPUT_MARKER) || (names.has(OUTPUT_MARKER) && names.has(REVIEW_PACK_LIST));
  if (command === 'review' ? review : names.has(OUTPUT_MARKER) && !review) return;
  const named = `charter ${command}`;
  if (review) throw new OutputFolderError(message('cli.output-folder.is-review', { out, command: named }));
  // `charter cards` run first made `_site` for its `_site/cards`: a folder holding only other runs' outputs is ours to build in.
  for (const entry of entries) {
    if (!(await isNestedOutput(target, entry))) throw new OutputFolderError(message('cli.output-folder.not-ours', { out, command: named }));
  }
}

/** The deepest existing path on the way to `path`, and the names below it that do not exist yet. */
async function nearestExisting(path: string): Promise<{ existing: string; info: Stats; below: string[] }> {
  const below: string[] = [];
  let current = path;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info) return { existing: current, info, below: below.reverse() };
    const parent = dirname(current);
    if (parent === current) throw new OutputFolderError(message('cli.output-folder.nothing-exists', { out: path }));
    below.push(basename(current));
    current = parent;
  }
}

/** Names of a run's folders beside the output: `.<out>.building-<pid>-<time>` and `.<out>.old-<pid>-<time>`. */
const RUN_FOLDER = /^(building|old)-(\d+)-\d+$/;

/**
 * A sibling folder a build writes into, swapped in whole when the build
 * succeeds. While it exists, a cleanup is registered: a run stopped by a
 * signal removes it (see util/cleanup.ts); folders left by runs that were
 * killed outright are removed by the next run into the same output.
 */
export class StagingFolder {
  private publishing: Promise<void> | undefined;
  /** The first parent folder of the output this run made (`_site` for `_site/cards`), removed again on failure when empty. */
  private madeParent: string | undefined;
  private readonly unregister: () => void;

  private constructor(
    readonly path: string,
    private readonly target: string,
    private readonly shown: string,
    private readonly markerName: string,
  ) {
    this.unregister = registerCleanup(() => this.abandon());
  }

  /**
   * Makes the staging folder for `target` (shown as `shown` in messages);
   * `marker` is what the output's marker file says, `markerName` that file's name.
   */
  static async create(target: string, shown: string, marker = BUILD_MARKER, markerName = OUTPUT_MARKER): Promise<StagingFolder> {
    await removeDeadRuns(target);
    const staging = new StagingFolder(join(dirname(target), `.${basename(target)}.building-${process.pid}-${Date.now()}`), target, shown, markerName);
    try {
      staging.madeParent = await mkdir(dirname(target), { recursive: true });
      await mkdir(staging.path);
      await writeFile(join(staging.path, markerName), marker);
    } catch (error) {
      await staging.discard();
      const system = findSystemError(error);
      throw system ? cannotBuild(shown, system) : error;
    }
    return staging;
  }

  /**
   * Replaces the output with the finished staging folder: readers see the old
   * output or the new one, never half of each. Only folders this tool made are removed.
   */
  async publish(): Promise<void> {
    this.publishing = swapIntoPlace(this.path, this.target);
    try {
      await this.publishing;
    } catch (error) {
      throw this.problem(error);
    } finally {
      this.unregister();
    }
  }

  /**
   * Moves the staging folder's files (`files`, relative paths with `/`) into
   * the output one by one, each replacing the file of the same name, then
   * removes the output's files that `stale` picks and this run did not write;
   * every other file of the output stays. The output is made, marked, when
   * missing. Nothing in the output is followed: a link or file where a folder
   * belongs is replaced by a folder, a link in a file's place by the file.
   */
  async publishFiles(files: readonly string[], stale: (path: string) => boolean): Promise<void> {
    this.publishing = moveFilesInto(this.path, this.target, files, stale, this.markerName);
    try {
      await this.publishing;
      await rm(this.path, { recursive: true, force: true, maxRetries: 3 });
    } catch (error) {
      throw this.problem(error);
    } finally {
      this.unregister();
    }
  }

  /** Removes the staging folder after a failed build. */
  async discard(): Promise<void> {
    this.unregister();
    await rm(this.path, { recursive: true, force: true, maxRetries: 3 });
    if (this.madeParent) await removeEmptyFolders(dirname(this.target), this.madeParent);
  }

  /**
   * A system error in writing the output (a full disk, a read-only folder) as
   * one line naming the output; others (an input that cannot be read) unchanged.
   */
  problem(error: unknown): unknown {
    const system = findSystemError(error);
    const inOutput = system !== undefined && (system.path === undefined || isInside(this.path, system.path) || isInside(this.target, system.path));
    return inOutput ? cannotBuild(this.shown, system) : error;
  }

  /**
   * On a signal: a swap under way is let finish (the old output or the new,
   * never neither); otherwise the folder is removed at once, synchronously, so
   * no write of the stopping build can land in between.
   */
  private abandon(): void | Promise<void> {
    const remove = (): void => rmSync(this.path, { recursive: true, force: true, maxRetries: 3 });
    if (this.publishing) return this.publishing.then(remove, remove);
    remove();
  }
}

function cannotBuild(shown: string, error: unknown): OutputFolderError {
  return new OutputFolderError(message('cli.output-folder.cannot-build', { out: shown, reason: systemErrorMessage(error) }));
}

/** Removes `folder` and its parents up to and including `last`, as long as they are empty. */
async function removeEmptyFolders(folder: string, last: string): Promise<void> {
  for (let current = folder; isInside(last, current); current = dirname(current)) {
    if (
      !(await rmdir(current).then(
        () => true,
        () => false,
      ))
    )
      return;
    if (current === last) return;
  }
}

/**
 * Swaps the staging folder in. Output folders of other runs nested in the old
 * output (`_site/cards`, which `charter cards` prints into) are carried over
 * into the new one, moved, not copied: only real folders holding the marker,
 * never a link, and never over a folder the new output has itself.
 */
async function swapIntoPlace(staging: string, target: string): Promise<void> {
  const retired = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Date.now()}`);
  const hadPrevious = await stat(target).then(
    () => true,
    () => false,
  );
  const carried = hadPrevious ? await carryNestedOutputs(target, staging) : [];
  try {
    if (hadPrevious) await rename(target, retired);
  } catch (error) {
    await putBack(carried, staging, target);
    throw error;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(retired, target);
    await putBack(carried, staging, target);
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

/** Moves the nested output folders of `from` into `to` (see swapIntoPlace); the names moved. */
async function carryNestedOutputs(from: string, to: string): Promise<string[]> {
  const carried: string[] = [];
  const entries = await readdir(from, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!(await isNestedOutput(from, entry))) continue;
    const taken = await lstat(join(to, entry.name)).then(
      () => true,
      () => false,
    );
    if (taken) continue;
    await rename(join(from, entry.name), join(to, entry.name));
    carried.push(entry.name);
  }
  return carried;
}

/**
 * Whether an entry of an output folder is the output folder of another run
 * (`cards/` of `charter cards`): a real folder, not a link (Dirent types come
 * from lstat), holding the marker; never a run's own staging folder (`.x.building-…`).
 */
export async function isNestedOutput(folder: string, entry: Dirent): Promise<boolean> {
  if (!entry.isDirectory() || entry.name.startsWith('.')) return false;
  return hasMarker(join(folder, entry.name));
}

/** Whether `folder` holds a marker, of a site or of review packs, as a plain file (not a link). */
async function hasMarker(folder: string): Promise<boolean> {
  for (const name of [OUTPUT_MARKER, REVIEW_OUTPUT_MARKER]) {
    const marker = await lstat(join(folder, name)).catch(() => undefined);
    if (marker?.isFile() === true) return true;
  }
  return false;
}

/** After a failed swap: the carried folders go back into the output they came from. */
async function putBack(carried: readonly string[], staging: string, target: string): Promise<void> {
  for (const name of carried) await rename(join(staging, name), join(target, name)).catch(() => undefined);
}

/** See StagingFolder.publishFiles. */
async function moveFilesInto(staging: string, target: string, files: readonly string[], stale: (path: string) => boolean, marker: string): Promise<void> {
  await mkdir(target, { recursive: true });
  // Marked when made, and when an earlier version marked it otherwise.
  if (!(await lstat(join(target, marker)).catch(() => undefined))) await rename(join(staging, marker), join(target, marker));
  for (const file of files) {
    const parts = file.split('/');
    let folder = target;
    for (const part of parts.slice(0, -1)) {
      folder = join(folder, part);
      await realFolder(folder);
    }
    const destination = join(target, ...parts);
    // A folder in the file's place cannot be renamed over; a link or a file can.
    if ((await lstat(destination).catch(() => undefined))?.isDirectory()) await rm(destination, { recursive: true, force: true });
    await rename(join(staging, ...parts), destination);
  }
  const written = new Set(files);
  for (const path of await filesOf(target, 2)) {
    if (!written.has(path) && stale(path)) await rm(join(target, ...path.split('/')), { force: true });
  }
  for (const entry of await readdir(target, { withFileTypes: true })) {
    if (entry.isDirectory()) await rmdir(join(target, entry.name)).catch(() => undefined);
  }
}

/** Makes `path` a real folder: made when missing; a link or a file there is replaced, never followed. */
async function realFolder(path: string): Promise<void> {
  const info = await lstat(path).catch(() => undefined);
  if (info?.isDirectory()) return;
  if (info) await rm(path, { force: true });
  await mkdir(path);
}

/** Paths (with `/`) of the non-folders in `folder`, down to `depth` levels, without entering links. */
async function filesOf(folder: string, depth: number, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    if (!entry.isDirectory()) found.push(path);
    else if (depth > 1) found.push(...(await filesOf(join(folder, entry.name), depth - 1, `${path}/`)));
  }
  return found;
}

/**
 * Removes what runs killed outright (SIGKILL, a power cut) left beside the
 * output: their staging folders, and the previous output they were replacing
 * (put back when the run died between its two renames). Only folders named as
 * a run names them, holding the marker (or empty), of a process that no longer exists.
 */
async function removeDeadRuns(target: string): Promise<void> {
  const folder = dirname(target);
  const prefix = `.${basename(target)}.`;
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const match = name.startsWith(prefix) ? RUN_FOLDER.exec(name.slice(prefix.length)) : null;
    if (!match || isRunning(Number(match[2]))) continue;
    const path = join(folder, name);
    if (!(await hasMarker(path))) {
      // Killed between making its staging folder and marking it: only an empty one is surely ours.
      await rmdir(path).catch(() => undefined);
      continue;
    }
    const targetExists = await stat(target).then(
      () => true,
      () => false,
    );
    if (match[1] === 'old' && !targetExists) await rename(path, target).catch(() => undefined);
    else {
      // A run killed while swapping had already moved the cards printed into the output into its
      // staging folder: they go back rather than out with it.
      if (match[1] === 'building' && targetExists) await carryNestedOutputs(path, target).catch(() => []);
      await rm(path, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
