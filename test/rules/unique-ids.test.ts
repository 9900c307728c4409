import { describe } from 'vitest';
import { ruleTable, VALID_UNIT } from './table.js';
import { edit, FORMAT_11_UNIT } from '../fixtures/charters.js';

/** FORMAT_11_UNIT with edits (each `from` occurs once). */
const format11 = (...edits: (readonly [string, string])[]): string => edits.reduce((text, [from, to]) => edit(text, from, to), FORMAT_11_UNIT);

describe('unique-ids', () => {
  ruleTable('unique-ids', [
    { name: 'unique ids', expected: [] },
    {
      name: 'two charters with the same id',
      files: { 'copy.yaml': VALID_UNIT },
      expected: [{ file: 'charters/unit.yaml', line: 2, message: /charter id `test-unit` is already used by charters\/copy\.yaml/ }],
    },
    {
      name: 'a contact id twice in one file',
      edits: [['channels:\n', '  - { id: head, name: Someone Else }\nchannels:\n']],
      expected: [{ at: 'head, name: Someone', message: /the id `head` appears twice in `contacts` \(first at line \d+\)/ }],
    },
    {
      name: 'an authority id twice',
      edits: [['guide:\n', '  - { id: extension, decision: { fi: Toinen, en: Another } }\nguide:\n']],
      expected: [{ at: 'extension, decision: { fi: Toinen', message: /`extension` appears twice in `authority`/ }],
    },
    {
      name: 'different accessibility services',
      edits: [['touchpoints:\n', 'accessibility:\n  - { service: sign-language, languages: [fse] }\n  - { service: hearing-loop }\ntouchpoints:\n']],
      expected: [],
    },
    {
      name: 'an accessibility service twice',
      edits: [
        [
          'touchpoints:\n',
          'accessibility:\n  - { service: sign-language, languages: [fse] }\n  - { service: sign-language, languages: [fss] }\ntouchpoints:\n',
        ],
      ],
      expected: [
        {
          at: 'sign-language, languages: [fss]',
          message:
            /^the service `sign-language` appears twice in `accessibility` \(first at line 69\); write each service once, with all its languages and channels$/,
        },
      ],
    },
    {
      name: 'a unit naming a baseline accessibility service again is not a duplicate',
      edits: [
        ['charter: 1\n', 'charter: 1\nextends: _base.yaml\n'],
        ['touchpoints:\n', 'accessibility:\n  - { service: relay, channels: [phone] }\ntouchpoints:\n'],
      ],
      files: { '_base.yaml': 'charter: 1\naccessibility:\n  - { service: relay }\n' },
      expected: [],
    },
    {
      name: 'a unit overriding a baseline contact is not a duplicate',
      edits: [['charter: 1\n', 'charter: 1\nextends: _base.yaml\n']],
      files: { '_base.yaml': 'charter: 1\ncontacts:\n  - { id: head, name: Someone Else }\n' },
      expected: [],
    },
    {
      name: 'a duplicate inside the baseline is reported in the baseline',
      text: edit(VALID_UNIT, 'charter: 1\n', 'charter: 1\nextends: _base.yaml\n'),
      files: { '_base.yaml': 'charter: 1\ncontacts:\n  - { id: desk, name: Desk }\n  - { id: desk, name: Desk 2 }\n' },
      expected: [{ file: 'charters/_base.yaml', line: 4, message: /`desk` appears twice in `contacts` \(first at line 3\)/ }],
    },
    { name: 'format 1.1: unique lines, groups, services, promises and stages', text: FORMAT_11_UNIT, expected: [] },
    {
      name: 'two phone lines with the same id',
      text: format11(['  - id: sami\n', '  - id: general\n']),
      expected: [
        {
          at: 'general\n    name: { fi: Saamen',
          message: /^the id `general` appears twice in `channels\.phone` \(first at line 39\); give each entry its own id$/,
        },
      ],
    },
    {
      name: 'lines of different kinds may share an id',
      text: format11(['  chat:\n    url: https://www.example.fi/chat\n', '  chat:\n  - id: general\n    url: https://www.example.fi/chat\n']),
      expected: [],
    },
    {
      name: 'a customer group twice',
      text: format11(['channels:\n  phone:\n', '  - { id: businesses, name: { fi: Yhteisöt, en: Organisations } }\nchannels:\n  phone:\n']),
      expected: [{ at: 'businesses, name: { fi: Yhteisöt', message: /^the id `businesses` appears twice in `customerGroups` \(first at line 35\)/ }],
    },
    {
      name: 'a service twice',
      text: format11([
        'absence:\n',
        '  - { id: benefit, name: { fi: Toinen, en: Another }, promises: [{ id: decision, name: { fi: Päätös, en: Decision }, within: 5 working days }] }\nabsence:\n',
      ]),
      expected: [{ at: 'benefit, name: { fi: Toinen', message: /^the id `benefit` appears twice in `services` \(first at line \d+\)/ }],
    },
    {
      name: 'a promise id twice in one service',
      text: format11(['id: urgent-decision', 'id: decision']),
      expected: [
        {
          at: 'decision, name: { fi: Kiireellinen',
          message: /^the promise id `decision` appears twice in the service `benefit` \(first at line \d+\); give each promise of a service its own id$/,
        },
      ],
    },
    {
      name: 'a complaint stage twice',
      text: format11(['  external:\n', '    - { id: review, name: { fi: Toinen, en: Another } }\n  external:\n']),
      expected: [{ at: 'review, name: { fi: Toinen', message: /^the id `review` appears twice in `complaints\.stages`/ }],
    },
    {
      name: 'a unit naming a baseline line again overrides it',
      text: format11(['charter: 1.1\n', 'charter: 1.1\nextends: _base.yaml\n']),
      files: {
        '_base.yaml': 'charter: 1.1\nchannels:\n  phone:\n    - { id: general, number: "+358 9 123 4000" }\n    - { id: sami, number: "+358 9 123 4001" }\n',
      },
      expected: [],
    },
  ]);
});
