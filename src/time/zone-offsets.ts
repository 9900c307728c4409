/**
 * A time zone's offsets from UTC, fast. `Intl.DateTimeFormat` costs
 * microseconds per call, so offsets are cached per 15-minute UTC bucket:
 * every modern zone changes its offset on such a boundary. A bucket whose
 * offset changes inside it (old local mean times such as Helsinki's +1:39:49
 * before 1921) falls back to `Intl` for each instant, so results never differ.
 */
export const MS_PER_DAY = 86_400_000;
const BUCKET_MS = 15 * 60_000;
const BUCKETS_PER_DAY = MS_PER_DAY / BUCKET_MS;
/** Eight years of buckets (2.2 MB) in the fast window. */
const WINDOW_BUCKETS = 8 * 366 * BUCKETS_PER_DAY;
/** No offset is infinite: marks a window slot not filled yet. */
const UNFILLED = Infinity;
/** Marks a bucket with an offset change inside it. */
const MIXED = Number.NaN;

export class ZoneOffsets {
  private readonly formatter: Intl.DateTimeFormat;
  /** Offset in force throughout each bucket, or MIXED. */
  private readonly buckets = new Map<number, number>();
  /** Offset at each bucket's first millisecond, kept so a neighbour's fill reuses it. */
  private readonly bucketStarts = new Map<number, number>();
  /** UTC days (by first bucket) already checked for a single offset. */
  private readonly daysTried = new Set<number>();
  /**
   * The same offsets as `buckets` for a window of years around the first
   * instant asked about, in a typed array: a report asks several times per
   * log row, and an array read is several times cheaper than a Map lookup.
   * UNFILLED where not known yet.
   */
  private window: Float64Array | undefined;
  private windowStart = 0;

  /** Throws a RangeError for an unknown time zone. */
  constructor(readonly timeZone: string) {
    this.formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  }

  /** The offset from UTC at an instant, in milliseconds (Helsinki: +2 h or +3 h). */
  at(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    let window = this.window;
    if (window === undefined) {
      window = this.window = new Float64Array(WINDOW_BUCKETS).fill(UNFILLED);
      this.windowStart = bucket - WINDOW_BUCKETS / 2;
    }
    const slot = bucket - this.windowStart;
    let offset: number;
    if (slot >= 0 && slot < WINDOW_BUCKETS) {
      offset = window[slot] as number;
      if (offset === UNFILLED) {
        offset = this.buckets.get(bucket) ?? this.fillBucket(bucket);
        window[slot] = offset;
      }
    } else {
      offset = this.buckets.get(bucket) ?? this.fillBucket(bucket);
    }
    return Number.isNaN(offset) ? this.exactAt(ms) : offset;
  }

  /** The local date of an instant, as days since 1970-01-01. */
  localDay(ms: number): number {
    return Math.floor((ms + this.at(ms)) / MS_PER_DAY);
  }

  /**
   * The instant of a local wall-clock time, given as milliseconds since local
   * 1970-01-01T00:00. A time skipped by a DST change maps to the instant it
   * would have been with the offset before the change.
   */
  instantOfWall(wall: number): number {
    // The offset just before the wall time, then corrected once for a change in between.
    const first = wall - this.at(wall - this.at(wall));
    const second = wall - this.at(first);
    if (this.at(second) === wall - second) return second;
    if (this.at(first) === wall - first) return first;
    // In a gap: use the offset in force before the change.
    return wall - this.at(Math.min(first, second) - 3 * 3_600_000);
  }

  /** The offset straight from `Intl`, to whole seconds as `Intl` shows them. */
  exactAt(ms: number): number {
    const parts = this.formatter.formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? NaN);
    const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
    return asUtc - wholeSeconds;
  }

  private fillBucket(bucket: number): number {
    // Offsets change a few times a year: when a whole UTC day has one offset
    // (same at its start, middle and end), fill its 96 buckets at once.
    const firstOfDay = Math.floor(bucket / BUCKETS_PER_DAY) * BUCKETS_PER_DAY;
    if (!this.daysTried.has(firstOfDay)) {
      this.daysTried.add(firstOfDay);
      const offset = this.startOffset(firstOfDay);
      const middle = this.exactAt((firstOfDay + BUCKETS_PER_DAY / 2) * BUCKET_MS);
      if (offset === middle && offset === this.startOffset(firstOfDay + BUCKETS_PER_DAY)) {
        for (let each = firstOfDay; each < firstOfDay + BUCKETS_PER_DAY; each++) this.buckets.set(each, offset);
        return offset;
      }
    }
    const start = this.startOffset(bucket);
    const next = this.startOffset(bucket + 1);
    // Assumes at most one change per bucket: equal ends mean none inside.
    const uniform = start === next || this.exactAt((bucket + 1) * BUCKET_MS - 1) === start;
    const offset = uniform ? start : MIXED;
    this.buckets.set(bucket, offset);
    return offset;
  }

  private startOffset(bucket: number): number {
    let offset = this.bucketStarts.get(bucket);
    if (offset === undefined) {
      offset = this.exactAt(bucket * BUCKET_MS);
      this.bucketStarts.set(bucket, offset);
    }
    return offset;
  }
}

const shared = new Map<string, ZoneOffsets>();

/**
 * One cache per time zone for the whole process: every charter's calendar in
 * Helsinki shares the offsets (a report over many charters would otherwise
 * ask `Intl` for the same instants once per calendar).
 */
export function zoneOffsetsFor(timeZone: string): ZoneOffsets {
  let zone = shared.get(timeZone);
  if (!zone) {
    zone = new ZoneOffsets(timeZone);
    shared.set(timeZone, zone);
  }
  return zone;
}
