import { describe } from 'vitest';
import { BASELINE, ruleTable } from './table.js';
import { EXTENDING_UNIT, FORMAT_11_UNIT, edit } from '../fixtures/charters.js';

const zone = (name: string): [string, string] => ['  holidays: FI\n', `  holidays: FI\n  timezone: ${name}\n`];

describe('valid-timezone', () => {
  ruleTable('valid-timezone', [
    { name: 'no time zone (Europe/Helsinki)', expected: [] },
    { name: 'a known zone', edits: [zone('Europe/Mariehamn')], expected: [] },
    { name: 'a zone the database keeps as an alias', edits: [zone('Europe/Kiev')], expected: [] },
    {
      name: 'a misspelt zone, with a suggestion',
      edits: [zone('Europe/Helsinky')],
      expected: [
        {
          at: 'Europe/Helsinky',
          message:
            /^`Europe\/Helsinky` is not a time zone in the time zone database; write an IANA name such as Europe\/Helsinki; did you mean `Europe\/Helsinki`\?$/,
        },
      ],
    },
    {
      name: 'a zone that does not exist, without a far-fetched suggestion',
      edits: [zone('Mars/Phobos')],
      expected: [{ at: 'Mars/Phobos', message: /^`Mars\/Phobos` is not a time zone in the time zone database; write an IANA name such as Europe\/Helsinki$/ }],
    },
    {
      name: 'the wrong case',
      edits: [zone('europe/helsinki')],
      expected: [{ at: 'europe/helsinki', message: /^write the time zone `europe\/helsinki` as `Europe\/Helsinki`/ }],
    },
    {
      name: "a channel's own hours",
      edits: [
        [
          '    charge: local\n',
          '    charge: local\n    hours:\n      weekly:\n        - { days: mon-fri, open: "09:00", close: "15:00" }\n      timezone: Europe/Stokholm\n',
        ],
      ],
      expected: [{ at: 'Europe/Stokholm', message: /did you mean `Europe\/Stockholm`\?/ }],
    },
    {
      name: 'inherited from a baseline: reported once, in the baseline',
      text: EXTENDING_UNIT,
      files: { '_base.yaml': edit(BASELINE, '  holidays: FI\n', '  holidays: FI\n  timezone: Europe/Helsinky\n') },
      expected: [{ file: 'charters/_base.yaml', message: /did you mean `Europe\/Helsinki`\?/ }],
    },
    {
      name: 'a misspelt time zone on a line of a list',
      text: edit(
        FORMAT_11_UNIT,
        'hours: { weekly: [{ days: [tue, thu], open: "09:00", close: "12:00" }] }',
        'hours: { weekly: [{ days: [tue, thu], open: "09:00", close: "12:00" }], timezone: Europe/Stokholm }',
      ),
      expected: [{ at: 'Europe/Stokholm', message: /did you mean `Europe\/Stockholm`\?/ }],
    },
  ]);
});
