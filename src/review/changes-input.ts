import type { CharterDiff } from '../diff/diff-model.js';
import { charterNotes, decisionText, kindMessage } from '../diff/render-text.js';
import type { MessageId } from '../messages/catalog.js';
import { message, type MessageRef } from '../messages/message.js';
import { mapStrings } from '../util/map-strings.js';
import type { ReviewChangesInput } from '../view/review-view.js';
import { pageQuoted } from './page-text.js';
import type { ApprovalChanges } from './since-approval.js';

/**
 * What changed in a charter since its approval, as the review pack shows it:
 * the changes as `charter diff` finds them, with their data for the page's
 * own wording (its notes on a new or renamed charter, and whether a decision
 * is needed), or why none can be shown.
 */
export function reviewChanges(changes: ApprovalChanges | undefined): ReviewChangesInput {
  // Every text in it (old values, old names, file names) may come from a version that was never validated.
  return mapStrings(changesOf(changes), pageQuoted);
}

function changesOf(changes: ApprovalChanges | undefined): ReviewChangesInput {
  if (changes === undefined) return { unavailable: message('review.pack.no-history'), notes: [], changes: [] };
  if (changes.unavailable !== undefined) return { unavailable: changes.unavailable, notes: [], changes: [] };
  const recorded = {
    ...(changes.approvalCommit === undefined ? {} : { approvalCommit: changes.approvalCommit }),
    ...(changes.approvalCommitDate === undefined ? {} : { approvalCommitDate: changes.approvalCommitDate }),
  };
  const { diff } = changes;
  if (diff === undefined) return { ...recorded, notes: [], changes: [] };
  const decision = decisionNote(diff);
  return {
    ...recorded,
    notes: charterNotes(diff),
    ...(decision === undefined ? {} : { decision }),
    changes: diff.changes.map((change) => ({
      kind: change.kind,
      kindWord: kindMessage(change.kind),
      text: change.text,
      ...(change.detail === undefined ? {} : { detail: change.detail }),
    })),
  };
}

/**
 * What the decision says, for the meeting: `charter diff`'s cases, said
 * plainly; the keys stay, as the administrator records the decision in them.
 */
const DECISION_NOTES: Readonly<Partial<Record<MessageId, MessageId>>> = {
  'diff.format.decision-needed': 'review.change.decision-needed',
  'diff.format.decision-without-by': 'review.change.decision-without-by',
  'diff.format.decision-recorded': 'review.change.decision-recorded',
};

function decisionNote(charter: CharterDiff): MessageRef | undefined {
  const text = decisionText(charter);
  const id = text && DECISION_NOTES[text.id];
  return text === undefined || id === undefined ? text : { ...text, id };
}
