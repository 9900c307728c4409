import { MAX_REVIEW_YEARS } from '../time/review-interval.js';
import { reviewStatus, type ReviewStatus } from './review-status.js';
import { isCalendarDate } from '../time/calendar-date.js';
import { rotaSchedule, type RotaProblem } from '../time/rota.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { getPath, isPlainObject, type CharterData } from './charter-data.js';
import { textInLanguage } from './charter-text.js';

/**
 * What `charter rota` shows of one charter: who reviews which period, with
 * reviewers resolved to the charter's contacts. Pure: no I/O, no printing.
 */
export interface CharterRota {
  /** The file as shown to the user. */
  readonly file: string;
  /** False when the file did not load as a charter (its problem says why). */
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
  readonly message: string;
}

/** The rota of one loaded unit charter, `count` periods from today. */
export function planRota(charter: Pick<ResolvedCharter, 'file' | 'data'>, today: string, count: number): CharterRota {
  const data = charter.data;
  const language = firstLanguage(data);
  const review = getPath(data, ['review']);
  const reviewData = isPlainObject(review) ? review : {};
  const schedule = rotaSchedule(reviewData, today, count);
  const contacts = contactsById(data);

  const problems: RotaPlanProblem[] = [];
  if (!schedule.ok) problems.push(scheduleProblem(schedule.problem, reviewData));
  else {
    const unknown = [...new Set(schedule.rota)].filter((id) => !contacts.has(id));
    for (const id of unknown) problems.push({ severity: 'error', message: `\`review.rota\` names \`${id}\`, which is not a contact id in \`contacts\`` });
  }

  const periods = schedule.ok
    ? schedule.periods.map((assignment): RotaPeriod => {
        const contact = contacts.get(assignment.contactId);
        const name = contact ? textInLanguage(contact.name, [language])?.text : undefined;
        return {
          from: assignment.periodFrom,
          to: assignment.periodTo,
          current: assignment.period === schedule.currentPeriod,
          period: assignment.period,
          reviewer: { id: assignment.contactId, ...(name === undefined ? {} : { name }), known: contact !== undefined },
        };
      })
    : [];

  const id = getPath(data, ['id']);
  const name = textInLanguage(getPath(data, ['unit', 'name']), [language])?.text;
  const next = reviewDue(reviewData.next, today);
  return {
    file: charter.file,
    loaded: true,
    ...(typeof id === 'string' ? { id } : {}),
    ...(name === undefined ? {} : { name }),
    ...(language === undefined ? {} : { language }),
    ...(typeof reviewData.every === 'string' ? { every: reviewData.every } : {}),
    ...(isCalendarDate(reviewData.approved) ? { approved: reviewData.approved } : {}),
    ...(next ? { next } : {}),
    beforeApproval: schedule.ok && schedule.beforeApproval,
    periods,
    problems,
  };
}

/** A file that did not load as a charter: listed with its first error, so nothing is skipped silently. */
export function unreadableRota(file: string, firstError: string | undefined): CharterRota {
  const reason = firstError === undefined ? 'it is not a charter' : firstError;
  return { file, loaded: false, beforeApproval: false, periods: [], problems: [{ severity: 'error', message: `could not be read: ${reason}` }] };
}

function scheduleProblem(problem: RotaProblem, review: Record<string, unknown>): RotaPlanProblem {
  switch (problem) {
    case 'no-rota':
      return { severity: 'note', message: 'no rota: the charter has no `review.rota`' };
    case 'bad-approved':
      return { severity: 'error', message: `the rota counts periods from \`review.approved\`, which must be a date such as 2026-09-01 (${found(review.approved)})` };
    case 'bad-every':
      return { severity: 'error', message: `\`review.every\` must be whole days, weeks or months, such as \`12 months\`, and at most ${MAX_REVIEW_YEARS} years, for a rota (${found(review.every)})` };
  }
}

function found(value: unknown): string {
  if (value === undefined) return 'it is missing';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `found \`${text}\``;
}

function reviewDue(next: unknown, today: string): ReviewDue | undefined {
  return isCalendarDate(next) ? reviewStatus(next, today) : undefined;
}

function firstLanguage(data: CharterData): string | undefined {
  const languages = getPath(data, ['languages']);
  const first: unknown = Array.isArray(languages) ? languages[0] : undefined;
  return typeof first === 'string' ? first : undefined;
}

/** Contacts by id; the first of a duplicated id wins, as on the site. */
function contactsById(data: CharterData): Map<string, Record<string, unknown>> {
  const contacts = new Map<string, Record<string, unknown>>();
  const list = getPath(data, ['contacts']);
  for (const contact of Array.isArray(list) ? list : []) {
    if (isPlainObject(contact) && typeof contact.id === 'string' && !contacts.has(contact.id)) contacts.set(contact.id, contact);
  }
  return contacts;
}

/** A text written once (`Liisa Esimerkki`) or per language: the given language, else the first one written. */
