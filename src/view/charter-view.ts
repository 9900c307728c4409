import { getPath, isPlainObject, type CharterData } from '../model/charter-data.js';
import type { JsonPath } from '../model/diagnostic.js';
import { COMMITMENT_SLOTS, type CommitmentSlot } from '../model/commitments.js';
import { isTextMap } from '../load/merge.js';
import { nextReviewDate, reviewStatus } from '../model/review-status.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { parseDuration, parseTarget } from '../time/duration.js';
import { reviewerFor } from '../time/rota.js';
import { expandDays, minutesOf } from '../time/weekly-hours.js';
import { durationInWords, everyInWords, formatAmountLimit, formatPercent, withinInWords } from './words.js';
import { formatDate, formatDays, formatTimeRange, SCHEMA_ORG_DAYS } from './format-dates.js';
import {
  SITE_LANGUAGES,
  type AbsenceView,
  type AuthorityView,
  type ChannelView,
  type CharterView,
  type CommitmentView,
  type ContactView,
  type DetailView,
  type FeedbackView,
  type GuideRuleView,
  type HoursExceptionView,
  type HoursRowView,
  type HoursView,
  type HtmlView,
  type ImprovementView,
  type OrganisationGroupView,
  type ReviewView,
  type SiteLanguage,
  type TextView,
  type TouchpointView,
  type UnitListItemView,
} from './view-model.js';
import { CHANNEL_KEYS, commitmentSlotKey, fill, viewStrings, type ChannelKey, type ViewStrings } from './strings.js';

/** What building a view needs from outside: today's date, the site's addresses and the Markdown renderer. */
export interface CharterViewContext {
  /** YYYY-MM-DD: review status, the current reviewer and upcoming exceptions are judged against it. */
  readonly today: string;
  urlOf(id: string, lang: SiteLanguage): string;
  cardUrlOf(id: string, lang: SiteLanguage): string;
  /** Markdown to sanitized HTML. */
  renderMarkdown(markdown: string): string;
}

/**
 * One charter in one language, ready for the templates. Reads the (merged)
 * data defensively: a value of the wrong shape is left out rather than thrown on.
 */
export function buildCharterView(charter: { readonly data: CharterData }, lang: SiteLanguage, context: CharterViewContext): CharterView {
  const scope = new Scope(charter.data, lang, context);
  const { data } = charter;
  const id = typeof data.id === 'string' ? data.id : '';
  const unitHours = objectAt(data, ['hours']);

  const name = scope.text(getPath(data, ['unit', 'name'])) ?? scope.plain(id);
  const organisation = scope.text(getPath(data, ['unit', 'organisation']));
  const summary = scope.html(getPath(data, ['unit', 'summary']));
  const owner = scope.contact(data.owner);
  const absence = absenceView(scope);
  const feedback = feedbackView(scope);
  const handover = handoverView(scope);
  const channels = channelViews(scope, unitHours);

  return {
    id,
    lang,
    url: context.urlOf(id, lang),
    cardUrl: context.cardUrlOf(id, lang),
    name,
    ...(organisation ? { organisation } : {}),
    ...(summary ? { summary } : {}),
    ...(owner ? { owner } : {}),
    review: reviewView(scope),
    hours: hoursView(scope, unitHours, unitHours?.weekly),
    contacts: listAt(data, ['contacts']).flatMap((contact) => {
      const view = isPlainObject(contact) ? scope.contactFrom(contact) : undefined;
      return view ? [view] : [];
    }),
    channels,
    ...(absence ? { absence } : {}),
    ...(feedback ? { feedback } : {}),
    ...(handover ? { handover } : {}),
    touchpoints: touchpointViews(scope),
    authority: authorityViews(scope),
    guide: guideViews(scope),
    improvements: improvementViews(scope),
    jsonLd: serializeJsonLd(jsonLdOf(scope, name, organisation, unitHours)),
  };
}

// ---------------------------------------------------------------------------
// Texts and contacts

/** The page language, the charter's languages and its contacts: what picking texts needs. */
class Scope {
  readonly strings: ViewStrings;
  readonly languages: readonly string[];
  private readonly contacts = new Map<string, Record<string, unknown>>();

  constructor(
    readonly data: CharterData,
    readonly lang: SiteLanguage,
    readonly context: CharterViewContext,
  ) {
    this.strings = viewStrings(lang);
    this.languages = listAt(data, ['languages']).filter((language): language is string => typeof language === 'string');
    for (const contact of listAt(data, ['contacts'])) {
      if (isPlainObject(contact) && typeof contact.id === 'string' && !this.contacts.has(contact.id)) this.contacts.set(contact.id, contact);
    }
  }

  /** The language a plain string is written in: the charter's first. */
  get defaultLanguage(): string {
    return this.languages[0] ?? this.lang;
  }

  /** A text in the page's language if the charter has it, else its first language, else any. */
  text(value: unknown): TextView | undefined {
    if (typeof value === 'string') return value === '' ? undefined : { text: value, lang: this.defaultLanguage, foreign: this.defaultLanguage !== this.lang };
    if (!isTextMap(value)) return undefined;
    for (const language of [this.lang, ...this.languages, ...Object.keys(value)]) {
      const text = value[language];
      if (typeof text === 'string' && text !== '') return { text, lang: language, foreign: language !== this.lang };
    }
    return undefined;
  }

  /** Our own words, always in the page's language. */
  plain(text: string): TextView {
    return { text, lang: this.lang, foreign: false };
  }

  /** Markdown, rendered and sanitized by the injected renderer. */
  html(value: unknown): HtmlView | undefined {
    const text = this.text(value);
    return text ? { html: this.context.renderMarkdown(text.text), lang: text.lang, foreign: text.foreign } : undefined;
  }

  contact(id: unknown): ContactView | undefined {
    const contact = typeof id === 'string' ? this.contacts.get(id) : undefined;
    return contact ? this.contactFrom(contact) : undefined;
  }

  contactFrom(contact: Record<string, unknown>): ContactView | undefined {
    if (typeof contact.id !== 'string') return undefined;
    // A plain-string name is a personal name: it is the same in every language.
    const name = typeof contact.name === 'string' && contact.name !== '' ? this.plain(contact.name) : (this.text(contact.name) ?? this.plain(contact.id));
    const role = this.text(contact.role);
    const phone = typeof contact.phone === 'string' ? phoneLink(contact.phone) : undefined;
    const email = typeof contact.email === 'string' && contact.email !== '' ? { display: contact.email, href: mailtoHref(contact.email) } : undefined;
    return {
      id: contact.id,
      name,
      ...(role ? { role } : {}),
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    };
  }
}

/**
 * The contact a charter names as its `owner`, as a view: for an organisation
 * baseline, whom to give feedback on the whole guide (the accessibility
 * statement names it). Undefined without an owner that is a contact with an
 * email address or a phone number.
 */
export function ownerContactView(charter: { readonly data: CharterData }, lang: SiteLanguage, context: CharterViewContext): ContactView | undefined {
  const contact = new Scope(charter.data, lang, context).contact(charter.data.owner);
  return contact && (contact.email || contact.phone) ? contact : undefined;
}

/** `tel:` with the leading + and digits only; undefined when there are no digits. */
export function telHref(phone: string): string | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits === '') return undefined;
  return `tel:${phone.trim().startsWith('+') ? '+' : ''}${digits}`;
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

function isWebUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https?:\/\/[^\s]+$/i.test(value);
}

// ---------------------------------------------------------------------------
// Hours

function hoursView(scope: Scope, hours: Record<string, unknown> | undefined, weekly: unknown): HoursView {
  const rows: HoursRowView[] = [];
  for (const row of Array.isArray(weekly) ? weekly : []) {
    if (!isPlainObject(row) || typeof row.open !== 'string' || typeof row.close !== 'string') continue;
    const days = daysSpec(row.days);
    if (days === undefined) continue;
    rows.push({ days: formatDays(days, scope.lang), time: formatTimeRange(row.open, row.close, scope.lang) });
  }
  const holidays = hours?.holidays;
  const holidaysNote = typeof holidays === 'string' ? scope.strings.holidaysNotes[holidays] : undefined;
  return { rows, exceptions: upcomingExceptions(scope, hours?.exceptions), ...(holidaysNote ? { holidaysNote } : {}) };
}

function daysSpec(days: unknown): string | string[] | undefined {
  if (typeof days === 'string') return days;
  if (Array.isArray(days) && days.every((day) => typeof day === 'string')) return days as string[];
  return undefined;
}

/** Exceptions from today on, by date. */
function upcomingExceptions(scope: Scope, exceptions: unknown): HoursExceptionView[] {
  const upcoming = (Array.isArray(exceptions) ? exceptions : [])
    .filter((entry): entry is Record<string, unknown> & { date: string } => isPlainObject(entry) && isCalendarDate(entry.date))
    .filter((entry) => entry.date >= scope.context.today)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return upcoming.map((entry) => {
    const open = typeof entry.open === 'string' && minutesOf(entry.open) !== undefined ? entry.open : undefined;
    const close = typeof entry.close === 'string' && minutesOf(entry.close) !== undefined ? entry.close : undefined;
    const closed = entry.closed === true || open === undefined || close === undefined;
    const note = scope.text(entry.note);
    return {
      date: formatDate(entry.date, scope.lang),
      iso: entry.date,
      hours: closed ? scope.strings.closed : formatTimeRange(open, close, scope.lang),
      closed,
      ...(note ? { note } : {}),
    };
  });
}

// ---------------------------------------------------------------------------
// Channels and commitments

function channelViews(scope: Scope, unitHours: Record<string, unknown> | undefined): ChannelView[] {
  const views: ChannelView[] = [];
  for (const key of CHANNEL_KEYS) {
    const channel = objectAt(scope.data, ['channels', key]);
    if (channel) views.push(channelView(scope, key, channel, unitHours));
  }
  return views;
}

function channelView(scope: Scope, key: ChannelKey, channel: Record<string, unknown>, unitHours: Record<string, unknown> | undefined): ChannelView {
  const labels = scope.strings.details;
  const details: DetailView[] = [];
  const textDetail = (label: string, value: unknown): void => {
    const text = scope.text(value);
    if (text) details.push({ label, text });
  };
  switch (key) {
    case 'phone': {
      const phone = typeof channel.number === 'string' ? phoneLink(channel.number) : undefined;
      if (phone) details.push({ label: labels.phoneNumber, link: { href: phone.href, text: phone.display } });
      const charge = typeof channel.charge === 'string' && Object.hasOwn(scope.strings.charges, channel.charge)
        ? scope.strings.charges[channel.charge as keyof ViewStrings['charges']]
        : undefined;
      if (charge) details.push({ label: labels.charge, text: scope.plain(charge) });
      break;
    }
    case 'email':
      if (typeof channel.address === 'string' && channel.address !== '') {
        details.push({ label: labels.emailAddress, link: { href: mailtoHref(channel.address), text: channel.address } });
      }
      break;
    case 'letter':
      textDetail(labels.postalAddress, channel.address);
      break;
    case 'counter': {
      textDetail(labels.visitingAddress, channel.address);
      const appointments = scope.html(channel.appointments);
      if (appointments) details.push({ label: labels.appointments, html: appointments });
      break;
    }
    case 'eservice': {
      const name = scope.text(channel.name);
      if (isWebUrl(channel.url)) details.push({ label: labels.eservice, link: { href: channel.url, text: name?.text ?? channel.url } });
      else if (name) details.push({ label: labels.eservice, text: name });
      break;
    }
  }

  const commitments = commitmentViews(scope, COMMITMENT_SLOTS.filter((slot) => slot.group === 'channels' && slot.channel === key), channel);
  const hours = key === 'phone' || key === 'counter' ? channelHours(scope, channel.hours, unitHours) : undefined;
  const greeting = key === 'phone' ? scope.text(channel.greeting) : undefined;
  return {
    key,
    title: scope.strings.channelTitles[key],
    details,
    commitments,
    ...(hours ? { hours } : {}),
    ...(greeting ? { greeting } : {}),
  };
}

/** A channel's own hours, when they differ from the unit's (other weekly hours, or exceptions of its own still to come). */
function channelHours(scope: Scope, hours: unknown, unitHours: Record<string, unknown> | undefined): HoursView | undefined {
  if (!isPlainObject(hours)) return undefined;
  const weekly = hours.weekly ?? unitHours?.weekly;
  const view = hoursView(scope, hours, weekly);
  const sameWeekly = JSON.stringify(weekly) === JSON.stringify(unitHours?.weekly);
  return sameWeekly && view.exceptions.length === 0 ? undefined : view;
}

function commitmentViews(scope: Scope, slots: readonly CommitmentSlot[], holder: Record<string, unknown>): CommitmentView[] {
  return slots.flatMap((slot) => {
    const view = commitmentView(scope, slot, holder[slot.commitment]);
    return view ? [view] : [];
  });
}

function commitmentView(scope: Scope, slot: CommitmentSlot, value: unknown): CommitmentView | undefined {
  if (!isPlainObject(value)) return undefined;
  const within = parseDuration(value.within);
  const target = parseTarget(value.target);
  if (!within || target === undefined) return undefined;
  const words = scope.strings.commitments[commitmentSlotKey(slot)];
  const targetText = formatPercent(target, scope.lang);
  const clause = target < 1 ? fill(scope.strings.targetClause, { target: targetText }) : '';
  return {
    key: slot.commitment,
    label: words.label,
    within: durationInWords(within, scope.lang),
    target: targetText,
    sentence: `${fill(words.sentence, { within: withinInWords(within, scope.lang) })}${clause}.`,
  };
}

// ---------------------------------------------------------------------------
// Review

/** ok, due-soon (within 30 days) or overdue, against today; a charter without a valid `next` date counts as overdue. */
export function reviewStatusOf(data: CharterData, today: string): ReviewView['status'] {
  const next = nextReviewDate(data);
  return next === undefined ? 'overdue' : reviewStatus(next, today).status;
}

function reviewView(scope: Scope): ReviewView {
  const review = objectAt(scope.data, ['review']) ?? {};
  const approved = isCalendarDate(review.approved) ? review.approved : '';
  const next = nextReviewDate(scope.data) ?? '';
  const status = reviewStatusOf(scope.data, scope.context.today);
  const approvedBy = scope.text(review.approvedBy);
  const every = parseDuration(review.every);
  const assignment = reviewerFor(review, scope.context.today);
  const reviewer = assignment
    ? {
        name: scope.contact(assignment.contactId)?.name ?? scope.plain(assignment.contactId),
        periodFrom: formatDate(assignment.periodFrom, scope.lang),
        periodTo: formatDate(assignment.periodTo, scope.lang),
      }
    : undefined;
  return {
    approved: { date: formatDate(approved, scope.lang), iso: approved },
    ...(approvedBy ? { approvedBy } : {}),
    next: { date: formatDate(next, scope.lang), iso: next },
    every: every ? everyInWords(every, scope.lang) : typeof review.every === 'string' ? review.every : '',
    status,
    statusText: fill(scope.strings.reviewStatus[status], { date: formatDate(next, scope.lang) }),
    ...(reviewer ? { reviewer } : {}),
  };
}

// ---------------------------------------------------------------------------
// Absence, feedback, handover

function contactsOf(scope: Scope, ids: unknown): ContactView[] {
  return (Array.isArray(ids) ? ids : []).flatMap((id) => {
    const view = scope.contact(id);
    return view ? [view] : [];
  });
}

function absenceView(scope: Scope): AbsenceView | undefined {
  const absence = objectAt(scope.data, ['absence']);
  if (!absence) return undefined;
  const notice = parseDuration(absence.notice);
  const substitute = absence.substitute === 'required' || absence.substitute === 'recommended' ? scope.strings.substitute[absence.substitute] : undefined;
  const outOfOffice = scope.text(absence.outOfOffice);
  return {
    notify: contactsOf(scope, absence.notify),
    ...(notice ? { notice: durationInWords(notice, scope.lang) } : {}),
    ...(substitute ? { substitute } : {}),
    ...(outOfOffice ? { outOfOffice } : {}),
  };
}

function feedbackView(scope: Scope): FeedbackView | undefined {
  const feedback = objectAt(scope.data, ['feedback']);
  if (!feedback) return undefined;
  const channel = scope.html(feedback.channel);
  const escalateTo = scope.contact(feedback.escalateTo);
  return {
    ...(channel ? { channel } : {}),
    commitments: commitmentViews(scope, COMMITMENT_SLOTS.filter((slot) => slot.group === 'feedback'), feedback),
    ...(escalateTo ? { escalateTo } : {}),
  };
}

function handoverView(scope: Scope): CharterView['handover'] {
  const handover = objectAt(scope.data, ['handover']);
  if (!handover) return undefined;
  const record = scope.html(handover.record);
  const rules = (Array.isArray(handover.rules) ? handover.rules : []).flatMap((rule) => {
    const view = scope.html(rule);
    return view ? [view] : [];
  });
  return { ...(record ? { record } : {}), rules };
}

// ---------------------------------------------------------------------------
// Touchpoints, authority, guide, improvements

function entriesAt(scope: Scope, key: string): Record<string, unknown>[] {
  return listAt(scope.data, [key]).filter(isPlainObject);
}

function touchpointViews(scope: Scope): TouchpointView[] {
  return entriesAt(scope, 'touchpoints').flatMap((touchpoint) => {
    if (typeof touchpoint.id !== 'string') return [];
    const channel = typeof touchpoint.channel === 'string' ? touchpoint.channel : '';
    const owner = scope.contact(touchpoint.owner);
    const description = scope.html(touchpoint.description);
    return [
      {
        id: touchpoint.id,
        name: scope.text(touchpoint.name) ?? scope.plain(touchpoint.id),
        channel: (CHANNEL_KEYS as readonly string[]).includes(channel) ? scope.strings.channelTitles[channel as ChannelKey] : channel,
        ...(owner ? { owner } : {}),
        ...(description ? { description } : {}),
      },
    ];
  });
}

function authorityViews(scope: Scope): AuthorityView[] {
  return entriesAt(scope, 'authority').flatMap((entry) => {
    if (typeof entry.id !== 'string') return [];
    const escalateTo = scope.contact(entry.escalateTo);
    const limit = typeof entry.limit === 'string' ? formatAmountLimit(entry.limit, scope.lang) : undefined;
    return [
      {
        id: entry.id,
        decision: scope.text(entry.decision) ?? scope.plain(entry.id),
        ...(limit ? { limit } : {}),
        ...(escalateTo ? { escalateTo } : {}),
      },
    ];
  });
}

function guideViews(scope: Scope): GuideRuleView[] {
  return entriesAt(scope, 'guide').flatMap((rule) => {
    const title = scope.text(rule.title);
    const text = scope.html(rule.text);
    return title && text ? [{ title, text }] : [];
  });
}

/** Newest first; entries of the same date keep their order. */
function improvementViews(scope: Scope): ImprovementView[] {
  return entriesAt(scope, 'improvements')
    .filter((entry): entry is Record<string, unknown> & { date: string } => isCalendarDate(entry.date))
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (a.entry.date === b.entry.date ? a.index - b.index : a.entry.date < b.entry.date ? 1 : -1))
    .flatMap(({ entry }) => {
      const said = scope.text(entry.said);
      const did = scope.html(entry.did);
      return said && did ? [{ date: formatDate(entry.date, scope.lang), iso: entry.date, said, did }] : [];
    });
}

// ---------------------------------------------------------------------------
// schema.org JSON-LD

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

function jsonLdOf(scope: Scope, name: TextView, organisation: TextView | undefined, unitHours: Record<string, unknown> | undefined): Json {
  const channels: Json[] = [];
  for (const key of CHANNEL_KEYS) {
    const channel = objectAt(scope.data, ['channels', key]);
    if (!channel) continue;
    const entry: Record<string, Json> = {
      '@type': 'ServiceChannel',
      name: scope.strings.channelTitles[key],
      availableLanguage: [...scope.languages],
    };
    const hours = openingHours(isPlainObject(channel.hours) && channel.hours.weekly !== undefined ? channel.hours : unitHours, unitHours);
    switch (key) {
      case 'phone':
        if (typeof channel.number === 'string') {
          entry.servicePhone = {
            '@type': 'ContactPoint',
            telephone: channel.number,
            contactType: 'customer service',
            availableLanguage: [...scope.languages],
            ...(hours.length > 0 ? { hoursAvailable: hours } : {}),
          };
        }
        break;
      case 'email':
        if (typeof channel.address === 'string') entry.serviceUrl = mailtoHref(channel.address);
        break;
      case 'letter': {
        const address = scope.text(channel.address);
        if (address) entry.servicePostalAddress = address.text;
        break;
      }
      case 'counter': {
        const address = scope.text(channel.address);
        if (address) {
          entry.serviceLocation = {
            '@type': 'Place',
            address: address.text,
            ...(hours.length > 0 ? { openingHoursSpecification: hours } : {}),
          };
        }
        break;
      }
      case 'eservice': {
        const serviceName = scope.text(channel.name);
        if (serviceName) entry.name = serviceName.text;
        if (isWebUrl(channel.url)) entry.serviceUrl = channel.url;
        break;
      }
    }
    channels.push(entry);
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentService',
    name: name.text,
    ...(organisation ? { provider: { '@type': 'GovernmentOrganization', name: organisation.text } } : {}),
    ...(channels.length > 0 ? { availableChannel: channels } : {}),
  };
}

/** Weekly hours as OpeningHoursSpecification; closed on public holidays when the Finnish calendar applies. */
function openingHours(hours: Record<string, unknown> | undefined, unitHours: Record<string, unknown> | undefined): Json[] {
  const specs: Json[] = [];
  for (const row of Array.isArray(hours?.weekly) ? hours.weekly : []) {
    if (!isPlainObject(row) || typeof row.open !== 'string' || typeof row.close !== 'string') continue;
    const days = expandDays(row.days);
    if (!days.ok) continue;
    specs.push({ '@type': 'OpeningHoursSpecification', dayOfWeek: days.days.map((day) => SCHEMA_ORG_DAYS[day]), opens: row.open, closes: row.close });
  }
  const holidays = hours?.holidays ?? unitHours?.holidays;
  if (specs.length > 0 && holidays === 'FI') {
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
export function buildUnitListItem(charter: { readonly data: CharterData }, lang: SiteLanguage, context: CharterViewContext): UnitListItemView {
  const scope = new Scope(charter.data, lang, context);
  const id = typeof charter.data.id === 'string' ? charter.data.id : '';
  const pageLanguage =
    scope.languages.length === 0 || scope.languages.includes(lang)
      ? lang
      : (scope.languages.find((language): language is SiteLanguage => (SITE_LANGUAGES as readonly string[]).includes(language)) ?? lang);
  const summary = scope.html(getPath(charter.data, ['unit', 'summary']));
  const summaryText = summary ? firstSentence(htmlToText(summary.html)) : '';
  const organisation = scope.text(getPath(charter.data, ['unit', 'organisation']));
  return {
    id,
    name: scope.text(getPath(charter.data, ['unit', 'name'])) ?? scope.plain(id),
    url: context.urlOf(id, pageLanguage),
    ...(summaryText !== '' ? { summaryText } : {}),
    reviewStatus: reviewStatusOf(charter.data, context.today),
    ...(organisation ? { organisation } : {}),
  };
}

/**
 * Units grouped by organisation, groups and units A–Z by the page language's
 * collation (in Finnish and Swedish å, ä and ö come after z). Units without
 * an organisation form a last, unnamed group.
 */
export function groupUnitsByOrganisation(items: readonly UnitListItemView[], lang: SiteLanguage): OrganisationGroupView[] {
  const collator = new Intl.Collator(lang);
  const groups = new Map<string, { name: TextView; units: UnitListItemView[] }>();
  for (const item of items) {
    const name = item.organisation ?? { text: '', lang, foreign: false };
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

/** Sanitized HTML to plain text: tags dropped, the entities a sanitizer writes decoded. */
function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
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

// ---------------------------------------------------------------------------

function objectAt(data: unknown, path: JsonPath): Record<string, unknown> | undefined {
  const value = getPath(data, path);
  return isPlainObject(value) ? value : undefined;
}

function listAt(data: unknown, path: JsonPath): readonly unknown[] {
  const value = getPath(data, path);
  return Array.isArray(value) ? value : [];
}
