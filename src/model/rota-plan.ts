import { message, worded, type MessageRef, type MessageValue } from '../messages/message.js';
import { MAX_REVIEW_YEARS } from '../time/review-interval.js';
import type { RotaProblem } from '../time/rota.js';
import type { Charter, Review } from './charter.js';
import { textIn } from './charter-text.js';
import { reviewSchedule } from './review-rota.js';
import { reviewStatus, type ReviewStatus } from './review-status.js';

/**
 * What `charter rota` shows of one charter: who reviews which period, with
 * reviewers resolved to the charter's contacts. Pure: no I/O, no printing.
 */
export interface CharterRota {
  /** The file as shown to the user. */
  readonly file: string;
  /** False when the file did not load as a charter, or has errors that keep it from being normalized (its problem says why). */
  readonly loaded: boolean;
  readonly id?: string;
  /** `unit.name` in the charter's first language. */
  readonly name?: string;
  /** The charter's first language, used for names. */
  readonly language?: string;
  /** `review.every` as written, when it is text. */
  readonly every?: string;
  readonly approved?: string;
  readonly next?: ReviewDue;
  /** True when today is before `review.approved`: the periods start with the approval period. */
  readonly beforeApproval: boolean;
  /** Successive periods from the one that holds today; empty when there is no usable rota. */
  readonly periods: readonly RotaPeriod[];
  /**
   * Why there is no rota, or what is wrong with it. `error`s make the command
   * fail; a charter without `review.rota` only gets a `note`.
   */
  readonly problems: readonly RotaPlanProblem[];
}

/** `review.next` as `charter validate` judges it (src/model/review-status.ts). */
export type ReviewDue = ReviewStatus;

export interface RotaPeriod {
  /** First day (YYYY-MM-DD). */
  readonly from: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  readonly to: string;
  /** True for the period that holds today. */
  readonly current: boolean;
  /** Which period since approval: 0 starts on the approval date. */
  readonly period: number;
  readonly reviewer: Reviewer;
}

export interface Reviewer {
  /** The contact id from `review.rota`, printed even when no contact has it. */
  readonly id: string;
  /** The contact's name in the charter's first language; absent for an unknown id. */
  readonly name?: string;
  /** False when `contacts` has no contact with this id. */
  readonly known: boolean;
}

export interface RotaPlanProblem {
  readonly severity: 'error' | 'note';
  /** In English; `text` says it in the reader's language. */
  readonly message: string;
  readonly text: MessageRef;
}

function problem(severity: RotaPlanProblem['severity'], text: MessageRef): RotaPlanProblem {
  return { severity, ...worded(text) };
}

/** The rota of one normalized unit charter, `count` periods from today. */
export function planRota(charter: Charter, today: string, count: number): CharterRota {
  const [language] = charter.languages;
  const { review } = charter;
  const schedule = reviewSchedule(review, today, count);
  const periods = schedule.ok
    ? schedule.periods.map((assignment): RotaPeriod => {
        const contact = review.rota[assignment.index];
        return {
          from: assignment.periodFrom,
          to: assignment.periodTo,
          current: assignment.period === schedule.currentPeriod,
          period: assignment.period,
          reviewer: { id: assignment.contactId, ...(contact ? { name: textIn(contact.name, language).text } : {}), known: contact !== undefined },
        };
      })
    : [];
  return {
    file: charter.file,
    loaded: true,
    id: charter.id,
    name: textIn(charter.unit.name, language).text,
    language,
    every: review.every.written,
    approved: review.approved,
    next: reviewStatus(review.next, today),
    beforeApproval: schedule.ok && schedule.beforeApproval,
    periods,
    problems: schedule.ok ? [] : [scheduleProblem(schedule.problem, review)],
  };
}

/** A file that did not load as a charter: listed with its first error, so nothing is skipped silently. */
export function unreadableRota(file: string, firstError: MessageValue | undefined): CharterRota {
  const reason = firstError === undefined ? message('cli.rota.not-a-charter') : firstError;
  return { file, loaded: false, beforeApproval: false, periods: [], problems: [problem('error', message('cli.rota.unreadable', { reason }))] };
}

/** A unit whose charter has errors that keep it from being normalized: listed with the reason, and no rota is worked out. */
export function unusableRota(unit: { readonly file: string; readonly id?: string }, reason: MessageValue): CharterRota {
  return {
    file: unit.file,
    loaded: false,
    ...(unit.id === undefined ? {} : { id: unit.id }),
    beforeApproval: false,
    periods: [],
    problems: [problem('error', message('cli.rota.unusable', { reason }))],
  };
}

function scheduleProblem(kind: RotaProblem, review: Review): RotaPlanProblem {
  switch (kind) {
    case 'no-rota':
      return problem('note', message('cli.rota.no-rota'));
    case 'bad-approved':
      return problem('error', message('cli.rota.bad-approved', { found: review.approved }));
    case 'bad-every':
      return problem('error', message('cli.rota.bad-every', { found: review.every.written, count: MAX_REVIEW_YEARS }));
  }
}
