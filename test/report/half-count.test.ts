import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { indexCommitments, type CommitmentIndex } from '../../src/report/commitment-index.js';
import { RowCounter } from '../../src/report/count-rows.js';
import { countHalf, countingIndexOf, countRequestOf } from '../../src/report/half-count.js';
import { readWholeLog } from '../../src/report/intake.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { timeWindowAround } from '../../src/report/report-window.js';
import { RowStore } from '../../src/report/row-store.js';
import { edit } from '../fixtures/charters.js';
import { UNIT } from '../fixtures/format-11-log.js';
import { writeTree } from '../helpers.js';

/**
 * The second half of a large log counted on the thread that reads it (see
 * src/report/half-count.ts): the report must be the same as reading and
 * counting the log whole, duplicates across the halves included.
 */
const AS_OF = '2027-12-31T12:00:00+02:00';
const HEADER = 'charter,channel,commitment,start,end,line,group,service,outcome,paused';

/** Row kinds in turn: the phone line's answer variants, a call given up, paused time, chat, a decision in working days, open e-mail, a bad row. */
function rowOf(kind: number, start: number, seconds: number): string {
  const at = (ms: number): string => `${new Date(ms + 2 * 3_600_000).toISOString().slice(0, 23)}+02:00`;
  const end = at(start + seconds * 1_000);
  switch (kind % 8) {
    case 0:
      return `test-unit,phone,answer,${at(start)},${end},general,,,,`;
    case 1:
      return `test-unit,phone,answer,${at(start)},${end},general,businesses,,,`;
    case 2:
      return `test-unit,phone,answer,${at(start)},${end},general,,,abandoned,`;
    case 3:
      return `test-unit,phone,answer,${at(start)},${end},general,,,,PT7S`;
    case 4:
      return `test-unit,chat,answer,${at(start)},${end},,,,,`;
    case 5:
      return `test-unit,services,decision,${at(start)},${at(start + seconds * 3_600_000)},,,benefit,,`;
    case 6:
      return `test-unit,email,reply,${at(start)},${seconds % 3 === 0 ? '' : end},,,,,`;
    default:
      return `test-unit,phone,answer,${at(start)},${end},genral,,,,`;
  }
}

/**
 * A log in time order: rows in pairs sharing a start (every fifth pair the
 * same contact twice), fractional seconds, and in the middle, where the log
 * is split, one contact written 40 times: it repeats across the halves.
 * `acknowledged`: rows (by share of the log) that also get an e-mail
 * acknowledgement (4 working hours), the next row.
 */
function inOrderLog(rows: number, acknowledged?: [number, number]): string[] {
  const lines: string[] = [];
  const first = Date.UTC(2027, 1, 1, 7);
  for (let row = 0; row < rows; row++) {
    const pair = Math.floor(row / 2);
    const start = first + pair * 5_400_000 + (pair % 10) * 0.25;
    if (row % 2 === 1 && pair % 5 === 0) lines.push(lines[lines.length - 1] as string);
    else lines.push(rowOf(row, start, 5 + ((row * 37) % 170) + (row % 7) / 8));
    if (row === rows >> 1) for (let copy = 0; copy < 40; copy++) lines.push(lines[lines.length - 1] as string);
    if (acknowledged && row % 50 === 7 && row >= acknowledged[0] * rows && row < acknowledged[1] * rows) {
      lines.push(`test-unit,email,acknowledge,${(lines[lines.length - 1] as string).split(',').slice(3, 5).join(',')},,,,,`);
    }
  }
  return lines;
}

/** The line the second half starts on, as intake.ts splits a log (just after the line break at or after the middle byte). */
function splitLine(text: string): number {
  const bytes = Buffer.from(text);
  const split = bytes.indexOf(10, Math.floor(bytes.length / 2)) + 1;
  return bytes.subarray(0, split).toString().split('\n').length;
}

let cwd: string;
let index: CommitmentIndex;
const ordered = [HEADER, ...inOrderLog(3_000)];
// The same rows with the halves swapped: each half in time order, the log not; a contact of the first half repeated in the second.
const half = ordered.length >> 1;
const swapped = [HEADER, ...ordered.slice(half), ...ordered.slice(1, half), ordered[half + 400] as string];

beforeAll(async () => {
  cwd = writeTree(
    {
      'charters/test-unit.yaml': UNIT,
      'ordered.csv': `${ordered.join('\n')}\n`,
      'swapped.csv': `${swapped.join('\n')}\n`,
    },
    'file',
  );
  index = indexCommitments(await checkCharters({ cwd, patterns: ['charters'] }));
});

async function reports(folder: string, log: string): Promise<{ split: unknown; whole: unknown }> {
  const options = { cwd: folder, logs: [log], asOf: parseAsOf(AS_OF) as Date };
  const { report: split } = await makeComplianceReport({ ...options, splitMinBytes: 1024, countMinBytes: 1024 });
  const { report: whole } = await makeComplianceReport({ ...options, split: false });
  return { split, whole };
}

describe('a log in time order, its second half counted on the thread that reads it', () => {
  it('is counted there, and gives the report of counting it whole, duplicates across the halves included', async () => {
    const options = { asOfMs: Date.parse(AS_OF) };
    const counter = new RowCounter(index, options, new Map());
    const part = await readWholeLog(join(cwd, 'ordered.csv'), 'ordered.csv', index, timeWindowAround(Date.parse(AS_OF)), 0, {
      splitMinBytes: 1024,
      countMinBytes: 1024,
      whileWaiting: (first) => counter.countAhead(first),
      count: countRequestOf(index, options),
    });
    expect(part.pieces).toBe(2);
    expect(part.later).toBeDefined();
    counter.takeLater(part.later as NonNullable<typeof part.later>);
    // The duplicates the two threads found, joined, are those of a search over every row.
    const duplicates = part.store.findDuplicates();
    expect(duplicates.rows.length).toBeGreaterThan(300);
    expect(counter.knownDuplicates(part.store)).toEqual(duplicates);
    const { split, whole } = await reports(cwd, 'ordered.csv');
    expect(split).toEqual(whole);

    const report = whole as Awaited<ReturnType<typeof makeComplianceReport>>['report'];
    const middle = splitLine(readFileSync(join(cwd, 'ordered.csv'), 'utf8'));
    const across = report.badRows.filter((bad) => bad.kind === 'duplicate' && bad.line >= middle && Number(/line (\d+)/.exec(bad.message)?.[1]) < middle);
    expect(across.length).toBeGreaterThan(0);
    expect(report.badRowCounts.duplicate).toBeGreaterThan(300);
    expect(report.badRowCounts['unknown-line']).toBeGreaterThan(200);
    expect(report.commitments.find((figures) => figures.measure === 'average')?.total.mean).not.toBeNull();
    expect(report.commitments.some((figures) => (figures.total.paused ?? 0) > 0)).toBe(true);
  });

  it('is counted on the main thread after all when the halves are not in time order one after the other', async () => {
    const { split, whole } = await reports(cwd, 'swapped.csv');
    expect(split).toEqual(whole);
    expect((whole as { badRowCounts: { duplicate: number } }).badRowCounts.duplicate).toBeGreaterThan(300);
  });

  it.each([
    ['first', [0.1, 0.3]],
    ['second', [0.7, 0.9]],
  ] as const)('gives the same report when a promise cannot be measured, its rows in the %s half', async (_, acknowledged) => {
    // Office hours at weekends only: no working hours to count an acknowledgement in.
    const weekendOnly = edit(UNIT, 'days: mon-fri', 'days: sat-sun');
    const log = [HEADER, ...inOrderLog(3_000, [...acknowledged])];
    const folder = writeTree({ 'charters/test-unit.yaml': weekendOnly, 'ordered.csv': `${log.join('\n')}\n` });
    const { split, whole } = await reports(folder, 'ordered.csv');
    expect(split).toEqual(whole);
    const report = whole as Awaited<ReturnType<typeof makeComplianceReport>>['report'];
    expect(report.badRows.filter((bad) => /cannot be measured/.test(bad.message)).length).toBeGreaterThan(5);
  });
});

describe('counting a half', () => {
  it('is left to the main thread below COUNT_MIN_BYTES', async () => {
    const part = await readWholeLog(join(cwd, 'ordered.csv'), 'ordered.csv', index, timeWindowAround(Date.parse(AS_OF)), 0, {
      splitMinBytes: 1024,
      count: countRequestOf(index, { asOfMs: Date.parse(AS_OF) }),
    });
    expect(part.pieces).toBe(2);
    expect(part.later).toBeUndefined();
  });

  const asOfMs = Date.parse(AS_OF);
  const store = (starts: readonly number[]): RowStore => {
    const rows = new RowStore();
    const target = index.byKey.get('test-unit,chat,answer')?.index as number;
    for (const [row, start] of starts.entries()) rows.add(target, start, start + 30_000, 0, row + 2);
    return rows;
  };
  const minute = 60_000;
  const start = Date.parse('2027-03-01T09:00:00+02:00');

  it('leaves the rows sharing its first start to the main thread, which alone knows the first half', () => {
    const counted = countHalf(store([start, start, start, start + minute, start + 2 * minute]), countRequestOf(index, { asOfMs }));
    expect(counted?.counted).toMatchObject({ from: 3, firstStart: start, outcomes: { measured: 2 } });
  });

  it('counts nothing of a half out of time order', () => {
    expect(countHalf(store([start + minute, start]), countRequestOf(index, { asOfMs }))).toBeUndefined();
  });

  it('builds the same commitments and targets on the other thread', () => {
    const again = countingIndexOf(structuredClone(countRequestOf(index, { asOfMs })));
    expect(again.targets.length).toBe(index.targets.length);
    for (const [at, target] of again.targets.entries()) {
      const original = index.targets[at];
      expect([target.within?.index, target.average?.index, target.abandoned?.index, target.gaveUp]).toEqual([
        original?.within?.index,
        original?.average?.index,
        original?.abandoned?.index,
        original?.gaveUp,
      ]);
    }
    const { calendar, ...rest } = again.commitments[0] ?? ({} as never);
    const { calendar: originalCalendar, ...originalRest } = index.commitments[0] ?? ({} as never);
    expect(rest).toEqual(originalRest);
    expect(calendar.deadlineMs(start, { amount: 3, unit: 'working day' })).toBe(originalCalendar.deadlineMs(start, { amount: 3, unit: 'working day' }));
  });

  it('is not taken when the second half starts before the first half ends', () => {
    const first = store([start, start + 2 * minute]);
    const options = { asOfMs };
    const counter = new RowCounter(index, options, new Map());
    counter.countAhead(first);
    const second = store([start + minute, start + 3 * minute]);
    const counted = countHalf(second, countRequestOf(index, options))?.counted;
    expect(counted).toBeDefined();
    const base = first.append(second, 0);
    counter.takeLater({ ...(counted as NonNullable<typeof counted>), from: base, end: first.idLimit });
    counter.countRest(first, first.findDuplicates());
    // Taken, the second half's rows would have been counted twice: on the other thread and here.
    expect(counter.outcomes.measured).toBe(4);
  });
});
