import type { JsonPath } from './diagnostic.js';
import { getPath, isPlainObject, type CharterData } from './charter-data.js';
import type { Charter, Commitment, OfficeHours } from './charter.js';

/** Where a charter can make a measurable promise: the `channel` and `commitment` of contact logs. */
export const COMMITMENT_SLOTS = [
  { channel: 'phone', commitment: 'answer', group: 'channels' },
  { channel: 'phone', commitment: 'callback', group: 'channels' },
  { channel: 'email', commitment: 'acknowledge', group: 'channels' },
  { channel: 'email', commitment: 'reply', group: 'channels' },
  { channel: 'letter', commitment: 'acknowledge', group: 'channels' },
  { channel: 'letter', commitment: 'reply', group: 'channels' },
  { channel: 'counter', commitment: 'wait', group: 'channels' },
  { channel: 'eservice', commitment: 'acknowledge', group: 'channels' },
  { channel: 'eservice', commitment: 'reply', group: 'channels' },
  { channel: 'feedback', commitment: 'acknowledge', group: 'feedback' },
  { channel: 'feedback', commitment: 'respond', group: 'feedback' },
] as const;

export type CommitmentSlot = (typeof COMMITMENT_SLOTS)[number];

export function commitmentPath(slot: CommitmentSlot): JsonPath {
  return slot.group === 'feedback' ? ['feedback', slot.commitment] : ['channels', slot.channel, slot.commitment];
}

export interface CommitmentValue {
  readonly slot: CommitmentSlot;
  readonly path: JsonPath;
  readonly within: unknown;
  readonly target: unknown;
}

/** The commitments a charter makes, as written (not yet parsed). */
export function commitmentsOf(data: CharterData): CommitmentValue[] {
  const found: CommitmentValue[] = [];
  for (const slot of COMMITMENT_SLOTS) {
    const path = commitmentPath(slot);
    const value = getPath(data, path);
    if (isPlainObject(value)) found.push({ slot, path, within: value.within, target: value.target });
  }
  return found;
}

/** The promise a normalized charter makes in a slot, if it makes one. */
export function commitmentAt(charter: Charter, slot: CommitmentSlot): Commitment | undefined {
  const holder = slot.group === 'feedback' ? charter.feedback : charter.channels[slot.channel];
  // Every slot names a commitment key of its channel (test/normalize/commitments.test.ts checks it).
  return (holder as Readonly<Partial<Record<CommitmentSlot['commitment'], Commitment>>> | undefined)?.[slot.commitment];
}

/** The office hours a slot's promise is counted in: the channel's own when it has them (phone, counter), else the unit's. */
export function hoursFor(charter: Charter, slot: CommitmentSlot): OfficeHours {
  if (slot.group === 'feedback') return charter.hours;
  const channel = charter.channels[slot.channel];
  return channel !== undefined && 'hours' in channel ? channel.hours : charter.hours;
}
