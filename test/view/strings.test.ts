import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { INTERFACE_STRINGS, LANGUAGE_PATTERNS, UI_STRINGS, uiStrings } from '../../src/view/strings.js';
import { placeholdersOf } from '../../src/messages/message.js';
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
});

/** Every string of a language's file, by its dotted path (list items by index). */
function flatten(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => flatten(inner, path === '' ? key : `${path}.${key}`));
}

/** Unit forms beyond `one` and `other` belong to one language's grammar (Finnish genitive, Swedish genitive plural). */
function isGrammarForm(path: string): boolean {
  return /^durations\.units\.[^.]+\.(?!one$|other$)[^.]+$/.test(path);
}

const STRINGS_FOLDER = fileURLToPath(new URL('../../src/view/strings', import.meta.url));

describe('the translators’ files', () => {
  it('are the files the code bundles, one per language, as plain JSON', () => {
    const files = readdirSync(STRINGS_FOLDER)
      .filter((name) => name.endsWith('.json'))
      .sort();
    expect(files).toEqual(SITE_LANGUAGES.map((lang) => `${lang}.json`).sort());
    for (const lang of SITE_LANGUAGES) {
      expect(JSON.parse(readFileSync(join(STRINGS_FOLDER, `${lang}.json`), 'utf8')), lang).toEqual(INTERFACE_STRINGS[lang]);
    }
  });

  it('have every key in all three languages, and no empty text', () => {
    const finnish = flatten(INTERFACE_STRINGS.fi)
      .map(([path]) => path)
      .filter((path) => !isGrammarForm(path))
      .sort();
    expect(finnish.length).toBeGreaterThan(200);
    for (const lang of SITE_LANGUAGES) {
      const strings = flatten(INTERFACE_STRINGS[lang]);
      expect(
        strings
          .map(([path]) => path)
          .filter((path) => !isGrammarForm(path))
          .sort(),
        lang,
      ).toEqual(finnish);
      // A separator may be a lone no-break space; ordinary blanks alone are empty.
      for (const [path, text] of strings) expect(text.replace(/[ \t\n]/g, ''), `${lang}: ${path}`).not.toBe('');
    }
  });

  it('give every unit of a language the same word forms', () => {
    for (const lang of SITE_LANGUAGES) {
      const forms = Object.values(INTERFACE_STRINGS[lang].durations.units).map((unit) => Object.keys(unit).sort().join());
      expect(new Set(forms).size, lang).toBe(1);
    }
  });

  it('use the same placeholders in every language, except in patterns of word order and word forms', () => {
    const finnish = new Map(flatten(INTERFACE_STRINGS.fi));
    for (const lang of SITE_LANGUAGES) {
      const unitForms = Object.keys(INTERFACE_STRINGS[lang].durations.units.day);
      for (const [path, text] of flatten(INTERFACE_STRINGS[lang])) {
        const allowed = LANGUAGE_PATTERNS[path];
        if (allowed) {
          const names = allowed.flatMap((name) => (name === '*form' ? unitForms : [name]));
          expect(
            placeholdersOf(text).filter((name) => !names.includes(name)),
            `${lang}: ${path}`,
          ).toEqual([]);
        } else if (!isGrammarForm(path)) {
          expect(placeholdersOf(text), `${lang}: ${path}`).toEqual(placeholdersOf(finnish.get(path) ?? ''));
        }
      }
    }
  });

  it('name only patterns that exist', () => {
    const paths = new Set(flatten(INTERFACE_STRINGS.fi).map(([path]) => path));
    expect(Object.keys(LANGUAGE_PATTERNS).filter((path) => !paths.has(path))).toEqual([]);
  });

  it('have twelve months and seven days', () => {
    for (const lang of SITE_LANGUAGES) {
      const { calendar } = INTERFACE_STRINGS[lang];
      expect(calendar.months, lang).toHaveLength(12);
      expect(calendar.monthsShort, lang).toHaveLength(12);
      expect(Object.keys(calendar.weekdays).sort(), lang).toEqual(['fri', 'mon', 'sat', 'sun', 'thu', 'tue', 'wed']);
    }
  });
});
