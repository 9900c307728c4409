import type { HoursException, OfficeHours, OpeningPeriod } from '../model/charter.js';
import { CHANNEL_KINDS } from '../model/charter.js';
import type { JsonPath } from '../model/diagnostic.js';
import { getPath, isPlainObject, type CharterData } from '../model/charter-data.js';
import { WEEKDAYS } from '../time/weekly-hours.js';
import { message, type MessageValue } from '../messages/message.js';
import { lineLabel } from './labels.js';
import { linesOf, type CharterVersion, type FoundChange } from './promise-changes.js';

const MINUTES_A_DAY = 1440;

/** The minutes of the week a set of weekly hours is open, one flag per minute (Monday 00:00 first). */
function openMinutes(weekly: readonly OpeningPeriod[]): Uint8Array {
  const open = new Uint8Array(WEEKDAYS.length * MINUTES_A_DAY);
  for (const period of weekly) {
    for (const day of period.days) {
      const start = WEEKDAYS.indexOf(day) * MINUTES_A_DAY;
      open.fill(1, start + period.open.minutes, start + Math.min(period.close.minutes, MINUTES_A_DAY));
    }
  }
  return open;
}

/** Whether some minute open in `a` is closed in `b`. */
function losesMinutes(a: Uint8Array, b: Uint8Array): boolean {
  return a.some((flag, index) => flag === 1 && b[index] === 0);
}

/** Weekly hours as the charter writes them: `mon-fri 08:00–16:00; sat 10:00–14:00`. */
function weeklyText(weekly: readonly OpeningPeriod[]): string {
  if (weekly.length === 0) return '–';
  return weekly
    .map((period) => `${typeof period.daysWritten === 'string' ? period.daysWritten : period.daysWritten.join(', ')} ${period.open.text}–${period.close.text}`)
    .join('; ');
}

function exceptionText(exception: HoursException): MessageValue {
  return exception.closed ? message('diff.hours.closed') : `${exception.open.text}–${exception.close.text}`;
}

/**
 * Changes in opening hours: shorter weekly hours loosen every promise counted
 * in working time (and the customer's access), a closed day or special hours
 * added loosen them for that day; the opposite tightens.
 */
export function officeHoursChanges(where: string, path: JsonPath, before: OfficeHours, after: OfficeHours, data: DataPair): FoundChange[] {
  const found: FoundChange[] = [];
  const [oldOpen, newOpen] = [openMinutes(before.weekly), openMinutes(after.weekly)];
  const lost = losesMinutes(oldOpen, newOpen);
  const gained = losesMinutes(newOpen, oldOpen);
  if (lost || gained) {
    const values = { where, from: weeklyText(before.weekly), to: weeklyText(after.weekly) };
    const id = lost && gained ? 'diff.hours.changed-shorter' : lost ? 'diff.hours.shorter' : 'diff.hours.longer';
    found.push({ kind: lost ? 'loosened' : 'tightened', text: message(id, values), path: [...path, 'weekly'], side: 'new' });
  }
  const oldDays = new Map(before.exceptions.map((exception) => [exception.date, exception]));
  const newDays = new Map(after.exceptions.map((exception) => [exception.date, exception]));
  after.exceptions.forEach((exception, index) => {
    const old = oldDays.get(exception.date);
    const at: JsonPath = [...path, 'exceptions', indexOfDay(data.after, path, exception.date) ?? index];
    if (!old) {
      const text = exception.closed
        ? message('diff.hours.closed-added', { where, date: exception.date })
        : message('diff.hours.special-added', { where, date: exception.date, hours: exceptionText(exception) });
      found.push({ kind: 'loosened', text, path: at, side: 'new' });
      return;
    }
    const order = compareDay(old, exception);
    if (order === 0) return;
    const values = { where, date: exception.date, from: exceptionText(old), to: exceptionText(exception) };
    found.push({
      kind: order < 0 ? 'loosened' : 'tightened',
      text: message(order < 0 ? 'diff.hours.day-shorter' : 'diff.hours.day-longer', values),
      path: at,
      side: 'new',
    });
  });
  before.exceptions.forEach((exception, index) => {
    if (newDays.has(exception.date)) return;
    found.push({
      kind: 'tightened',
      text: message('diff.hours.exception-removed', { where, date: exception.date, hours: exceptionText(exception) }),
      path: [...path, 'exceptions', indexOfDay(data.before, path, exception.date) ?? index],
      side: 'old',
    });
  });
  return found;
}

/** The two versions' merged data, where exceptions are found by date. */
interface DataPair {
  readonly before: CharterData;
  readonly after: CharterData;
}

/** Where an exception day is written in the data (the model keeps its own order). */
function indexOfDay(data: CharterData, path: JsonPath, date: string): number | undefined {
  const list = getPath(data, [...path, 'exceptions']);
  if (!Array.isArray(list)) return undefined;
  const index = list.findIndex((item: unknown) => isPlainObject(item) && item.date === date);
  return index === -1 ? undefined : index;
}

/** -1 when a day's hours got shorter (some minute lost), 1 when only longer, 0 when the same. */
function compareDay(before: HoursException, after: HoursException): -1 | 0 | 1 {
  const minutes = (day: HoursException): Uint8Array => {
    const open = new Uint8Array(MINUTES_A_DAY);
    if (!day.closed) open.fill(1, day.open.minutes, Math.min(day.close.minutes, MINUTES_A_DAY));
    return open;
  };
  const [a, b] = [minutes(before), minutes(after)];
  if (losesMinutes(a, b)) return -1;
  return losesMinutes(b, a) ? 1 : 0;
}

/** The unit's hours, and the own hours of every channel line in both versions. */
export function hoursChanges(before: CharterVersion, after: CharterVersion): FoundChange[] {
  const data = { before: before.data, after: after.data };
  const found = officeHoursChanges('hours', ['hours'], before.charter.hours, after.charter.hours, data);
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  for (const kind of CHANNEL_KINDS) {
    for (const line of after.charter.channels[kind]) {
      const key = `${kind}\u0000${line.id ?? ''}`;
      const old = before.charter.channels[kind].find((candidate) => (candidate.id ?? '') === (line.id ?? ''));
      const path = newLines.get(key)?.path;
      if (!old || !oldLines.has(key) || path === undefined) continue;
      const oldHours = 'hours' in old ? old.hours : undefined;
      const newHours = 'hours' in line ? line.hours : undefined;
      // The unit's hours are compared above. A line that writes hours of its own: the
      // weekly hours in force on it, and its own exception days (the unit's are told once).
      const ownBefore = 'ownHours' in old ? old.ownHours : undefined;
      const ownAfter = 'ownHours' in line ? line.ownHours : undefined;
      if (oldHours && newHours && (ownBefore !== undefined || ownAfter !== undefined)) {
        const own = (hours: OfficeHours, written: OfficeHours | undefined): OfficeHours => ({ ...hours, exceptions: written?.exceptions ?? [] });
        found.push(...officeHoursChanges(`${lineLabel(kind, line.id)}.hours`, [...path, 'hours'], own(oldHours, ownBefore), own(newHours, ownAfter), data));
      }
    }
  }
  return found;
}
