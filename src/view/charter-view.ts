import type {
  AbandonmentPromise,
  AccessibilityService,
  AveragePromise,
  ChannelHours,
  ChannelLine,
  Charter,
  Commitment,
  Contact,
  CustomerGroup,
  LocalizedText,
  OfficeHours,
  OpeningPeriod,
  ServicePromise,
  ServiceRef,
} from '../model/charter.js';
import { textIn } from '../model/charter-text.js';
import { COMPLAINTS_CHANNEL, LINE_PROMISES, promisesOf, type CharterPromise } from '../model/commitments.js';
import { reviewStatus } from '../model/review-status.js';
import { workingCalendarOptions } from '../model/office-calendar.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { WorkingCalendar } from '../time/working-calendar.js';
import { reviewerFor } from '../time/rota.js';
import { formatDate, formatDays, formatTimeRange, SCHEMA_ORG_DAYS } from './format-dates.js';
import { exceptionRunViews } from './exception-runs.js';
import {
  CHANNEL_KEYS,
  COMMITMENT_SLOTS,
  commitmentSlotKey,
  fill,
  pageStrings,
  viewStrings,
  type AnsweredKind,
  type ChannelKey,
  type CommitmentSlot,
  type ViewStrings,
} from './strings.js';
import { glanceView } from './glance-view.js';
import { cardLinesOf } from './card-view.js';
import { pageLanguage, type PageLanguage } from './site-languages.js';
import {
  SITE_LANGUAGES,
  type AbsenceView,
  type AccessibilityServiceView,
  type AuthorityView,
  type ChannelView,
  type CharterView,
  type CommitmentView,
  type ComplaintsView,
  type ContactView,
  type CustomerGroupView,
  type DetailView,
  type GreetingView,
  type FeedbackView,
  type HoursExceptionView,
  type HoursView,
  type HtmlView,
  type ImprovementView,
  type OrganisationGroupView,
  type ReviewView,
  type ServicePromiseView,
  type ServiceView,
  type SiteLanguage,
  type TextView,
  type TouchpointView,
  type UnitListItemView,
} from './view-model.js';
import { durationInWords, everyInWords, formatAmountLimit, formatPercent, withinInWords } from './words.js';

/** What building a view needs from outside: today's date, the site's addresses and the Markdown renderer. */
export interface CharterViewContext {
  /** YYYY-MM-DD: review status, the current reviewer and upcoming exceptions are judged against it. */
  readonly today: string;
  urlOf(id: string, lang: string): string;
  cardUrlOf(id: string, lang: string): string;
  /** Markdown to sanitized HTML. */
  renderMarkdown(markdown: string): string;
}

/**
 * One charter in one language, ready for the templates. The charter is
 * normalized: every value is there and of its type. `lang` is a language the
 * charter is written in; its interface language, when the interface has no
 * wording in `lang`, is the first of the charter's languages that has one.
 */
export function buildCharterView(charter: Charter, lang: string | PageLanguage, context: CharterViewContext): CharterView {
  const page = typeof lang === 'string' ? pageLanguage(lang, charter.languages) : lang;
  const scope = new Scope(charter, page, context);
  const { unit } = charter;
  const name = scope.text(unit.name);
  const organisation = scope.text(unit.organisation);
  const summary = scope.html(unit.summary);
  const absence = absenceView(scope);
  const feedback = feedbackView(scope);
  const handover = handoverView(scope);
  const accessibilityLine = accessibilityLineOf(scope);
  const complaints = complaintsView(scope);
  const channels = channelViews(scope);
  const hours = hoursView(scope, charter.hours.weekly, charter.hours);

  return {
    id: charter.id,
    lang: page.lang,
    interfaceLang: page.ui,
    url: context.urlOf(charter.id, page.lang),
    cardUrl: context.cardUrlOf(charter.id, page.lang),
    name,
    ...(organisation ? { organisation } : {}),
    ...(summary ? { summary } : {}),
    owner: scope.contact(charter.owner),
    review: reviewView(scope),
    hours,
    contacts: charter.contacts.map((contact) => scope.contact(contact)),
    channels,
    cardLines: cardLinesOf(channels, hours),
    ...(charter.serviceLanguages.length > 0 ? { serviceLanguages: languageList(charter.serviceLanguages, scope) } : {}),
    customerGroups: customerGroupViews(scope),
    services: serviceViews(scope),
    ...(complaints ? { complaints } : {}),
    hoursNotes: hoursNotesOf(scope),
    ...(absence ? { absence } : {}),
    ...(feedback ? { feedback } : {}),
    ...(handover ? { handover } : {}),
    accessibility: accessibilityViews(scope),
    ...(accessibilityLine ? { accessibilityLine } : {}),
    touchpoints: touchpointViews(scope),
    authority: authorityViews(scope),
    guide: charter.guide.map((rule) => ({ title: scope.text(rule.title), text: scope.html(rule.text) })),
    improvements: improvementViews(scope),
    glance: glanceView({
      channels,
      escalateTo: feedback?.escalateTo ?? complaints?.stages.find((stage) => stage.escalateTo)?.escalateTo,
      today: context.today,
      lang: page.ui,
      asOf: scope.strings.todaysHours.asOf,
    }),
    jsonLd: serializeJsonLd(jsonLdOf(scope, name, organisation)),
  };
}

// ---------------------------------------------------------------------------
// Texts and contacts

/**
 * The page's languages and the view context: what showing a charter's texts
 * needs. `lang` is the interface's language (the html element's), in which
 * our own words are; texts are picked in `page.lang`, and marked foreign when
 * they are not in `lang` (a Sámi text on a page with a Finnish interface).
 */
class Texts {
  readonly lang: SiteLanguage;

  constructor(
    readonly page: PageLanguage,
    readonly context: CharterViewContext,
  ) {
    this.lang = page.ui;
  }

  /** A text in the page's language, or the charter's fallback for it, marked foreign when it is not in the interface's language. */
  text(value: LocalizedText): TextView;
  text(value: LocalizedText | undefined): TextView | undefined;
  text(value: LocalizedText | undefined): TextView | undefined {
    if (value === undefined) return undefined;
    const found = textIn(value, this.page.lang);
    return { text: found.text, lang: found.lang, foreign: found.lang !== this.lang };
  }

  /** Our own words, always in the page's language. */
  plain(text: string): TextView {
    return { text, lang: this.lang, foreign: false };
  }

  /** Markdown, rendered and sanitized by the injected renderer. */
  html(value: LocalizedText): HtmlView;
  html(value: LocalizedText | undefined): HtmlView | undefined;
  html(value: LocalizedText | undefined): HtmlView | undefined {
    const text = this.text(value);
    return text ? { html: this.context.renderMarkdown(text.text), lang: text.lang, foreign: text.foreign } : undefined;
  }

  contact(contact: Contact): ContactView {
    return contactView(contact, this);
  }
}

/** Texts, and the charter being shown with the interface words of the page's language. */
class Scope extends Texts {
  readonly strings: ViewStrings;

  constructor(
    readonly charter: Charter,
    page: PageLanguage,
    context: CharterViewContext,
  ) {
    super(page, context);
    this.strings = viewStrings(page.ui);
  }
}

function contactView(contact: Contact, scope: Texts): ContactView {
  // A name written as one string is a personal name: it is the same in every language.
  const name = typeof contact.name.written === 'string' ? scope.plain(contact.name.written) : scope.text(contact.name);
  const role = scope.text(contact.role);
  const phone = contact.phone === undefined ? undefined : phoneLink(contact.phone);
  const email = contact.email === undefined || contact.email === '' ? undefined : { display: contact.email, href: mailtoHref(contact.email) };
  return {
    id: contact.id,
    name,
    ...(role ? { role } : {}),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
}

/**
 * A contact to give feedback to, as a view in a language: the organisation's
 * owner on the accessibility statement. Undefined without an email address or
 * a phone number to reach them by.
 */
export function feedbackContactView(contact: Contact, lang: SiteLanguage | PageLanguage, context: CharterViewContext): ContactView | undefined {
  const view = contactView(contact, new Texts(typeof lang === 'string' ? { lang, ui: lang } : lang, context));
  return view.email || view.phone ? view : undefined;
}

/** A number as the schema allows it: digits, spaces, hyphens and brackets, then perhaps an extension after a word people write. */
const PHONE_NUMBER = /^(\+?[0-9(][0-9 ()-]*[0-9])(?:,? (?:ext\.?|x|alanumero|anknytning|ankn\.?) ?([0-9]{1,6}))?$/;

/**
 * A `tel:` URI (RFC 3966) for a number as people write it: the leading + and
 * the digits, an international number's `(0)` trunk prefix dropped
 * (`+44 (0)20 …` is dialled `+4420…`), an extension as `;ext=`. Undefined for
 * anything that is not a phone number (letters, `javascript:`), so no other
 * link can be made from a charter's number.
 */
export function telHref(phone: string): string | undefined {
  const match = PHONE_NUMBER.exec(phone.trim());
  if (!match) return undefined;
  const [, number = '', extension] = match;
  const international = number.startsWith('+');
  const digits = (international ? number.replace(/\(0\)/g, '') : number).replace(/[^0-9]/g, '');
  if (digits === '') return undefined;
  return `tel:${international ? '+' : ''}${digits}${extension === undefined ? '' : `;ext=${extension}`}`;
}

function phoneLink(phone: string): { display: string; href: string } | undefined {
  const href = telHref(phone);
  return href ? { display: phone, href } : undefined;
}

/** `mailto:` with each part percent-encoded, so an address cannot smuggle in `?subject=` or markup. */
export function mailtoHref(address: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1) return `mailto:${encodeURIComponent(address)}`;
  return `mailto:${encodeURIComponent(address.slice(0, at))}@${encodeURIComponent(address.slice(at + 1))}`;
}

/** Only http(s) addresses become links: a charter's text must never run script. */
function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value);
}

// ---------------------------------------------------------------------------
// Hours

/** Weekly rows, the exceptions still to come of `hours`, and its holiday note. */
function hoursView(scope: Scope, weekly: readonly OpeningPeriod[], hours: OfficeHours): HoursView {
  const rows = weekly.map((period) => ({
    days: formatDays(period.daysWritten, scope.lang),
    time: formatTimeRange(period.open.text, period.close.text, scope.lang),
  }));
  const holidays = holidaysNote(scope.strings, hours);
  const timeZone = timeZoneNote(scope, hours.timeZone);
  return {
    rows,
    exceptions: upcomingExceptions(scope, hours, weekly),
    ...(holidays ? { holidaysNote: holidays } : {}),
    ...(timeZone ? { timeZoneNote: timeZone } : {}),
  };
}

/** The holidays the office closes on, naming its calendar; none when the charter names no calendar (then the Finnish one counts, unsaid, as in format 1). */
function holidaysNote(strings: ViewStrings, hours: OfficeHours): string | undefined {
  const code = hours.holidays;
  if (code === undefined) return undefined;
  if (code === 'FI') return strings.holidaysNotes.finnish;
  const name = strings.holidayCalendars[code];
  if (name !== undefined) return fill(strings.holidaysNotes.named, { calendar: name });
  return fill(strings.holidaysNotes.unnamed, { calendar: hours.holidaysName ?? code });
}

/** "Times are in United Kingdom Time (Europe/London)." when the hours are not in the collection's time zone. */
function timeZoneNote(scope: Scope, timeZone: string): string | undefined {
  if (timeZone === DEFAULT_TIME_ZONE) return undefined;
  return fill(scope.strings.timeZoneNote, { zone: timeZone, zoneName: zoneNameIn(timeZone, scope.lang, scope.context.today) });
}

/**
 * The zone's generic name in the page language (Intl's "United Kingdom Time"), or the IANA name where Intl has none.
 * Named as of the build day: at 1970 (time 0) ICU knows zones that had no summer time then only by their
 * standard-time name ("Australian Eastern Standard Time"), wrong for half of today's year.
 */
function zoneNameIn(timeZone: string, lang: string, today: string): string {
  try {
    const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date(`${today}T12:00:00Z`));
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** Exceptions from today on, by date (the model keeps them sorted), days that say the same as one line (see exception-runs.ts). */
function upcomingExceptions(scope: Scope, hours: OfficeHours, weekly: readonly OpeningPeriod[]): HoursExceptionView[] {
  const days = hours.exceptions
    .filter((exception) => exception.date >= scope.context.today)
    .map((exception) => {
      const note = scope.text(exception.note);
      return {
        date: formatDate(exception.date, scope.lang),
        iso: exception.date,
        hours: exception.closed ? scope.strings.closed : formatTimeRange(exception.open.text, exception.close.text, scope.lang),
        closed: exception.closed,
        ...(note ? { note } : {}),
      };
    });
  return exceptionRunViews(days, weekly, scope.lang);
}

/**
 * A channel's own hours, when they differ from the unit's: other weekly
 * hours, or exceptions of its own still to come. The weekly rows are those in
 * force for the channel; the exceptions and holiday note are the channel's own.
 */
function channelHours(scope: Scope, channel: ChannelHours | undefined): HoursView | undefined {
  if (!channel?.ownHours) return undefined;
  const weekly = channel.hours.weekly;
  const view = hoursView(scope, weekly, channel.ownHours);
  const sameWeekly = JSON.stringify(weekly) === JSON.stringify(scope.charter.hours.weekly);
  return sameWeekly && view.exceptions.length === 0 ? undefined : view;
}

/**
 * The hours of the build's day ("Tänään 9.00–11.30, 12.30–15.00", "Today closed"), as the working calendar counts
 * them: that date's exception hours, else its weekday's, none on a weekend, public holiday or closed day. Undefined
 * when no weekly hours are given (nothing to say about any day).
 */
function todaysHours(scope: Scope, hours: OfficeHours): string | undefined {
  if (hours.weekly.length === 0) return undefined;
  const periods = openingMinutesToday(hours, scope.context.today);
  // Hours the calendar cannot read are reported by validate; the page then leaves today out.
  if (periods === undefined) return undefined;
  const words = scope.strings.todaysHours;
  if (periods.length === 0) return words.closed;
  const ranges = periods.map(([open, close]) => formatTimeRange(clockTime(open), clockTime(close), scope.lang));
  return fill(words.open, { hours: ranges.join(', ') });
}

type OpeningMinutes = readonly (readonly [number, number])[];

/** A charter's hours are the same for each of its languages' pages: work each day out once (undefined when unreadable). */
const OPENING_MINUTES = new WeakMap<OfficeHours, Map<string, OpeningMinutes | undefined>>();

function openingMinutesToday(hours: OfficeHours, today: string): OpeningMinutes | undefined {
  let days = OPENING_MINUTES.get(hours);
  if (!days) {
    days = new Map();
    OPENING_MINUTES.set(hours, days);
  }
  if (days.has(today)) return days.get(today);
  let periods: OpeningMinutes | undefined;
  try {
    periods = new WorkingCalendar(workingCalendarOptions(hours)).openingMinutesOn(today);
  } catch {
    periods = undefined;
  }
  days.set(today, periods);
  return periods;
}

/** Minutes since midnight as HH:MM. */
function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** What a Finnish reader would not assume about the unit's hours: a holiday calendar other than Finland's, a time zone other than the collection's. */
function hoursNotesOf(scope: Scope): string[] {
  const { hours } = scope.charter;
  const notes: string[] = [];
  const holidays = hours.holidays !== undefined && hours.holidays !== 'FI' ? holidaysNote(scope.strings, hours) : undefined;
  if (holidays) notes.push(holidays);
  const timeZone = timeZoneNote(scope, hours.timeZone);
  if (timeZone) notes.push(timeZone);
  return notes;
}

// ---------------------------------------------------------------------------
// Channels and commitments

/** Every line of every kind, in page order; each with every promise promisesOf finds on it. */
function channelViews(scope: Scope): ChannelView[] {
  const promises = promisesOf(scope.charter);
  return CHANNEL_KEYS.flatMap((key) => {
    const lines: readonly ChannelLine[] = scope.charter.channels[key];
    return lines.map((line, index) => {
      const own = promises.filter((promise) => promise.place.channel === key && promise.place.line === line.id);
      return channelView(scope, key, index, line, lineCommitments(scope, key, own));
    });
  });
}

/** The heading's id: the kind for a channel written as one object (as in format 1), the kind and the line's id for a listed line. */
function lineAnchor(key: ChannelKey, line: ChannelLine, index: number): string {
  if (line.id !== undefined) return `channel-${key}-${line.id}`;
  return index === 0 ? `channel-${key}` : `channel-${key}-${index + 1}`;
}

function channelView(scope: Scope, key: ChannelKey, index: number, line: ChannelLine, commitments: CommitmentView[]): ChannelView {
  const labels = scope.strings.details;
  const lineLabels = scope.strings.lineDetails;
  const { channels } = scope.charter;
  const details: DetailView[] = [];
  let hours: HoursView | undefined;
  let greeting: GreetingView | undefined;
  let number: { display: string; href: string } | undefined;
  const webAddress = (url: string | undefined): void => {
    if (url !== undefined && isWebUrl(url)) details.push({ label: lineLabels.webAddress, link: { href: url, text: url } });
  };
  const html = (label: string, value: LocalizedText | undefined): void => {
    const rendered = scope.html(value);
    if (rendered) details.push({ label, html: rendered });
  };
  switch (key) {
    case 'phone': {
      const phone = channels.phone[index];
      if (!phone) break;
      number = phoneLink(phone.number);
      if (number) details.push({ label: labels.phoneNumber, link: { href: number.href, text: number.display } });
      if (phone.charge) details.push({ label: labels.charge, text: scope.plain(scope.strings.charges[phone.charge]) });
      hours = channelHours(scope, phone);
      greeting = greetingView(scope, phone.greeting);
      break;
    }
    case 'email': {
      const email = channels.email[index];
      if (email && email.address !== '') details.push({ label: labels.emailAddress, link: { href: mailtoHref(email.address), text: email.address } });
      break;
    }
    case 'letter': {
      const letter = channels.letter[index];
      if (letter) details.push({ label: labels.postalAddress, text: scope.text(letter.address) });
      break;
    }
    case 'counter': {
      const counter = channels.counter[index];
      if (!counter) break;
      details.push({ label: labels.visitingAddress, text: scope.text(counter.address) });
      html(labels.appointments, counter.appointments);
      hours = channelHours(scope, counter);
      break;
    }
    case 'eservice': {
      const eservice = channels.eservice[index];
      if (!eservice) break;
      const name = scope.text(eservice.name);
      if (isWebUrl(eservice.url)) details.push({ label: labels.eservice, link: { href: eservice.url, text: name?.text ?? eservice.url } });
      else if (name) details.push({ label: labels.eservice, text: name });
      break;
    }
    case 'chat': {
      const chat = channels.chat[index];
      if (!chat) break;
      webAddress(chat.url);
      hours = channelHours(scope, chat);
      break;
    }
    case 'video': {
      const video = channels.video[index];
      if (!video) break;
      webAddress(video.url);
      html(lineLabels.booking, video.booking);
      hours = channelHours(scope, video);
      break;
    }
    case 'sms': {
      const sms = channels.sms[index];
      if (!sms) break;
      const link = phoneLink(sms.number);
      number = link ? { display: link.display, href: link.href.replace(/^tel:/, 'sms:').replace(/;ext=.*$/, '') } : undefined;
      if (number) details.push({ label: lineLabels.smsNumber, link: { href: number.href, text: number.display } });
      hours = channelHours(scope, sms);
      break;
    }
    case 'relay': {
      const relay = channels.relay[index];
      if (!relay) break;
      number = relay.number === undefined ? undefined : phoneLink(relay.number);
      if (number) details.push({ label: labels.phoneNumber, link: { href: number.href, text: number.display } });
      html(lineLabels.how, relay.how);
      hours = channelHours(scope, relay);
      break;
    }
    case 'suomifiMessages': {
      webAddress(channels.suomifiMessages[index]?.url);
      break;
    }
    case 'homeVisit': {
      const visit = channels.homeVisit[index];
      if (!visit) break;
      const area = scope.text(visit.area);
      if (area) details.push({ label: lineLabels.area, text: area });
      html(lineLabels.booking, visit.booking);
      hours = channelHours(scope, visit);
      break;
    }
  }
  // How the line is reached (its number, address or link): the first detail, unless a phone number was not one (then the charge is first).
  const first = details[0];
  const reach = first && !first.html && first.label !== labels.charge ? first : undefined;
  const today = 'hours' in line ? todaysHours(scope, (line as ChannelHours).hours) : undefined;
  if (line.audience.length > 0) details.push({ label: lineLabels.audience, text: scope.plain(groupList(scope, line.audience)) });
  if (line.serviceLanguages.length > 0) details.push({ label: lineLabels.serviceLanguages, text: scope.plain(languageList(line.serviceLanguages, scope)) });
  const title = scope.strings.channelTitles[key];
  // An e-service's name is the link to it, not the name of a line.
  const name = key === 'eservice' && line.id === undefined ? undefined : scope.text(line.name);
  const note = scope.html(line.note);
  return {
    key,
    ...(line.id === undefined ? {} : { line: line.id }),
    anchor: lineAnchor(key, line, index),
    title,
    heading: name ? fill(scope.strings.lineTitle, { channel: title, line: name.text }) : title,
    ...(name ? { name } : {}),
    details,
    commitments,
    ...(hours ? { hours } : {}),
    ...(greeting ? { greeting } : {}),
    ...(note ? { note } : {}),
    ...(number ? { number } : {}),
    ...(reach ? { reach } : {}),
    ...(today ? { today } : {}),
  };
}

/**
 * A line's promises as views: each promise key in the kind's order, its
 * variants as written, and after the answer promises the average speed of
 * answer and the abandonment rate.
 */
function lineCommitments(scope: Scope, key: ChannelKey, promises: readonly CharterPromise[]): CommitmentView[] {
  const order: readonly string[] = LINE_PROMISES[key];
  const measures = ['within', 'average', 'abandoned'];
  const rank = (promise: CharterPromise): number => order.indexOf(promise.place.commitment) * measures.length + measures.indexOf(promise.measure);
  return [...promises]
    .map((promise, index) => ({ promise, index }))
    .sort((a, b) => rank(a.promise) - rank(b.promise) || a.index - b.index)
    .flatMap(({ promise }) => {
      if (promise.measure === 'within') {
        const slot = COMMITMENT_SLOTS.find((candidate) => candidate.channel === key && candidate.commitment === promise.place.commitment);
        return slot ? [commitmentView(scope, slot, promise.promise)] : [];
      }
      if (key !== 'phone' && key !== 'chat') return [];
      return [promise.measure === 'average' ? averageView(scope, key, promise.promise) : abandonedView(scope, key, promise.promise)];
    });
}

/** Customer groups' names as a list in the page's language ("businesses and the public"). */
function groupList(scope: Scope, groups: readonly CustomerGroup[]): string {
  return listFormat(scope.lang).format(groups.map((group) => scope.text(group.name).text));
}

const LIST_FORMATS = new Map<SiteLanguage, Intl.ListFormat>();

function listFormat(lang: SiteLanguage): Intl.ListFormat {
  let format = LIST_FORMATS.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction' });
    LIST_FORMATS.set(lang, format);
  }
  return format;
}

/** A promise's sentence, prefixed by whom or what it is for when it is scoped ("For businesses: we answer…"). */
function scopedSentence(scope: Scope, sentence: string, promise: { readonly groups: readonly CustomerGroup[]; readonly service?: ServiceRef }): string {
  const patterns = scope.strings.promiseScope;
  const groups = promise.groups.length > 0 ? groupList(scope, promise.groups) : undefined;
  const service = promise.service ? scope.text(promise.service.name).text : undefined;
  const pattern = groups && service ? patterns.groupsAndService : groups ? patterns.groups : service ? patterns.service : undefined;
  if (pattern === undefined) return sentence;
  return fill(pattern, { groups: groups ?? '', service: service ?? '', sentence: lowerFirst(sentence, scope.lang) });
}

function lowerFirst(text: string, lang: SiteLanguage): string {
  return text.charAt(0).toLocaleLowerCase(lang) + text.slice(1);
}

function isScoped(promise: { readonly groups: readonly CustomerGroup[]; readonly service?: ServiceRef }): boolean {
  return promise.groups.length > 0 || promise.service !== undefined;
}

function averageView(scope: Scope, key: AnsweredKind, promise: AveragePromise): CommitmentView {
  const sentence = `${fill(scope.strings.averageAnswer[key], { within: withinInWords(promise.within, scope.lang) })}.`;
  return {
    key: 'averageAnswer',
    label: scope.strings.commitments[`${key}.answer`].label,
    within: durationInWords(promise.within, scope.lang),
    target: '',
    sentence: scopedSentence(scope, sentence, promise),
    ...(isScoped(promise) ? { scoped: true as const } : {}),
  };
}

function abandonedView(scope: Scope, key: AnsweredKind, promise: AbandonmentPromise): CommitmentView {
  const share = formatPercent(promise.atMost, scope.lang);
  const sentence = `${fill(scope.strings.abandoned[key], { share })}.`;
  return {
    key: 'abandoned',
    label: scope.strings.commitments[`${key}.answer`].label,
    within: share,
    target: share,
    sentence: scopedSentence(scope, sentence, promise),
    ...(isScoped(promise) ? { scoped: true as const } : {}),
  };
}

/**
 * A greeting with each `{name}` as a slot for the official's own name, worded
 * in the greeting's language when the site has it (the slot is part of the
 * quoted sentence), else in the page's.
 */
function greetingView(scope: Texts, greeting: LocalizedText | undefined): GreetingView | undefined {
  const text = scope.text(greeting);
  if (!text) return undefined;
  const slotLanguage = SITE_LANGUAGES.find((language) => language === text.lang) ?? scope.lang;
  const slot = { slot: viewStrings(slotLanguage).yourName, ...(slotLanguage === text.lang ? {} : { lang: slotLanguage }) };
  const parts = text.text
    .split(/(\{name\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{name}' ? slot : { text: part }));
  return { ...text, parts };
}

/** The feedback promises, one per slot (feedback has no variants). */
function commitmentViews(scope: Scope, slots: readonly CommitmentSlot[]): CommitmentView[] {
  const promises = promisesOf(scope.charter);
  return slots.flatMap((slot) => {
    const found = promises.find(
      (promise) => promise.measure === 'within' && promise.place.channel === slot.channel && promise.place.commitment === slot.commitment,
    );
    return found?.measure === 'within' ? [commitmentView(scope, slot, found.promise)] : [];
  });
}

function commitmentView(scope: Scope, slot: CommitmentSlot, commitment: Commitment): CommitmentView {
  const { within, target, otherwise } = commitment;
  const words = scope.strings.commitments[commitmentSlotKey(slot)];
  const withinWords = withinInWords(within, scope.lang);
  const sentence = `${fill(words.sentence, { within: withinWords })}${targetClause(scope, target)}.`;
  const targetText = formatPercent(target, scope.lang);
  return {
    key: slot.commitment,
    label: words.label,
    within: durationInWords(within, scope.lang),
    target: targetText,
    sentence: scopedSentence(scope, sentence, commitment),
    brief: scopedSentence(scope, `${fill(words.sentence, { within: withinWords })}.`, commitment),
    ...(otherwise ? { otherwise: scope.text(otherwise) } : {}),
    ...(isScoped(commitment)
      ? { scoped: true as const, short: scopedSentence(scope, target < 1 ? `${withinWords} (${targetText})` : withinWords, commitment) }
      : {}),
  };
}

function targetClause(scope: Scope, target: number): string {
  return target < 1 ? fill(scope.strings.targetClause, { target: formatPercent(target, scope.lang) }) : '';
}

// ---------------------------------------------------------------------------
// Services, complaints, customer groups

function serviceViews(scope: Scope): ServiceView[] {
  return scope.charter.services.map((service) => {
    const description = scope.html(service.description);
    const clockStarts = clockStartsSentence(scope, service.clockStarts);
    return {
      id: service.id,
      anchor: `service-${service.id}`,
      name: scope.text(service.name),
      ...(service.url !== undefined && isWebUrl(service.url) ? { link: { href: service.url, text: scope.strings.serviceLink } } : {}),
      ...(description ? { description } : {}),
      ...(clockStarts ? { clockStarts } : {}),
      promises: service.promises.map((promise) => servicePromiseView(scope, promise, clockStarts)),
    };
  });
}

function servicePromiseView(scope: Scope, promise: ServicePromise, serviceClockStarts: string | undefined): ServicePromiseView {
  const name = scope.text(promise.name);
  const within = withinInWords(promise.within, scope.lang);
  const sentence = `${fill(scope.strings.servicePromise, { name: name.text, within })}${targetClause(scope, promise.target)}.`;
  const clockStarts = clockStartsSentence(scope, promise.clockStarts);
  return {
    key: promise.id,
    label: name.text,
    name,
    within: durationInWords(promise.within, scope.lang),
    target: formatPercent(promise.target, scope.lang),
    sentence: scopedSentence(scope, sentence, { groups: promise.groups }),
    ...(promise.otherwise ? { otherwise: scope.text(promise.otherwise) } : {}),
    ...(promise.groups.length > 0 ? { scoped: true as const } : {}),
    ...(clockStarts && clockStarts !== serviceClockStarts ? { clockStarts } : {}),
  };
}

function clockStartsSentence(scope: Scope, clockStarts: LocalizedText | undefined): string | undefined {
  const text = scope.text(clockStarts);
  return text ? fill(scope.strings.clockStarts, { clockStarts: text.text }) : undefined;
}

function complaintsView(scope: Scope): ComplaintsView | undefined {
  const { complaints } = scope.charter;
  if (!complaints) return undefined;
  const promises = promisesOf(scope.charter).filter((promise) => promise.place.channel === COMPLAINTS_CHANNEL);
  const how = scope.html(complaints.how);
  return {
    ...(how ? { how } : {}),
    stages: complaints.stages.map((stage) => {
      const stageHow = scope.html(stage.how);
      const commitments = promises.flatMap((promise) => {
        if (promise.place.line !== stage.id || promise.measure !== 'within') return [];
        const slot = COMMITMENT_SLOTS.find((candidate) => candidate.channel === COMPLAINTS_CHANNEL && candidate.commitment === promise.place.commitment);
        return slot ? [commitmentView(scope, slot, promise.promise)] : [];
      });
      return {
        id: stage.id,
        anchor: `complaint-stage-${stage.id}`,
        name: scope.text(stage.name),
        ...(stageHow ? { how: stageHow } : {}),
        commitments,
        ...(stage.escalateTo ? { escalateTo: scope.contact(stage.escalateTo) } : {}),
      };
    }),
    external: complaints.external.map((body) => {
      const name = scope.text(body.name);
      const bodyHow = scope.html(body.how);
      return {
        kind: body.body,
        kindName: scope.strings.externalBodies[body.body],
        name,
        ...(body.url !== undefined && isWebUrl(body.url) ? { link: { href: body.url, text: body.url } } : {}),
        ...(bodyHow ? { how: bodyHow } : {}),
      };
    }),
  };
}

/** The customer groups, when the charter describes one of them (a group's name alone is shown where it is used). */
function customerGroupViews(scope: Scope): CustomerGroupView[] {
  const groups = scope.charter.customerGroups;
  if (!groups.some((group) => group.description !== undefined)) return [];
  return groups.map((group) => {
    const description = scope.html(group.description);
    return { id: group.id, name: scope.text(group.name), ...(description ? { description } : {}) };
  });
}

// ---------------------------------------------------------------------------
// Review

/** ok, due-soon or overdue against today (the one review-status policy, src/model/review-status.ts). */
export function reviewStatusOf(charter: Charter, today: string): ReviewView['status'] {
  return reviewStatus(charter.review.next, today).status;
}

function reviewView(scope: Scope): ReviewView {
  const { review } = scope.charter;
  const status = reviewStatusOf(scope.charter, scope.context.today);
  const approvedBy = scope.text(review.approvedBy);
  const assignment = reviewerFor(
    { approved: review.approved, every: review.every.written, rota: review.rota.map((contact) => contact.id) },
    scope.context.today,
  );
  const reviewerContact = assignment ? review.rota[assignment.index] : undefined;
  const reviewer =
    assignment && reviewerContact
      ? {
          name: scope.contact(reviewerContact).name,
          periodFrom: formatDate(assignment.periodFrom, scope.lang),
          periodTo: formatDate(assignment.periodTo, scope.lang),
        }
      : undefined;
  return {
    approved: { date: formatDate(review.approved, scope.lang), iso: review.approved },
    ...(approvedBy ? { approvedBy } : {}),
    next: { date: formatDate(review.next, scope.lang), iso: review.next },
    every: everyInWords(review.every, scope.lang),
    status,
    statusText: fill(scope.strings.reviewStatus[status], { date: formatDate(review.next, scope.lang) }),
    ...(reviewer ? { reviewer } : {}),
  };
}

// ---------------------------------------------------------------------------
// Absence, feedback, handover

function absenceView(scope: Scope): AbsenceView | undefined {
  const { absence } = scope.charter;
  if (!absence) return undefined;
  const outOfOffice = scope.text(absence.outOfOffice);
  return {
    notify: absence.notify.map((contact) => scope.contact(contact)),
    ...(absence.notice ? { notice: durationInWords(absence.notice, scope.lang) } : {}),
    ...(absence.substitute ? { substitute: scope.strings.substitute[absence.substitute] } : {}),
    ...(outOfOffice ? { outOfOffice } : {}),
    textsWhere: fill(scope.strings.awayTextsWhere, { heading: pageStrings(scope.lang).awayHeading }),
  };
}

function feedbackView(scope: Scope): FeedbackView | undefined {
  const { feedback } = scope.charter;
  if (!feedback) return undefined;
  const channel = scope.html(feedback.channel);
  return {
    ...(channel ? { channel } : {}),
    commitments: commitmentViews(
      scope,
      COMMITMENT_SLOTS.filter((slot) => slot.channel === 'feedback'),
    ),
    ...(feedback.escalateTo ? { escalateTo: scope.contact(feedback.escalateTo) } : {}),
  };
}

function handoverView(scope: Scope): CharterView['handover'] {
  const { handover } = scope.charter;
  if (!handover) return undefined;
  const record = scope.html(handover.record);
  return { ...(record ? { record } : {}), rules: handover.rules.map((rule) => scope.html(rule)) };
}

// ---------------------------------------------------------------------------
// Accessibility services

function accessibilityViews(scope: Scope): AccessibilityServiceView[] {
  const labels = scope.strings.accessibilityDetails;
  return scope.charter.accessibility.map((entry) => {
    const details: DetailView[] = [];
    if (entry.languages.length > 0) details.push({ label: labels.languages, text: scope.plain(languageList(entry.languages, scope)) });
    // Channel titles are headings; after the first they read as words in a list.
    const channels = offeredAt(entry).map((key, index) =>
      index === 0 ? scope.strings.channelTitles[key] : scope.strings.channelTitles[key].toLocaleLowerCase(scope.lang),
    );
    if (channels.length > 0) details.push({ label: labels.channels, text: scope.plain(channels.join(', ')) });
    const how = scope.html(entry.how);
    if (how) details.push({ label: labels.how, html: how });
    const note = scope.html(entry.note);
    return { service: entry.service, name: scope.strings.accessibilityServices[entry.service].name, details, ...(note ? { note } : {}) };
  });
}

/** The channels a service names that the interface knows, in the charter's order. */
function offeredAt(entry: AccessibilityService): ChannelKey[] {
  return entry.channels.filter((key): key is ChannelKey => (CHANNEL_KEYS as readonly string[]).includes(key));
}

/** "Viittomakieli, selkokieli, induktiosilmukka": the first name as it stands alone, the rest as they read in a list. */
function accessibilityLineOf(scope: Scope): string | undefined {
  const names = scope.charter.accessibility.map((entry, index) => {
    const words = scope.strings.accessibilityServices[entry.service];
    return index === 0 ? words.name : words.inList;
  });
  return names.length > 0 ? names.join(', ') : undefined;
}

/** Language tags as names in the page's language: the interface's own names first (sign languages), then Intl's, else the tag. */
function languageList(tags: readonly string[], scope: Scope): string {
  const display = languageDisplayNames(scope.lang);
  return tags
    .map((tag) => {
      const own = scope.strings.languageNames[tag];
      if (own !== undefined) return own;
      try {
        return display?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    })
    .join(', ');
}

const DISPLAY_NAMES = new Map<SiteLanguage, Intl.DisplayNames | undefined>();

function languageDisplayNames(lang: SiteLanguage): Intl.DisplayNames | undefined {
  if (!DISPLAY_NAMES.has(lang)) {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' });
    } catch {
      names = undefined;
    }
    DISPLAY_NAMES.set(lang, names);
  }
  return DISPLAY_NAMES.get(lang);
}

// ---------------------------------------------------------------------------
// Touchpoints, authority, improvements

function touchpointViews(scope: Scope): TouchpointView[] {
  return scope.charter.touchpoints.map((touchpoint) => {
    const description = scope.html(touchpoint.description);
    return {
      id: touchpoint.id,
      name: scope.text(touchpoint.name),
      channel: (CHANNEL_KEYS as readonly string[]).includes(touchpoint.channel) ? scope.strings.channelTitles[touchpoint.channel] : touchpoint.channel,
      ...(touchpoint.owner ? { owner: scope.contact(touchpoint.owner) } : {}),
      ...(description ? { description } : {}),
    };
  });
}

function authorityViews(scope: Scope): AuthorityView[] {
  return scope.charter.authority.map((right) => {
    const limit =
      right.limit === undefined
        ? undefined
        : right.limit.kind === 'duration'
          ? durationInWords(right.limit.duration, scope.lang)
          : formatAmountLimit(right.limit.written, scope.lang);
    return {
      id: right.id,
      decision: scope.text(right.decision),
      ...(limit ? { limit } : {}),
      ...(right.escalateTo ? { escalateTo: scope.contact(right.escalateTo) } : {}),
    };
  });
}

/** Newest first; entries of the same date keep their order. */
function improvementViews(scope: Scope): ImprovementView[] {
  return scope.charter.improvements
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date === b.entry.date ? a.index - b.index : a.entry.date < b.entry.date ? 1 : -1))
    .map(({ entry }) => ({ date: formatDate(entry.date, scope.lang), iso: entry.date, said: scope.text(entry.said), did: scope.html(entry.did) }));
}

// ---------------------------------------------------------------------------
// schema.org JSON-LD

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

function jsonLdOf(scope: Scope, name: TextView, organisation: TextView | undefined): Json {
  const { charter } = scope;
  const channels: Json[] = [];
  for (const key of CHANNEL_KEYS) {
    charter.channels[key].forEach((line: ChannelLine, index) => channels.push(channelJsonLd(scope, key, index, line)));
  }
  const services = charter.services.map((service): Json => {
    const groups = uniqueGroups(service.promises.flatMap((promise) => promise.groups));
    const description = scope.text(service.description);
    return {
      '@type': 'GovernmentService',
      name: scope.text(service.name).text,
      ...(service.url !== undefined && isWebUrl(service.url) ? { url: service.url } : {}),
      ...(description ? { description: description.text } : {}),
      ...(groups.length > 0 ? { audience: groups.map((group) => audienceJsonLd(scope, group)) } : {}),
    };
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: name.text,
    // The language of the page's texts (`se` on a Sámi page), not of the interface around them.
    inLanguage: scope.page.lang,
    ...(organisation ? { provider: { '@type': 'GovernmentOrganization', name: organisation.text } } : {}),
    availableLanguage: [...(charter.serviceLanguages.length > 0 ? charter.serviceLanguages : charter.languages)],
    ...(channels.length > 0 ? { availableChannel: channels } : {}),
    ...(services.length > 0 ? { isRelatedTo: services } : {}),
  };
}

/** One channel line as a schema.org ServiceChannel: its name, languages, and how it is reached. */
function channelJsonLd(scope: Scope, key: ChannelKey, index: number, line: ChannelLine): Json {
  const { channels } = scope.charter;
  const languages = availableLanguages(scope.charter, key, line);
  const lineName = key === 'eservice' && line.id === undefined ? undefined : scope.text(line.name);
  const entry: Record<string, Json> = {
    '@type': 'ServiceChannel',
    name: lineName ? fill(scope.strings.lineTitle, { channel: scope.strings.channelTitles[key], line: lineName.text }) : scope.strings.channelTitles[key],
    availableLanguage: languages,
  };
  if (line.audience.length > 0) entry.audience = line.audience.map((group) => audienceJsonLd(scope, group));
  const contactPoint = (telephone: string, hours: OfficeHours): Json => {
    const available = openingHours(hours);
    return {
      '@type': 'ContactPoint',
      telephone,
      contactType: 'customer service',
      availableLanguage: languages,
      ...(available.length > 0 ? { hoursAvailable: available } : {}),
    };
  };
  const url = (value: string | undefined): void => {
    if (value !== undefined && isWebUrl(value)) entry.serviceUrl = value;
  };
  switch (key) {
    case 'phone': {
      const phone = channels.phone[index];
      if (phone) entry.servicePhone = contactPoint(phone.number, phone.hours);
      break;
    }
    case 'email': {
      const email = channels.email[index];
      if (email) entry.serviceUrl = mailtoHref(email.address);
      break;
    }
    case 'letter': {
      const letter = channels.letter[index];
      if (letter) entry.servicePostalAddress = scope.text(letter.address).text;
      break;
    }
    case 'counter': {
      const counter = channels.counter[index];
      if (!counter) break;
      const hours = openingHours(counter.hours);
      const features = amenityFeatures(scope);
      entry.serviceLocation = {
        '@type': 'Place',
        address: scope.text(counter.address).text,
        ...(hours.length > 0 ? { openingHoursSpecification: hours } : {}),
        ...(features.length > 0 ? { amenityFeature: features } : {}),
      };
      break;
    }
    case 'eservice': {
      const eservice = channels.eservice[index];
      if (!eservice) break;
      const serviceName = scope.text(eservice.name);
      if (serviceName) entry.name = serviceName.text;
      url(eservice.url);
      break;
    }
    case 'chat':
      url(channels.chat[index]?.url);
      break;
    case 'video':
      url(channels.video[index]?.url);
      break;
    case 'sms': {
      const sms = channels.sms[index];
      if (sms) entry.serviceSmsNumber = contactPoint(sms.number, sms.hours);
      break;
    }
    case 'relay': {
      const relay = channels.relay[index];
      if (relay?.number !== undefined) entry.servicePhone = contactPoint(relay.number, relay.hours);
      break;
    }
    case 'suomifiMessages':
      url(channels.suomifiMessages[index]?.url);
      break;
    case 'homeVisit': {
      const area = scope.text(channels.homeVisit[index]?.area);
      if (area) entry.description = area.text;
      break;
    }
  }
  return entry;
}

function audienceJsonLd(scope: Scope, group: CustomerGroup): Json {
  return { '@type': 'Audience', audienceType: scope.text(group.name).text };
}

function uniqueGroups(groups: readonly CustomerGroup[]): CustomerGroup[] {
  return groups.filter((group, index) => groups.findIndex((other) => other.id === group.id) === index);
}

/** Whether an accessibility service is offered at a channel: where it says, or, naming none, wherever it applies (relay calls are phone calls). */
function offeredAtChannel(entry: AccessibilityService, key: ChannelKey): boolean {
  if (entry.channels.length > 0) return entry.channels.includes(key);
  return entry.service !== 'relay' || key === 'phone';
}

/**
 * The languages a line serves in (its own, else the unit's service
 * languages, else the languages the charter is written in), and the sign
 * languages customers are served in at this kind of channel (schema.org
 * takes BCP 47 tags such as `fse`).
 */
function availableLanguages(charter: Charter, key: ChannelKey, line: ChannelLine): Json[] {
  const own = line.serviceLanguages.length > 0 ? line.serviceLanguages : charter.serviceLanguages.length > 0 ? charter.serviceLanguages : charter.languages;
  const languages = new Set<string>(own);
  for (const entry of charter.accessibility) {
    if (entry.service === 'sign-language' && offeredAtChannel(entry, key)) for (const tag of entry.languages) languages.add(tag);
  }
  return [...languages];
}

/** The accessibility services of the service point, as the Place's amenity features. */
function amenityFeatures(scope: Scope): Json[] {
  return scope.charter.accessibility
    .filter((entry) => offeredAtChannel(entry, 'counter'))
    .map((entry) => ({ '@type': 'LocationFeatureSpecification', name: scope.strings.accessibilityServices[entry.service].name, value: true }));
}

/** Weekly hours in force as OpeningHoursSpecification; closed on public holidays when the charter names its calendar. */
function openingHours(hours: OfficeHours): Json[] {
  const specs: Json[] = hours.weekly.map((period) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: period.days.map((day) => SCHEMA_ORG_DAYS[day]),
    opens: period.open.text,
    closes: period.close.text,
  }));
  if (specs.length > 0 && hours.holidays !== undefined) {
    specs.push({ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/PublicHolidays', opens: '00:00', closes: '00:00' });
  }
  return specs;
}

/** JSON that cannot end or confuse a <script> element: <, >, & and the JS line separators are escaped. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---------------------------------------------------------------------------
// The A–Z list

/**
 * A unit in the A–Z list: its name in the page language, the address of its
 * page (in the page language if the charter has it, else in its first site
 * language), the first sentence of its summary as plain text, and its review status.
 */
export function buildUnitListItem(charter: Charter, lang: SiteLanguage | PageLanguage, context: CharterViewContext): UnitListItemView {
  const page = typeof lang === 'string' ? { lang, ui: lang } : lang;
  const scope = new Scope(charter, page, context);
  const languages: readonly string[] = charter.languages;
  // The charter's page in the list's language, else in the first language it shares with the interface, else in its first.
  const pageLanguage = languages.includes(page.lang)
    ? page.lang
    : (languages.find((language) => language === page.ui) ??
      languages.find((language) => (SITE_LANGUAGES as readonly string[]).includes(language)) ??
      languages[0] ??
      page.lang);
  const summary = scope.html(charter.unit.summary);
  const summaryText = summary ? firstSentence(htmlToText(summary.html)) : '';
  const organisation = scope.text(charter.unit.organisation);
  return {
    id: charter.id,
    name: scope.text(charter.unit.name),
    url: context.urlOf(charter.id, pageLanguage),
    ...(summaryText !== '' ? { summaryText } : {}),
    reviewStatus: reviewStatusOf(charter, context.today),
    ...(organisation ? { organisation } : {}),
  };
}

/**
 * Units grouped by organisation, groups and units A–Z by the page language's
 * collation (in Finnish and Swedish å, ä and ö come after z). Units without
 * an organisation form a last, unnamed group.
 */
export function groupUnitsByOrganisation(items: readonly UnitListItemView[], lang: SiteLanguage | PageLanguage): OrganisationGroupView[] {
  // Names are in the page's language (Sámi on /se/: č after c, š after s), sorted by its collation where the runtime has one.
  const page = typeof lang === 'string' ? { lang, ui: lang } : lang;
  const collator = new Intl.Collator([page.lang, page.ui]);
  const groups = new Map<string, { name: TextView; units: UnitListItemView[] }>();
  for (const item of items) {
    const name = item.organisation ?? { text: '', lang: page.ui, foreign: false };
    const group = groups.get(name.text) ?? { name, units: [] };
    group.units.push(item);
    groups.set(name.text, group);
  }
  const byName = (a: { name: TextView }, b: { name: TextView }): number => collator.compare(a.name.text, b.name.text);
  return [...groups.values()]
    .sort((a, b) => (a.name.text === '' ? 1 : b.name.text === '' ? -1 : byName(a, b)))
    .map((group) => ({
      name: group.name,
      units: [...group.units].sort((a, b) => byName(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    }));
}

/** Sanitized HTML to plain text: tags dropped (a block's end a space, an inline one nothing: "**well**." is "well."), the entities a sanitizer writes decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/?(?:p|br|li|ul|ol|h[1-6]|div|blockquote|pre|hr|table|tr|td|th)\b[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&#x0*27;|&apos;/gi, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Up to the first full stop, question or exclamation mark that is followed by a capital letter or the end. */
function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?=\s+\p{Lu}|\s*$)/su.exec(text);
  return match?.[1] ?? text;
}
