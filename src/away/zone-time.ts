/**
 * Wall-clock times of a time zone as instants, with Intl only (browser-safe):
 * the offset in force at an instant, and the instant of a local date and time.
 */

const FORMATTERS = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = FORMATTERS.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    FORMATTERS.set(timeZone, found);
  }
  return found;
}

/** The zone's offset from UTC at an instant, in minutes (Helsinki in winter: 120). */
export function offsetMinutesAt(timeZone: string, ms: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant of a local date (YYYY-MM-DD) and time (HH:MM) in a zone. A time
 * skipped by a clock change reads as the same time before the change; a
 * repeated one as its first occurrence.
 */
export function instantOf(timeZone: string, date: string, time: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const first = wall - offsetMinutesAt(timeZone, wall) * 60_000;
  const second = wall - offsetMinutesAt(timeZone, first) * 60_000;
  return Math.min(first, second);
}

/** True when Intl knows the zone. */
export function isKnownZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
