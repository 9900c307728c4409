import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, CHARTERS } from '../fixtures/contact-log.js';
import { runCli, writeTree } from '../helpers.js';

describe('charter sql', () => {
  it('writes the calendar as SQL and CSV and the query to --output, and says so', async () => {
    const cwd = writeTree(CHARTERS);
    const result = await runCli(['sql', '--dialect', 'postgres', '--from', '2026-12', '--to', '2027-01', '--as-of', AS_OF, '-o', 'out'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^charter: wrote charter-calendar\.sql, charter-calendar\.csv and charter-compliance\.sql to out; the calendar runs from 2026-12-01 to 2028-03-26\n$/,
    );
    expect(readFileSync(join(cwd, 'out', 'charter-calendar.sql'), 'utf8')).toMatch(/^-- charter sql \(postgres\)[\s\S]*CREATE TABLE charter_calendar \(/);
    expect(readFileSync(join(cwd, 'out', 'charter-calendar.csv'), 'utf8')).toMatch(/^calendar,time_zone,holidays,calendar_date,/);
    expect(readFileSync(join(cwd, 'out', 'charter-compliance.sql'), 'utf8')).toMatch(/FROM contacts c/);
  });

  it('prints both to standard output without --output, and speaks Finnish and Swedish', async () => {
    const cwd = writeTree(CHARTERS);
    const result = await runCli(['sql', '--dialect', 'bigquery', '--from', '2027-01', '--to', '2027-01', '-o', 'sql', '--locale', 'fi'], cwd);
    expect(result.stderr).toMatch(/^charter: charter-calendar\.sql, charter-calendar\.csv ja charter-compliance\.sql kirjoitettiin kansioon sql;/);
    const sv = await runCli(['sql', '--dialect', 'spark', '--from', '2027-01', '--to', '2027-01', '-o', 'sql', '--locale', 'sv'], cwd);
    expect(sv.stderr).toMatch(/skrevs till mappen sql;/);
    const printed = await runCli(['sql', '--dialect', 'trino', '--from', '2027-01', '--to', '2027-01'], cwd);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/CREATE TABLE charter_calendar[\s\S]*from_iso8601_timestamp/);
  });

  it('notes charters with errors, and measures the rest', async () => {
    const cwd = writeTree({ ...CHARTERS, 'charters/broken.yaml': 'charter: 1\nid: [\n' });
    const result = await runCli(['sql', '--dialect', 'duckdb', '--from', '2027-01', '--to', '2027-01', '-o', 'out'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^charter: note: 1 charter file has errors; the query measures what can be read \(run charter validate\)$/m);
  });

  it('is a usage error without a known --dialect, or with --from after --to', async () => {
    const cwd = writeTree(CHARTERS);
    expect((await runCli(['sql'], cwd)).code).toBe(2);
    const unknown = await runCli(['sql', '--dialect', 'oracle'], cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/duckdb, postgres, trino, spark, bigquery/);
    const backwards = await runCli(['sql', '--dialect', 'duckdb', '--from', '2027-02', '--to', '2027-01'], cwd);
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toMatch(/--from 2027-02 is after --to 2027-01/);
  });
});
