import { getPath, isPlainObject } from '../model/charter-data.js';
import { stringAt } from './access.js';
import { defineRule } from './rule.js';
import { listOf, message } from '../messages/message.js';

const KNOWN = ['from', 'until', 'substitute'];

export default defineRule(
  'out-of-office-placeholders',
  'The out-of-office message names `{until}`, and `{substitute}` when a substitute is required; no unknown placeholders.',
  'error',
  ({ charter, report }) => {
    const outOfOffice = getPath(charter.data, ['absence', 'outOfOffice']);
    if (outOfOffice === undefined) return;
    const substituteRequired = stringAt(charter.data, ['absence', 'substitute']) === 'required';
    const texts: [string | undefined, unknown][] = isPlainObject(outOfOffice) ? Object.entries(outOfOffice) : [[undefined, outOfOffice]];
    for (const [language, text] of texts) {
      if (typeof text !== 'string') continue;
      const path = language === undefined ? ['absence', 'outOfOffice'] : ['absence', 'outOfOffice', language];
      const label =
        language === undefined
          ? message('rules.out-of-office-placeholders.the-message')
          : message('rules.out-of-office-placeholders.the-message-in', { language });
      const used = [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
      for (const name of used) {
        if (!KNOWN.includes(name)) {
          report({
            path,
            message: message('rules.out-of-office-placeholders.unknown', {
              label,
              placeholder: `{${name}}`,
              known: listOf(KNOWN.map((known) => `{${known}}`)),
            }),
          });
        }
      }
      const required = substituteRequired ? ['until', 'substitute'] : ['until'];
      const missing = required.filter((name) => !used.includes(name));
      if (missing.length > 0) {
        const names = listOf(missing.map((name) => `\`{${name}}\``));
        report({
          path,
          message: missing.includes('substitute')
            ? message('rules.out-of-office-placeholders.missing-substitute-required', { label, missing: names })
            : message('rules.out-of-office-placeholders.missing', { label, missing: names }),
        });
      }
    }
  },
);
