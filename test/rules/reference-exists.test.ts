import { describe, expect, it } from 'vitest';
import { edit, FORMAT_11_UNIT } from '../fixtures/charters.js';
import { diagnosticsFor } from '../helpers.js';
import { ruleTable, VALID_UNIT } from './table.js';

/** FORMAT_11_UNIT with edits (each `from` occurs once). */
const format11 = (...edits: (readonly [string, string])[]): string => edits.reduce((text, [from, to]) => edit(text, from, to), FORMAT_11_UNIT);

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
    { name: 'format 1.1: groups, services and a stage escalation resolve', text: FORMAT_11_UNIT, expected: [] },
    {
      name: 'a promise for a misspelt customer group',
      text: format11(['{ within: 1 minute, target: 80%, for: [businesses] }', '{ within: 1 minute, target: 80%, for: [busineses] }']),
      expected: [{ at: 'busineses', message: /^unknown customer group `busineses`; did you mean `businesses`\?$/ }],
    },
    {
      name: "a line's audience names a group that does not exist",
      text: format11(['audience: [public]', 'audience: [public, pensioners]']),
      expected: [{ at: 'pensioners', message: /^unknown customer group `pensioners`; add it under `customerGroups` or use one of: businesses, public$/ }],
    },
    {
      name: 'a group named in a charter without customer groups',
      edits: [['answer: { within: 30 seconds, target: 90% }', 'answer: { within: 30 seconds, target: 90%, for: [businesses] }']],
      expected: [{ at: 'businesses', message: /^unknown customer group `businesses`; add it under `customerGroups`$/ }],
    },
    {
      name: 'a service promise for an unknown group, and an average for an unknown group',
      text: format11(
        ['within: same working day, for: [public] }', 'within: same working day, for: [everyone] }'],
        ['averageAnswer: { within: 2 minutes }', 'averageAnswer: { within: 2 minutes, for: [publci] }'],
      ),
      expected: [
        { at: 'publci', message: /^unknown customer group `publci`; did you mean `public`\?$/ },
        { at: 'everyone', message: /^unknown customer group `everyone`; add it under `customerGroups` or use one of: businesses, public$/ },
      ],
    },
    {
      name: 'a promise for a misspelt service',
      text: format11(['service: benefit }', 'service: benefits }']),
      expected: [{ at: 'benefits', message: /^unknown service `benefits`; did you mean `benefit`\?$/ }],
    },
    {
      name: 'an abandonment promise for a service that does not exist',
      text: format11(['abandoned: { atMost: 15% }', 'abandoned: { atMost: 15%, service: parking }']),
      expected: [{ at: 'parking', message: /^unknown service `parking`; add it under `services` or use one of: benefit$/ }],
    },
    {
      name: 'a complaint stage escalated to an unknown contact',
      text: format11(['      escalateTo: head\n', '      escalateTo: hed\n']),
      expected: [{ at: 'hed\n', message: /^unknown contact `hed`; did you mean `head`\?$/ }],
    },
    {
      name: 'a group and a service inherited from the baseline count',
      text: format11(
        ['charter: 1.1\n', 'charter: 1.1\nextends: _base.yaml\n'],
        ['  - { id: businesses, name: { fi: Yritykset, en: Businesses } }\n', ''],
      ).replace(/services:\n(?: .*\n)+/, ''),
      files: {
        '_base.yaml': [
          'charter: 1.1',
          'customerGroups:',
          '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }',
          'services:',
          '  - id: benefit',
          '    name: { fi: Toimeentulotuki, en: Social assistance }',
          '    promises:',
          '      - { id: decision, name: { fi: Päätös, en: Decision }, within: 7 working days }',
          '',
        ].join('\n'),
      },
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
