import { blockOrder } from '../compose.js';
import type { AwayData, AwayRequest, AwayResult } from '../away-types.js';
import { awayTexts } from '../away-texts.js';
import { instantOf } from '../zone-time.js';
import { awaySchedule, type LocalDateTime } from './schedule.js';
import { escapeText, foldLine } from '../../util/icalendar-text.js';

/**
 * The absence as an iCalendar event (RFC 5545) that Outlook shows as out of
 * office: all-day dates (DTEND the day after `until`) when no times are
 * given, else UTC times. The description is the internal auto-reply, which
 * names the substitute and how to reach them. UID and DTSTAMP come from the
 * request, so the same request gives the same file.
 */
export function formatIcs(data: AwayData, request: AwayRequest, result: AwayResult): string {
  const schedule = awaySchedule(request, result);
  const summary = blockOrder(data.languages)
    .map((lang) => awayTexts(lang).eventSummary)
    .filter((text, index, all) => all.indexOf(text) === index)
    .join(' / ');
  const dates = schedule.allDay
    ? [`DTSTART;VALUE=DATE:${compactDate(schedule.start.date)}`, `DTEND;VALUE=DATE:${compactDate(schedule.end.date)}`]
    : [`DTSTART:${utcStamp(schedule.start, data.timeZone)}`, `DTEND:${utcStamp(schedule.end, data.timeZone)}`];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//charter//away//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid(data, request)}`,
    `DTSTAMP:${compactDate(todayOf(request))}T000000Z`,
    ...dates,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(result.autoReply.internal)}`,
    'TRANSP:OPAQUE',
    'CLASS:PUBLIC',
    'X-MICROSOFT-CDO-BUSYSTATUS:OOF',
    'X-MICROSOFT-CDO-INTENDEDSTATUS:OOF',
    ...(schedule.allDay ? ['X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function todayOf(request: AwayRequest): string {
  return request.today.trim().slice(0, 10);
}

function utcStamp(local: LocalDateTime, timeZone: string): string {
  const iso = new Date(instantOf(timeZone, local.date, local.time)).toISOString();
  return `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A stable UID: the charter, the dates and a hash of the whole request. */
function uid(data: AwayData, request: AwayRequest): string {
  const key = JSON.stringify([data.charterId, request.from, request.until, request.substitute ?? null, request.name ?? null]);
  const slug = `${request.from}-${request.until}`.replace(/[^0-9A-Za-z-]/g, '');
  return `away-${data.charterId.replace(/[^a-z0-9-]/g, '')}-${slug}-${fnv1a(key)}@charter`;
}

const encoder = new TextEncoder();

/** FNV-1a, 32 bits, as 8 hex digits: enough to tell two requests apart in one calendar. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
