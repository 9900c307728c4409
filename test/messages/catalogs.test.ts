import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_FILES, type MessageTemplate } from '../../src/messages/catalog.js';
import { MESSAGE_LOCALES } from '../../src/messages/locale.js';
import { placeholdersOf } from '../../src/messages/message.js';

const english = CATALOG_FILES.en;
const areas = Object.keys(english);

/** Text of a template with placeholders and `code` taken out: what a translator translates. */
function words(template: MessageTemplate): string {
  const texts = typeof template === 'string' ? [template] : Object.values(template);
  return texts
    .join(' ')
    .replace(/\{\w+\}/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('message catalogs', () => {
  it('has a file for every area in every language, and the files on disk are all loaded', () => {
    for (const locale of MESSAGE_LOCALES) {
      expect(Object.keys(CATALOG_FILES[locale]).sort()).toEqual([...areas].sort());
      const onDisk = readdirSync(join('src/messages/catalogs', locale)).map((name) => name.replace(/\.json$/, ''));
      expect(onDisk.sort()).toEqual([...areas].sort());
    }
  });

  it('names every message after its area, and no id twice', () => {
    const seen = new Set<string>();
    for (const area of areas) {
      for (const id of Object.keys(english[area] ?? {})) {
        expect(id.startsWith(`${area}.`), `${id} is in ${area}.json`).toBe(true);
        expect(seen.has(id), `${id} twice`).toBe(false);
        seen.add(id);
      }
    }
    expect(seen.size).toBeGreaterThan(0);
  });

  for (const locale of ['fi', 'sv'] as const) {
    it(`has every English message in ${locale}, with the same placeholders and plural forms`, () => {
      for (const area of areas) {
        const source = english[area] ?? {};
        const translated = CATALOG_FILES[locale][area] ?? {};
        expect(Object.keys(translated).sort(), `${locale}/${area}.json keys`).toEqual(Object.keys(source).sort());
        for (const [id, template] of Object.entries(source)) {
          const other = translated[id];
          expect(other, `${locale}: ${id}`).toBeDefined();
          if (other === undefined) continue;
          expect(placeholdersOf(other), `${locale}: placeholders of ${id}`).toEqual(placeholdersOf(template));
          expect(typeof other, `${locale}: ${id} is plural in English`).toBe(typeof template);
          if (typeof other !== 'string') {
            expect(Object.keys(other).sort(), `${locale}: plural forms of ${id}`).toEqual(['one', 'other']);
            expect(placeholdersOf(other), `${locale}: ${id} plural uses {count}`).toContain('count');
          }
          // Identical words mean the text was copied rather than translated.
          if (words(template).length > 12) expect(words(other), `${locale}: ${id} is still English`).not.toBe(words(template));
        }
      }
    });
  }

  it('uses every message somewhere in the code (no dead wording)', () => {
    const code = sourceFiles('src')
      .filter((file) => !file.includes('/generated/'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    const unused = areas.flatMap((area) => Object.keys(english[area] ?? {})).filter((id) => !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});
