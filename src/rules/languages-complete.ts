import { formatJsonPath } from '../model/diagnostic.js';
import { declaredLanguages, forEachTextMap } from './access.js';
import { defineRule } from './rule.js';

export default defineRule(
  'languages-complete',
  'Every multilingual text has each language the charter declares, and no others.',
  'error',
  ({ charter, report }) => {
    const languages = declaredLanguages(charter.data);
    if (languages.length === 0) return;
    forEachTextMap(charter.data, (text, pathOf) => {
      const missing = languages.filter((language) => typeof text[language] !== 'string' || text[language] === '');
      if (missing.length > 0) {
        const path = pathOf();
        report({
          path,
          message: `\`${formatJsonPath(path)}\` has no ${missing.join(', ')} text; the charter is written in ${languages.join(', ')}, so add ${missing.map((language) => `\`${language}:\``).join(' and ')}`,
        });
      }
      for (const language of Object.keys(text)) {
        if (!languages.includes(language)) {
          report({
            path: [...pathOf(), language],
            target: 'key',
            severity: 'warning',
            message: `text in \`${language}\`, which is not in \`languages\` (${languages.join(', ')}); add it there or remove this text`,
          });
        }
      }
    });
  },
);
