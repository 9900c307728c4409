import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, ZoneOffsets } from '../../src/time/zone-offsets.js';
import { WallClock } from './reference-calendar.js';

const HOUR = 3_600_000;

describe('ZoneOffsets', () => {
  it('gives Helsinki +2 h in winter and +3 h in summer, changing on the hour', () => {
    const helsinki = new ZoneOffsets('Europe/Helsinki');
    // Summer time starts 2027-03-28 01:00 UTC and ends 2027-10-31 01:00 UTC.
    expect(helsinki.at(Date.parse('2027-03-28T00:59:59.999Z'))).toBe(2 * HOUR);
    expect(helsinki.at(Date.parse('2027-03-28T01:00:00.000Z'))).toBe(3 * HOUR);
    expect(helsinki.at(Date.parse('2027-10-31T00:59:59.999Z'))).toBe(3 * HOUR);
    expect(helsinki.at(Date.parse('2027-10-31T01:00:00.000Z'))).toBe(2 * HOUR);
  });

  it('agrees with Intl inside a bucket where the offset changes (Helsinki left local mean time mid-bucket in 1921)', () => {
    const helsinki = new ZoneOffsets('Europe/Helsinki');
    const intl = new WallClock('Europe/Helsinki');
    // 1921-05-01 00:00 local mean time (+1:39:49) was 1921-04-30T22:20:11Z.
    const change = Date.parse('1921-04-30T22:20:11Z');
    expect(helsinki.at(change - 1)).toBe(5_989_000);
    expect(helsinki.at(change)).toBe(2 * HOUR);
    for (let ms = change - 20 * 60_000; ms <= change + 20 * 60_000; ms += 997) {
      expect(helsinki.at(ms), new Date(ms).toISOString()).toBe(intl.offsetAt(ms));
    }
  });

  it.each(['Europe/Helsinki', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Kolkata'])('agrees with Intl at random instants 2026-2028 in %s', (timeZone) => {
    const zone = new ZoneOffsets(timeZone);
    const intl = new WallClock(timeZone);
    let state = 7;
    const start = Date.parse('2026-01-01T00:00:00Z');
    for (let index = 0; index < 3000; index++) {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      const ms = Math.floor(start + (state / 2_147_483_648) * 3 * 365 * MS_PER_DAY);
      expect(zone.at(ms), new Date(ms).toISOString()).toBe(intl.offsetAt(ms));
    }
  });

  it('maps wall clocks to instants, reading a skipped time with the offset before the change', () => {
    const helsinki = new ZoneOffsets('Europe/Helsinki');
    const wall = (text: string): number => Date.parse(`${text}Z`);
    expect(helsinki.instantOfWall(wall('2027-03-28T02:30:00'))).toBe(Date.parse('2027-03-28T00:30:00Z'));
    expect(helsinki.instantOfWall(wall('2027-03-28T03:30:00'))).toBe(Date.parse('2027-03-28T01:30:00Z'));
    expect(helsinki.localDay(Date.parse('2027-03-27T22:30:00Z'))).toBe(wall('2027-03-28T00:00:00') / MS_PER_DAY);
  });

  it('refuses an unknown time zone and an invalid instant', () => {
    expect(() => new ZoneOffsets('Europe/Nowhere')).toThrow(RangeError);
    expect(() => new ZoneOffsets('Europe/Helsinki').at(Number.NaN)).toThrow(RangeError);
  });
});
