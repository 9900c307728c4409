import { describe, expect, it } from 'vitest';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import type { LogReading } from '../../src/report/log-options.js';
import { parseDelimiter, parseEncoding, parseMap, parseTimeZone } from '../../src/report/log-options.js';
import type { CommitmentFigures, ComplianceReport } from '../../src/model/compliance-report.js';
import { renderMessage } from '../../src/messages/message.js';
import { CHARTERS } from '../fixtures/contact-log.js';
import { writeTree } from '../helpers.js';

/** After both of 2027's clock changes in Helsinki (2027-03-28 03:00→04:00, 2027-10-31 04:00→03:00). */
const AS_OF = '2027-12-01T12:00:00+02:00';

async function reportOn(file: string | Uint8Array, reading: LogReading = {}, name = 'log.csv'): Promise<ComplianceReport> {
  const cwd = writeTree({ ...CHARTERS, [name]: file });
  const { report } = await makeComplianceReport({ cwd, logs: [name], asOf: parseAsOf(AS_OF) as Date, reading });
  return report;
}

function figuresOf(report: ComplianceReport, channel: string, commitment: string): CommitmentFigures {
  const found = report.commitments.find((entry) => entry.charter === 'test-unit' && entry.channel === channel && entry.commitment === commitment);
  if (!found) throw new Error(`no figures for ${channel} ${commitment}`);
  return found;
}

/**
 * Hand-worked: email replies in 2 working days. Mon 4.1.2027 10:00 → due end
 * of Thu 7.1 (Epiphany 6.1 is a holiday); answered Thu 7.1: met. Tue 12.1 →
 * due end of Thu 14.1; answered Fri 15.1: missed.
 */
const COMMA_LOG = [
  'charter,channel,commitment,start,end,note',
  'test-unit,email,reply,2027-01-04T10:00:00+02:00,2027-01-07T15:00:00+02:00,"asked twice, then answered"',
  'test-unit,email,reply,2027-01-12T10:00:00+02:00,2027-01-15T09:00:00+02:00,plain',
].join('\n');

/** The same rows as Excel in Finland saves them: a byte order mark, semicolons, CRLF, a quoted field holding `;` and `"`. */
const EXCEL_LOG =
  '\uFEFF' +
  [
    'charter;channel;commitment;start;end;note',
    'test-unit;email;reply;2027-01-04T10:00:00+02:00;2027-01-07T15:00:00+02:00;"kysytty kahdesti; sitten ""vastattu"""',
    'test-unit;email;reply;2027-01-12T10:00:00+02:00;2027-01-15T09:00:00+02:00;tavallinen',
  ].join('\r\n') +
  '\r\n';

describe('delimiters', () => {
  it('reads a semicolon CSV as Excel writes it (BOM, CRLF, quoted `;`) as the comma one, and says so', async () => {
    const comma = await reportOn(COMMA_LOG);
    const excel = await reportOn(EXCEL_LOG);
    expect(excel.rows).toMatchObject({ read: 2, measured: 2, bad: 0 });
    expect(figuresOf(excel, 'email', 'reply').total).toMatchObject({ count: 2, met: 1, missed: 1 });
    expect(excel.commitments).toEqual(comma.commitments);
    expect(excel.input).toEqual({
      logs: [{ file: 'log.csv', format: 'csv', delimiter: 'semicolon', delimiterDetected: true, encoding: 'utf-8' }],
      timeZone: null,
    });
    expect(comma.input?.logs[0]?.delimiter).toBe('comma');
  });

  it('reads a tab-separated log', async () => {
    const tabbed = COMMA_LOG.replace(/,"asked twice, then answered"/, ',asked twice').replace(/,/g, '\t');
    const report = await reportOn(tabbed);
    expect(report.input?.logs[0]).toMatchObject({ delimiter: 'tab', delimiterDetected: true });
    expect(figuresOf(report, 'email', 'reply').total).toMatchObject({ count: 2, met: 1, missed: 1 });
  });

  it('takes --delimiter over what the header shows, and hints at the right one when the header is one column', async () => {
    const forced = await reportOn(EXCEL_LOG, { delimiter: ';' });
    expect(forced.input?.logs[0]).toMatchObject({ delimiter: 'semicolon', delimiterDetected: false });
    await expect(reportOn(EXCEL_LOG, { delimiter: ',' })).rejects.toThrow(
      /the header has no `charter` column: it was read as separated by comma, but it holds semicolon characters; give --delimiter semicolon/,
    );
    await expect(reportOn(EXCEL_LOG.replace(/;/g, '\t'), { delimiter: ',' })).rejects.toThrow(/give --delimiter tab/);
  });

  it('says a row of one field where the header has several may use another delimiter', async () => {
    const report = await reportOn(`${COMMA_LOG}\ntest-unit;email;reply;2027-01-04T10:00:00+02:00;;\n`);
    expect(report.badRows[0]?.message).toMatch(/has 1 field, the header has 6: .*--delimiter/);
  });

  it('reads --delimiter names and single characters, and refuses a quote', () => {
    expect(parseDelimiter('semicolon')).toEqual({ ok: true, value: ';' });
    expect(parseDelimiter('TAB')).toEqual({ ok: true, value: '\t' });
    expect(parseDelimiter('|')).toEqual({ ok: true, value: '|' });
    const quote = parseDelimiter('"');
    expect(quote.ok ? '' : renderMessage(quote.problem, 'fi')).toMatch(/--delimiter.*comma, semicolon, tab/);
    expect(parseDelimiter(';;').ok).toBe(false);
  });
});

describe('local times with --timezone', () => {
  /**
   * Phone answers within 30 seconds, across both clock changes of 2027 in Helsinki. Wall times
   * skipped in spring (03:00–03:59 on 28.3) and repeated in autumn (03:00–03:59 on 31.10) are bad rows.
   */
  const LOCAL_LOG = [
    'charter,channel,commitment,start,end',
    // line 2: 02:59:50 (+02) to 04:00:10 (+03): 20 seconds of real time: met.
    'test-unit,phone,answer,2027-03-28 02:59:50,2027-03-28 04:00:10',
    // line 3: 03:30 does not exist that night.
    'test-unit,phone,answer,2027-03-28 03:30:00,2027-03-28 04:30:00',
    // line 4: 02:59:50 (+03) to 04:00:10 (+02): two hours and 20 seconds: missed.
    'test-unit,phone,answer,2027-10-31 02:59:50,2027-10-31 04:00:10',
    // line 5: 03:30 happens twice that night.
    'test-unit,phone,answer,2027-10-31 03:30:00,2027-10-31 04:30:00',
    // line 6: the Finnish form, with a dot in the time too: 10 seconds: met.
    'test-unit,phone,answer,2.11.2027 9.00,02.11.2027 09:00:10',
    // line 7: an offset still wins: 25 seconds: met.
    'test-unit,phone,answer,2027-11-03T09:00:00+02:00,2027-11-03 09:00:25',
  ].join('\n');

  it('reads offset-less times as Helsinki times, and refuses the skipped and the repeated ones', async () => {
    const report = await reportOn(LOCAL_LOG, { timeZone: 'Europe/Helsinki' });
    expect(figuresOf(report, 'phone', 'answer').total).toMatchObject({ count: 4, met: 3, missed: 1 });
    expect(report.badRows.map((row) => [row.line, row.kind])).toEqual([
      [3, 'bad-timestamp'],
      [5, 'bad-timestamp'],
    ]);
    expect(report.badRows[0]?.message).toMatch(/`2027-03-28 03:30:00` does not exist in Europe\/Helsinki: the clocks skipped it/);
    expect(report.badRows[1]?.message).toMatch(/`2027-10-31 03:30:00` happens twice in Europe\/Helsinki/);
    expect(report.input?.timeZone).toBe('Europe/Helsinki');
  });

  it('without --timezone makes every offset-less time a bad row that names --timezone', async () => {
    const report = await reportOn(LOCAL_LOG);
    expect(report.badRowCounts['no-time-zone']).toBe(6);
    expect(report.badRows.find((row) => row.line === 6)?.message).toMatch(/`2\.11\.2027 9\.00` has no time zone: give the log's time zone with --timezone/);
  });

  it('names the accepted forms when a date is written in another order', async () => {
    const report = await reportOn('charter,channel,commitment,start,end\ntest-unit,phone,answer,11/02/2027 09:00,\n', { timeZone: 'Europe/Helsinki' });
    expect(report.badRows[0]?.message).toMatch(
      /not a date and time: write it like 2026-11-02T09:00:41\+02:00, or with --timezone like 2026-11-02 09:00 or 2\.11\.2026 9:00/,
    );
    const impossible = await reportOn('charter,channel,commitment,start,end\ntest-unit,phone,answer,31.11.2027 09:00,\n', { timeZone: 'Europe/Helsinki' });
    expect(impossible.badRows[0]?.message).toMatch(/not a real date and time/);
  });

  it('knows IANA zones and refuses others', () => {
    expect(parseTimeZone('europe/helsinki')).toEqual({ ok: true, value: 'Europe/Helsinki' });
    expect(parseTimeZone('Mars/Olympus_Mons').ok).toBe(false);
    expect(parseTimeZone('+02:00').ok).toBe(false);
  });
});

describe('--map', () => {
  const FINNISH_LOG = [
    'Yksikkö;Kanava;Lupaus;Saapunut;Vastattu;Odotus asiakkaalta',
    'test-unit;email;reply;4.1.2027 10:00;7.1.2027 15:00;',
    'test-unit;email;reply;12.1.2027 10:00;15.1.2027 9:00;P1D',
  ].join('\n');
  const MAP = 'charter=Yksikkö,channel=Kanava,commitment=Lupaus,start=Saapunut,end=Vastattu,paused="Odotus asiakkaalta"';

  it('reads a log with Finnish column names, spaces and quotes in them', async () => {
    const map = parseMap(MAP);
    expect(map).toMatchObject({ ok: true, value: { charter: 'Yksikkö', paused: 'Odotus asiakkaalta' } });
    const report = await reportOn(FINNISH_LOG, { timeZone: 'Europe/Helsinki', ...(map.ok ? { map: map.value } : {}) });
    // The second reply is a working day late, and a working day was paused: both met.
    expect(figuresOf(report, 'email', 'reply').total).toMatchObject({ count: 2, met: 2, missed: 0, paused: 1 });
  });

  it('matches names whatever their case and whichever way ä is written', async () => {
    const decomposed = FINNISH_LOG.replace('Yksikkö', 'YKSIKKO\u0308');
    const map = parseMap(MAP);
    const report = await reportOn(decomposed, { timeZone: 'Europe/Helsinki', ...(map.ok ? { map: map.value } : {}) });
    expect(report.rows.measured).toBe(2);
  });

  it('refuses a mapped column the header lacks, listing the columns it has', async () => {
    await expect(reportOn(FINNISH_LOG, { map: { charter: 'Yksikko', channel: 'Kanava' } })).rejects.toThrow(
      /--map reads `charter` from the column `Yksikko`, but the header has no such column; its columns are Yksikkö, Kanava, Lupaus, Saapunut, Vastattu, Odotus asiakkaalta/,
    );
  });

  it('refuses unknown fields and pairs without `=`', () => {
    const unknown = parseMap('yksikkö=Yksikkö');
    expect(unknown.ok ? '' : renderMessage(unknown.problem, 'en')).toMatch(/`yksikkö` is not a field of a contact log; the fields are charter, channel/);
    expect(parseMap('charter').ok).toBe(false);
    expect(parseMap('start="Saapunut').ok).toBe(false);
    expect(parseMap('start=A,start=B').ok).toBe(false);
    expect(parseMap('start="Saapunut, klo"')).toEqual({ ok: true, value: { start: 'Saapunut, klo' } });
  });

  it('maps the keys of JSON Lines too', async () => {
    const line = JSON.stringify({ Yksikkö: 'test-unit', Kanava: 'email', Lupaus: 'reply', Saapunut: '2027-01-04T10:00:00+02:00', Vastattu: null });
    const map = parseMap('charter=Yksikkö,channel=Kanava,commitment=Lupaus,start=Saapunut,end=Vastattu');
    const report = await reportOn(`${line}\n`, map.ok ? { map: map.value } : {}, 'log.jsonl');
    expect(report.rows).toMatchObject({ measured: 1, bad: 0 });
  });
});

describe('encodings', () => {
  const CP1252 = Buffer.from(
    'Yksikkö;Kanava;Lupaus;Saapunut;Vastattu\r\ntest-unit;email;reply;2027-01-04T10:00:00+02:00;2027-01-07T15:00:00+02:00\r\n',
    'latin1',
  );
  const map = { charter: 'Yksikkö', channel: 'Kanava', commitment: 'Lupaus', start: 'Saapunut', end: 'Vastattu' };

  it('refuses a Windows-1252 file, saying what it looks like and naming --encoding', async () => {
    await expect(reportOn(CP1252, { map })).rejects.toThrow(
      /^log\.csv: is not UTF-8 text: byte 0xF6 on line 1 is not UTF-8; the file looks like Windows-1252 .*, in which that byte is ö: give --encoding windows-1252/,
    );
  });

  it('reads it with --encoding windows-1252', async () => {
    const report = await reportOn(CP1252, { map, encoding: 'windows-1252' });
    expect(report.rows).toMatchObject({ measured: 1, bad: 0 });
    expect(report.input?.logs[0]).toMatchObject({ encoding: 'windows-1252', delimiter: 'semicolon' });
  });

  it('reads a UTF-16 LE file with a BOM, semicolons and local times', async () => {
    const text = '\uFEFFcharter;channel;commitment;start;end\r\ntest-unit;email;reply;4.1.2027 10:00;7.1.2027 15:00\r\n';
    const report = await reportOn(Buffer.from(text, 'utf16le'), { timeZone: 'Europe/Helsinki' });
    expect(report.rows).toMatchObject({ measured: 1, bad: 0 });
    expect(report.input?.logs[0]).toMatchObject({ encoding: 'utf-16le', delimiter: 'semicolon' });
  });

  it('reads a UTF-16 BE file by its BOM, and a forced utf-16le one without', async () => {
    const text = 'charter,channel,commitment,start,end\ntest-unit,email,reply,2027-01-04T10:00:00+02:00,\n';
    const bigEndian = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    expect((await reportOn(bigEndian)).rows.measured).toBe(1);
    expect((await reportOn(Buffer.from(text, 'utf16le'), { encoding: 'utf-16le' })).rows.measured).toBe(1);
  });

  it('reads --encoding names', () => {
    expect(parseEncoding('UTF8')).toEqual({ ok: true, value: 'utf-8' });
    expect(parseEncoding('cp1252')).toEqual({ ok: true, value: 'windows-1252' });
    expect(parseEncoding('ebcdic').ok).toBe(false);
  });
});
