import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, parse, relative, resolve, sep } from 'node:path';

/** A file in the output folder that marks it as ours, so it may be replaced. */
export const OUTPUT_MARKER = '.charter-site';

/** The output folder cannot be used: a usage problem, with a message that says why. */
export class OutputFolderError extends Error {
  override readonly name = 'OutputFolderError';
}

/**
 * Checks that `out` may be (re)placed by a build: never the working folder or
 * one of its parents, never the charters or templates folders or anything that
 * holds them, and an existing folder only when an earlier build made it.
 */
export async function checkOutputFolder(target: string, protectedFolders: readonly string[], out: string = target): Promise<void> {
  if (target === parse(target).root) throw new OutputFolderError(`refusing to build into ${out}: it is the file system root`);
  for (const folder of protectedFolders) {
    const fromTarget = relative(target, resolve(folder));
    if (fromTarget === '' || (!fromTarget.startsWith('..') && !fromTarget.startsWith(sep))) {
      throw new OutputFolderError(`refusing to build into ${out}: it holds ${folder}, which the build must not replace`);
    }
  }
  const info = await stat(target).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new OutputFolderError(`refusing to build into ${out}: it is a file`);
  const entries = await readdir(target);
  if (entries.length > 0 && !entries.includes(OUTPUT_MARKER)) {
    throw new OutputFolderError(
      `refusing to replace ${out}: it is not empty and was not made by charter build; choose another --out or empty it yourself`,
    );
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
