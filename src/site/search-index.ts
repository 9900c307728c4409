/**
 * One Pagefind index per language, written to `<out>/<lang>/pagefind/`, so a
 * reader's search downloads only their language, stemmed for it (Finnish and
 * Swedish included). Pagefind reads the written pages itself, which is much
 * faster than handing them over one by one. Only charter pages are indexed,
 * and within them what carries `data-pagefind-body` and not
 * `data-pagefind-ignore` (sections that repeat across units are left out).
 */
export async function writeSearchIndexes(outDir: string, languages: readonly string[]): Promise<void> {
  const pagefind = await import('pagefind');
  try {
    for (const lang of languages) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`search index: ${errors.join('; ')}`);
      // Charter pages sit one level down (/fi/<id>/); the glob skips cards and other pages unread.
      const added = await index.addDirectory({ path: outDir, glob: `${lang}/*/index.html` });
      if (added.errors.length > 0) throw new Error(`search index (${lang}): ${added.errors.join('; ')}`);
      const written = await index.writeFiles({ outputPath: `${outDir}/${lang}/pagefind` });
      if (written.errors.length > 0) throw new Error(`search index (${lang}): ${written.errors.join('; ')}`);
      await index.deleteIndex();
    }
  } finally {
    await pagefind.close();
  }
}
