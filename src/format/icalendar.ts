/**
 * iCalendar (RFC 5545) text: escaping, folding and the calendar around a list
 * of all-day events. Pure; the same events and stamp give the same bytes.
 */
import { escapeText, foldLine } from '../util/icalendar-text.js';

/** An event that lasts whole days, `from` to `to` inclusive (YYYY-MM-DD). */
export interface AllDayEvent {
  /** Stable across runs, so a calendar that imports the file again updates the event instead of adding a copy. */
  readonly uid: string;
  readonly from: string;
  readonly to: string;
  readonly summary: string;
  readonly description?: string;
  /** The language of the summary and description (a BCP 47 tag). */
  readonly language?: string;
}

export interface CalendarOptions {
  /** `-//owner//product//EN`. */
  readonly productId: string;
  /** The day the file is made (YYYY-MM-DD), as every event's DTSTAMP: from --today, so output is reproducible. */
  readonly stampDate: string;
}

/** A VCALENDAR of all-day events, CRLF line ends, lines folded at 75 octets. */
export function allDayCalendar(events: readonly AllDayEvent[], options: CalendarOptions): string {
  const stamp = `${compactDate(options.stampDate)}T000000Z`;
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(options.productId)}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const event of events) {
    const language = event.language === undefined ? '' : `;LANGUAGE=${event.language.replace(/[^A-Za-z0-9-]/g, '')}`;
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(event.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(event.from)}`,
      // DTEND of an all-day event is the day after its last day (RFC 5545 3.6.1).
      `DTEND;VALUE=DATE:${compactDate(dayAfter(event.to))}`,
      `SUMMARY${language}:${escapeText(event.summary)}`,
      ...(event.description === undefined ? [] : [`DESCRIPTION${language}:${escapeText(event.description)}`]),
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
