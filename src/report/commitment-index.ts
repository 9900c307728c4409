import type { Charter, CharterText, OfficeHours } from '../model/charter.js';
import { CHANNEL_KINDS } from '../model/charter.js';
import { COMPLAINTS_CHANNEL, FEEDBACK_CHANNEL, promisesOf, SERVICES_CHANNEL, type CharterPromise } from '../model/commitments.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import type { Duration, DurationUnit } from '../time/duration.js';
import { WorkingCalendar } from '../time/working-calendar.js';
import { workingCalendarOptions } from '../model/office-calendar.js';
import type { CommitmentFigures, CommitmentMeasure } from '../model/compliance-report.js';
import { message, type MessageRef } from '../messages/message.js';
import { placeOf, type ChannelLookup, type CharterLookup, type CommitmentRef, type PlaceLookup, type PlaceTargets } from './check-row.js';

/** Where a promise is and what it is, as the report gives it: the same fields as its figures. */
type CommitmentIdentity = Omit<CommitmentFigures, 'unit' | 'total' | 'months'>;

/** A promise that rows can be measured against: the effective promise, where it is, and the office's calendar. */
export interface MeasuredCommitment extends CommitmentIdentity {
  /** Position in the report's list of commitments. */
  readonly index: number;
  /** The time limit (for `abandoned`, none: 0 seconds). */
  readonly duration: Duration;
  readonly calendar: WorkingCalendar;
}

/**
 * What one row counts toward: at most one promise of each measure at its
 * place (the variant its group and service pick), and whether it was given up.
 * Rows are stored with their target's index.
 */
export interface RowTarget {
  readonly within?: MeasuredCommitment;
  readonly average?: MeasuredCommitment;
  readonly abandoned?: MeasuredCommitment;
  /** `outcome=abandoned`: never answered. */
  readonly gaveUp: boolean;
}

export interface CharterCommitments extends CharterLookup {
  readonly file: string;
}

export interface CommitmentIndex {
  readonly charters: ReadonlyMap<string, CharterCommitments>;
  /** Every measurable promise, in report order (charter id, then promisesOf's order). */
  readonly commitments: readonly MeasuredCommitment[];
  /** What a stored row counts toward, by its target index. */
  readonly targets: readonly RowTarget[];
  /** Targets of rows without line, group, service or outcome, by `charter,channel,commitment`. */
  readonly byKey: ReadonlyMap<string, { readonly index: number }>;
}

/**
 * What each unit charter promises, with the values in force after its
 * baseline is merged in, and a working calendar per set of office hours
 * (a line's own hours, else the unit's). A unit that could not be
 * normalized is indexed by its id with the reason, so its rows are bad rows
 * that say so.
 */
export function indexCommitments(units: NormalizedUnits): CommitmentIndex {
  const charters = new Map<string, CharterCommitments>();
  const built: Built = { commitments: [], targets: [], targetKeys: new Map(), byKey: new Map() };
  for (const charter of [...units.charters].sort((a, b) => compareIds(a.id, b.id))) {
    if (!charters.has(charter.id)) charters.set(charter.id, indexCharter(charter, built));
  }
  for (const unit of units.unnormalized) {
    if (unit.id === undefined || charters.has(unit.id)) continue;
    charters.set(unit.id, {
      id: unit.id,
      file: unit.file,
      channels: new Map(),
      groups: new Set(),
      services: new Set(),
      problem: message('report.row.charter-has-errors', { id: unit.id, reason: unit.reason }),
    });
  }
  return { charters, commitments: built.commitments, targets: built.targets, byKey: built.byKey };
}

interface Built {
  readonly commitments: MeasuredCommitment[];
  readonly targets: RowTarget[];
  readonly targetKeys: Map<string, number>;
  readonly byKey: Map<string, { readonly index: number }>;
}

/** One variant of a promise at a place, measurable or not. */
interface Variant {
  readonly measure: CommitmentMeasure;
  readonly groups: readonly string[];
  /** The service it is for, on a channel line (a service's own promises are picked by the row's `service` already). */
  readonly service: string | undefined;
  readonly measured: MeasuredCommitment | { readonly problem: MessageRef };
}

const MEASURES: readonly CommitmentMeasure[] = ['within', 'average', 'abandoned'];

function indexCharter(charter: Charter, built: Built): CharterCommitments {
  const { id } = charter;
  const calendars = new Map<OfficeHours, OfficeCalendar | string>();
  const groupNames = new Map(charter.customerGroups.map((group) => [group.id, group.name.written]));
  const serviceNames = new Map(charter.services.map((service) => [service.id, service.name.written]));
  const promiseNames = new Map(
    charter.services.flatMap((service) => service.promises.map((promise) => [`${service.id}\u0000${promise.id}`, promise.name.written])),
  );

  // channel → line → commitment → variants, in promisesOf's order.
  const places = new Map<string, Map<string, Map<string, Variant[]>>>();
  // Every line of each kind, promised or not: a row needs no `line` only where its kind has one line.
  const lineCounts = new Map<string, string[]>();
  for (const kind of CHANNEL_KINDS)
    lineCounts.set(
      kind,
      charter.channels[kind].map((line) => line.id ?? ''),
    );
  lineCounts.set(FEEDBACK_CHANNEL, ['']);
  lineCounts.set(COMPLAINTS_CHANNEL, charter.complaints?.stages.map((stage) => stage.id) ?? []);
  lineCounts.set(
    SERVICES_CHANNEL,
    charter.services.map((service) => service.id),
  );
  const lineNames = new Map<string, CharterText | null>();
  for (const kind of CHANNEL_KINDS) for (const line of charter.channels[kind]) lineNames.set(`${kind}\u0000${line.id ?? ''}`, line.name?.written ?? null);
  for (const stage of charter.complaints?.stages ?? []) lineNames.set(`${COMPLAINTS_CHANNEL}\u0000${stage.id}`, stage.name.written);

  for (const found of promisesOf(charter)) {
    const { place } = found;
    const byService = place.channel === SERVICES_CHANNEL;
    const lineKey = byService ? (place.service ?? '') : (place.line ?? '');
    const lines = places.get(place.channel) ?? new Map<string, Map<string, Variant[]>>();
    places.set(place.channel, lines);
    const commitments = lines.get(lineKey) ?? new Map<string, Variant[]>();
    lines.set(lineKey, commitments);
    const variants = commitments.get(place.commitment) ?? [];
    commitments.set(place.commitment, variants);

    let calendar = calendars.get(found.hours);
    if (calendar === undefined) {
      calendar = calendarFor(found.hours);
      calendars.set(found.hours, calendar);
    }
    const names = {
      commitmentName: byService ? (promiseNames.get(`${place.service ?? ''}\u0000${place.commitment}`) ?? null) : null,
      line: place.line ?? null,
      lineName: place.line === undefined ? null : (lineNames.get(`${place.channel}\u0000${place.line}`) ?? null),
      groups: place.groups,
      groupNames: place.groups.map((group) => groupNames.get(group) ?? group),
      service: place.service ?? null,
      serviceName: place.service === undefined ? null : (serviceNames.get(place.service) ?? place.service),
    };
    variants.push({
      measure: found.measure,
      groups: place.groups,
      service: byService ? undefined : place.service,
      measured: measuredOf(charter, found, calendar, names, built.commitments),
    });
  }

  const channels = new Map<string, ChannelLookup>();
  for (const [channel, lines] of places) {
    const byService = channel === SERVICES_CHANNEL;
    const all = lineCounts.get(channel) ?? [...lines.keys()];
    const lookupLines = new Map<string, Map<string, PlaceLookup>>(all.map((line) => [line, new Map()]));
    const only = all.length === 1 ? (all[0] as string) : undefined;
    const lookup: ChannelLookup = { by: byService ? 'service' : 'line', lines: lookupLines, ...(only === undefined ? {} : { only }) };
    for (const [line, commitments] of lines) {
      const placesOfLine = lookupLines.get(line) ?? new Map<string, PlaceLookup>();
      lookupLines.set(line, placesOfLine);
      for (const [commitment, variants] of commitments) {
        const where = { charter: id, channel: placeOf(channel, line, lookup), commitment };
        const placeLookup = placeLookupOf(variants, where, built);
        placesOfLine.set(commitment, placeLookup);
        if (line === only && 'index' in placeLookup.plain.answered)
          built.byKey.set(`${id},${channel},${commitment}`, { index: placeLookup.plain.answered.index });
      }
    }
    channels.set(channel, lookup);
  }
  return { id, file: charter.file, channels, groups: new Set(groupNames.keys()), services: new Set(serviceNames.keys()) };
}

type Names = Pick<MeasuredCommitment, 'commitmentName' | 'line' | 'lineName' | 'groups' | 'groupNames' | 'service' | 'serviceName'>;

/** The promise as measured, or why it cannot be. */
function measuredOf(
  charter: Charter,
  found: CharterPromise,
  calendar: OfficeCalendar | string,
  names: Names,
  commitments: MeasuredCommitment[],
): MeasuredCommitment | { readonly problem: MessageRef } {
  const { place } = found;
  const byService = place.channel === SERVICES_CHANNEL;
  const lineKey = byService ? (place.service ?? '') : (place.line ?? '');
  const where = { charter: charter.id, channel: placeOf(place.channel, lineKey, { by: byService ? 'service' : 'line' }), commitment: place.commitment };
  let within: string;
  let duration: Duration;
  let target: number;
  if (found.measure === 'abandoned') {
    within = typeof found.promise.written === 'number' ? `${found.promise.written}%` : found.promise.written;
    duration = { amount: 0, unit: 'second' };
    target = found.promise.atMost;
  } else {
    const written = found.promise.within;
    if (written.amount > LONGEST_MEASURED[written.unit]) return { problem: message('report.row.over-a-year', { ...where, within: written.written }) };
    within = written.written;
    duration = { amount: written.amount, unit: written.unit };
    target = found.measure === 'within' ? found.promise.target : 1;
  }
  if (typeof calendar === 'string') return { problem: message('report.row.no-calendar', { ...where, reason: calendar }) };
  if ((duration.unit === 'working hour' || duration.unit === 'same working day') && !calendar.hasHours) {
    return { problem: message('report.row.no-office-hours', where) };
  }
  const measured: MeasuredCommitment = {
    index: commitments.length,
    charter: charter.id,
    file: charter.file,
    unitName: charter.unit.name.written,
    languages: charter.languages,
    channel: place.channel,
    commitment: place.commitment,
    ...names,
    measure: found.measure,
    within,
    duration,
    target,
    calendar: calendar.calendar,
  };
  commitments.push(measured);
  return measured;
}

/**
 * The targets of a place's rows, for every group and service its variants
 * name (and '' for any other). Of each measure, a row counts toward the
 * variant for its group (else the one for everyone) and its service (else the
 * one for no service), the group deciding first, then the charter's order.
 */
function placeLookupOf(variants: readonly Variant[], where: { charter: string; channel: MessageRef | string; commitment: string }, built: Built): PlaceLookup {
  const groups = new Set(variants.flatMap((variant) => variant.groups));
  const services = new Set(variants.flatMap((variant) => (variant.service === undefined ? [] : [variant.service])));
  const targets = new Map<string, PlaceTargets>();
  for (const group of ['', ...groups]) {
    for (const service of ['', ...services]) {
      targets.set(`${group}\u0000${service}`, {
        answered: targetOf(variants, group, service, false, where, built),
        abandoned: targetOf(variants, group, service, true, where, built),
      });
    }
  }
  return { targets, plain: targets.get('\u0000') as PlaceTargets, groups, services };
}

function targetOf(
  variants: readonly Variant[],
  group: string,
  service: string,
  gaveUp: boolean,
  where: { charter: string; channel: MessageRef | string; commitment: string },
  built: Built,
): CommitmentRef {
  const chosen: Partial<Record<CommitmentMeasure, MeasuredCommitment>> = {};
  let any = false;
  for (const measure of MEASURES) {
    const variant = pick(
      variants.filter((candidate) => candidate.measure === measure),
      group,
      service,
    );
    if (!variant) continue;
    any = true;
    // A promise that cannot be measured makes its rows bad rows that say why.
    if ('problem' in variant.measured) return { problem: variant.measured.problem };
    chosen[measure] = variant.measured;
  }
  if (!any) return notPromised(variants, group, service, where);
  const key = MEASURES.map((measure) => chosen[measure]?.index ?? '').join(',') + (gaveUp ? ',gave-up' : '');
  let index = built.targetKeys.get(key);
  if (index === undefined) {
    index = built.targets.length;
    built.targets.push({ ...chosen, gaveUp });
    built.targetKeys.set(key, index);
  }
  return { index };
}

function pick(variants: readonly Variant[], group: string, service: string): Variant | undefined {
  let best: Variant | undefined;
  let bestScore = -1;
  for (const variant of variants) {
    const forGroup = variant.groups.length > 0;
    const forService = variant.service !== undefined;
    if (forGroup && !variant.groups.includes(group)) continue;
    if (forService && variant.service !== service) continue;
    const score = (forGroup ? 2 : 0) + (forService ? 1 : 0);
    if (score > bestScore) {
      best = variant;
      bestScore = score;
    }
  }
  return best;
}

/** Why no promise of the place is for a row of this group and service. */
function notPromised(
  variants: readonly Variant[],
  group: string,
  service: string,
  where: { charter: string; channel: MessageRef | string; commitment: string },
): CommitmentRef {
  // Had the row no service to match, would a variant take it? Then the service is what is missing.
  const groupFits = variants.some((variant) => variant.groups.length === 0 || variant.groups.includes(group));
  if (groupFits) {
    const known = [...new Set(variants.flatMap((variant) => (variant.service === undefined ? [] : [variant.service])))].join(', ');
    return {
      kind: 'unknown-service',
      problem:
        service === ''
          ? message('report.row.service-not-given', { ...where, known })
          : message('report.row.service-not-promised', { ...where, known, service }),
    };
  }
  const known = [...new Set(variants.flatMap((variant) => variant.groups))].join(', ');
  return {
    kind: 'unknown-group',
    problem: group === '' ? message('report.row.group-not-given', { ...where, known }) : message('report.row.group-not-promised', { ...where, known, group }),
  };
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
  const options = workingCalendarOptions(hours);
  try {
    return { calendar: new WorkingCalendar(options), hasHours: options.weekly.length > 0 };
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
