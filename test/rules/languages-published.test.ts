import { describe } from 'vitest';
import { ruleTable } from './table.js';
import { finnishOnlyUnit } from '../fixtures/charters.js';

/** A charter written in one language only: plain strings, so no other rule asks for translations. */
const writtenIn = (language: string): string => finnishOnlyUnit().replace('languages: [fi]', `languages: [${language}]`);

describe('languages-published', () => {
  ruleTable('languages-published', [
    { name: 'Finnish and English', expected: [] },
    { name: 'Swedish only', text: writtenIn('sv'), expected: [] },
    {
      name: 'Northern Sámi, which the guide is not made in',
      text: writtenIn('se'),
      expected: [
        {
          at: 'se]',
          message:
            /^`se` is not published: the guide and the pocket cards are made in `fi`, `sv` and `en` only, so its texts would be left out of every page and card; remove `se` from `languages` until the guide can be published in it$/,
        },
      ],
    },
    { name: 'German', text: writtenIn('de'), expected: [{ at: 'de]', message: /^`de` is not published/ }] },
  ]);
});
