import type * as Document from '../schema/generated/charter-document.js';
import type { Duration } from '../time/duration.js';
import type { Weekday } from '../time/weekly-hours.js';

/**
 * The charter model: one unit charter after the normalize stage
 * (src/normalize/), read by the site, the cards, the report, the rota and the
 * public API. Everything a charter leaves to a default is filled in, every
 * text is there in every language the charter declares, and durations,
 * targets, dates, hours and contact references are values. Built once per
 * unit and never changed: every type is readonly all the way down. (It is
 * not frozen at run time: freezing every object cost more than building it.)
 *
 * The document types it is made from (`Document.*`) are generated from
 * schema/charter.schema.json; this file says how each becomes a value.
 */
export interface Charter {
  /** The unit's id (`id`), also its web address and the report's charter key. */
  readonly id: string;
  /** The file as shown to the user. */
  readonly file: string;
  /** The languages the charter is written in; the first is its default, and the fallback of every text. */
  readonly languages: readonly [LanguageCode, ...LanguageCode[]];
  /** `serviceLanguages`: the languages customers are served in, as written (BCP 47); empty when not given. */
  readonly serviceLanguages: readonly string[];
  readonly unit: Unit;
  /** `owner`, resolved. */
  readonly owner: Contact;
  readonly review: Review;
  /** The unit's office hours (`hours`). */
  readonly hours: OfficeHours;
  /** `contacts`, in the charter's order; for a repeated id the first entry counts. */
  readonly contacts: readonly Contact[];
  /** `customerGroups`, in the charter's order; empty when not given. */
  readonly customerGroups: readonly CustomerGroup[];
  readonly channels: Channels;
  /** `services`, in the charter's order; empty when not given. */
  readonly services: readonly Service[];
  readonly absence?: Absence;
  readonly feedback?: Feedback;
  readonly complaints?: Complaints;
  readonly handover?: Handover;
  /** `accessibility`, in the charter's order (the baseline's first); empty when not given. */
  readonly accessibility: readonly AccessibilityService[];
  readonly touchpoints: readonly Touchpoint[];
  readonly authority: readonly DecisionRight[];
  readonly guide: readonly GuideRule[];
  readonly improvements: readonly Improvement[];
}

export type LanguageCode = Document.LanguageCode;

/** A text as a charter writes it: one string, or strings per language. */
export type CharterText = string | Readonly<Record<string, string>>;

/** A text as it reads in one language, and the language it is really written in. */
export interface TextInLanguage {
  readonly text: string;
  /**
   * The language `text` is in. For a language the charter did not write the
   * text in, it is the charter's fallback language: pages mark such text with
   * its own `lang`.
   */
  readonly lang: LanguageCode;
}

/** A text in every language of the charter. Look it up with `textIn` (src/model/charter-text.ts). */
export interface LocalizedText {
  /**
   * As written: one string, or strings per language. A single string (a
   * person's name, an address) is the same words in every language; it is
   * counted as written in the charter's first language.
   */
  readonly written: CharterText;
  /** One entry for each declared language, and for any other language the charter wrote this text in. */
  readonly byLanguage: Readonly<Record<LanguageCode, TextInLanguage>>;
  /** The text in the charter's first language (or the first it is written in): what any other language falls back to. */
  readonly fallback: TextInLanguage;
}

/** Markdown source text in every language; the view layer renders and sanitizes it. */
export type LocalizedMarkdown = LocalizedText;

export interface Unit {
  readonly name: LocalizedText;
  readonly organisation?: LocalizedText;
  readonly summary?: LocalizedMarkdown;
  readonly ptvId?: string;
}

export interface Contact {
  readonly id: string;
  readonly name: LocalizedText;
  readonly role?: LocalizedText;
  readonly phone?: string;
  readonly email?: string;
}

export interface Review {
  /** `review.approved`, a calendar date (YYYY-MM-DD). */
  readonly approved: string;
  readonly approvedBy?: LocalizedText;
  readonly every: WrittenDuration;
  /** `review.next`, a calendar date (YYYY-MM-DD). Its status against a day: `reviewStatus` (src/model/review-status.ts). */
  readonly next: string;
  /** `review.rota`, resolved; empty when the charter has no rota. */
  readonly rota: readonly Contact[];
}

/** A duration as a value, and as written (trimmed), for output that quotes the charter. */
export interface WrittenDuration extends Duration {
  readonly written: string;
}

/** A measurable promise (`within`, `target`). */
export interface Commitment {
  readonly within: WrittenDuration;
  /** The share of cases that must meet `within`, as a fraction (0.9 for 90%); 1 when not given. */
  readonly target: number;
  /** `otherwise`: the fallback promise for cases that cannot meet `within` ("we tell you why and when"). */
  readonly otherwise?: LocalizedText;
  /** `for`, resolved: the customer groups it is promised to; empty: everyone the line serves. */
  readonly groups: readonly CustomerGroup[];
  /** `service`, resolved: the service it is promised for. */
  readonly service?: ServiceRef;
}

/** A time of day. */
export interface TimeOfDay {
  /** As written, HH:MM. */
  readonly text: string;
  /** Minutes since midnight; 24:00 is 1440. */
  readonly minutes: number;
}

export interface OpeningPeriod {
  /** The days, in week order. */
  readonly days: readonly Weekday[];
  /** The days as written (`mon-fri`, `[mon, wed]`), for display that keeps ranges. */
  readonly daysWritten: Document.Days;
  readonly open: TimeOfDay;
  readonly close: TimeOfDay;
}

export type HoursException = ClosedDay | SpecialHours;

export interface ClosedDay {
  readonly date: string;
  readonly closed: true;
  readonly note?: LocalizedText;
}

export interface SpecialHours {
  readonly date: string;
  readonly closed: false;
  readonly open: TimeOfDay;
  readonly close: TimeOfDay;
  readonly note?: LocalizedText;
}

export interface OfficeHours {
  /** Regular hours; empty when none are given (then working hours cannot be counted). */
  readonly weekly: readonly OpeningPeriod[];
  /** Days that differ, by date. */
  readonly exceptions: readonly HoursException[];
  /**
   * The public-holiday calendar as date-holidays codes it (FI, GB-ENG,
   * AU-NSW), when the charter or its baseline names one; working days are
   * counted in the Finnish calendar when it does not.
   */
  readonly holidays?: string;
  /** date-holidays' name of that calendar ("England, United Kingdom"), for pages whose wording has none of its own. */
  readonly holidaysName?: string;
  /** IANA time zone; DEFAULT_TIME_ZONE when the charter gives none. */
  readonly timeZone: string;
}

/**
 * A channel's hours: `hours` are in force (the channel's own weekly hours,
 * else the unit's; the unit's exceptions plus the channel's, which win on
 * the same date; its time zone, else the unit's). `ownHours` are the
 * channel's hours as written, when it writes any.
 */
export interface ChannelHours {
  readonly hours: OfficeHours;
  readonly ownHours?: OfficeHours;
}

export type ChannelKey = keyof Document.ChannelsSection;

/** Every kind of channel, in the order pages show them (the keys under `channels`). */
export const CHANNEL_KINDS = [
  'phone',
  'email',
  'letter',
  'counter',
  'eservice',
  'chat',
  'video',
  'sms',
  'relay',
  'suomifiMessages',
  'homeVisit',
] as const satisfies readonly ChannelKey[];

/**
 * The lines of each kind of channel, in the charter's order: empty when the
 * charter has none of the kind, one line for a channel written as one object
 * (format 1), several for a list of lines (format 1.1).
 */
export interface Channels {
  readonly phone: readonly PhoneChannel[];
  readonly email: readonly EmailChannel[];
  readonly letter: readonly LetterChannel[];
  readonly counter: readonly CounterChannel[];
  readonly eservice: readonly EServiceChannel[];
  readonly chat: readonly ChatChannel[];
  readonly video: readonly VideoChannel[];
  readonly sms: readonly SmsChannel[];
  readonly relay: readonly RelayChannel[];
  readonly suomifiMessages: readonly SuomifiMessagesChannel[];
  readonly homeVisit: readonly HomeVisitChannel[];
}

/** A group of customers that lines and promises can be for (`customerGroups[]`). */
export interface CustomerGroup {
  readonly id: string;
  readonly name: LocalizedText;
  readonly description?: LocalizedMarkdown;
}

/** A service a promise is scoped to, as a reference (the service itself is under `Charter.services`). */
export interface ServiceRef {
  readonly id: string;
  readonly name: LocalizedText;
}

/** What every line of every channel has besides its own fields. */
export interface ChannelLine {
  /** The line's `id`: given in a list of lines; undefined for a channel written as one object. */
  readonly id?: string;
  readonly name?: LocalizedText;
  /** `audience`, resolved; empty: everyone. */
  readonly audience: readonly CustomerGroup[];
  /** `serviceLanguages` of the line as written (BCP 47); empty: the unit's (`Charter.serviceLanguages`). */
  readonly serviceLanguages: readonly string[];
  readonly note?: LocalizedMarkdown;
  /** The line's service channel id in the Finnish Service Catalogue. */
  readonly ptvId?: string;
}

/** Promises that may be made differently to groups or services: every variant, in the charter's order; empty when none. */
export type Commitments = readonly Commitment[];

/** An average-time promise (average speed of answer). */
export interface AveragePromise {
  readonly within: WrittenDuration;
  readonly groups: readonly CustomerGroup[];
  readonly service?: ServiceRef;
}

/** An abandonment-rate promise: at most `atMost` of contacts are given up before an answer. */
export interface AbandonmentPromise {
  /** A fraction (0.1 for 10%). */
  readonly atMost: number;
  readonly written: string | number;
  readonly groups: readonly CustomerGroup[];
  readonly service?: ServiceRef;
}

export interface PhoneChannel extends ChannelLine, ChannelHours {
  readonly number: string;
  readonly charge?: NonNullable<Document.PhoneChannel['charge']>;
  readonly answer: Commitments;
  readonly averageAnswer: readonly AveragePromise[];
  readonly abandoned: readonly AbandonmentPromise[];
  readonly callback: Commitments;
  readonly greeting?: LocalizedText;
}

export interface EmailChannel extends ChannelLine {
  readonly address: string;
  readonly acknowledge: Commitments;
  /** How fast an email gets a real answer: the unit's email promise. */
  readonly reply: Commitments;
}

export interface LetterChannel extends ChannelLine {
  readonly address: LocalizedText;
  /** How fast the receipt of a letter is confirmed. */
  readonly acknowledge: Commitments;
  readonly reply: Commitments;
}

export interface CounterChannel extends ChannelLine, ChannelHours {
  readonly address: LocalizedText;
  readonly wait: Commitments;
  readonly appointments?: LocalizedMarkdown;
}

export interface EServiceChannel extends ChannelLine {
  readonly url: string;
  readonly acknowledge: Commitments;
  readonly reply: Commitments;
}

export interface ChatChannel extends ChannelLine, ChannelHours {
  readonly url: string;
  readonly answer: Commitments;
  readonly averageAnswer: readonly AveragePromise[];
  readonly abandoned: readonly AbandonmentPromise[];
  /** How fast a question left outside the chat's hours is answered. */
  readonly reply: Commitments;
}

/** Video appointments. */
export interface VideoChannel extends ChannelLine, ChannelHours {
  readonly url?: string;
  readonly booking?: LocalizedMarkdown;
  /** How soon an appointment is offered. */
  readonly appointment: Commitments;
}

/** Text messages. */
export interface SmsChannel extends ChannelLine, ChannelHours {
  readonly number: string;
  readonly reply: Commitments;
}

/** A text or video relay service. */
export interface RelayChannel extends ChannelLine, ChannelHours {
  readonly number?: string;
  readonly how?: LocalizedMarkdown;
  readonly answer: Commitments;
}

/** Suomi.fi Messages. */
export interface SuomifiMessagesChannel extends ChannelLine {
  readonly url?: string;
  readonly acknowledge: Commitments;
  readonly reply: Commitments;
}

/** Home visits. */
export interface HomeVisitChannel extends ChannelLine, ChannelHours {
  readonly area?: LocalizedText;
  readonly booking?: LocalizedMarkdown;
  readonly appointment: Commitments;
}

/** A service with its outcome promises (`services[]`). */
export interface Service {
  readonly id: string;
  readonly name: LocalizedText;
  readonly url?: string;
  readonly ptvId?: string;
  readonly description?: LocalizedMarkdown;
  /** The event its promises count from, in words. */
  readonly clockStarts?: LocalizedText;
  readonly promises: readonly ServicePromise[];
}

/** An outcome promise of a service ("a decision within 7 working days"). */
export interface ServicePromise extends Commitment {
  /** The log's `commitment` for this promise. */
  readonly id: string;
  readonly name: LocalizedText;
  /** The promise's own clock start, else the service's. */
  readonly clockStarts?: LocalizedText;
}

/** `complaints`: complaints in stages and the bodies beyond the unit. */
export interface Complaints {
  readonly how?: LocalizedMarkdown;
  readonly stages: readonly ComplaintStage[];
  readonly external: readonly ExternalBody[];
}

export interface ComplaintStage {
  /** The log's `line` for this stage. */
  readonly id: string;
  readonly name: LocalizedText;
  readonly how?: LocalizedMarkdown;
  readonly acknowledge: Commitments;
  readonly respond: Commitments;
  readonly escalateTo?: Contact;
}

export type ExternalBodyKind = Document.ExternalBody['body'];

/** An ombudsman, appeal board, court or regulator a customer can turn to. */
export interface ExternalBody {
  readonly body: ExternalBodyKind;
  readonly name: LocalizedText;
  readonly url?: string;
  readonly how?: LocalizedMarkdown;
}

export interface Absence {
  /** `absence.notify`, resolved; empty when not given. */
  readonly notify: readonly Contact[];
  readonly notice?: WrittenDuration;
  readonly substitute?: NonNullable<Document.AbsenceSection['substitute']>;
  readonly outOfOffice?: LocalizedText;
}

export interface Feedback {
  readonly channel?: LocalizedMarkdown;
  readonly acknowledge?: Commitment;
  readonly respond?: Commitment;
  readonly escalateTo?: Contact;
}

export interface Handover {
  readonly record?: LocalizedMarkdown;
  readonly rules: readonly LocalizedMarkdown[];
}

export type AccessibilityServiceKind = Document.AccessibilityService['service'];

/** An accessibility service the unit offers (`accessibility[]`). */
export interface AccessibilityService {
  readonly service: AccessibilityServiceKind;
  /** BCP 47 tags as written (`fse`, `fss`, `ru`); empty when not given. */
  readonly languages: readonly string[];
  /** The channels it is offered at; empty when not given (wherever it applies). */
  readonly channels: readonly ChannelKey[];
  readonly how?: LocalizedMarkdown;
  readonly note?: LocalizedMarkdown;
}

export interface Touchpoint {
  readonly id: string;
  readonly name: LocalizedText;
  readonly channel: Document.Touchpoint['channel'];
  readonly owner?: Contact;
  readonly description?: LocalizedMarkdown;
}

/** A limit on a decision right: a duration, or an amount of money. */
export type DecisionLimit =
  | { readonly kind: 'duration'; readonly duration: WrittenDuration }
  | { readonly kind: 'amount'; readonly amount: number; readonly currency: string; readonly written: string };

export interface DecisionRight {
  readonly id: string;
  readonly decision: LocalizedText;
  readonly limit?: DecisionLimit;
  readonly escalateTo?: Contact;
}

export interface GuideRule {
  readonly title: LocalizedText;
  readonly text: LocalizedMarkdown;
}

export interface Improvement {
  /** A calendar date (YYYY-MM-DD). */
  readonly date: string;
  readonly said: LocalizedText;
  readonly did: LocalizedMarkdown;
}
