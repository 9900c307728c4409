import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAsOf } from '../../src/report/as-of.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { makeSql } from '../../src/sql/make-sql.js';
import { tempFolder } from '../helpers.js';
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
  }, 120_000);
});

/** A small seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A time as a log writes it, in one of the offsets a log may use. */
function logTime(ms: number, pick: () => number): string {
  const offset = [0, 120, 180, -300][Math.floor(pick() * 4)] as number;
  const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  return `${local}${sign}${hours}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
}

describe('the DuckDB query over 10,000 random rows', () => {
  it('gives exactly the figures of charter report, bad and repeated rows included', async () => {
    const { checkCharters } = await import('../../src/check.js');
    const { indexCommitments } = await import('../../src/report/commitment-index.js');
    const { charters, unnormalized } = await checkCharters({ cwd: ROOT, patterns: ['charters'] });
    const index = indexCommitments({ charters, unnormalized });
    const places: { charter: string; channel: string; line: string; commitment: string; groups: string[]; services: string[] }[] = [];
    for (const charter of index.charters.values()) {
      for (const [channel, lookup] of charter.channels) {
        for (const [line, commitments] of lookup.lines) {
          for (const commitment of commitments.keys()) {
            places.push({ charter: charter.id, channel, line, commitment, groups: [...charter.groups], services: [...charter.services] });
          }
        }
      }
    }
    const pick = random(15);
    const choose = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)] as T;
    const first = Date.parse('2025-11-25T00:00:00Z');
    const last = Date.parse('2026-12-05T00:00:00Z');
    const rows: string[] = [];
    while (rows.length < 10_000) {
      if (rows.length > 10 && pick() < 0.03) {
        rows.push(choose(rows));
        continue;
      }
      const place = choose(places);
      // Starts on the quarter hour now and then, so that openings, closings and deadlines are hit exactly.
      let start = first + Math.floor(pick() * (last - first));
      if (pick() < 0.3) start -= start % 900_000;
      const spans = [pick() * 120_000, pick() * 3_600_000, pick() * 86_400_000, pick() * 20 * 86_400_000, 15 * 60_000, 86_400_000];
      let span = choose(spans);
      if (pick() < 0.3) span -= span % 900_000;
      const roll = pick();
      const end = roll < 0.1 ? '' : roll < 0.12 ? logTime(start - 60_000, pick) : roll < 0.13 ? '2026-03-02 10:00' : logTime(start + Math.floor(span), pick);
      const line = place.channel === 'services' ? '' : pick() < 0.8 ? place.line : choose([place.line, 'nowhere', '']);
      const group = pick() < 0.85 ? '' : choose([...place.groups, 'nobody']);
      const service = place.channel === 'services' ? place.line : pick() < 0.9 ? '' : choose([...place.services, 'nothing']);
      const outcome = choose(['', '', '', 'answered', 'abandoned', 'abandoned', 'hung-up']);
      const charter = pick() < 0.01 ? 'no-such-unit' : place.charter;
      rows.push([charter, place.channel, place.commitment, logTime(start, pick), end, line, group, service, outcome].join(','));
    }
    const folder = tempFolder();
    const log = join(folder, 'random.csv');
    writeFileSync(log, ['charter,channel,commitment,start,end,line,group,service,outcome', ...rows].join('\n') + '\n');

    const range = { from: '2025-12-01', to: '2026-11-30' };
    const sql = await makeSql({ cwd: ROOT, dialect: 'duckdb', ...range, asOf: AS_OF });
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: [log], ...range, asOf: AS_OF });
    expect(report.rows.bad).toBeGreaterThan(500);
    expect(report.badRowCounts.duplicate).toBeGreaterThan(100);
    const queried = await runInDuckDb(sql.calendarSql, sql.query, log);
    const expected = reportRows(report);
    expect(expected.length).toBeGreaterThan(400);
    expect(queried).toEqual(expected);
  }, 300_000);
});
