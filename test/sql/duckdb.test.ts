import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/report/as-of.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { makeSql } from '../../src/sql/make-sql.js';
import { reportRows, runInDuckDb } from './duckdb-helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const AS_OF = parseAsOf('2026-11-20T17:00:00+02:00') as Date;

describe('the DuckDB query over the sample log', () => {
  it('gives exactly the figures of charter report', async () => {
    const range = { from: '2025-12-01', to: '2026-11-30' };
    const sql = await makeSql({ cwd: ROOT, dialect: 'duckdb', ...range, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: ['charters/sample-events.csv'], ...range, asOf: AS_OF });
    const rows = await runInDuckDb(sql.calendarSql, sql.query, join(ROOT, 'charters', 'sample-events.csv'));
    expect(sql.skipped).toEqual([]);
    expect(rows).toEqual(reportRows(report));
  }, 60_000);
});
