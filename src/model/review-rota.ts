import { reviewerFor, rotaSchedule, type RotaReview, type RotaSchedule } from '../time/rota.js';
import type { Contact, Review } from './charter.js';

/** A normalized review as the rota arithmetic (src/time/rota.ts) reads it. */
function rotaReviewOf(review: Review): RotaReview {
  return { approved: review.approved, every: review.every.written, rota: review.rota.map((contact) => contact.id) };
}

/** Who reviews which period, `count` periods (see rotaSchedule). */
export function reviewSchedule(review: Review, today: string, count: number): RotaSchedule {
  return rotaSchedule(rotaReviewOf(review), today, count);
}

export interface CurrentReviewer {
  readonly contact: Contact;
  /** First and last day of the period (YYYY-MM-DD). */
  readonly from: string;
  readonly to: string;
}

/** This period's reviewer; undefined without a rota, before the approval, or when `every` is not whole days, weeks or months. */
export function currentReviewer(review: Review, today: string): CurrentReviewer | undefined {
  const assignment = reviewerFor(rotaReviewOf(review), today);
  const contact = assignment === undefined ? undefined : review.rota[assignment.index];
  return assignment && contact ? { contact, from: assignment.periodFrom, to: assignment.periodTo } : undefined;
}
