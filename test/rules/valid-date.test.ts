import { describe } from 'vitest';
import { ruleTable } from './table.js';
import { FORMAT_11_UNIT, edit } from '../fixtures/charters.js';

describe('valid-date', () => {
  ruleTable('valid-date', [
    { name: 'real dates', expected: [] },
    {
      name: '30 February',
      edits: [['- date: 2026-05-04', '- date: 2026-02-30']],
      expected: [{ at: '2026-02-30', message: /2026-02-30 is not a date in the calendar/ }],
    },
    {
      name: '29 February in a leap year is fine',
      edits: [['- date: 2026-05-04', '- date: 2028-02-29']],
      expected: [],
    },
    {
      name: 'an impossible exception date',
      edits: [['date: 2027-07-15', 'date: 2027-06-31']],
      expected: [{ at: '2027-06-31', message: /not a date/ }],
    },
    {
      name: 'an impossible exception date on a line of a list',
      text: edit(
        FORMAT_11_UNIT,
        'hours: { weekly: [{ days: [tue, thu], open: "09:00", close: "12:00" }] }',
        'hours: { weekly: [{ days: [tue, thu], open: "09:00", close: "12:00" }], exceptions: [{ date: 2027-02-30, closed: true }] }',
      ),
      expected: [{ at: '2027-02-30', message: /not a date/ }],
    },
  ]);
});
