import { describe } from 'vitest';
import { ruleTable, BASELINE } from './table.js';
import { EXTENDING_UNIT } from '../fixtures/charters.js';

const files = { '_base.yaml': BASELINE };
const unit = (reply: string): string => EXTENDING_UNIT.replace('reply: { within: 3 working days, target: 95% }', reply);

describe('no-weaker-than-baseline', () => {
  ruleTable('no-weaker-than-baseline', [
    { name: 'a tighter promise is fine', text: unit('reply: { within: 3 working days, target: 95% }'), files, expected: [] },
    { name: 'the same promise is fine', text: unit('reply: { within: 5 working days, target: 0.9 }'), files, expected: [] },
    {
      name: 'a slower reply',
      text: unit('reply: { within: 7 working days, target: 95% }'),
      files,
      expected: [{ at: '7 working days', message: /promises 7 working days, slower than the baseline's 5 working days in charters\/_base\.yaml/ }],
    },
    {
      name: 'a lower target',
      text: unit('reply: { within: 3 working days, target: 80% }'),
      files,
      expected: [{ at: '80%', message: /targets 80%, lower than the baseline's 90%/ }],
    },
    {
      name: 'an inherited target stays, a shorter time is fine',
      text: unit('reply: { within: 2 working days }'),
      files,
      expected: [],
    },
    {
      name: 'units that cannot be compared give a warning',
      text: unit('reply: { within: 1 week }'),
      files,
      expected: [{ severity: 'warning', at: '1 week', message: /cannot be compared with the baseline's 5 working days/ }],
    },
    {
      name: 'clock units convert: 48 hours is longer than 1 day',
      text: unit('reply: { within: 3 working days }').replace('feedback', 'feedback'),
      files: { '_base.yaml': BASELINE.replace('respond: { within: 15 working days, target: 90% }', 'respond: { within: 1 day }') },
      expected: [],
    },
    {
      name: 'the same working day is stricter than 1 working day',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 1 working day, target: 90% }') },
      expected: [],
    },
    {
      name: '1 working day is weaker than the same working day',
      text: unit('reply: { within: 1 working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: same working day, target: 90% }') },
      expected: [{ at: '1 working day }', message: /promises 1 working day, slower than the baseline's same working day/ }],
    },
    {
      name: 'immediately is the strictest: stricter than 1 second',
      text: unit('reply: { within: immediately }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 1 second, target: 90% }') },
      expected: [],
    },
    {
      name: 'anything is weaker than immediately, even the same working day',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: immediately, target: 90% }') },
      expected: [{ at: 'same working day', message: /promises same working day, slower than the baseline's immediately/ }],
    },
    {
      name: 'the same working day cannot be compared with working hours',
      text: unit('reply: { within: same working day }'),
      files: { '_base.yaml': BASELINE.replace('reply: { within: 5 working days, target: 90% }', 'reply: { within: 4 working hours, target: 90% }') },
      expected: [{ severity: 'warning', at: 'same working day', message: /cannot be compared with the baseline's 4 working hours/ }],
    },
    {
      name: 'a letter acknowledgement is compared with the baseline',
      text: EXTENDING_UNIT.replace(
        'channels:\n',
        'channels:\n  letter:\n    address: PL 2, 00099 Testikaupunki\n    acknowledge: { within: 5 working days }\n',
      ),
      files: {
        '_base.yaml': BASELINE.replace(
          'channels:\n',
          'channels:\n  letter:\n    address: PL 1, 00099 Testikaupunki\n    acknowledge: { within: 3 working days }\n',
        ),
      },
      expected: [{ at: '5 working days }', message: /`channels\.letter\.acknowledge` promises 5 working days, slower than the baseline's 3 working days/ }],
    },
  ]);
});
