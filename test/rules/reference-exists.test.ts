import { describe, expect, it } from 'vitest';
import { edit } from '../fixtures/charters.js';
import { diagnosticsFor } from '../helpers.js';
import { ruleTable, VALID_UNIT } from './table.js';

describe('reference-exists', () => {
  ruleTable('reference-exists', [
    { name: 'all references resolve', expected: [] },
    {
      name: 'unknown owner, with a suggestion',
      edits: [['owner: head', 'owner: haed']],
      expected: [{ at: 'haed', message: /unknown contact `haed`; did you mean `head`\?/ }],
    },
    {
      name: 'unknown rota member',
      edits: [['rota: [head, clerk]', 'rota: [head, nobody]']],
      expected: [{ at: 'nobody', message: /unknown contact `nobody`; add it under `contacts` or use one of: switchboard, head, clerk/ }],
    },
    {
      name: 'unknown contact to notify of an absence',
      edits: [['notify: [switchboard]', 'notify: [reception]']],
      expected: [{ at: 'reception', message: /unknown contact `reception`/ }],
    },
    {
      name: 'unknown feedback escalation and authority escalation',
      edits: [
        ['  escalateTo: head\nhandover', '  escalateTo: director\nhandover'],
        ['    escalateTo: head\nguide', '    escalateTo: boss\nguide'],
      ],
      expected: [
        { at: 'director', message: /unknown contact `director`/ },
        { at: 'boss', message: /unknown contact `boss`/ },
      ],
    },
    {
      name: 'touchpoint owner and channel',
      edits: [['channel: eservice, owner: clerk', 'channel: eservice, owner: clark']],
      expected: [{ at: 'clark', message: /did you mean `clerk`/ }],
    },
    {
      name: 'touchpoint on a channel the charter does not describe',
      edits: [['  eservice:\n    url: https://www.example.fi/asiointi\n    reply: { within: 5 working days }\n', '']],
      expected: [{ at: 'eservice, owner', message: /channel `eservice`, which the charter does not describe/ }],
    },
    {
      name: 'a contact inherited from the baseline counts',
      edits: [
        ['charter: 1\n', 'charter: 1\nextends: _base.yaml\n'],
        ['  - id: switchboard\n    name: { fi: Vaihde, en: Switchboard }\n    phone: "+358 9 123 4000"\n', ''],
      ],
      files: { '_base.yaml': 'charter: 1\ncontacts:\n  - { id: switchboard, name: { fi: Vaihde, en: Switchboard } }\n' },
      expected: [],
    },
  ]);
});

describe('reference-exists on a charter of many contacts and many unknown references', () => {
  it('suggests within a bounded amount of work (a hostile file does not take hours)', async () => {
    const count = 3_000;
    const contacts = Array.from({ length: count }, (_, index) => `  - { id: contact-${String(index).padStart(5, '0')}, name: Someone }`).join('\n');
    const rota = Array.from({ length: count }, (_, index) => `contcat-${String(index).padStart(5, '0')}`).join(', ');
    const text = edit(edit(VALID_UNIT, 'rota: [head, clerk]', `rota: [${rota}]`), 'contacts:\n', `contacts:\n${contacts}\n`);
    const found = (await diagnosticsFor({ 'unit.yaml': text })).filter((diagnostic) => diagnostic.ruleId === 'reference-exists');
    expect(found).toHaveLength(count);
    expect(found[0]?.message).toMatch(/unknown contact `contcat-00000`; did you mean `contact-00000`\?/);
  });
});
