import { describe } from 'vitest';
import { BASELINE, EXTENDING_UNIT } from '../fixtures/charters.js';
import { ruleTable } from './table.js';

/** BASELINE with a review of its own; `next` is on line 8 of charters/_base.yaml. */
const REVIEWED_BASELINE = BASELINE.replace('hours:\n', 'review:\n  approved: 2026-08-24\n  every: 12 months\n  next: 2027-08-24\nhours:\n');
const baseline = { '_base.yaml': REVIEWED_BASELINE };

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
    {
      name: 'a baseline 19 days past its review date is an error at the baseline (its promises reach every unit)',
      text: EXTENDING_UNIT,
      files: baseline,
      today: '2027-09-12',
      expected: [
        {
          severity: 'error',
          file: 'charters/_base.yaml',
          line: 8,
          message: /^this baseline's review was due on 2027-08-24, 19 days ago; its promises reach every unit that extends it/,
        },
        { severity: 'error', at: '2027-09-01', message: /^the review was due on 2027-09-01, 11 days ago/ },
      ],
    },
    {
      name: 'a baseline due within 30 days is a warning at the baseline, once however many units extend it',
      text: EXTENDING_UNIT,
      files: { ...baseline, 'second.yaml': EXTENDING_UNIT.replace('id: small-unit', 'id: second-unit') },
      today: '2027-08-10',
      expected: [
        {
          severity: 'warning',
          file: 'charters/_base.yaml',
          line: 8,
          message: /^this baseline's review is due on 2027-08-24, in 14 days; its promises reach every unit/,
        },
        { severity: 'warning', file: 'charters/second.yaml', message: /^the review is due on 2027-09-01, in 22 days/ },
        { severity: 'warning', at: '2027-09-01', message: /^the review is due on 2027-09-01, in 22 days/ },
      ],
    },
    {
      name: 'a baseline whose review is ahead is quiet',
      text: EXTENDING_UNIT,
      files: baseline,
      today: '2027-06-01',
      expected: [],
    },
    {
      name: 'a unit that inherits its review date hears of it once, from the baseline',
      text: EXTENDING_UNIT.replace('  next: 2027-09-01\n', ''),
      files: baseline,
      today: '2027-09-12',
      expected: [{ severity: 'error', file: 'charters/_base.yaml', line: 8, message: /^this baseline's review was due on 2027-08-24, 19 days ago/ }],
    },
  ]);
});
