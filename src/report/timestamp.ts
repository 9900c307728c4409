import { oneLine } from '../format/shared.js';
import { message, type MessageRef } from '../messages/message.js';
import type { ZoneOffsets } from '../time/zone-offsets.js';

/**
 * Timestamps of contact logs: RFC 3339 date-times that say their offset,
 * `2026-11-02T09:00:41+02:00` or `2026-11-02T07:00:41Z` (a space instead of
 * `T` and fractions of a second are allowed). A time without an offset is
 * refused unless the log's time zone is given (`--timezone`): the same wall
 * time means different instants in winter and summer, and the log's machine
 * may not be in the office's zone. With a zone, local times are read in it,
 * also in the Finnish form `22.12.2026 14:00` (`d.m.yyyy hh:mm[:ss]`); a
 * local time that a clock change skips or repeats is refused, as it names no
 * single instant.
 */
export type TimestampResult =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly kind: 'no-time-zone' | 'bad-timestamp'; readonly message: MessageRef };

/** `d.m.yyyy hh:mm[:ss]`, as Finnish phone and case systems export it (`14.00` too). */
const FINNISH = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?$/;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `zone`: the time zone that times without an offset are local times of (`--timezone`); without it they are refused. */
export function parseTimestamp(text: string, zone?: ZoneOffsets): TimestampResult {
  const ms = fastParse(text);
  // Spaces around a field (a spreadsheet's ", " between columns) are not an error.
  return Number.isNaN(ms) ? parseSlowly(text.trim(), zone) : { ok: true, ms };
}

/** The instant in epoch ms, or NaN when the text is not a timestamp with a zone (parseTimestamp says why). Allocates nothing in the common forms. */
export function timestampMs(text: string, zone?: ZoneOffsets): number {
  const ms = fastParse(text);
  if (!Number.isNaN(ms)) return ms;
  if (zone !== undefined) {
    const local = fastLocal(text, zone);
    if (!Number.isNaN(local)) return local;
  }
  const parsed = parseSlowly(text.trim(), zone);
  return parsed.ok ? parsed.ms : Number.NaN;
}

/**
 * The instant of a local wall time (ms since local 1970-01-01T00:00) in a
 * zone: 'gap' when a clock change skips it (Helsinki 2027-03-28 03:30),
 * 'overlap' when one repeats it (2027-10-31 03:30). Offsets a day before and
 * after are the two candidates: no zone changes twice within two days.
 */
export function instantOfLocal(zone: ZoneOffsets, wall: number): number | 'gap' | 'overlap' {
  const before = zone.at(wall - MS_PER_DAY);
  const after = zone.at(wall + MS_PER_DAY);
  const early = wall - before;
  const late = wall - after;
  const earlyFits = zone.at(early) === before;
  const lateFits = zone.at(late) === after;
  if (earlyFits && lateFits && early !== late) return 'overlap';
  if (earlyFits) return early;
  if (lateFits) return late;
  return 'gap';
}

const MS_PER_DAY = 86_400_000;

/**
 * The common forms `2026-11-02T09:00:41+02:00` and `2026-11-02T07:00:41Z`,
 * read digit by digit: a million-row log has two million timestamps, and a
 * regular expression plus Date.UTC costs several times more. NaN means
 * "not this form" (the full parser then decides, and explains errors).
 */
function fastParse(text: string): number {
  const length = text.length;
  if ((length !== 25 && length !== 20) || text.charCodeAt(10) !== 84) return Number.NaN;
  const wallClock = wallClockMs(text);
  if (Number.isNaN(wallClock)) return Number.NaN;
  let offsetMinutes = 0;
  if (length === 25) {
    const sign = text.charCodeAt(19);
    if ((sign !== 43 && sign !== 45) || text.charCodeAt(22) !== 58) return Number.NaN;
    const offsetHours = twoDigits(text, 20);
    const offsetRest = twoDigits(text, 23);
    if (!(offsetHours <= 23 && offsetRest <= 59)) return Number.NaN;
    offsetMinutes = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetRest);
  } else if (text.charCodeAt(19) !== 90) {
    return Number.NaN;
  }
  return wallClock - offsetMinutes * 60_000;
}

/**
 * `yyyy-mm-dd?hh:mm:ss` at the start of `text` (the caller checks the
 * character between date and time) as milliseconds of a UTC clock showing
 * that date and time; NaN when it is not that form or not a real date and time.
 */
function wallClockMs(text: string): number {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Number.NaN;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/**
 * The common local form `2026-11-02 09:00:41` (or with `T`), read digit by
 * digit as fastParse reads offsets: a log of local times has millions. NaN
 * means "not this form, or not one instant" (the full parser then says why).
 */
function fastLocal(text: string, zone: ZoneOffsets): number {
  if (text.length !== 19) return Number.NaN;
  const separator = text.charCodeAt(10);
  if (separator !== 84 && separator !== 32) return Number.NaN;
  const wallClock = wallClockMs(text);
  if (Number.isNaN(wallClock)) return Number.NaN;
  const instant = instantOfLocal(zone, wallClock);
  return typeof instant === 'number' ? instant : Number.NaN;
}

/** The number written in two ASCII digits at `from`; NaN if either is not a digit. */
function twoDigits(text: string, from: number): number {
  const tens = text.charCodeAt(from) - 48;
  const ones = text.charCodeAt(from + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : Number.NaN;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function parseSlowly(text: string, localZone: ZoneOffsets | undefined): TimestampResult {
  const iso = TIMESTAMP.exec(text);
  const finnish = iso ? null : FINNISH.exec(text);
  const match = iso ?? finnish;
  if (!match) {
    return { ok: false, kind: 'bad-timestamp', message: message('report.timestamp.not-a-time', { text: shorten(text) }) };
  }
  const year = Number(finnish ? match[3] : match[1]);
  const month = Number(match[2]);
  const day = Number(finnish ? match[1] : match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, kind: 'bad-timestamp', message: message('report.timestamp.not-real', { text: shorten(text) }) };
  }
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
  const zone = finnish ? undefined : match[8];
  if (zone === undefined) {
    if (localZone === undefined) {
      return { ok: false, kind: 'no-time-zone', message: message('report.timestamp.no-time-zone', { text: shorten(text), example: shorten(text) }) };
    }
    const instant = instantOfLocal(localZone, Date.UTC(year, month - 1, day, hour, minute, second, fraction));
    if (typeof instant === 'number') return { ok: true, ms: instant };
    const values = { text: shorten(text), zone: localZone.timeZone };
    return { ok: false, kind: 'bad-timestamp', message: message(instant === 'gap' ? 'report.timestamp.gap' : 'report.timestamp.overlap', values) };
  }
  let offsetMinutes = 0;
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone.charCodeAt(0) === 45 ? -1 : 1;
    const digits = zone.length === 6 ? zone.slice(1, 3) + zone.slice(4) : zone.slice(1);
    const offsetHours = Number(digits.slice(0, 2));
    const offsetRest = Number(digits.slice(2));
    if (offsetHours > 23 || offsetRest > 59)
      return { ok: false, kind: 'bad-timestamp', message: message('report.timestamp.bad-offset', { text: shorten(text) }) };
    offsetMinutes = sign * (offsetHours * 60 + offsetRest);
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second, fraction) - offsetMinutes * 60_000;
  return { ok: true, ms };
}

function daysIn(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1] as number;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Untrusted text goes into messages: keep it short, and without control characters that could rewrite a terminal. */
export function shorten(text: string): string {
  // Only the start is shown, so only the start is looked at (a field may be a megabyte long).
  const head = text.length > 80 ? text.slice(0, 80) : text;
  const visible = oneLine(head);
  return visible.length > 40 || head !== text ? `${visible.slice(0, 37)}...` : visible;
}
