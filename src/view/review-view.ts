import type { Charter } from '../model/charter.js';
import type { CommitmentFigures, ComplianceReport, Figures } from '../model/compliance-report.js';
import { hasFewContacts, minContactsOf } from '../model/attention.js';
import { currentReviewer } from '../model/review-rota.js';
import { renderMessage, type MessageRef } from '../messages/message.js';
import { buildCharterView, type CharterViewContext } from './charter-view.js';
import type { ChangeDetail } from '../model/change-detail.js';
import { changeMessage, type ChangeWordsContext } from './change-words.js';
import { buildDashboardView } from './dashboard-view.js';
import { formatDate, formatDateRange } from './format-dates.js';
import type { PageLanguage } from './site-languages.js';
import { fill, reviewStrings } from './strings.js';
import type { ContactView, ReviewChangesView, ReviewFiguresView, ReviewPageView, ReviewPromiseView } from './view-model.js';

/**
 * The review pack of one charter in one language: what the period's reviewer
 * takes to the review meeting. Pure: the figures, the changes since the
 * approval and the reflection questions come in as data (src/review/ reads
 * the logs and git), and every text is chosen and worded here.
 */

/** What changed since the approval, as `charter diff` words it (src/review/ turns an ApprovalChanges into this). */
export interface ReviewChangesInput {
  /** Why no comparison could be made; the rest is then empty. */
  readonly unavailable?: MessageRef;
  /** The commit that recorded the approval, and its date (YYYY-MM-DD). */
  readonly approvalCommit?: string;
  readonly approvalCommitDate?: string;
  /** A new, moved or renamed charter. */
  readonly notes: readonly MessageRef[];
  /** Whether a decision is needed or recorded for a weakened promise. */
  readonly decision?: MessageRef;
  /** Each change: its kind (`loosened`…), the kind in words, the change in `charter diff`'s words, and as data for the page's. */
  readonly changes: readonly {
    readonly kind: string;
    readonly kindWord: MessageRef;
    readonly text: MessageRef;
    readonly detail?: ChangeDetail;
  }[];
}

/** The period's figures: the charter's promises measured over it, why they cannot be, or nothing (no logs given). */
export type ReviewFiguresInput = { readonly report: ComplianceReport } | { readonly problem: MessageRef } | undefined;

/** One charter's review, ready to be viewed in any of its languages. */
export interface ReviewInput {
  readonly charter: Charter;
  /** The review day, the period's last day (YYYY-MM-DD). */
  readonly day: string;
  readonly figures: ReviewFiguresInput;
  readonly changes: ReviewChangesInput;
}

export interface ReviewViewContext extends CharterViewContext {
  /** The charter's page, for a link back, when the pack is part of the site. */
  readonly charterUrl?: string;
}

/** The four questions, in the order a review meeting takes them. */
const QUESTIONS = ['promised', 'kept', 'customers', 'change'] as const;

export function buildReviewView(input: ReviewInput, page: PageLanguage, context: ReviewViewContext): ReviewPageView {
  const { charter, day } = input;
  const ui = page.ui;
  const words = reviewStrings(ui);
  // The charter page's own view of the charter, as of the review day: names, contacts, review, improvements.
  const view = buildCharterView(charter, page, { ...context, today: day });
  const from = charter.review.approved;
  const reviewer = reviewerOf(charter, day, view.contacts, page);
  const measured = input.figures !== undefined && 'report' in input.figures ? input.figures.report : undefined;
  const dashboard = measured ? buildDashboardView(measured, ui, { charterUrlOf: () => undefined, pageLanguage: page.lang }) : undefined;
  return {
    id: charter.id,
    name: view.name,
    ...(view.organisation ? { organisation: view.organisation } : {}),
    ...(context.charterUrl === undefined ? {} : { charterUrl: context.charterUrl }),
    review: view.review,
    ...(reviewer ? { reviewer } : {}),
    hasRota: charter.review.rota.length > 0,
    period: {
      text: day < from ? formatDate(from, ui) : formatDateRange(from, day, ui),
      from,
      to: day,
      ...(day < from ? { notBegun: fill(words.periodNotBegun, { date: formatDate(from, ui) }) } : {}),
    },
    ...(dashboard ? { asOf: dashboard.asOf } : {}),
    figures: figuresView(input.figures, charter.id, dashboard, ui),
    changes: changesView(input.changes, { ui, textLang: page.lang, languages: charter.languages }),
    feedback: measured && dashboard ? feedbackLines(measured, dashboard, charter.id, ui) : [],
    improvements: view.improvements.filter((entry) => entry.iso >= from && entry.iso <= day),
    questions: QUESTIONS.map((key) => words.questions[key]),
  };
}

/** The period's reviewer from the rota, with their contact details; undefined without a rota or before the approval. */
function reviewerOf(charter: Charter, day: string, contacts: readonly ContactView[], page: PageLanguage): ReviewPageView['reviewer'] | undefined {
  const current = currentReviewer(charter.review, day);
  if (!current) return undefined;
  const contact = contacts.find((found) => found.id === current.contact.id);
  if (!contact) return undefined;
  return { contact, turn: formatDateRange(current.from, current.to, page.ui) };
}

/**
 * The promises over the period, missed first: missed on enough contacts, then
 * missed on few, close, met, and nothing decided last; within each, in the
 * charter's order.
 */
function figuresView(
  input: ReviewFiguresInput,
  id: string,
  dashboard: ReturnType<typeof buildDashboardView> | undefined,
  ui: PageLanguage['ui'],
): ReviewFiguresView {
  if (input === undefined) return { state: 'no-log' };
  if ('problem' in input) return { state: 'unavailable', text: fill(reviewStrings(ui).figuresUnavailable, { reason: renderMessage(input.problem, ui) }) };
  const minContacts = minContactsOf(input.report);
  const own = input.report.commitments.filter((figures) => figures.charter === id);
  const views = dashboard?.units.find((unit) => unit.id === id)?.commitments ?? [];
  const promises: (ReviewPromiseView & { rank: number; order: number })[] = views.map((figures, order) => {
    const total = (own[order] as CommitmentFigures).total;
    return { figures, missed: total.status === 'missed', rank: periodRank(total, minContacts), order };
  });
  promises.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return {
    state: 'measured',
    promises: promises.map(({ figures, missed }) => ({ figures, missed })),
    fewContactsNote: dashboard?.fewContactsNote ?? '',
  };
}

function periodRank(total: Figures, minContacts: number): number {
  const few = hasFewContacts(total, minContacts);
  return { missed: few ? 1 : 0, close: 2, met: 3, 'no-data': 4 }[total.status];
}

function changesView(input: ReviewChangesInput, context: ChangeWordsContext): ReviewChangesView {
  const { ui } = context;
  if (input.unavailable !== undefined) return { state: 'unavailable', reason: renderMessage(input.unavailable, ui) };
  const words = reviewStrings(ui);
  const recorded =
    input.approvalCommit !== undefined && input.approvalCommitDate !== undefined
      ? fill(words.approvalRecorded, { date: formatDate(input.approvalCommitDate, ui), commit: input.approvalCommit.slice(0, 7) })
      : undefined;
  const withRecorded = recorded === undefined ? {} : { recorded };
  if (input.changes.length === 0 && input.notes.length === 0) return { state: 'none', ...withRecorded };
  return {
    state: 'changed',
    ...withRecorded,
    notes: input.notes.map((note) => sentence(renderMessage(note, ui))),
    ...(input.decision === undefined ? {} : { decision: sentence(renderMessage(datesInWords(input.decision, ui), ui)) }),
    items: input.changes.map((change) => ({
      kind: change.kind,
      text: fill(words.change, {
        kind: capitalise(renderMessage(change.kindWord, ui)),
        text: plain(renderMessage(changeMessage(change.text, change.detail, context), ui)),
      }),
    })),
  };
}

/** A message's `approved` date (YYYY-MM-DD) as the page writes dates. */
function datesInWords(ref: MessageRef, ui: PageLanguage['ui']): MessageRef {
  const approved = ref.values?.approved;
  if (typeof approved !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(approved)) return ref;
  return { id: ref.id, values: { ...ref.values, approved: formatDate(approved, ui) } };
}

/** How much feedback came in over the period, and how each feedback promise was kept: from the feedback promises' figures. */
function feedbackLines(report: ComplianceReport, dashboard: ReturnType<typeof buildDashboardView>, id: string, ui: PageLanguage['ui']): string[] {
  const words = reviewStrings(ui);
  const own = report.commitments.filter((figures) => figures.charter === id);
  const views = dashboard.units.find((unit) => unit.id === id)?.commitments ?? [];
  const feedback = own.map((figures, index) => ({ figures, view: views[index] })).filter(({ figures }) => figures.channel === 'feedback');
  if (feedback.length === 0) return [];
  // Each piece of feedback is a row of each feedback promise: the largest count is how many came in.
  const received = Math.max(...feedback.map(({ figures }) => figures.total.count));
  const count = new Intl.NumberFormat(ui, { maximumFractionDigits: 0 }).format(received);
  return [
    fill(words.feedbackReceived, { count }),
    ...feedback.flatMap(({ view }) => (view ? [fill(words.feedbackAnswered, { name: view.name, share: view.total.share })] : [])),
  ];
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The terminal's wording on a page: its backticks (code in a terminal or Markdown) left out. */
function plain(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1');
}

/** A message of the command line as a sentence of the page: capitalised, ending in a full stop. */
function sentence(text: string): string {
  const words = capitalise(plain(text));
  return /[.!?]$/.test(words) ? words : `${words}.`;
}
