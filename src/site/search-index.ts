import { join } from 'node:path';

export interface IndexedPage {
  readonly url: string;
  readonly lang: string;
  readonly html: string;
}

/**
 * Builds one Pagefind index per language into `<out>/<lang>/pagefind/`, so a
 * reader's search downloads only their language, stemmed for it (Finnish and
 * Swedish included). Only the <main> of each page is indexed.
 */
export async function writeSearchIndexes(outDir: string, pages: readonly IndexedPage[]): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    const languages = [...new Set(pages.map((page) => page.lang))];
    for (const lang of languages) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang, rootSelector: 'main', keepIndexUrl: false });
      if (!index) throw new Error(`search index: ${errors.join('; ')}`);
      for (const page of pages.filter((candidate) => candidate.lang === lang)) {
        const added = await index.addHTMLFile({ url: page.url, content: page.html });
        if (added.errors.length > 0) throw new Error(`search index for ${page.url}: ${added.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: join(outDir, lang, 'pagefind') });
      if (written.errors.length > 0) throw new Error(`search index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
}
