import { addDays, addMonths, AwayCalendar, daysBetween, momentKey, parseAwayMoment, type AwayMoment } from './away-dates.js';
import { awayTexts, fill, textLanguage, AWAY_TEXT_LANGUAGES, type AwayTexts } from './away-texts.js';
import { formatDate, formatMoment } from './format-date.js';
import { mailtoLink } from './mailto.js';
import { withBidiClosed } from '../util/bidi.js';
import type { AwayContact, AwayData, AwayLanguageTexts, AwayNotice, AwayProblem, AwayProblemCode, AwayRequest, AwayResult } from './away-types.js';

/**
 * The absence kit: from a charter's absence routine and calendar (AwayData)
 * and the official's dates and substitute (AwayRequest), the ready texts in
 * every language of the charter. Pure and browser-safe: the charter page
 * bundles it, and `charter away` calls it, so both give the same texts.
 *
 * Throws a RangeError only when `from`, `until` or `today` is not a date
 * (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM): callers check them first
 * with parseAwayMoment.
 */
export function composeAway(data: AwayData, request: AwayRequest): AwayResult {
  const from = moment(request.from, 'from');
  const until = moment(request.until, 'until');
  const today = moment(request.today, 'today');
  const calendar = new AwayCalendar(data.calendar);
  const problems: AwayProblem[] = [];
  const problem = (code: AwayProblemCode, values: Readonly<Record<string, string>> = {}): void => {
    problems.push({ code, message: problemMessage(data, code, values) });
  };

  if (momentKey(until, '24:00') < momentKey(from, '00:00')) {
    problem('until-before-from', { from: request.from.trim(), until: request.until.trim() });
  }
  const substitute = findSubstitute(data, request);
  if (substitute.unknownId !== undefined) problem('substitute-unknown', { id: substitute.unknownId });
  else if (substitute.kind === 'none' && data.substitute === 'required') problem('substitute-missing');

  const backOn = calendar.nextWorkingDayAfter(until.date);
  const notice = noticeCheck(data, calendar, today, from);
  if (notice === 'late') problem('late-notice', { from: from.date });
  if (backOn === undefined || notice === 'unknown' || !calendar.covers(from.date)) {
    problem('beyond-calendar', { start: data.calendar.from, end: data.calendar.until });
  }

  const context = { data, from, until, backOn, substitute };
  const byLanguage = data.languages.map((lang) => languageTexts(context, lang));
  const ordered = blockOrder(data.languages).map((lang) => byLanguage[data.languages.indexOf(lang)] as AwayLanguageTexts);
  const internal = ordered.map((texts) => texts.autoReplyInternal).join(LANGUAGE_SEPARATOR);
  const external = ordered.map((texts) => texts.autoReplyExternal).join(LANGUAGE_SEPARATOR);
  const notices = data.notify.map((contact) => noticeFor(context, contact, request.name));
  return {
    ...(backOn === undefined ? {} : { backOn }),
    problems,
    autoReply: { internal, external, differ: internal !== external },
    byLanguage,
    notices,
  };
}

/** Between the languages of a combined auto-reply: a blank line, a rule, a blank line. */
export const LANGUAGE_SEPARATOR = '\n\n— — —\n\n';

/**
 * The languages of a combined text, in the charter's order: the organisation
 * decides which comes first (a Swedish-speaking municipality puts Swedish first).
 */
export function blockOrder(languages: readonly string[]): string[] {
  return [...languages];
}

function moment(text: string, what: string): AwayMoment {
  const parsed = parseAwayMoment(text);
  if (!parsed) throw new RangeError(`${what}: \`${text}\` is not a date (YYYY-MM-DD) or date and time (YYYY-MM-DDTHH:MM)`);
  return parsed;
}

// ---------------------------------------------------------------------------
// The substitute

interface SubstituteChoice {
  readonly kind: 'contact' | 'text' | 'none';
  readonly contact?: AwayContact;
  readonly text?: string;
  /** The contact id asked for that is not one of the unit's contacts. */
  readonly unknownId?: string;
}

function findSubstitute(data: AwayData, request: AwayRequest): SubstituteChoice {
  const wanted = request.substitute;
  if (wanted === undefined) return { kind: 'none' };
  if ('contactId' in wanted) {
    const contact = data.contacts.find((candidate) => candidate.id === wanted.contactId);
    return contact ? { kind: 'contact', contact } : { kind: 'none', unknownId: wanted.contactId };
  }
  const text = oneLine(wanted.text);
  return text === '' ? { kind: 'none' } : { kind: 'text', text };
}

/**
 * Free text on one line, without control characters, its bidi formatting kept
 * inside it as a charter's texts are: it goes into mail headers and one-line
 * replies, where an override would make the number after it read as another.
 */
function oneLine(text: string): string {
  return withBidiClosed(
    text
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

function pick(texts: Readonly<Record<string, string>> | undefined, lang: string, languages: readonly string[]): string | undefined {
  if (!texts) return undefined;
  for (const candidate of [lang, ...languages, ...Object.keys(texts)]) {
    const text = texts[candidate];
    if (text !== undefined && text !== '') return text;
  }
  return undefined;
}

/** The unit's name and general phone and email: "Rakennusvalvonta, puh. +358 …, rv@example.fi". */
function unitContact(data: AwayData, lang: string): string {
  const words = awayTexts(lang);
  const parts = [pick(data.unitName, lang, data.languages) ?? data.charterId];
  if (data.general?.phone) parts.push(fill(words.phone, { phone: data.general.phone }));
  if (data.general?.email) parts.push(data.general.email);
  return parts.join(', ');
}

/** How colleagues reach the substitute: name (role), direct phone, email. */
function substituteDirect(data: AwayData, choice: SubstituteChoice, lang: string): string | undefined {
  if (choice.kind === 'text') return choice.text;
  const contact = choice.contact;
  if (!contact) return undefined;
  const words = awayTexts(lang);
  const name = pick(contact.name, lang, data.languages) ?? contact.id;
  const role = pick(contact.role, lang, data.languages);
  const parts = [role === undefined ? name : fill(words.withRole, { name, role })];
  if (contact.phone) parts.push(fill(words.phone, { phone: contact.phone }));
  if (contact.email) parts.push(contact.email);
  return parts.join(', ');
}

/** The substitute by name only (free text as given): the notice has said how to reach them already. */
function substituteName(data: AwayData, choice: SubstituteChoice, lang: string): string | undefined {
  if (choice.kind === 'text') return choice.text;
  return choice.contact === undefined ? undefined : (pick(choice.contact.name, lang, data.languages) ?? choice.contact.id);
}

/** How customers reach the substitute: by name, through the unit's general contact when it has one. */
function substituteForCustomers(data: AwayData, choice: SubstituteChoice, lang: string): string | undefined {
  if (choice.kind !== 'contact' || !choice.contact || !(data.general?.phone || data.general?.email)) return substituteDirect(data, choice, lang);
  const name = pick(choice.contact.name, lang, data.languages) ?? choice.contact.id;
  return fill(awayTexts(lang).viaUnit, { substitute: name, contact: unitContact(data, lang) });
}

/**
 * The substitute as a voicemail greeting says it: by name and the unit's
 * general number (else the substitute's own), no email addresses; the unit
 * and its number when there is no substitute.
 */
function substituteSpoken(data: AwayData, choice: SubstituteChoice, lang: string): string {
  const words = awayTexts(lang);
  const unit = pick(data.unitName, lang, data.languages) ?? data.charterId;
  const general = data.general?.phone;
  if (choice.kind === 'text') return choice.text ?? '';
  const contact = choice.contact;
  if (!contact) return general === undefined ? unit : `${unit}, ${fill(words.phone, { phone: general })}`;
  const name = pick(contact.name, lang, data.languages) ?? contact.id;
  if (general !== undefined) return fill(words.viaUnit, { substitute: name, contact: `${unit}, ${fill(words.phone, { phone: general })}` });
  return contact.phone === undefined ? name : `${name}, ${fill(words.phone, { phone: contact.phone })}`;
}

// ---------------------------------------------------------------------------
// Texts per language

interface Context {
  readonly data: AwayData;
  readonly from: AwayMoment;
  readonly until: AwayMoment;
  readonly backOn: string | undefined;
  readonly substitute: SubstituteChoice;
}

/** "ma 7.1.2027" / "on Monday 7 January 2027"; "6.1.2027 jälkeen" when the day back is beyond the calendar. */
function backPhrase(context: Context, lang: string): string {
  const words = awayTexts(lang);
  return context.backOn !== undefined
    ? fill(words.backDay, { date: formatDate(context.backOn, lang, true) })
    : fill(words.backAfter, { date: formatDate(context.until.date, lang) });
}

/** The charter's message (or the kit's) with its placeholders filled and the day back added. */
function autoReply(context: Context, lang: string, substitute: string): string {
  const { data } = context;
  const words = awayTexts(lang);
  const template = pick(data.outOfOffice, lang, data.languages) ?? words.defaultMessage;
  const values: Record<string, string> = {
    from: formatMoment(context.from, lang),
    until: formatMoment(context.until, lang),
    substitute,
  };
  // The charter's own text: known placeholders filled; an unknown one (which the checker reports) loses its braces.
  const filled = template.replace(/\{([^{}]*)\}/g, (_whole, name: string) => values[name] ?? name);
  return `${filled.trim()} ${fill(words.backSentence, { back: backPhrase(context, lang) })}`;
}

/** About 75 words are spoken in 30 seconds. */
export const VOICEMAIL_WORDS = 75;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

function languageTexts(context: Context, lang: string): AwayLanguageTexts {
  const { data, substitute } = context;
  const words = awayTexts(lang);
  const fallback = unitContact(data, lang);
  const direct = substituteDirect(data, substitute, lang) ?? fallback;
  const forCustomers = substituteForCustomers(data, substitute, lang) ?? fallback;
  const autoReplyInternal = autoReply(context, lang, direct);
  const autoReplyExternal = autoReply(context, lang, forCustomers);

  // Spoken: phone numbers, no email addresses.
  const spoken = substituteSpoken(data, substitute, lang);
  const full = `${words.voicemailOpening} ${autoReply(context, lang, spoken)} ${words.voicemailClosing}`;
  const tooLong = countWords(full) > VOICEMAIL_WORDS;
  const voicemail = tooLong ? shortVoicemail(context, lang, spoken) : full;
  return {
    lang,
    autoReplyInternal,
    autoReplyExternal,
    voicemail,
    voicemailWords: countWords(voicemail),
    voicemailTooLong: tooLong,
  };
}

/** The standard script when the charter's message is too long to speak in 30 seconds. */
function shortVoicemail(context: Context, lang: string, substitute: string): string {
  const words = awayTexts(lang);
  const away = fill(words.voicemailShort, {
    from: formatMoment(context.from, lang),
    until: formatMoment(context.until, lang),
    back: backPhrase(context, lang),
  });
  const reach =
    context.substitute.kind === 'none' ? fill(words.voicemailNoSubstitute, { contact: substitute }) : fill(words.voicemailSubstitute, { substitute });
  return [words.voicemailOpening, away, reach, words.voicemailClosing].join(' ');
}

// ---------------------------------------------------------------------------
// Notices

/** The notice to one contact of `absence.notify`, in the first of the charter's languages the kit is written in (else English). */
function noticeFor(context: Context, contact: AwayContact, name: string | undefined): AwayNotice {
  const { data } = context;
  const lang = data.languages.find((candidate) => textLanguage(candidate) === candidate) ?? 'en';
  const words = awayTexts(lang);
  const from = formatMoment(context.from, lang);
  const until = formatMoment(context.until, lang);
  const back = backPhrase(context, lang);
  const official = name === undefined ? '' : oneLine(name);
  const subject = official === '' ? fill(words.noticeSubject, { from, until }) : fill(words.noticeSubjectNamed, { from, until, name: official });
  const direct = substituteDirect(data, context.substitute, lang);
  const contactLine = unitContact(data, lang);
  const lines = [
    words.noticeGreeting,
    '',
    fill(words.noticeAway, { from, until, back }),
    direct === undefined ? words.noticeNoSubstitute : fill(words.noticeSubstitute, { substitute: direct }),
    '',
    direct === undefined
      ? fill(words.noticeCallersNoSubstitute, { back, contact: contactLine })
      : fill(words.noticeCallers, { back, substitute: substituteName(data, context.substitute, lang) ?? direct }),
    '',
    words.noticeSignoff,
    ...(official === '' ? [] : [official]),
    pick(data.unitName, lang, data.languages) ?? data.charterId,
  ];
  const body = lines.join('\n');
  const contactName = pick(contact.name, lang, data.languages) ?? contact.id;
  return {
    contactId: contact.id,
    name: contactName,
    ...(contact.email === undefined ? {} : { email: contact.email }),
    lang,
    subject,
    body,
    mailto: mailtoLink(contact.email, subject, body),
  };
}

// ---------------------------------------------------------------------------
// Policy

/**
 * Whether the notice was given in time: with `N working days`, the working
 * days from today (inclusive) to the first day of the absence (exclusive)
 * must be at least N; calendar units count calendar days, hours count hours
 * from the start of today (or the time given with it).
 */
function noticeCheck(data: AwayData, calendar: AwayCalendar, today: AwayMoment, from: AwayMoment): 'ok' | 'late' | 'unknown' {
  const notice = data.notice;
  if (!notice || notice.unit === 'immediately') return 'ok';
  const amount = Math.ceil(notice.amount);
  switch (notice.unit) {
    case 'same working day':
      return from.date >= today.date ? 'ok' : 'late';
    case 'working day': {
      const count = calendar.workingDaysBetween(today.date, from.date);
      if (count === undefined) return 'unknown';
      return count >= amount ? 'ok' : 'late';
    }
    case 'working hour': {
      // Without office hours, a working day counts as 8 working hours.
      const count = calendar.workingDaysBetween(today.date, from.date);
      if (count === undefined) return 'unknown';
      return count * 8 >= notice.amount ? 'ok' : 'late';
    }
    case 'day':
      return daysBetween(today.date, from.date) >= amount ? 'ok' : 'late';
    case 'week':
      return daysBetween(today.date, from.date) >= amount * 7 ? 'ok' : 'late';
    case 'month':
      return addMonths(today.date, amount) <= from.date ? 'ok' : 'late';
    case 'year':
      return addMonths(today.date, amount * 12) <= from.date ? 'ok' : 'late';
    default: {
      const unitMinutes = notice.unit === 'hour' ? 60 : notice.unit === 'minute' ? 1 : notice.unit === 'second' ? 1 / 60 : 0;
      const minutes = minutesBetween(today, from);
      return minutes >= notice.amount * unitMinutes ? 'ok' : 'late';
    }
  }
}

function minutesBetween(start: AwayMoment, end: AwayMoment): number {
  const minutesOf = (time: string | undefined): number => {
    if (time === undefined) return 0;
    const [hours, minutes] = time.split(':').map(Number) as [number, number];
    return hours * 60 + minutes;
  };
  return daysBetween(start.date, end.date) * 1440 + minutesOf(end.time) - minutesOf(start.time);
}

/** A problem in fi, sv, en and each language of the charter (the kit's English for one it has no words for). */
function problemMessage(data: AwayData, code: AwayProblemCode, values: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const message: Record<string, string> = {};
  for (const lang of new Set([...data.languages, ...AWAY_TEXT_LANGUAGES])) {
    message[lang] = fill(awayTexts(lang).problems[code], localValues(data, lang, values));
  }
  return message;
}

/** Dates in a problem's values written the language's way; the notice in its words. */
function localValues(data: AwayData, lang: string, values: Readonly<Record<string, string>>): Record<string, string> {
  const local: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const parsed = parseAwayMoment(value);
    local[key] = parsed ? formatMoment(parsed, lang) : value;
  }
  if (data.notice) local.notice = noticeWords(awayTexts(lang), data.notice);
  return local;
}

function noticeWords(words: AwayTexts, notice: NonNullable<AwayData['notice']>): string {
  const forms = (words.durations as Readonly<Record<string, { one: string; other: string }>>)[notice.unit];
  if (!forms) return notice.written;
  return fill(notice.amount === 1 ? forms.one : forms.other, { count: notice.amount });
}

export { addDays };
export type { AwayData, AwayRequest, AwayResult } from './away-types.js';
