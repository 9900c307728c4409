import { describe } from 'vitest';
import { edit, FORMAT_11_UNIT } from '../fixtures/charters.js';
import { ruleTable } from './table.js';

/** FORMAT_11_UNIT with edits (each `from` occurs once). */
const format11 = (...edits: (readonly [string, string])[]): string => edits.reduce((text, [from, to]) => edit(text, from, to), FORMAT_11_UNIT);

const BUSINESS_VARIANT = '      - { within: 1 minute, target: 80%, for: [businesses] }\n';

describe('distinct-variants', () => {
  ruleTable('distinct-variants', [
    { name: 'a promise for everyone and one for a group', text: FORMAT_11_UNIT, expected: [] },
    {
      name: 'variants for different groups, a service, and a group with a service',
      text: format11([
        BUSINESS_VARIANT,
        BUSINESS_VARIANT +
          '      - { within: 45 seconds, target: 80%, for: [public] }\n' +
          '      - { within: 45 seconds, target: 80%, service: benefit }\n' +
          '      - { within: 45 seconds, target: 80%, for: [public], service: benefit }\n',
      ]),
      expected: [],
    },
    {
      name: 'two variants for everyone',
      text: format11([BUSINESS_VARIANT, '      - { within: 1 minute, target: 80% }\n']),
      expected: [
        {
          at: '{ within: 1 minute, target: 80% }',
          message:
            /^`channels\.phone\[0\]\.answer` has two variants for everyone \(the first at line 44\); scope one of them with `for` or `service`, or keep one$/,
        },
      ],
    },
    {
      name: 'two variants for the same groups, in another order',
      text: format11([
        BUSINESS_VARIANT,
        '      - { within: 1 minute, target: 80%, for: [businesses, public] }\n      - { within: 2 minutes, target: 90%, for: [public, businesses] }\n',
      ]),
      expected: [
        {
          at: '[public, businesses]',
          message:
            /^`channels\.phone\[0\]\.answer` has two variants for the customer groups `public` and `businesses` \(the first at line 45\); write one variant for each group or service$/,
        },
      ],
    },
    {
      name: 'two average-speed promises for the same service',
      text: format11([
        'averageAnswer: { within: 2 minutes }',
        'averageAnswer:\n      - { within: 2 minutes, service: benefit }\n      - { within: 3 minutes, service: benefit }',
      ]),
      expected: [
        {
          at: 'benefit }\n    abandoned',
          message: /^`channels\.phone\[0\]\.averageAnswer` has two variants for the service `benefit` \(the first at line 47\)/,
        },
      ],
    },
    {
      name: 'two variants of a complaint stage promise for the same group and service',
      text: format11([
        '      respond: { within: 20 working days, target: 90% }\n',
        '      respond:\n        - { within: 20 working days, target: 90%, for: [public], service: benefit }\n        - { within: 15 working days, for: [public], service: benefit }\n',
      ]),
      expected: [
        {
          at: '[public], service: benefit }\n      escalateTo',
          message: /^`complaints\.stages\[0\]\.respond` has two variants for the customer group `public` and the service `benefit` \(the first at line \d+\)/,
        },
      ],
    },
    {
      name: 'two promises of a service for the same group are different promises',
      text: format11(['within: 7 working days }', 'within: 7 working days, for: [public] }']),
      expected: [],
    },
  ]);
});
