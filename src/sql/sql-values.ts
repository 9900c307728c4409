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
 * A small table inside a query: a VALUES list (BigQuery has none: an array of
 * STRUCTs there). Every value is cast, so that an empty string or NULL types
 * no column. (A long UNION ALL of SELECTs would do in every engine, but
 * planners take seconds over a few hundred of them.)
 */
export function inlineTable(
  dialect: Dialect,
  columns: readonly (readonly [string, SqlType])[],
  rows: readonly (readonly SqlValue[])[],
  emptyFrom: string,
): string {
  if (rows.length === 0) {
    return `  SELECT ${columns.map(([name, type]) => `CAST(NULL AS ${dialect.type(type)}) AS ${name}`).join(', ')} FROM ${emptyFrom} WHERE 1 = 0`;
  }
  const tuple = (row: readonly SqlValue[]): string =>
    `(${columns.map(([, type], index) => `CAST(${sqlValue(dialect, row[index] ?? null, type)} AS ${dialect.type(type)})`).join(', ')})`;
  const names = columns.map(([name]) => name).join(', ');
  if (dialect.name === 'bigquery') {
    const struct = columns.map(([name, type]) => `${name} ${dialect.type(type)}`).join(', ');
    return `  SELECT * FROM UNNEST(ARRAY<STRUCT<${struct}>>[\n    ${rows.map(tuple).join(',\n    ')}\n  ])`;
  }
  return `  SELECT * FROM (VALUES\n    ${rows.map(tuple).join(',\n    ')}\n  ) AS t (${names})`;
}
