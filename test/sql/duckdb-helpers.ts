import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { ComplianceReport, Figures } from '../../src/model/compliance-report.js';

/** One row of the compliance query's result. */
export interface QueryRow {
  charter: string;
  /** The unit's name in the charter's first language. */
  unit_name: string;
  channel: string;
  line: string | null;
  commitment: string;
  customer_groups: string;
  service: string | null;
  measure: string;
  month: string;
  count: number;
  met: number;
  missed: number;
  pending: number;
  share_met: number | null;
  mean: number | null;
  abandoned_share: number | null;
  status: string;
}

/**
 * The dimension as loaded: its SQL whole, or its CREATE TABLE and then its
 * CSV file (`calendarCsv`, written to a file), as the README loads it on other
 * engines; DuckDB parses the SQL's many INSERTs far more slowly than it reads the CSV.
 */
export type CalendarInput = { readonly sql: string } | { readonly sql: string; readonly csvFile: string };

/** A step of DuckDB's profile of a query: its operator, the rows it gave, and the steps under it. */
interface ProfileStep {
  readonly operator_type?: string;
  readonly operator_cardinality?: number;
  readonly children?: readonly ProfileStep[];
}

/** The most rows any step of the profile gave. */
function largestStep(step: ProfileStep): number {
  return Math.max(step.operator_cardinality ?? 0, ...(step.children ?? []).map(largestStep));
}

/** What a profiled run gives: the rows, and the most rows any step of the query's plan made on the way. */
export interface ProfiledRun {
  readonly rows: QueryRow[];
  readonly largestStep: number;
}

/** Runs the dimension and the query over a log file (CSV, all text) in an in-memory DuckDB. */
export async function runInDuckDb(calendar: CalendarInput, query: string, logCsv: string): Promise<QueryRow[]> {
  return (await runInDuckDbProfiled(calendar, query, logCsv)).rows;
}

/**
 * runInDuckDb, with DuckDB's profile of the query: the size of its largest
 * intermediate result shows a plan that pairs each row with every calendar
 * day (a cost that grows with rows × days), whatever the machine's speed.
 */
export async function runInDuckDbProfiled(calendar: CalendarInput, query: string, logCsv: string, profileFile?: string): Promise<ProfiledRun> {
  // One thread: DuckDB's default, a thread per core, spent twice the processor time on the same
  // query (31 s against 15 s for the random-row runs) while the other test worker wants a core too.
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection = await instance.connect();
  try {
    if ('csvFile' in calendar) {
      const create = calendar.sql.slice(0, calendar.sql.indexOf('\nINSERT INTO '));
      await connection.run(create);
      const table = /CREATE TABLE (\w+)/.exec(create)?.[1] ?? 'charter_calendar';
      await connection.run(`INSERT INTO ${table} SELECT * FROM read_csv('${calendar.csvFile.replaceAll("'", "''")}', header = true, all_varchar = true)`);
    } else await connection.run(calendar.sql);
    await connection.run(
      `CREATE TABLE log AS SELECT * FROM read_csv('${logCsv.replaceAll("'", "''")}', header = true, all_varchar = true, delim = ',', quote = '"')`,
    );
    const columns = (await connection.runAndReadAll('SELECT column_name FROM (DESCRIBE log)')).getRowObjectsJson().map((row) => text(row.column_name));
    const optional = ['line', 'group', 'service', 'outcome'].map((name) => (columns.includes(name) ? `"${name}"` : `CAST(NULL AS VARCHAR) AS "${name}"`));
    await connection.run(`CREATE TABLE contacts AS SELECT charter, channel, commitment, "start", "end", ${optional.join(', ')} FROM log`);
    if (profileFile !== undefined) {
      await connection.run(`PRAGMA enable_profiling = 'json'`);
      await connection.run(`PRAGMA profiling_output = '${profileFile.replaceAll("'", "''")}'`);
    }
    const result = await connection.runAndReadAll(query);
    if (profileFile !== undefined) await connection.run('PRAGMA disable_profiling');
    const largest = profileFile === undefined ? 0 : largestStep(JSON.parse(readFileSync(profileFile, 'utf8')) as ProfileStep);
    const rows = result.getRowObjectsJS().map((row) => ({
      charter: text(row.charter),
      unit_name: text(row.unit_name),
      channel: text(row.channel),
      line: row.line === null ? null : text(row.line),
      commitment: text(row.commitment),
      customer_groups: text(row.customer_groups),
      service: row.service === null ? null : text(row.service),
      measure: text(row.measure),
      month: text(row.month),
      count: Number(row.count),
      met: Number(row.met),
      missed: Number(row.missed),
      pending: Number(row.pending),
      share_met: row.share_met === null ? null : Number(row.share_met),
      mean: row.mean === null ? null : Number(row.mean),
      abandoned_share: row.abandoned_share === null ? null : Number(row.abandoned_share),
      status: text(row.status),
    }));
    return { rows, largestStep: largest };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The report's figures in the query's shape: months with rows, then `total` for promises with any. */
/** A text value of a result row (a test failure, not '[object Object]', if it is none). */
function text(value: unknown): string {
  if (typeof value !== 'string') throw new Error(`expected text, got ${typeof value}`);
  return value;
}

export function reportRows(report: ComplianceReport): QueryRow[] {
  const rows: QueryRow[] = [];
  for (const commitment of report.commitments) {
    const row = (month: string, figures: Figures): QueryRow => ({
      charter: commitment.charter,
      unit_name: typeof commitment.unitName === 'string' ? commitment.unitName : (commitment.unitName[commitment.languages[0] ?? ''] ?? ''),
      channel: commitment.channel,
      line: commitment.line,
      commitment: commitment.commitment,
      customer_groups: commitment.groups.join(','),
      service: commitment.service,
      measure: commitment.measure,
      month,
      count: figures.count,
      met: figures.met,
      missed: figures.missed,
      pending: figures.pending,
      share_met: commitment.measure === 'within' ? figures.shareMet : null,
      mean: figures.mean ?? null,
      abandoned_share: figures.abandonedShare ?? null,
      status: figures.status,
    });
    for (const month of commitment.months) if (month.count > 0) rows.push(row(month.month, month));
    if (commitment.total.count > 0) rows.push(row('total', commitment.total));
  }
  return rows;
}
