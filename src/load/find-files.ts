import { readdir, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { MessageError } from '../messages/message-error.js';
import { message } from '../messages/message.js';
import { systemErrorMessage } from '../util/system-error.js';

/** A path argument or option that could not be used: a usage error, not a finding. */
export class InputError extends MessageError {
  override readonly name = 'InputError';
}

export interface FoundFiles {
  /** Absolute paths of charter files, sorted, without duplicates. */
  readonly files: readonly string[];
  /** The charters folder implied by the arguments (for `extends` containment). */
  readonly root: string;
  /** Symbolic links to folders met while searching folders: never followed (see chartersInFolder). */
  readonly folderLinks: readonly string[];
}

const CHARTER_EXTENSIONS = /\.ya?ml$/i;
const GLOB_CHARACTERS = /[*?[\]{}]/;

/**
 * Expands files, folders (searched recursively for .yaml/.yml) and globs into
 * charter files. A path that does not exist, or a glob that matches nothing,
 * is an InputError: CI should not pass because it checked nothing.
 */
export async function findCharterFiles(patterns: readonly string[], cwd: string): Promise<FoundFiles> {
  const files = new Set<string>();
  const folderLinks = new Set<string>();
  const roots: string[] = [];
  for (const pattern of patterns) {
    if (isGlobPattern(pattern)) {
      const { glob } = await import('tinyglobby');
      // Following links could walk the whole disk (a link to /); a glob matches no links at all.
      const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      const charters = matches.filter((match) => CHARTER_EXTENSIONS.test(basename(match)));
      if (charters.length === 0) throw new InputError(message('cli.input.no-match', { pattern }));
      charters.forEach((match) => files.add(resolve(match)));
      roots.push(resolve(cwd, globBase(pattern)));
      continue;
    }
    const absolute = resolve(cwd, pattern);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      throw new InputError(message('cli.input.cannot-read', { pattern, reason: systemErrorMessage(info) }));
    }
    if (info.isDirectory()) {
      const found = await chartersInFolder(absolute);
      if (found.files.length === 0) throw new InputError(message('cli.input.empty-folder', { pattern }));
      found.files.forEach((match) => files.add(match));
      found.folderLinks.forEach((link) => folderLinks.add(link));
      roots.push(absolute);
    } else {
      files.add(absolute);
      roots.push(resolve(absolute, '..'));
    }
  }
  return { files: [...files].sort(), root: commonFolder(roots, cwd), folderLinks: [...folderLinks].sort() };
}

/**
 * Every .yaml/.yml file under a folder, skipping node_modules and dot folders.
 * Symbolic links are listed, not followed: anything named like a charter is
 * returned (the loader reads only regular files inside the charters folder and
 * reports the rest: links leading out, FIFOs, devices), and links to folders
 * are returned apart, so that one leading out can be reported instead of
 * searched (a link to / would search the whole disk). fdir, which tinyglobby
 * uses, drops FIFOs without a word, hence this walk of our own.
 */
async function chartersInFolder(folder: string): Promise<{ files: string[]; folderLinks: string[] }> {
  const files: string[] = [];
  const folderLinks: string[] = [];
  const pending = [folder];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    // A sub-folder that cannot be listed is skipped, as a glob would.
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') pending.push(path);
      } else if (CHARTER_EXTENSIONS.test(entry.name)) {
        files.push(path);
      } else if (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory()) {
        folderLinks.push(path);
      }
    }
  }
  return { files, folderLinks };
}

/** Whether a path argument is a glob rather than a file or folder. */
export function isGlobPattern(pattern: string): boolean {
  return GLOB_CHARACTERS.test(pattern);
}

/** The folder part of a glob before its first wildcard. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const index = parts.findIndex((part) => GLOB_CHARACTERS.test(part));
  return parts.slice(0, index === -1 ? parts.length : index).join('/') || '.';
}

function commonFolder(folders: readonly string[], cwd: string): string {
  if (folders.length === 0) return cwd;
  let common = (folders[0] as string).split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let length = 0;
    while (length < common.length && length < parts.length && common[length] === parts[length]) length++;
    common = common.slice(0, length);
  }
  return common.join(sep) || sep;
}
