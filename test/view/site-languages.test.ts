import { describe, expect, it } from 'vitest';
import type { Charter } from '../../src/model/charter.js';
import { interfaceLanguageFor, languageLabel, siteInterfaceLanguage, siteLanguagesOf } from '../../src/view/site-languages.js';

/** Only what the site's languages are made from: a charter's id and languages. */
function unit(id: string, ...languages: string[]): Charter {
  return { id, languages } as unknown as Charter;
}

describe('the languages of the site', () => {
  it('gives a page the interface of its own language, else of the first of the charter’s languages that has one, else English', () => {
    expect(interfaceLanguageFor('sv', ['fi', 'sv'])).toBe('sv');
    expect(interfaceLanguageFor('se', ['se', 'fi'])).toBe('fi');
    expect(interfaceLanguageFor('se', ['se', 'sv', 'fi'])).toBe('sv');
    expect(interfaceLanguageFor('smn', ['smn', 'se'])).toBe('en');
  });

  it('publishes every written language and no other, in the baseline’s order, then as the charters first name them', () => {
    const units = [unit('a', 'se', 'fi'), unit('b', 'fi', 'sv', 'smn')];
    expect(siteLanguagesOf(units)).toEqual(['se', 'fi', 'sv', 'smn']);
    expect(siteLanguagesOf(units, ['fi', 'sv', 'en', 'se'])).toEqual(['fi', 'sv', 'se', 'smn']);
    expect(siteLanguagesOf([], ['sv', 'fi'])).toEqual(['sv', 'fi']);
    expect(siteLanguagesOf([])).toEqual(['fi', 'sv', 'en']);
  });

  it('words the site’s own pages in a language by the charters written in it, in the site’s order', () => {
    const units = [unit('a', 'se', 'sv'), unit('b', 'fi', 'se'), unit('c', 'smn')];
    const site = siteLanguagesOf(units, ['fi', 'sv', 'se', 'smn']);
    expect(siteInterfaceLanguage('se', units, site)).toBe('fi');
    expect(siteInterfaceLanguage('smn', units, site)).toBe('en');
    expect(siteInterfaceLanguage('sv', units, site)).toBe('sv');
  });

  it('names a language in itself, or, where it is not written, in the interface’s words', () => {
    expect(languageLabel('fi', 'fi')).toEqual({ text: 'Suomeksi', lang: 'fi' });
    expect(languageLabel('se', 'fi')).toEqual({ text: 'Davvisámegiella', lang: 'se' });
    expect(languageLabel('fse', 'fi')).toEqual({ text: 'Suomalainen viittomakieli', lang: 'fi' });
    expect(languageLabel('fse', 'sv')).toEqual({ text: 'Finskt teckenspråk', lang: 'sv' });
    expect(languageLabel('fss', 'en')).toEqual({ text: 'Finland-Swedish Sign Language', lang: 'en' });
    // Node's ICU has no locale data in Skolt Sámi (yet): then its name in the interface's language, never in the runtime's default.
    const skolt = languageLabel('sms', 'fi');
    expect(skolt.lang === 'sms' || (skolt.lang === 'fi' && skolt.text === 'Koltansaame'), JSON.stringify(skolt)).toBe(true);
  });
});
