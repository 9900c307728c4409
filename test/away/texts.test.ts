import { describe, expect, it } from 'vitest';
import fi from '../../src/away/texts/fi.json' with { type: 'json' };
import sv from '../../src/away/texts/sv.json' with { type: 'json' };
import en from '../../src/away/texts/en.json' with { type: 'json' };

/** Every string of a texts file by its path, e.g. `problems.late-notice`. */
function flatten(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value === 'string') found.set(path, value);
  else if (Array.isArray(value)) value.forEach((item, index) => flatten(item, `${path}[${index}]`).forEach((text, key) => found.set(key, text)));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) flatten(item, path === '' ? key : `${path}.${key}`).forEach((text, inner) => found.set(inner, text));
  }
  return found;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{([a-zA-Z0-9]+)\}/g)].map((match) => match[1] ?? '').sort();

const DATE_PATTERNS = new Set(['date', 'dateWithWeekday', 'time']);
const DATE_PARTS = new Set(['day', 'month', 'monthName', 'year', 'weekday', 'hour', 'hour2', 'minute']);

describe('the absence kit texts', () => {
  const english = flatten(en);
  for (const [lang, texts] of Object.entries({ fi, sv })) {
    it(`${lang} has every English text, with the same placeholders`, () => {
      const translated = flatten(texts);
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of english) {
        const own = placeholders(translated.get(key) ?? '');
        // Date patterns choose their own parts (7.1.2027 or 7 January 2027); the rest keep the English placeholders.
        if (DATE_PATTERNS.has(key))
          expect(
            own.every((name) => DATE_PARTS.has(name)),
            `${lang} ${key}`,
          ).toBe(true);
        else expect(own, `${lang} ${key}`).toEqual(placeholders(text));
        expect(translated.get(key)?.trim(), `${lang} ${key}`).not.toBe('');
      }
    });
  }

  it('has seven weekdays and twelve months in each language', () => {
    for (const texts of [fi, sv, en]) {
      expect(texts.weekdays).toHaveLength(7);
      expect(texts.months).toHaveLength(12);
    }
  });
});
