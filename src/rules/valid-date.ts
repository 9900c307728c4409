import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { defineRule } from './rule.js';

const DATE_KEYS = new Set(['approved', 'next', 'date']);
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function* dateValues(value: unknown, path: JsonPath = []): Generator<{ path: JsonPath; date: string }> {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) yield* dateValues(value[index], [...path, index]);
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (DATE_KEYS.has(key) && typeof child === 'string' && DATE_SHAPE.test(child)) yield { path: [...path, key], date: child };
      else yield* dateValues(child, [...path, key]);
    }
  }
}

export default defineRule(
  'valid-date',
  'Dates are real calendar dates (no 30 February).',
  'error',
  ({ charter, report }) => {
    for (const { path, date } of dateValues(charter.data)) {
      if (!isCalendarDate(date)) report({ path, message: `${date} is not a date in the calendar; check the day and month` });
    }
  },
);
