import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { makeCards, type CardsResult } from '../../src/cards/make-cards.js';
import type { Charter } from '../../src/model/charter.js';
import { promisesOf } from '../../src/model/commitments.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { CommitmentFigures, ComplianceReport } from '../../src/model/compliance-report.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { buildSite } from '../../src/site/build.js';
import { chromiumAvailable } from '../browser/chromium.js';
import { writeTree } from '../helpers.js';

/**
 * What the real-world charters' tests share: each charter is written once
 * into its own folder, checked (validated and normalized), published,
 * printed and measured there.
 */

/** The day the charters are checked on: each is approved before it and due for review after it. */
export const TODAY = '2026-12-02';

/** Browser tests run where Chromium is (always under CI). */
export const runCardTests = chromiumAvailable();

export interface CheckedFixture {
  readonly cwd: string;
  readonly id: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly charter: Charter;
}

/** A charter's files under charters/: the unit as `<id>.yaml`, and any baseline it extends. */
export type CharterFiles = Readonly<Record<string, string>>;

function tree(files: CharterFiles): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [`charters/${name}`, text]));
}

/** Writes the charter's files into a folder of their own, then validates them and normalizes the unit `id`. */
export async function checkFixture(id: string, files: CharterFiles): Promise<CheckedFixture> {
  const cwd = writeTree(tree(files), 'file');
  const { results, charters, unnormalized } = await checkCharters({ cwd, today: TODAY });
  expect(unnormalized).toEqual([]);
  const charter = charters.find((candidate) => candidate.id === id);
  if (!charter) throw new Error(`${id} did not normalize`);
  return { cwd, id, diagnostics: results.flatMap((result) => result.diagnostics), charter };
}

/** Builds the site; the result reads one of its files (a path under _site). */
export async function publish(fixture: CheckedFixture): Promise<(path: string) => string> {
  const result = await buildSite({ cwd: fixture.cwd, today: TODAY, search: false });
  expect(result.ok).toBe(true);
  return (path) => readFileSync(join(fixture.cwd, '_site', path), 'utf8');
}

export async function printCards(fixture: CheckedFixture): Promise<CardsResult> {
  return makeCards({ cwd: fixture.cwd, today: TODAY });
}

/** The text of a PDF, every page. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * Every promise of a charter where a log row names it, one string each:
 * `measure channel/line/commitment [groups] {service} = value`.
 */
export function promisePlaces(charter: Charter): string[] {
  return promisesOf(charter).map(({ measure, place, promise }) => {
    const at = [place.channel, place.line, place.commitment].filter((part) => part !== undefined).join('/');
    const groups = place.groups.length > 0 ? ` [${place.groups.join(', ')}]` : '';
    const service = place.service === undefined ? '' : ` {${place.service}}`;
    const value = 'within' in promise ? promise.within.written : `${promise.atMost * 100}%`;
    return `${measure} ${at}${groups}${service} = ${value}`;
  });
}

/** Ids, for comparing lists of lines, groups or services. */
export function ids(items: readonly { readonly id?: string | undefined }[]): (string | undefined)[] {
  return items.map((item) => item.id);
}

/** The compliance report over a log, in a folder holding only the charter's files. */
export async function reportOver(files: CharterFiles, log: string, asOf: string): Promise<ComplianceReport> {
  const cwd = writeTree({ ...tree(files), 'log.csv': log });
  const { report } = await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf(asOf) as Date });
  expect(report.badRows).toEqual([]);
  return report;
}

/** The key promisePlaces gives a promise, without its value: `measure channel/line/commitment [groups] {service}`. */
function placeOf(figures: CommitmentFigures): string {
  const at = [figures.channel, figures.line, figures.commitment].filter((part) => part !== null).join('/');
  const groups = figures.groups.length > 0 ? ` [${figures.groups.join(', ')}]` : '';
  const service = figures.service === null ? '' : ` {${figures.service}}`;
  return `${figures.measure} ${at}${groups}${service}`;
}

/** Expected totals: count, met, missed, pending, status, median, p90. */
export type Expected = readonly [number, number, number, number, string, number | null, number | null];

/** The report's totals for each promise, keyed as the expectations are, in the report's order. */
export function totalsOf(report: ComplianceReport): Record<string, Expected> {
  return Object.fromEntries(
    report.commitments.map((figures) => {
      const { count, met, missed, pending, status, median, p90 } = figures.total;
      return [placeOf(figures), [count, met, missed, pending, status, median, p90]];
    }),
  );
}

/** One promise's figures. */
export function figuresAt(report: ComplianceReport, place: string): CommitmentFigures {
  const found = report.commitments.find((figures) => placeOf(figures) === place);
  if (!found) throw new Error(`no figures for ${place}`);
  return found;
}
