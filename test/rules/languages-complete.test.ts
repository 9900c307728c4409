import { describe } from 'vitest';
import { ruleTable } from './table.js';

describe('languages-complete', () => {
  ruleTable('languages-complete', [
    { name: 'every text in fi and en', expected: [] },
    {
      name: 'a text without its en version',
      edits: [['name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö }']],
      expected: [{ at: '{ fi: Testiyksikkö }', message: /`unit\.name` has no en text; .* add `en:`/ }],
    },
    {
      name: 'a text in a language the charter does not declare',
      edits: [['title: { fi: Vastaa aina, en: Always reply }', 'title: { fi: Vastaa aina, en: Always reply, sv: Svara alltid }']],
      expected: [{ severity: 'warning', at: 'sv: Svara', message: /text in `sv`, which is not in `languages`/ }],
    },
    {
      name: 'a plain string needs no translation',
      edits: [['approvedBy: { fi: Lautakunta, en: Board }', 'approvedBy: Lautakunta']],
      expected: [],
    },
    {
      name: 'a third declared language makes every map incomplete',
      edits: [['languages: [fi, en]', 'languages: [fi, sv, en]']],
      expected: Array.from({ length: 20 }, () => ({ message: /has no sv text/ })),
    },
  ]);
});
