import { charterNotes, decisionText, kindMessage } from '../diff/render-text.js';
import { message } from '../messages/message.js';
import type { ReviewChangesInput } from '../view/review-view.js';
import type { ApprovalChanges } from './since-approval.js';

/**
 * What changed in a charter since its approval, as the review pack shows it:
 * the changes as `charter diff` words them (its notes on a new or renamed
 * charter, and whether a decision is needed), or why none can be shown.
 */
export function reviewChanges(changes: ApprovalChanges | undefined): ReviewChangesInput {
  if (changes === undefined) return { unavailable: message('review.pack.no-history'), notes: [], changes: [] };
  if (changes.unavailable !== undefined) return { unavailable: changes.unavailable, notes: [], changes: [] };
  const recorded = {
    ...(changes.approvalCommit === undefined ? {} : { approvalCommit: changes.approvalCommit }),
    ...(changes.approvalCommitDate === undefined ? {} : { approvalCommitDate: changes.approvalCommitDate }),
  };
  const { diff } = changes;
  if (diff === undefined) return { ...recorded, notes: [], changes: [] };
  const decision = decisionText(diff);
  return {
    ...recorded,
    notes: charterNotes(diff),
    ...(decision === undefined ? {} : { decision }),
    changes: diff.changes.map((change) => ({ kind: change.kind, kindWord: kindMessage(change.kind), text: change.text })),
  };
}
