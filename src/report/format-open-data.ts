import type { ComplianceReport, CommitmentFigures, ComplianceStatus, Figures } from '../model/compliance-report.js';
import type { Charter, CharterText } from '../model/charter.js';
import { isMessageLocale, type MessageLocale } from '../messages/locale.js';
import { message, renderMessage } from '../messages/message.js';
import { addDays, addMonths } from '../time/calendar-date.js';
import { csvLine } from './format-csv.js';

/**
 * Open performance data: the published figures per promise and period in the
 * layout open-data portals use for service standards (the UK's "service
 * standards / performance data": service, standard, channel, target, volume
 * meeting the target, total volume, performance, target met), as CSV and JSON,
 * with DCAT-AP metadata (JSON-LD) describing both. Pure: the CLI writes the files.
 */

export const OPEN_DATA_FILES = { csv: 'performance.csv', json: 'performance.json', dcat: 'dcat.jsonld' } as const;

export interface OpenDataOptions {
  /** `--site-url`: the guide's public address; links to charter pages and absolute download addresses. */
  readonly siteUrl?: string;
  /** `--license`: the licence's address; without it the metadata names none. */
  readonly license?: string;
  /** The organisation, by language (see publisherNames). */
  readonly publisher?: Readonly<Record<string, string>>;
}

/** One promise over one period: a row of the CSV, an object of the JSON. */
export interface OpenDataRecord {
  readonly charter: string;
  /** The unit's name in the charter's first language. */
  readonly unit: string;
  /** The service's name when the promise is for one, else the unit's. */
  readonly service: string;
  /** The promise: a service promise's name, else its commitment and limit as written (`reply within 2 working days`). */
  readonly standard: string;
  readonly channel: string;
  readonly commitment: string;
  readonly line: string | null;
  /** Customer group ids, separated by spaces; empty: everyone. */
  readonly group: string;
  readonly serviceId: string | null;
  readonly measure: CommitmentFigures['measure'];
  readonly within: string;
  /** Fraction (0.9); for `abandoned`, the most that may be abandoned. */
  readonly target: number;
  /** Contacts that met the promise. */
  readonly volumeMeetingTarget: number;
  /** Contacts decided: met + missed (those still pending are in `pending`). */
  readonly totalVolume: number;
  readonly pending: number;
  /** Share met (met ÷ total volume); null without decided contacts and for average and abandonment promises. */
  readonly performance: number | null;
  /** `yes` or `no` as the report's status says; null without data. */
  readonly targetMet: 'yes' | 'no' | null;
  readonly status: ComplianceStatus;
  /** `all` for the whole period, else the month (YYYY-MM). */
  readonly period: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  /** The charter page in its first language; null without `--site-url`. */
  readonly link: string | null;
}

const HEADER = [
  'charter',
  'unit',
  'service',
  'standard',
  'channel',
  'commitment',
  'line',
  'group',
  'service_id',
  'measure',
  'within',
  'target',
  'volume_meeting_target',
  'total_volume',
  'pending',
  'performance',
  'target_met',
  'status',
  'period',
  'period_start',
  'period_end',
  'link',
];

export function openDataRecords(report: ComplianceReport, options: OpenDataOptions = {}): OpenDataRecord[] {
  const records: OpenDataRecord[] = [];
  const whole = wholePeriod(report);
  for (const figures of report.commitments) {
    records.push(recordOf(figures, figures.total, 'all', whole.start, whole.end, options));
    for (const month of figures.months) records.push(recordOf(figures, month, month.month, `${month.month}-01`, lastDayOf(month.month), options));
  }
  return records;
}

/** The records as CSV, safe to open in a spreadsheet (cells escaped as format-csv.ts does). */
export function formatOpenDataCsv(records: readonly OpenDataRecord[]): string {
  const lines = [csvLine(HEADER)];
  for (const r of records) {
    lines.push(
      csvLine([
        r.charter,
        r.unit,
        r.service,
        r.standard,
        r.channel,
        r.commitment,
        r.line,
        r.group,
        r.serviceId,
        r.measure,
        r.within,
        r.target,
        r.volumeMeetingTarget,
        r.totalVolume,
        r.pending,
        r.performance,
        r.targetMet,
        r.status,
        r.period,
        r.periodStart,
        r.periodEnd,
        r.link,
      ]),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * DCAT-AP metadata for the two files: a dcat:Dataset with its title and
 * description in the charters' languages (those messages are written in),
 * publisher, temporal coverage, issue date and one dcat:Distribution per file.
 */
export function openDataDcat(report: ComplianceReport, languages: readonly string[], options: OpenDataOptions = {}): Record<string, unknown> {
  const locales = metadataLocales(languages);
  const whole = wholePeriod(report);
  const issued = report.asOf.slice(0, 10);
  // A report without rows and without --from/--to has no period to name.
  const description =
    whole.start === null || whole.end === null
      ? message('report.open-data.description-no-period')
      : message('report.open-data.description', { from: whole.start, to: whole.end });
  const inEach = (render: (locale: MessageLocale) => string) => locales.map((locale) => ({ '@value': render(locale), '@language': locale }));
  const distribution = (file: string, mediaType: string, format: string) => {
    const address = downloadAddress(file, options.siteUrl);
    return {
      '@type': 'dcat:Distribution',
      'dct:title': file,
      'dcat:accessURL': { '@id': address },
      'dcat:downloadURL': { '@id': address },
      'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${mediaType}` },
      'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${format}` },
      ...(options.license === undefined ? {} : { 'dct:license': { '@id': options.license } }),
    };
  };
  const publisher = Object.entries(options.publisher ?? {}).map(([lang, name]) => ({ '@value': name, '@language': lang }));
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@type': 'dcat:Dataset',
    'dct:title': inEach((locale) => renderMessage(message('report.open-data.title'), locale)),
    'dct:description': inEach((locale) => renderMessage(description, locale)),
    'dcat:keyword': locales.flatMap((locale) =>
      renderMessage(message('report.open-data.keywords'), locale)
        .split(';')
        .map((word) => ({ '@value': word.trim(), '@language': locale })),
    ),
    ...(publisher.length === 0 ? {} : { 'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': publisher } }),
    ...(whole.start === null || whole.end === null
      ? {}
      : {
          'dct:temporal': {
            '@type': 'dct:PeriodOfTime',
            'dcat:startDate': { '@value': whole.start, '@type': 'xsd:date' },
            'dcat:endDate': { '@value': whole.end, '@type': 'xsd:date' },
          },
        }),
    'dct:issued': { '@value': issued, '@type': 'xsd:date' },
    'dct:modified': { '@value': issued, '@type': 'xsd:date' },
    ...(options.license === undefined ? {} : { 'dct:license': { '@id': options.license } }),
    'dcat:distribution': [distribution(OPEN_DATA_FILES.csv, 'text/csv', 'CSV'), distribution(OPEN_DATA_FILES.json, 'application/json', 'JSON')],
  };
}

/** The organisation's name by language, from the first charter that names one (units share their baseline's). */
export function publisherNames(charters: readonly Charter[]): Record<string, string> {
  const named = charters.find((charter) => charter.unit.organisation !== undefined);
  const organisation = named?.unit.organisation;
  if (!named || !organisation) return {};
  const names: Record<string, string> = {};
  for (const lang of named.languages) {
    const text = organisation.byLanguage[lang];
    if (text && text.lang === lang) names[lang] = text.text;
  }
  if (Object.keys(names).length === 0) names[named.languages[0]] = organisation.fallback.text;
  return names;
}

function recordOf(
  figures: CommitmentFigures,
  values: Figures,
  period: string,
  start: string | null,
  end: string | null,
  options: OpenDataOptions,
): OpenDataRecord {
  const first = figures.languages[0] ?? 'en';
  const unit = textOf(figures.unitName, first);
  return {
    charter: figures.charter,
    unit,
    service: figures.serviceName === null ? unit : textOf(figures.serviceName, first),
    standard: figures.commitmentName === null ? standardOf(figures) : textOf(figures.commitmentName, first),
    channel: figures.channel,
    commitment: figures.commitment,
    line: figures.line,
    group: figures.groups.join(' '),
    serviceId: figures.service,
    measure: figures.measure,
    within: figures.within,
    target: figures.target,
    volumeMeetingTarget: values.met,
    totalVolume: values.met + values.missed,
    pending: values.pending,
    performance: values.shareMet === null ? null : Math.round(values.shareMet * 10_000) / 10_000,
    targetMet: values.status === 'no-data' ? null : values.status === 'met' ? 'yes' : 'no',
    status: values.status,
    period,
    periodStart: start,
    periodEnd: end,
    link:
      options.siteUrl === undefined ? null : new URL(`${encodeURIComponent(first)}/${encodeURIComponent(figures.charter)}/`, withSlash(options.siteUrl)).href,
  };
}

/** The promise in words machines can read alike in every language: the commitment and its limit as written. */
function standardOf(figures: CommitmentFigures): string {
  if (figures.measure === 'average') return `${figures.commitment} on average within ${figures.within}`;
  if (figures.measure === 'abandoned') return `${figures.commitment} abandoned at most ${figures.within}`;
  return `${figures.commitment} within ${figures.within}`;
}

function textOf(text: CharterText, lang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? Object.values(text)[0] ?? '';
}

/** The report's first and last day: --from and --to, else its first and last month's. */
function wholePeriod(report: ComplianceReport): { start: string | null; end: string | null } {
  const firstMonth = report.months[0];
  const lastMonth = report.months[report.months.length - 1];
  return {
    start: report.from ?? (firstMonth === undefined ? null : `${firstMonth}-01`),
    end: report.to ?? (lastMonth === undefined ? null : lastDayOf(lastMonth)),
  };
}

function lastDayOf(month: string): string {
  return addDays(addMonths(`${month}-01`, 1), -1);
}

/** The languages the metadata is written in: the charters' that have wording, else English. */
function metadataLocales(languages: readonly string[]): MessageLocale[] {
  const locales = [...new Set(languages)].filter(isMessageLocale);
  return locales.length === 0 ? ['en'] : locales;
}

function downloadAddress(file: string, siteUrl: string | undefined): string {
  return siteUrl === undefined ? file : new URL(file, withSlash(siteUrl)).href;
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
