import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { registerCleanup } from '../util/cleanup.js';
import type { SiteWriter } from './site-writer.js';

/** Where a language's search index lives in the site. */
function searchIndexFolder(lang: string): string {
  return `${lang}/pagefind/`;
}

/** Whether a site path is a file of some language's search index. */
export function isSearchIndexFile(path: string): boolean {
  return /^[^/]+\/pagefind\//.test(path);
}

/**
 * One Pagefind index per language, written to `<lang>/pagefind/` in the site,
 * so a reader's search downloads only their language, stemmed for it (Finnish
 * and Swedish included). Pagefind reads the written pages in `outDir` itself,
 * which is much faster than handing them over one by one. Only charter pages
 * are indexed, and within them what carries `data-pagefind-body`: every
 * section, with only the page navigation (`data-pagefind-ignore`) left out.
 *
 * Without `writer`, Pagefind writes the index files straight into `outDir`,
 * which must be a folder only this run writes to (the build's staging folder).
 * With one (`charter serve`), Pagefind writes into a private temporary folder
 * and every file is then copied through `writer`, so that `serve` knows every
 * file it wrote and nothing planted in the served folder is written through.
 * Either way, Pagefind writes the files itself: handing them back through its
 * pipe (`getFiles`, base64 in JSON) cost about a third of the indexing time.
 * Returns the site paths written.
 */
export async function writeSearchIndexes(outDir: string, languages: readonly string[], writer?: SiteWriter): Promise<string[]> {
  const pagefind = await import('pagefind');
  const scratch = writer ? await mkdtemp(join(tmpdir(), 'charter-search-')) : undefined;
  const written: string[] = [];
  // Pagefind indexes in a process of its own; a run stopped midway closes it (and removes the scratch folder) too.
  const cleanUp = async (): Promise<void> => {
    await pagefind.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  };
  const unregister = registerCleanup(cleanUp);
  try {
    // One language after another: at once was slower in wall time on two cores, for the same CPU time.
    for (const lang of languages) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`search index: ${errors.join('; ')}`);
      // Charter pages sit one level down (/fi/<id>/); the glob skips cards and other pages unread.
      const added = await index.addDirectory({ path: outDir, glob: `${lang}/*/index.html` });
      if (added.errors.length > 0) throw new Error(`search index (${lang}): ${added.errors.join('; ')}`);
      const folder = join(scratch ?? outDir, lang, 'pagefind');
      const saved = await index.writeFiles({ outputPath: folder });
      if (saved.errors.length > 0) throw new Error(`search index (${lang}): ${saved.errors.join('; ')}`);
      await index.deleteIndex();
      for (const file of await filesUnder(folder)) {
        const path = `${searchIndexFolder(lang)}${file}`;
        if (writer) await writer.copy(join(folder, ...file.split('/')), path);
        written.push(path);
      }
    }
  } finally {
    unregister();
    await cleanUp();
  }
  return written;
}

/** Every file under `folder`, as '/'-separated paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
