import type { JsonPath } from '../model/diagnostic.js';
import { getPath, type CharterData } from '../model/charter-data.js';
import { hoursBlocks, listAt } from './access.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** Every place the format has a date: review dates, exception days, improvements. */
function* dateValues(data: CharterData): Generator<{ path: JsonPath; date: string }> {
  const candidates: JsonPath[] = [
    ['review', 'approved'],
    ['review', 'next'],
  ];
  for (const { path } of hoursBlocks(data)) {
    listAt(data, [...path, 'exceptions']).forEach((_, index) => candidates.push([...path, 'exceptions', index, 'date']));
  }
  listAt(data, ['improvements']).forEach((_, index) => candidates.push(['improvements', index, 'date']));
  for (const path of candidates) {
    const value = getPath(data, path);
    if (typeof value === 'string' && DATE_SHAPE.test(value)) yield { path, date: value };
  }
}

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export default defineRule('valid-date', 'Dates are real calendar dates (no 30 February).', 'error', ({ charter, report }) => {
  for (const { path, date } of dateValues(charter.data)) {
    if (!isCalendarDate(date)) report({ path, message: message('rules.valid-date.not-in-calendar', { date }) });
  }
});
