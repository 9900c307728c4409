import type { Dialect, SqlType } from './dialect.js';

/** A value as SQL: text through the dialect's literal (charter text is untrusted), numbers as they are, dates as DATE literals. */
export type SqlValue = string | number | boolean | null;

export function sqlValue(dialect: Dialect, value: SqlValue, type: SqlType): string {
  if (value === null) return 'NULL';
  if (type === 'date') return `DATE '${String(value).replace(/[^0-9-]/g, '')}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return dialect.literal(value);
}

/**
 * A small table inside a query, as `SELECT … UNION ALL SELECT …` (the one
 * form all five engines read; BigQuery has no VALUES list). Every value is
 * cast, so that an empty string or NULL in the first row types no column.
 */
export function inlineTable(
  dialect: Dialect,
  columns: readonly (readonly [string, SqlType])[],
  rows: readonly (readonly SqlValue[])[],
  emptyFrom: string,
): string {
  const select = (values: readonly SqlValue[] | undefined): string =>
    columns
      .map(([name, type], index) => `CAST(${values === undefined ? 'NULL' : sqlValue(dialect, values[index] ?? null, type)} AS ${dialect.type(type)}) AS ${name}`)
      .join(', ');
  if (rows.length === 0) return `  SELECT ${select(undefined)} FROM ${emptyFrom} WHERE 1 = 0`;
  return rows.map((row) => `  SELECT ${select(row)}`).join('\n  UNION ALL\n');
}
