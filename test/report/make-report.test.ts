import { describe, expect, it } from 'vitest';
import { makeComplianceReport, reportMonths } from '../../src/report/make-report.js';
import { LogFileError } from '../../src/report/log-reader.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { MAX_LISTED_BAD_ROWS, type CommitmentFigures, type ComplianceReport } from '../../src/model/compliance-report.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import { writeTree } from '../helpers.js';

async function reportOn(
  files: Record<string, string | Uint8Array>,
  logs: string[],
  options: { from?: string; to?: string; asOf?: string } = {},
): Promise<ComplianceReport> {
  const cwd = writeTree(files);
  const { report } = await makeComplianceReport({
    cwd,
    logs,
    asOf: parseAsOf(options.asOf ?? AS_OF) as Date,
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  return report;
}

function figuresOf(report: ComplianceReport, charter: string, channel: string, commitment: string): CommitmentFigures {
  const found = report.commitments.find((entry) => entry.charter === charter && entry.channel === channel && entry.commitment === commitment);
  if (!found) throw new Error(`no figures for ${charter} ${channel} ${commitment}`);
  return found;
}

describe('makeComplianceReport on a hand-checked log', () => {
  it('counts email replies per month and in total, with working days over Christmas and Epiphany', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    expect(report.months).toEqual(['2026-12', '2027-01']);
    const reply = figuresOf(report, 'test-unit', 'email', 'reply');
    expect(reply).toMatchObject({ within: '2 working days', unit: 'working day', target: 0.9 });
    expect(reply.months).toEqual([
      { month: '2026-12', count: 4, met: 2, missed: 2, pending: 0, shareMet: 0.5, status: 'missed', median: 2, p90: 3 },
      { month: '2027-01', count: 3, met: 2, missed: 0, pending: 1, shareMet: 1, status: 'met', median: 1.5, p90: 2 },
    ]);
    expect(reply.total).toEqual({ count: 7, met: 4, missed: 2, pending: 1, shareMet: 4 / 6, status: 'missed', median: 2, p90: 3 });
  });

  it('counts working hours only inside office hours, including a short day', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const acknowledge = figuresOf(report, 'test-unit', 'email', 'acknowledge');
    expect(acknowledge).toMatchObject({ unit: 'working hour', target: 1 });
    expect(acknowledge.total).toEqual({ count: 2, met: 2, missed: 0, pending: 0, shareMet: 1, status: 'met', median: 3.38, p90: 3.75 });
  });

  it('calls 6 of 7 against a 90 % target close, and counts a duplicate once', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const answer = figuresOf(report, 'test-unit', 'phone', 'answer');
    expect(answer.total).toEqual({ count: 7, met: 6, missed: 1, pending: 0, shareMet: 6 / 7, status: 'close', median: 25, p90: 45 });
  });

  it("measures a unit with its own tightened promise and its baseline's inherited one", async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const reply = figuresOf(report, 'small-unit', 'email', 'reply');
    expect(reply).toMatchObject({ within: '3 working days', target: 0.95 });
    expect(reply.total).toMatchObject({ count: 1, met: 0, missed: 1, median: 4 });
    const respond = figuresOf(report, 'small-unit', 'feedback', 'respond');
    expect(respond).toMatchObject({ within: '15 working days', target: 0.9 });
    expect(respond.total).toMatchObject({ count: 1, met: 1, missed: 0, median: 14 });
  });

  it('lists every commitment of every unit, measured or not', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const keys = report.commitments.map((entry) => `${entry.charter} ${entry.channel} ${entry.commitment}`);
    expect(keys).toContain('test-unit letter reply');
    expect(keys).toContain('small-unit feedback respond');
    expect(keys.filter((key) => key.startsWith('test-unit'))).toHaveLength(9);
    expect(figuresOf(report, 'test-unit', 'letter', 'reply').total).toMatchObject({ count: 0, status: 'no-data', shareMet: null, median: null });
  });

  it('reports each bad row with its line, column and kind, and counts them', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    expect(report.badRows.map((bad) => [bad.line, bad.column, bad.kind])).toEqual([
      [18, 1, 'duplicate'],
      [21, 1, 'unknown-charter'],
      [22, 11, 'unknown-channel'],
      [23, 17, 'unknown-commitment'],
      [24, 23, 'no-time-zone'],
      [25, 49, 'bad-timestamp'],
      [26, 49, 'end-before-start'],
      [27, 1, 'malformed'],
    ]);
    expect(report.badRows.every((bad) => bad.file === 'log.csv')).toBe(true);
    const messages = report.badRows.map((bad) => bad.message);
    expect(messages[0]).toMatch(/same contact as line 11/);
    expect(messages[1]).toMatch(/did you mean `test-unit`/);
    expect(messages[2]).toMatch(/fax.*it has: phone, email, letter, counter, eservice, feedback/);
    expect(messages[3]).toMatch(/no `answer` promise for email.*it has: acknowledge, reply/);
    expect(messages[6]).toMatch(/before it starts/);
    expect(messages[7]).toMatch(/has 4 fields, the header has 5/);
    expect(report.badRowCounts).toEqual({
      malformed: 1,
      'unknown-charter': 1,
      'unknown-channel': 1,
      'unknown-commitment': 1,
      'unknown-line': 0,
      'unknown-group': 0,
      'unknown-service': 0,
      'unknown-outcome': 0,
      'bad-timestamp': 1,
      'no-time-zone': 1,
      'implausible-time': 0,
      'end-before-start': 1,
      duplicate: 1,
    });
    expect(report.rows).toEqual({ read: 26, measured: 18, outsideRange: 0, notStarted: 0, bad: 8 });
  });

  it('reads JSON Lines to the same figures', async () => {
    const [header, ...lines] = HAND_CHECKED_LOG.trim().split('\n') as [string, ...string[]];
    const keys = header.split(',');
    const jsonl = lines
      .slice(0, 19)
      .map((line) => {
        const values = line.split(',');
        return JSON.stringify(Object.fromEntries(keys.map((key, index) => [key, key === 'end' && values[index] === '' ? null : values[index]])));
      })
      .join('\n');
    const fromCsv = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const fromJsonl = await reportOn({ ...CHARTERS, 'log.jsonl': `${jsonl}\n` }, ['log.jsonl']);
    expect(fromJsonl.commitments).toEqual(fromCsv.commitments);
    expect(fromJsonl.badRows.map((bad) => [bad.line, bad.kind])).toEqual([[17, 'duplicate']]);
  });

  it('finds duplicates across logs and names the first file', async () => {
    const row = 'test-unit,phone,answer,2027-01-11T09:00:00+02:00,2027-01-11T09:00:20+02:00';
    const header = 'charter,channel,commitment,start,end';
    const report = await reportOn({ ...CHARTERS, 'a.csv': `${header}\n${row}\n`, 'b.csv': `${header}\n${row}\n` }, ['a.csv', 'b.csv']);
    expect(report.badRows).toEqual([
      expect.objectContaining({ file: 'b.csv', line: 2, kind: 'duplicate', message: expect.stringMatching(/a\.csv:2/) as string }),
    ]);
  });

  it('counts only rows that start within --from and --to, by the office date', async () => {
    const report = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv'], { from: '2027-01-01', to: '2027-01-31' });
    expect(report.months).toEqual(['2027-01']);
    expect(report.from).toBe('2027-01-01');
    expect(figuresOf(report, 'test-unit', 'email', 'reply').total).toMatchObject({ count: 3, met: 2, pending: 1 });
    expect(report.rows.outsideRange).toBe(6);
  });

  it('keeps rows that start after --as-of out of the figures, and treats a later end as still open', async () => {
    const log = [
      'charter,channel,commitment,start,end',
      'test-unit,email,reply,2027-01-14T09:00:00+02:00,2027-01-20T09:00:00+02:00',
      'test-unit,email,reply,2027-01-16T09:00:00+02:00,2027-01-18T09:00:00+02:00',
    ].join('\n');
    const report = await reportOn({ ...CHARTERS, 'log.csv': log }, ['log.csv']);
    expect(figuresOf(report, 'test-unit', 'email', 'reply').total).toMatchObject({ count: 1, pending: 1, met: 0, missed: 0 });
    expect(report.rows.notStarted).toBe(1);
  });

  it('lists rows dated far from the as-of time as bad rows, and keeps them out of the months', async () => {
    const log = [
      'charter,channel,commitment,start,end',
      'test-unit,email,reply,2027-01-04T10:00:00+02:00,2027-01-05T10:00:00+02:00',
      'test-unit,email,reply,1027-01-04T10:00:00+02:00,1027-01-05T10:00:00+02:00',
      'test-unit,email,reply,9999-01-04T10:00:00+02:00,',
      'test-unit,email,reply,2027-01-04T11:00:00+02:00,9027-01-05T10:00:00+02:00',
      'test-unit,email,reply,2017-02-01T10:00:00+02:00,2017-02-02T10:00:00+02:00',
    ].join('\n');
    const report = await reportOn({ ...CHARTERS, 'log.csv': log }, ['log.csv']);
    expect(report.months[0]).toBe('2017-02');
    expect(report.months.at(-1)).toBe('2027-01');
    expect(report.months).toHaveLength(120);
    expect(report.badRows.map((bad) => [bad.line, bad.column, bad.kind])).toEqual([
      [3, 23, 'implausible-time'],
      [4, 23, 'implausible-time'],
      [5, 49, 'implausible-time'],
    ]);
    expect(report.badRows[0]?.message).toBe(
      'start: 1027-01-04T10:00:00+02:00 is more than 10 years before the as-of time (2027-01-15): check the year; to report on older contacts, give --as-of in their period',
    );
    expect(report.badRows[1]?.message).toMatch(/^start: 9999-01-04T10:00:00\+02:00 is more than 10 years after the as-of time \(2027-01-15\): check the year$/);
    expect(report.badRows[2]?.message).toMatch(/^end: 9027-01-05T10:00:00\+02:00 is more than 10 years after/);
    expect(report.badRowCounts['implausible-time']).toBe(3);
    expect(report.rows).toEqual({ read: 5, measured: 2, outsideRange: 0, notStarted: 0, bad: 3 });
  });

  it('refuses an as-of time outside 1970-2199, and --from or --to more than 10 years from it', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const measure = (asOf: string, range: { from?: string; to?: string } = {}) =>
      makeComplianceReport({ cwd, logs: ['log.csv'], asOf: new Date(asOf), ...range });
    await expect(measure('9999-12-31T09:59:59Z')).rejects.toThrow(/^--as-of must lie in the years 1970 to 2199 \(not 9999\)$/);
    await expect(measure('1969-12-31T00:00:00Z')).rejects.toThrow(/--as-of must lie in the years 1970 to 2199/);
    await expect(measure('2027-01-15T10:00:00Z', { from: '0001-01-01', to: '9999-12-31' })).rejects.toThrow(
      /^--from must lie in the years 1970 to 2199 \(not 0001-01-01\)$/,
    );
    await expect(measure('2027-01-15T10:00:00Z', { from: '2016-12-01' })).rejects.toThrow(
      /^--from 2016-12-01 is more than 10 years from the as-of time \(2027-01-15\)/,
    );
    await expect(measure('2027-01-15T10:00:00Z', { to: '2037-02-01' })).rejects.toThrow(/^--to 2037-02-01 is more than 10 years/);
    const { report } = await measure('2027-01-15T10:00:00Z', { from: '2017-01-01', to: '2037-01-31' });
    expect(report.months).toHaveLength(241);
  });

  it('does not measure a promise longer than a year: its rows are bad rows, found without walking the calendar', async () => {
    const unit = edit(
      edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 999999 working days, target: 90% }'),
      'acknowledge: { within: 4 working hours }',
      'acknowledge: { within: 100000 working hours }',
    );
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const unmeasured = report.badRows.filter((bad) => bad.kind === 'unknown-commitment' && /more than a year/.test(bad.message));
    expect(unmeasured.map((bad) => bad.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 24, 25, 26]);
    expect(unmeasured[0]?.message).toBe(
      'test-unit: email reply promises 999999 working days, more than a year: it is not measured; check the number and the unit',
    );
    expect(unmeasured[7]?.message).toMatch(/^test-unit: email acknowledge promises 100000 working hours, more than a year/);
    expect(figuresOf(report, 'test-unit', 'phone', 'answer').total).toMatchObject({ count: 7, met: 6 });
  });

  it('gives up a commitment whose office is never open on a working day, listing its rows, and measures the others', async () => {
    const unit = edit(VALID_UNIT, 'days: mon-fri', 'days: sat-sun');
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const given = report.badRows.filter((bad) => /cannot be measured/.test(bad.message));
    expect(given.map((bad) => [bad.line, bad.kind])).toEqual([
      [9, 'unknown-commitment'],
      [10, 'unknown-commitment'],
    ]);
    expect(given[0]?.message).toMatch(
      /^test-unit: email acknowledge cannot be measured \(no office hours within 3700 days of .*\): check the charter's office hours and closed days; run charter validate$/,
    );
    expect(figuresOf(report, 'test-unit', 'email', 'acknowledge').total).toMatchObject({ count: 0, status: 'no-data' });
    expect(figuresOf(report, 'test-unit', 'email', 'reply').total).toMatchObject({ count: 7, met: 4 });
    expect(report.rows).toMatchObject({ read: 26, measured: 16, bad: 10 });
    expect(report.badRowCounts['unknown-commitment']).toBe(3);
  });

  it('does not measure a charter with errors: it is listed, and its rows are bad rows that say why', async () => {
    const broken = edit(VALID_UNIT, 'every: 12 months', 'every: often');
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': broken, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    expect(report.unmeasuredCharters).toEqual([{ charter: 'test-unit', file: 'charters/test-unit.yaml', reason: 'it does not match the charter schema' }]);
    expect(report.commitments.filter((figures) => figures.charter === 'test-unit')).toEqual([]);
    const notMeasured = report.badRows.filter((bad) => bad.message.startsWith('charter test-unit '));
    // Every row of test-unit, and the log's one row for an id no charter has.
    expect(notMeasured).toHaveLength(22);
    expect(report.badRowCounts['unknown-charter']).toBe(23);
    expect(notMeasured.every((bad) => bad.kind === 'unknown-charter')).toBe(true);
    expect(notMeasured[0]?.message).toBe('charter test-unit has errors, so it is not measured (it does not match the charter schema); run charter validate');
    expect(report.overdueReviews).toEqual([]);
  });

  it('lists overdue reviews with the reviewer of the period', async () => {
    const stale = edit(VALID_UNIT, 'next: 2027-09-01', 'next: 2026-12-31');
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': stale, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    expect(report.overdueReviews).toEqual([
      {
        charter: 'test-unit',
        file: 'charters/test-unit.yaml',
        unitName: { fi: 'Testiyksikkö', en: 'Test Unit' },
        due: '2026-12-31',
        daysOverdue: 15,
        reviewer: { id: 'head', name: 'Liisa Esimerkki' },
      },
    ]);
  });

  it('refuses a log that cannot be read, or has no header, before measuring anything', async () => {
    await expect(reportOn(CHARTERS, ['missing.csv'])).rejects.toThrow(LogFileError);
    await expect(reportOn(CHARTERS, ['missing.csv'])).rejects.toThrow(/missing\.csv: no such file/);
    await expect(reportOn({ ...CHARTERS, 'log.csv': 'test-unit,email,reply,2027-01-04T10:00:00+02:00,\n' }, ['log.csv'])).rejects.toThrow(
      /log\.csv:1:1: no header row/,
    );
    await expect(reportOn({ ...CHARTERS, 'log.csv': 'charter,channel,commitment,start\n' }, ['log.csv'])).rejects.toThrow(/no `end` column/);
  });
});

describe('promises the same working day, immediately and in years, and letter acknowledgements', () => {
  // test-unit (office mon-fri 08:00-16:00, Wed 23.12.2026 08:00-12:00) with a letter acknowledged the same
  // working day (75 %), letters answered within 1 year, and emails acknowledged immediately (an automated receipt).
  const unit = edit(
    edit(
      VALID_UNIT,
      '    reply: { within: 10 working days, target: 90% }',
      '    acknowledge: { within: same working day, target: 75% }\n    reply: { within: 1 year }',
    ),
    'acknowledge: { within: 4 working hours }',
    'acknowledge: { within: immediately }',
  );
  const log = [
    'charter,channel,commitment,start,end',
    // Wed 23.12 10:00, the short day closes at 12:00 → due then; at 11:30: met, 1.5 working hours.
    'test-unit,letter,acknowledge,2026-12-23T10:00:00+02:00,2026-12-23T11:30:00+02:00',
    // Wed 23.12 13:00, after closing; 24-27.12 are not working days → due Mon 28.12 16:00; at 15:00: met, 7 working hours.
    'test-unit,letter,acknowledge,2026-12-23T13:00:00+02:00,2026-12-28T15:00:00+02:00',
    // Fri 8.1 17:30, Friday evening → due Mon 11.1 16:00; Tue 12.1 09:00: missed, 8 + 1 = 9 working hours.
    'test-unit,letter,acknowledge,2027-01-08T17:30:00+02:00,2027-01-12T09:00:00+02:00',
    // Thu 14.1 09:00, still open → due 14.1 16:00, past on 15.1 12:00: missed.
    'test-unit,letter,acknowledge,2027-01-14T09:00:00+02:00,',
    // Fri 15.1 10:00, still open → due 15.1 16:00: pending.
    'test-unit,letter,acknowledge,2027-01-15T10:00:00+02:00,',
    // Receipts: 40 s met; exactly 5 minutes met; 5 minutes 1 second missed.
    'test-unit,email,acknowledge,2027-01-04T10:00:00+02:00,2027-01-04T10:00:40+02:00',
    'test-unit,email,acknowledge,2027-01-04T11:00:00+02:00,2027-01-04T11:05:00+02:00',
    'test-unit,email,acknowledge,2027-01-04T12:00:00+02:00,2027-01-04T12:05:01+02:00',
    // Thu 15.1.2026 → due end of Fri 15.1.2027; answered 14.1.2027: met, 11 months + 30/31 of a month = 0.997 → 1 year.
    'test-unit,letter,reply,2026-01-15T10:00:00+02:00,2027-01-14T10:00:00+02:00',
    // Mon 1.12.2025, still open → due end of Tue 1.12.2026: missed.
    'test-unit,letter,reply,2025-12-01T10:00:00+02:00,',
  ].join('\n');

  it('measures a letter acknowledgement the same working day, in working hours', async () => {
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'log.csv': log }, ['log.csv']);
    const acknowledge = figuresOf(report, 'test-unit', 'letter', 'acknowledge');
    expect(acknowledge).toMatchObject({ within: 'same working day', unit: 'working hour', target: 0.75 });
    expect(acknowledge.total).toEqual({ count: 5, met: 2, missed: 2, pending: 1, shareMet: 0.5, status: 'missed', median: 7, p90: 9 });
    expect(acknowledge.months.filter((month) => month.count > 0)).toEqual([
      { month: '2026-12', count: 2, met: 2, missed: 0, pending: 0, shareMet: 1, status: 'met', median: 4.25, p90: 7 },
      { month: '2027-01', count: 3, met: 0, missed: 2, pending: 1, shareMet: 0, status: 'missed', median: 9, p90: 9 },
    ]);
    expect(report.badRows).toEqual([]);
  });

  it('measures an automated receipt against 5 minutes, in seconds', async () => {
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'log.csv': log }, ['log.csv']);
    const receipt = figuresOf(report, 'test-unit', 'email', 'acknowledge');
    expect(receipt).toMatchObject({ within: 'immediately', unit: 'second', target: 1 });
    expect(receipt.total).toEqual({ count: 3, met: 2, missed: 1, pending: 0, shareMet: 2 / 3, status: 'missed', median: 300, p90: 301 });
  });

  it('measures a promise of a year, in years', async () => {
    const report = await reportOn({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'log.csv': log }, ['log.csv']);
    const reply = figuresOf(report, 'test-unit', 'letter', 'reply');
    expect(reply).toMatchObject({ within: '1 year', unit: 'year', target: 1 });
    expect(reply.total).toEqual({ count: 2, met: 1, missed: 1, pending: 0, shareMet: 0.5, status: 'missed', median: 1, p90: 1 });
  });
});

describe('reportMonths', () => {
  it('runs from --from to --to, or over the months the log has', () => {
    expect(reportMonths('2026-11-15', '2027-02-01', undefined)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(reportMonths(undefined, undefined, { first: '2026-12', last: '2027-01' })).toEqual(['2026-12', '2027-01']);
    expect(reportMonths(undefined, undefined, undefined)).toEqual([]);
  });
});

describe('a log of many bad rows', () => {
  it('counts every bad row but keeps the details of the first 100,000 only', async () => {
    const rows = Array.from(
      { length: MAX_LISTED_BAD_ROWS + 5 },
      (_, index) => `nobody,email,reply,2027-01-04T10:${String(index % 60).padStart(2, '0')}:00+02:00,`,
    );
    const report = await reportOn({ ...CHARTERS, 'log.csv': `charter,channel,commitment,start,end\n${rows.join('\n')}\n` }, ['log.csv']);
    expect(report.rows.bad).toBe(MAX_LISTED_BAD_ROWS + 5);
    expect(report.badRowCounts['unknown-charter']).toBe(MAX_LISTED_BAD_ROWS + 5);
    expect(report.badRows).toHaveLength(MAX_LISTED_BAD_ROWS);
    expect(report.badRows.at(-1)?.line).toBe(MAX_LISTED_BAD_ROWS + 1);
  });
});

describe('gzip-compressed logs', () => {
  it('reads a .csv.gz log to the same figures as the plain one', async () => {
    const { gzipSync } = await import('node:zlib');
    const plain = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const cwd = writeTree({ ...CHARTERS, 'log.csv.gz': gzipSync(HAND_CHECKED_LOG) });
    const { report: packed } = await makeComplianceReport({ cwd, logs: ['log.csv.gz'], asOf: parseAsOf(AS_OF) as Date, splitMinBytes: 1 });
    expect(packed.commitments).toEqual(plain.commitments);
    expect(packed.badRows.map((bad) => [bad.line, bad.kind])).toEqual(plain.badRows.map((bad) => [bad.line, bad.kind]));
  });

  it('refuses a .gz log that unpacks to more than 100 times its size (one row repeated), before measuring anything', async () => {
    const { gzipSync } = await import('node:zlib');
    const row = 'test-unit,phone,answer,2027-01-11T09:00:00+02:00,2027-01-11T09:00:20+02:00\n';
    const bomb = gzipSync(`charter,channel,commitment,start,end\n${row.repeat(300_000)}`);
    expect(bomb.length).toBeLessThan(200_000);
    const cwd = writeTree({ ...CHARTERS, 'bomb.csv.gz': bomb });
    const measuring = makeComplianceReport({ cwd, logs: ['bomb.csv.gz'], asOf: parseAsOf(AS_OF) as Date });
    await expect(measuring).rejects.toThrow(LogFileError);
    await expect(measuring).rejects.toThrow(/^bomb\.csv\.gz: unpacks to more than 100 times its size \(over 17 MB from 0\.1 MB\).*unpack it first/);
  });

  it('reads a .gz log that compresses like a real one', async () => {
    const { gzipSync } = await import('node:zlib');
    const rows = Array.from({ length: 200_000 }, (_, index) => {
      const second = String(index % 60).padStart(2, '0');
      const minute = String(Math.floor(index / 60) % 60).padStart(2, '0');
      return `test-unit,phone,answer,2027-01-11T09:${minute}:${second}+02:00,2027-01-11T09:${minute}:${second}+02:00,agent-${index % 97},${index}`;
    });
    const packed = gzipSync(`charter,channel,commitment,start,end,agent,ticket\n${rows.join('\n')}\n`);
    const cwd = writeTree({ ...CHARTERS, 'log.csv.gz': packed });
    const { report } = await makeComplianceReport({ cwd, logs: ['log.csv.gz'], asOf: parseAsOf(AS_OF) as Date });
    expect(report.rows.read).toBe(200_000);
  });

  it('refuses a .gz log that is not gzip, as unreadable', async () => {
    await expect(reportOn({ ...CHARTERS, 'log.csv.gz': HAND_CHECKED_LOG }, ['log.csv.gz'])).rejects.toThrow(
      /^log\.csv\.gz: is not gzip-compressed data, though its name ends in \.gz, or it is damaged; rename it or export it again$/,
    );
  });

  it('says when a .gz log is cut short', async () => {
    const { gzipSync } = await import('node:zlib');
    const cut = gzipSync(HAND_CHECKED_LOG).subarray(0, 60);
    await expect(reportOn({ ...CHARTERS, 'log.csv.gz': cut }, ['log.csv.gz'])).rejects.toThrow(/^log\.csv\.gz: is a gzip file cut short/);
  });

  it('reads a gzip log by its first bytes when its name says .csv', async () => {
    const { gzipSync } = await import('node:zlib');
    const plain = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const cwd = writeTree({ ...CHARTERS, 'log.csv': gzipSync(HAND_CHECKED_LOG) });
    const { report: packed } = await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf(AS_OF) as Date, splitMinBytes: 1 });
    expect(packed.commitments).toEqual(plain.commitments);
  });
});

describe('logs that are not UTF-8 text', () => {
  it('reads a UTF-16 log ("Unicode text") by its byte order mark, and refuses one without, naming --encoding', async () => {
    const withMark = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(HAND_CHECKED_LOG, 'utf16le')]);
    const plain = await reportOn({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG }, ['log.csv']);
    const decoded = await reportOn({ ...CHARTERS, 'log.csv': withMark }, ['log.csv']);
    expect(decoded.commitments).toEqual(plain.commitments);
    expect(decoded.input?.logs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: 'comma' });
    const withoutMark = Buffer.from(HAND_CHECKED_LOG, 'utf16le');
    await expect(reportOn({ ...CHARTERS, 'log.csv': withoutMark }, ['log.csv'])).rejects.toThrow(
      /^log\.csv: is not UTF-8 text: it looks like UTF-16 without a byte order mark .*--encoding utf-16le/,
    );
  });
});

describe('the charters behind a report', () => {
  it('are judged on the report’s day, not on the day it is run', async () => {
    // VALID_UNIT's review is due on 2027-09-01.
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT, 'log.csv': 'charter,channel,commitment,start,end\n' });
    const reviewFindings = async (asOf: string): Promise<string[]> => {
      const { charterResults } = await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf(asOf) as Date });
      return charterResults
        .flatMap((result) => result.diagnostics)
        .filter((diagnostic) => diagnostic.ruleId === 'review-due')
        .map((diagnostic) => diagnostic.severity);
    };
    expect(await reviewFindings('2027-01-15T12:00:00+02:00')).toEqual([]);
    expect(await reviewFindings('2027-08-20T12:00:00+03:00')).toEqual(['warning']);
    expect(await reviewFindings('2027-09-02T12:00:00+03:00')).toEqual(['error']);
  });
});
