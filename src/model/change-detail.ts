import type { Duration } from '../time/duration.js';
import type { CharterText } from './charter.js';
import type { PromiseMeasure, PromisePlace } from './commitments.js';

/**
 * A change between two versions of a charter as data (`charter diff` finds
 * it): what the review pack needs to say it in its readers' words. Here, not
 * in src/diff, as the views that word it may not import the diff.
 */

/** A channel line as its charter has it: kind, id (in a list of lines) and name, when it has one. */
export interface LineSubject {
  readonly channel: string;
  readonly id?: string;
  readonly name?: CharterText;
}

/** A promise's place and the charter's own names for it, from the version that has the promise. */
export interface PromiseSubject {
  readonly measure: PromiseMeasure;
  readonly place: PromisePlace;
  /** The line's or complaint stage's name. */
  readonly lineName?: CharterText;
  /** The names of `place.groups`, in order (a group without one: its id). */
  readonly groupNames: readonly CharterText[];
  readonly serviceName?: CharterText;
  /** A service promise's own name. */
  readonly commitmentName?: CharterText;
}

/** A value of a promise, for another wording than the charter's keys: a time limit, or a share (0.9 for 90%). */
export type ChangeValue = { readonly duration: Duration } | { readonly share: number };

/**
 * A promise's or line's change as data, beside its `text`: what a reader who
 * does not know the charter's keys needs to have it said in their words (the
 * review pack). `text.id` says what kind of change it is. Optional: words and
 * hours changes carry their values in `text` only.
 */
export interface ChangeDetail {
  readonly promise?: PromiseSubject;
  readonly line?: LineSubject;
  /** The values before and after (an added promise: `to`; a removed one: `from`); a promise's target with its limit in `target`. */
  readonly from?: ChangeValue;
  readonly to?: ChangeValue;
  /** The target of an added or removed `within` promise, as a share. */
  readonly target?: number;
}
