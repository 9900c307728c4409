import type { LoadedCollection } from '../load/load-collection.js';
import { getPath, isPlainObject } from '../model/charter-data.js';
import { nextReviewDate } from '../model/review-status.js';
import { daysBetween } from '../time/calendar-date.js';
import { reviewerFor, type RotaReview } from '../time/rota.js';
import { charterTextOf } from '../model/charter-text.js';
import type { CharterText, OverdueReview } from './model.js';

/** Unit charters whose review date (`review.next`, else approval + `every`) is before `today`, most overdue first. */
export function overdueReviews(collection: LoadedCollection, today: string): OverdueReview[] {
  const overdue: OverdueReview[] = [];
  for (const charter of collection.charters) {
    const id = charter.data.id;
    if (charter.isBaseline || typeof id !== 'string') continue;
    const review = getPath(charter.data, ['review']);
    const due = nextReviewDate(charter.data);
    if (due === undefined || due >= today) continue;
    const assignment = reviewerFor(isPlainObject(review) ? (review as RotaReview) : undefined, today);
    const reviewer = assignment ? { id: assignment.contactId, name: contactName(charter.data.contacts, assignment.contactId) } : undefined;
    overdue.push({
      charter: id,
      file: charter.file,
      unitName: charterTextOf(getPath(charter.data, ['unit', 'name'])) ?? id,
      due,
      daysOverdue: daysBetween(due, today),
      ...(reviewer ? { reviewer } : {}),
    });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.charter < b.charter ? -1 : 1));
}

function contactName(contacts: unknown, id: string): CharterText {
  if (!Array.isArray(contacts)) return id;
  const contact = contacts.find((entry) => isPlainObject(entry) && entry.id === id);
  return (isPlainObject(contact) ? charterTextOf(contact.name) : undefined) ?? id;
}
