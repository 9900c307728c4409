import { stat } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { DEFAULT_CHARTERS_FOLDER } from '../check.js';
import { findCharterFiles, globBase, InputError, isGlobPattern } from '../load/find-files.js';
import { isBaselineFile, loadCollection, type CharterFileSystem } from '../load/load-collection.js';
import { nodeFileSystem } from '../load/node-file-system.js';
import { normalizeCharter } from '../normalize/normalize-charter.js';
import { message } from '../messages/message.js';
import type { CharterDiff, DiffResult, UnreadableCharter } from './diff-model.js';
import { compareCharters, oneSided, type LoadedCharter } from './compare-charter.js';
import { commitOf, defaultBase, filesAt, gitFileSystem, renamesSince, repositoryPath, repositoryTop } from './git.js';

export interface DiffOptions {
  readonly cwd: string;
  /** Files or folders; two of them without `base` are compared with each other. Default: charters/. */
  readonly paths: readonly string[];
  /** A git ref to compare with; default: the merge base with the default branch. */
  readonly base?: string;
}

/** One side of the diff: its unit charters by a key that pairs them (a path), and the ones that did not load. */
interface Side {
  readonly charters: Map<string, LoadedCharter>;
  readonly unreadable: UnreadableCharter[];
  /** The keys of the unreadable ones: a charter there is not told as added or removed on the other side. */
  readonly unreadableKeys: Set<string>;
}

async function loadSide(
  files: readonly string[],
  root: string,
  cwd: string,
  fileSystem: CharterFileSystem,
  keyOf: (absolutePath: string) => string,
  side: 'old' | 'new',
): Promise<Side> {
  const collection = await loadCollection(files, { root, cwd, fileSystem });
  const charters = new Map<string, LoadedCharter>();
  const unreadable: UnreadableCharter[] = [];
  const unreadableKeys = new Set<string>();
  const inputs = new Set(files);
  for (const resolved of collection.charters) {
    if (resolved.isBaseline || !inputs.has(resolved.absolutePath)) continue;
    const result = normalizeCharter(resolved);
    if (result.ok) charters.set(keyOf(resolved.absolutePath), { resolved, charter: result.charter });
    else {
      unreadable.push({ file: resolved.file, side, reason: result.unit.reason });
      unreadableKeys.add(keyOf(resolved.absolutePath));
    }
  }
  // A file that did not even parse has no resolved charter: it is unreadable too.
  const loaded = new Set(collection.charters.map((charter) => charter.absolutePath));
  for (const file of files) {
    if (loaded.has(file) || isBaselineFile(file)) continue;
    unreadable.push({ file: relative(cwd, file) || file, side, reason: 'it does not load' });
    unreadableKeys.add(keyOf(file));
  }
  return { charters, unreadable, unreadableKeys };
}

/**
 * Pairs the two sides: the same key, else the key git saw it renamed from,
 * else the same charter id (a file moved without git's help). What is left is
 * added or removed.
 */
function pairSides(before: Side, after: Side, renamedFrom: ReadonlyMap<string, string>): CharterDiff[] {
  const diffs: CharterDiff[] = [];
  const unpairedOld = new Map(before.charters);
  const unpairedNew = new Map<string, LoadedCharter>();
  const compare = (old: LoadedCharter, now: LoadedCharter, moved: boolean) => {
    const diff = compareCharters(old, now, moved);
    if (diff) diffs.push(diff);
  };
  for (const [key, now] of after.charters) {
    const oldKey = unpairedOld.has(key) ? key : renamedFrom.get(key);
    const old = oldKey === undefined ? undefined : unpairedOld.get(oldKey);
    if (old && oldKey !== undefined) {
      unpairedOld.delete(oldKey);
      compare(old, now, oldKey !== key);
    } else unpairedNew.set(key, now);
  }
  for (const [key, now] of unpairedNew) {
    const match = [...unpairedOld].find(([, old]) => old.charter.id === now.charter.id);
    if (match) {
      unpairedOld.delete(match[0]);
      compare(match[1], now, true);
    } else if (!before.unreadableKeys.has(key)) diffs.push(oneSided(now, 'added'));
    unpairedNew.delete(key);
  }
  for (const [key, old] of unpairedOld) if (!after.unreadableKeys.has(key)) diffs.push(oneSided(old, 'removed'));
  return diffs.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

async function kindOf(path: string): Promise<'folder' | 'file' | undefined> {
  const info = await stat(path).catch(() => undefined);
  return info === undefined ? undefined : info.isDirectory() ? 'folder' : 'file';
}

/**
 * `charter diff`: what changed in the promises of each charter, between the
 * working tree and a git ref, or between two folders or two files. Problems
 * with the ref, the repository or the paths are thrown (usage errors);
 * problems in charter files are results.
 */
export async function diffCharters(options: DiffOptions): Promise<DiffResult> {
  const { cwd } = options;
  if (options.base === undefined && options.paths.length === 2) {
    const [first, second] = options.paths.map((path) => resolve(cwd, path)) as [string, string];
    const [a, b] = await Promise.all([kindOf(first), kindOf(second)]);
    if (a !== undefined && a === b) return a === 'folder' ? diffFolders(options.paths as [string, string], cwd) : diffFiles(first, second, cwd);
    if (a !== undefined && b !== undefined) throw new InputError(message('diff.input.file-and-folder'));
  }
  return diffWithGit(options);
}

async function diffFolders([oldPath, newPath]: readonly [string, string], cwd: string): Promise<DiffResult> {
  const [oldFound, newFound] = await Promise.all([findCharterFiles([oldPath], cwd), findCharterFiles([newPath], cwd)]);
  const oldRoot = resolve(cwd, oldPath);
  const newRoot = resolve(cwd, newPath);
  const [before, after] = await Promise.all([
    loadSide(oldFound.files, oldRoot, cwd, nodeFileSystem, (file) => relative(oldRoot, file), 'old'),
    loadSide(newFound.files, newRoot, cwd, nodeFileSystem, (file) => relative(newRoot, file), 'new'),
  ]);
  return result(oldPath, before, after, new Map());
}

async function diffFiles(oldFile: string, newFile: string, cwd: string): Promise<DiffResult> {
  const [before, after] = await Promise.all([
    loadSide([oldFile], resolve(oldFile, '..'), cwd, nodeFileSystem, () => 'file', 'old'),
    loadSide([newFile], resolve(newFile, '..'), cwd, nodeFileSystem, () => 'file', 'new'),
  ]);
  return result(relative(cwd, oldFile) || oldFile, before, after, new Map());
}

async function diffWithGit(options: DiffOptions): Promise<DiffResult> {
  const { cwd } = options;
  const top = await repositoryTop(cwd);
  const base = options.base === undefined ? await defaultBase(top) : { commit: await commitOf(top, options.base), described: options.base };
  const patterns = options.paths.length > 0 ? options.paths : [DEFAULT_CHARTERS_FOLDER];
  // The working tree's files; a path gone from it (a folder removed) still has its old files.
  const found = await findCharterFiles(patterns, cwd).catch((error: unknown) => {
    if (error instanceof InputError) return { files: [] as string[], root: top };
    throw error;
  });
  const wanted = patterns.map((pattern) => repositoryPath(top, resolve(cwd, isGlobPattern(pattern) ? globBase(pattern) : pattern)));
  if (wanted.some((path) => path === '..' || path.startsWith('../'))) throw new InputError(message('diff.input.outside-repository'));
  const renames = await renamesSince(top, base.commit);
  const newKeys = new Set(found.files.map((file) => repositoryPath(top, file)));
  const oldFiles = new Set(
    await filesAt(
      top,
      base.commit,
      wanted.map((path) => (path === '' ? '.' : path)),
    ),
  );
  // A charter renamed into the paths from elsewhere is followed to where it was.
  for (const [to, from] of renames) if (newKeys.has(to) && /\.ya?ml$/i.test(from)) oldFiles.add(from);
  if (found.files.length === 0 && oldFiles.size === 0) throw new InputError(message('diff.input.nothing', { paths: patterns.join(', ') }));
  const [before, after] = await Promise.all([
    loadSide(
      [...oldFiles].sort().map((path) => resolve(top, path)),
      top,
      cwd,
      gitFileSystem(top, base.commit),
      (file) => repositoryPath(top, file),
      'old',
    ),
    loadSide(found.files, found.root, cwd, nodeFileSystem, (file) => repositoryPath(top, file), 'new'),
  ]);
  const described = base.described === base.commit ? base.commit.slice(0, 12) : `${base.described} (${base.commit.slice(0, 12)})`;
  return result(described, before, after, renames);
}

function result(base: string, before: Side, after: Side, renames: ReadonlyMap<string, string>): DiffResult {
  return {
    base,
    charters: pairSides(before, after, renames),
    unreadable: [...before.unreadable, ...after.unreadable],
    compared: new Set([...before.charters.keys(), ...after.charters.keys()]).size,
  };
}
