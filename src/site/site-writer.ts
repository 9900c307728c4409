import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where a site's files go. `path` is the file's place in the site,
 * '/'-separated and relative (`en/pagefind/pagefind.js`): `charter build`
 * writes into its staging folder, `charter serve` into a SiteFolder that
 * records every file it will later serve.
 */
export interface SiteWriter {
  write(path: string, content: string | Uint8Array): Promise<void>;
  copy(source: string, path: string): Promise<void>;
}

/** Writes into a folder that nobody reads until it is complete (the build's staging folder). */
export function folderWriter(folder: string): SiteWriter {
  const place = async (path: string): Promise<string> => {
    const file = fileInSite(folder, path);
    await mkdir(dirname(file), { recursive: true });
    return file;
  };
  return {
    write: async (path, content) => writeFile(await place(path), content),
    copy: async (source, path) => copyFile(source, await place(path)),
  };
}

/** The file for a site path inside `folder`; a path that could leave it (or is not plain) is a bug, so it throws. */
export function fileInSite(folder: string, path: string): string {
  const parts = path.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..' || part.includes('\\') || part.includes('\0'))) {
    throw new Error(`not a path inside the site: ${JSON.stringify(path)}`);
  }
  return join(folder, ...parts);
}
