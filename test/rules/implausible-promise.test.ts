import { describe } from 'vitest';
import { ruleTable } from './table.js';

describe('implausible-promise', () => {
  ruleTable('implausible-promise', [
    { name: 'plausible promises', expected: [] },
    {
      name: 'a phone answered within two hours',
      edits: [['answer: { within: 30 seconds', 'answer: { within: 2 hours']],
      expected: [
        {
          severity: 'warning',
          at: '2 hours',
          message: /`channels\.phone\.answer` promises 2 hours, which is slower than anyone would wait \(10 minutes at most\)/,
        },
      ],
    },
    {
      name: 'an email reply slower than 30 working days',
      edits: [['reply: { within: 2 working days', 'reply: { within: 45 working days']],
      expected: [{ severity: 'warning', at: '45 working days', message: /30 working days at most/ }],
    },
    {
      name: 'email reply given in calendar weeks is compared roughly',
      edits: [['reply: { within: 2 working days', 'reply: { within: 10 weeks']],
      expected: [{ severity: 'warning', at: '10 weeks', message: /slower than anyone would wait/ }],
    },
    {
      name: 'a zero promise',
      edits: [['wait: { within: 15 minutes', 'wait: { within: 0 minutes']],
      expected: [{ at: '0 minutes', message: /no promise can be kept in no time/ }],
    },
    {
      name: 'a target below half',
      edits: [['wait: { within: 15 minutes, target: 80% }', 'wait: { within: 15 minutes, target: 30% }']],
      expected: [{ at: '30%', message: /only 30% of cases/ }],
    },
    {
      name: 'an acknowledgement slower than the reply',
      edits: [['acknowledge: { within: 4 working hours }', 'acknowledge: { within: 2 working days }']],
      expected: [{ at: '2 working days }\n    reply', message: /is not faster than `channels\.email\.reply`/ }],
    },
    {
      name: 'same working day and immediately are real promises, never zero or too slow',
      edits: [
        ['answer: { within: 30 seconds', 'answer: { within: same working day'],
        ['acknowledge: { within: 4 working hours }', 'acknowledge: { within: immediately }'],
        ['reply: { within: 2 working days', 'reply: { within: same working day'],
        ['wait: { within: 15 minutes', 'wait: { within: immediately'],
      ],
      expected: [],
    },
    {
      name: 'a letter acknowledged immediately and answered the same working day',
      edits: [['    reply: { within: 10 working days, target: 90% }', '    acknowledge: { within: immediately }\n    reply: { within: same working day }']],
      expected: [],
    },
    {
      name: 'years are compared: a letter reply in 1 year is too slow',
      edits: [['reply: { within: 10 working days', 'reply: { within: 1 year']],
      expected: [{ at: '1 year', message: /`channels\.letter\.reply` promises 1 year, which is slower than anyone would wait \(30 working days at most\)/ }],
    },
    {
      name: 'a letter acknowledgement slower than 10 working days',
      edits: [
        [
          '    reply: { within: 10 working days, target: 90% }',
          '    acknowledge: { within: 15 working days }\n    reply: { within: 20 working days, target: 90% }',
        ],
      ],
      expected: [
        {
          at: '15 working days',
          message: /`channels\.letter\.acknowledge` promises 15 working days, which is slower than anyone would wait \(10 working days at most\)/,
        },
      ],
    },
    {
      name: 'a letter acknowledgement not faster than the reply',
      edits: [
        [
          '    reply: { within: 10 working days, target: 90% }',
          '    acknowledge: { within: 10 working days }\n    reply: { within: 10 working days, target: 90% }',
        ],
      ],
      expected: [
        { at: '10 working days }\n    reply', message: /`channels\.letter\.acknowledge` \(10 working days\) is not faster than `channels\.letter\.reply`/ },
      ],
    },
    {
      name: 'an acknowledgement the same working day is not faster than a reply immediately',
      edits: [
        ['acknowledge: { within: 4 working hours }', 'acknowledge: { within: same working day }'],
        ['reply: { within: 2 working days', 'reply: { within: immediately'],
      ],
      expected: [{ at: 'same working day', message: /\(same working day\) is not faster than `channels\.email\.reply` \(immediately\)/ }],
    },
  ]);
});
