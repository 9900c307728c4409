import { PUBLISHED_LANGUAGES } from '../model/published-languages.js';
import { listOf, message } from '../messages/message.js';
import { listAt } from './access.js';
import { defineRule } from './rule.js';

const PUBLISHED: readonly string[] = PUBLISHED_LANGUAGES;

export default defineRule(
  'languages-published',
  'Every language in `languages` is one the guide and the cards are made in (fi, sv, en), so that no text is left out silently.',
  'error',
  ({ charter, report }) => {
    listAt(charter.data, ['languages']).forEach((language, index) => {
      if (typeof language !== 'string' || PUBLISHED.includes(language)) return;
      report({
        path: ['languages', index],
        message: message('rules.languages-published.not-published', {
          language,
          published: listOf(
            PUBLISHED.map((code) => `\`${code}\``),
            'and',
          ),
        }),
      });
    });
  },
);
