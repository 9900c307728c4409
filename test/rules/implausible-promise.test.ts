import { describe } from 'vitest';
import { edit, FORMAT_11_UNIT } from '../fixtures/charters.js';
import { ruleTable } from './table.js';

/** FORMAT_11_UNIT with edits (each `from` occurs once). */
const format11 = (...edits: (readonly [string, string])[]): string => edits.reduce((text, [from, to]) => edit(text, from, to), FORMAT_11_UNIT);

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

describe('implausible-promise in format 1.1', () => {
  ruleTable('implausible-promise', [
    { name: 'every kind of line, service and stage, plausible', text: FORMAT_11_UNIT, expected: [] },
    {
      name: 'real limits, statutory ones included, are never warned about',
      text: format11(
        ['within: 7 working days }', 'within: 50 working days }'],
        ['within: same working day, for: [public] }', 'within: 56 days, for: [public] }'],
        ['respond: { within: 20 working days, target: 90% }', 'respond: { within: 30 days, target: 90% }'],
        ['appointment: { within: 10 working days }', 'appointment: { within: 60 working days }'],
        ['reply: { within: 10 working days, target: 90% }', 'reply: { within: 28 days, target: 90% }'],
      ),
      expected: [],
    },
    {
      name: 'a chat answered in half an hour',
      text: format11(['answer: { within: 2 minutes, target: 80% }', 'answer: { within: 30 minutes, target: 80% }']),
      expected: [{ at: '30 minutes', message: /^`channels\.chat\.answer` promises 30 minutes, which is slower than anyone would wait \(15 minutes at most\)/ }],
    },
    {
      name: 'a video appointment in three months, a text message answered in two weeks',
      text: format11(
        ['appointment: { within: 5 working days, target: 90% }', 'appointment: { within: 3 months, target: 90% }'],
        ['reply: { within: 1 working day }', 'reply: { within: 2 weeks }'],
      ),
      expected: [
        { at: '3 months', message: /^`channels\.video\.appointment` promises 3 months, which is slower than anyone would wait \(30 working days at most\)/ },
        { at: '2 weeks', message: /^`channels\.sms\.reply` promises 2 weeks, which is slower than anyone would wait \(5 working days at most\)/ },
      ],
    },
    {
      name: 'a relay call answered in 20 minutes, Suomi.fi Messages answered in 45 working days',
      text: format11(
        ['answer: { within: 5 minutes, target: 80% }', 'answer: { within: 20 minutes, target: 80% }'],
        ['reply: { within: 5 working days, target: 90% }\n  homeVisit', 'reply: { within: 45 working days, target: 90% }\n  homeVisit'],
      ),
      expected: [
        { at: '20 minutes', message: /^`channels\.relay\.answer` promises 20 minutes.*\(15 minutes at most\)/ },
        { at: '45 working days', message: /^`channels\.suomifiMessages\.reply` promises 45 working days.*\(30 working days at most\)/ },
      ],
    },
    {
      name: 'a decision in two years, a complaint answered in 100 working days',
      text: format11(
        ['within: 7 working days }', 'within: 2 years }'],
        ['respond: { within: 20 working days, target: 90% }', 'respond: { within: 100 working days, target: 90% }'],
      ),
      expected: [
        { at: '2 years', message: /^`services\[0\]\.promises\[0\]` promises 2 years, which is slower than anyone would wait \(1 year at most\)/ },
        { at: '100 working days', message: /^`complaints\.stages\[0\]\.respond` promises 100 working days.*\(60 working days at most\)/ },
      ],
    },
    {
      name: 'a complaint stage acknowledged no faster than it is answered',
      text: format11([
        'acknowledge: { within: 2 working days }\n      respond: { within: 20 working days',
        'acknowledge: { within: 10 working days }\n      respond: { within: 10 working days',
      ]),
      expected: [
        {
          at: '10 working days }\n      respond',
          message: /^`complaints\.stages\[0\]\.acknowledge` \(10 working days\) is not faster than `complaints\.stages\[0\]\.respond` \(10 working days\)/,
        },
      ],
    },
    {
      name: 'acknowledgements are compared with the reply of their own line',
      text: format11([
        '  email:\n    address: test@example.fi\n    acknowledge: { within: 4 working hours }\n    reply: { within: 2 working days, target: 90% }\n',
        [
          '  email:',
          '  - id: general',
          '    address: test@example.fi',
          '    acknowledge: { within: 1 working day }',
          '    reply: { within: 5 working days, target: 90% }',
          '  - id: permits',
          '    address: permits@example.fi',
          '    acknowledge: { within: 2 working days }',
          '    reply: { within: 1 working day, target: 90% }',
          '',
        ].join('\n'),
      ]),
      expected: [
        {
          at: '2 working days }\n    reply: { within: 1 working day',
          message: /^`channels\.email\[1\]\.acknowledge` \(2 working days\) is not faster than `channels\.email\[1\]\.reply` \(1 working day\)/,
        },
      ],
    },
    {
      name: 'no call ever abandoned, and most calls abandoned',
      text: format11(['abandoned: { atMost: 10% }', 'abandoned: { atMost: 0% }'], ['abandoned: { atMost: 15% }', 'abandoned: { atMost: 60% }']),
      expected: [
        { at: '0% }\n    callback', message: /^`channels\.phone\[0\]\.abandoned` promises that no contact is ever abandoned \(0%\)/ },
        { at: '60%', message: /^`channels\.chat\.abandoned` allows 60% of contacts to be abandoned; a promise that more than half may give up is no promise/ },
      ],
    },
    {
      name: 'an average longer than a limit every chat meets, and a slow average',
      text: format11(
        ['answer: { within: 2 minutes, target: 80% }', 'answer: { within: 2 minutes }\n    averageAnswer: { within: 3 minutes }'],
        ['averageAnswer: { within: 2 minutes }', 'averageAnswer: { within: 20 minutes }'],
      ),
      expected: [
        {
          at: '20 minutes',
          message:
            /^`channels\.phone\[0\]\.averageAnswer` promises an average wait of 20 minutes, longer than anyone would wait on average \(15 minutes at most\)/,
        },
        {
          at: '3 minutes',
          message:
            /^`channels\.chat\.averageAnswer` \(3 minutes\) is longer than `channels\.chat\.answer` \(2 minutes\), which every contact meets; when every contact is answered within 2 minutes, so is the average$/,
        },
      ],
    },
  ]);
});
