import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DASHBOARD_STRINGS, UI_STRINGS, uiStrings } from '../../src/view/i18n.js';
import { SITE_LANGUAGES } from '../../src/view/view-model.js';

const TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

function templateFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every `frame.t.key` (also as `@root.frame.t.key`) in the built-in templates, with the files using it. */
function keysUsedInTemplates(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of templateFiles(TEMPLATES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?<![\w.])(?:@root\.)?frame\.t\.([A-Za-z0-9_]+)/g)) {
      const key = match[1] as string;
      used.set(key, [...(used.get(key) ?? []), relative(TEMPLATES, file)]);
    }
  }
  return used;
}

describe('interface strings', () => {
  it('has the same keys in Finnish, Swedish and English', () => {
    const finnish = Object.keys(UI_STRINGS.fi).sort();
    expect(finnish.length).toBeGreaterThan(0);
    for (const lang of SITE_LANGUAGES) {
      expect(Object.keys(UI_STRINGS[lang]).sort(), lang).toEqual(finnish);
    }
  });

  it('has no empty strings and uses camelCase keys', () => {
    for (const lang of SITE_LANGUAGES) {
      for (const [key, value] of Object.entries(UI_STRINGS[lang])) {
        expect(key, `${lang}.${key}`).toMatch(/^[a-z][A-Za-z0-9]*$/);
        expect(value.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('gives every key a template uses, in every language', () => {
    const used = keysUsedInTemplates();
    expect(used.size).toBeGreaterThan(0);
    for (const lang of SITE_LANGUAGES) {
      const missing = [...used].filter(([key]) => !(key in UI_STRINGS[lang])).map(([key, files]) => `${key} (${files.join(', ')})`);
      expect(missing, `missing in ${lang}`).toEqual([]);
    }
  });

  it('has no key that no template uses', () => {
    const used = keysUsedInTemplates();
    expect(Object.keys(UI_STRINGS.fi).filter((key) => !used.has(key))).toEqual([]);
  });

  it('keeps the search status placeholders in every language', () => {
    for (const lang of SITE_LANGUAGES) {
      const t = uiStrings(lang);
      expect(t.searchResultsOther).toContain('{count}');
      for (const key of ['searchResultsOne', 'searchResultsOther', 'searchResultsNone']) expect(t[key], `${lang}.${key}`).toContain('{query}');
    }
  });

  it('hands out read-only strings of the requested language', () => {
    expect(uiStrings('sv').skipToMain).toBe('Hoppa till huvudinnehållet');
    expect(uiStrings('fi').skipToMain).toBe('Siirry pääsisältöön');
    expect(uiStrings('en').skipToMain).toBe('Skip to main content');
    expect(Object.isFrozen(uiStrings('fi'))).toBe(true);
  });

  it('has the dashboard’s sentence parts in every language, with the same placeholders', () => {
    /** Every string in a nested table, by its dotted path. */
    const flatten = (value: unknown, path = ''): [string, string][] =>
      typeof value === 'string'
        ? [[path, value]]
        : Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => flatten(inner, path === '' ? key : `${path}.${key}`));
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string).sort();
    const finnish = new Map(flatten(DASHBOARD_STRINGS.fi));
    for (const lang of SITE_LANGUAGES) {
      const strings = new Map(flatten(DASHBOARD_STRINGS[lang]));
      expect([...strings.keys()].sort(), lang).toEqual([...finnish.keys()].sort());
      for (const [key, text] of strings) {
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(text), `${lang}.${key}`).toEqual(placeholders(finnish.get(key) ?? ''));
      }
    }
  });
});
