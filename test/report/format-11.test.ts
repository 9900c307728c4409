import { describe, expect, it } from 'vitest';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { join } from 'node:path';
import { checkCharters } from '../../src/check.js';
import { indexCommitments } from '../../src/report/commitment-index.js';
import { readWholeLog } from '../../src/report/intake.js';
import { timeWindowAround } from '../../src/report/report-window.js';
import { formatCsv } from '../../src/report/format-csv.js';
import { formatTable } from '../../src/report/format-table.js';
import { parseAsOf } from '../../src/report/as-of.js';
import type { CommitmentFigures, ComplianceReport } from '../../src/model/compliance-report.js';
import type { MessageLocale } from '../../src/messages/locale.js';
import { AS_OF, HEADER, LOG, ROWS, UNIT } from '../fixtures/format-11-log.js';
import { writeTree } from '../helpers.js';

async function reportOn(log: { name: string; text: string }, locale?: MessageLocale): Promise<ComplianceReport> {
  const cwd = writeTree({ 'charters/test-unit.yaml': UNIT, [log.name]: log.text });
  const { report } = await makeComplianceReport({ cwd, logs: [log.name], asOf: parseAsOf(AS_OF) as Date, ...(locale ? { locale } : {}) });
  return report;
}

function find(report: ComplianceReport, where: Partial<CommitmentFigures>): CommitmentFigures {
  const found = report.commitments.filter((entry) =>
    Object.entries(where).every(([key, value]) => JSON.stringify(entry[key as keyof CommitmentFigures]) === JSON.stringify(value)),
  );
  expect(found, JSON.stringify(where)).toHaveLength(1);
  return found[0] as CommitmentFigures;
}

describe('charter report on format 1.1 places: lines, groups, services, complaint stages', () => {
  it('measures each answer variant of a phone line by the row group, an abandoned call missed', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const everyone = find(report, { channel: 'phone', line: 'general', commitment: 'answer', measure: 'within', groups: [] });
    expect(everyone).toMatchObject({ within: '30 seconds', unit: 'second', target: 0.9, lineName: { fi: 'Neuvonta', en: 'Advice' }, service: null });
    expect(everyone.total).toEqual({ count: 4, met: 1, missed: 3, pending: 0, shareMet: 0.25, status: 'missed', median: 50, p90: 90 });
    const businesses = find(report, { channel: 'phone', line: 'general', commitment: 'answer', measure: 'within', groups: ['businesses'] });
    expect(businesses).toMatchObject({ within: '1 minute', unit: 'minute', target: 0.8, groupNames: [{ fi: 'Yritykset', en: 'Businesses' }] });
    expect(businesses.total).toEqual({ count: 1, met: 1, missed: 0, pending: 0, shareMet: 1, status: 'met', median: 0.75, p90: 0.75 });
  });

  it('measures the average speed of answer of answered calls, leaving abandoned ones out', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const average = find(report, { channel: 'phone', line: 'general', measure: 'average' });
    expect(average).toMatchObject({ commitment: 'answer', within: '2 minutes', unit: 'minute', target: 1 });
    // 20 s, 50 s, 45 s and 90 s: 205 s / 4 = 51.25 s = 0.854 min; median (45 + 50) / 2 s = 0.79 min; p90 the 4th of 4.
    expect(average.total).toEqual({ count: 4, met: 4, missed: 0, pending: 0, shareMet: null, status: 'met', median: 0.79, p90: 1.5, mean: 0.85 });
  });

  it('measures the abandonment rate among every call of the line', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const phone = find(report, { channel: 'phone', line: 'general', measure: 'abandoned' });
    expect(phone).toMatchObject({ commitment: 'answer', within: '10%', target: 0.1 });
    // 1 of 5: 20 %, more than 5 points over 10 %.
    expect(phone.total).toEqual({
      count: 5,
      met: 4,
      missed: 1,
      pending: 0,
      shareMet: null,
      status: 'missed',
      median: null,
      p90: null,
      abandoned: 1,
      abandonedShare: 0.2,
    });
    const chat = find(report, { channel: 'chat', measure: 'abandoned' });
    expect(chat).toMatchObject({ line: null, target: 0.15 });
    expect(chat.total).toMatchObject({ count: 3, abandoned: 1, abandonedShare: 1 / 3, status: 'missed' });
    const chatAnswer = find(report, { channel: 'chat', measure: 'within', commitment: 'answer' });
    expect(chatAnswer.total).toEqual({ count: 3, met: 1, missed: 2, pending: 0, shareMet: 1 / 3, status: 'missed', median: 2, p90: 3 });
  });

  it("measures a line's promise for a service, and a call-back in the line's own hours", async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const sami = find(report, { channel: 'phone', line: 'sami', commitment: 'answer' });
    expect(sami).toMatchObject({
      service: 'benefit',
      serviceName: { fi: 'Toimeentulotuki', en: 'Social assistance' },
      lineName: { fi: 'Saamenkielinen palvelu', en: 'Sámi-language service' },
    });
    expect(sami.total).toMatchObject({ count: 1, met: 1, median: 0.67 });
    const callback = find(report, { channel: 'phone', line: 'sami', commitment: 'callback' });
    expect(callback.total).toEqual({ count: 1, met: 1, missed: 0, pending: 0, shareMet: 1, status: 'met', median: 2, p90: 2 });
  });

  it("measures a service's outcome promises by service and group", async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const decision = find(report, { channel: 'services', commitment: 'decision' });
    expect(decision).toMatchObject({ service: 'benefit', line: null, groups: [], within: '7 working days', target: 1 });
    expect(decision.total).toEqual({ count: 2, met: 1, missed: 1, pending: 0, shareMet: 0.5, status: 'missed', median: 8, p90: 9 });
    const urgent = find(report, { channel: 'services', commitment: 'urgent-decision' });
    expect(urgent).toMatchObject({ groups: ['public'], within: 'same working day', unit: 'working hour' });
    expect(urgent.total).toMatchObject({ count: 1, met: 1, median: 6 });
  });

  it('measures a complaint stage by its line, or without one when there is one stage', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const acknowledge = find(report, { channel: 'complaints', line: 'review', commitment: 'acknowledge' });
    expect(acknowledge.lineName).toEqual({ fi: 'Oikaisuvaatimus', en: 'Request for review' });
    expect(acknowledge.total).toEqual({ count: 2, met: 1, missed: 1, pending: 0, shareMet: 0.5, status: 'missed', median: 2, p90: 3 });
    expect(find(report, { channel: 'email', commitment: 'reply' }).total).toMatchObject({ count: 1, pending: 1 });
  });

  it('lists rows of unknown or missing lines, groups, services and outcomes as bad rows, with suggestions', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG });
    const lines = LOG.split('\n');
    /** The 1-based column where field `index` (0-based) of a CSV line starts. */
    const column = (line: number, field: string): number => {
      const fields = (lines[line - 1] as string).split(',');
      const index = HEADER.split(',').indexOf(field);
      return fields.slice(0, index).join(',').length + (index === 0 ? 1 : 2);
    };
    expect(report.badRows.map((bad) => [bad.line, bad.column, bad.kind])).toEqual([
      [7, column(7, 'line'), 'unknown-line'],
      [8, column(8, 'line'), 'unknown-line'],
      [10, column(10, 'service'), 'unknown-service'],
      [11, column(11, 'service'), 'unknown-service'],
      [15, column(15, 'line'), 'unknown-line'],
      [16, column(16, 'outcome'), 'unknown-outcome'],
      [19, column(19, 'group'), 'unknown-group'],
      [20, column(20, 'group'), 'unknown-group'],
      [21, column(21, 'service'), 'unknown-service'],
      [25, column(25, 'line'), 'unknown-line'],
      [26, column(26, 'group'), 'unknown-group'],
    ]);
    expect(column(7, 'line')).toBe(76);
    expect(report.badRows.map((bad) => bad.message)).toEqual([
      "test-unit has several phone lines: give the row's `line` (one of: general, sami)",
      'test-unit has no phone line `genral`; did you mean `general`? (it has: general, sami)',
      "test-unit promises phone line `sami` `answer` only for the services benefit: give the row's `service`",
      'test-unit has no service `benfit`; did you mean `benefit`? (it has: benefit)',
      'test-unit has one chat line, without an id: leave `line` empty (not `x`)',
      '`abandonned` is not an outcome; did you mean `abandoned`? (outcomes: answered, abandoned)',
      "test-unit promises services `benefit` `urgent-decision` only to the customer groups public: give the row's `group`",
      'test-unit promises services `benefit` `urgent-decision` only to the customer groups public, not to `businesses`',
      'test-unit makes no outcome promises for the service `benefits`; did you mean `benefit`? (it has: benefit)',
      'test-unit has no complaints line `apeal` (it has: review)',
      'test-unit has no customer group `busineses`; did you mean `businesses`? (it has: businesses, public)',
    ]);
    expect(report.rows).toEqual({ read: 27, measured: 16, outsideRange: 0, notStarted: 0, bad: 11 });
  });

  it('says what is wrong with a row in Finnish too', async () => {
    const report = await reportOn({ name: 'log.csv', text: LOG }, 'fi');
    const messages = report.badRows.map((bad) => bad.message);
    expect(messages[0]).toBe('palvelulupauksessa test-unit on useita kanavan phone linjoja: anna rivin `line` (jokin näistä: general, sami)');
    expect(messages[1]).toMatch(/tarkoititko `general`\?/);
    expect(messages[5]).toBe('`abandonned` ei ole tulos; tarkoititko `abandoned`? (tulokset: answered, abandoned)');
    expect(messages[10]).toBe(
      'palvelulupauksessa test-unit ei ole asiakasryhmää `busineses`; tarkoititko `businesses`? (sen asiakasryhmät: businesses, public)',
    );
  });

  it('reads the same columns from JSON Lines, in any order, to the same figures', async () => {
    const keys = HEADER.split(',');
    const jsonl = ROWS.map((row) => {
      const values = `test-unit,${row}`.split(',');
      const record = Object.fromEntries(
        keys
          .map((key, index): [string, string] => [key, values[index] ?? ''])
          .filter(([key, value]) => value !== '' || key === 'charter')
          .reverse(),
      );
      return JSON.stringify(record);
    }).join('\n');
    const fromCsv = await reportOn({ name: 'log.csv', text: LOG });
    const fromJsonl = await reportOn({ name: 'log.jsonl', text: `${jsonl}\n` });
    expect(fromJsonl.commitments).toEqual(fromCsv.commitments);
    expect(fromJsonl.badRows.map((bad) => [bad.line + 1, bad.kind])).toEqual(fromCsv.badRows.map((bad) => [bad.line, bad.kind]));
  });

  it('reads the columns in any order from a CSV header', async () => {
    const reordered = LOG.split('\n')
      .map((line) => {
        if (line === '') return line;
        const fields = line.split(',');
        return [...fields.slice(5), ...fields.slice(0, 5)].join(',');
      })
      .join('\n');
    const fromCsv = await reportOn({ name: 'log.csv', text: LOG });
    const shuffled = await reportOn({ name: 'log.csv', text: reordered });
    expect(shuffled.commitments).toEqual(fromCsv.commitments);
    expect(shuffled.badRows.map((bad) => bad.message)).toEqual(fromCsv.badRows.map((bad) => bad.message));
  });

  it('writes the place and the measure at the end of each CSV row, and the mean and abandoned share', async () => {
    const lines = formatCsv(await reportOn({ name: 'log.csv', text: LOG })).split('\r\n');
    expect(lines[0]).toMatch(/,unit,status,measure,line,group,service,mean,abandoned,abandoned_share,paused,few_contacts$/);
    expect(lines).toContain('test-unit,phone,answer,1 minute,0.8,all,1,1,0,0,1,0.75,0.75,minute,met,within,general,businesses,,,,,,1');
    expect(lines).toContain('test-unit,phone,answer,2 minutes,1,all,4,4,0,0,,0.79,1.5,minute,met,average,general,,,0.85,,,,1');
    expect(lines).toContain('test-unit,phone,answer,10%,0.1,all,5,4,1,0,,,,second,missed,abandoned,general,,,,1,0.2,,1');
    expect(lines).toContain('test-unit,services,decision,7 working days,1,all,2,1,1,0,0.5,8,9,working day,missed,within,,,benefit,,,,,1');
    expect(lines).toContain('test-unit,complaints,acknowledge,2 working days,1,all,2,1,1,0,0.5,2,3,working day,missed,within,review,,,,,,,1');
  });

  it('shows the line, whom a promise is for, the average and the abandoned share in the table', async () => {
    const table = formatTable(await reportOn({ name: 'log.csv', text: LOG }), { color: false, timeZone: 'Europe/Helsinki' });
    const rows = table.split('\n');
    expect(rows.find((row) => row.includes('channel') && row.includes('status'))).toMatch(/channel +line +commitment +for +promise/);
    expect(rows.find((row) => row.startsWith('  phone') && row.includes('avg'))).toMatch(
      /phone +general +answer +average 2 minutes +– +4 +4 +0 +0 +avg 0\.85 min +0\.79 min +1\.5 min +met, few contacts$/,
    );
    expect(rows.find((row) => row.startsWith('  phone') && row.includes('abandoned at most'))).toMatch(
      /phone +general +answer +abandoned at most 10% +10% +5 +4 +1 +0 +20% abandoned +– +– +MISSED, few contacts$/,
    );
    expect(rows.find((row) => row.includes('1 minute') && row.includes('businesses'))).toMatch(/phone +general +answer +businesses +1 minute +80%/);
    expect(rows.find((row) => row.startsWith('  services'))).toMatch(/services: benefit +decision +7 working days/);
  });

  it('gives the same figures when a large log is read in two halves on two threads', async () => {
    // The rows 40 times over, each copy a week later (so none repeats another).
    const later = (copy: number) => (_: string, local: string, zone: string) =>
      `${new Date(Date.parse(`${local}Z`) + copy * 7 * 86_400_000).toISOString().slice(0, 19)}${zone}`;
    const copies = Array.from({ length: 40 }, (_, copy) =>
      ROWS.map((row) => `test-unit,${row}`.replace(/(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})/g, later(copy))),
    ).flat();
    const cwd = writeTree({ 'charters/test-unit.yaml': UNIT, 'log.csv': `${[HEADER, ...copies].join('\n')}\n` });
    const units = await checkCharters({ cwd, patterns: ['charters'] });
    const window = timeWindowAround(Date.parse('2027-12-31T12:00:00+02:00'));
    const halves = await readWholeLog(join(cwd, 'log.csv'), 'log.csv', indexCommitments(units), window, 0, { splitMinBytes: 1024 });
    expect(halves.pieces).toBe(2);
    const options = { cwd, logs: ['log.csv'], asOf: parseAsOf('2027-12-31T12:00:00+02:00') as Date };
    const whole = (await makeComplianceReport({ ...options, split: false })).report;
    const split = (await makeComplianceReport({ ...options, splitMinBytes: 1024, countMinBytes: 1024 })).report;
    expect(whole.rows).toMatchObject({ read: 40 * 27, measured: 40 * 16, bad: 40 * 11 });
    expect(split.commitments).toEqual(whole.commitments);
    expect(split.badRows).toEqual(whole.badRows);
    expect(split.rows).toEqual(whole.rows);
  });

  it("counts a line's working hours in its own hours and the charter's holiday calendar", async () => {
    // Sámi line, open Tue and Thu 09–12. Tue 4.5.2027 11:00: 1 h on Tuesday; Thu 6.5 is Ascension Day; Tue 11.5 09–10: due Tue 11.5 10:00.
    // Called back 09:30: met, 1.5 working hours. (Without the holiday it would be due Thu 6.5 10:00: missed.)
    const log = `${HEADER}\ntest-unit,phone,callback,2027-05-04T11:00:00+03:00,2027-05-11T09:30:00+03:00,sami,,,\n`;
    const cwd = writeTree({ 'charters/test-unit.yaml': UNIT, 'log.csv': log });
    const { report } = await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf('2027-05-31T12:00:00+03:00') as Date });
    expect(find(report, { channel: 'phone', line: 'sami', commitment: 'callback' }).total).toEqual({
      count: 1,
      met: 1,
      missed: 0,
      pending: 0,
      shareMet: 1,
      status: 'met',
      median: 1.5,
      p90: 1.5,
    });
  });
});
