import { CHANNEL_KINDS, type AccessibilityServiceKind, type ExternalBodyKind } from '../model/charter.js';
import type { BadRowKind, ComplianceStatus } from '../model/compliance-report.js';
import type { DurationUnit } from '../time/duration.js';
import type { Weekday } from '../time/weekly-hours.js';
import en from './strings/en.json' with { type: 'json' };
import fi from './strings/fi.json' with { type: 'json' };
import sv from './strings/sv.json' with { type: 'json' };
import type { SiteLanguage } from './view-model.js';

/**
 * Every word of the interface that does not come from a charter, in fi, sv
 * and en. The words live in `strings/<lang>.json`, which translators edit
 * (see strings/README.md); esbuild bundles them, so nothing is read at start.
 * The types below make a missing key a compile error; test/view/strings.test.ts
 * checks that the languages have the same keys and placeholders.
 *
 * Placeholders are `{name}`, filled by `fill`. Grammar that is logic rather
 * than wording (plural rules, Swedish ordinals, which form follows a number)
 * stays in code.
 */

/** Every kind of channel, in page order (the model's list). */
export const CHANNEL_KEYS = CHANNEL_KINDS;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

/** The promises the interface has words for: `channel.commitment`. */
export const COMMITMENT_SLOTS = [
  { channel: 'phone', commitment: 'answer' },
  { channel: 'phone', commitment: 'callback' },
  { channel: 'email', commitment: 'acknowledge' },
  { channel: 'email', commitment: 'reply' },
  { channel: 'letter', commitment: 'acknowledge' },
  { channel: 'letter', commitment: 'reply' },
  { channel: 'counter', commitment: 'wait' },
  { channel: 'eservice', commitment: 'acknowledge' },
  { channel: 'eservice', commitment: 'reply' },
  { channel: 'chat', commitment: 'answer' },
  { channel: 'chat', commitment: 'reply' },
  { channel: 'video', commitment: 'appointment' },
  { channel: 'sms', commitment: 'reply' },
  { channel: 'relay', commitment: 'answer' },
  { channel: 'suomifiMessages', commitment: 'acknowledge' },
  { channel: 'suomifiMessages', commitment: 'reply' },
  { channel: 'homeVisit', commitment: 'appointment' },
  { channel: 'feedback', commitment: 'acknowledge' },
  { channel: 'feedback', commitment: 'respond' },
  { channel: 'complaints', commitment: 'acknowledge' },
  { channel: 'complaints', commitment: 'respond' },
] as const;
export type CommitmentSlot = (typeof COMMITMENT_SLOTS)[number];

type SlotKeyOf<S> = S extends { readonly channel: infer C extends string; readonly commitment: infer M extends string } ? `${C}.${M}` : never;
/** `phone.answer`, `email.reply`, `feedback.respond`… */
export type CommitmentSlotKey = SlotKeyOf<CommitmentSlot>;

export function commitmentSlotKey(slot: CommitmentSlot): CommitmentSlotKey {
  return `${slot.channel}.${slot.commitment}` as CommitmentSlotKey;
}

export type PhoneCharge = 'free' | 'local' | 'chargeable';
export type SubstituteRule = 'required' | 'recommended';
export type ReviewStatus = 'ok' | 'due-soon' | 'overdue';

/**
 * Words charter views are built from: channel titles, commitment labels and
 * sentences, charges, review status. `{within}` is the time limit already in
 * words and in the right case ("within 2 working days", "2 työpäivän
 * kuluessa"); `{target}` a percentage; `{date}` a formatted date.
 */
export interface ViewStrings {
  readonly channelTitles: Readonly<Record<ChannelKey, string>>;
  /** `label` is short (label/value layouts); `sentence` is a whole promise without its target and full stop. */
  readonly commitments: Readonly<Record<CommitmentSlotKey, { readonly label: string; readonly sentence: string }>>;
  /** Appended to a sentence when the target is below 100 %. */
  readonly targetClause: string;
  readonly details: {
    readonly phoneNumber: string;
    readonly charge: string;
    readonly emailAddress: string;
    readonly postalAddress: string;
    readonly visitingAddress: string;
    readonly appointments: string;
    readonly eservice: string;
  };
  readonly charges: Readonly<Record<PhoneCharge, string>>;
  readonly closed: string;
  /** A line's hours on the build's day: `open` with `{hours}` its time ranges, or `closed`; `asOf` says which day that is (`{date}`). */
  readonly todaysHours: { readonly open: string; readonly closed: string; readonly asOf: string };
  /** Shown where a greeting says `{name}`: the official who answers says their own name there. */
  readonly yourName: string;
  /**
   * The holiday note under the hours: `finnish` for `holidays: FI`; `named`
   * when `holidayCalendars` has a name for the code (`{calendar}` is that
   * name, in the form the sentence needs: a genitive in Finnish); `unnamed`
   * otherwise (`{calendar}` is date-holidays' name, such as "Bayern, Germany").
   */
  readonly holidaysNotes: { readonly finnish: string; readonly named: string; readonly unnamed: string };
  /** Names of holiday calendars (`hours.holidays` codes) for `holidaysNotes.named`. */
  readonly holidayCalendars: Readonly<Record<string, string>>;
  /** Said when the hours are in another time zone than the collection's: `{zone}` the IANA name, `{zoneName}` the zone's name in the page language. */
  readonly timeZoneNote: string;
  readonly substitute: Readonly<Record<SubstituteRule, string>>;
  /** Where the absence form is, on the card: `{heading}` the charter page's "Going away?" heading, in the language's quotation marks. */
  readonly awayTextsWhere: string;
  readonly reviewStatus: Readonly<Record<ReviewStatus, string>>;
  /** An accessibility service's `name` (capitalized, alone or first in a list) and its form later `inList` ("Viittomakieli, selkokieli"). */
  readonly accessibilityServices: Readonly<Record<AccessibilityServiceKind, { readonly name: string; readonly inList: string }>>;
  /** Names of languages the runtime's Intl.DisplayNames does not know (sign languages), by BCP 47 tag. */
  readonly languageNames: Readonly<Record<string, string>>;
  readonly accessibilityDetails: { readonly languages: string; readonly channels: string; readonly how: string };
  /** An average speed of answer as a sentence without its full stop, by the kind of line that promises it. */
  readonly averageAnswer: Readonly<Record<AnsweredKind, string>>;
  /** An abandonment rate as a sentence without its full stop: `{share}` a percentage. */
  readonly abandoned: Readonly<Record<AnsweredKind, string>>;
  /**
   * A promise made to some customer groups or for a service: `{sentence}` the
   * promise (its first letter lowered), `{groups}` the groups' names in a
   * list, `{service}` the service's name.
   */
  readonly promiseScope: { readonly groups: string; readonly service: string; readonly groupsAndService: string };
  /** The heading of a named channel line: `{channel}` the channel's title, `{line}` the line's name. */
  readonly lineTitle: string;
  readonly lineDetails: {
    readonly audience: string;
    readonly serviceLanguages: string;
    readonly note: string;
    readonly webAddress: string;
    readonly smsNumber: string;
    readonly booking: string;
    readonly how: string;
    readonly area: string;
  };
  /** A service's outcome promise: `{name}` the promise's name ("Decision"), `{within}` its time limit in words. */
  readonly servicePromise: string;
  /** The event a service's time limits count from: `{clockStarts}` as the charter words it ("when the application has arrived"). */
  readonly clockStarts: string;
  /** The link text to where a service is described. */
  readonly serviceLink: string;
  /** The kinds of body beyond the unit a complaint can go to. */
  readonly externalBodies: Readonly<Record<ExternalBodyKind, string>>;
}

/** Kinds of channel whose answers also have an average time and an abandonment rate. */
export type AnsweredKind = 'phone' | 'chat';

/**
 * Words the compliance dashboard's view composes into names and sentences;
 * templates print the results, not these. `{share}` and `{target}` are
 * percentages in the page's style, `{month}` a month ("joulukuu 2025"),
 * `{range}` two months with a dash. `{one, other}` pairs follow
 * Intl.PluralRules for the number they name.
 */
export interface DashboardStrings {
  /** A status in words, next to its shape. */
  readonly status: Readonly<Record<ComplianceStatus, string>>;
  /** Bad log rows by kind, as a reader who keeps the logs would put it. */
  readonly badRowKinds: Readonly<Record<BadRowKind, string>>;
  /** `{command}` is printed as code. */
  readonly badRowsNote: string;
  /** The channel title of `feedback`, which is not a channel of its own in the charter. */
  readonly feedbackChannel: string;
  /** The channel title of `complaints` (complaint stages). */
  readonly complaintsChannel: string;
  /** The promises of a complaint stage, as labels after the stage's name. */
  readonly complaintsPromises: { readonly acknowledge: string; readonly respond: string };
  /** A channel with the name of one of its lines (or a complaint stage): "Puhelin, Saamenkielinen palvelu". */
  readonly lineChannel: string;
  /** A promise's name with whom or what it is for (`{scope}`: customer groups and service): "… — Yritykset". */
  readonly scoped: string;
  /** An average speed of answer promise: `{duration}` in words. */
  readonly averageAnswer: string;
  /** An abandonment rate promise: `{share}` a percentage. */
  readonly abandonedAtMost: string;
  /** The mean time to answer: `{duration}` a number with its unit. */
  readonly meanTime: string;
  /** The share abandoned: `{share}` a percentage. */
  readonly abandonedShare: string;
  /** An average promise without answered rows. */
  readonly nothingAnswered: string;
  /** An abandonment promise without rows. */
  readonly noContacts: string;
  /** "Email – reply within 2 working days": `{channel}` a channel title, `{promise}` the commitment and its limit. */
  readonly commitmentName: string;
  /** For waiting times, which are a maximum rather than a deadline: "at most 15 minutes". */
  readonly atMost: string;
  readonly range: string;
  /** The as-of instant: `{date}` and `{time}` in the page's style. */
  readonly dateTime: string;
  readonly shareInTime: string;
  /** In place of a share when nothing was decided. */
  readonly nothingDecided: string;
  /** A status resting on fewer contacts than the threshold: `{status}` in words, `{count}` the contacts. */
  readonly fewContacts: string;
  /** What the mark of few contacts means: `{count}` the threshold. */
  readonly fewContactsNote: string;
  /** A unit's promises with a status, in its list entry: `{count}` how many. */
  readonly statusCount: Readonly<Record<ComplianceStatus, string>>;
  readonly contacts: Plural;
  /** `{unit}` and `{name}` (the commitment's): captions and chart names must differ between units. */
  readonly tableCaption: string;
  readonly chartTitle: string;
  readonly chartTarget: string;
  /** Pluralized on `{decided}`. */
  readonly chartMetMonths: Plural;
  /** Pluralized on `{count}`. */
  readonly chartNoDataMonths: Plural;
  readonly chartLowest: string;
  readonly chartLatest: string;
  /** The latest month while it is still running (the report is as of a day in it). */
  readonly monthSoFar: string;
  readonly chartNothingDecided: string;
  readonly chartSeeTable: string;
  /** Beside the dashed target line. */
  readonly chartTargetLabel: string;
}

/**
 * Sentences of the review pack (review-view.ts) with values in them: `{date}`
 * a formatted date, `{commit}` a short commit hash, `{count}` a number,
 * `{name}` a promise's name, `{share}` its share in time, `{reason}` why
 * the period cannot be measured, `{kind}` and `{text}` a change of the charter
 * as `charter diff` words it.
 */
export interface ReviewStrings {
  readonly periodNotBegun: string;
  readonly approvalRecorded: string;
  readonly feedbackReceived: string;
  readonly feedbackAnswered: string;
  readonly figuresUnavailable: string;
  readonly change: string;
  /** The reflection questions, in the order a review meeting takes them. */
  readonly questions: { readonly promised: string; readonly kept: string; readonly customers: string; readonly change: string };
}

export interface Plural {
  readonly one: string;
  readonly other: string;
}

/** Dates and times as patterns, and the names of months and days. */
export interface CalendarStrings {
  /** `{day}`, `{month}` (a number), `{monthName}` and `{year}`, without leading zeros. */
  readonly date: string;
  /** The same without the year, for the first day of a span within one year: "12.7." of "12.7.–30.7.2027". */
  readonly dateWithoutYear: string;
  /** The first day of a span within one month: "12" of "12–30 July 2027"; fi and sv keep the month ("12.7."). */
  readonly dateWithoutMonth: string;
  /** `{hour}` (no leading zero), `{hour2}` (two digits) and `{minute}`. */
  readonly time: string;
  /** Month names as they stand alone (the nominative in Finnish): "joulukuu 2025". */
  readonly months: readonly string[];
  /** Short month names for chart axes. */
  readonly monthsShort: readonly string[];
  readonly weekdays: Readonly<Record<Weekday, string>>;
}

export interface NumberStrings {
  readonly decimalSeparator: string;
  readonly groupSeparator: string;
  /** `{number}` is the percentage in the style above. */
  readonly percent: string;
}

/**
 * Durations in words. Each unit has its forms: `one` (after 1), `other`
 * (after every other amount: the Finnish partitive), and whatever else the
 * language's phrases name (Finnish `genitive`, Swedish `genitivePlural`).
 * Phrases may use `{amount}`, `{unit}` (`one` or `other`, by the amount),
 * `{ordinal}` (Swedish :a/:e) and the name of any form.
 */
export interface DurationStrings {
  readonly units: Readonly<Record<DurationUnit, Readonly<{ one: string; other: string } & Record<string, string>>>>;
  /** The time limit of a commitment: "within 2 working days". */
  readonly within: string;
  /** A recurring interval: after 1, after a whole number, after a fraction. */
  readonly every: { readonly one: string; readonly whole: string; readonly fraction: string };
}

/** One language's file. */
export interface InterfaceStrings {
  /** The language's entry on the language-choice page (the site root): its name in itself, and an introduction. */
  readonly languageChoice: { readonly link: string; readonly intro: string };
  /** Printed by templates as `{{frame.t.key}}`; every key a template uses must exist. */
  readonly page: Readonly<Record<PageKey, string>>;
  /** Each page kind's `<meta name="description">`; `{name}` is the unit's name. */
  readonly descriptions: Readonly<Record<'home' | 'search' | 'accessibility' | 'dashboard' | 'dashboardUnit' | 'charter' | 'card' | 'review', string>>;
  readonly charter: ViewStrings;
  readonly dashboard: DashboardStrings;
  readonly review: ReviewStrings;
  readonly calendar: CalendarStrings;
  readonly numbers: NumberStrings;
  readonly durations: DurationStrings;
}

/** The keys templates use: the Finnish file is the reference, and the others must have each of them. */
export type PageKey = keyof typeof fi.page;

export const INTERFACE_STRINGS: Readonly<Record<SiteLanguage, InterfaceStrings>> = { fi, sv, en };

/**
 * Patterns whose placeholders may differ by language, because word order and
 * word forms do; each lists the placeholders it may use. Every other text has
 * the same placeholders in every language.
 */
export const LANGUAGE_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  'calendar.date': ['day', 'month', 'monthName', 'year'],
  'calendar.dateWithoutYear': ['day', 'month', 'monthName'],
  'calendar.dateWithoutMonth': ['day', 'month', 'monthName'],
  'calendar.time': ['hour', 'hour2', 'minute'],
  'durations.within': ['amount', 'unit', 'ordinal', '*form'],
  'durations.every.one': ['amount', 'unit', 'ordinal', '*form'],
  'durations.every.whole': ['amount', 'unit', 'ordinal', '*form'],
  'durations.every.fraction': ['amount', 'unit', 'ordinal', '*form'],
};

/** The strings templates print, by language: each language's `page`. */
export const UI_STRINGS: Readonly<Record<SiteLanguage, Readonly<Record<string, string>>>> = {
  fi: Object.freeze({ ...fi.page }),
  sv: Object.freeze({ ...sv.page }),
  en: Object.freeze({ ...en.page }),
};

/** The interface strings of one language, read-only (every page of the language shares the object). */
export function uiStrings(lang: SiteLanguage): Readonly<Record<string, string>> {
  return UI_STRINGS[lang];
}

/** The page strings of one language, typed by key, for views that compose with them. */
export function pageStrings(lang: SiteLanguage): Readonly<Record<PageKey, string>> {
  return INTERFACE_STRINGS[lang].page;
}

export function viewStrings(lang: SiteLanguage): ViewStrings {
  return INTERFACE_STRINGS[lang].charter;
}

export function dashboardStrings(lang: SiteLanguage): DashboardStrings {
  return INTERFACE_STRINGS[lang].dashboard;
}

export function reviewStrings(lang: SiteLanguage): ReviewStrings {
  return INTERFACE_STRINGS[lang].review;
}

export function calendarStrings(lang: SiteLanguage): CalendarStrings {
  return INTERFACE_STRINGS[lang].calendar;
}

export function numberStrings(lang: SiteLanguage): NumberStrings {
  return INTERFACE_STRINGS[lang].numbers;
}

export function durationStrings(lang: SiteLanguage): DurationStrings {
  return INTERFACE_STRINGS[lang].durations;
}

/** Fills `{name}` placeholders; an unknown name is left as written. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
