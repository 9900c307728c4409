import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isInside } from '../load/load-collection.js';
import { OUTPUT_MARKER } from './output-folder.js';

/** What `charter serve` rebuilds for. Paths are absolute. */
export interface WatchPlan {
  /** Folders whose charter files (.yaml, .yml) matter, with their subfolders. */
  readonly charterFolders: readonly string[];
  /** Folders where every file matters, with their subfolders: templates, the site's assets. */
  readonly folders: readonly string[];
  /** Single files: theme files, contact logs, charter files named one by one. */
  readonly files: readonly string[];
  /** Folders never watched, whose changes never matter: the output folder (the site's own writes). */
  readonly ignored: readonly string[];
}

const CHARTER_FILE = /\.ya?ml$/i;

/**
 * Whether a change to `path` can change the site. Editors' and tools'
 * temporary files (dot files), the output folder and other files in a charters
 * folder do not, so the site's own writes never start another rebuild.
 */
export function changeMatters(plan: WatchPlan, path: string): boolean {
  if (plan.ignored.some((folder) => isInside(folder, path))) return false;
  if (plan.files.includes(path)) return true;
  if (basename(path).startsWith('.')) return false;
  if (plan.folders.some((folder) => isInside(folder, path))) return true;
  return CHARTER_FILE.test(path) && plan.charterFolders.some((folder) => isInside(folder, path));
}

export interface Watching {
  close(): void;
}

/**
 * Watches what the plan names and calls `onChange` for changes that matter.
 * Folders are watched one watcher per folder, subfolders included (Node 20's
 * recursive watching on Linux loses a file that an editor or git replaces);
 * a subfolder that appears is watched, one that goes away is let go, and
 * output folders of other builds (they hold the marker) are left out. Single
 * files are watched through their folder, so a replaced file is not lost.
 */
export async function watchForChanges(plan: WatchPlan, onChange: () => void): Promise<Watching> {
  const watchers = new Map<string, FSWatcher>();
  let closed = false;
  const trees = outermost([...plan.charterFolders, ...plan.folders]).filter((folder) => !isIgnored(plan, folder));
  const fileFolders = [...new Set(plan.files.map((file) => dirname(file)))].filter((folder) => !trees.some((tree) => isInside(tree, folder)));

  /** Watches a folder (and, when recursive, its subfolders); resolves to whether it holds a file that matters. */
  const add = async (directory: string, recursive: boolean, isTree = false): Promise<boolean> => {
    if (closed || watchers.has(directory)) return false;
    const entries = recursive ? await readdir(directory, { withFileTypes: true }).catch(() => undefined) : [];
    // Another site's output folder (charter build's or serve's) is never a source.
    if (entries === undefined || (!isTree && entries.some((entry) => entry.name === OUTPUT_MARKER))) return false;
    let watcher: FSWatcher;
    try {
      watcher = watch(directory, (event, name) => {
        const path = name ? join(directory, name) : undefined;
        if (path === undefined || changeMatters(plan, path)) onChange();
        if (recursive && path !== undefined && event === 'rename') void follow(path);
      });
    } catch {
      return false; // gone, or not readable: nothing to watch
    }
    // A watched folder that is deleted can report an error: stop watching it, never crash.
    watcher.on('error', () => forget(directory));
    watchers.set(directory, watcher);
    let holds = false;
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) holds = (isWatchable(plan, path) && (await add(path, true))) || holds;
      else holds ||= changeMatters(plan, path);
    }
    return holds;
  };
  // A folder created, renamed, moved in or deleted under a watched tree: rebuild when charters may have come or gone.
  const follow = async (path: string): Promise<void> => {
    const wasWatched = watchers.has(path);
    if (wasWatched) forget(path);
    const isFolder = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    const holds = isFolder && isWatchable(plan, path) ? await add(path, true) : false;
    if (holds || wasWatched) onChange();
  };
  const forget = (directory: string): void => {
    for (const [path, watcher] of watchers) {
      if (!isInside(directory, path)) continue;
      watcher.close();
      watchers.delete(path);
    }
  };

  for (const tree of trees) await add(tree, true, true);
  for (const folder of fileFolders) await add(folder, false);
  return {
    close() {
      closed = true;
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/** Subfolders worth watching: not hidden, not node_modules, not the output folder. */
function isWatchable(plan: WatchPlan, path: string): boolean {
  const name = basename(path);
  return !name.startsWith('.') && name !== 'node_modules' && !isIgnored(plan, path);
}

function isIgnored(plan: WatchPlan, path: string): boolean {
  return plan.ignored.some((folder) => isInside(folder, path));
}

/** The folders not inside another of them. */
function outermost(folders: readonly string[]): string[] {
  const unique = [...new Set(folders)];
  return unique.filter((folder) => !unique.some((other) => other !== folder && isInside(other, folder)));
}
