import { describe } from 'vitest';
import { ruleTable } from './table.js';
import { FORMAT_11_UNIT, edit } from '../fixtures/charters.js';

const WEEKLY = '    - { days: mon-fri, open: "08:00", close: "16:00" }\n';

describe('opening-hours', () => {
  ruleTable('opening-hours', [
    { name: 'valid hours', expected: [] },
    {
      name: 'closing before opening',
      edits: [[WEEKLY, '    - { days: mon-fri, open: "16:00", close: "08:00" }\n']],
      expected: [{ at: '"08:00" }', message: /closes at 08:00, not after it opens at 16:00/ }],
    },
    {
      name: 'overlapping periods on the same day',
      edits: [[WEEKLY, `${WEEKLY}    - { days: [wed, sat], open: "15:00", close: "18:00" }\n`]],
      expected: [{ at: '[wed, sat]', message: /wed 15:00–18:00 overlaps `hours\.weekly\[0\]`/ }],
    },
    {
      name: 'adjacent periods do not overlap',
      edits: [[WEEKLY, `    - { days: mon-fri, open: "08:00", close: "12:00" }\n    - { days: mon-fri, open: "12:00", close: "16:00" }\n`]],
      expected: [],
    },
    {
      name: 'a backwards range of days',
      edits: [[WEEKLY, '    - { days: fri-mon, open: "08:00", close: "16:00" }\n']],
      expected: [{ at: 'fri-mon', message: /runs backwards/ }],
    },
    {
      name: 'the same day twice in a list',
      edits: [[WEEKLY, '    - { days: [mon-wed, tue], open: "08:00", close: "16:00" }\n']],
      expected: [{ at: '[mon-wed, tue]', message: /tue is listed twice/ }],
    },
    {
      name: 'closing at midnight is allowed',
      edits: [[WEEKLY, '    - { days: sat, open: "10:00", close: "24:00" }\n']],
      expected: [],
    },
    {
      name: 'an exception date listed twice',
      edits: [['    - { date: 2027-07-15, closed: true', '    - { date: 2026-12-23, closed: true']],
      expected: [{ at: '2026-12-23, closed', message: /2026-12-23 is listed twice/ }],
    },
    {
      name: 'an exception that closes before it opens',
      edits: [['date: 2026-12-23, open: "08:00", close: "12:00"', 'date: 2026-12-23, open: "12:00", close: "08:00"']],
      expected: [{ at: '"08:00", note', message: /closes at 08:00, not after it opens at 12:00/ }],
    },
    {
      name: 'phone hours are checked too',
      edits: [['    charge: local\n', '    charge: local\n    hours:\n      weekly:\n        - { days: mon, open: "13:00", close: "09:00" }\n']],
      expected: [{ at: '"09:00" }', message: /closes at 09:00/ }],
    },
    {
      name: 'the hours of every line of a kind, and of the new kinds, are checked',
      text: edit(
        edit(
          FORMAT_11_UNIT,
          'hours: { weekly: [{ days: [tue, thu], open: "09:00", close: "12:00" }] }',
          'hours: { weekly: [{ days: [tue, thu], open: "12:00", close: "09:00" }] }',
        ),
        '    url: https://www.example.fi/video\n',
        '    url: https://www.example.fi/video\n    hours: { weekly: [{ days: mon-fri, open: "08:00", close: "12:00" }, { days: [fri], open: "11:00", close: "14:00" }] }\n',
      ),
      expected: [
        { at: '"09:00" }] }', message: /^closes at 09:00, not after it opens at 12:00/ },
        { at: '[fri], open: "11:00"', message: /^fri 11:00–14:00 overlaps `channels\.video\.hours\.weekly\[0\]`/ },
      ],
    },
  ]);
});
