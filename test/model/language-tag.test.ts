import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, LANGUAGE_TAG, textDirection } from '../../src/model/language-tag.js';

const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'charter.schema.json'), 'utf8')) as {
  definitions: Record<string, { pattern?: string; propertyNames?: { pattern?: string } }>;
};

describe('language tags', () => {
  it('is the pattern of the schema’s LanguageTag and of every text’s language keys', () => {
    expect(schema.definitions.LanguageTag?.pattern).toBe(LANGUAGE_TAG.source);
    expect(schema.definitions.Text?.propertyNames?.pattern).toBe(LANGUAGE_TAG.source);
    expect(schema.definitions.Markdown?.propertyNames?.pattern).toBe(LANGUAGE_TAG.source);
  });

  it('takes the tags charters are written in, and only what Intl also reads as a tag', () => {
    const tags = ['fi', 'sv', 'en', 'se', 'smn', 'sms', 'sma', 'fse', 'fss', 'ru', 'pt-BR', 'sr-Latn', 'zh-Hant-TW', 'es-419', 'de-1996', 'fi-x-selko'];
    expect(tags.filter((tag) => !LANGUAGE_TAG.test(tag))).toEqual([]);
    expect(tags.filter((tag) => canonicalLanguageTag(tag) === undefined)).toEqual([]);
    for (const tag of ['FI', 'sámi', 'fi-a1', 'x', 'fi-', 'finnish', 'i-klingon', 'en-GB-oed']) expect(LANGUAGE_TAG.test(tag), tag).toBe(false);
  });

  it('says the canonical form of a tag, and nothing of what is not one', () => {
    expect(canonicalLanguageTag('se')).toBe('se');
    expect(canonicalLanguageTag('sme')).toBe('se');
    expect(canonicalLanguageTag('fin')).toBe('fi');
    expect(canonicalLanguageTag('pt-br')).toBe('pt-BR');
    expect(canonicalLanguageTag('fi-a1')).toBeUndefined();
  });
});

describe('textDirection', () => {
  it('reads right-to-left languages and scripts', () => {
    for (const tag of [
      'ar',
      'fa',
      'he',
      'ur',
      'ps',
      'ckb',
      'yi',
      'dv',
      'syr',
      'sd',
      'ug',
      'ar-EG',
      'fa-AF',
      'pa-Arab',
      'ku-Arab',
      'ff-Adlm',
      'man-Nkoo',
      'rhg-Rohg',
    ]) {
      expect(textDirection(tag), tag).toBe('rtl');
    }
  });

  it('reads left-to-right languages, and lets a script subtag decide over the language', () => {
    for (const tag of ['fi', 'sv', 'en', 'se', 'smn', 'fse', 'ru', 'pt-BR', 'sr-Latn', 'az-Latn', 'ar-Latn', 'pa', 'zh-Hant-TW', 'fi-x-selko']) {
      expect(textDirection(tag), tag).toBe('ltr');
    }
  });

  it('falls back to its own list when the runtime has no text info or no tag', () => {
    expect(textDirection('not a tag')).toBe('ltr');
    const locale = Intl.Locale.prototype as unknown as Record<string, unknown>;
    const saved = Object.getOwnPropertyDescriptor(Intl.Locale.prototype, 'textInfo');
    Object.defineProperty(Intl.Locale.prototype, 'textInfo', { configurable: true, get: () => undefined });
    try {
      expect(locale.getTextInfo).toBeUndefined();
      expect(textDirection('ckb')).toBe('rtl');
      expect(textDirection('he')).toBe('rtl');
      expect(textDirection('fi')).toBe('ltr');
    } finally {
      if (saved) Object.defineProperty(Intl.Locale.prototype, 'textInfo', saved);
    }
  });
});
