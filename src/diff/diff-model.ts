import type { JsonPath } from '../model/diagnostic.js';
import type { MessageRef } from '../messages/message.js';

/**
 * What `charter diff` found, as data: the formats (stylish, json, markdown,
 * github) only lay it out. Every text is a message, said in the reader's
 * language when shown; the values quoted from charters are plain strings that
 * each format escapes for where it writes them.
 */

/**
 * How a change stands to the promise: `loosened` and `removed` weaken what
 * customers were promised (a decision must be recorded); `changed` is a
 * promise changed in a way that cannot be ranked (`2 working days` →
 * `3 days`), which needs a decision too; `words` changes no measurable promise.
 */
export type ChangeKind = 'loosened' | 'tightened' | 'added' | 'removed' | 'changed' | 'words';

/** The kinds that weaken a promise, or may: they need a recorded decision. */
export const WEAKENING_KINDS: readonly ChangeKind[] = ['loosened', 'removed', 'changed'];

/** Where a change is written: in the new file (or the baseline it inherits from); in the old one for a removed charter. */
export interface ChangeLocation {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

export type { ChangeDetail, ChangeValue, LineSubject, PromiseSubject } from '../model/change-detail.js';
import type { ChangeDetail } from '../model/change-detail.js';

export interface PromiseChange {
  readonly kind: ChangeKind;
  /** The change in words. */
  readonly text: MessageRef;
  /** Where it is in the charter's (merged) data. */
  readonly path: JsonPath;
  readonly at?: ChangeLocation;
  /** The change as data, for a second wording; not part of `charter diff`'s own outputs. */
  readonly detail?: ChangeDetail;
}

export type CharterStatus = 'changed' | 'added' | 'removed';

export interface CharterDiff {
  /** The unit's id now (its old id for a removed charter). */
  readonly id: string;
  /** Its id before, when it changed. */
  readonly oldId?: string;
  /** The file as shown to the user (the old file for a removed charter). */
  readonly file: string;
  /** The old file, when it was renamed or moved. */
  readonly oldFile?: string;
  readonly status: CharterStatus;
  /** `review.approved` moved to a later date and `review.approvedBy` is given: the change was decided. */
  readonly approval?: { readonly approved: string; readonly approvedBy?: string };
  /** A promise is weakened and no decision is recorded: the diff fails. */
  readonly needsDecision: boolean;
  readonly changes: readonly PromiseChange[];
}

/** A charter that did not load on one side, and why: compared it cannot be. */
export interface UnreadableCharter {
  readonly file: string;
  readonly side: 'old' | 'new';
  readonly reason: string;
}

export interface DiffResult {
  /** What the charters were compared with, in words (`main`, `abc1234`, `old/`). */
  readonly base: string;
  /** Every charter that changed, in file order. */
  readonly charters: readonly CharterDiff[];
  readonly unreadable: readonly UnreadableCharter[];
  /** Charters compared (on either side). */
  readonly compared: number;
}

/** True when some promise is weakened without a recorded decision: exit 1. */
export function needsDecision(result: DiffResult): boolean {
  return result.charters.some((charter) => charter.needsDecision);
}
