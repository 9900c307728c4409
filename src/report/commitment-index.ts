import type { LoadedCollection } from '../load/load-collection.js';
import { getPath, isPlainObject, type CharterData } from '../model/charter-data.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { COMMITMENT_SLOTS, commitmentPath } from '../model/commitments.js';
import { parseDuration, parseTarget, type Duration, type DurationUnit } from '../time/duration.js';
import { WorkingCalendar, type WorkingCalendarOptions } from '../time/working-calendar.js';
import { charterTextOf } from '../model/charter-text.js';
import type { CharterText } from './model.js';

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

/** A commitment the charter makes but that cannot be measured (the charter has errors). */
export interface UnmeasurableCommitment {
  readonly problem: string;
}

export interface CharterCommitments {
  readonly id: string;
  readonly file: string;
  /** channel → commitment → what to measure against. */
  readonly channels: ReadonlyMap<string, ReadonlyMap<string, MeasuredCommitment | UnmeasurableCommitment>>;
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
 * (a channel's own hours, else the unit's).
 */
export function indexCommitments(collection: LoadedCollection): CommitmentIndex {
  const units = collection.charters
    .filter((charter) => !charter.isBaseline && typeof charter.data.id === 'string')
    .sort((a, b) => compareIds(String(a.data.id), String(b.data.id)));
  const charters = new Map<string, CharterCommitments>();
  const commitments: MeasuredCommitment[] = [];
  for (const unit of units) {
    const id = String(unit.data.id);
    if (charters.has(id)) continue;
    charters.set(id, indexCharter(unit, id, commitments));
  }
  const byKey = new Map(commitments.map((commitment) => [`${commitment.charter},${commitment.channel},${commitment.commitment}`, commitment]));
  return { charters, commitments, byKey };
}

function indexCharter(unit: ResolvedCharter, id: string, commitments: MeasuredCommitment[]): CharterCommitments {
  const data = unit.data;
  const channels = new Map<string, Map<string, MeasuredCommitment | UnmeasurableCommitment>>();
  const calendars = new Map<string, OfficeCalendar | string>();
  const unitName = charterTextOf(getPath(data, ['unit', 'name'])) ?? id;
  const languages = Array.isArray(data.languages) ? data.languages.filter((lang): lang is string => typeof lang === 'string') : [];

  for (const slot of COMMITMENT_SLOTS) {
    const value = getPath(data, commitmentPath(slot));
    if (!isPlainObject(value)) continue;
    const list = channels.get(slot.channel) ?? new Map<string, MeasuredCommitment | UnmeasurableCommitment>();
    channels.set(slot.channel, list);

    const duration = parseDuration(value.within);
    const target = parseTarget(value.target);
    const hoursKey = slot.group === 'channels' && isPlainObject(getPath(data, ['channels', slot.channel, 'hours'])) ? slot.channel : '';
    let calendar = calendars.get(hoursKey);
    if (calendar === undefined) {
      calendar = calendarFor(data, hoursKey);
      calendars.set(hoursKey, calendar);
    }
    const where = `${id}: ${slot.channel} ${slot.commitment}`;
    if (!duration) list.set(slot.commitment, { problem: `${where} has no valid \`within\`; run charter validate` });
    else if (duration.amount > LONGEST_MEASURED[duration.unit]) {
      list.set(slot.commitment, { problem: `${where} promises ${String(value.within).trim()}, more than a year: it is not measured; check the number and the unit` });
    }
    else if (target === undefined) list.set(slot.commitment, { problem: `${where} has no valid \`target\`; run charter validate` });
    else if (typeof calendar === 'string') list.set(slot.commitment, { problem: `${where} cannot be measured: ${calendar}; run charter validate` });
    else if (duration.unit === 'working hour' && !calendar.hasHours) {
      list.set(slot.commitment, { problem: `${where} counts working hours, but the charter gives no office hours` });
    } else {
      const measured: MeasuredCommitment = {
        index: commitments.length,
        charter: id,
        file: unit.file,
        unitName,
        languages,
        channel: slot.channel,
        commitment: slot.commitment,
        within: String(value.within).trim(),
        duration,
        target,
        calendar: calendar.calendar,
      };
      commitments.push(measured);
      list.set(slot.commitment, measured);
    }
  }
  return { id, file: unit.file, channels };
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
  'working day': 262,
  'working hour': 262 * 24,
};

interface OfficeCalendar {
  readonly calendar: WorkingCalendar;
  /** False when no weekly hours are given: working hours cannot be counted. */
  readonly hasHours: boolean;
}

/** The calendar of a channel's own hours (`key` is the channel), or of the unit's hours (`key` is ''); a string says why there is none. */
function calendarFor(data: CharterData, key: string): OfficeCalendar | string {
  const unitHours = getPath(data, ['hours']);
  const channelHours = key === '' ? undefined : getPath(data, ['channels', key, 'hours']);
  const weekly = listAt(channelHours, 'weekly') ?? listAt(unitHours, 'weekly') ?? [];
  // The unit's closed days and special hours apply to every channel; a channel's own exceptions win on the same date.
  const exceptions = new Map<string, Record<string, unknown>>();
  for (const source of [listAt(unitHours, 'exceptions'), listAt(channelHours, 'exceptions')]) {
    for (const exception of source ?? []) {
      if (isPlainObject(exception) && typeof exception.date === 'string') exceptions.set(exception.date, exception);
    }
  }
  const timeZone = stringAt(channelHours, 'timezone') ?? stringAt(unitHours, 'timezone');
  const options: WorkingCalendarOptions = {
    weekly: weekly.filter(isPlainObject).map((period) => ({ days: period.days, open: String(period.open), close: String(period.close) })),
    exceptions: [...exceptions.values()].map((exception) => ({
      date: String(exception.date),
      ...(exception.closed === true ? { closed: true } : {}),
      ...(typeof exception.open === 'string' ? { open: exception.open } : {}),
      ...(typeof exception.close === 'string' ? { close: exception.close } : {}),
    })),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
  try {
    return { calendar: new WorkingCalendar(options), hasHours: options.weekly.length > 0 };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function listAt(value: unknown, key: string): unknown[] | undefined {
  const list = isPlainObject(value) ? value[key] : undefined;
  return Array.isArray(list) ? list : undefined;
}

function stringAt(value: unknown, key: string): string | undefined {
  const item = isPlainObject(value) ? value[key] : undefined;
  return typeof item === 'string' ? item : undefined;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
