/** Durations as charters write them: `<number> <unit>`, e.g. `2 working days`. */
export type DurationUnit = 'second' | 'minute' | 'hour' | 'working hour' | 'day' | 'working day' | 'week' | 'month';

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

const DURATION_PATTERN = /^(\d+(?:\.\d+)?) (seconds?|minutes?|hours?|working hours?|days?|working days?|weeks?|months?)$/;

export function parseDuration(text: unknown): Duration | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DURATION_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unitText = match[2] as string;
  const unit = (unitText.endsWith('s') ? unitText.slice(0, -1) : unitText) as DurationUnit;
  return { amount, unit };
}

/**
 * How durations compare. Clock units convert exactly; months are 28 to 31 days;
 * working hours and working days depend on the calendar, so they only compare
 * with themselves.
 */
export type DurationFamily = 'clock' | 'working hour' | 'working day';

export function durationFamily(duration: Duration): DurationFamily {
  if (duration.unit === 'working hour') return 'working hour';
  if (duration.unit === 'working day') return 'working day';
  return 'clock';
}

const SECONDS: Record<Exclude<DurationUnit, 'working hour' | 'working day' | 'month'>, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
};

/** The shortest and longest length of a clock duration, in seconds (months vary). */
export function clockSecondsRange(duration: Duration): { min: number; max: number } | undefined {
  if (durationFamily(duration) !== 'clock') return undefined;
  if (duration.unit === 'month') return { min: duration.amount * 28 * 86_400, max: duration.amount * 31 * 86_400 };
  const seconds = duration.amount * SECONDS[duration.unit as keyof typeof SECONDS];
  return { min: seconds, max: seconds };
}

/**
 * Compares two durations: -1 if `a` is surely shorter, 1 if surely longer,
 * 0 if equal, undefined if they cannot be compared (different families, or
 * overlapping month ranges).
 */
export function compareDurations(a: Duration, b: Duration): -1 | 0 | 1 | undefined {
  const family = durationFamily(a);
  if (family !== durationFamily(b)) return undefined;
  if (family !== 'clock') return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
  if (a.unit === 'month' && b.unit === 'month') return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
  const ra = clockSecondsRange(a);
  const rb = clockSecondsRange(b);
  if (!ra || !rb) return undefined;
  if (ra.min === rb.min && ra.max === rb.max) return 0;
  if (ra.max < rb.min) return -1;
  if (ra.min > rb.max) return 1;
  return undefined;
}

export function formatDuration(duration: Duration): string {
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
