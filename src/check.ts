import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { FileResult } from './model/diagnostic.js';
import { findCharterFiles } from './load/find-files.js';
import { isInside, loadCollection, type CharterFileSystem, type LoadedCollection } from './load/load-collection.js';
import { nodeFileSystem } from './load/node-file-system.js';
import { todayIn } from './time/calendar-date.js';
import { groupByFile, validateCollection } from './validate.js';

export interface CheckOptions {
  /** Files, folders or globs; defaults to `charters/`. */
  readonly patterns?: readonly string[];
  readonly cwd: string;
  /** The charters folder that `extends` may not leave; inferred from the paths when absent. */
  readonly root?: string;
  /** YYYY-MM-DD; defaults to today in Helsinki. */
  readonly today?: string;
  readonly fileSystem?: CharterFileSystem;
}

export interface CheckResult {
  readonly results: FileResult[];
  readonly collection: LoadedCollection;
  readonly root: string;
}

export const DEFAULT_CHARTERS_FOLDER = 'charters';

/**
 * Finds, loads and validates charters. Throws InputError for unusable paths
 * (a usage problem); problems in the files are results, never exceptions.
 */
export async function checkCharters(options: CheckOptions): Promise<CheckResult> {
  const patterns = options.patterns && options.patterns.length > 0 ? options.patterns : [DEFAULT_CHARTERS_FOLDER];
  const found = await findCharterFiles(patterns, options.cwd);
  const root = options.root ? resolve(options.cwd, options.root) : await inferRoot(found.files, found.root, options.cwd);
  const collection = await loadCollection(found.files, {
    root,
    cwd: options.cwd,
    fileSystem: options.fileSystem ?? nodeFileSystem,
  });
  const today = options.today ?? todayIn('Europe/Helsinki');
  const diagnostics = validateCollection(collection, { today });
  return { results: groupByFile(collection.files, diagnostics), collection, root };
}

/** Files inside ./charters use it as their root, so a single file may extend a baseline beside it. */
async function inferRoot(files: readonly string[], fromPatterns: string, cwd: string): Promise<string> {
  const conventional = join(cwd, DEFAULT_CHARTERS_FOLDER);
  const isFolder = await stat(conventional).then((info) => info.isDirectory(), () => false);
  if (isFolder && files.every((file) => isInside(conventional, file))) return conventional;
  return fromPatterns;
}
