import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/report/as-of.js';
import { DIALECTS, dialectOf, type DialectName } from '../../src/sql/dialect.js';
import { makeSql, prepareSql, renderSql, type PreparedSql, type SqlResult } from '../../src/sql/make-sql.js';
import { tempFolder } from '../helpers.js';
import { runInDuckDb } from './duckdb-helpers.js';

/** Only DuckDB runs in these tests; the other dialects are checked for their own syntax. */
const ROOT = join(import.meta.dirname, '..', '..');
const AS_OF = parseAsOf('2026-11-20T17:00:00+02:00') as Date;
const RANGE = { from: '2026-01-01', to: '2026-03-31' };
/** Quotes, a backslash, a backtick, a semicolon, a comment, a newline and non-ASCII letters: charter text is untrusted. */
const HOSTILE = 'O\'Brien \\ `x` "y"; DROP TABLE contacts; -- ä\nå ⟨𝄞⟩';

let prepared: PreparedSql;
const rendered = new Map<DialectName, SqlResult>();

beforeAll(async () => {
  prepared = await prepareSql({ cwd: ROOT, ...RANGE });
  for (const name of DIALECTS) rendered.set(name, renderSql(prepared, { cwd: ROOT, dialect: name, ...RANGE, asOf: AS_OF }));
}, 120_000);

function output(name: DialectName): SqlResult {
  return rendered.get(name) as SqlResult;
}

describe('charter sql dialects', () => {
  it('write each engine its own timestamps, time zones, types and quoting', () => {
    const expected: Record<DialectName, readonly string[]> = {
      duckdb: [
        'TRY_CAST(TRIM(c."start") AS TIMESTAMPTZ)',
        'epoch_ms(start_ts)',
        'timezone(p.time_zone, m.start_ts)',
        'c."group"',
        'regexp_matches(',
        'AS VARCHAR)',
      ],
      postgres: [
        `AS TIMESTAMP) AT TIME ZONE 'UTC' - INTERVAL '1 minute'`,
        'EXTRACT(EPOCH FROM start_ts)',
        '(m.start_ts) AT TIME ZONE p.time_zone',
        ' ~ ',
        'AS TEXT)',
        "E'",
        'contacts_read AS MATERIALIZED (',
      ],
      trino: [
        'from_iso8601_timestamp(',
        "date_diff('millisecond', TIMESTAMP '1970-01-01 00:00:00 UTC', start_ts)",
        'at_timezone(m.start_ts, p.time_zone)',
        'regexp_like(',
        'c."end"',
        'AS VARCHAR)',
      ],
      spark: [
        'CAST(TRIM(c.`start`) AS TIMESTAMP)',
        'unix_millis(start_ts)',
        'from_utc_timestamp(m.start_ts, p.time_zone)',
        'c.`group`',
        ' RLIKE ',
        'AS STRING)',
      ],
      bigquery: [
        'SAFE_CAST(TRIM(c.`start`) AS TIMESTAMP)',
        'UNIX_MILLIS(start_ts)',
        'DATE(m.start_ts, p.time_zone)',
        'REGEXP_CONTAINS(',
        'UNNEST(ARRAY<STRUCT<',
        'AS INT64)',
      ],
    };
    for (const name of DIALECTS) {
      const { query, calendarSql } = output(name);
      for (const text of expected[name]) expect(query, `${name}: ${text}`).toContain(text);
      expect(calendarSql).toContain('CREATE TABLE charter_calendar (');
      expect(calendarSql).toContain("DATE '2026-01-01'");
    }
    // Only the VALUES-less engine uses arrays of structs, and only it types with INT64.
    expect(output('duckdb').query).toContain('(VALUES');
    expect(output('bigquery').query).not.toContain('(VALUES');
    expect(output('bigquery').calendarSql).toContain('calendar_date DATE');
    expect(output('spark').calendarSql).toContain('day_number INT,');
    expect(output('postgres').calendarSql).toContain('holidays TEXT');
    // Only PostgreSQL's planner, which guesses row counts, gets indexes, materialized CTEs and one-key joins.
    expect(output('postgres').calendarSql).toContain('CREATE INDEX charter_calendar_calendar_calendar_date ON charter_calendar (calendar, calendar_date);');
    expect(output('postgres').query).toContain("p.charter || E'\\u0001' || p.channel");
    for (const name of DIALECTS.filter((dialect) => dialect !== 'postgres')) {
      expect(output(name).calendarSql, name).not.toContain('CREATE INDEX');
      expect(output(name).query, name).not.toContain('MATERIALIZED');
      expect(output(name).query, name).toContain('p.charter = r.charter AND p.channel = r.channel');
    }
  });

  it('writes the same calendar CSV whatever the engine, with a header row', () => {
    const csv = output('duckdb').calendarCsv;
    expect(output('bigquery').calendarCsv).toBe(csv);
    const [header, first] = csv.split('\r\n');
    expect(header?.split(',').slice(0, 4)).toEqual(['calendar', 'time_zone', 'holidays', 'calendar_date']);
    expect(first).toMatch(/^c1,Europe\/Helsinki,FI,2026-01-01,20454,2026-01,/);
    // New Year's Day is a holiday; the 2nd a working day.
    expect(csv).toMatch(/\r\nc1,Europe\/Helsinki,FI,2026-01-01,[^\r]*,false,0,/);
    expect(csv).toMatch(/\r\nc1,Europe\/Helsinki,FI,2026-01-02,[^\r]*,true,1,/);
  });

  it('quotes untrusted text so that it stays one literal in every engine', () => {
    for (const name of DIALECTS) {
      const literal = dialectOf(name).literal(HOSTILE);
      const body = literal.replace(/^E?'/, '').replace(/'$/, '');
      if (name === 'duckdb' || name === 'trino') {
        // ANSI: quotes doubled, nothing else special.
        expect(body.replaceAll("''", '')).not.toContain("'");
      } else {
        // Backslash-escaping engines: no quote, backslash-less newline or semicolon is left as itself.
        expect(body).not.toMatch(/['\n;`"]/);
        expect(body).toContain('\\u0027');
        expect(body.replace(/\\u[0-9a-f]{4}/g, '')).not.toContain('\\');
      }
    }
    expect(dialectOf('postgres').literal('a\u0000b')).toBe("E'a\\ufffdb'");
    expect(dialectOf('spark').literal('𝄞')).toBe("'\\ud834\\udd1e'");
    expect(dialectOf('spark').ident('a`b')).toBe('`a``b`');
    expect(dialectOf('postgres').ident('a"b')).toBe('"a""b"');
  });

  it('judges open contacts when the query runs, without --as-of', async () => {
    const sql = renderSql(prepared, { cwd: ROOT, dialect: 'duckdb', ...RANGE });
    expect(sql.query).toContain('CAST(current_timestamp AS TIMESTAMPTZ) AS as_of_ts');
    const rows = await runInDuckDb({ sql: sql.calendarSql }, sql.query, join(ROOT, 'charters', 'sample-events.csv'));
    expect(rows.filter((row) => row.month === 'total').reduce((sum, row) => sum + row.count, 0)).toBeGreaterThan(300);
  }, 120_000);

  it('keeps a hostile unit name exactly as written when DuckDB runs the query', async () => {
    const folder = tempFolder();
    cpSync(join(ROOT, 'charters'), join(folder, 'charters'), { recursive: true });
    const file = join(folder, 'charters', 'registry-office.yaml');
    const yaml = readFileSync(file, 'utf8').replace('    fi: Kirjaamo\n', `    fi: ${JSON.stringify(HOSTILE)}\n`);
    writeFileSync(file, yaml);
    const log = join(folder, 'log.csv');
    writeFileSync(log, 'charter,channel,commitment,start,end\nregistry-office,phone,answer,2026-02-02T10:00:00+02:00,2026-02-02T10:00:20+02:00\n');
    const sql = await makeSql({ cwd: folder, dialect: 'duckdb', ...RANGE, asOf: AS_OF });
    const rows = await runInDuckDb({ sql: sql.calendarSql }, sql.query, log);
    expect(rows.map((row) => [row.charter, row.month, row.count, row.met])).toEqual([
      ['registry-office', '2026-02', 1, 1],
      ['registry-office', 'total', 1, 1],
    ]);
    expect(rows[0]?.unit_name).toBe(HOSTILE);
  }, 120_000);
});
