import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { normalizeUnits } from '../../src/normalize/normalize-collection.js';
import { chartersJson } from '../../src/site/charters-json.js';
import { edit, FORMAT_11_UNIT, VALID_UNIT } from '../fixtures/charters.js';
import { writeTree } from '../helpers.js';

describe('charters.json', () => {
  it('carries a letter acknowledgement, the durations without an amount and a fallback promise as the charter writes them', async () => {
    const letter =
      '    acknowledge: { within: same working day }\n' +
      '    reply:\n      within: 1 year\n' +
      '      otherwise: { fi: "Jos vastaus viivästyy, kerromme syyn ja uuden ajan.", en: "If we are late, we tell you why and when." }\n';
    const unit = edit(
      edit(VALID_UNIT, '    reply: { within: 10 working days, target: 90% }\n', letter),
      'acknowledge: { within: 4 working hours }',
      'acknowledge: { within: immediately }',
    );
    const cwd = writeTree({ 'charters/unit.yaml': unit });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const units = normalizeUnits(collection.charters).charters;
    expect(units).toHaveLength(1);
    const json = chartersJson(units, () => collection.charters[0] as NonNullable<(typeof collection.charters)[0]>, '/') as {
      charters: { channels: Record<string, Record<string, unknown>> }[];
    };
    const channels = json.charters[0]?.channels;
    expect(channels?.letter?.acknowledge).toEqual({ within: 'same working day' });
    expect(channels?.letter?.reply).toEqual({
      within: '1 year',
      otherwise: { fi: 'Jos vastaus viivästyy, kerromme syyn ja uuden ajan.', en: 'If we are late, we tell you why and when.' },
    });
    expect(channels?.email?.acknowledge).toEqual({ within: 'immediately' });
  });

  it('carries the format 1.1 keys as written: lines, groups, services, complaint stages and service languages', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': FORMAT_11_UNIT });
    const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
    const units = normalizeUnits(collection.charters).charters;
    expect(units).toHaveLength(1);
    const json = chartersJson(units, () => collection.charters[0] as NonNullable<(typeof collection.charters)[0]>, '/') as {
      format: number;
      charters: Record<string, unknown>[];
    };
    const [unit] = json.charters;
    expect(json.format).toBe(1);
    expect(unit?.serviceLanguages).toEqual(['fi', 'sv', 'en', 'se']);
    expect(unit?.customerGroups).toEqual([
      { id: 'businesses', name: { fi: 'Yritykset', en: 'Businesses' } },
      { id: 'public', name: { fi: 'Yksityisasiakkaat', en: 'Private customers' } },
    ]);
    const channels = unit?.channels as Record<string, unknown>;
    expect(channels.phone).toHaveLength(2);
    expect(channels.relay).toEqual({
      how: { fi: 'Soita välityspalvelun kautta.', en: 'Call through the relay service.' },
      answer: { within: '5 minutes', target: '80%' },
    });
    expect((unit?.services as { id: string }[]).map((service) => service.id)).toEqual(['benefit']);
    expect((unit?.complaints as { stages: { id: string; escalateTo: string }[] }).stages).toMatchObject([{ id: 'review', escalateTo: 'head' }]);
    // What format 1 readers use is where it was.
    expect(unit).toMatchObject({ id: 'test-unit', languages: ['fi', 'en'], pages: { fi: '/fi/test-unit/', en: '/en/test-unit/' } });
  });
});
