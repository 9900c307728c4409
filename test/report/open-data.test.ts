import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CsvParser } from '../../src/report/csv.js';
import { formatOpenDataCsv, openDataDcat, openDataRecords } from '../../src/report/format-open-data.js';
import type { CommitmentFigures, ComplianceReport, Figures } from '../../src/model/compliance-report.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { AS_OF, CHARTERS } from '../fixtures/contact-log.js';
import { noBadRows } from '../fixtures/compliance.js';
import { runCli, tempFolder, writeTree } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = ['report', 'charters/sample-events.csv', '--as-of', '2026-11-30'];

/** Texts a spreadsheet would run as formulas, or that break the row. */
const HOSTILE = [
  "-2+3+cmd|' /C calc'!A0",
  '=HYPERLINK("http://evil.example/")',
  '+1',
  '@SUM(A1:A9)',
  '  =1+1',
  '\t=1',
  '\r=1',
  '\uFF1D1+1',
  'a,b',
  'a;b',
  'say "hi"',
  'two\nlines',
];
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const parser = new CsvParser(
    (fields) => records.push(fields),
    (line, column, problem) => {
      throw new Error(`${line}:${column}: ${problem}`);
    },
  );
  parser.push(text.replace(/\r\n/g, '\n'));
  parser.end();
  return records;
}

const FIGURES: Figures = { count: 4, met: 2, missed: 1, pending: 1, shareMet: 2 / 3, status: 'missed', median: 1.5, p90: 2 };

function reportWith(texts: readonly string[]): ComplianceReport {
  const commitments: CommitmentFigures[] = texts.map((text) => ({
    charter: text,
    file: 'charters/x.yaml',
    unitName: { fi: text },
    languages: ['fi'],
    channel: text,
    commitment: text,
    commitmentName: { fi: text },
    line: text,
    lineName: null,
    groups: [text],
    groupNames: [],
    service: text,
    serviceName: text,
    measure: 'within',
    within: text,
    unit: 'working day',
    target: 0.9,
    total: FIGURES,
    months: [{ month: '2027-01', ...FIGURES }],
  }));
  return {
    asOf: '2027-01-15T10:00:00.000Z',
    from: null,
    to: null,
    months: ['2027-01'],
    commitments,
    rows: { read: 0, measured: 0, outsideRange: 0, notStarted: 0, bad: 0 },
    badRowCounts: noBadRows(),
    badRows: [],
    overdueReviews: [],
    unmeasuredCharters: [],
  };
}

describe('open performance data', () => {
  it('gives the figures of the report JSON, per promise for the whole period and each month', async () => {
    const json = await runCli([...SAMPLE, '--format', 'json'], ROOT);
    const report = JSON.parse(json.stdout) as ComplianceReport;
    const out = join(tempFolder(), 'open');
    const result = await runCli([...SAMPLE, '--format', 'open-data', '-o', out, '--site-url', 'https://example.fi/charters'], ROOT);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/wrote performance\.csv, performance\.json, dcat\.jsonld to /);
    const records = JSON.parse(readFileSync(join(out, 'performance.json'), 'utf8')) as Record<string, unknown>[];
    expect(records).toHaveLength(report.commitments.length * (1 + report.months.length));
    let index = 0;
    for (const figures of report.commitments) {
      for (const [period, values] of [['all', figures.total] as const, ...figures.months.map((month) => [month.month, month] as const)]) {
        const record = records[index++] as Record<string, unknown>;
        expect(record.charter).toBe(figures.charter);
        expect(record.period).toBe(period);
        expect(record.volumeMeetingTarget).toBe(values.met);
        expect(record.totalVolume).toBe(values.met + values.missed);
        expect(record.pending).toBe(values.pending);
        expect(record.performance).toBe(values.shareMet === null ? null : Math.round(values.shareMet * 10_000) / 10_000);
        expect(record.targetMet).toBe(values.status === 'no-data' ? null : values.status === 'met' ? 'yes' : 'no');
        expect(record.target).toBe(figures.target);
        expect(record.link).toBe(`https://example.fi/charters/${figures.languages[0]}/${figures.charter}/`);
      }
    }
    const whole = records[0] as Record<string, unknown>;
    expect(whole.periodStart).toBe(`${report.months[0]}-01`);
    expect(records[1]).toMatchObject({ period: '2025-12', periodStart: '2025-12-01', periodEnd: '2025-12-31' });
    expect(whole.unit).toBe('Rakennusvalvonta');

    // The CSV holds the same records, one row each after the header.
    const csv = parseCsv(readFileSync(join(out, 'performance.csv'), 'utf8'));
    expect(csv[0]).toEqual(
      expect.arrayContaining([
        'service',
        'standard',
        'channel',
        'target',
        'volume_meeting_target',
        'total_volume',
        'performance',
        'target_met',
        'period_start',
        'period_end',
        'link',
      ]),
    );
    expect(csv).toHaveLength(records.length + 1);
    const header = csv[0] as string[];
    const row = Object.fromEntries(header.map((name, column) => [name, (csv[1] as string[])[column]]));
    expect(row.total_volume).toBe(String(whole.totalVolume));
    expect(row.target_met).toBe(whole.targetMet);

    // Without -o the CSV goes to standard output.
    const printed = await runCli([...SAMPLE, '--format', 'open-data', '--site-url', 'https://example.fi/charters'], ROOT);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(join(out, 'performance.csv'), 'utf8'));
  });

  it('leaves the link empty without --site-url, and the metadata gives relative file names', async () => {
    const out = join(tempFolder(), 'open');
    const result = await runCli([...SAMPLE, '--format', 'open-data', '-o', out], ROOT);
    expect(result.code).toBe(0);
    const records = JSON.parse(readFileSync(join(out, 'performance.json'), 'utf8')) as { link: string | null }[];
    expect(records.every((record) => record.link === null)).toBe(true);
    const dcat = JSON.parse(readFileSync(join(out, 'dcat.jsonld'), 'utf8')) as Record<string, unknown>;
    const distribution = dcat['dcat:distribution'] as Record<string, { '@id': string }>[];
    expect(distribution.map((file) => file['dcat:downloadURL']?.['@id'])).toEqual(['performance.csv', 'performance.json']);
    expect(dcat['dct:license']).toBeUndefined();
  });

  it('writes DCAT-AP metadata: title and description in the languages, publisher, period, dates, distributions, licence', () => {
    const report = { ...reportWith(['building-control']), from: '2026-01-01', to: '2026-06-30' };
    const dcat = JSON.parse(
      JSON.stringify(
        openDataDcat(report, ['fi', 'sv', 'en', 'se'], {
          siteUrl: 'https://example.fi/c/',
          license: 'https://creativecommons.org/licenses/by/4.0/',
          publisher: { fi: 'Esimerkkilän kaupunki', sv: 'Exempelby stad' },
        }),
      ),
    ) as Record<string, unknown>;
    expect(dcat['@type']).toBe('dcat:Dataset');
    expect((dcat['@context'] as Record<string, string>).dcat).toBe('http://www.w3.org/ns/dcat#');
    expect((dcat['@context'] as Record<string, string>).dct).toBe('http://purl.org/dc/terms/');
    const languages = (key: string) => (dcat[key] as { '@language': string }[]).map((text) => text['@language']);
    expect(languages('dct:title')).toEqual(['fi', 'sv', 'en']);
    expect(languages('dct:description')).toEqual(['fi', 'sv', 'en']);
    expect((dcat['dct:description'] as { '@value': string }[])[0]?.['@value']).toContain('2026-01-01 – 2026-06-30');
    expect((dcat['dcat:keyword'] as unknown[]).length).toBeGreaterThan(3);
    expect(dcat['dct:publisher']).toEqual({
      '@type': 'foaf:Agent',
      'foaf:name': [
        { '@value': 'Esimerkkilän kaupunki', '@language': 'fi' },
        { '@value': 'Exempelby stad', '@language': 'sv' },
      ],
    });
    expect(dcat['dct:temporal']).toMatchObject({
      '@type': 'dct:PeriodOfTime',
      'dcat:startDate': { '@value': '2026-01-01' },
      'dcat:endDate': { '@value': '2026-06-30' },
    });
    expect(dcat['dct:issued']).toEqual({ '@value': '2027-01-15', '@type': 'xsd:date' });
    expect(dcat['dct:modified']).toEqual({ '@value': '2027-01-15', '@type': 'xsd:date' });
    expect(dcat['dct:license']).toEqual({ '@id': 'https://creativecommons.org/licenses/by/4.0/' });
    const distribution = dcat['dcat:distribution'] as Record<string, unknown>[];
    expect(distribution).toHaveLength(2);
    expect(distribution[0]).toMatchObject({
      '@type': 'dcat:Distribution',
      'dcat:downloadURL': { '@id': 'https://example.fi/c/performance.csv' },
      'dcat:accessURL': { '@id': 'https://example.fi/c/performance.csv' },
      'dcat:mediaType': { '@id': 'http://www.iana.org/assignments/media-types/text/csv' },
    });
    expect(distribution[1]).toMatchObject({ 'dcat:mediaType': { '@id': 'http://www.iana.org/assignments/media-types/application/json' } });
  });

  it('leaves out the period when the report has none', () => {
    const report = { ...reportWith([]), months: [] };
    const dcat = openDataDcat(report, ['sv']);
    expect(dcat['dct:temporal']).toBeUndefined();
    expect(dcat['dct:publisher']).toBeUndefined();
    const description = (dcat['dct:description'] as { '@value': string; '@language': string }[])[0];
    expect(description?.['@language']).toBe('sv');
    expect(description?.['@value']).not.toContain('–');
    expect(openDataRecords(report)).toEqual([]);
  });

  it('keeps the CSV safe in a spreadsheet whatever the charters are named', () => {
    const csv = parseCsv(formatOpenDataCsv(openDataRecords(reportWith(HOSTILE))));
    expect(csv).toHaveLength(1 + 2 * HOSTILE.length);
    for (const [index, value] of HOSTILE.entries()) {
      const row = csv[1 + 2 * index] as string[];
      expect(row).toHaveLength(22);
      const shown = FORMULA_START.test(value) ? `'${value}` : value;
      // charter, unit, service, standard, channel, commitment, line, group, service_id
      expect(row.slice(0, 9)).toEqual(Array(9).fill(shown));
      for (const cell of row) expect(FORMULA_START.test(cell)).toBe(false);
    }
  });

  it('writes a hostile unit name from a charter behind a leading quote, end to end', async () => {
    const hostile = edit(
      VALID_UNIT,
      'name: { fi: Testiyksikkö, en: Test Unit }',
      `name: { fi: ${JSON.stringify('=HYPERLINK("http://evil.example/","x")')}, en: Test Unit }`,
    );
    const log = 'charter,channel,commitment,start,end\ntest-unit,email,reply,2027-01-04T10:00:00+02:00,2027-01-05T10:00:00+02:00\n';
    const cwd = writeTree({ ...CHARTERS, 'charters/test-unit.yaml': hostile, 'log.csv': log });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'open-data'], cwd);
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout);
    const units = rows.slice(1).filter((row) => row[0] === 'test-unit');
    expect(units.length).toBeGreaterThan(0);
    for (const row of units) expect(row[1]).toBe(`'=HYPERLINK("http://evil.example/","x")`);
    for (const row of rows) for (const cell of row) expect(FORMULA_START.test(cell)).toBe(false);
  });

  it('leaves no folder behind when the log cannot be read', async () => {
    const cwd = writeTree({ ...CHARTERS });
    const result = await runCli(['report', 'missing.csv', '--as-of', AS_OF, '--format', 'open-data', '-o', 'open'], cwd);
    expect(result.code).toBe(2);
    expect(existsSync(join(cwd, 'open'))).toBe(false);
  });

  it('exits 2 when -o is a file, or --site-url is not an address; never overwrites a charter or a log', async () => {
    const folder = tempFolder();
    const file = join(folder, 'file.txt');
    writeFileSync(file, 'x');
    const notFolder = await runCli([...SAMPLE, '--format', 'open-data', '-o', file], ROOT);
    expect(notFolder.code).toBe(2);
    expect(notFolder.stderr).toMatch(/names a folder/);
    const badUrl = await runCli([...SAMPLE, '--format', 'open-data', '--site-url', 'javascript:alert(1)'], ROOT);
    expect(badUrl.code).toBe(2);
    const elsewhere = await runCli([...SAMPLE, '--format', 'csv', '--license', 'https://example.fi/licence'], ROOT);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toMatch(/--license applies only to --format open-data/);

    const before = readFileSync(join(ROOT, 'charters', 'city-library.yaml'), 'utf8');
    const out = join(folder, 'open');
    mkdirSync(out);
    symlinkSync(join(ROOT, 'charters', 'city-library.yaml'), join(out, 'performance.json'));
    const charter = await runCli([...SAMPLE, '--format', 'open-data', '-o', out], ROOT);
    expect(charter.code).toBe(2);
    expect(lstatSync(join(out, 'performance.json')).isSymbolicLink()).toBe(true);
    expect(charter.stderr).toMatch(/charter/);
    expect(readFileSync(join(ROOT, 'charters', 'city-library.yaml'), 'utf8')).toBe(before);

    const logOut = join(folder, 'log-out');
    mkdirSync(logOut);
    symlinkSync(join(ROOT, 'charters', 'sample-events.csv'), join(logOut, 'performance.csv'));
    const log = await runCli([...SAMPLE, '--format', 'open-data', '-o', logOut], ROOT);
    expect(log.code).toBe(2);
    expect(readFileSync(join(ROOT, 'charters', 'sample-events.csv'), 'utf8')).toMatch(/^charter,channel,commitment,start,end/);
  });
});
