/**
 * What the Handlebars templates receive. Everything here is ready to print:
 * texts are chosen for the page's language, durations are in words, Markdown
 * is already sanitized HTML, links are built. Templates contain no logic
 * beyond conditionals and loops, and escape every value except `HtmlView.html`.
 */

import type { TextDirection } from '../model/language-tag.js';

/**
 * The languages the interface is translated into (strings/<lang>.json). The
 * site publishes a charter in every language it is written in; a page in
 * another language shows the charter's texts in it and the interface in one
 * of these (see `interfaceLanguageFor` in site-languages.ts).
 */
export const SITE_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

/** A text in one language. `lang` is the language it is really written in. */
export interface TextView {
  readonly text: string;
  readonly lang: string;
  /** True when the text is not in the page's language (it then needs a `lang` attribute). */
  readonly foreign: boolean;
}

/**
 * A greeting cut at its `{name}` placeholders: text, and slots where the
 * official who answers says their own name ("(your name)" in the greeting's
 * language, shown as a placeholder). `text` is the greeting as written.
 */
export interface GreetingView extends TextView {
  readonly parts: readonly GreetingPart[];
}

/** `lang` is set on a slot worded in another language than the greeting. */
export type GreetingPart = { readonly text: string } | { readonly slot: string; readonly lang?: string };

/** Sanitized HTML from Markdown: the only value templates print unescaped ({{{html}}}). */
export interface HtmlView {
  readonly html: string;
  readonly lang: string;
  readonly foreign: boolean;
}

export interface LinkView {
  readonly href: string;
  readonly text: string;
}

/** One entry of the language switcher. */
export interface LanguageLinkView {
  /** The language of the pages the link leads to (its `hreflang`): any language a charter is written in. */
  readonly lang: string;
  /** The language's name in itself: "Suomeksi", "På svenska", "In English", "Davvisámegiella"; a sign language's name in its pages' interface language. */
  readonly label: string;
  /** The language `label` is in (its `lang`). */
  readonly labelLang: string;
  /** Where this page is in that language; the language's front page if the charter lacks it. */
  readonly href: string;
  readonly current: boolean;
  /** False when this page does not exist in that language (the link leads to that language's front page). */
  readonly available: boolean;
}

export interface ContactView {
  readonly id: string;
  readonly name: TextView;
  readonly role?: TextView;
  /** `display` as written, `href` a tel: URI (digits and +). */
  readonly phone?: { readonly display: string; readonly href: string };
  readonly email?: { readonly display: string; readonly href: string };
}

export interface CommitmentView {
  /** The commitment key: answer, callback, acknowledge, reply, wait, respond…; `averageAnswer` and `abandoned` for those measures. */
  readonly key: string;
  /** "Answer", "Vastaamme", ... */
  readonly label: string;
  /** The duration in words: "2 working days", "2 arbetsdagar", "2 työpäivää"; for an abandonment rate, the rate. */
  readonly within: string;
  /** "90 %" in the page's number style; for an abandonment rate, the most that may be abandoned. */
  readonly target: string;
  /** A full sentence: "We reply within 2 working days in at least 90% of cases.", "For businesses: we answer calls within 1 minute…" */
  readonly sentence: string;
  /** A time-limit promise without its target, for the page's first screen: "We reply to email within 3 working days." */
  readonly brief?: string;
  /** The fallback promise (`otherwise`), shown after the sentence: "If we cannot answer within 5 working days, we tell you why and when." */
  readonly otherwise?: TextView;
  /** Set for a promise made only to some customer groups or for a service (a variant of the line's baseline promise). */
  readonly scoped?: true;
  /** A scoped promise in short, for the pocket card after the baseline sentence: "For businesses: within 1 minute (80%)". */
  readonly short?: string;
}

export interface HoursRowView {
  /** "Mon–Fri", "ma–pe", "mån–fre". */
  readonly days: string;
  /** "08:00–16:00" (en), "8.00–16.00" (fi, sv). */
  readonly time: string;
}

export interface HoursExceptionView {
  /** Localized date: "23 December 2026", "23.12.2026". */
  readonly date: string;
  /** ISO date, for <time datetime>. */
  readonly iso: string;
  /**
   * The last day, when the line stands for a run of days (see exception-runs.ts); `date` is then the
   * first day as a span begins ("12.7." of "12.7.–30.7.2027") and `dash` goes between them.
   */
  readonly until?: { readonly date: string; readonly iso: string; readonly dash: string };
  /** "Closed" or a time range. */
  readonly hours: string;
  readonly closed: boolean;
  readonly note?: TextView;
}

export interface HoursView {
  readonly rows: readonly HoursRowView[];
  /** Only exceptions from today on, sorted by date. */
  readonly exceptions: readonly HoursExceptionView[];
  /** Which holidays the office is closed on, naming the calendar, when the charter names one. */
  readonly holidaysNote?: string;
  /** In which time zone the hours are, when it is not the collection's. */
  readonly timeZoneNote?: string;
}

export interface DetailView {
  readonly label: string;
  readonly text?: TextView;
  readonly link?: LinkView;
  readonly html?: HtmlView;
}

/** One line of a channel (a channel written as one object is one line). */
export interface ChannelView {
  /** The kind: phone, email, letter, counter, eservice, chat, video, sms, relay, suomifiMessages, homeVisit. */
  readonly key: string;
  /** The line's id, when the charter lists the kind's lines. */
  readonly line?: string;
  /** The heading's id, unique on the page: `channel-phone`, `channel-phone-sami`. */
  readonly anchor: string;
  /** The kind's title: "Phone", "Puhelin", "Telefon". */
  readonly title: string;
  /** The heading: the title, with the line's name when it has one ("Phone: Advice"). */
  readonly heading: string;
  /** The line's name, when it has one (the heading includes it). */
  readonly name?: TextView;
  /** Number, address, charge, e-service link, audience, service languages… */
  readonly details: readonly DetailView[];
  /** Every promise of the line, variant by variant, in page order. */
  readonly commitments: readonly CommitmentView[];
  /** Channel-specific hours (phone, counter…), when they differ from the unit's. */
  readonly hours?: HoursView;
  /** How the phone is answered. */
  readonly greeting?: GreetingView;
  /** `note` ("only for emergencies"). */
  readonly note?: HtmlView;
  /** The number to dial or text, for the pocket card (phone, sms, relay). */
  readonly number?: { readonly display: string; readonly href: string };
  /** How the line is reached: its number, address or link (one of `details`). */
  readonly reach?: DetailView;
  /** Its hours on the build's day, in words ("Tänään 9.00–15.00"), for a line that keeps hours. */
  readonly today?: string;
}

/** One line at the top of a charter page: how to reach it, its hours today and its main promise. */
export interface GlanceLineView {
  /** The kind, for a class name. */
  readonly key: string;
  /** The kind's title, or the line's heading when it has a name ("Puhelin: Neuvonta"). */
  readonly label: string;
  /** Where the line is described in full on the page. */
  readonly anchor: string;
  readonly reach?: DetailView;
  readonly today?: string;
  /** The line's main promise in brief ("Vastaamme puhelimeen 30 sekunnin kuluessa."). */
  readonly promise?: string;
}

/**
 * The top of a charter page: how to reach the unit and what it promises, one
 * line per kind of channel (its first line), whom to turn to when a matter
 * must go further, and the way to the pocket guide.
 */
export interface GlanceView {
  /** The first line of the kinds people reach a unit by first: phone, email, service point, e-service. */
  readonly lines: readonly GlanceLineView[];
  /** The first line of every other kind (chat, letter…), shown after whom to turn to. */
  readonly otherLines: readonly GlanceLineView[];
  /** Lines of the same kinds not shown at the top (a second phone line…), listed under the channels. */
  readonly moreLines: number;
  /** The build's day, the day "today" means: for <time>, and said in words ("Aukioloajat päivältä ke 2.12.2026.") when a line shows its hours today. */
  readonly today: { readonly iso: string; readonly asOf?: string };
  readonly escalateTo?: ContactView;
}

/** What the pocket card picks from the channels. */
export interface CardLinesView {
  /** The main phone line: the first. */
  readonly phone?: ChannelView;
  /** When to call the main line: its own hours, else the unit's ("ma–pe 9.00–15.00"). */
  readonly phoneHours?: readonly HoursRowView[];
  /** The other phone lines (topic, language or emergency lines), for their names and numbers. */
  readonly otherPhones: readonly ChannelView[];
  readonly email?: ChannelView;
  /** The email line's address, as a mailto: link. */
  readonly emailAddress?: LinkView;
  readonly letter?: ChannelView;
  readonly counter?: ChannelView;
  /** The counter's visiting address. */
  readonly counterAddress?: TextView;
  /** When the counter is open: its own hours, else the unit's. */
  readonly counterHours?: readonly HoursRowView[];
  /** Where each of these lines is written in the charter (`channels.phone`, `channels.phone.0`), for the card's fit check. */
  readonly paths: {
    readonly phone?: string;
    readonly phoneHours?: string;
    readonly email?: string;
    readonly letter?: string;
    readonly counter?: string;
    readonly counterHours?: string;
  };
}

/** An outcome promise of a service. */
export interface ServicePromiseView extends CommitmentView {
  readonly name: TextView;
  /** When the promise counts from another event than its service: that event as a sentence. */
  readonly clockStarts?: string;
}

/** A service with its outcome promises. */
export interface ServiceView {
  readonly id: string;
  /** The heading's id: `service-<id>`. */
  readonly anchor: string;
  readonly name: TextView;
  /** Where the service is described (http(s) only). */
  readonly link?: LinkView;
  readonly description?: HtmlView;
  /** "The time counts from when the application has arrived." */
  readonly clockStarts?: string;
  readonly promises: readonly ServicePromiseView[];
}

export interface ComplaintStageView {
  readonly id: string;
  /** The heading's id: `complaint-stage-<id>`. */
  readonly anchor: string;
  readonly name: TextView;
  readonly how?: HtmlView;
  readonly commitments: readonly CommitmentView[];
  readonly escalateTo?: ContactView;
}

export interface ExternalBodyView {
  /** ombudsman, appeal-board, court, regulator, other: for a class name. */
  readonly kind: string;
  /** The kind in words: "Ombudsman", "Valituslautakunta". */
  readonly kindName: string;
  readonly name: TextView;
  readonly link?: LinkView;
  readonly how?: HtmlView;
}

export interface ComplaintsView {
  readonly how?: HtmlView;
  /** In the order a complaint goes through them. */
  readonly stages: readonly ComplaintStageView[];
  readonly external: readonly ExternalBodyView[];
}

export interface CustomerGroupView {
  readonly id: string;
  readonly name: TextView;
  readonly description?: HtmlView;
}

export interface ReviewView {
  readonly approved: { readonly date: string; readonly iso: string };
  readonly approvedBy?: TextView;
  readonly next: { readonly date: string; readonly iso: string };
  /** "every 12 months" in words. */
  readonly every: string;
  readonly status: 'ok' | 'due-soon' | 'overdue';
  /** "Next review by 1 September 2027", "Review overdue since …". */
  readonly statusText: string;
  /** This period's reviewer from the rota, if a rota is given. */
  readonly reviewer?: { readonly name: TextView; readonly periodFrom: string; readonly periodTo: string };
}

export interface AbsenceView {
  readonly notify: readonly ContactView[];
  /** "1 working day" in words. */
  readonly notice?: string;
  /** "A substitute is required." */
  readonly substitute?: string;
  readonly outOfOffice?: TextView;
  /** Where the ready texts are made, said on the card: the charter page's "Going away?" section by its heading, quoted. */
  readonly textsWhere: string;
}

export interface FeedbackView {
  readonly channel?: HtmlView;
  readonly commitments: readonly CommitmentView[];
  readonly escalateTo?: ContactView;
}

export interface TouchpointView {
  readonly id: string;
  readonly name: TextView;
  /** The channel's title in the page language. */
  readonly channel: string;
  readonly owner?: ContactView;
  readonly description?: HtmlView;
}

export interface AuthorityView {
  readonly id: string;
  readonly decision: TextView;
  /** "14 days", "50 EUR" in the page's style. */
  readonly limit?: string;
  readonly escalateTo?: ContactView;
}

export interface GuideRuleView {
  readonly title: TextView;
  readonly text: HtmlView;
}

export interface ImprovementView {
  readonly date: string;
  readonly iso: string;
  readonly said: TextView;
  readonly did: HtmlView;
}

/** An accessibility service in the page's language. */
export interface AccessibilityServiceView {
  /** The `service` key, for a class name. */
  readonly service: string;
  /** "Viittomakieli", "Hörslinga", "Step-free access". */
  readonly name: string;
  readonly details: readonly DetailView[];
  readonly note?: HtmlView;
}

/** One charter in one language. */
export interface CharterView {
  readonly id: string;
  /** The language of the page: its address and the charter texts it shows. */
  readonly lang: string;
  /** The language of the interface words around them (see PageLanguage in site-languages.ts). */
  readonly interfaceLang: SiteLanguage;
  readonly url: string;
  readonly cardUrl: string;
  readonly name: TextView;
  readonly organisation?: TextView;
  readonly summary?: HtmlView;
  readonly owner?: ContactView;
  readonly review: ReviewView;
  readonly hours: HoursView;
  readonly contacts: readonly ContactView[];
  /** Every line of every channel, kind by kind in page order. */
  readonly channels: readonly ChannelView[];
  /** The languages customers are served in, named in the page's language; absent when the charter names none. */
  readonly serviceLanguages?: string;
  /** The customer groups, when one of them is described. */
  readonly customerGroups: readonly CustomerGroupView[];
  readonly services: readonly ServiceView[];
  readonly complaints?: ComplaintsView;
  /** What a reader in Finland would not assume about the hours (another holiday calendar, another time zone), for the pocket card. */
  readonly hoursNotes: readonly string[];
  readonly absence?: AbsenceView;
  readonly feedback?: FeedbackView;
  readonly handover?: { readonly record?: HtmlView; readonly rules: readonly HtmlView[] };
  readonly accessibility: readonly AccessibilityServiceView[];
  /** The lines the pocket card shows: the first of each kind it prints, and the other phone lines by name and number. */
  readonly cardLines: CardLinesView;
  /** The services' names in one line for the card ("Viittomakieli, selkokieli, induktiosilmukka"); absent without services. */
  readonly accessibilityLine?: string;
  readonly touchpoints: readonly TouchpointView[];
  readonly authority: readonly AuthorityView[];
  readonly guide: readonly GuideRuleView[];
  readonly improvements: readonly ImprovementView[];
  /** The essentials for the first screen. */
  readonly glance: GlanceView;
  /** schema.org JSON-LD, already serialized and safe inside <script type="application/ld+json">. */
  readonly jsonLd: string;
}

/** A unit in the A–Z list. */
export interface UnitListItemView {
  readonly id: string;
  readonly name: TextView;
  readonly url: string;
  readonly summaryText?: string;
  readonly reviewStatus: ReviewView['status'];
  /** The organisation the unit belongs to, by which the list is grouped. */
  readonly organisation?: TextView;
}

export interface OrganisationGroupView {
  readonly name: TextView;
  readonly units: readonly UnitListItemView[];
}

// ---------------------------------------------------------------------------
// The compliance dashboard (built by dashboard-view.ts from a ComplianceReport)

/** met, close (within 5 percentage points below target), missed, no-data (nothing decided). */
export type ComplianceStatusKey = 'met' | 'close' | 'missed' | 'no-data';

/** A status in words; templates add its shape (never colour alone). */
export interface StatusView {
  readonly key: ComplianceStatusKey;
  /** "Met", "Tavoite saavutettu", "Målet nåddes"… */
  readonly label: string;
}

/** One row of a commitment's figures table: a month, or the whole period. Numbers are formatted for the page language. */
export interface FiguresRowView {
  /** A month ("joulukuu 2025", "December 2025"); in the whole-period row, the period ("joulukuu 2025 – marraskuu 2026"). */
  readonly label: string;
  /** YYYY-MM of a month row, for <time datetime>. */
  readonly iso?: string;
  readonly count: string;
  readonly met: string;
  readonly missed: string;
  readonly pending: string;
  /** "92,5 %" (fi, sv), "92.5%" (en); absent when nothing was decided. */
  readonly shareMet?: string;
  /** In the commitment's own unit, in words: "1,5 työpäivää"; absent without closed contacts. */
  readonly median?: string;
  readonly p90?: string;
  readonly status: StatusView;
}

/** A bar or a mark in the trend chart; coordinates are in the chart's viewBox. */
export interface TrendMonthView {
  /** YYYY-MM. */
  readonly month: string;
  /** Under the bar: "joulu", "dec", "Dec". */
  readonly label: string;
  /** Under the first month and every January: "2026". */
  readonly yearLabel?: string;
  /** Centre of the month's slot. */
  readonly x: number;
  readonly status: ComplianceStatusKey;
  /** The share met as a bar; absent for a month with nothing decided (a gap). */
  readonly bar?: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** A shape over the bar, so close and missed months show in grey-scale print: a triangle (close) or a cross (missed). */
  readonly marker?: { readonly kind: 'triangle' | 'cross'; readonly path: string };
  /** A hollow circle on the baseline in a gap. */
  readonly gap?: { readonly cx: number; readonly cy: number; readonly r: number };
}

/** An inline SVG bar chart of the share met per month against the target; drawn without JavaScript. */
export interface TrendChartView {
  /** Unique on the page: prefixes the ids of the title, description and patterns. */
  readonly id: string;
  /** The plot's part of the drawing: `x y width height`. */
  readonly viewBox: string;
  /** The SVG's own size (the viewBox's). */
  readonly width: number;
  readonly height: number;
  /** The accessible name: what the chart shows, and over which months. */
  readonly title: string;
  /** The accessible description: the chart summarised in words. */
  readonly description: string;
  readonly plot: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
  /** Horizontal lines at 0, 25, 50, 75 and 100 %, labelled. */
  readonly gridlines: readonly { readonly y: number; readonly label: string }[];
  readonly target: { readonly y: number; readonly label: string };
  readonly months: readonly TrendMonthView[];
}

export interface DashboardCommitmentView {
  /** Anchor on the page. */
  readonly id: string;
  /** "Sähköposti – vastaus 2 työpäivän kuluessa", "Email – reply within 2 working days". */
  readonly name: string;
  /** "90 %" in the page's style; for an average speed of answer, its time limit ("2 minuuttia"). */
  readonly target: string;
  /** Whether the trend chart of the share in time applies: not for an average or an abandonment rate, whose figures are in the table and the headline. */
  readonly shareChart: boolean;
  /** The status of the report's last month. */
  readonly latest: { readonly month: string; readonly iso: string; readonly status: StatusView; readonly share: string; readonly few: boolean };
  /** The whole period. */
  readonly total: { readonly status: StatusView; readonly share: string; readonly contacts: string; readonly few: boolean };
  /** The last 12 months of the report (fewer if it has fewer). */
  readonly chart: TrendChartView;
  readonly table: { readonly caption: string; readonly rows: readonly FiguresRowView[]; readonly total: FiguresRowView };
}

export interface DashboardUnitView {
  readonly id: string;
  readonly name: TextView;
  /** The unit's charter page in this language, when the site has it. */
  readonly url?: string;
  /** The unit's page under the dashboard, relative to the overview (`building-control/`): a path segment of letters, digits and hyphens. */
  readonly page: string;
  /** Its promises by their latest status, missed first ("2 missed, 1 met"). */
  readonly statusSummary: string;
  /** Anchor of the unit's section. */
  readonly anchor: string;
  readonly commitments: readonly DashboardCommitmentView[];
}

/** A promise in the overview table: one row, few elements (the overview of a hundred units must stay small). */
export interface DashboardOverviewRowView {
  readonly unit: TextView;
  /** The promise on its unit's page, relative to the overview (`building-control/#unit-building-control-phone-answer`). */
  readonly href: string;
  /** "Sähköposti – vastaus 2 työpäivän kuluessa". */
  readonly name: string;
  /** The latest month and the whole period: the status in words (with "few contacts" when so) and the share. */
  readonly latest: DashboardStatusCellView;
  readonly total: DashboardStatusCellView;
  /** Contacts over the whole period. */
  readonly count: string;
}

export interface DashboardStatusCellView {
  readonly key: ComplianceStatusKey;
  /** "Missed, few contacts (3)": never a bare status when the sample is small. */
  readonly label: string;
  readonly share: string;
  readonly few: boolean;
}

export interface OverdueReviewView {
  readonly unit: TextView;
  readonly url?: string;
  readonly due: { readonly date: string; readonly iso: string };
  /** "45 days", "45 päivää". */
  readonly overdueBy: string;
  readonly reviewer?: TextView;
}

export interface DashboardView {
  /** The instant open contacts are judged at, in the office's time zone: "30.11.2026 klo 23.59". */
  readonly asOf: { readonly text: string; readonly iso: string };
  /** First and last month of the report: "joulukuu 2025 – marraskuu 2026"; absent for an empty report. */
  readonly period?: string;
  /** The last month, whose status is each commitment's current status. */
  readonly latestMonth?: string;
  readonly summary: {
    /** How many commitments are measured. */
    readonly commitments: string;
    /** Commitments by their latest status, in the order met, close, missed, no data. */
    readonly statuses: readonly { readonly status: StatusView; readonly count: string }[];
    /** Rows counted in the figures. */
    readonly measured: string;
    /** Bad rows skipped, all kinds. */
    readonly badRows: string;
    /** Kinds with at least one bad row. */
    readonly badRowKinds: readonly { readonly label: string; readonly count: string }[];
    /** Where the bad rows are listed: the command is printed as code. */
    readonly badRowsNote?: { readonly before: string; readonly command: string; readonly after: string };
  };
  readonly overdueReviews: readonly OverdueReviewView[];
  /** A–Z by name in the page's language; each has a page of its own with the charts. */
  readonly units: readonly DashboardUnitView[];
  /** Every promise of every unit, missed first (see attention.ts), then by unit name. */
  readonly overview: readonly DashboardOverviewRowView[];
  /** What "few contacts" means here: "Fewer than 10 contacts in the month…". */
  readonly fewContactsNote: string;
  /** Promises by their status over the whole period, in the order met, close, missed, no data. */
  readonly periodStatuses: readonly { readonly status: StatusView; readonly count: string }[];
}

/** A unit's page under the dashboard: its promises with the 12-month charts. */
export interface DashboardUnitPageView {
  readonly asOf: DashboardView['asOf'];
  readonly period?: string;
  readonly latestMonth?: string;
  readonly fewContactsNote: string;
  /** The overview, relative to the unit's page. */
  readonly overviewUrl: string;
  readonly unit: DashboardUnitView;
}

// ---------------------------------------------------------------------------
// The review pack (built by review-view.ts): one page per charter for the period's reviewer

/** A promise of the review pack: its figures over the period (the dashboard's view of them), and whether it was missed. */
export interface ReviewPromiseView {
  readonly figures: DashboardCommitmentView;
  /** Missed over the period: listed first, and marked in words. */
  readonly missed: boolean;
}

/** The period's figures: measured, not measurable (`text` says why), or no log given. */
export type ReviewFiguresView =
  | { readonly state: 'measured'; readonly promises: readonly ReviewPromiseView[]; readonly fewContactsNote: string }
  | { readonly state: 'unavailable'; readonly text: string }
  | { readonly state: 'no-log' };

/** One change of the charter since its approval, in words: `kind` (loosened, tightened, added, removed, changed, words) and the sentence. */
export interface ReviewChangeView {
  readonly kind: string;
  readonly text: string;
}

/** What changed since the approval was recorded; `recorded` says when and in which commit, when known. */
export type ReviewChangesView =
  | { readonly state: 'unavailable'; readonly reason: string }
  | { readonly state: 'none'; readonly recorded?: string }
  | {
      readonly state: 'changed';
      readonly recorded?: string;
      readonly notes: readonly string[];
      readonly decision?: string;
      readonly items: readonly ReviewChangeView[];
    };

export interface ReviewPageView {
  readonly id: string;
  readonly name: TextView;
  readonly organisation?: TextView;
  /** The charter's page on the site, when the pack is part of it. */
  readonly charterUrl?: string;
  /** The approval, the next review date and its status (as on the charter page). */
  readonly review: ReviewView;
  /** The period's reviewer from the rota, with their role and contact details. */
  readonly reviewer?: { readonly contact: ContactView; readonly turn: string };
  /** Whether the charter has a rota at all (`review.rota`): without one the page says so. */
  readonly hasRota: boolean;
  /** From the last approval to the review day. */
  readonly period: { readonly text: string; readonly from: string; readonly to: string; readonly notBegun?: string };
  /** The instant the figures are as of, when logs were read. */
  readonly asOf?: { readonly text: string; readonly iso: string };
  readonly figures: ReviewFiguresView;
  readonly changes: ReviewChangesView;
  /** Feedback in the period, in sentences: how much came in, and how the feedback promises were kept. */
  readonly feedback: readonly string[];
  /** The "you said, we did" entries dated in the period, newest first. */
  readonly improvements: readonly ImprovementView[];
  /** The reflection questions: what we promised, what we kept, what customers told us, what we change. */
  readonly questions: readonly string[];
}

/** What every page shares: the frame around the content. */
export interface PageFrameView {
  /** The page's language: its address (`/se/`), its search index, the charter texts it shows. */
  readonly lang: string;
  /** The language of the interface words, and of the html element (see PageLanguage in site-languages.ts). */
  readonly interfaceLang: SiteLanguage;
  /** The interface's direction, the html element's `dir`: texts in a language that runs the other way carry their own. */
  readonly dir: TextDirection;
  /** The <title>, already composed ("Building Control – Service charters"). */
  readonly title: string;
  /** What the page is about, for search engines and link previews: plain text of at most 160 characters (see page-description.ts). */
  readonly description: string;
  /** The description's language when it differs from the html element's (`lang` on the meta element). */
  readonly descriptionLang?: string;
  /** The page's absolute address, when the site's is known (`--site-url`). */
  readonly canonical?: string;
  /**
   * The page in the site's languages, for search engines (`<link rel="alternate" hreflang>`). Without
   * `--site-url`: the other languages that have the page, by site-relative address. With it: every
   * language that has the page, itself included, and `x-default` for the root, all absolute.
   */
  readonly alternates: readonly { readonly hreflang: string; readonly href: string }[];
  /** Interface strings in the page's language (see src/view/i18n.ts). */
  readonly t: Readonly<Record<string, string>>;
  readonly homeUrl: string;
  readonly searchUrl: string;
  readonly accessibilityUrl: string;
  /** The compliance dashboard in this language, when the site has one. */
  readonly dashboardUrl?: string;
  readonly chartersJsonUrl: string;
  readonly languages: readonly LanguageLinkView[];
  /** Stylesheets to link, the site's own first, then the theme's. */
  readonly stylesheets: readonly string[];
  readonly scripts: readonly string[];
  /** The site's icon (an SVG in site/assets), so no browser asks for a missing /favicon.ico. */
  readonly favicon: string;
  readonly logo?: { readonly src: string; readonly alt: string };
  /** Root-relative prefix of the site ("/" or "/intranet/charters/"). */
  readonly base: string;
}

export type PageView =
  | { readonly kind: 'home'; readonly frame: PageFrameView; readonly groups: readonly OrganisationGroupView[]; readonly url: string }
  | {
      readonly kind: 'charter';
      readonly frame: PageFrameView;
      readonly charter: CharterView;
      readonly url: string;
      /**
       * The absence form's data (AwayData as JSON), on pages with an absence
       * routine when the site supplies it: the page's script composes the texts from it.
       */
      readonly awayJson?: string;
      /** The charter's review pack, when the site has one (built with contact logs). */
      readonly reviewUrl?: string;
    }
  | {
      readonly kind: 'card';
      readonly frame: PageFrameView;
      readonly charter: CharterView;
      readonly url: string;
      /** Trim size of the printed card (default a6): a6 105×148 mm, a7 74×105 mm, credit-card 85×55 mm. */
      readonly cardSize?: 'a6' | 'a7' | 'credit-card';
      /** A QR code leading to the charter's page on the intranet, when its address is known. */
      readonly qr?: {
        readonly dataUri: string;
        readonly url: string;
        /** The address decoded, as people read it (`ä`, not `%C3%A4`): the image's text alternative. */
        readonly text: string;
        /** The address as printed under the code: decoded, in pieces that each end at a slash (a line may break only there). */
        readonly shown: readonly string[];
      };
    }
  | { readonly kind: 'search'; readonly frame: PageFrameView; readonly groups: readonly OrganisationGroupView[]; readonly url: string }
  | {
      readonly kind: 'accessibility';
      readonly frame: PageFrameView;
      readonly url: string;
      /** Where to send feedback on the site's accessibility; without it the statement points to each charter's owner. */
      readonly feedbackContact?: ContactView;
    }
  | { readonly kind: 'dashboard'; readonly frame: PageFrameView; readonly url: string; readonly dashboard: DashboardView }
  | { readonly kind: 'dashboard-unit'; readonly frame: PageFrameView; readonly url: string; readonly dashboard: DashboardUnitPageView }
  | {
      readonly kind: 'review';
      readonly frame: PageFrameView;
      readonly url: string;
      readonly review: ReviewPageView;
      /** A file of its own (`charter review`): no site navigation around it, its styles inline. */
      readonly standalone?: true;
    }
  | {
      readonly kind: 'language-choice';
      readonly frame: PageFrameView;
      readonly url: string;
      /** The site's name in each interface language the site uses. */
      readonly titles: readonly TextView[];
      readonly choices: readonly LanguageChoiceView[];
    };

/** A language on the site root: its name (in itself where it can be) and, for an interface language, the introduction in it. */
export interface LanguageChoiceView {
  readonly lang: string;
  readonly href: string;
  readonly link: TextView;
  readonly intro?: TextView;
}
