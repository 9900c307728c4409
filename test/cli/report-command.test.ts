import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { CliIO } from '../../src/cli/io.js';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import * as FORMAT_11 from '../fixtures/format-11-log.js';
import { runCli, writeTree } from '../helpers.js';

/** The hand-checked log without its duplicate (line 18) and bad rows (lines 21 on): 18 good rows. */
const GOOD_ROWS =
  HAND_CHECKED_LOG.split('\n')
    .filter((_, index) => index !== 17 && index <= 19)
    .join('\n') + '\n';

describe('charter report', () => {
  it('prints a table of figures per charter and commitment, with months beneath, and exits 0', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Compliance as of 2027-01-15 12:00 \(Europe\/Helsinki\)/);
    expect(result.stdout).toMatch(/months 2026-12 to 2027-01/);
    expect(result.stdout).toMatch(/test-unit · Test Unit/);
    const replyLine = result.stdout.split('\n').find((line) => /^\s+email\s+reply\s+2 working days/.test(line));
    // Seven contacts are fewer than the default threshold of 10: the status says so.
    expect(replyLine).toMatch(/90%\s+7\s+4\s+2\s+1\s+66\.6%\s+2 working days\s+3 working days\s+MISSED, few contacts$/);
    expect(result.stdout).toMatch(/\n\s+2027-01\s+90%\s+3\s+2\s+0\s+1\s+100%.*met, few contacts\n/);
    expect(result.stdout).toMatch(/answer\s+30 seconds\s+90%\s+7\s+6\s+1\s+0\s+85\.7%\s+25 s\s+45 s\s+close, few contacts/);
    // The manager's view first: missed promises of every unit, the latest month beside the whole period.
    expect(result.stdout).toMatch(
      /Missed first: promises missed or close in 2027-01 or over the whole period, across all units\n\s+unit\s+promise\s+2027-01\s+whole period\n[\s\S]*?\n\s+test-unit\s+email reply 2 working days\s+met, few contacts\s+MISSED, few contacts\n/,
    );
    expect(result.stdout).toMatch(/18 of 18 rows measured/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours status words on a terminal only', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const tty = await runCli(['report', 'log.csv', '--as-of', AS_OF], cwd, {}, true);
    expect(tty.stdout).toContain('\u001b[31mMISSED, few contacts\u001b[39m');
    expect(tty.stdout).toContain('\u001b[33mclose, few contacts\u001b[39m');
    const noColor = await runCli(['report', 'log.csv', '--as-of', AS_OF], cwd, { NO_COLOR: '1' }, true);
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('lists bad rows on standard error as file:line:col, counts them, and exits 0, or 1 with --strict', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const relaxed = await runCli(['report', 'log.csv', '--as-of', AS_OF], cwd);
    expect(relaxed.code).toBe(0);
    const lines = relaxed.stderr.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^log\.csv:18:1: duplicate: the same contact as line 11/);
    expect(lines[4]).toMatch(/^log\.csv:24:23: no-time-zone: start: `2027-01-04T10:00:00` has no time zone/);
    expect(relaxed.stdout).toMatch(/18 of 26 rows measured, 8 bad/);
    expect(relaxed.stdout).toMatch(
      /Bad rows \(not counted\): malformed 1, unknown-charter 1, unknown-channel 1, unknown-commitment 1, bad-timestamp 1, no-time-zone 1, end-before-start 1, duplicate 1/,
    );
    const strict = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--strict'], cwd);
    expect(strict.code).toBe(1);
    const strictClean = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--strict'], writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS }));
    expect(strictClean.code).toBe(0);
  });

  it('prints JSON with every bad row in the document and nothing on standard error', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as ComplianceReport;
    expect(report.asOf).toBe('2027-01-15T10:00:00.000Z');
    expect(report.badRows).toHaveLength(8);
    expect(report.commitments.length).toBeGreaterThan(10);
  });

  it('prints CSV with a total row and one per month for each commitment', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'csv'], cwd);
    const lines = result.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'charter,channel,commitment,within,target,month,count,met,missed,pending,share_met,median,p90,unit,status,measure,line,group,service,mean,abandoned,abandoned_share,paused,few_contacts',
    );
    expect(lines).toContain('test-unit,email,reply,2 working days,0.9,all,7,4,2,1,0.6667,2,3,working day,missed,within,,,,,,,,1');
    expect(lines).toContain('test-unit,email,reply,2 working days,0.9,2026-12,4,2,2,0,0.5,2,3,working day,missed,within,,,,,,,,1');
    expect(lines).toContain('test-unit,letter,reply,10 working days,0.9,all,0,0,0,0,,,,working day,no-data,within,,,,,,,,0');
  });

  it('writes the report to a file with --output', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json', '-o', 'out.json'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect((JSON.parse(readFileSync(join(cwd, 'out.json'), 'utf8')) as ComplianceReport).rows.measured).toBe(18);
  });

  it('reads a log from standard input as -', async () => {
    const cwd = writeTree(CHARTERS);
    let stdout = '';
    const io: CliIO = {
      stdout: (text) => {
        stdout += text;
      },
      stderr: () => undefined,
      cwd,
      env: {},
      stdoutIsTTY: false,
      stdin: Readable.from([GOOD_ROWS.slice(0, 100), GOOD_ROWS.slice(100)]),
    };
    expect(await run(['report', '-', '--as-of', AS_OF, '--format', 'json'], io)).toBe(0);
    expect((JSON.parse(stdout) as ComplianceReport).rows.measured).toBe(18);
  });

  it.each([
    [['report', 'missing.csv'], /charter: missing\.csv: no such file/],
    [['report', 'log.csv', '--as-of', '2027-01-15T12:00:00'], /--as-of: expected a time with its offset/],
    [['report', 'log.csv', '--from', '2027-02', '--to', '2027-01'], /--from 2027-02 is after --to 2027-01/],
    [['report', 'log.csv', '--from', '2027-13'], /expected a date such as/],
    [['report', 'log.csv', '--from', '0001-01', '--to', '9999-12'], /^charter: --from must lie in the years 1970 to 2199 \(not 0001-01\)\n$/],
    [['report', 'log.csv', '--to', '9999-12'], /^charter: --to must lie in the years 1970 to 2199 \(not 9999-12\)\n$/],
    [['report', 'log.csv', '--as-of', AS_OF, '--from', '2015-01'], /^charter: --from 2015-01-01 is more than 10 years from the as-of time \(2027-01-15\).*\n$/],
    [['report', 'log.csv', '--as-of', '9999-12-31T23:59:59+14:00'], /^charter: --as-of must lie in the years 1970 to 2199 \(not 9999\)\n$/],
    [['report', 'log.csv', '--as-of', '1960-01-01'], /^charter: --as-of must lie in the years 1970 to 2199 \(not 1960\)\n$/],
    [['report', 'log.csv', '--as-of', '0001-01-01'], /^charter: --as-of must lie in the years 1970 to 2199 \(not 1\)\n$/],
    [['report', 'log.csv', '--charters', 'nowhere'], /nowhere/],
    [['report', 'log.csv', '--format', 'xml'], /format/],
    [['report'], /missing required argument/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const result = await runCli(argv, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });

  it('counts a whole --to month and a --from month from its first day', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': GOOD_ROWS });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--from', '2026-12', '--to', '2026-12', '--format', 'json'], cwd);
    const report = JSON.parse(result.stdout) as ComplianceReport;
    expect(report.from).toBe('2026-12-01');
    expect(report.to).toBe('2026-12-31');
    expect(report.months).toEqual(['2026-12']);
  });
});

describe('charter build --events', () => {
  it('measures the charters it builds and adds the dashboard in their languages, listing bad rows', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const result = await runCli(['build', '--no-search', '--today', '2027-01-15', '--events', 'log.csv', '--as-of', AS_OF], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^log\.csv:18:1: duplicate: /m);
    expect(result.stderr).toMatch(/with the compliance dashboard/);
    // The charters are written in Finnish and English: the site, and its dashboard, are published in those.
    for (const lang of ['fi', 'en']) {
      const html = readFileSync(join(cwd, '_site', lang, 'dashboard', 'index.html'), 'utf8');
      expect(html).toContain(`lang="${lang}"`);
      // The charts are on each unit's page; the overview links to it.
      expect(html).toContain('<a href="test-unit/#');
      expect(readFileSync(join(cwd, '_site', lang, 'dashboard', 'test-unit', 'index.html'), 'utf8')).toContain('<svg');
    }
    expect(existsSync(join(cwd, '_site', 'sv', 'dashboard', 'index.html'))).toBe(false);
    const english = readFileSync(join(cwd, '_site', 'en', 'dashboard', 'index.html'), 'utf8');
    expect(english).toMatch(/Test Unit/);
    expect(english).toContain('66.6%');
  });

  it('names each format 1.1 promise by its line, group and service on the dashboard, with the mean and the share abandoned', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11.UNIT, 'log.csv': FORMAT_11.LOG });
    const result = await runCli(['build', '--no-search', '--today', '2027-03-20', '--events', 'log.csv', '--as-of', FORMAT_11.AS_OF], cwd);
    expect(result.code).toBe(0);
    const html = readFileSync(join(cwd, '_site', 'fi', 'dashboard', 'test-unit', 'index.html'), 'utf8');
    expect(html).toContain(
      '<h2 id="unit-test-unit-phone-general-answer-businesses">Puhelin, Neuvonta – puheluihin vastaaminen 1 minuutin kuluessa — Yritykset</h2>',
    );
    expect(html).toContain('Toimeentulotuki – kiireellinen päätös samana työpäivänä — Yksityisasiakkaat');
    expect(html).toContain('keskimäärin 0,85 minuuttia');
    expect(html).toContain('20\u00a0% keskeytyi');
    // No chart of shares in time for the average and the abandonment rate.
    const section = (id: string): string => html.slice(html.indexOf(`<h2 id="${id}">`), html.indexOf('</section>', html.indexOf(`<h2 id="${id}">`)));
    expect(section('unit-test-unit-phone-general-answer-average')).not.toContain('class="trend__chart"');
    expect(section('unit-test-unit-phone-general-answer-abandoned')).not.toContain('class="trend__chart"');
    expect(section('unit-test-unit-phone-general-answer')).toContain('class="trend__chart"');
  });

  it('exits 2, leaving the output folder alone, when a log cannot be read or --as-of comes alone', async () => {
    const cwd = writeTree(CHARTERS);
    const missing = await runCli(['build', '--no-search', '--today', '2027-01-15', '--events', 'missing.csv'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^charter: missing\.csv: no such file\n$/);
    expect(() => readFileSync(join(cwd, '_site', 'fi', 'index.html'))).toThrow();
    const alone = await runCli(['build', '--no-search', '--as-of', AS_OF], cwd);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--as-of needs --events/);
    const far = await runCli(['build', '--no-search', '--events', 'missing.csv', '--as-of', '9999-12-31T23:59:59+14:00'], cwd);
    expect(far.code).toBe(2);
    expect(far.stderr).toBe('charter: --as-of must lie in the years 1970 to 2199 (not 9999)\n');
    expect(() => readFileSync(join(cwd, '_site', 'fi', 'index.html'))).toThrow();
  });
});

describe('charter report on hostile logs', () => {
  it('keeps control characters from the log out of the terminal', async () => {
    const log = ['charter,channel,commitment,start,end', 'test-unit\u001b[2J,email,reply,2027-01-04T10:00:00+02:00,', '{"bad json \u001b[31m'].join('\n');
    const cwd = writeTree({ ...CHARTERS, 'log.csv': log, 'log.jsonl': '{"charter": "\u001b[2J\n{not json \u0007\n' });
    for (const file of ['log.csv', 'log.jsonl']) {
      const result = await runCli(['report', file, '--as-of', AS_OF], cwd);
      expect(result.code).toBe(0);
      expect(result.stderr).toMatch(/:2:1: |:1:1: /);
      expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    }
  });
});

describe('charter report on charters and logs that carry terminal escapes', () => {
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
  const hostileUnit = [
    ['name: { fi: Testiyksikkö, en: Test Unit }', `name: { fi: Testi, en: ${JSON.stringify('Bell\u0007 \u009b31m red \u001b]0;title\u0007')} }`],
    ['next: 2027-09-01', 'next: 2026-12-31'],
    ['name: Liisa Esimerkki', `name: ${JSON.stringify('Liisa \u001b[8m hidden')}`],
  ] as const;
  const unit = hostileUnit.reduce((text, [from, to]) => edit(text, from, to), VALID_UNIT);
  /** An id the schema refuses: the charter is not measured, but its id and file are still shown. */
  const hostileId = edit(VALID_UNIT, 'id: test-unit', `id: ${JSON.stringify('unit\u001b[2J')}`);
  const log = [
    'charter,channel,commitment,start,end',
    '"unit\u001b[2J",email,reply,2027-01-04T10:00:00+02:00,',
    'nobody\u009b2J,email,reply,2027-01-04T10:00:00+02:00,',
  ].join('\n');

  it('prints the table and bad rows with every control character made visible', async () => {
    const cwd = writeTree({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'charters/evil\u001b[31m.yaml': hostileId, 'log\u001b[2J.csv': log });
    const result = await runCli(['report', 'log\u001b[2J.csv', '--as-of', AS_OF], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(CONTROL);
    expect(result.stderr).not.toMatch(CONTROL);
    expect(result.stdout).toContain('test-unit · Bell\\u0007 \\u009b31m red \\u001b]0;title\\u0007');
    expect(result.stdout).toMatch(/Not measured: unit\\u001b\[2J has errors .*; run charter validate charters\/evil\\u001b\[31m\.yaml/);
    expect(result.stdout).toMatch(/Review overdue: test-unit was due 2026-12-31 .*reviewer: Liisa \\u001b\[8m hidden \(head\)/);
    expect(result.stderr).toMatch(/^log\\u001b\[2J\.csv:2:1: unknown-charter: charter unit\\u001b\[2J has errors/m);
    expect(result.stderr).toMatch(/^log\\u001b\[2J\.csv:3:1: unknown-charter: no charter has the id `nobody\\u009b2J`/m);
  });

  it('writes JSON that means the same values with no raw control character', async () => {
    const cwd = writeTree({ ...CHARTERS, 'charters/test-unit.yaml': unit, 'charters/evil.yaml': hostileId, 'log.csv': log });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json'], cwd);
    expect(result.stdout).not.toMatch(CONTROL);
    const report = JSON.parse(result.stdout) as ComplianceReport;
    expect(report.unmeasuredCharters.map((unit) => unit.charter)).toEqual(['unit\u001b[2J']);
    expect(report.overdueReviews[0]?.reviewer?.name).toBe('Liisa \u001b[8m hidden');
    expect(report.badRows[0]?.message).toContain('charter unit\u001b[2J has errors');
    expect(report.badRows[1]?.message).toContain('nobody\\u009b2J');
  });

  it('keeps control characters in a log file name out of a fatal error', async () => {
    const result = await runCli(['report', 'gone\u001b[2J\u009b.csv'], writeTree(CHARTERS));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: gone\\u001b[2J\\u009b.csv: no such file\n');
  });
});

describe('charter report on a gzip bomb', () => {
  it('exits 2 with one line that says what to do, and prints no report', async () => {
    const { gzipSync } = await import('node:zlib');
    const row = 'test-unit,phone,answer,2027-01-11T09:00:00+02:00,2027-01-11T09:00:20+02:00\n';
    const cwd = writeTree({ ...CHARTERS, 'log.csv.gz': gzipSync(`charter,channel,commitment,start,end\n${row.repeat(300_000)}`) });
    const result = await runCli(['report', 'log.csv.gz', '--as-of', AS_OF], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^charter: log\.csv\.gz: unpacks to more than 100 times its size .* unpack it first \(gunzip\) and give the unpacked file\n$/,
    );
  });
});

describe('charter build --events with an empty log', () => {
  it('says there are no contacts instead of drawing empty charts', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': 'charter,channel,commitment,start,end\n' });
    const result = await runCli(['build', '--no-search', '--today', '2027-01-15', '--events', 'log.csv'], cwd);
    expect(result.code).toBe(0);
    const english = readFileSync(join(cwd, '_site', 'en', 'dashboard', 'test-unit', 'index.html'), 'utf8');
    expect(english).toContain('The logs have no contacts.');
    expect(english).not.toContain('class="trend"');
  });
});

describe('charter report on a format 1.1 log', () => {
  it('writes each promise with its place and measure in JSON, and lists bad rows on standard error', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11.UNIT, 'log.csv': FORMAT_11.LOG });
    const result = await runCli(['report', 'log.csv', '--as-of', FORMAT_11.AS_OF, '--format', 'json'], cwd);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ComplianceReport;
    const average = report.commitments.find((entry) => entry.measure === 'average');
    expect(average).toMatchObject({
      charter: 'test-unit',
      channel: 'phone',
      commitment: 'answer',
      line: 'general',
      lineName: { fi: 'Neuvonta', en: 'Advice' },
      groups: [],
      service: null,
      measure: 'average',
      within: '2 minutes',
      total: { mean: 0.85, status: 'met' },
    });
    expect(report.commitments.find((entry) => entry.measure === 'abandoned')?.total).toMatchObject({ abandoned: 1, abandonedShare: 0.2 });
    expect(report.commitments.find((entry) => entry.channel === 'services' && entry.commitment === 'urgent-decision')).toMatchObject({
      service: 'benefit',
      serviceName: { fi: 'Toimeentulotuki', en: 'Social assistance' },
      commitmentName: { fi: 'Kiireellinen päätös', en: 'Urgent decision' },
      groups: ['public'],
      groupNames: [{ fi: 'Yksityisasiakkaat', en: 'Private customers' }],
    });
    expect(report.badRowCounts).toMatchObject({ 'unknown-line': 4, 'unknown-group': 3, 'unknown-service': 3, 'unknown-outcome': 1 });
  });

  it('names the bad rows in the reader’s language', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11.UNIT, 'log.csv': FORMAT_11.LOG });
    const result = await runCli(['report', 'log.csv', '--as-of', FORMAT_11.AS_OF, '--locale', 'sv'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('log.csv:26:');
    expect(result.stderr).toContain('test-unit har ingen kundgrupp `busineses`; menade du `businesses`? (dess kundgrupper: businesses, public)');
  });
});
