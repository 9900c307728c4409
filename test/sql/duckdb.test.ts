import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/report/as-of.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { makeSql } from '../../src/sql/make-sql.js';
import { tempFolder } from '../helpers.js';
import { reportRows, runInDuckDb, runInDuckDbProfiled } from './duckdb-helpers.js';
import { randomLog, samiRandomLog } from './random-log.js';

const ROOT = join(import.meta.dirname, '..', '..');
const AS_OF = parseAsOf('2026-11-20T17:00:00+02:00') as Date;

describe('the DuckDB query over the sample log', () => {
  it('gives exactly the figures of charter report', async () => {
    const range = { from: '2025-12-01', to: '2026-11-30' };
    const sql = await makeSql({ cwd: ROOT, dialect: 'duckdb', ...range, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: ['charters/sample-events.csv'], ...range, asOf: AS_OF });
    const rows = await runInDuckDb({ sql: sql.calendarSql }, sql.query, join(ROOT, 'charters', 'sample-events.csv'));
    expect(sql.skipped).toEqual([]);
    expect(rows).toEqual(reportRows(report));
  }, 120_000);
});

/** The calendar's CSV in a file, loaded as the README loads it on other engines. */
function csvOf(calendarCsv: string): string {
  const file = join(tempFolder(), 'charter-calendar.csv');
  writeFileSync(file, calendarCsv);
  return file;
}

describe('the DuckDB query over 10,000 random rows', () => {
  it('gives exactly the figures of charter report over the example charters, bad and repeated rows included', async () => {
    const log = await randomLog(ROOT, 'charters', 15, '2025-11-25T00:00:00Z', '2026-12-05T00:00:00Z', 10_000);
    const range = { from: '2025-12-01', to: '2026-11-30' };
    const sql = await makeSql({ cwd: ROOT, dialect: 'duckdb', ...range, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: [log], ...range, asOf: AS_OF });
    expect(report.rows.bad).toBeGreaterThan(500);
    expect(report.badRowCounts.duplicate).toBeGreaterThan(100);
    const expected = reportRows(report);
    expect(expected.length).toBeGreaterThan(400);
    const run = await runInDuckDbProfiled({ sql: sql.calendarSql, csvFile: csvOf(sql.calendarCsv) }, sql.query, log, join(tempFolder(), 'profile.json'));
    expect(run.rows).toEqual(expected);
    // Every calendar look-up is an equality join: no step holds more than a few rows per contact (a plan
    // that paired each row with every day of the year made 14 million rows here, 10 s for 10,000 contacts).
    expect(run.largestStep).toBeLessThan(5 * 10_000);
  }, 300_000);

  it('gives exactly the figures of charter report over lines, groups, services, averages and abandonment', async () => {
    const { folder, log, asOf, range } = await samiRandomLog();
    const sql = await makeSql({ cwd: folder, dialect: 'duckdb', ...range, asOf });
    const { report } = await makeComplianceReport({ cwd: folder, logs: [log], ...range, asOf });
    const measures = new Set(report.commitments.filter((commitment) => commitment.total.count > 0).map((commitment) => commitment.measure));
    expect([...measures].sort()).toEqual(['abandoned', 'average', 'within']);
    expect(report.commitments.some((commitment) => commitment.line !== null && commitment.total.count > 0)).toBe(true);
    expect(report.commitments.some((commitment) => commitment.service !== null && commitment.total.count > 0)).toBe(true);
    expect(sql.skipped).toEqual([]);
    expect(await runInDuckDb({ sql: sql.calendarSql, csvFile: csvOf(sql.calendarCsv) }, sql.query, log)).toEqual(reportRows(report));
  }, 300_000);
});
