import { describe } from 'vitest';
import { ruleTable } from './table.js';

describe('review-due', () => {
  ruleTable('review-due', [
    { name: 'review far ahead', expected: [] },
    {
      name: 'overdue review is an error',
      today: '2027-09-03',
      expected: [{ severity: 'error', at: '2027-09-01\n  rota', message: /review was due on 2027-09-01, 2 days ago/ }],
    },
    {
      name: 'review within 30 days is a warning',
      today: '2027-08-10',
      expected: [{ severity: 'warning', at: '2027-09-01\n  rota', message: /due on 2027-09-01, in 22 days/ }],
    },
    {
      name: 'review exactly today is a warning, not yet an error',
      today: '2027-09-01',
      expected: [{ severity: 'warning', message: /in 0 days/ }],
    },
    {
      name: 'next review later than the cycle allows',
      edits: [['next: 2027-09-01', 'next: 2028-01-01']],
      expected: [{ severity: 'warning', at: '2028-01-01', message: /later than `every: 12 months` allows .* set it to 2027-09-01 or earlier/ }],
    },
    {
      name: 'a review interval of more than ten years is an error, and the rest still works',
      edits: [['every: 12 months', 'every: 999999 months']],
      expected: [{ severity: 'error', at: '999999 months', message: /`review.every: 999999 months` is longer than 10 years/ }],
    },
    {
      name: 'ten years exactly is allowed; so is a long interval in weeks or days below it',
      edits: [['every: 12 months', 'every: 120 months']],
      expected: [],
    },
    {
      name: 'an interval in weeks past ten years is refused as well',
      edits: [['every: 12 months', 'every: 99999 weeks']],
      expected: [{ severity: 'error', at: '99999 weeks', message: /longer than 10 years/ }],
    },
    {
      name: 'next review before the approval',
      edits: [['next: 2027-09-01', 'next: 2026-08-01']],
      today: '2026-07-01',
      expected: [
        { severity: 'warning', at: '2026-09-01', message: /approval date 2026-09-01 is in the future/ },
        { severity: 'error', at: '2026-08-01', message: /must come after the approval/ },
      ],
    },
  ]);
});
