import { stat } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';

/** A path argument that could not be used: a usage error, not a finding. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

export interface FoundFiles {
  /** Absolute paths of charter files, sorted, without duplicates. */
  readonly files: readonly string[];
  /** The charters folder implied by the arguments (for `extends` containment). */
  readonly root: string;
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
  const roots: string[] = [];
  for (const pattern of patterns) {
    if (GLOB_CHARACTERS.test(pattern)) {
      const { glob } = await import('tinyglobby');
      const matches = await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] });
      const charters = matches.filter((match) => CHARTER_EXTENSIONS.test(basename(match)));
      if (charters.length === 0) throw new InputError(`no charter files match ${pattern}`);
      charters.forEach((match) => files.add(resolve(match)));
      roots.push(resolve(cwd, globBase(pattern)));
      continue;
    }
    const absolute = resolve(cwd, pattern);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      const reason = info.code === 'ENOENT' ? 'no such file or folder' : info.code === 'EACCES' ? 'permission denied' : info.message;
      throw new InputError(`cannot read ${pattern}: ${reason}`);
    }
    if (info.isDirectory()) {
      const { glob } = await import('tinyglobby');
      const matches = (
        await glob('**/*.{yaml,yml}', { cwd: absolute, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.*/**'] })
      ).filter((match) => CHARTER_EXTENSIONS.test(basename(match)));
      if (matches.length === 0) throw new InputError(`no charter files (.yaml, .yml) in ${pattern}`);
      matches.forEach((match) => files.add(resolve(match)));
      roots.push(absolute);
    } else {
      files.add(absolute);
      roots.push(resolve(absolute, '..'));
    }
  }
  return { files: [...files].sort(), root: commonFolder(roots, cwd) };
}

/** The folder part of a glob before its first wildcard. */
function globBase(pattern: string): string {
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
