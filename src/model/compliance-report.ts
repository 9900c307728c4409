import type { DurationUnit } from '../time/duration.js';

/**
 * The compliance report: how well each charter's commitments were kept,
 * measured from contact logs. Plain data (JSON-safe), shared by the terminal
 * table, JSON, CSV and the site's dashboard.
 */

/**
 * met: share met at or above target; close: within 5 percentage points below;
 * missed: further below; no-data: nothing decided yet. An average promise is
 * met when the mean is at most its limit, close when at most 10% over it; an
 * abandonment promise is met when the share abandoned is at most `atMost`,
 * close when at most 5 percentage points over it.
 */
export type ComplianceStatus = 'met' | 'close' | 'missed' | 'no-data';

/** How far below target still counts as `close`, as a fraction (5 percentage points). */
export const CLOSE_MARGIN = 0.05;

/** How far over its limit an average time still counts as `close`, as a fraction of the limit (10%). */
export const AVERAGE_CLOSE_MARGIN = 0.1;

/** What a promise measures: `within` the share of contacts within a time limit, `average` the mean time to answer, `abandoned` the share given up. */
export type CommitmentMeasure = 'within' | 'average' | 'abandoned';

/**
 * The figures of one promise over a period. For `within`: rows closed in time
 * (`met`), late or open past the deadline (`missed`, abandoned rows too), open
 * before it (`pending`). For `average`: answered rows within the limit
 * (`met`) and over it (`missed`), open rows (`pending`), abandoned rows not
 * counted; `shareMet` is null and `mean` decides the status. For `abandoned`:
 * answered rows (`met`), abandoned ones (`missed`, also `abandoned`), open
 * ones (`pending`); `shareMet` is null and `abandonedShare` decides the status.
 */
export interface Figures {
  /** Rows counted: met + missed + pending. */
  readonly count: number;
  /** Closed in time. */
  readonly met: number;
  /** Closed late, or still open after the deadline. */
  readonly missed: number;
  /** Still open, deadline not yet passed (as of the report's `asOf`). */
  readonly pending: number;
  /** met / (met + missed); null when nothing is decided, and for `average` and `abandoned` promises. */
  readonly shareMet: number | null;
  /** `average` promises: the mean time to answer of answered rows, in the promise's unit, rounded to hundredths; null without any. */
  readonly mean?: number | null;
  /** `abandoned` promises: rows with `outcome=abandoned`. */
  readonly abandoned?: number;
  /** `abandoned` promises: abandoned / count; null without rows. */
  readonly abandonedShare?: number | null;
  readonly status: ComplianceStatus;
  /** Median time taken by closed rows, in the commitment's own unit; null without closed rows. */
  readonly median: number | null;
  /** 90th percentile (nearest rank) of time taken by closed rows, in the commitment's own unit. */
  readonly p90: number | null;
  /**
   * `within` and `average` promises with paused rows anywhere in the range: rows with paused time (a stopped
   * clock; see pause.ts), here. Absent for a promise none of whose rows was paused.
   */
  readonly paused?: number;
}

export interface MonthFigures extends Figures {
  /** YYYY-MM, in the office's time zone, by when the contact started. */
  readonly month: string;
}

export type { CharterText } from './charter.js';
import type { CharterText } from './charter.js';

export interface CommitmentFigures {
  /** Charter id. */
  readonly charter: string;
  /** The charter's file as shown to the user. */
  readonly file: string;
  readonly unitName: CharterText;
  /** The charter's languages, first is its default. */
  readonly languages: readonly string[];
  /** A key under `channels`, `feedback`, `complaints` or `services` (the log's `channel`). */
  readonly channel: string;
  /** answer, callback, acknowledge, reply, wait, respond, appointment, or a service promise's id (the log's `commitment`). */
  readonly commitment: string;
  /** A service promise's name (`services[].promises[].name`); null for other promises. */
  readonly commitmentName: CharterText | null;
  /** The log's `line`: the channel line's id (a channel written as a list of lines) or the complaint stage's id; null otherwise. */
  readonly line: string | null;
  /** The line's or the stage's name, when it has one. */
  readonly lineName: CharterText | null;
  /** The customer groups the promise is for (the log's `group` picks it); empty: everyone. */
  readonly groups: readonly string[];
  /** Their names, in the same order. */
  readonly groupNames: readonly CharterText[];
  /** The log's `service`: the service the promise is for; null when it is for no particular service. */
  readonly service: string | null;
  readonly serviceName: CharterText | null;
  /** What is measured: the share within the limit, the average time to answer, or the share abandoned. */
  readonly measure: CommitmentMeasure;
  /** The promise as written, e.g. `2 working days` (the effective value, baseline included); for `abandoned`, `atMost` as written (`10%`). */
  readonly within: string;
  /** The unit that median, p90 and mean are given in (for `abandoned`, that of no time: `second`). */
  readonly unit: DurationUnit;
  /** The target share as a fraction (0.9 for 90%); for `abandoned`, the most that may be abandoned (`atMost`); for `average`, 1. */
  readonly target: number;
  /** The whole range. */
  readonly total: Figures;
  /** One entry per month of the report's range, in order, empty months included. */
  readonly months: readonly MonthFigures[];
}

/** A promise that needs attention: where it is in `commitments`, which it is, and its two statuses. */
export interface AttentionEntry {
  /** Its place in the report's `commitments`. */
  readonly index: number;
  readonly charter: string;
  readonly channel: string;
  readonly line: string | null;
  readonly commitment: string;
  readonly groups: readonly string[];
  readonly service: string | null;
  readonly measure: CommitmentMeasure;
  /** The report's last month: its status, its contacts and whether they are few. */
  readonly latest: { readonly month: string; readonly status: ComplianceStatus; readonly count: number; readonly fewContacts: boolean };
  /** The whole period, over all its rows. */
  readonly period: { readonly status: ComplianceStatus; readonly count: number; readonly fewContacts: boolean };
}

/** Months with fewer contacts than this are marked as resting on few contacts. */
export const DEFAULT_MIN_CONTACTS = 10;

export const BAD_ROW_KINDS = [
  'malformed',
  'unknown-charter',
  'unknown-channel',
  'unknown-commitment',
  'unknown-line',
  'unknown-group',
  'unknown-service',
  'unknown-outcome',
  'bad-timestamp',
  'no-time-zone',
  'implausible-time',
  'end-before-start',
  'duplicate',
] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

export interface BadRow {
  /** The log file as shown to the user. */
  readonly file: string;
  /** 1-based physical line (the header is line 1 in CSV). */
  readonly line: number;
  /** 1-based column of the offending field. */
  readonly column: number;
  readonly kind: BadRowKind;
  /** What is wrong and what to do. */
  readonly message: string;
}

export interface OverdueReview {
  readonly charter: string;
  readonly file: string;
  readonly unitName: CharterText;
  /** `review.next` (YYYY-MM-DD), or the date `every` allows after approval. */
  readonly due: string;
  /** Days past due as of the report's date. */
  readonly daysOverdue: number;
  /** This period's reviewer from `review.rota`, if any: contact id and name. */
  readonly reviewer?: { readonly id: string; readonly name: CharterText };
}

export interface RowCounts {
  /** Data rows read (not counting headers and blank lines). */
  readonly read: number;
  /** Rows counted in the figures. */
  readonly measured: number;
  /** Good rows that started outside --from/--to. */
  readonly outsideRange: number;
  /** Good rows that start after `asOf`. */
  readonly notStarted: number;
  /** Bad rows, all kinds. */
  readonly bad: number;
}

export interface ComplianceReport {
  /** The instant open rows are judged at (ISO 8601, UTC). */
  readonly asOf: string;
  /** First and last day of the range (YYYY-MM-DD), null when the log set them. */
  readonly from: string | null;
  readonly to: string | null;
  /** The months of the range (YYYY-MM), in order. */
  readonly months: readonly string[];
  /**
   * A month or period with some contacts but fewer than this rests on few
   * contacts: every view says so beside its status (see attention.ts). Absent
   * in reports made before the threshold existed: DEFAULT_MIN_CONTACTS.
   */
  readonly minContacts?: number;
  /**
   * The promises a manager looks at first: missed or close in the latest
   * month or over the whole period, missed first, across all units (see
   * attention.ts). Listed before `commitments`, which keep their order.
   */
  readonly attention?: readonly AttentionEntry[];
  /** Every commitment of every unit charter, by charter id then channel order. */
  readonly commitments: readonly CommitmentFigures[];
  readonly rows: RowCounts;
  readonly badRowCounts: Readonly<Record<BadRowKind, number>>;
  /** Bad rows in file and line order (at most MAX_LISTED_BAD_ROWS; the counts are always complete). */
  readonly badRows: readonly BadRow[];
  readonly overdueReviews: readonly OverdueReview[];
  /** Unit charters with errors, which are not measured: their rows are bad rows (`unknown-charter`). */
  readonly unmeasuredCharters: readonly UnmeasuredCharter[];
  /** How each log was read (format, delimiter, encoding). */
  readonly input?: { readonly logs: readonly LogInput[]; readonly timeZone: string | null };
  /** Figures to look at twice: a promise with more than 2 % of its rows paused. */
  readonly warnings?: readonly ReportWarning[];
}

/** What reading a log found out (said on standard error too). */
export interface LogInput {
  readonly file: string;
  readonly format: 'csv' | 'jsonl';
  /** `comma`, `semicolon`, `tab`, or the character itself; null for JSON Lines. */
  readonly delimiter: string | null;
  /** Whether the delimiter was found from the header (false: given with --delimiter). */
  readonly delimiterDetected: boolean;
  /** `utf-8`, `utf-16le`, `utf-16be`, `windows-1252` or `latin1`. */
  readonly encoding: string;
}

/** More than PAUSED_WARNING_SHARE of a promise's rows had paused time: pausing must not quietly hide misses. */
export interface ReportWarning {
  readonly kind: 'paused-share';
  readonly charter: string;
  readonly channel: string;
  readonly commitment: string;
  readonly line: string | null;
  readonly groups: readonly string[];
  readonly service: string | null;
  /** Rows with paused time, of `count` rows, over the whole range. */
  readonly paused: number;
  readonly count: number;
  readonly share: number;
}

export interface UnmeasuredCharter {
  /** The charter's id, null when it has none. */
  readonly charter: string | null;
  readonly file: string;
  /** Why it is not measured; `charter validate` says where. */
  readonly reason: string;
}

/** Bad rows kept with their details; beyond this only counted (a million bad rows would not fit in memory otherwise). */
export const MAX_LISTED_BAD_ROWS = 100_000;
