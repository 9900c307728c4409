import { describe, expect, it } from 'vitest';
import { diagnosticsFor } from '../helpers.js';
import { ruleTable, BASELINE } from './table.js';
import { EXTENDING_UNIT } from '../fixtures/charters.js';

const files = { '_base.yaml': BASELINE };
const unit = (reply: string): string => EXTENDING_UNIT.replace('reply: { within: 3 working days, target: 95% }', reply);

describe('no-weaker-than-baseline', () => {
  ruleTable('no-weaker-than-baseline', [
    { name: 'a tighter promise is fine', text: unit('reply: { within: 3 working days, target: 95% }'), files, expected: [] },
    { name: 'the same promise is fine', text: unit('reply: { within: 5 working days, target: 0.9 }'), files, expected: [] },
    {
      name: 'a slower reply',
      text: unit('reply: { within: 7 working days, target: 95% }'),
      files,
      expected: [{ at: '7 working days', message: /promises 7 working days, slower than the baseline's 5 working days in charters\/_base\.yaml/ }],
    },
    {
      name: 'a lower target',
      text: unit('reply: { within: 3 working days, target: 80% }'),
      files,
      expected: [{ at: '80%', message: /targets 80%, lower than the baseline's 90%/ }],
    },
    {
      name: 'an inherited target stays, a shorter time is fine',
      text: unit('reply: { within: 2 working days }'),
      files,
      expected: [],
    },
    {
      name: 'units that cannot be compared give a warning',
      text: unit('reply: { within: 1 week }'),
      files,
      expected: [{ severity: 'warning', at: '1 week', message: /cannot be compared with the baseline's 5 working days/ }],
    },
    {
      name: 'clock units convert: 48 hours is longer than 1 day',
      text: unit('reply: { within: 3 working days }').replace('feedback', 'feedback'),
      files: { '_base.yaml': BASELINE.replace('respond: { within: 15 working days, target: 90% }', 'respond: { within: 1 day }') },
      expected: [],
    },
    {
      name: 'the same working day is stricter than 1 working day',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 1 working day, target: 90% }') },
      expected: [],
    },
    {
      name: '1 working day is weaker than the same working day',
      text: unit('reply: { within: 1 working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: same working day, target: 90% }') },
      expected: [{ at: '1 working day }', message: /promises 1 working day, slower than the baseline's same working day/ }],
    },
    {
      name: 'immediately is the strictest: stricter than 1 second',
      text: unit('reply: { within: immediately }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 1 second, target: 90% }') },
      expected: [],
    },
    {
      name: 'anything is weaker than immediately, even the same working day',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: immediately, target: 90% }') },
      expected: [{ at: 'same working day', message: /promises same working day, slower than the baseline's immediately/ }],
    },
    {
      name: 'the same working day cannot be compared with working hours',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 4 working hours, target: 90% }') },
      expected: [{ severity: 'warning', at: 'same working day', message: /cannot be compared with the baseline's 4 working hours/ }],
    },
    {
      name: 'a letter acknowledgement is compared with the baseline',
      text: EXTENDING_UNIT.replace(
        'channels:\n',
        'channels:\n  letter:\n    address: PL 2, 00099 Testikaupunki\n    acknowledge: { within: 5 working days }\n',
      ),
      files: {
        '_base.yaml': BASELINE.replace(
          'channels:\n',
          'channels:\n  letter:\n    address: PL 1, 00099 Testikaupunki\n    acknowledge: { within: 3 working days }\n',
        ),
      },
      expected: [{ at: '5 working days }', message: /`channels\.letter\.acknowledge` promises 5 working days, slower than the baseline's 3 working days/ }],
    },
  ]);
});

/** A format 1.1 baseline: a phone line with a faster answer for businesses, an average and an abandonment rate, a service and a complaint stage. */
const BASE_11 = [
  'charter: 1.1',
  'languages: [fi, en]',
  'unit:',
  '  organisation: { fi: Testikaupunki, en: Test City }',
  'hours:',
  '  weekly:',
  '    - { days: mon-fri, open: "08:00", close: "16:00" }',
  '  holidays: FI',
  'customerGroups:',
  '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }',
  '  - { id: public, name: { fi: Yksityisasiakkaat, en: Private customers } }',
  'channels:',
  '  phone:',
  '    - id: general',
  '      number: "+358 9 123 4000"',
  '      answer:',
  '        - { within: 1 minute, target: 80% }',
  '        - { within: 30 seconds, target: 90%, for: [businesses] }',
  '      averageAnswer: { within: 1 minute }',
  '      abandoned: { atMost: 10% }',
  'services:',
  '  - id: benefit',
  '    name: { fi: Toimeentulotuki, en: Social assistance }',
  '    promises:',
  '      - { id: decision, name: { fi: Päätös, en: Decision }, within: 7 working days }',
  '      - { id: urgent, name: { fi: Kiireellinen päätös, en: Urgent decision }, within: 1 working day }',
  'complaints:',
  '  stages:',
  '    - id: review',
  '      name: { fi: Oikaisuvaatimus, en: Request for review }',
  '      respond: { within: 20 working days, target: 90% }',
  '',
].join('\n');

/** EXTENDING_UNIT in format 1.1 with these lines added at the end. */
const unit11 = (...lines: string[]): string => EXTENDING_UNIT.replace('charter: 1\n', 'charter: 1.1\n') + lines.map((line) => `${line}\n`).join('');

/** The unit's own general phone line, with these keys. */
const phoneLine = (...keys: string[]): string[] => ['  phone:', '    - id: general', '      number: "+358 9 123 4001"', ...keys.map((key) => `      ${key}`)];

const files11 = { '_base.yaml': BASE_11 };

describe('no-weaker-than-baseline in format 1.1', () => {
  ruleTable('no-weaker-than-baseline', [
    { name: 'a unit that inherits every promise', text: unit11(), files: files11, expected: [] },
    {
      name: 'the same variants, tightened',
      text: unit11(
        ...phoneLine(
          'answer:',
          '  - { within: 50 seconds, target: 80% }',
          '  - { within: 20 seconds, target: 95%, for: [businesses] }',
          'averageAnswer: { within: 40 seconds }',
          'abandoned: { atMost: 5% }',
        ),
      ),
      files: files11,
      expected: [],
    },
    {
      name: 'a longer average speed of answer',
      text: unit11(...phoneLine('averageAnswer: { within: 2 minutes }')),
      files: files11,
      expected: [
        {
          at: '2 minutes',
          message:
            /^`channels\.phone\[0\]\.averageAnswer` promises 2 minutes, slower than the baseline's 1 minute in charters\/_base\.yaml; a unit may only tighten a promise$/,
        },
      ],
    },
    {
      name: 'a higher abandonment rate',
      text: unit11(...phoneLine('abandoned: { atMost: 15% }')),
      files: files11,
      expected: [
        {
          at: '15%',
          message:
            /^`channels\.phone\[0\]\.abandoned` allows 15% of contacts to be abandoned, more than the baseline's 10% in charters\/_base\.yaml; a unit may only tighten a promise$/,
        },
      ],
    },
    {
      name: 'a slower variant for a group, matched by its groups wherever the list puts it',
      text: unit11(...phoneLine('answer:', '  - { within: 45 seconds, target: 90%, for: [businesses] }', '  - { within: 1 minute, target: 80% }')),
      files: files11,
      expected: [{ at: '45 seconds', message: /^`channels\.phone\[0\]\.answer\[0\]` promises 45 seconds, slower than the baseline's 30 seconds/ }],
    },
    {
      name: "a new variant for a group is held to the baseline's promise for everyone",
      text: unit11(
        ...phoneLine(
          'answer:',
          '  - { within: 1 minute, target: 80% }',
          '  - { within: 30 seconds, target: 90%, for: [businesses] }',
          '  - { within: 2 minutes, target: 80%, for: [public] }',
        ),
      ),
      files: files11,
      expected: [{ at: '2 minutes', message: /^`channels\.phone\[0\]\.answer\[2\]` promises 2 minutes, slower than the baseline's 1 minute/ }],
    },
    {
      name: "a group's variant left out",
      text: unit11(...phoneLine('answer: { within: 1 minute, target: 80% }')),
      files: files11,
      expected: [
        {
          at: '{ within: 1 minute, target: 80% }',
          message:
            /^`channels\.phone\[0\]\.answer` leaves out the baseline's promise for the customer group `businesses` in charters\/_base\.yaml, and no promise left is as strict for them; keep it, or make a stricter one \(a unit may only tighten a promise\)$/,
        },
      ],
    },
    {
      name: "a group's variant left out, with a promise for everyone as strict as it was",
      text: unit11(...phoneLine('answer: { within: 20 seconds, target: 95% }')),
      files: files11,
      expected: [],
    },
    {
      name: 'a slower service promise',
      text: unit11(
        'services:',
        '  - id: benefit',
        '    promises:',
        '      - { id: decision, name: { fi: Päätös, en: Decision }, within: 10 working days }',
        '      - { id: urgent, name: { fi: Kiireellinen päätös, en: Urgent decision }, within: same working day }',
      ),
      files: files11,
      expected: [{ at: '10 working days', message: /^`services\[0\]\.promises\[0\]` promises 10 working days, slower than the baseline's 7 working days/ }],
    },
    {
      name: 'a service promise left out',
      text: unit11('services:', '  - id: benefit', '    promises:', '      - { id: decision, name: { fi: Päätös, en: Decision }, within: 5 working days }'),
      files: files11,
      expected: [
        {
          at: '- { id: decision',
          message:
            /^the service `benefit` leaves out the baseline's promise `urgent` in charters\/_base\.yaml; keep it in `promises` \(a unit may only tighten a promise\)$/,
        },
      ],
    },
    {
      name: 'a slower complaint stage, matched by its id',
      text: unit11('complaints:', '  stages:', '    - id: review', '      respond: { within: 30 working days }'),
      files: files11,
      expected: [
        { at: '30 working days', message: /^`complaints\.stages\[0\]\.respond` promises 30 working days, slower than the baseline's 20 working days/ },
      ],
    },
    {
      name: "a line of the unit's own is not compared with the baseline's lines",
      text: unit11(
        ...phoneLine('answer: { within: 1 minute, target: 80% }')
          .map((line) => line.replace('id: general', 'id: emergency'))
          .map((line) => line.replace('answer: { within: 1 minute', 'answer: { within: 3 minutes')),
      ),
      files: files11,
      expected: [],
    },
    {
      name: "the baseline's one phone channel binds every line of the unit",
      text: unit11(...phoneLine('answer: { within: 2 minutes, target: 80% }')),
      files: {
        '_base.yaml': BASE_11.replace(/ {2}phone:\n(?: {4}.*\n)+/, '  phone:\n    number: "+358 9 123 4000"\n    answer: { within: 1 minute, target: 80% }\n'),
      },
      expected: [{ at: '2 minutes', message: /^`channels\.phone\[0\]\.answer` promises 2 minutes, slower than the baseline's 1 minute/ }],
    },
    {
      name: "one phone object replaces the baseline's lines",
      text: unit11(
        '  phone:',
        '    number: "+358 9 123 4001"',
        '    answer:',
        '      - { within: 50 seconds, target: 80% }',
        '      - { within: 30 seconds, target: 90%, for: [businesses] }',
      ),
      files: files11,
      expected: [
        {
          at: 'number: "+358 9 123 4001"',
          message:
            /^`channels\.phone` is written as one channel, so it replaces the baseline's lines `general` in charters\/_base\.yaml and their promises; write it as a list of lines, using the baseline's ids for the lines it changes$/,
        },
      ],
    },
  ]);
});

describe('no-weaker-than-baseline on a unit and a baseline of thousands of lines', () => {
  it('finds each line in the baseline by its id, not by a scan of every promise (a hostile file does not take hours)', async () => {
    const count = 3_000;
    const lines = (within: string): string =>
      Array.from({ length: count }, (_, index) => `    - { id: line-${index}, number: "+358 9 123 4567", answer: { within: ${within} } }`).join('\n');
    const base = `charter: 1.1\nlanguages: [fi, en]\nchannels:\n  phone:\n${lines('1 minute')}\n`;
    const text = unit11('  phone:', lines('2 minutes'));
    const found = (await diagnosticsFor({ 'unit.yaml': text, '_base.yaml': base })).filter((diagnostic) => diagnostic.ruleId === 'no-weaker-than-baseline');
    expect(found).toHaveLength(count);
    expect(found[0]?.message).toMatch(/^`channels\.phone\[0\]\.answer` promises 2 minutes, slower than the baseline's 1 minute/);
  });
});
