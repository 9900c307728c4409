import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Channels, Feedback } from '../../src/model/charter.js';
import { COMMITMENT_SLOTS, commitmentAt, hoursFor, type CommitmentSlot } from '../../src/model/commitments.js';
import { normalizeUnits } from '../../src/normalize/normalize-collection.js';
import { checkCharters } from '../../src/check.js';
import { writeTree } from '../helpers.js';
import schema from '../../schema/charter.schema.json' with { type: 'json' };
import { VALID_UNIT, edit } from '../fixtures/charters.js';

type ChannelSlot = Extract<CommitmentSlot, { group: 'channels' }>;
type SlotKeyOf<S extends ChannelSlot> = S extends { channel: infer C extends keyof Channels; commitment: infer K }
  ? K extends keyof NonNullable<Channels[C]>
    ? true
    : false
  : false;

describe('commitments of a normalized charter', () => {
  it('names, in every slot, a commitment key its channel has', () => {
    expectTypeOf<SlotKeyOf<ChannelSlot>>().toEqualTypeOf<true>();
    expectTypeOf<Extract<CommitmentSlot, { group: 'feedback' }>['commitment']>().toExtend<keyof Feedback>();
    // The same at run time, against the schema the types are generated from.
    const properties = (section: unknown): string[] => Object.keys((section as { properties: Record<string, unknown> }).properties);
    for (const slot of COMMITMENT_SLOTS) {
      const section = slot.group === 'feedback' ? schema.properties.feedback : schema.properties.channels.properties[slot.channel];
      expect(properties(section), `${slot.channel} ${slot.commitment}`).toContain(slot.commitment);
    }
  });

  it('reads each slot, and the hours it is counted in', async () => {
    const ownHours = '    hours: { weekly: [{ days: mon-thu, open: "09:00", close: "15:00" }] }\n    wait:';
    const letter =
      '    acknowledge: { within: same working day }\n' +
      '    reply:\n      within: 10 working days\n      target: 90%\n' +
      '      otherwise: { fi: "Jos vastaus viivästyy, kerromme syyn ja uuden ajan.", en: "If we are late, we tell you why and when." }\n';
    const unit = edit(edit(VALID_UNIT, '    wait:', ownHours), '    reply: { within: 10 working days, target: 90% }\n', letter);
    const cwd = writeTree({ 'charters/unit.yaml': unit });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const [charter] = normalizeUnits(collection.charters).charters;
    if (!charter) throw new Error('not normalized');
    const written = COMMITMENT_SLOTS.map((slot) => [slot.channel, slot.commitment, commitmentAt(charter, slot)?.within.written]);
    expect(written).toEqual([
      ['phone', 'answer', '30 seconds'],
      ['phone', 'callback', '1 working day'],
      ['email', 'acknowledge', '4 working hours'],
      ['email', 'reply', '2 working days'],
      ['letter', 'acknowledge', 'same working day'],
      ['letter', 'reply', '10 working days'],
      ['counter', 'wait', '15 minutes'],
      ['eservice', 'acknowledge', undefined],
      ['eservice', 'reply', '5 working days'],
      ['feedback', 'acknowledge', '1 working day'],
      ['feedback', 'respond', '10 working days'],
    ]);
    expect(charter.channels.letter?.acknowledge?.within).toEqual({ amount: 0, unit: 'same working day', written: 'same working day' });
    expect(charter.channels.letter?.reply?.otherwise?.byLanguage.en).toEqual({ text: 'If we are late, we tell you why and when.', lang: 'en' });
    expect(charter.channels.letter?.reply?.otherwise?.byLanguage.fi?.text).toBe('Jos vastaus viivästyy, kerromme syyn ja uuden ajan.');
    expect(charter.channels.letter?.acknowledge?.otherwise).toBeUndefined();
    const counter = COMMITMENT_SLOTS.find((slot) => slot.channel === 'counter');
    const email = COMMITMENT_SLOTS.find((slot) => slot.channel === 'email');
    expect(counter && hoursFor(charter, counter).weekly[0]?.daysWritten).toBe('mon-thu');
    expect(email && hoursFor(charter, email)).toBe(charter.hours);
  });
});
