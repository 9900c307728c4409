import { Suggester } from '../util/suggest.js';
import { message, type MessageRef } from '../messages/message.js';

import type { LogField, LogRow } from './log-reader.js';
import type { BadRowKind } from '../model/compliance-report.js';
import { MAX_YEARS_FROM_AS_OF, type TimeWindow } from './report-window.js';
import type { RowStore } from './row-store.js';
import { parseTimestamp, shorten, timestampMs } from './timestamp.js';

/** What a row is checked against: plain data, so that a worker thread can have it too. */
export type CommitmentRef = { readonly index: number } | { readonly problem: MessageRef };

export interface CharterLookup {
  readonly id: string;
  readonly channels: ReadonlyMap<string, ReadonlyMap<string, CommitmentRef>>;
  /** Why no row of this charter can be measured (it has errors). */
  readonly problem?: MessageRef;
}

export interface CommitmentLookup {
  readonly charters: ReadonlyMap<string, CharterLookup>;
  /** Measurable commitments by `charter,channel,commitment`. */
  readonly byKey: ReadonlyMap<string, { readonly index: number }>;
}

/** The lookup without calendars (which cannot be sent to a thread). */
export function plainLookup(lookup: CommitmentLookup): CommitmentLookup {
  const refOf = (ref: CommitmentRef): CommitmentRef => ('problem' in ref ? { problem: ref.problem } : { index: ref.index });
  const charters = new Map(
    [...lookup.charters].map(([id, charter]) => [
      id,
      {
        id: charter.id,
        channels: new Map([...charter.channels].map(([channel, list]) => [channel, new Map([...list].map(([name, ref]) => [name, refOf(ref)]))])),
        ...(charter.problem === undefined ? {} : { problem: charter.problem }),
      },
    ]),
  );
  const byKey = new Map([...lookup.byKey].map(([key, ref]) => [key, { index: ref.index }]));
  return { charters, byKey };
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
 * channel and commitment; the timestamps (readable, with an offset, within
 * the report's time window); end before start. (Duplicates are found once
 * every log is read.)
 */
export class RowChecker {
  /** "Did you mean" for unknown values: built when first needed, answers remembered per value. */
  private charterHints: Suggester | undefined;
  private readonly channelHints = new Map<CharterLookup, Suggester>();
  private readonly commitmentHints = new Map<ReadonlyMap<string, CommitmentRef>, Suggester>();
  /** The charter ids, when few enough to list in a message (null when there are too many). */
  private charterList: string | null | undefined;

  constructor(
    private readonly index: CommitmentLookup,
    private readonly store: RowStore,
    private readonly window: TimeWindow,
  ) {}

  /** Edit-distance cells spent on suggestions so far (they must stay few, whatever the log holds). */
  get suggestionWork(): number {
    let work = this.charterHints?.work ?? 0;
    for (const hints of [...this.channelHints.values(), ...this.commitmentHints.values()]) work += hints.work;
    return work;
  }

  check(row: LogRow, fileIndex: number, bad: BadRowSink): 'stored' | 'bad' {
    const commitment = (row.commitmentKey === undefined ? undefined : this.index.byKey.get(row.commitmentKey)) ?? this.commitmentOf(row, bad);
    if (!commitment) return 'bad';

    const startMs = timestampMs(row.start);
    if (Number.isNaN(startMs)) return this.rejectTimestamp(bad, row, 'start');
    if (startMs < this.window.firstMs || startMs > this.window.lastMs) return this.rejectFar(bad, row, 'start', startMs);
    let endMs = Number.NaN;
    if (row.end !== '' && row.end.trim() !== '') {
      endMs = timestampMs(row.end);
      if (Number.isNaN(endMs)) return this.rejectTimestamp(bad, row, 'end');
      if (endMs < startMs) {
        return this.reject(bad, 'end-before-start', row, 'end', () =>
          message('report.row.end-before-start', { end: shorten(row.end), start: shorten(row.start) }),
        );
      }
      if (endMs > this.window.lastMs) return this.rejectFar(bad, row, 'end', endMs);
    }
    this.store.add(commitment.index, startMs, endMs, fileIndex, row.line);
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
    const commitment = channel.get(row.commitment) ?? channel.get(row.commitment.trim());
    if (!commitment) {
      this.reject(bad, 'unknown-commitment', row, 'commitment', () => this.unknownCommitment(row.commitment, row.channel, charter, channel));
      return undefined;
    }
    if ('problem' in commitment) {
      this.reject(bad, 'unknown-commitment', row, 'commitment', () => commitment.problem);
      return undefined;
    }
    return commitment;
  }

  private rejectTimestamp(bad: BadRowSink, row: LogRow, field: 'start' | 'end'): 'bad' {
    const parsed = parseTimestamp(row[field]);
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

  private unknownCommitment(name: string, channel: string, charter: CharterLookup, commitments: ReadonlyMap<string, CommitmentRef>): MessageRef {
    const hint = this.hintsFor(this.commitmentHints, commitments, commitments).suggest(name);
    const values = { charter: charter.id, name: shorten(name), channel: shorten(channel.trim()), known: [...commitments.keys()].join(', ') };
    return hint ? message('report.row.unknown-commitment-hint', { ...values, hint: shorten(hint) }) : message('report.row.unknown-commitment', values);
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
