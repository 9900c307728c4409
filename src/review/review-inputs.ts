import type { Charter } from '../model/charter.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import type { MeasureOptions } from '../report/make-report.js';
import { todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import type { ReviewInput } from '../view/review-view.js';
import type { EventsOptions, ReviewSource } from '../site/build.js';
import { reviewChanges } from './changes-input.js';
import { periodFigures, type PeriodFigures } from './period-figures.js';
import { changesSinceApproval } from './since-approval.js';

export interface ReviewInputOptions {
  readonly cwd: string;
  /** The charters' paths as given (`charter diff`'s arguments): git is asked about them. */
  readonly patterns: readonly string[];
  /** The review's moment: figures are as of it, and its day (in Helsinki) ends the period. */
  readonly asOf: Date;
  /** Contact logs and how to read them; without them the packs have no figures. */
  readonly events?: Omit<MeasureOptions, 'cwd' | 'asOf'> | undefined;
}

export interface ReviewInputs {
  /** One per charter asked for, in the order given. */
  readonly inputs: readonly ReviewInput[];
  /** The review day (YYYY-MM-DD). */
  readonly day: string;
  /** The figures' reports, when logs were read. */
  readonly figures?: PeriodFigures;
}

/**
 * What each charter's review pack is made from: its figures over the period
 * since its approval (from the logs, when given), what changed in it since
 * the approval was recorded (from git), and the review day.
 */
export async function reviewInputs(units: NormalizedUnits, charters: readonly Charter[], options: ReviewInputOptions): Promise<ReviewInputs> {
  const day = todayIn(DEFAULT_TIME_ZONE, options.asOf);
  const figures = options.events ? await periodFigures(units, charters, { cwd: options.cwd, ...options.events, asOf: options.asOf }, day) : undefined;
  const changes = await changesSinceApproval(options.patterns, { cwd: options.cwd });
  return {
    day,
    inputs: charters.map((charter) => ({
      charter,
      day,
      figures: figures?.byCharter.get(charter.id),
      changes: reviewChanges(changes.get(charter.id)),
    })),
    ...(figures ? { figures } : {}),
  };
}

/** The review packs of a site built with contact logs (`charter build --events`, `charter serve --events`): every unit's, by id. */
export function siteReviews(cwd: string, patterns: readonly string[], events: EventsOptions): ReviewSource {
  return async (units, measured = events) => {
    const { inputs } = await reviewInputs(units, units.charters, { cwd, patterns, asOf: measured.asOf ?? new Date(), events: measured });
    return new Map(inputs.map((input) => [input.charter.id, input]));
  };
}
