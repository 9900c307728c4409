import { SERVICES_CHANNEL } from '../model/commitments.js';
import { MAX_INTERVALS } from './calendar-dimension.js';
import type { Dialect } from './dialect.js';
import type { PromiseTables } from './promise-tables.js';
import { inlineTable } from './sql-values.js';

/**
 * The compliance query: the report's figures per promise and month (and
 * `total`) from a `contacts` table with the log's columns, text as logged,
 * and the `charter_calendar` dimension. It reads a log as `charter report`
 * does (commitment-index.ts, check-row.ts, tally.ts): bad rows and
 * repeated rows are left out, a given-up row is open for ever for a time
 * limit, and the status uses the same thresholds.
 */
export interface QueryOptions {
  /** Open rows are judged at this instant; absent: when the query runs. */
  readonly asOf?: Date;
  /** The first and last day counted (YYYY-MM-DD, the office's date of the start). */
  readonly from: string;
  readonly to: string;
  /** Table names. */
  readonly contacts: string;
  readonly calendar: string;
}

/** Ten years either side of the as-of time (report-window.ts); approximated when the query takes its time from the engine. */
const TEN_YEARS_MS = Math.round(10 * 365.2425 * 86_400_000);

export function complianceQuery(dialect: Dialect, tables: PromiseTables, options: QueryOptions): string {
  const d = dialect;
  const q = (name: string): string => d.ident(name);
  const lit = (text: string): string => d.literal(text);
  const asOf = options.asOf === undefined ? d.now : d.instant(lit(options.asOf.toISOString()));
  const window =
    options.asOf === undefined
      ? { first: `${d.epochMs('a0.as_of_ts')} - ${TEN_YEARS_MS}`, last: `${d.epochMs('a0.as_of_ts')} + ${TEN_YEARS_MS}` }
      : { first: String(yearsAfter(options.asOf, -10)), last: String(yearsAfter(options.asOf, 10)) };
  const skipped = tables.skipped.map((promise) => `-- promise ${promise.id} is not measured here: ${promise.reason} (see README, charter sql)`);
  const w = (alias: string, instant: string): string => workingMs(alias, instant);
  const inOffice = (alias: string, instant: string): string =>
    Array.from(
      { length: MAX_INTERVALS },
      (_, slot) => `(COALESCE(${alias}.open${slot + 1}_ms, 0) < ${instant} AND ${instant} <= COALESCE(${alias}.close${slot + 1}_ms, 0))`,
    ).join(' OR ');
  // Whether an instant is at or before the deadline of a working-hour promise: office time since the start below the limit, or equal and not after a close.
  const withinWorkingHours = (alias: string, instant: string): string => `CASE
        WHEN ${alias}.calendar IS NULL THEN FALSE
        WHEN m.work_ms = 0 THEN ${instant} <= m.start_ms
        WHEN ${w(alias, instant)} - ${w('s', 'm.start_ms')} < m.work_ms THEN TRUE
        WHEN ${w(alias, instant)} - ${w('s', 'm.start_ms')} = m.work_ms THEN (${inOffice(alias, instant)})
        ELSE FALSE END`;
  const intoDouble = (expression: string): string => `CAST(${expression} AS ${d.type('double')})`;
  const round = (expression: string): string => `FLOOR(${expression} + 0.5)`;
  const materialized = d.guessesRowCounts ? 'MATERIALIZED ' : '';
  const joinOn = equalities(d, keySeparator(tables));

  return `-- charter sql (${d.name}): the figures of \`charter report\` per promise and month, from a
-- table ${options.contacts} with the log's columns (charter, channel, commitment, start, end, line,
-- group, service, outcome; text as logged, empty or NULL where a log has no such column) and the
-- working-calendar dimension ${options.calendar}. Months with no rows are not listed.
${skipped.join('\n')}
WITH
params0 AS (
  SELECT ${asOf} AS as_of_ts
),
params AS (
  SELECT a0.as_of_ts, ${d.epochMs('a0.as_of_ts')} AS as_of_ms, ${window.first} AS first_ms, ${window.last} AS last_ms,
    DATE '${options.from}' AS from_date, DATE '${options.to}' AS to_date
  FROM params0 a0
),
promises AS (
${inlineTable(
  d,
  PROMISE_COLUMNS,
  tables.promises.map((p) => [
    p.id,
    p.charter,
    p.unitName,
    p.channel,
    p.line,
    p.commitment,
    p.groups,
    p.service,
    p.measure,
    p.within,
    p.target,
    p.calendar,
    p.timeZone,
    p.kind,
    p.clockMs,
    p.whole,
    p.days,
    p.months,
    p.workMs,
    p.elapsedDivisor,
    p.targetBp,
    p.closeBp,
    p.limit,
    p.closeLimit,
  ]),
  'params',
)}
),
places AS (
${inlineTable(
  d,
  [
    ['place_id', 'int'],
    ['charter', 'text'],
    ['channel', 'text'],
    ['line', 'text'],
    ['commitment', 'text'],
  ],
  tables.places.map((p) => [p.placeId, p.charter, p.channel, p.line, p.commitment]),
  'params',
)}
),
place_groups AS (
${inlineTable(
  d,
  [
    ['place_id', 'int'],
    ['grp', 'text'],
  ],
  tables.placeGroups,
  'params',
)}
),
place_services AS (
${inlineTable(
  d,
  [
    ['place_id', 'int'],
    ['service', 'text'],
  ],
  tables.placeServices,
  'params',
)}
),
charter_groups AS (
${inlineTable(
  d,
  [
    ['charter', 'text'],
    ['grp', 'text'],
  ],
  tables.charterGroups,
  'params',
)}
),
charter_services AS (
${inlineTable(
  d,
  [
    ['charter', 'text'],
    ['service', 'text'],
  ],
  tables.charterServices,
  'params',
)}
),
targets AS (
${inlineTable(
  d,
  [
    ['place_id', 'int'],
    ['grp', 'text'],
    ['service', 'text'],
    ['gave_up', 'int'],
    ['within_id', 'int'],
    ['average_id', 'int'],
    ['abandoned_id', 'int'],
  ],
  tables.targets.map((t) => [t.placeId, t.group, t.service, t.gaveUp, t.withinId, t.averageId, t.abandonedId]),
  'params',
)}
),
-- The log's rows, trimmed; a time without a UTC offset is unreadable, as in the report.
contacts_parsed AS (
  SELECT
    TRIM(c.charter) AS charter,
    TRIM(c.channel) AS channel,
    TRIM(c.commitment) AS commitment,
    CASE WHEN TRIM(c.channel) = ${lit(SERVICES_CHANNEL)} THEN TRIM(COALESCE(c.service, '')) ELSE TRIM(COALESCE(c.line, '')) END AS line_key,
    TRIM(COALESCE(c.${q('group')}, '')) AS grp,
    CASE WHEN TRIM(c.channel) = ${lit(SERVICES_CHANNEL)} THEN '' ELSE TRIM(COALESCE(c.service, '')) END AS svc,
    TRIM(COALESCE(c.outcome, '')) AS outcome,
    CASE WHEN ${d.hasOffset(`c.${q('start')}`)} THEN ${d.instant(`c.${q('start')}`)} END AS start_ts,
    CASE WHEN TRIM(COALESCE(c.${q('end')}, '')) = '' THEN NULL WHEN ${d.hasOffset(`c.${q('end')}`)} THEN ${d.instant(`c.${q('end')}`)} END AS end_ts,
    CASE WHEN TRIM(COALESCE(c.${q('end')}, '')) = '' THEN 1 ELSE 0 END AS is_open
  FROM ${options.contacts} c
),
-- Whether the report can read the row's outcome and times, as one column (see Dialect.guessesRowCounts).
contacts_read AS ${materialized}(
  SELECT r.*, (r.outcome IN ('', 'answered', 'abandoned') AND r.start_ts IS NOT NULL AND (r.is_open = 1 OR r.end_ts IS NOT NULL)) AS readable
  FROM contacts_parsed r
),
-- What each good row counts toward: its place, then the variant its group and service pick.
resolved AS (
  SELECT t.within_id, t.average_id, t.abandoned_id, t.gave_up, r.start_ts, r.end_ts
  FROM contacts_read r
  JOIN places p ON ${joinOn(['p.charter', 'r.charter'], ['p.channel', 'r.channel'], ['p.line', 'r.line_key'], ['p.commitment', 'r.commitment'])}
  LEFT JOIN charter_groups cg ON ${joinOn(['cg.charter', 'r.charter'], ['cg.grp', 'r.grp'])}
  LEFT JOIN charter_services cs ON ${joinOn(['cs.charter', 'r.charter'], ['cs.service', 'r.svc'])}
  LEFT JOIN place_groups pg ON ${joinOn(['pg.place_id', 'p.place_id', 'int'], ['pg.grp', 'r.grp'])}
  LEFT JOIN place_services ps ON ${joinOn(['ps.place_id', 'p.place_id', 'int'], ['ps.service', 'r.svc'])}
  JOIN targets t ON ${joinOn(
    ['t.place_id', 'p.place_id', 'int'],
    ['t.grp', "COALESCE(pg.grp, '')"],
    ['t.service', "COALESCE(ps.service, '')"],
    ['t.gave_up', "CASE WHEN r.outcome = 'abandoned' THEN 1 ELSE 0 END", 'int'],
  )}
  WHERE (r.grp = '' OR cg.grp IS NOT NULL)
    AND (r.svc = '' OR cs.service IS NOT NULL)
    AND r.readable
),
timed AS (
  SELECT within_id, average_id, abandoned_id, gave_up, start_ts, end_ts,
    ${d.epochMs('start_ts')} AS start_ms,
    CASE WHEN end_ts IS NULL THEN NULL ELSE ${d.epochMs('end_ts')} END AS end_ms
  FROM resolved
),
-- Times far from the as-of time and ends before starts are bad rows; a row that repeats another counts once.
kept AS (
  SELECT DISTINCT k.within_id, k.average_id, k.abandoned_id, k.gave_up, k.start_ts, k.end_ts, k.start_ms, k.end_ms
  FROM timed k CROSS JOIN params a
  WHERE k.start_ms >= a.first_ms AND k.start_ms <= a.last_ms
    AND (k.end_ms IS NULL OR (k.end_ms >= k.start_ms AND k.end_ms <= a.last_ms))
),
-- One row per promise counted: a given-up row never ends for a time limit, and the average leaves it out.
per_promise AS (
  SELECT within_id AS promise_id, gave_up, start_ts, start_ms,
    CASE WHEN gave_up = 1 THEN NULL ELSE end_ts END AS end_ts,
    CASE WHEN gave_up = 1 THEN NULL ELSE end_ms END AS end_ms
  FROM kept WHERE within_id IS NOT NULL
  UNION ALL
  SELECT average_id, gave_up, start_ts, start_ms, end_ts, end_ms FROM kept WHERE average_id IS NOT NULL AND gave_up = 0
  UNION ALL
  SELECT abandoned_id, gave_up, start_ts, start_ms, end_ts, end_ms FROM kept WHERE abandoned_id IS NOT NULL
),
-- Each row with its calendar and its local start and end days as plain columns, so that every
-- calendar look-up below is an equality join (an engine may otherwise pair each row with every day).
dated AS ${materialized}(
  SELECT m.promise_id, m.gave_up, m.start_ts, m.start_ms, m.end_ts, m.end_ms, p.calendar,
    p.measure, p.kind, p.elapsed_divisor, p.clock_ms, p.whole, p.days, p.months, p.work_ms,
    ${d.localDate('m.start_ts', 'p.time_zone')} AS start_date,
    ${d.localDate('m.end_ts', 'p.time_zone')} AS end_date,
    ${d.localDate('a.as_of_ts', 'p.time_zone')} AS as_of_date
  FROM per_promise m
  JOIN promises p ON p.promise_id = m.promise_id
  CROSS JOIN params a
  WHERE m.start_ms <= a.as_of_ms
),
-- The rows counted, with what their deadline days are looked up by, from the start day (s), as plain columns too.
started AS ${materialized}(
  SELECT m.*, s.working_day_index + m.whole AS deadline_working_day, s.day_number + m.days AS deadline_day_number,
    s.month_index + m.months AS deadline_month_index, s.day_of_month AS start_day_of_month
  FROM dated m
  CROSS JOIN params a
  JOIN ${options.calendar} s ON s.calendar = m.calendar AND s.calendar_date = m.start_date
  WHERE m.start_date >= a.from_date AND m.start_date <= a.to_date
),
-- Each row with its start day (s), end day (e), the as-of day (n) and its deadline day's row.
placed AS (
  SELECT m.promise_id, m.gave_up, m.start_ms, m.end_ms, a.as_of_ms, m.measure, m.kind, m.elapsed_divisor, s.year_month,
    CASE m.kind
      WHEN 'clock' THEN m.start_ms + m.clock_ms
      WHEN 'same_day' THEN CASE WHEN s.last_close_ms IS NOT NULL AND m.start_ms < s.last_close_ms THEN s.last_close_ms ELSE s.next_close_ms END
      WHEN 'working_day' THEN CASE WHEN m.whole = 0 THEN s.day_end_ms ELSE wd.day_end_ms END
      WHEN 'days' THEN dd.next_working_end_ms
      WHEN 'months' THEN md.next_working_end_ms
    END AS deadline_ms,
    CASE WHEN m.kind = 'working_hour' THEN (${withinWorkingHours('e', 'm.end_ms')}) END AS end_in_time,
    CASE WHEN m.kind = 'working_hour' THEN (${withinWorkingHours('n', 'a.as_of_ms')}) END AS as_of_in_time,
    CASE
      WHEN m.kind IN ('working_hour', 'same_day') THEN ${w('e', 'm.end_ms')} - ${w('s', 'm.start_ms')}
      WHEN m.kind = 'working_day' THEN e.working_day_index - s.working_day_index
      WHEN m.kind = 'days' THEN e.day_number - s.day_number
      ELSE m.end_ms - m.start_ms
    END AS taken_raw
  FROM started m
  CROSS JOIN params a
  JOIN ${options.calendar} s ON s.calendar = m.calendar AND s.calendar_date = m.start_date
  LEFT JOIN ${options.calendar} e ON e.calendar = m.calendar AND e.calendar_date = m.end_date
  LEFT JOIN ${options.calendar} n ON n.calendar = m.calendar AND n.calendar_date = m.as_of_date
  -- Deadline days; each join finds at most one row, and only the promise's kind reads it.
  LEFT JOIN ${options.calendar} wd ON wd.calendar = m.calendar AND wd.is_working AND wd.working_day_index = m.deadline_working_day
  LEFT JOIN ${options.calendar} dd ON dd.calendar = m.calendar AND dd.day_number = m.deadline_day_number
  LEFT JOIN ${options.calendar} m1 ON m1.calendar = m.calendar AND m1.month_index = m.deadline_month_index AND m1.day_of_month = 1
  -- The same day of the month, or its last day: a day counted from the month's first, so that the look-up is one equality.
  LEFT JOIN ${options.calendar} md ON md.calendar = m.calendar AND md.day_number = m1.day_number + LEAST(m.start_day_of_month, m1.days_in_month) - 1
),
-- Closed rows (ended by the as-of time) are met or missed; open ones missed once the deadline passed.
judged AS (
  SELECT promise_id, year_month,
    CASE
      WHEN measure = 'abandoned' THEN CASE WHEN gave_up = 1 THEN 'missed' WHEN end_ms IS NOT NULL AND end_ms <= as_of_ms THEN 'met' ELSE 'pending' END
      WHEN end_ms IS NOT NULL AND end_ms <= as_of_ms THEN
        CASE WHEN (CASE WHEN kind = 'working_hour' THEN end_in_time ELSE COALESCE(end_ms <= deadline_ms, TRUE) END) THEN 'met' ELSE 'missed' END
      WHEN (CASE WHEN kind = 'working_hour' THEN as_of_in_time ELSE COALESCE(as_of_ms <= deadline_ms, TRUE) END) THEN 'pending'
      ELSE 'missed'
    END AS result,
    -- Time taken as a whole number (milliseconds, or days), summed exactly: an engine's AVG of doubles adds in no fixed order.
    CASE WHEN measure = 'average' AND end_ms IS NOT NULL AND end_ms <= as_of_ms THEN taken_raw END AS taken
  FROM placed
),
counted AS (
  SELECT promise_id, year_month, COUNT(*) AS n,
    SUM(CASE WHEN result = 'met' THEN 1 ELSE 0 END) AS met,
    SUM(CASE WHEN result = 'missed' THEN 1 ELSE 0 END) AS missed,
    SUM(CASE WHEN result = 'pending' THEN 1 ELSE 0 END) AS pending,
    SUM(taken) AS taken_sum,
    COUNT(taken) AS taken_count
  FROM judged GROUP BY promise_id, year_month
  UNION ALL
  SELECT promise_id, 'total', COUNT(*),
    SUM(CASE WHEN result = 'met' THEN 1 ELSE 0 END),
    SUM(CASE WHEN result = 'missed' THEN 1 ELSE 0 END),
    SUM(CASE WHEN result = 'pending' THEN 1 ELSE 0 END),
    SUM(taken),
    COUNT(taken)
  FROM judged GROUP BY promise_id
),
figures AS (
  SELECT f.*, p.measure, p.target_bp, p.close_bp, p.limit_value, p.close_limit,
    CASE WHEN p.measure = 'within' AND f.met + f.missed > 0 THEN ${intoDouble('f.met')} / (f.met + f.missed) END AS share_met,
    CASE WHEN p.measure = 'average' AND f.taken_count > 0 THEN ${round(`${intoDouble('f.taken_sum')} / (p.elapsed_divisor * f.taken_count) * 100`)} / 100 END AS mean,
    CASE WHEN p.measure = 'abandoned' AND f.n > 0 THEN ${intoDouble('f.missed')} / f.n END AS abandoned_share
  FROM counted f JOIN promises p ON p.promise_id = f.promise_id
)
SELECT
  p.charter, p.unit_name, p.channel, p.line, p.commitment, p.customer_groups, p.service, p.measure, p.within_text, p.target,
  f.year_month AS month, f.n AS count, f.met, f.missed, f.pending, f.share_met, f.mean, f.abandoned_share,
  CASE
    WHEN f.measure = 'within' THEN CASE
      WHEN f.share_met IS NULL THEN 'no-data'
      WHEN ${round('f.share_met * 10000')} >= f.target_bp THEN 'met'
      WHEN ${round('f.share_met * 10000')} >= f.close_bp THEN 'close'
      ELSE 'missed' END
    WHEN f.measure = 'average' THEN CASE
      WHEN f.mean IS NULL THEN 'no-data'
      WHEN f.mean <= f.limit_value THEN 'met'
      WHEN f.mean <= f.close_limit THEN 'close'
      ELSE 'missed' END
    ELSE CASE
      WHEN f.abandoned_share IS NULL THEN 'no-data'
      WHEN ${round('f.abandoned_share * 10000')} <= f.target_bp THEN 'met'
      WHEN ${round('f.abandoned_share * 10000')} <= f.close_bp THEN 'close'
      ELSE 'missed' END
  END AS status
FROM figures f JOIN promises p ON p.promise_id = f.promise_id
ORDER BY p.promise_id, CASE WHEN f.year_month = 'total' THEN 1 ELSE 0 END, f.year_month;
`;
}

const PROMISE_COLUMNS = [
  ['promise_id', 'int'],
  ['charter', 'text'],
  ['unit_name', 'text'],
  ['channel', 'text'],
  ['line', 'text'],
  ['commitment', 'text'],
  ['customer_groups', 'text'],
  ['service', 'text'],
  ['measure', 'text'],
  ['within_text', 'text'],
  ['target', 'double'],
  ['calendar', 'text'],
  ['time_zone', 'text'],
  ['kind', 'text'],
  ['clock_ms', 'bigint'],
  ['whole', 'int'],
  ['days', 'int'],
  ['months', 'int'],
  ['work_ms', 'bigint'],
  ['elapsed_divisor', 'double'],
  ['target_bp', 'bigint'],
  ['close_bp', 'bigint'],
  ['limit_value', 'double'],
  ['close_limit', 'double'],
] as const;

/** One side of a join equality: two expressions, and `int` where they are integers. */
type Equality = readonly [left: string, right: string, type?: 'int'];

/**
 * Joins a promise table by its equalities: as they are, or, for a planner
 * that guesses row counts, as one key each side (the values joined by a
 * separator none of the promise tables' values holds, so that keys are
 * equal only where every part is).
 */
function equalities(dialect: Dialect, separator: string): (...pairs: Equality[]) => string {
  if (!dialect.guessesRowCounts) return (...pairs) => pairs.map(([left, right]) => `${left} = ${right}`).join(' AND ');
  const text = (expression: string, type?: 'int'): string => (type === 'int' ? `CAST(${expression} AS ${dialect.type('text')})` : expression);
  const key = (parts: readonly string[]): string => parts.join(` || ${dialect.literal(separator)} || `);
  return (...pairs) => `${key(pairs.map(([left, , type]) => text(left, type)))} = ${key(pairs.map(([, right, type]) => text(right, type)))}`;
}

/** A control character that no text of the promise tables holds. */
function keySeparator(tables: PromiseTables): string {
  const texts = [
    ...tables.places.flatMap((place) => [place.charter, place.channel, place.line, place.commitment]),
    ...[...tables.placeGroups, ...tables.placeServices, ...tables.targets.map((target) => [target.group, target.service] as const)].flat(),
    ...[...tables.charterGroups, ...tables.charterServices].flat(),
  ].filter((value): value is string => typeof value === 'string');
  for (let code = 1; code < 0x20; code++) {
    const candidate = String.fromCharCode(code);
    if (!texts.some((value) => value.includes(candidate))) return candidate;
  }
  throw new Error('every control character is in a charter text');
}

/** Office milliseconds from the dimension's first day up to an instant, from the row of the instant's day. */
function workingMs(alias: string, instant: string): string {
  const intervals = Array.from(
    { length: MAX_INTERVALS },
    (_, slot) => `GREATEST(0, LEAST(${instant}, COALESCE(${alias}.close${slot + 1}_ms, 0)) - COALESCE(${alias}.open${slot + 1}_ms, 0))`,
  );
  return `(${alias}.working_minutes_before * 60000 + ${intervals.join(' + ')})`;
}

function yearsAfter(date: Date, years: number): number {
  const moved = new Date(date.getTime());
  moved.setUTCFullYear(moved.getUTCFullYear() + years);
  return moved.getTime();
}
