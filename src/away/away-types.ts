/**
 * The shapes the absence kit passes around: AwayData (what the charter and
 * its calendar say, small and JSON-serialisable so a page can embed it),
 * AwayRequest (what the official types) and AwayResult (the ready texts).
 * Types only: the browser bundle and the command line share them.
 */

/** A contact as the absence texts need it, names and roles per language (fallback filled in). */
export interface AwayContact {
  readonly id: string;
  readonly name: Readonly<Record<string, string>>;
  readonly role?: Readonly<Record<string, string>>;
  readonly phone?: string;
  readonly email?: string;
}

export interface AwayData {
  readonly charterId: string;
  /** The charter's languages, first = default. */
  readonly languages: readonly string[];
  /** The unit's name per language (fallback filled in). */
  readonly unitName: Readonly<Record<string, string>>;
  /** IANA time zone, e.g. Europe/Helsinki. */
  readonly timeZone: string;
  /**
   * The window of dates the data knows (inclusive), and every Monday to Friday
   * in it that is not a working day (holidays, closed exceptions). Saturdays
   * and Sundays are always closed.
   */
  readonly calendar: { readonly from: string; readonly until: string; readonly closed: readonly string[] };
  /** `absence.notice`: how early to tell. */
  readonly notice?: { readonly amount: number; readonly unit: string; readonly written: string };
  readonly substitute?: 'required' | 'recommended';
  /** `absence.outOfOffice` per language, placeholders raw. */
  readonly outOfOffice?: Readonly<Record<string, string>>;
  /** `absence.notify`, in order (the switchboard first, as the charter lists it). */
  readonly notify: readonly AwayContact[];
  /** The unit's contacts: the substitutes to choose from. */
  readonly contacts: readonly AwayContact[];
  /** The unit's general phone number and email address (its first phone and email channels), when it has them. */
  readonly general?: { readonly phone?: string; readonly email?: string };
  /** The charter's page per language, when known. */
  readonly pageUrl?: Readonly<Record<string, string>>;
}

/** A substitute: one of the unit's contacts, or free text ("Name, phone"). */
export type AwaySubstitute = { readonly contactId: string } | { readonly text: string };

export interface AwayRequest {
  /** YYYY-MM-DD or YYYY-MM-DDTHH:MM, local time of the office. */
  readonly from: string;
  readonly until: string;
  readonly substitute?: AwaySubstitute;
  /** YYYY-MM-DD (or YYYY-MM-DDTHH:MM): the day the notice is given, for the notice check. */
  readonly today: string;
  /** The name of the official who is away, to sign the notices with; optional. */
  readonly name?: string;
}

export type AwayProblemCode = 'until-before-from' | 'late-notice' | 'substitute-missing' | 'substitute-unknown' | 'beyond-calendar';

export interface AwayProblem {
  readonly code: AwayProblemCode;
  /** The problem in fi, sv, en and every language of the charter. */
  readonly message: Readonly<Record<string, string>>;
}

export interface AwayLanguageTexts {
  readonly lang: string;
  readonly autoReplyInternal: string;
  readonly autoReplyExternal: string;
  readonly voicemail: string;
  readonly voicemailWords: number;
  /**
   * True when the charter's own message, spoken, would take over 30 seconds
   * (about 75 words): `voicemail` is then the short standard script.
   */
  readonly voicemailTooLong: boolean;
}

export interface AwayNotice {
  readonly contactId: string;
  readonly name: string;
  readonly email?: string;
  /** The language the notice is written in: the charter's first that the kit is written in (fi, sv, en), else en. */
  readonly lang: string;
  readonly subject: string;
  readonly body: string;
  /** A mailto: link with subject and body, percent-encoded (RFC 6068); without an address when the contact has no email. */
  readonly mailto: string;
}

export interface AwayResult {
  /** The first working day after `until` (YYYY-MM-DD); undefined when it falls beyond the calendar window. */
  readonly backOn?: string;
  readonly problems: readonly AwayProblem[];
  /** Every language in one block: Finnish, then Swedish, then the others in the charter's order. */
  readonly autoReply: { readonly internal: string; readonly external: string; readonly differ: boolean };
  readonly byLanguage: readonly AwayLanguageTexts[];
  readonly notices: readonly AwayNotice[];
}
