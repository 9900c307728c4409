import { isKnownHolidayCalendar, suggestHolidayCalendar } from '../time/holiday-calendars.js';
import { hoursBlocks } from './access.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** The form the schema checks (it reports other forms itself). */
const CODE_FORM = /^[A-Z]{2}(-[A-Z0-9]{1,10}){0,2}$/;

export default defineRule('valid-holidays', 'Holiday calendars are ones date-holidays knows (GB-ENG, not GB-ENGLAND).', 'error', ({ charter, report }) => {
  for (const { path, hours } of hoursBlocks(charter.data)) {
    const code = hours.holidays;
    if (typeof code !== 'string' || !CODE_FORM.test(code) || isKnownHolidayCalendar(code)) continue;
    const suggestion = suggestHolidayCalendar(code);
    report({
      path: [...path, 'holidays'],
      message: suggestion ? message('rules.valid-holidays.unknown-suggest', { code, suggestion }) : message('rules.valid-holidays.unknown', { code }),
    });
  }
});
