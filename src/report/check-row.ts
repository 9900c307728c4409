import { Suggester } from '../util/suggest.js';
import { message, type MessageRef } from '../messages/message.js';

import type { LogField, LogRow } from './log-reader.js';
import type { BadRowKind } from '../model/compliance-report.js';
import { MAX_YEARS_FROM_AS_OF, type TimeWindow } from './report-window.js';
import type { RowStore } from './row-store.js';
import { parseTimestamp, shorten, timestampMs } from './timestamp.js';
import { pauseOfDuration, pauseOfIntervals } from './pause.js';
import type { LogReading } from './log-options.js';
import { zoneOffsetsFor, type ZoneOffsets } from '../time/zone-offsets.js';

/** What a row is checked against: plain data, so that a worker thread can have it too. */
export type CommitmentRef = { readonly index: number } | { readonly problem: MessageRef; readonly kind?: BadRowKind };

/** The targets of a row at a place, by its outcome: answered (or open), or given up (`outcome=abandoned`). */
export interface PlaceTargets {
  readonly answered: CommitmentRef;
  readonly abandoned: CommitmentRef;
}

/**
 * The rows of one place (charter, channel, line, commitment): which of its
 * promises a row counts toward, decided by the row's group and service. The
 * index is the row's target (see `RowTarget` in commitment-index.ts): every
 * promise of the place the row counts toward.
 */
export interface PlaceLookup {
  /** `group` + NUL + `service` → targets, for every group and service the place's variants name, and '' for the rest. */
  readonly targets: ReadonlyMap<string, PlaceTargets>;
  /** The targets of a row with neither a group nor a service the variants name. */
  readonly plain: PlaceTargets;
  /** The groups and services the place's variants name. */
  readonly groups: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
}

export interface ChannelLookup {
  /** The column that picks the line: `line`, or `service` for the `services` channel. */
  readonly by: 'line' | 'service';
  /** Line id ('' for a channel written as one object, and for feedback) → commitment → place. */
  readonly lines: ReadonlyMap<string, ReadonlyMap<string, PlaceLookup>>;
  /** The line of a row that names none: the only one, when there is only one. */
  readonly only?: string;
}

export interface CharterLookup {
  readonly id: string;
  readonly channels: ReadonlyMap<string, ChannelLookup>;
  /** The charter's customer group ids and service ids. */
  readonly groups: ReadonlySet<string>;
  readonly services: ReadonlySet<string>;
  /** Why no row of this charter can be measured (it has errors). */
  readonly problem?: MessageRef;
}

export interface CommitmentLookup {
  readonly charters: ReadonlyMap<string, CharterLookup>;
  /** Targets of rows without line, group, service or outcome, by `charter,channel,commitment` (the fast path). */
  readonly byKey: ReadonlyMap<string, { readonly index: number }>;
}

/** The lookup without calendars (which cannot be sent to a thread). */
export function plainLookup(lookup: CommitmentLookup): CommitmentLookup {
  const refOf = (ref: CommitmentRef): CommitmentRef =>
    'problem' in ref ? { problem: ref.problem, ...(ref.kind === undefined ? {} : { kind: ref.kind }) } : { index: ref.index };
  const targetsOf = (targets: PlaceTargets): PlaceTargets => ({ answered: refOf(targets.answered), abandoned: refOf(targets.abandoned) });
  const placeOf = (place: PlaceLookup): PlaceLookup => ({
    targets: new Map([...place.targets].map(([key, targets]) => [key, targetsOf(targets)])),
    plain: targetsOf(place.plain),
    groups: new Set(place.groups),
    services: new Set(place.services),
  });
  const charters = new Map(
    [...lookup.charters].map(([id, charter]) => [
      id,
      {
        id: charter.id,
        channels: new Map(
          [...charter.channels].map(([name, channel]) => [
            name,
            {
              by: channel.by,
              lines: new Map([...channel.lines].map(([line, places]) => [line, new Map([...places].map(([key, place]) => [key, placeOf(place)]))])),
              ...(channel.only === undefined ? {} : { only: channel.only }),
            },
          ]),
        ),
        groups: new Set(charter.groups),
        services: new Set(charter.services),
        ...(charter.problem === undefined ? {} : { problem: charter.problem }),
      },
    ]),
  );
  const byKey = new Map([...lookup.byKey].map(([key, ref]) => [key, { index: ref.index }]));
  return { charters, byKey };
}

/** The `outcome` values a row may have: empty or `answered` for a contact answered or still open, `abandoned` for one given up. */
export const OUTCOMES = ['answered', 'abandoned'] as const;

/**
 * A place's "promised only to groups …" problem, naming the row's own group
 * or service when it gave one (the place's targets are made for the groups
 * and services its promises name, and '' for every other).
 */
function notPromisedTo(problem: MessageRef, group: string, service: string): MessageRef {
  if (problem.id === 'report.row.group-not-given' && group !== '')
    return message('report.row.group-not-promised', { ...problem.values, group: shorten(group) });
  if (problem.id === 'report.row.service-not-given' && service !== '') {
    return message('report.row.service-not-promised', { ...problem.values, service: shorten(service) });
  }
  return problem;
}

/** Where a promise is, in a message: `phone`, `phone line sami`, `services: benefit`. */
export function placeOf(channel: string, line: string, lookup: Pick<ChannelLookup, 'by'>): MessageRef | string {
  if (line === '') return channel;
  return message(lookup.by === 'service' ? 'report.row.place-service' : 'report.row.place-line', { channel, line: shorten(line) });
}

/**
 * Where bad rows go. Every one is counted; its details are kept only up to a
 * limit, and past it no message is built (a log of a million bad rows costs
 * a count each).
 */
export interface BadRowSink {
  /** Whether the next bad row's details are kept. */
  readonly keepsDetails: boolean;
  /** A bad row with its details (only while keepsDetails); the message as data, said later in the reader's language. */
  add(kind: BadRowKind, line: number, column: number, message: MessageRef): void;
  /** A bad row, counted only. */
  count(kind: BadRowKind): void;
}

/**
 * Checks one log row and, when it is good, stores it for counting. A bad row
 * is reported once, for its first problem, in this order: which charter,
 * channel, line, commitment, group, service and outcome; the timestamps (readable, with an offset, within
 * the report's time window); end before start. (Duplicates are found once
 * every log is read.)
 */
export class RowChecker {
  /** "Did you mean" for unknown values: built when first needed, answers remembered per value. */
  private charterHints: Suggester | undefined;
  private readonly channelHints = new Map<CharterLookup, Suggester>();
  private readonly commitmentHints = new Map<ReadonlyMap<string, PlaceLookup>, Suggester>();
  private readonly lineHints = new Map<ChannelLookup, Suggester>();
  private readonly groupHints = new Map<ReadonlySet<string>, Suggester>();
  private outcomeHints: Suggester | undefined;
  /** The charter ids, when few enough to list in a message (null when there are too many). */
  private charterList: string | null | undefined;
  /** The zone of times without an offset (--timezone), if given. */
  private readonly zone: ZoneOffsets | undefined;

  constructor(
    private readonly index: CommitmentLookup,
    private readonly store: RowStore,
    private readonly window: TimeWindow,
    reading?: LogReading,
  ) {
    this.zone = reading?.timeZone === undefined ? undefined : zoneOffsetsFor(reading.timeZone);
  }

  /** Edit-distance cells spent on suggestions so far (they must stay few, whatever the log holds). */
  get suggestionWork(): number {
    let work = this.charterHints?.work ?? 0;
    for (const hints of [...this.channelHints.values(), ...this.commitmentHints.values(), ...this.lineHints.values(), ...this.groupHints.values()]) {
      work += hints.work;
    }
    return work;
  }

  check(row: LogRow, fileIndex: number, bad: BadRowSink): 'stored' | 'bad' {
    const commitment = (row.commitmentKey === undefined ? undefined : this.index.byKey.get(row.commitmentKey)) ?? this.commitmentOf(row, bad);
    if (!commitment) return 'bad';

    const zone = this.zone;
    const startMs = timestampMs(row.start, zone);
    if (Number.isNaN(startMs)) return this.rejectTimestamp(bad, row, 'start');
    if (startMs < this.window.firstMs || startMs > this.window.lastMs) return this.rejectFar(bad, row, 'start', startMs);
    let endMs = Number.NaN;
    if (row.end !== '' && row.end.trim() !== '') {
      endMs = timestampMs(row.end, zone);
      if (Number.isNaN(endMs)) return this.rejectTimestamp(bad, row, 'end');
      if (endMs < startMs) {
        return this.reject(bad, 'end-before-start', row, 'end', () =>
          message('report.row.end-before-start', { end: shorten(row.end), start: shorten(row.start) }),
        );
      }
      if (endMs > this.window.lastMs) return this.rejectFar(bad, row, 'end', endMs);
    }
    // Most rows have no paused time: one test of two empty fields.
    if (row.paused === '' && row.pausedList === undefined) {
      this.store.add(commitment.index, startMs, endMs, fileIndex, row.line);
      return 'stored';
    }
    const paused = row.pausedList === undefined ? pauseOfDuration(row.paused) : pauseOfIntervals(row.pausedList, zone);
    if ('problem' in paused) return this.reject(bad, paused.kind, row, 'paused', () => paused.problem);
    this.store.add(commitment.index, startMs, endMs, fileIndex, row.line);
    if (paused.pause !== undefined) this.store.setPause(this.store.lastRow, paused.pause);
    return 'stored';
  }

  private commitmentOf(row: LogRow, bad: BadRowSink): { readonly index: number } | undefined {
    const charter = this.index.charters.get(row.charter) ?? this.index.charters.get(row.charter.trim());
    if (!charter) {
      this.reject(bad, 'unknown-charter', row, 'charter', () => this.unknownCharter(row.charter));
      return undefined;
    }
    const { problem } = charter;
    if (problem !== undefined) {
      this.reject(bad, 'unknown-charter', row, 'charter', () => problem);
      return undefined;
    }
    const channel = charter.channels.get(row.channel) ?? charter.channels.get(row.channel.trim());
    if (!channel) {
      this.reject(bad, 'unknown-channel', row, 'channel', () => this.unknownChannel(row.channel, charter));
      return undefined;
    }
    const byService = channel.by === 'service';
    const written = (byService ? row.service : row.lineId).trim();
    const lineId = written === '' ? channel.only : written;
    const places = lineId === undefined ? undefined : channel.lines.get(lineId);
    if (!places) {
      const kind = byService ? 'unknown-service' : 'unknown-line';
      this.reject(bad, kind, row, byService ? 'service' : 'line', () => this.unknownLine(written, row.channel.trim(), charter, channel));
      return undefined;
    }
    const place = places.get(row.commitment) ?? places.get(row.commitment.trim());
    if (!place) {
      this.reject(bad, 'unknown-commitment', row, 'commitment', () =>
        this.unknownCommitment(row.commitment, row.channel, lineId ?? '', charter, channel, places),
      );
      return undefined;
    }
    const group = row.group === '' ? '' : row.group.trim();
    if (group !== '' && !charter.groups.has(group)) {
      this.reject(bad, 'unknown-group', row, 'group', () => this.unknownName('report.row.unknown-group', group, charter, charter.groups));
      return undefined;
    }
    const service = byService || row.service === '' ? '' : row.service.trim();
    if (service !== '' && !charter.services.has(service)) {
      this.reject(bad, 'unknown-service', row, 'service', () => this.unknownName('report.row.unknown-service', service, charter, charter.services));
      return undefined;
    }
    const outcome = row.outcome === '' ? '' : row.outcome.trim();
    if (outcome !== '' && outcome !== 'answered' && outcome !== 'abandoned') {
      this.reject(bad, 'unknown-outcome', row, 'outcome', () => this.unknownOutcome(outcome));
      return undefined;
    }
    const targets =
      (group === '' || !place.groups.has(group)) && (service === '' || !place.services.has(service))
        ? place.plain
        : (place.targets.get(`${place.groups.has(group) ? group : ''}\u0000${place.services.has(service) ? service : ''}`) ?? place.plain);
    const target = outcome === 'abandoned' ? targets.abandoned : targets.answered;
    if ('problem' in target) {
      const kind = target.kind ?? 'unknown-commitment';
      const field: LogField = kind === 'unknown-group' ? 'group' : kind === 'unknown-service' ? 'service' : 'commitment';
      this.reject(bad, kind, row, field, () => notPromisedTo(target.problem, group, service));
      return undefined;
    }
    return target;
  }

  private rejectTimestamp(bad: BadRowSink, row: LogRow, field: 'start' | 'end'): 'bad' {
    const parsed = parseTimestamp(row[field], this.zone);
    const [kind, problem] = parsed.ok ? (['bad-timestamp', message('report.row.unreadable-time')] as const) : [parsed.kind, parsed.message];
    return this.reject(bad, kind, row, field, () => message('report.row.field', { field, problem }));
  }

  /** A time far from the as-of time is a mistake (a year typed wrong), not a contact to count. */
  private rejectFar(bad: BadRowSink, row: LogRow, field: 'start' | 'end', ms: number): 'bad' {
    const before = ms < this.window.firstMs;
    const asOf = new Date(this.window.asOfMs).toISOString().slice(0, 10);
    const values = { field, time: shorten(row[field]), years: String(MAX_YEARS_FROM_AS_OF), asOf };
    return this.reject(bad, 'implausible-time', row, field, () => message(before ? 'report.row.too-early' : 'report.row.too-late', values));
  }

  /** Counts a bad row; builds its message only when its details are kept. */
  private reject(bad: BadRowSink, kind: BadRowKind, row: LogRow, field: LogField, text: () => MessageRef): 'bad' {
    if (bad.keepsDetails) bad.add(kind, row.line, row.columnOf(field), text());
    else bad.count(kind);
    return 'bad';
  }

  private unknownCharter(id: string): MessageRef {
    this.charterHints ??= new Suggester(this.index.charters.keys());
    const hint = this.charterHints.suggest(id);
    if (this.charterList === undefined) {
      const known = [...this.index.charters.keys()];
      this.charterList = known.length <= 8 ? known.join(', ') : null;
    }
    const values = { id: shorten(id), ...(hint ? { hint: shorten(hint) } : {}), ...(this.charterList === null ? {} : { known: this.charterList }) };
    if (hint) return message(this.charterList === null ? 'report.row.unknown-charter-hint' : 'report.row.unknown-charter-hint-list', values);
    return message(this.charterList === null ? 'report.row.unknown-charter' : 'report.row.unknown-charter-list', values);
  }

  private unknownChannel(channel: string, charter: CharterLookup): MessageRef {
    const hint = this.hintsFor(this.channelHints, charter, charter.channels).suggest(channel);
    const names = [...charter.channels.keys()];
    const values = { charter: charter.id, channel: shorten(channel), known: names.length > 0 ? names.join(', ') : message('report.row.none') };
    return hint ? message('report.row.unknown-channel-hint', { ...values, hint: shorten(hint) }) : message('report.row.unknown-channel', values);
  }

  private unknownCommitment(
    name: string,
    channel: string,
    line: string,
    charter: CharterLookup,
    lookup: ChannelLookup,
    places: ReadonlyMap<string, PlaceLookup>,
  ): MessageRef {
    const hint = this.hintsFor(this.commitmentHints, places, places).suggest(name);
    const where = placeOf(channel.trim(), line, lookup);
    const known = places.size > 0 ? [...places.keys()].join(', ') : message('report.row.none');
    const values = { charter: charter.id, name: shorten(name), channel: where, known };
    return hint ? message('report.row.unknown-commitment-hint', { ...values, hint: shorten(hint) }) : message('report.row.unknown-commitment', values);
  }

  /** A line (or service) that is not there, or none given where the channel has several. */
  private unknownLine(written: string, channel: string, charter: CharterLookup, lookup: ChannelLookup): MessageRef {
    const names = [...lookup.lines.keys()].filter((name) => name !== '');
    const byService = lookup.by === 'service';
    const values = { charter: charter.id, channel: shorten(channel), known: names.join(', ') };
    if (written === '') return message(byService ? 'report.row.service-needed' : 'report.row.line-needed', values);
    if (names.length === 0) return message('report.row.no-lines', { ...values, line: shorten(written) });
    let hints = this.lineHints.get(lookup);
    if (hints === undefined) {
      hints = new Suggester(names);
      this.lineHints.set(lookup, hints);
    }
    const hint = hints.suggest(written);
    const line = { ...values, line: shorten(written) };
    if (hint === undefined) return message(byService ? 'report.row.unknown-service-line' : 'report.row.unknown-line', line);
    return message(byService ? 'report.row.unknown-service-line-hint' : 'report.row.unknown-line-hint', { ...line, hint: shorten(hint) });
  }

  /** A group or service id the charter does not have. */
  private unknownName(
    id: 'report.row.unknown-group' | 'report.row.unknown-service',
    name: string,
    charter: CharterLookup,
    names: ReadonlySet<string>,
  ): MessageRef {
    let hints = this.groupHints.get(names);
    if (hints === undefined) {
      hints = new Suggester(names);
      this.groupHints.set(names, hints);
    }
    const hint = hints.suggest(name);
    const values = { charter: charter.id, name: shorten(name), known: names.size > 0 ? [...names].join(', ') : message('report.row.none') };
    if (hint === undefined) return message(id, values);
    return message(id === 'report.row.unknown-group' ? 'report.row.unknown-group-hint' : 'report.row.unknown-service-hint', { ...values, hint: shorten(hint) });
  }

  private unknownOutcome(outcome: string): MessageRef {
    this.outcomeHints ??= new Suggester(OUTCOMES);
    const hint = this.outcomeHints.suggest(outcome);
    const values = { outcome: shorten(outcome), known: OUTCOMES.join(', ') };
    return hint ? message('report.row.unknown-outcome-hint', { ...values, hint }) : message('report.row.unknown-outcome', values);
  }

  private hintsFor<K>(cache: Map<K, Suggester>, key: K, names: ReadonlyMap<string, unknown>): Suggester {
    let hints = cache.get(key);
    if (hints === undefined) {
      hints = new Suggester(names.keys());
      cache.set(key, hints);
    }
    return hints;
  }
}
