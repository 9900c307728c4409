import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { tempFolder } from '../helpers.js';

/** The bundled sample log over the example charters, as charters/sample-events.md describes it. */
const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = readFileSync(join(ROOT, 'charters', 'sample-events.csv'), 'utf8');
const AS_OF = parseAsOf('2026-11-20T17:00:00+02:00') as Date;

async function reportOnRows(rows: readonly string[]) {
  const folder = tempFolder();
  const log = join(folder, 'log.csv');
  writeFileSync(log, ['charter,channel,commitment,start,end', ...rows].join('\n'));
  const { report } = await makeComplianceReport({ cwd: ROOT, logs: [log], asOf: AS_OF });
  return report;
}

describe('the bundled sample log', () => {
  it('is measured whole, without bad rows, with met, close and missed promises', async () => {
    const { report } = await makeComplianceReport({ cwd: ROOT, logs: ['charters/sample-events.csv'], asOf: AS_OF });
    expect(report.rows).toEqual({ read: 1997, measured: 1997, outsideRange: 0, notStarted: 0, bad: 0 });
    expect(report.months).toHaveLength(12);
    const statuses = report.commitments.map((figures) => figures.total.status);
    expect(statuses.filter((status) => status === 'met')).toHaveLength(24);
    expect(statuses.filter((status) => status === 'close')).toHaveLength(8);
    expect(statuses.filter((status) => status === 'missed')).toHaveLength(8);
  });

  // Each hand-written row (lines 1989–1998), alone, as worked out in charters/sample-events.md.
  const handWritten = SAMPLE.trim().split('\n').slice(1988);
  it.each([
    [1989, 'email', 'reply', { met: 1, median: 3 }],
    [1990, 'email', 'reply', { missed: 1, median: 4 }],
    [1991, 'email', 'reply', { met: 1, median: 3 }],
    [1992, 'email', 'acknowledge', { met: 1, median: 3.75 }],
    [1993, 'email', 'acknowledge', { missed: 1, median: 4.5 }],
    [1994, 'phone', 'callback', { met: 1, median: 1 }],
    [1995, 'email', 'acknowledge', { met: 1, median: 3.5 }],
    [1996, 'letter', 'reply', { met: 1, median: 10 }],
    [1997, 'feedback', 'respond', { missed: 1, median: null }],
    [1998, 'feedback', 'respond', { pending: 1, median: null }],
  ] as const)('line %i (%s %s) comes out as documented', async (line, channel, commitment, expected) => {
    const row = handWritten[line - 1989] as string;
    expect(row).toMatch(new RegExp(`^building-control,${channel},${commitment},`));
    const report = await reportOnRows([row]);
    const figures = report.commitments.find((entry) => entry.charter === 'building-control' && entry.channel === channel && entry.commitment === commitment);
    expect(figures?.total).toMatchObject({ count: 1, met: 0, missed: 0, pending: 0, ...expected });
  });
});
