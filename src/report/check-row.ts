import { closestMatch } from '../util/suggest.js';

import type { LogField, LogRow } from './log-reader.js';
import type { BadRowKind } from './model.js';
import type { RowStore } from './row-store.js';
import { parseTimestamp, shorten, timestampMs } from './timestamp.js';

/** What a row is checked against: plain data, so that a worker thread can have it too. */
export type CommitmentRef = { readonly index: number } | { readonly problem: string };

export interface CharterLookup {
  readonly id: string;
  readonly channels: ReadonlyMap<string, ReadonlyMap<string, CommitmentRef>>;
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
      { id: charter.id, channels: new Map([...charter.channels].map(([channel, list]) => [channel, new Map([...list].map(([name, ref]) => [name, refOf(ref)]))])) },
    ]),
  );
  const byKey = new Map([...lookup.byKey].map(([key, ref]) => [key, { index: ref.index }]));
  return { charters, byKey };
}

export interface BadRowSink {
  (kind: BadRowKind, line: number, column: number, message: string): void;
}

/**
 * Checks one log row and, when it is good, stores it for counting. A bad row
 * is reported once, for its first problem, in this order: which charter,
 * channel and commitment; the timestamps; end before start. (Duplicates are
 * found once every log is read.)
 */
export class RowChecker {
  constructor(
    private readonly index: CommitmentLookup,
    private readonly store: RowStore,
  ) {}

  check(row: LogRow, fileIndex: number, bad: BadRowSink): 'stored' | 'bad' {
    const commitment = (row.commitmentKey === undefined ? undefined : this.index.byKey.get(row.commitmentKey)) ?? this.commitmentOf(row, bad);
    if (!commitment) return 'bad';

    const startMs = timestampMs(row.start);
    if (Number.isNaN(startMs)) return this.rejectTimestamp(bad, row, 'start');
    let endMs = Number.NaN;
    if (row.end !== '' && row.end.trim() !== '') {
      endMs = timestampMs(row.end);
      if (Number.isNaN(endMs)) return this.rejectTimestamp(bad, row, 'end');
      if (endMs < startMs) {
        return this.reject(bad, 'end-before-start', row, 'end', `ends (${shorten(row.end)}) before it starts (${shorten(row.start)}): check the two times and their offsets`);
      }
    }
    this.store.add(commitment.index, startMs, endMs, fileIndex, row.line);
    return 'stored';
  }

  private commitmentOf(row: LogRow, bad: BadRowSink): { readonly index: number } | undefined {
    const charter = this.index.charters.get(row.charter) ?? this.index.charters.get(row.charter.trim());
    if (!charter) {
      this.reject(bad, 'unknown-charter', row, 'charter', unknownCharter(row.charter, [...this.index.charters.keys()]));
      return undefined;
    }
    const channel = charter.channels.get(row.channel) ?? charter.channels.get(row.channel.trim());
    if (!channel) {
      this.reject(bad, 'unknown-channel', row, 'channel', unknownChannel(row.channel, charter));
      return undefined;
    }
    const commitment = channel.get(row.commitment) ?? channel.get(row.commitment.trim());
    if (!commitment) {
      const names = [...channel.keys()];
      const hint = closestMatch(row.commitment, names);
      this.reject(
        bad,
        'unknown-commitment',
        row,
        'commitment',
        `${charter.id} makes no \`${shorten(row.commitment)}\` promise for ${row.channel.trim()}${hint ? `; did you mean \`${hint}\`?` : ''} (it has: ${names.join(', ')})`,
      );
      return undefined;
    }
    if ('problem' in commitment) {
      this.reject(bad, 'unknown-commitment', row, 'commitment', commitment.problem);
      return undefined;
    }
    return commitment;
  }

  private rejectTimestamp(bad: BadRowSink, row: LogRow, field: 'start' | 'end'): 'bad' {
    const parsed = parseTimestamp(row[field]);
    const [kind, message] = parsed.ok ? (['bad-timestamp', 'cannot be read'] as const) : [parsed.kind, parsed.message];
    return this.reject(bad, kind, row, field, `${field}: ${message}`);
  }

  private reject(bad: BadRowSink, kind: BadRowKind, row: LogRow, field: LogField, message: string): 'bad' {
    bad(kind, row.line, row.columnOf(field), message);
    return 'bad';
  }
}

function unknownCharter(id: string, known: readonly string[]): string {
  const hint = closestMatch(id, known);
  const list = known.length <= 8 ? ` (charters: ${known.join(', ')})` : '';
  return `no charter has the id \`${shorten(id)}\`${hint ? `; did you mean \`${hint}\`?` : ''}${list}`;
}

function unknownChannel(channel: string, charter: CharterLookup): string {
  const names = [...charter.channels.keys()];
  const hint = closestMatch(channel, names);
  return `${charter.id} makes no promises for the channel \`${shorten(channel)}\`${hint ? `; did you mean \`${hint}\`?` : ''} (it has: ${names.join(', ') || 'none'})`;
}
