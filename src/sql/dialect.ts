/**
 * What differs between the SQL engines `charter sql` writes for: quoting,
 * type names, timestamps and time zones. Everything else in the generated
 * SQL is plain SQL the five engines share (CTEs, CASE, joins, UNION ALL).
 * Charter text only ever reaches SQL through `literal`, never through an
 * identifier or a comment.
 */
export const DIALECTS = ['duckdb', 'postgres', 'trino', 'spark', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

export type SqlType = 'text' | 'date' | 'bigint' | 'int' | 'bool' | 'double';

export interface Dialect {
  readonly name: DialectName;
  /** A string literal that holds `text` exactly, whatever it contains. */
  literal(text: string): string;
  /** A column name, quoted (for the log's `start`, `end` and `group`, which are reserved words). */
  ident(name: string): string;
  type(type: SqlType): string;
  /** A timestamp with an offset, read from text; NULL (or an error, see README) when unreadable. */
  instant(textExpression: string): string;
  /** Whether a text ends in a UTC offset (`Z`, `+02:00`): times without one are bad rows in the report too. */
  hasOffset(textExpression: string): string;
  /** Epoch milliseconds of a timestamp, as a BIGINT. */
  epochMs(timestampExpression: string): string;
  /** The calendar date of a timestamp in an IANA time zone. */
  localDate(timestampExpression: string, zoneExpression: string): string;
  /** The time the query runs. */
  readonly now: string;
  /**
   * What a planner that guesses row counts needs (PostgreSQL): it keeps no
   * statistics for a CTE's columns and multiplies the guesses of a join's
   * equalities, so it expects a handful of contacts and pairs each with every
   * row of the promise tables and every calendar day (nested loops). With
   * these, CTEs read more than once are computed once, each promise-table
   * join compares one key (so the estimate holds and the join is hashed), and
   * the calendar has indexes on the columns the query looks days up by.
   */
  readonly guessesRowCounts: boolean;
}

const STANDARD_TYPES: Readonly<Record<SqlType, string>> = {
  text: 'VARCHAR',
  date: 'DATE',
  bigint: 'BIGINT',
  int: 'INTEGER',
  bool: 'BOOLEAN',
  double: 'DOUBLE',
};

/** ANSI literal: quotes doubled, every other character as it is (DuckDB and Trino read no backslash escapes). */
function ansiLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A literal in an engine that reads backslash escapes (Spark, BigQuery,
 * PostgreSQL's E''): everything but plain printable ASCII is written as a
 * \uXXXX escape, so no quote, backslash, newline or `;` is ever there as
 * itself (Spark's shell splits statements at `;`, and joins adjacent
 * literals, which makes ANSI doubling unsafe there).
 */
function escapedLiteral(text: string, prefix: string, nul: string): string {
  let body = '';
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    if (code === 0) body += nul;
    else if (code >= 0x20 && code < 0x7f && character !== "'" && character !== '\\' && character !== ';' && character !== '"' && character !== '`')
      body += character;
    else if (code <= 0xffff) body += `\\u${code.toString(16).padStart(4, '0')}`;
    else body += surrogates(character);
  }
  return `${prefix}'${body}'`;
}

function surrogates(character: string): string {
  return [0, 1].map((index) => `\\u${character.charCodeAt(index).toString(16).padStart(4, '0')}`).join('');
}

const OFFSET_PATTERN = '([Zz]|[+-][0-9][0-9]:?[0-9][0-9])$';

const duckdb: Dialect = {
  name: 'duckdb',
  literal: ansiLiteral,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: (type) => STANDARD_TYPES[type],
  instant: (text) => `TRY_CAST(TRIM(${text}) AS TIMESTAMPTZ)`,
  hasOffset: (text) => `regexp_matches(TRIM(${text}), '${OFFSET_PATTERN}')`,
  epochMs: (timestamp) => `epoch_ms(${timestamp})`,
  localDate: (timestamp, zone) => `CAST(timezone(${zone}, ${timestamp}) AS DATE)`,
  now: 'CAST(current_timestamp AS TIMESTAMPTZ)',
  guessesRowCounts: false,
};

/**
 * A real date: the day within its month's length, 29 February in leap years
 * only. (Year 0, which PostgreSQL has not, is left out apart: a look-ahead
 * made the match three times slower.)
 */
const REAL_DATE = [
  '([0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])',
  '|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)',
  '|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])',
  '|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)',
].join('');

/** The report's timestamp form (report/timestamp.ts), with the ranges it checks: a real date, hours to 23, offsets to 23:59. */
const REPORT_TIMESTAMP = `^${REAL_DATE}[Tt ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]{1,9})?)?([Zz]|[+-]([01][0-9]|2[0-3]):?[0-5][0-9])$`;

/**
 * A time as the report reads it, NULL where the report finds it bad.
 * PostgreSQL's cast stops the whole query at a text it cannot read
 * (`2026-02-30`, a `,` before the fraction, an offset over 15:59) and reads
 * forms the report refuses (`Nov 2 2026 09:00 +02:00`), so only the
 * report's form is cast: its wall time (the fraction cut to milliseconds,
 * as the report does) as UTC, less its offset.
 */
function postgresInstant(text: string): string {
  const t = `TRIM(${text})`;
  const offsetLength = `CASE WHEN right(${t}, 1) IN ('Z', 'z') THEN 1 WHEN substr(${t}, length(${t}) - 2, 1) = ':' THEN 6 ELSE 5 END`;
  const offset = `right(${t}, ${offsetLength})`;
  const offsetMinutes = `CASE WHEN right(${t}, 1) IN ('Z', 'z') THEN 0
        ELSE CASE WHEN left(${offset}, 1) = '-' THEN -1 ELSE 1 END * (CAST(substr(${offset}, 2, 2) AS INTEGER) * 60 + CAST(right(${t}, 2) AS INTEGER)) END`;
  const wallTime = `left(translate(left(${t}, -(${offsetLength})), 't,', 'T.'), 23)`;
  return `CASE WHEN ${t} ~ '${REPORT_TIMESTAMP}' AND left(${t}, 4) <> '0000'
      THEN CAST(${wallTime} AS TIMESTAMP) AT TIME ZONE 'UTC' - INTERVAL '1 minute' * (${offsetMinutes}) END`;
}

const postgres: Dialect = {
  name: 'postgres',
  // E'' reads the same whatever standard_conforming_strings is; PostgreSQL text cannot hold NUL.
  literal: (text) => escapedLiteral(text, 'E', '\\ufffd'),
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: (type) => ({ ...STANDARD_TYPES, text: 'TEXT', double: 'DOUBLE PRECISION' })[type],
  instant: postgresInstant,
  hasOffset: (text) => `(TRIM(${text}) ~ '${OFFSET_PATTERN}')`,
  epochMs: (timestamp) => `CAST(FLOOR(EXTRACT(EPOCH FROM ${timestamp}) * 1000) AS BIGINT)`,
  localDate: (timestamp, zone) => `CAST((${timestamp}) AT TIME ZONE ${zone} AS DATE)`,
  now: 'now()',
  guessesRowCounts: true,
};

const trino: Dialect = {
  name: 'trino',
  literal: ansiLiteral,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: (type) => STANDARD_TYPES[type],
  instant: (text) => `TRY(from_iso8601_timestamp(replace(TRIM(${text}), ' ', 'T')))`,
  hasOffset: (text) => `regexp_like(TRIM(${text}), '${OFFSET_PATTERN}')`,
  // to_unixtime gives seconds as a DOUBLE, which can land a millisecond short: count milliseconds exactly instead.
  epochMs: (timestamp) => `date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00 UTC', ${timestamp})`,
  localDate: (timestamp, zone) => `CAST(at_timezone(${timestamp}, ${zone}) AS DATE)`,
  now: 'current_timestamp',
  guessesRowCounts: false,
};

const spark: Dialect = {
  name: 'spark',
  literal: (text) => escapedLiteral(text, '', '\\u0000'),
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  type: (type) => ({ ...STANDARD_TYPES, text: 'STRING', int: 'INT' })[type],
  // Spark reads the offset of an ISO 8601 text; run with spark.sql.session.timeZone=UTC (see README).
  instant: (text) => `CAST(TRIM(${text}) AS TIMESTAMP)`,
  hasOffset: (text) => `(TRIM(${text}) RLIKE '${OFFSET_PATTERN}')`,
  epochMs: (timestamp) => `unix_millis(${timestamp})`,
  localDate: (timestamp, zone) => `to_date(from_utc_timestamp(${timestamp}, ${zone}))`,
  now: 'current_timestamp()',
  guessesRowCounts: false,
};

const bigquery: Dialect = {
  name: 'bigquery',
  literal: (text) => escapedLiteral(text, '', '\\u0000'),
  ident: (name) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``,
  type: (type) => ({ text: 'STRING', date: 'DATE', bigint: 'INT64', int: 'INT64', bool: 'BOOL', double: 'FLOAT64' })[type],
  instant: (text) => `SAFE_CAST(TRIM(${text}) AS TIMESTAMP)`,
  hasOffset: (text) => `REGEXP_CONTAINS(TRIM(${text}), r'${OFFSET_PATTERN}')`,
  epochMs: (timestamp) => `UNIX_MILLIS(${timestamp})`,
  localDate: (timestamp, zone) => `DATE(${timestamp}, ${zone})`,
  now: 'CURRENT_TIMESTAMP()',
  guessesRowCounts: false,
};

const BY_NAME: Readonly<Record<DialectName, Dialect>> = { duckdb, postgres, trino, spark, bigquery };

export function dialectOf(name: DialectName): Dialect {
  return BY_NAME[name];
}
