import type { Charter } from '../model/charter.js';
import { currentReviewer } from '../model/review-rota.js';
import { reviewStatus } from '../model/review-status.js';
import type { OverdueReview } from '../model/compliance-report.js';

/** Unit charters whose review date is before `today`, most overdue first. */
export function overdueReviews(charters: readonly Charter[], today: string): OverdueReview[] {
  const overdue: OverdueReview[] = [];
  for (const charter of charters) {
    const status = reviewStatus(charter.review.next, today);
    if (status.status !== 'overdue') continue;
    const reviewer = currentReviewer(charter.review, today)?.contact;
    overdue.push({
      charter: charter.id,
      file: charter.file,
      unitName: charter.unit.name.written,
      due: status.date,
      daysOverdue: -status.inDays,
      ...(reviewer ? { reviewer: { id: reviewer.id, name: reviewer.name.written } } : {}),
    });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.charter < b.charter ? -1 : 1));
}
