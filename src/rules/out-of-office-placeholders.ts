import { getPath, isPlainObject } from '../model/charter-data.js';
import { stringAt } from './access.js';
import { defineRule } from './rule.js';

const KNOWN = ['from', 'until', 'substitute'];

export default defineRule(
  'out-of-office-placeholders',
  'The out-of-office message names `{until}`, and `{substitute}` when a substitute is required; no unknown placeholders.',
  'error',
  ({ charter, report }) => {
    const message = getPath(charter.data, ['absence', 'outOfOffice']);
    if (message === undefined) return;
    const substituteRequired = stringAt(charter.data, ['absence', 'substitute']) === 'required';
    const texts: [string | undefined, unknown][] = isPlainObject(message) ? Object.entries(message) : [[undefined, message]];
    for (const [language, text] of texts) {
      if (typeof text !== 'string') continue;
      const path = language === undefined ? ['absence', 'outOfOffice'] : ['absence', 'outOfOffice', language];
      const label = language === undefined ? 'the out-of-office message' : `the ${language} out-of-office message`;
      const used = [...text.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? '');
      for (const name of used) {
        if (!KNOWN.includes(name)) {
          report({ path, message: `${label} has an unknown placeholder \`{${name}}\`; use {from}, {until} and {substitute}` });
        }
      }
      const required = substituteRequired ? ['until', 'substitute'] : ['until'];
      const missing = required.filter((name) => !used.includes(name));
      if (missing.length > 0) {
        report({
          path,
          message: `${label} must name ${missing.map((name) => `\`{${name}}\``).join(' and ')}${missing.includes('substitute') ? ' (a substitute is required)' : ''}, so the customer knows when you are back and whom to contact`,
        });
      }
    }
  },
);
