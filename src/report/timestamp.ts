import { oneLine } from '../format/shared.js';
import { message, type MessageRef } from '../messages/message.js';

/**
 * Timestamps of contact logs: RFC 3339 date-times that say their offset,
 * `2026-11-02T09:00:41+02:00` or `2026-11-02T07:00:41Z` (a space instead of
 * `T` and fractions of a second are allowed). A time without an offset is
 * refused: the same wall time means different instants in winter and summer,
 * and the log's machine may not be in the office's zone.
 */
export type TimestampResult =
  { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly kind: 'no-time-zone' | 'bad-timestamp'; readonly message: MessageRef };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function parseTimestamp(text: string): TimestampResult {
  const ms = fastParse(text);
  // Spaces around a field (a spreadsheet's ", " between columns) are not an error.
  return Number.isNaN(ms) ? parseSlowly(text.trim()) : { ok: true, ms };
}

/** The instant in epoch ms, or NaN when the text is not a timestamp with a zone (parseTimestamp says why). Allocates nothing in the common forms. */
export function timestampMs(text: string): number {
  const ms = fastParse(text);
  if (!Number.isNaN(ms)) return ms;
  const parsed = parseSlowly(text.trim());
  return parsed.ok ? parsed.ms : Number.NaN;
}

/**
 * The common forms `2026-11-02T09:00:41+02:00` and `2026-11-02T07:00:41Z`,
 * read digit by digit: a million-row log has two million timestamps, and a
 * regular expression plus Date.UTC costs several times more. NaN means
 * "not this form" (the full parser then decides, and explains errors).
 */
function fastParse(text: string): number {
  const length = text.length;
  if (length !== 25 && length !== 20) return Number.NaN;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) {
    return Number.NaN;
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
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
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offsetMinutes) * 60 + second) * 1000;
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

function parseSlowly(text: string): TimestampResult {
  const match = TIMESTAMP.exec(text);
  if (!match) {
    return { ok: false, kind: 'bad-timestamp', message: message('report.timestamp.not-a-time', { text: shorten(text) }) };
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || minute > 59 || second > 59) {
    return { ok: false, kind: 'bad-timestamp', message: message('report.timestamp.not-real', { text: shorten(text) }) };
  }
  const zone = match[8];
  if (zone === undefined) {
    return {
      ok: false,
      kind: 'no-time-zone',
      message: message('report.timestamp.no-time-zone', { text: shorten(text), example: text }),
    };
  }
  const fraction = match[7] === undefined ? 0 : Math.floor(Number(`0.${match[7]}`) * 1000);
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
