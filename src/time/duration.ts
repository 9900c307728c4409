/**
 * Durations as charters write them: `<number> <unit>`, e.g. `2 working days`,
 * or one of two fixed limits without a number:
 *
 * - `same working day`: due at the close of office hours on the day the
 *   contact arrives; a contact that arrives after closing, or on a day that
 *   is not a working day, is due at the close of the next working day.
 * - `immediately`: an automated receipt. It is measured as met within
 *   IMMEDIATELY_SECONDS, which allows for mail queues and the moment a
 *   system takes to send it, and it is stricter than any other duration.
 *
 * Both read with an amount of 0 (no count of units), so that code that only
 * looks at amounts never mistakes them for a count; `isFixedDuration` tells them apart.
 */
export type DurationUnit =
  'second' | 'minute' | 'hour' | 'working hour' | 'day' | 'working day' | 'week' | 'month' | 'year' | 'same working day' | 'immediately';

/** The units written without an amount. */
export type FixedDurationUnit = 'same working day' | 'immediately';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** How long an `immediately` promise (an automated receipt) may take and still be met: 5 minutes. */
export const IMMEDIATELY_SECONDS = 300;

const DURATION_PATTERN = /^(\d+(?:\.\d+)?) (seconds?|minutes?|hours?|working hours?|days?|working days?|weeks?|months?|years?)$/;
const FIXED_DURATIONS: readonly FixedDurationUnit[] = ['same working day', 'immediately'];

export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  const fixed = FIXED_DURATIONS.find((unit) => unit === trimmed);
  if (fixed !== undefined) return { amount: 0, unit: fixed };
  const match = DURATION_PATTERN.exec(trimmed);
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unitText = match[2] as string;
  const unit = (unitText.endsWith('s') ? unitText.slice(0, -1) : unitText) as DurationUnit;
  return { amount, unit };
}

/** True for `same working day` and `immediately`, which have no amount. */
export function isFixedDuration(duration: Duration): duration is Duration & { readonly unit: FixedDurationUnit } {
  return duration.unit === 'same working day' || duration.unit === 'immediately';
}

/**
 * The unit a duration's time taken is counted in: `same working day` in
 * working hours, `immediately` in seconds, every other unit in itself.
 */
export function measuredUnit(unit: DurationUnit): Exclude<DurationUnit, FixedDurationUnit> {
  if (unit === 'same working day') return 'working hour';
  if (unit === 'immediately') return 'second';
  return unit;
}

/**
 * How durations compare. Clock units convert exactly; months are 28 to 31 days;
 * working hours and working days depend on the calendar, so they only compare
 * with themselves.
 */
export type DurationFamily = 'clock' | 'working hour' | 'working day' | 'immediately';

/** `same working day` belongs with working days (it is stricter than 1 working day); `immediately` stands alone, before everything. */
export function durationFamily(duration: Duration): DurationFamily {
  if (duration.unit === 'working hour') return 'working hour';
  if (duration.unit === 'working day' || duration.unit === 'same working day') return 'working day';
  if (duration.unit === 'immediately') return 'immediately';
  return 'clock';
}

const SECONDS: Record<Exclude<DurationUnit, 'working hour' | 'working day' | 'month' | 'year' | FixedDurationUnit>, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
};

/** The shortest and longest length of a clock duration, in seconds (months and years vary). */
export function clockSecondsRange(duration: Duration): { min: number; max: number } | undefined {
  if (durationFamily(duration) !== 'clock') return undefined;
  if (duration.unit === 'month') return { min: duration.amount * 28 * 86_400, max: duration.amount * 31 * 86_400 };
  if (duration.unit === 'year') return { min: duration.amount * 365 * 86_400, max: duration.amount * 366 * 86_400 };
  const seconds = duration.amount * SECONDS[duration.unit as keyof typeof SECONDS];
  return { min: seconds, max: seconds };
}

/**
 * Compares two durations: -1 if `a` is surely shorter, 1 if surely longer,
 * 0 if equal, undefined if they cannot be compared (different families, or
 * overlapping month ranges). `immediately` is shorter than every other
 * duration. `same working day` is shorter than 1 or more working days; against
 * `0 working days` (the end of the arrival day) it cannot be compared, since
 * a contact after closing makes it the later of the two.
 */
export function compareDurations(a: Duration, b: Duration): -1 | 0 | 1 | undefined {
  if (a.unit === 'immediately' || b.unit === 'immediately') return a.unit === b.unit ? 0 : a.unit === 'immediately' ? -1 : 1;
  if (a.unit === 'same working day' || b.unit === 'same working day') return compareWithSameWorkingDay(a, b);
  const family = durationFamily(a);
  if (family !== durationFamily(b)) return undefined;
  if (family !== 'clock') return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
  if ((a.unit === 'month' || a.unit === 'year') && (b.unit === 'month' || b.unit === 'year')) {
    const months = (duration: Duration): number => duration.amount * (duration.unit === 'year' ? 12 : 1);
    return months(a) === months(b) ? 0 : months(a) < months(b) ? -1 : 1;
  }
  const ra = clockSecondsRange(a);
  const rb = clockSecondsRange(b);
  if (!ra || !rb) return undefined;
  if (ra.min === rb.min && ra.max === rb.max) return 0;
  if (ra.max < rb.min) return -1;
  if (ra.min > rb.max) return 1;
  return undefined;
}

function compareWithSameWorkingDay(a: Duration, b: Duration): -1 | 0 | 1 | undefined {
  if (a.unit === b.unit) return 0;
  const other = a.unit === 'same working day' ? b : a;
  if (other.unit !== 'working day' || other.amount === 0) return undefined;
  return a.unit === 'same working day' ? -1 : 1;
}

export function formatDuration(duration: Duration): string {
  if (isFixedDuration(duration)) return duration.unit;
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}

/** Parses a target (`90%` or `0.9`) to a fraction; absent means 100%. */
export function parseTarget(value: unknown): number | undefined {
  if (value === undefined) return 1;
  if (typeof value === 'number') return value >= 0 && value <= 1 ? value : undefined;
  if (typeof value === 'string') {
    const match = /^(\d+(?:\.\d+)?)%$/.exec(value.trim());
    if (!match) return undefined;
    const percent = Number(match[1]);
    return percent <= 100 ? percent / 100 : undefined;
  }
  return undefined;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 1000) / 10}%`;
}
