import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../src/model/charter.js';
import { textIn } from '../../src/model/charter-text.js';
import { TextReader } from '../../src/normalize/text-reader.js';

const fiSvEn = new TextReader(['fi', 'sv', 'en']);

describe('texts as complete language maps', () => {
  it('gives a single string to every language, as written in the first', () => {
    const text = fiSvEn.read('Liisa Esimerkki');
    expect(text.written).toBe('Liisa Esimerkki');
    expect(text.byLanguage).toEqual({
      fi: { text: 'Liisa Esimerkki', lang: 'fi' },
      sv: { text: 'Liisa Esimerkki', lang: 'fi' },
      en: { text: 'Liisa Esimerkki', lang: 'fi' },
    });
    expect(text.fallback).toEqual({ text: 'Liisa Esimerkki', lang: 'fi' });
  });

  it('keeps each language its own text', () => {
    const text = fiSvEn.read({ fi: 'Vaihde', sv: 'Växel', en: 'Switchboard' });
    expect(textIn(text, 'sv')).toEqual({ text: 'Växel', lang: 'sv' });
    expect(textIn(text, 'en')).toEqual({ text: 'Switchboard', lang: 'en' });
  });

  it('fills a missing language from the charter languages in order, and says which language it is', () => {
    const text = fiSvEn.read({ sv: 'Växel', en: 'Switchboard' });
    expect(text.byLanguage.fi).toEqual({ text: 'Växel', lang: 'sv' });
    expect(text.fallback).toEqual({ text: 'Växel', lang: 'sv' });
  });

  it('keeps a text in a language the charter does not declare, for a page in that language', () => {
    const text = new TextReader(['fi', 'en']).read({ fi: 'Vaihde', en: 'Switchboard', sv: 'Växel' });
    expect(Object.keys(text.byLanguage)).toEqual(['fi', 'en', 'sv']);
    expect(textIn(text, 'sv')).toEqual({ text: 'Växel', lang: 'sv' });
  });

  it('falls back to the first language for a language that has no text at all', () => {
    const text: LocalizedText = new TextReader(['fi', 'en']).read({ fi: 'Vaihde', en: 'Switchboard' });
    expect(textIn(text, 'sv')).toEqual({ text: 'Vaihde', lang: 'fi' });
    expect(textIn(text, '__proto__')).toEqual({ text: 'Vaihde', lang: 'fi' });
  });

  it('refuses a text with no words (the schema does too)', () => {
    expect(() => fiSvEn.read({})).toThrow('a text is empty');
  });
});
