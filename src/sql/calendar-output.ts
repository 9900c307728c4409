import { CALENDAR_COLUMNS, calendarValues, type CalendarRow } from './calendar-dimension.js';
import type { Dialect, SqlType } from './dialect.js';
import { sqlValue } from './sql-values.js';

/** Rows per INSERT statement: engines limit a statement's size. */
const ROWS_PER_INSERT = 500;

/**
 * The columns the query looks a day up by (start, end and as-of day, deadline
 * days): indexed where the planner may look up a day per contact (see
 * Dialect.guessesRowCounts), so that a look-up reads one row, not the table.
 */
const LOOKUPS = [
  ['calendar', 'calendar_date'],
  ['calendar', 'working_day_index'],
  ['calendar', 'day_number'],
  ['calendar', 'month_index', 'day_of_month'],
] as const;

/** The dimension as SQL: DROP, CREATE TABLE and INSERTs of VALUES lists. */
export function calendarSql(dialect: Dialect, table: string, rows: readonly CalendarRow[]): string {
  const columns = CALENDAR_COLUMNS.map(([name, type]) => `  ${name} ${dialect.type(type)}`).join(',\n');
  const parts = [
    `-- charter sql (${dialect.name}): the working-calendar dimension, one row per office calendar and date.`,
    `DROP TABLE IF EXISTS ${table};`,
    `CREATE TABLE ${table} (\n${columns}\n);`,
    ...(dialect.guessesRowCounts ? LOOKUPS.map((lookup) => `CREATE INDEX ${table}_${lookup.join('_')} ON ${table} (${lookup.join(', ')});`) : []),
  ];
  for (let first = 0; first < rows.length; first += ROWS_PER_INSERT) {
    const values = rows.slice(first, first + ROWS_PER_INSERT).map(
      (row) =>
        `(${calendarValues(row)
          .map((value, index) => sqlValue(dialect, value, (CALENDAR_COLUMNS[index] as readonly [string, SqlType])[1]))
          .join(', ')})`,
    );
    parts.push(`INSERT INTO ${table} VALUES\n${values.join(',\n')};`);
  }
  return `${parts.join('\n')}\n`;
}

/** The dimension as CSV (RFC 4180, a header row, booleans as true/false, empty for NULL). */
export function calendarCsv(rows: readonly CalendarRow[]): string {
  const lines = [CALENDAR_COLUMNS.map(([name]) => name).join(',')];
  for (const row of rows) lines.push(calendarValues(row).map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
