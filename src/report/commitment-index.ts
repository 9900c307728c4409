import type { Charter, OfficeHours } from '../model/charter.js';
import { promisesOf } from '../model/commitments.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import type { Duration, DurationUnit } from '../time/duration.js';
import { WorkingCalendar, type WorkingCalendarOptions } from '../time/working-calendar.js';
import type { CharterText } from '../model/compliance-report.js';
import { message, type MessageRef } from '../messages/message.js';

/** A commitment that rows can be measured against: the effective promise and the office's calendar. */
export interface MeasuredCommitment {
  /** Position in the report's list of commitments. */
  readonly index: number;
  readonly charter: string;
  readonly file: string;
  readonly unitName: CharterText;
  readonly languages: readonly string[];
  readonly channel: string;
  readonly commitment: string;
  readonly within: string;
  readonly duration: Duration;
  readonly target: number;
  readonly calendar: WorkingCalendar;
}

/** A commitment the charter makes but that cannot be measured (too long a promise, no calendar). */
export interface UnmeasurableCommitment {
  readonly problem: MessageRef;
}

export interface CharterCommitments {
  readonly id: string;
  readonly file: string;
  /** channel → commitment → what to measure against. */
  readonly channels: ReadonlyMap<string, ReadonlyMap<string, MeasuredCommitment | UnmeasurableCommitment>>;
  /** Why none of the charter's rows can be measured (it could not be normalized). */
  readonly problem?: MessageRef;
}

export interface CommitmentIndex {
  readonly charters: ReadonlyMap<string, CharterCommitments>;
  /** Every measurable commitment, in report order (charter id, then channel order). */
  readonly commitments: readonly MeasuredCommitment[];
  /** Measurable commitments by `charter,channel,commitment`. */
  readonly byKey: ReadonlyMap<string, MeasuredCommitment>;
}

/**
 * What each unit charter promises, with the values in force after its
 * baseline is merged in, and a working calendar per set of office hours
 * (a channel's own hours, else the unit's). A unit that could not be
 * normalized is indexed by its id with the reason, so its rows are bad rows
 * that say so.
 */
export function indexCommitments(units: NormalizedUnits): CommitmentIndex {
  const charters = new Map<string, CharterCommitments>();
  const commitments: MeasuredCommitment[] = [];
  for (const charter of [...units.charters].sort((a, b) => compareIds(a.id, b.id))) {
    if (!charters.has(charter.id)) charters.set(charter.id, indexCharter(charter, commitments));
  }
  for (const unit of units.unnormalized) {
    if (unit.id === undefined || charters.has(unit.id)) continue;
    charters.set(unit.id, {
      id: unit.id,
      file: unit.file,
      channels: new Map(),
      problem: message('report.row.charter-has-errors', { id: unit.id, reason: unit.reason }),
    });
  }
  const byKey = new Map(commitments.map((commitment) => [`${commitment.charter},${commitment.channel},${commitment.commitment}`, commitment]));
  return { charters, commitments, byKey };
}

function indexCharter(charter: Charter, commitments: MeasuredCommitment[]): CharterCommitments {
  const { id } = charter;
  const channels = new Map<string, Map<string, MeasuredCommitment | UnmeasurableCommitment>>();
  const calendars = new Map<OfficeHours, OfficeCalendar | string>();

  for (const found of promisesOf(charter)) {
    // Measured so far: promises without a line, group or service (as in format 1).
    if (found.measure !== 'within' || found.place.line !== undefined || found.place.groups.length > 0 || found.place.service !== undefined) continue;
    const { promise, hours } = found;
    const slot = found.place;
    const list = channels.get(slot.channel) ?? new Map<string, MeasuredCommitment | UnmeasurableCommitment>();
    channels.set(slot.channel, list);

    let calendar = calendars.get(hours);
    if (calendar === undefined) {
      calendar = calendarFor(hours);
      calendars.set(hours, calendar);
    }
    const { within, target } = promise;
    const where = { charter: id, channel: slot.channel, commitment: slot.commitment };
    if (within.amount > LONGEST_MEASURED[within.unit]) {
      list.set(slot.commitment, { problem: message('report.row.over-a-year', { ...where, within: within.written }) });
    } else if (typeof calendar === 'string') list.set(slot.commitment, { problem: message('report.row.no-calendar', { ...where, reason: calendar }) });
    else if ((within.unit === 'working hour' || within.unit === 'same working day') && !calendar.hasHours) {
      list.set(slot.commitment, { problem: message('report.row.no-office-hours', where) });
    } else {
      const measured: MeasuredCommitment = {
        index: commitments.length,
        charter: id,
        file: charter.file,
        unitName: charter.unit.name.written,
        languages: charter.languages,
        channel: slot.channel,
        commitment: slot.commitment,
        within: within.written,
        duration: { amount: within.amount, unit: within.unit },
        target,
        calendar: calendar.calendar,
      };
      commitments.push(measured);
      list.set(slot.commitment, measured);
    }
  }
  return { id, file: charter.file, channels };
}

/**
 * The longest promise measured, in each unit: about a year. Customer-service
 * promises are minutes to weeks (`implausible-promise` warns long before
 * this); a longer one is a typing mistake, and measuring it would make the
 * working calendar count years of days for every contact.
 */
const LONGEST_MEASURED: Readonly<Record<DurationUnit, number>> = {
  second: 366 * 86_400,
  minute: 366 * 1_440,
  hour: 366 * 24,
  day: 366,
  week: 53,
  month: 12,
  year: 1,
  'working day': 262,
  'working hour': 262 * 24,
  // No amount (0): always within reach.
  'same working day': 0,
  immediately: 0,
};

interface OfficeCalendar {
  readonly calendar: WorkingCalendar;
  /** False when no weekly hours are given: working hours cannot be counted. */
  readonly hasHours: boolean;
}

/** The working calendar of a set of office hours; a string says why there is none. */
function calendarFor(hours: OfficeHours): OfficeCalendar | string {
  const options: WorkingCalendarOptions = {
    weekly: hours.weekly.map((period) => ({ days: period.daysWritten, open: period.open.text, close: period.close.text })),
    exceptions: hours.exceptions.map((exception) =>
      exception.closed ? { date: exception.date, closed: true } : { date: exception.date, open: exception.open.text, close: exception.close.text },
    ),
    timeZone: hours.timeZone,
    ...(hours.holidays === undefined ? {} : { holidays: hours.holidays }),
  };
  try {
    return { calendar: new WorkingCalendar(options), hasHours: options.weekly.length > 0 };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
