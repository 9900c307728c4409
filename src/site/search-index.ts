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
 * are indexed, and within them what carries `data-pagefind-body` and not
 * `data-pagefind-ignore` (sections that repeat across units are left out).
 * The index files go through `writer`, so `serve` knows every file it wrote.
 * Returns the site paths written.
 */
export async function writeSearchIndexes(outDir: string, languages: readonly string[], writer: SiteWriter): Promise<string[]> {
  const pagefind = await import('pagefind');
  const written: string[] = [];
  // Pagefind indexes in a process of its own; a run stopped midway closes it too.
  const unregister = registerCleanup(() => pagefind.close());
  try {
    for (const lang of languages) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`search index: ${errors.join('; ')}`);
      // Charter pages sit one level down (/fi/<id>/); the glob skips cards and other pages unread.
      const added = await index.addDirectory({ path: outDir, glob: `${lang}/*/index.html` });
      if (added.errors.length > 0) throw new Error(`search index (${lang}): ${added.errors.join('; ')}`);
      const bundle = await index.getFiles();
      if (bundle.errors.length > 0) throw new Error(`search index (${lang}): ${bundle.errors.join('; ')}`);
      for (const file of bundle.files) {
        const path = `${searchIndexFolder(lang)}${file.path.replaceAll('\\', '/')}`;
        await writer.write(path, file.content);
        written.push(path);
      }
      await index.deleteIndex();
    }
  } finally {
    unregister();
    await pagefind.close();
  }
  return written;
}
