import { describe, expect, it } from 'vitest';
import { parseTimestamp, timestampMs } from '../../src/report/timestamp.js';
import { zoneOffsetsFor } from '../../src/time/zone-offsets.js';
import { renderMessage } from '../../src/messages/message.js';

describe('parseTimestamp', () => {
  it.each([
    ['2026-11-02T09:00:41+02:00', '2026-11-02T07:00:41.000Z'],
    ['2026-07-02T09:00:41+03:00', '2026-07-02T06:00:41.000Z'],
    ['2026-11-02T07:00:41Z', '2026-11-02T07:00:41.000Z'],
    ['2026-11-02 09:00+02:00', '2026-11-02T07:00:00.000Z'],
    ['2026-11-02T09:00:41.25+0200', '2026-11-02T07:00:41.250Z'],
    ['2028-02-29T12:00:00-05:30', '2028-02-29T17:30:00.000Z'],
  ])('reads %s', (text, iso) => {
    const parsed = parseTimestamp(text);
    expect(parsed.ok && new Date(parsed.ms).toISOString()).toBe(iso);
  });

  it.each(['2026-11-02T09:00:41', '2026-11-02 09:00'])('refuses %s: no time zone, and says how to add one', (text) => {
    const parsed = parseTimestamp(text);
    expect(parsed).toMatchObject({ ok: false, kind: 'no-time-zone' });
    expect(parsed.ok ? '' : renderMessage(parsed.message, 'en')).toMatch(/\+02:00.*\+03:00/);
    expect(parsed.ok ? '' : renderMessage(parsed.message, 'fi')).toMatch(/aikavyöhyke.*\+02:00.*\+03:00/);
  });

  it.each([
    '2026-02-30T10:00:00Z',
    '2027-02-29T10:00:00Z',
    '2026-11-02T24:00:00Z',
    '2026-11-02T10:60:00Z',
    '2026-11-02',
    'yesterday',
    '',
    '2026-11-02T10:00:00+25:00',
  ])('refuses %j as not a date and time', (text) => {
    expect(parseTimestamp(text)).toMatchObject({ ok: false, kind: 'bad-timestamp' });
  });

  it('keeps untrusted text in messages short and free of control characters', () => {
    const parsed = parseTimestamp(`\u001b[31m${'x'.repeat(100)}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      const text = renderMessage(parsed.message, 'en');
      expect(text).not.toContain('\u001b');
      // The message names the accepted forms; the untrusted text in it is cut to 40 characters.
      expect(text.length).toBeLessThan(180);
    }
  });
});

describe('parseTimestamp fast path', () => {
  it('reads the common forms exactly like Date.parse over many instants', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let index = 0; index < 5000; index++) {
      const ms = Math.floor((Date.UTC(1990, 0, 1) + random() * 80 * 365 * 86_400_000) / 1000) * 1000;
      const offsetMinutes = (Math.floor(random() * 57) - 28) * 30;
      const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
      const sign = offsetMinutes < 0 ? '-' : '+';
      const abs = Math.abs(offsetMinutes);
      const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
      expect(parseTimestamp(text)).toEqual({ ok: true, ms });
      expect(parseTimestamp(`${new Date(ms).toISOString().slice(0, 19)}Z`)).toEqual({ ok: true, ms });
    }
  });
});

describe('parseTimestamp and spaces', () => {
  it('reads a timestamp with spaces around it, as spreadsheets write them after a comma', () => {
    expect(parseTimestamp(' 2026-11-02T09:00:41+02:00 ')).toEqual({ ok: true, ms: Date.parse('2026-11-02T07:00:41Z') });
  });
});

describe('local times with a zone', () => {
  const helsinki = zoneOffsetsFor('Europe/Helsinki');

  it.each([
    ['2027-03-28 02:59:59', '2027-03-28T00:59:59.000Z'],
    ['2027-03-28T04:00:00', '2027-03-28T01:00:00.000Z'],
    ['2027-10-31 02:59:59', '2027-10-30T23:59:59.000Z'],
    ['2027-10-31 04:00:00', '2027-10-31T02:00:00.000Z'],
    ['2027-10-31 04:00', '2027-10-31T02:00:00.000Z'],
    ['31.10.2027 4.00', '2027-10-31T02:00:00.000Z'],
    ['1.1.2027 00:00:00', '2026-12-31T22:00:00.000Z'],
  ])('reads %s in Helsinki, by the fast path and the full one alike', (text, iso) => {
    expect(new Date(timestampMs(text, helsinki)).toISOString()).toBe(iso);
    const parsed = parseTimestamp(` ${text} `, helsinki);
    expect(parsed.ok && new Date(parsed.ms).toISOString()).toBe(iso);
  });

  it.each(['2027-03-28 03:00:00', '2027-03-28 03:59:59', '2027-10-31 03:00:00', '2027-10-31 03:59:59'])('refuses %s, skipped or repeated', (text) => {
    expect(timestampMs(text, helsinki)).toBeNaN();
    expect(parseTimestamp(text, helsinki)).toMatchObject({ ok: false, kind: 'bad-timestamp' });
  });
});
