import { canonicalLanguageTag, LANGUAGE_TAG } from '../model/language-tag.js';
import { message } from '../messages/message.js';
import { listAt } from './access.js';
import { defineRule } from './rule.js';

/**
 * Every written language gets its own pages, under a folder named by its tag
 * (`/se/`), and every element in it says `lang="se"`. A tag that is not in
 * BCP 47's canonical form would publish a language twice (`sme` beside `se`,
 * `pt-br` beside `pt-BR` on a case-insensitive disk) or under a tag that
 * readers, search engines and screen readers do not know (`iw` for `he`).
 * A tag that is not well-formed at all is the schema's to report; one that
 * passes its pattern but repeats a variant (`de-1996-1996`) is this rule's:
 * browsers refuse it, and so would the site's collation and language names.
 */
export default defineRule(
  'languages-published',
  'Every language in `languages` is a BCP 47 tag in its canonical form (`se`, not `sme`), so that the site publishes each written language once, under the tag readers know.',
  'error',
  ({ charter, report }) => {
    listAt(charter.data, ['languages']).forEach((language, index) => {
      if (typeof language !== 'string') return;
      const canonical = canonicalLanguageTag(language);
      if (canonical === undefined) {
        if (LANGUAGE_TAG.test(language)) report({ path: ['languages', index], message: message('rules.languages-published.repeated-subtag', { language }) });
        return;
      }
      if (canonical === language) return;
      report({ path: ['languages', index], message: message('rules.languages-published.not-canonical', { language, canonical }) });
    });
  },
);
