import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { NormalizedUnits } from '../../src/normalize/normalize-collection.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { LogReadings } from '../../src/report/log-readings.js';
import { measureCompliance, measureCompliancePeriods, type MeasureOptions } from '../../src/report/make-report.js';
import { tempFolder } from '../helpers.js';

/**
 * Several periods from one reading of the logs (a review measures each
 * charter from its own approval date): each report must be the one
 * measureCompliance gives for that period alone.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const PERIODS: readonly { from?: string; to?: string }[] = [
  { from: '2026-08-24', to: '2026-11-20' },
  { from: '2026-10-06', to: '2026-11-20' },
  {},
  { from: '2025-12-01', to: '2026-03-31' },
];

let units: NormalizedUnits;
beforeAll(async () => {
  const checked = await checkCharters({ cwd: ROOT, today: '2026-11-20' });
  units = { charters: checked.charters, unnormalized: checked.unnormalized };
});

describe('measureCompliancePeriods', () => {
  it.each([
    ['read whole', {}],
    ['read in two halves, the second counted on its thread', { splitMinBytes: 1024, countMinBytes: 1024 }],
  ])('gives each period the report measured alone (%s), bad rows included', async (_, reading) => {
    const options: MeasureOptions = {
      cwd: ROOT,
      logs: ['charters/sample-events.csv', 'charters/sample-events.csv'],
      asOf: parseAsOf('2026-11-20T17:00:00+02:00') as Date,
      ...reading,
    };
    const together = await measureCompliancePeriods(units, options, PERIODS);
    expect(together).toHaveLength(PERIODS.length);
    for (const [position, period] of PERIODS.entries()) {
      const alone = await measureCompliance(units, { ...options, ...period });
      expect(together[position], JSON.stringify(period)).toEqual(alone);
    }
    // The second log repeats the first: every row of it is a listed duplicate, in every period.
    const half = (together[0]?.rows.read ?? 0) / 2;
    expect(half).toBeGreaterThan(1000);
    expect(together.map((report) => report.badRowCounts.duplicate)).toEqual(PERIODS.map(() => half));
    expect(new Set(together.map((report) => report.rows.measured)).size).toBe(PERIODS.length);
  });

  it('refuses a period too long to measure before reading any log', async () => {
    const options: MeasureOptions = { cwd: ROOT, logs: ['no-such-log.csv'], asOf: parseAsOf('2026-11-20T17:00:00+02:00') as Date };
    await expect(
      measureCompliancePeriods(units, options, [
        { from: '2026-08-24', to: '2026-11-20' },
        { from: '1990-01-01', to: '2026-11-20' },
      ]),
    ).rejects.toThrow(/years/);
  });

  it('reads the logs once for several measurements of one run (a build’s dashboard, then its reviews)', async () => {
    const cwd = tempFolder();
    copyFileSync(join(ROOT, 'charters', 'sample-events.csv'), join(cwd, 'log.csv'));
    const asOf = parseAsOf('2026-11-20T17:00:00+02:00') as Date;
    const readings = new LogReadings();
    const options: MeasureOptions = { cwd, logs: ['log.csv'], asOf, readings };
    const alone = await Promise.all(PERIODS.map((period) => measureCompliance(units, { ...options, readings: new LogReadings(), ...period })));
    expect(await measureCompliance(units, { ...options, ...PERIODS[0] })).toEqual(alone[0]);
    // The log is gone: the same charters, logs and instant are counted from the reading kept.
    rmSync(join(cwd, 'log.csv'));
    expect(await measureCompliancePeriods(units, options, PERIODS)).toEqual(alone);
    // Other charters (another object), or another instant, read the logs again.
    await expect(measureCompliance({ ...units }, options)).rejects.toThrow(/log\.csv/);
    await expect(measureCompliance(units, { ...options, asOf: new Date(asOf.getTime() + 1) })).rejects.toThrow(/log\.csv/);
  });
});
