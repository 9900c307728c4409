import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { CHARTERS } from '../fixtures/contact-log.js';
import { runCli, writeTree } from '../helpers.js';

const AS_OF = '2027-02-01T12:00:00+02:00';

/**
 * A phone system's export as Excel in Finland saves it: semicolons, CRLF, a
 * byte order mark, Finnish column names and dates, local times, and a paused
 * column for requests to supplement. Hand-worked (replies within 2 working
 * days; Epiphany 6.1.2027 is a holiday): line 2 is met; line 3 is a working day
 * late but had one paused: met; line 4 is late: missed.
 */
const EXPORT =
  '\uFEFF' +
  [
    'Yksikkö;Kanava;Lupaus;Saapunut;Vastattu;Pysäytetty;Syy',
    'test-unit;email;reply;4.1.2027 10:00;7.1.2027 15:00;;',
    'test-unit;email;reply;12.1.2027 10:00;15.1.2027 9:00;P1D;"lisäselvitys; HL 33 §"',
    'test-unit;email;reply;18.1.2027 10:00;22.1.2027 9:00;;',
  ].join('\r\n') +
  '\r\n';
const MAP = 'charter=Yksikkö,channel=Kanava,commitment=Lupaus,start=Saapunut,end=Vastattu,paused=Pysäytetty,paused_reason=Syy';

describe('charter report on logs as offices export them', () => {
  it('reads a semicolon export with local times, Finnish names and a paused column, and says how it read it', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP, '--format', 'json'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('charter: note: vienti.csv: fields separated by ";" (found from the header), text in utf-8\n');
    const report = JSON.parse(result.stdout) as ComplianceReport;
    const reply = report.commitments.find((figures) => figures.charter === 'test-unit' && figures.channel === 'email' && figures.commitment === 'reply');
    expect(reply?.total).toMatchObject({ count: 3, met: 2, missed: 1, paused: 1 });
    expect(report.input).toEqual({
      logs: [{ file: 'vienti.csv', format: 'csv', delimiter: 'semicolon', delimiterDetected: true, encoding: 'utf-8' }],
      timeZone: 'Europe/Helsinki',
    });
    // One of three rows paused: more than 2 %.
    expect(report.warnings).toMatchObject([{ kind: 'paused-share', charter: 'test-unit', channel: 'email', commitment: 'reply', paused: 1, count: 3 }]);
  });

  it('prints the paused column and the warning in the table, in Finnish', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP, '--locale', 'fi'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^charter: huom.: vienti\.csv: kentät on eroteltu merkillä ";"/);
    expect(result.stdout).toMatch(/pysäytetty/);
    expect(result.stdout).toMatch(/Varoitus: test-unit email reply: 3 rivistä 1 \(33,3 %\) sisälsi pysäytettyä aikaa, yli 2 %/);
  });

  it('puts the warning on standard error with --format csv', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP, '--format', 'csv'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\ncharter: Warning: test-unit email reply: 1 of 3 rows \(33\.3%\) had paused time/);
  });

  it('without --timezone lists every local time as a bad row naming --timezone, and exits 1 with --strict', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--map', MAP, '--strict'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/vienti\.csv:2:\d+: no-time-zone: start: `4\.1\.2027 10:00` has no time zone: give the log's time zone with --timezone/);
  });

  it.each([
    [['--timezone', 'Mars/Olympus_Mons'], /--timezone `Mars\/Olympus_Mons` is not a time zone/],
    [['--delimiter', '"'], /--delimiter must be comma, semicolon, tab or one other character/],
    [['--encoding', 'ebcdic'], /--encoding must be one of utf-8, utf-16le, utf-16be, windows-1252, latin1, not `ebcdic`/],
    [['--map', 'yksikkö=Yksikkö'], /--map: `yksikkö` is not a field of a contact log; the fields are charter, channel/],
  ])('exits 2 on %j', async (options, problem) => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, ...options], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(problem);
    expect(result.stdout).toBe('');
  });

  it('exits 2 on a mapped column the header lacks, listing the header', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--map', 'charter=Yksikko'], cwd);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(/its columns are Yksikkö, Kanava, Lupaus, Saapunut, Vastattu, Pysäytetty, Syy\n$/);
  });

  it('exits 2 on a Windows-1252 export, naming --encoding, and reads it with --encoding windows-1252', async () => {
    const bytes = Buffer.from(EXPORT.slice(1).replace('§', 'S'), 'latin1');
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': bytes });
    const refused = await runCli(['report', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP], cwd);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/looks like Windows-1252 .*give --encoding windows-1252/);
    const read = await runCli(
      ['report', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP, '--encoding', 'windows-1252', '--format', 'json'],
      cwd,
    );
    expect(read.code).toBe(0);
    expect((JSON.parse(read.stdout) as ComplianceReport).rows).toMatchObject({ measured: 3, bad: 0 });
  });

  it('reads the logs of charter build --events the same way', async () => {
    const cwd = writeTree({ ...CHARTERS, 'vienti.csv': EXPORT });
    const result = await runCli(['build', '--events', 'vienti.csv', '--as-of', AS_OF, '--timezone', 'Europe/Helsinki', '--map', MAP, '--out', 'site'], cwd);
    expect(result.stderr).not.toMatch(/no-time-zone|bad/);
    expect(result.code).toBe(0);
  });

  it('refuses the reading options on charter build without --events (exit 2)', async () => {
    const cwd = writeTree(CHARTERS);
    const result = await runCli(['build', '--timezone', 'Europe/Helsinki', '--out', 'site'], cwd);
    expect(result).toMatchObject({ code: 2, stderr: 'charter: --timezone needs --events: it says how the contact logs are read\n' });
  });
});
