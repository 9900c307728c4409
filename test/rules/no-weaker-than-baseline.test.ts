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
  ]);
});
