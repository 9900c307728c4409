import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { indexCommitments, type CommitmentIndex } from '../../src/report/commitment-index.js';
import { readWholeLog, type LogPart } from '../../src/report/intake.js';
import { RowCursor, RowStore } from '../../src/report/row-store.js';
import { RowCounter } from '../../src/report/count-rows.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { timeWindowAround } from '../../src/report/report-window.js';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import { writeTree } from '../helpers.js';

/** The hand-checked log made long: its rows again and again, each copy a week later (so none is a duplicate), bad rows and all. */
function longLog(copies: number): string {
  const [header, ...rows] = HAND_CHECKED_LOG.trim().split('\n') as [string, ...string[]];
  const lines = [header];
  for (let copy = 0; copy < copies; copy++) {
    const shift = copy * 7 * 86_400_000;
    for (const row of rows) {
      lines.push(row.replace(/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})/g, (_, local: string, zone: string) => shifted(local, zone, shift)));
    }
  }
  return `${lines.join('\n')}\n`;
}

function shifted(local: string, zone: string, ms: number): string {
  const time = Date.parse(`${local}Z`);
  // The deliberately impossible date stays as it is.
  if (Number.isNaN(time)) return `${local}${zone}`;
  return `${new Date(time + ms).toISOString().slice(0, 19)}${zone}`;
}

let cwd: string;
let index: CommitmentIndex;

beforeAll(async () => {
  const jsonl = longLog(40)
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [charter, channel, commitment, start, end] = line.split(',');
      return JSON.stringify({ charter, channel, commitment, start, end: end || null });
    })
    .join('\n');
  const quoted = [
    'charter,channel,commitment,start,end,note',
    ...Array.from(
      { length: 200 },
      (_, row) =>
        `test-unit,phone,answer,2027-01-11T09:${String(row % 60).padStart(2, '0')}:00+02:00,2027-01-11T09:${String(row % 60).padStart(2, '0')}:20+02:00,"line one\nline ${row}"`,
    ),
  ].join('\n');
  cwd = writeTree(
    { ...CHARTERS, 'long.csv': longLog(40), 'long.jsonl': `${jsonl}\n`, 'quoted.csv': `${quoted}\n`, 'blank-first.log': `\n${longLog(5)}` },
    'file',
  );
  index = indexCommitments(await checkCharters({ cwd, patterns: ['charters'] }));
});

async function read(file: string, split: boolean): Promise<LogPart> {
  return readWholeLog(join(cwd, file), file, index, timeWindowAround(Date.parse(AS_OF)), 0, { split, splitMinBytes: 1 });
}

/** Each stored row as [log, line, target, start, end, pause]. */
function rowsOf(store: RowStore): unknown[][] {
  const rows: unknown[][] = [];
  const cursor = new RowCursor(store, new Uint32Array(0));
  for (let row = cursor.next(); row >= 0; row = cursor.next()) {
    rows.push([store.fileOf(row), store.lineOf(row), store.targetOf(row), store.startOf(row), store.endOf(row), store.pauses.get(row)]);
  }
  return rows;
}

describe('reading a large log in two halves at once', () => {
  it.each(['long.csv', 'long.jsonl'])('gives %s the same rows, lines and bad rows as reading it whole', async (file) => {
    const whole = await read(file, false);
    const halves = await read(file, true);
    expect(whole.pieces).toBe(1);
    expect(halves.pieces).toBe(2);
    expect(halves.read).toBe(whole.read);
    expect(halves.lines).toBe(whole.lines);
    expect(halves.badRows).toEqual(whole.badRows);
    expect(rowsOf(halves.store)).toEqual(rowsOf(whole.store));
  });

  it('reads a log whole when the middle falls inside a quoted field that spans lines', async () => {
    const halves = await read('quoted.csv', true);
    const whole = await read('quoted.csv', false);
    expect(halves.pieces).toBe(1);
    expect(halves.badRows).toEqual(whole.badRows);
    expect(halves.read).toBe(200);
    expect(halves.store.length).toBe(whole.store.length);
  });

  it('reads a log whole when its first line is not the header (the second half would have none)', async () => {
    const halves = await read('blank-first.log', true);
    expect(halves.pieces).toBe(1);
    expect(halves.read).toBe(5 * 26);
  });

  it("fails with the first half's problem and leaves no thread behind when both halves cannot be read", async () => {
    // A short first line, so the log is split; then a line too long in each half.
    const folder = writeTree({ 'broken.jsonl': `{}\n${'{"x":"'.padEnd(1_200_000, 'x')}\n${'{"y":"'.padEnd(1_200_000, 'y')}\n` });
    await expect(
      readWholeLog(join(folder, 'broken.jsonl'), 'broken.jsonl', index, timeWindowAround(Date.parse(AS_OF)), 0, { split: true, splitMinBytes: 1 }),
    ).rejects.toThrow(/broken\.jsonl.*longer than/);
    // An unhandled rejection from the second half's thread would fail this test file.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });

  it('gives the same report either way when a promise cannot be measured and its rows are counted again', async () => {
    const unit = edit(VALID_UNIT, 'days: mon-fri', 'days: sat-sun');
    const folder = writeTree({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'long.csv': longLog(40) }, 'file');
    const options = { cwd: folder, logs: ['long.csv'], asOf: parseAsOf(AS_OF) as Date, splitMinBytes: 1, countMinBytes: 1 };
    const { report: split } = await makeComplianceReport(options);
    const { report: whole } = await makeComplianceReport({ ...options, split: false });
    expect(split).toEqual(whole);
    expect(whole.badRows.filter((bad) => /cannot be measured/.test(bad.message)).length).toBeGreaterThan(40);
  });

  it('counts the first half while the second is read, and starts again when the log is read whole after all', () => {
    const store = new RowStore();
    const target = index.byKey.get('test-unit,phone,answer')?.index as number;
    const start = Date.parse('2027-01-11T09:00:00+02:00');
    // In time order, with a duplicate (rows 40 and 41).
    for (let row = 0; row < 100; row++) {
      const minute = row === 41 ? 40 : row;
      store.add(target, start + minute * 60_000, start + minute * 61_000, 0, row + 2);
    }
    const options = { asOfMs: Date.parse(AS_OF) };
    const once = new RowCounter(index, options, new Map());
    once.countRest(store, store.findDuplicates());
    expect(once.outcomes.measured).toBe(99);
    const ahead = new RowCounter(index, options, new Map());
    ahead.countAhead(store);
    expect(ahead.outcomes.measured).toBe(99);
    ahead.forgetAhead();
    expect(ahead.outcomes.measured).toBe(0);
    ahead.countRest(store, store.findDuplicates());
    expect(ahead.outcomes).toEqual(once.outcomes);
    expect(ahead.tally.figures(['2027-01'])).toEqual(once.tally.figures(['2027-01']));
  });

  it('does not count ahead rows out of time order (their duplicates take a sort, done again later)', () => {
    const store = new RowStore();
    const target = index.byKey.get('test-unit,phone,answer')?.index as number;
    const start = Date.parse('2027-01-11T09:00:00+02:00');
    for (const minute of [5, 1, 3]) store.add(target, start + minute * 60_000, start + minute * 60_000 + 1_000, 0, minute + 2);
    const counter = new RowCounter(index, { asOfMs: Date.parse(AS_OF) }, new Map());
    counter.countAhead(store);
    expect(counter.outcomes.measured).toBe(0);
    counter.countRest(store, store.findDuplicates());
    expect(counter.outcomes.measured).toBe(3);
  });

  it('gives the same report either way, duplicates across the halves included', async () => {
    const asOf = parseAsOf(AS_OF) as Date;
    const options = { cwd, logs: ['long.csv'], asOf, splitMinBytes: 1, countMinBytes: 1 };
    const { report: split } = await makeComplianceReport(options);
    const { report: whole } = await makeComplianceReport({ ...options, split: false });
    expect(split).toEqual(whole);
    expect(whole.badRowCounts.duplicate).toBe(40);
    expect(whole.rows.read).toBe(40 * 26);
  });
});

describe('a semicolon log with paused rows, in two halves', () => {
  it('sends the second half’s pauses back with its rows, at their place', async () => {
    const rows = ['charter;channel;commitment;start;end;paused'];
    for (let row = 0; row < 200; row++) {
      const minute = String(row % 60).padStart(2, '0');
      rows.push(`test-unit;phone;answer;2027-01-11 09:${minute}:00;2027-01-11 09:${minute}:40;${row >= 150 ? 'PT15S' : ''}`);
    }
    const dir = writeTree({ 'paused.csv': rows.join('\n') }, 'file');
    const read = (split: boolean): Promise<LogPart> =>
      readWholeLog(join(dir, 'paused.csv'), 'paused.csv', index, timeWindowAround(Date.parse(AS_OF)), 0, {
        split,
        splitMinBytes: 1,
        reading: { timeZone: 'Europe/Helsinki' },
      });
    const [whole, halves] = [await read(false), await read(true)];
    expect(halves.pieces).toBe(2);
    expect(halves.input).toMatchObject({ delimiter: 'semicolon' });
    expect(halves.store.length).toBe(200);
    // Row ids differ (the second half's rows start a chunk of their own): compare the rows, pauses and all.
    expect(rowsOf(halves.store)).toEqual(rowsOf(whole.store));
    expect(whole.store.pauses.size).toBe(50);
    expect(rowsOf(halves.store).findIndex((row) => row[5] !== undefined)).toBe(150);
  });
});
