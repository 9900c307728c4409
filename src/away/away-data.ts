import { textIn } from '../model/charter-text.js';
import type { Charter, Contact, LocalizedText } from '../model/charter.js';
import { workingCalendarOptions } from '../model/office-calendar.js';
import { addDays, isCalendarDate } from '../time/calendar-date.js';
import { WorkingCalendar } from '../time/working-calendar.js';
import { weekdayIndex } from './away-dates.js';
import type { AwayContact, AwayData } from './away-types.js';

export type * from './away-types.js';

export interface AwayDataOptions {
  /** The first date the data knows (YYYY-MM-DD). */
  readonly from: string;
  /** The last date the data knows (YYYY-MM-DD). */
  readonly until: string;
  /** The charter's page per language, when known (the site knows it). */
  readonly pageUrl?: Readonly<Record<string, string>>;
}

/** Beyond this many days, the window is a mistake: a page would carry years of holidays. */
const MAX_WINDOW_DAYS = 3_700;

/**
 * What composing the absence texts needs of a charter, small and
 * JSON-serialisable: the page embeds it and composeAway (browser-safe) reads
 * it. Node side: the working calendar (holidays, closed exceptions) is
 * worked out here, once, into the list of closed weekdays of the window.
 */
export function awayData(charter: Charter, options: AwayDataOptions): AwayData {
  if (!isCalendarDate(options.from) || !isCalendarDate(options.until) || options.until < options.from) {
    throw new RangeError(`awayData: the window ${options.from} – ${options.until} is not two dates in order`);
  }
  const calendar = new WorkingCalendar(workingCalendarOptions(charter.hours));
  const closed: string[] = [];
  let count = 0;
  for (let day = options.from; day <= options.until && count <= MAX_WINDOW_DAYS; day = addDays(day, 1), count += 1) {
    if (weekdayIndex(day) < 5 && !calendar.isWorkingDay(day)) closed.push(day);
  }
  const languages = [...charter.languages];
  const absence = charter.absence;
  const phone = charter.channels.phone[0]?.number;
  const email = charter.channels.email[0]?.address;
  return {
    charterId: charter.id,
    languages,
    unitName: perLanguage(charter.unit.name, languages),
    timeZone: charter.hours.timeZone,
    calendar: { from: options.from, until: count > MAX_WINDOW_DAYS ? addDays(options.from, MAX_WINDOW_DAYS) : options.until, closed },
    ...(absence?.notice === undefined ? {} : { notice: { amount: absence.notice.amount, unit: absence.notice.unit, written: absence.notice.written } }),
    ...(absence?.substitute === undefined ? {} : { substitute: absence.substitute }),
    ...(absence?.outOfOffice === undefined ? {} : { outOfOffice: perLanguage(absence.outOfOffice, languages) }),
    notify: (absence?.notify ?? []).map((contact) => awayContact(contact, languages)),
    contacts: charter.contacts.map((contact) => awayContact(contact, languages)),
    ...(phone === undefined && email === undefined
      ? {}
      : { general: { ...(phone === undefined ? {} : { phone }), ...(email === undefined ? {} : { email }) } }),
    ...(options.pageUrl === undefined ? {} : { pageUrl: options.pageUrl }),
  };
}

function perLanguage(text: LocalizedText, languages: readonly string[]): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [lang, textIn(text, lang).text]));
}

function awayContact(contact: Contact, languages: readonly string[]): AwayContact {
  return {
    id: contact.id,
    name: perLanguage(contact.name, languages),
    ...(contact.role === undefined ? {} : { role: perLanguage(contact.role, languages) }),
    ...(contact.phone === undefined ? {} : { phone: contact.phone }),
    ...(contact.email === undefined ? {} : { email: contact.email }),
  };
}
