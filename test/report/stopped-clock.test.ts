import { describe, expect, it } from 'vitest';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { pauseOfDuration } from '../../src/report/pause.js';
import type { CommitmentFigures, ComplianceReport } from '../../src/model/compliance-report.js';
import { formatTable } from '../../src/report/format-table.js';
import { formatCsv } from '../../src/report/format-csv.js';
import { renderMessage } from '../../src/messages/message.js';
import { CHARTERS } from '../fixtures/contact-log.js';
import { writeTree } from '../helpers.js';

const AS_OF = '2027-02-01T12:00:00+02:00';

async function reportOn(name: string, text: string): Promise<ComplianceReport> {
  const cwd = writeTree({ ...CHARTERS, [name]: text });
  const { report } = await makeComplianceReport({ cwd, logs: [name], asOf: parseAsOf(AS_OF) as Date });
  return report;
}

function figuresOf(report: ComplianceReport, channel: string, commitment: string): CommitmentFigures {
  const found = report.commitments.find((entry) => entry.charter === 'test-unit' && entry.channel === channel && entry.commitment === commitment);
  if (!found) throw new Error(`no figures for ${channel} ${commitment}`);
  return found;
}

const HEADER = 'charter,channel,commitment,start,end,paused,paused_reason';

describe('paused durations (the `paused` column)', () => {
  it('turn a miss into a met in the promise’s own units, and shorten the time taken', async () => {
    // Office hours mon–fri 08–16, Finnish holidays (Epiphany Wed 6.1.2027).
    const log = [
      HEADER,
      // line 2: reply, 2 working days. Mon 4.1 → due end of Thu 7.1; answered Fri 8.1 (3 working days): missed unpaused,
      // met with P1D (one working day: due end of Fri 8.1), taken 3 − 1 = 2.
      'test-unit,email,reply,2027-01-04T10:00:00+02:00,2027-01-08T12:00:00+02:00,P1D,lisäselvityspyyntö (HL 33 §)',
      // line 3: the same row a minute later, without a pause: missed, 3.
      'test-unit,email,reply,2027-01-04T10:01:00+02:00,2027-01-08T12:00:00+02:00,,',
      // line 4: phone answer within 30 s, answered in 45 s with 20 s paused: due at 50 s: met, 25 s.
      'test-unit,phone,answer,2027-01-11T09:00:00+02:00,2027-01-11T09:00:45+02:00,PT20S,',
      // line 5: acknowledge within 4 working hours. Mon 11.1 08:00 → 14:00 is 6 working hours: PT3H moves the
      // deadline from 12:00 to 15:00: met, 3 working hours.
      'test-unit,email,acknowledge,2027-01-11T08:00:00+02:00,2027-01-11T14:00:00+02:00,PT3H,',
      // line 6: reply with hours only: PT4H is rounded up to one working day, as fractional working days are: met.
      'test-unit,email,reply,2027-01-18T10:00:00+02:00,2027-01-21T12:00:00+02:00,PT4H,',
      // line 7: zero paused is no pause: Tue 19.1 → due end of Thu 21.1; answered Thu: met, not counted as paused.
      'test-unit,email,reply,2027-01-19T10:00:00+02:00,2027-01-21T12:00:00+02:00,PT0S,',
    ].join('\n');
    const report = await reportOn('log.csv', log);
    expect(report.rows).toMatchObject({ read: 6, measured: 6, bad: 0 });
    const reply = figuresOf(report, 'email', 'reply');
    expect(reply.total).toMatchObject({ count: 4, met: 3, missed: 1, paused: 2 });
    expect(reply.months[0]).toMatchObject({ month: '2027-01', count: 4, paused: 2 });
    // Times taken: 2 (paused), 3, 2 (3 − 1), 2: median 2.
    expect(reply.total.median).toBe(2);
    expect(figuresOf(report, 'phone', 'answer').total).toMatchObject({ count: 1, met: 1, missed: 0, median: 25, paused: 1 });
    expect(figuresOf(report, 'email', 'acknowledge').total).toMatchObject({ count: 1, met: 1, median: 3, paused: 1 });
    // A promise none of whose rows was paused says nothing of pauses: its figures are as before.
    expect(figuresOf(report, 'letter', 'reply').total).not.toHaveProperty('paused');
  });

  it('moves an open row’s deadline too', async () => {
    // Mon 25.1 → due end of Wed 27.1; open on 1.2: missed unpaused; with P5D due end of Wed 3.2: pending.
    const log = [HEADER, 'test-unit,email,reply,2027-01-25T10:00:00+02:00,,P5D,', 'test-unit,email,reply,2027-01-25T10:05:00+02:00,,,'].join('\n');
    const reply = figuresOf(await reportOn('log.csv', log), 'email', 'reply');
    expect(reply.total).toMatchObject({ count: 2, met: 0, missed: 1, pending: 1, paused: 1 });
  });

  it('are bad rows when they are not ISO 8601 durations, or count months', async () => {
    const log = [HEADER, 'test-unit,email,reply,2027-01-04T10:00:00+02:00,,2 days,', 'test-unit,email,reply,2027-01-04T10:00:00+02:00,,P1M,'].join('\n');
    const report = await reportOn('log.csv', log);
    expect(report.badRows.map((row) => [row.line, row.column, row.kind])).toEqual([
      [2, 50, 'bad-timestamp'],
      [3, 50, 'bad-timestamp'],
    ]);
    expect(report.badRows[0]?.message).toMatch(/paused time `2 days` is not an ISO 8601 duration: write it like PT3H, P2D or P1DT4H/);
    expect(report.badRows[1]?.message).toMatch(/months or years/);
  });

  it('read the ISO 8601 forms', () => {
    expect(pauseOfDuration('P1DT4H')).toEqual({ pause: { days: 1, ms: 4 * 3_600_000, intervals: undefined } });
    expect(pauseOfDuration('P1W')).toEqual({ pause: { days: 7, ms: 0, intervals: undefined } });
    expect(pauseOfDuration('PT1,5H')).toEqual({ pause: { days: 0, ms: 5_400_000, intervals: undefined } });
    expect(pauseOfDuration(' ')).toEqual({ pause: undefined });
    for (const bad of ['P', 'PT', 'P1H', '1D', 'P-1D']) expect(pauseOfDuration(bad)).toHaveProperty('problem');
  });
});

describe('paused intervals (JSON Lines)', () => {
  const row = (start: string, end: string | null, paused: unknown, commitment = 'reply'): string =>
    JSON.stringify({ charter: 'test-unit', channel: 'email', commitment, start, end, paused });

  it('take out the working days or working hours inside them', async () => {
    const log = [
      // Mon 4.1 10:00 → due end of Thu 7.1; answered Fri 8.1: missed unpaused. Paused Tue 5.1 09:00 to Thu 7.1 09:00:
      // the working days it ends on after the day it began are Thu 7.1 (Epiphany is not one): one: due end of Fri 8.1: met.
      row('2027-01-04T10:00:00+02:00', '2027-01-08T12:00:00+02:00', [
        { from: '2027-01-05T09:00:00+02:00', until: '2027-01-07T09:00:00+02:00', reason: 'HL 33 §' },
      ]),
      // acknowledge, 4 working hours: Mon 11.1 08:00 → 14:00 is 6 h. Paused 09:00–12:00 (3 office hours): 3 h: met.
      row('2027-01-11T08:00:00+02:00', '2027-01-11T14:00:00+02:00', [{ from: '2027-01-11T09:00:00+02:00', until: '2027-01-11T12:00:00+02:00' }], 'acknowledge'),
      // Wed 13.1 the same, paused only outside office hours (Tue 18:00 to Wed 07:00) and after the answer: still missed, 6 h.
      row(
        '2027-01-13T08:00:00+02:00',
        '2027-01-13T14:00:00+02:00',
        [
          { from: '2027-01-12T18:00:00+02:00', until: '2027-01-13T07:00:00+02:00' },
          { from: '2027-01-13T15:00:00+02:00', until: '2027-01-14T15:00:00+02:00' },
        ],
        'acknowledge',
      ),
      // Overlapping intervals count once: 09:00–11:00 and 10:00–12:00 are 3 hours, not 4: met at 3 h.
      row(
        '2027-01-12T08:00:00+02:00',
        '2027-01-12T14:00:00+02:00',
        [
          { from: '2027-01-12T09:00:00+02:00', until: '2027-01-12T11:00:00+02:00' },
          { from: '2027-01-12T10:00:00+02:00', until: '2027-01-12T12:00:00+02:00' },
        ],
        'acknowledge',
      ),
      // An interval still open (no until) runs to the answer: Mon 18.1 10:00, paused from Tue 19.1 10:00, answered Fri 22.1:
      // due end of Wed 20.1 unpaused; the pause ends on Fri, and Wed, Thu and Fri follow Tue: 3 working days: due end of Mon 25.1: met.
      row('2027-01-18T10:00:00+02:00', '2027-01-22T12:00:00+02:00', [{ from: '2027-01-19T10:00:00+02:00' }]),
    ].join('\n');
    const report = await reportOn('log.jsonl', `${log}\n`);
    expect(report.rows).toMatchObject({ read: 5, measured: 5, bad: 0 });
    expect(figuresOf(report, 'email', 'reply').total).toMatchObject({ count: 2, met: 2, missed: 0, paused: 2 });
    const acknowledge = figuresOf(report, 'email', 'acknowledge').total;
    expect(acknowledge).toMatchObject({ count: 3, met: 2, missed: 1, paused: 3 });
    // Times taken: 3, 6, 3.
    expect(acknowledge.median).toBe(3);
    expect(acknowledge.p90).toBe(6);
  });

  it('are bad rows when an interval is not an object, has a bad time or ends before it begins', async () => {
    const log = [
      row('2027-01-04T10:00:00+02:00', null, ['P1D']),
      row('2027-01-04T10:00:00+02:00', null, [{ from: 'tomorrow' }]),
      row('2027-01-04T10:00:00+02:00', null, [{ from: '2027-01-05T10:00:00+02:00', until: '2027-01-05T09:00:00+02:00' }]),
      row('2027-01-04T10:00:00+02:00', null, 3),
      row('2027-01-04T10:00:00+02:00', null, [{ from: '2027-01-05 10:00' }]),
    ].join('\n');
    const report = await reportOn('log.jsonl', `${log}\n`);
    expect(report.badRows.map((bad) => bad.kind)).toEqual(['malformed', 'bad-timestamp', 'end-before-start', 'malformed', 'no-time-zone']);
    expect(report.badRows[2]?.message).toMatch(/paused interval 1 ends before it begins/);
    expect(report.badRows[4]?.message).toMatch(/paused interval 1, `from`: .*--timezone/);
  });
});

describe('the share of paused rows', () => {
  /** `count` phone answers in 10 s, `paused` of them with 5 s paused. */
  function answers(count: number, paused: number): string {
    const rows = [HEADER];
    for (let index = 0; index < count; index++) {
      const start = new Date(Date.parse('2027-01-11T07:00:00Z') + index * 60_000);
      const end = new Date(start.getTime() + 10_000);
      rows.push(`test-unit,phone,answer,${start.toISOString()},${end.toISOString()},${index < paused ? 'PT5S' : ''},`);
    }
    return rows.join('\n');
  }

  it('warns when more than 2 % of a promise’s rows were paused, in JSON and the table', async () => {
    const report = await reportOn('log.csv', answers(50, 2));
    expect(report.warnings).toEqual([
      {
        kind: 'paused-share',
        charter: 'test-unit',
        channel: 'phone',
        commitment: 'answer',
        line: null,
        groups: [],
        service: null,
        paused: 2,
        count: 50,
        share: 0.04,
      },
    ]);
    const table = formatTable(report, { color: false, timeZone: 'Europe/Helsinki' });
    expect(table).toMatch(
      /\nWarning: test-unit phone answer: 2 of 50 rows \(4%\) had paused time, more than 2%: check that pausing the clock does not hide missed promises\n/,
    );
    expect(table).toMatch(/share met\s+paused\s+median/);
    expect(formatTable(report, { color: false, timeZone: 'Europe/Helsinki', locale: 'fi' })).toMatch(/Varoitus: test-unit phone answer: 50 rivistä 2 \(4 %\)/);
    const csv = formatCsv(report).split('\r\n');
    expect(csv[0]).toMatch(/,paused,few_contacts$/);
    expect(csv.find((line) => line.startsWith('test-unit,phone,answer,30 seconds,0.9,all,'))).toMatch(
      /^test-unit,phone,answer,30 seconds,0\.9,all,50,50,0,0,1,.*,2,0$/,
    );
  });

  it('does not warn at 2 % or less', async () => {
    const report = await reportOn('log.csv', answers(50, 1));
    expect(report.warnings).toEqual([]);
    expect(figuresOf(report, 'phone', 'answer').total.paused).toBe(1);
  });

  it('says the warning in Finnish and Swedish', () => {
    const warning = { place: 'x', paused: 2, count: 50, share: '4 %', limit: '2 %' };
    expect(renderMessage({ id: 'report.table.paused-warning', values: warning }, 'sv')).toMatch(/^Varning: x: 2 av 50 rader/);
  });
});

describe('a large log read in two halves at once', () => {
  it('gives the same figures, pauses and all, as read in one piece (semicolons and local times too)', async () => {
    const rows = ['charter;channel;commitment;start;end;paused'];
    for (let index = 0; index < 3000; index++) {
      const start = new Date(Date.parse('2027-01-11T06:00:00Z') + index * 60_000);
      const local = (ms: number): string => new Date(ms + 2 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
      rows.push(`test-unit;phone;answer;${local(start.getTime())};${local(start.getTime() + 40_000)};${index % 3 === 0 ? 'PT15S' : ''}`);
    }
    const cwd = writeTree({ ...CHARTERS, 'log.csv': rows.join('\n') });
    const options = { cwd, logs: ['log.csv'], asOf: parseAsOf(AS_OF) as Date, reading: { timeZone: 'Europe/Helsinki' } };
    const whole = (await makeComplianceReport({ ...options, split: false })).report;
    const halves = (await makeComplianceReport({ ...options, split: true, splitMinBytes: 1024, countMinBytes: 1024 })).report;
    // 40 s answers against 30 s: only the rows with 15 s paused are met.
    expect(figuresOf(whole, 'phone', 'answer').total).toMatchObject({ count: 3000, met: 1000, missed: 2000, paused: 1000 });
    expect(halves.commitments).toEqual(whole.commitments);
    expect(halves.input).toEqual(whole.input);
  });
});
