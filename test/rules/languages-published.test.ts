import { describe } from 'vitest';
import { ruleTable } from './table.js';
import { finnishOnlyUnit } from '../fixtures/charters.js';

/** A charter written in one language only: plain strings, so no other rule asks for translations. */
const writtenIn = (language: string): string => finnishOnlyUnit().replace('languages: [fi]', `languages: [${language}]`);

describe('languages-published', () => {
  ruleTable('languages-published', [
    { name: 'Finnish and English', expected: [] },
    { name: 'Swedish only', text: writtenIn('sv'), expected: [] },
    { name: 'Northern Sámi, published with a fallback interface', text: writtenIn('se'), expected: [] },
    { name: 'Inari Sámi', text: writtenIn('smn'), expected: [] },
    { name: 'Skolt Sámi', text: writtenIn('sms'), expected: [] },
    { name: 'Finnish Sign Language', text: writtenIn('fse'), expected: [] },
    { name: 'a tag with a region', text: writtenIn('pt-BR'), expected: [] },
    {
      name: 'Northern Sámi by its three-letter code',
      text: writtenIn('sme'),
      expected: [
        {
          at: 'sme]',
          message:
            /^`sme` is written `se` in BCP 47: the site publishes each language under one tag, and `sme` would make pages of their own beside those of `se`, under a tag browsers and screen readers may not know; write `se` in `languages` and in the text keys$/,
        },
      ],
    },
    { name: 'Finnish by its three-letter code', text: writtenIn('fin'), expected: [{ at: 'fin]', message: /^`fin` is written `fi` in BCP 47/ }] },
    { name: 'a region in lower case', text: writtenIn('pt-br'), expected: [{ at: 'pt-br]', message: /^`pt-br` is written `pt-BR` in BCP 47/ }] },
    {
      name: 'a tag that repeats a variant, which the pattern lets through',
      text: writtenIn('de-1996-1996'),
      expected: [{ at: 'de-1996-1996]', message: /^`de-1996-1996` repeats a subtag, so browsers and screen readers cannot read it as a language/ }],
    },
    { name: 'a deprecated tag', text: writtenIn('iw'), expected: [{ at: 'iw]', message: /^`iw` is written `he` in BCP 47/ }] },
  ]);
});
