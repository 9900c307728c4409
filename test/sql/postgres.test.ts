import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/report/as-of.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { makeSql } from '../../src/sql/make-sql.js';
import { reportRows } from './duckdb-helpers.js';
import { findPostgres, largestStepInPostgres, runInPostgres, TemporaryCluster, type PostgresPrograms } from './postgres-helpers.js';
import { tempFolder } from '../helpers.js';
import { randomLog, samiRandomLog } from './random-log.js';

const ROOT = join(import.meta.dirname, '..', '..');
const AS_OF = parseAsOf('2026-11-20T17:00:00+02:00') as Date;
const RANGE = { from: '2025-12-01', to: '2026-11-30' };

/**
 * PostgreSQL's programs. Under CI missing ones are a failure (.ci/run
 * installs Debian's postgresql); on a developer machine the tests are
 * skipped, saying so.
 */
function postgresPrograms(): PostgresPrograms | undefined {
  const found = findPostgres();
  if (found !== undefined) return found;
  const what = 'initdb, pg_ctl and psql (apt-get install postgresql)';
  if (process.env.CI) throw new Error(`PostgreSQL is missing: no ${what} on PATH or in /usr/lib/postgresql/*/bin; CI must install it`);
  console.warn(`Skipping the PostgreSQL tests: no ${what} on PATH or in /usr/lib/postgresql/*/bin`);
  return undefined;
}

const programs = postgresPrograms();
let cluster: TemporaryCluster | undefined;

describe.runIf(programs !== undefined)('the PostgreSQL query', () => {
  beforeAll(() => {
    cluster = TemporaryCluster.start(programs as PostgresPrograms);
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('gives exactly the figures of charter report over the sample log', async () => {
    const sql = await makeSql({ cwd: ROOT, dialect: 'postgres', ...RANGE, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: ['charters/sample-events.csv'], ...RANGE, asOf: AS_OF });
    const rows = runInPostgres(cluster as TemporaryCluster, { sql: sql.calendarSql }, sql.query, join(ROOT, 'charters', 'sample-events.csv'));
    expect(sql.skipped).toEqual([]);
    expect(rows).toEqual(reportRows(report));
  }, 60_000);

  it('gives exactly the figures of charter report over 10,000 random rows, bad and repeated ones included', async () => {
    const log = await randomLog(ROOT, 'charters', 15, '2025-11-25T00:00:00Z', '2026-12-05T00:00:00Z', 10_000);
    const sql = await makeSql({ cwd: ROOT, dialect: 'postgres', ...RANGE, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: [log], ...RANGE, asOf: AS_OF });
    expect(report.rows.bad).toBeGreaterThan(500);
    const rows = runInPostgres(cluster as TemporaryCluster, { sql: sql.calendarSql, csv: sql.calendarCsv }, sql.query, log);
    expect(rows).toEqual(reportRows(report));
    // Every calendar look-up reads one day, and every promise-table join is hashed: no step looks at more than a few
    // rows per contact (the first plan paired each contact with every promise and every day: 30 million for these).
    expect(largestStepInPostgres(cluster as TemporaryCluster, sql.query)).toBeLessThan(5 * 10_000);
  }, 120_000);

  it('gives exactly the figures of charter report over lines, groups, services, averages and abandonment', async () => {
    const { folder, log, asOf, range } = await samiRandomLog();
    const sql = await makeSql({ cwd: folder, dialect: 'postgres', ...range, asOf });
    const { report } = await makeComplianceReport({ cwd: folder, logs: [log], ...range, asOf });
    const measures = new Set(report.commitments.filter((commitment) => commitment.total.count > 0).map((commitment) => commitment.measure));
    expect([...measures].sort()).toEqual(['abandoned', 'average', 'within']);
    expect(sql.skipped).toEqual([]);
    expect(runInPostgres(cluster as TemporaryCluster, { sql: sql.calendarSql }, sql.query, log)).toEqual(reportRows(report));
    expect(largestStepInPostgres(cluster as TemporaryCluster, sql.query)).toBeLessThan(5 * 10_000);
  }, 120_000);

  it('reads times as the report does, and leaves out those it cannot read without stopping', async () => {
    const times = [
      // Read by the report; PostgreSQL's own cast stops the query at the first two, and rounds the third's fraction.
      ['2026-03-02T09:00:00,5+02:00', '2026-03-02T09:00:20,5+02:00'],
      ['2026-03-02T09:00:00+16:00', '2026-03-02T09:00:40+16:00'],
      // 30.001 seconds, the fraction cut to milliseconds (rounded to microseconds, it would be 30.000).
      ['2026-03-02T09:00:00.9999999+02:00', '2026-03-02T09:00:31.0001+02:00'],
      ['2026-03-02t09:00:00z', '2026-03-02 09:00:31Z'],
      ['2026-03-02T09:00+0200', '2026-03-02T09:00:30+0200'],
      ['  2026-03-02T09:00:00+02:00 ', ' 2026-03-02T09:00:30.001+02:00'],
      // Bad in the report; PostgreSQL's own cast reads the second to fourth and the sixth, and stops at the rest.
      ['2026-02-30T09:00:00+02:00', '2026-02-30T09:00:10+02:00'],
      ['Mar 2 2026 09:00 +02:00', '2026-03-02T09:00:10+02:00'],
      ['2026-03-02T24:00:00+02:00', '2026-03-03T00:00:10+02:00'],
      ['2026-03-02T09:00:60+02:00', '2026-03-02T09:01:10+02:00'],
      ['2026-03-02T09:00:00+02:00', '2026-02-29T09:00:10+02:00'],
      ['2026-3-2T09:00:00+02:00', '2026-03-02T09:00:10+02:00'],
      ['0000-03-02T09:00:00Z', '2026-03-02T09:00:10Z'],
    ];
    const folder = tempFolder();
    const log = join(folder, 'times.csv');
    writeFileSync(
      log,
      ['charter,channel,commitment,start,end', ...times.map(([start, end]) => `registry-office,phone,answer,"${start}","${end}"`)].join('\n') + '\n',
    );
    const sql = await makeSql({ cwd: ROOT, dialect: 'postgres', ...RANGE, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: [log], ...RANGE, asOf: AS_OF });
    const expected = reportRows(report);
    expect(expected.find((row) => row.month === 'total')).toMatchObject({ count: 6, met: 2, missed: 4 });
    expect(runInPostgres(cluster as TemporaryCluster, { sql: sql.calendarSql }, sql.query, log)).toEqual(expected);
  }, 60_000);
});
