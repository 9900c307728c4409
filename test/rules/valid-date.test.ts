import { describe } from 'vitest';
import { ruleTable } from './table.js';

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
  ]);
});
