import type { DurationUnit } from '../time/duration.js';

/**
 * The compliance report: how well each charter's commitments were kept,
 * measured from contact logs. Plain data (JSON-safe), shared by the terminal
 * table, JSON, CSV and the site's dashboard.
 */

/** met: share met at or above target; close: within 5 percentage points below; missed: further below; no-data: nothing decided yet. */
export type ComplianceStatus = 'met' | 'close' | 'missed' | 'no-data';

/** How far below target still counts as `close`, as a fraction (5 percentage points). */
export const CLOSE_MARGIN = 0.05;

export interface Figures {
  /** Rows counted: met + missed + pending. */
  readonly count: number;
  /** Closed in time. */
  readonly met: number;
  /** Closed late, or still open after the deadline. */
  readonly missed: number;
  /** Still open, deadline not yet passed (as of the report's `asOf`). */
  readonly pending: number;
  /** met / (met + missed); null when nothing is decided. */
  readonly shareMet: number | null;
  readonly status: ComplianceStatus;
  /** Median time taken by closed rows, in the commitment's own unit; null without closed rows. */
  readonly median: number | null;
  /** 90th percentile (nearest rank) of time taken by closed rows, in the commitment's own unit. */
  readonly p90: number | null;
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
  /** A key under `channels`, or `feedback`. */
  readonly channel: string;
  /** answer, callback, acknowledge, reply, wait or respond. */
  readonly commitment: string;
  /** The promise as written, e.g. `2 working days` (the effective value, baseline included). */
  readonly within: string;
  /** The unit that median and p90 are given in. */
  readonly unit: DurationUnit;
  /** The target share as a fraction (0.9 for 90%). */
  readonly target: number;
  /** The whole range. */
  readonly total: Figures;
  /** One entry per month of the report's range, in order, empty months included. */
  readonly months: readonly MonthFigures[];
}

export const BAD_ROW_KINDS = [
  'malformed',
  'unknown-charter',
  'unknown-channel',
  'unknown-commitment',
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
  /** Every commitment of every unit charter, by charter id then channel order. */
  readonly commitments: readonly CommitmentFigures[];
  readonly rows: RowCounts;
  readonly badRowCounts: Readonly<Record<BadRowKind, number>>;
  /** Bad rows in file and line order (at most MAX_LISTED_BAD_ROWS; the counts are always complete). */
  readonly badRows: readonly BadRow[];
  readonly overdueReviews: readonly OverdueReview[];
  /** Unit charters with errors, which are not measured: their rows are bad rows (`unknown-charter`). */
  readonly unmeasuredCharters: readonly UnmeasuredCharter[];
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
