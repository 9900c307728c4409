import type { Stats } from 'node:fs';
import { mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, normalize, parse, resolve } from 'node:path';
import { displayPath, isInside } from '../load/load-collection.js';

/** A file in the output folder that marks it as ours, so it may be replaced. */
export const OUTPUT_MARKER = '.charter-site';

/** The output folder cannot be used: a usage problem, with a message that says why. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/**
 * Checks that `out` may be (re)placed by a build: never the file system root,
 * never an input (the working folder or its parents, the charters, templates,
 * theme files, contact logs) or a folder that holds one, however it is reached
 * (symbolic links are followed); not below a file; and an existing folder only
 * when an earlier build made it.
 */
export async function checkOutputFolder(target: string, protectedPaths: readonly string[], out: string = target, cwd?: string): Promise<void> {
  const { existing, info, below } = await nearestExisting(target);
  const real = join(await realpath(existing), ...below);
  if (target === parse(target).root || real === parse(real).root) throw new OutputFolderError(`refusing to build into ${out}: it is the file system root`);
  for (const path of protectedPaths) {
    const protectedReal = await realpath(resolve(path)).catch(() => resolve(path));
    if (isInside(real, protectedReal) || isInside(target, resolve(path))) {
      const relation = real === protectedReal ? 'it is' : 'it holds';
      const shown = cwd === undefined ? path : displayPath(path, cwd);
      throw new OutputFolderError(`refusing to build into ${out}: ${relation} ${shown}, which the build must not replace`);
    }
  }
  if (below.length > 0) {
    if (info.isDirectory()) return;
    // `--out notes.txt/site`: nothing can be made below a file.
    const shown = normalize(join(out, ...below.map(() => '..')));
    throw new OutputFolderError(`refusing to build into ${out}: ${shown} is a file, not a folder`);
  }
  if (!info.isDirectory()) throw new OutputFolderError(`refusing to build into ${out}: it is a file`);
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new OutputFolderError(
      `refusing to replace ${out}: it is not empty and was not made by charter build; choose another --out or empty it yourself`,
    );
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
    if (parent === current) throw new OutputFolderError(`refusing to build into ${path}: no part of it exists`);
    below.push(basename(current));
    current = parent;
  }
}

/** A sibling folder to build into; swapped in whole when the build succeeds. */
export async function makeStagingFolder(out: string): Promise<string> {
  const target = resolve(out);
  await mkdir(dirname(target), { recursive: true });
  const staging = join(dirname(target), `.${basename(target)}.building-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  await writeFile(join(staging, OUTPUT_MARKER), 'Made by charter build. The whole folder is replaced on the next build.\n');
  return staging;
}

/**
 * Replaces `out` with the finished staging folder: readers see the old site
 * or the new one, never half of each. Only folders this tool made are removed.
 */
export async function swapIntoPlace(staging: string, out: string): Promise<void> {
  const target = resolve(out);
  const retired = join(dirname(target), `.${basename(target)}.old-${process.pid}-${Date.now()}`);
  const hadPrevious = await stat(target).then(() => true, () => false);
  if (hadPrevious) await rename(target, retired);
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadPrevious) await rename(retired, target);
    throw error;
  }
  if (hadPrevious) await rm(retired, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  await rm(staging, { recursive: true, force: true });
}
