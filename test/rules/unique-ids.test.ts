import { describe } from 'vitest';
import { ruleTable, VALID_UNIT } from './table.js';
import { edit } from '../fixtures/charters.js';

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
  ]);
});
