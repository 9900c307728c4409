import { beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { BAD_ROW_KINDS } from '../../src/model/compliance-report.js';
import { buildDashboardView, chartDescription, commitmentName, numberFormats, TREND_MONTHS, type DashboardContext } from '../../src/view/dashboard-view.js';
import type { DashboardCommitmentView, DashboardView, SiteLanguage } from '../../src/view/view-model.js';
import { complianceReport, EMAIL_REPLY, shortReport } from '../fixtures/compliance.js';
import * as FORMAT_11 from '../fixtures/format-11-log.js';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import { writeTree } from '../helpers.js';

const NBSP = '\u00a0';
const SITE_CHARTERS = new Set(['building-control', 'city-library', 'registry-office']);
const context: DashboardContext = { charterUrlOf: (id, lang) => (SITE_CHARTERS.has(id) ? `/${lang}/${id}/` : undefined) };

function dashboard(lang: SiteLanguage, report: ComplianceReport = complianceReport()): DashboardView {
  return buildDashboardView(report, lang, context);
}

function commitment(view: DashboardView, charter: string, id: string): DashboardCommitmentView {
  const found = view.units.find((unit) => unit.id === charter)?.commitments.find((entry) => entry.id === `unit-${charter}-${id}`);
  if (!found) throw new Error(`no commitment ${charter} ${id}`);
  return found;
}

describe('the current status of each commitment', () => {
  it('is the status of the report’s last month, named with the month (still running on the as-of day)', () => {
    const view = dashboard('en', { ...complianceReport(), asOf: '2026-12-01T08:00:00Z' });
    expect(view.latestMonth).toBe('November 2026');
    const statuses = view.units.flatMap((unit) => unit.commitments.map((entry) => [entry.id, entry.latest.status.key, entry.latest.month]));
    expect(statuses).toEqual([
      ['unit-building-control-phone-answer', 'met', 'November 2026'],
      ['unit-building-control-email-reply', 'missed', 'November 2026'],
      ['unit-building-control-counter-wait', 'close', 'November 2026'],
      ['unit-city-library-email-reply', 'no-data', 'November 2026'],
      ['unit-city-library-feedback-respond', 'no-data', 'November 2026'],
      ['unit-registry-office-phone-answer', 'met', 'November 2026'],
    ]);
  });

  it('marks the latest month as still running when the report is as of a day in it', () => {
    // The fixture is as of 30 November 2026, 23:59 in Helsinki.
    expect(dashboard('en').latestMonth).toBe('November 2026, so far');
    expect(dashboard('fi').latestMonth).toBe('marraskuu 2026, tähän mennessä');
    expect(dashboard('sv').latestMonth).toBe('november 2026, hittills');
    expect(commitment(dashboard('en'), 'building-control', 'email-reply').latest.month).toBe('November 2026, so far');
  });

  it('is not the whole period’s status: the email reply missed November but was close over the period', () => {
    const reply = commitment(dashboard('en'), 'building-control', 'email-reply');
    expect(reply.latest).toEqual({
      month: 'November 2026, so far',
      iso: '2026-11',
      status: { key: 'missed', label: 'Missed' },
      share: '73.5% in time',
      few: false,
    });
    expect(reply.total).toEqual({ status: { key: 'close', label: 'Close to target' }, share: '89.9% in time', contacts: '545 contacts', few: false });
    expect(reply.target).toBe('90%');
  });

  it('says so when nothing was decided, even with open contacts', () => {
    const feedback = commitment(dashboard('fi'), 'city-library', 'feedback-respond');
    expect(feedback.latest.status).toEqual({ key: 'no-data', label: 'Ei tietoja' });
    expect(feedback.latest.share).toBe('Ei ratkaistuja yhteydenottoja');
    expect(feedback.table.rows.at(-1)).toMatchObject({ count: '3', pending: '3', status: { key: 'no-data' } });
    expect(feedback.table.rows.at(-1)).not.toHaveProperty('shareMet');
    expect(feedback.table.rows.at(-1)).not.toHaveProperty('median');
  });

  it('has status words in every language', () => {
    expect(dashboard('fi').summary.statuses.map((entry) => entry.status.label)).toEqual([
      'Tavoite saavutettu',
      'Lähellä tavoitetta',
      'Tavoite alittui',
      'Ei tietoja',
    ]);
    expect(dashboard('sv').summary.statuses.map((entry) => entry.status.label)).toEqual(['Målet nåddes', 'Nära målet', 'Under målet', 'Inga uppgifter']);
    expect(dashboard('en').summary.statuses.map((entry) => entry.status.label)).toEqual(['Met', 'Close to target', 'Missed', 'No data']);
  });
});

describe('the summary', () => {
  it('counts commitments by their current status, rows measured and bad rows by kind', () => {
    const report = complianceReport();
    const { summary } = dashboard('en', report);
    expect(summary.statuses.map((entry) => [entry.status.key, entry.count])).toEqual([
      ['met', '2'],
      ['close', '1'],
      ['missed', '1'],
      ['no-data', '2'],
    ]);
    expect(summary.commitments).toBe('6');
    expect(summary.measured).toBe(new Intl.NumberFormat('en').format(report.rows.measured));
    expect(summary.measured).toMatch(/^\d{1,2},\d{3}$/);
    expect(summary.badRows).toBe('6');
    // Only kinds that occurred, in the model's order.
    expect(summary.badRowKinds).toEqual([
      { label: 'Unreadable row', count: '2' },
      { label: 'Unknown channel', count: '3' },
      { label: 'Duplicate row', count: '1' },
    ]);
    expect(summary.badRowsNote).toEqual({ before: 'The command ', command: 'charter report', after: ' lists each of them with its file and line.' });
  });

  it('points to `charter report` in every language, and leaves the note out without bad rows', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) expect(dashboard(lang).summary.badRowsNote?.command, lang).toBe('charter report');
    const clean = complianceReport();
    const withoutBadRows: ComplianceReport = {
      ...clean,
      rows: { ...clean.rows, bad: 0 },
      badRowCounts: Object.fromEntries(BAD_ROW_KINDS.map((kind) => [kind, 0])) as ComplianceReport['badRowCounts'],
      badRows: [],
    };
    const { summary } = dashboard('fi', withoutBadRows);
    expect(summary.badRows).toBe('0');
    expect(summary.badRowKinds).toEqual([]);
    expect(summary).not.toHaveProperty('badRowsNote');
  });

  it('gives the as-of time in the office’s time zone and the period in months', () => {
    expect(dashboard('fi').asOf).toEqual({ text: '30.11.2026 klo 23.59', iso: '2026-11-30T21:59:00Z' });
    expect(dashboard('sv').asOf.text).toBe('30.11.2026 kl. 23.59');
    expect(dashboard('en').asOf.text).toBe('30 November 2026 at 23:59');
    expect(dashboard('fi').period).toBe('lokakuu 2025 – marraskuu 2026');
    expect(dashboard('sv').period).toBe('oktober 2025 – november 2026');
    expect(dashboard('en').period).toBe('October 2025 – November 2026');
  });

  it('lists overdue reviews with the unit, due date, days overdue and reviewer', () => {
    expect(dashboard('fi').overdueReviews).toEqual([
      {
        unit: { text: 'Kirjaamo', lang: 'fi', foreign: false },
        url: '/fi/registry-office/',
        due: { date: '1.10.2026', iso: '2026-10-01' },
        overdueBy: '60 päivää',
        reviewer: { text: 'Johan Nyström', lang: 'fi', foreign: false },
      },
      {
        unit: { text: 'Kaupunginkirjasto', lang: 'fi', foreign: false },
        url: '/fi/city-library/',
        due: { date: '29.11.2026', iso: '2026-11-29' },
        overdueBy: '1 päivä',
      },
    ]);
    expect(dashboard('en').overdueReviews.map((review) => review.overdueBy)).toEqual(['60 days', '1 day']);
    expect(dashboard('sv').overdueReviews.map((review) => [review.unit.text, review.due.date, review.overdueBy])).toEqual([
      ['Registratorskontoret', '1.10.2026', '60 dagar'],
      ['Stadsbiblioteket', '29.11.2026', '1 dag'],
    ]);
  });
});

describe('units', () => {
  it('are sorted by name in the page language, with a link to the charter page when the site has one', () => {
    expect(dashboard('fi').units.map((unit) => [unit.name.text, unit.url])).toEqual([
      ['Kaupunginkirjasto', '/fi/city-library/'],
      ['Kirjaamo', '/fi/registry-office/'],
      ['Rakennusvalvonta', '/fi/building-control/'],
    ]);
    expect(dashboard('en').units.map((unit) => unit.name.text)).toEqual(['Building Control', 'City Library', 'Registry Office']);
    expect(dashboard('sv').units.map((unit) => unit.name.text)).toEqual(['Byggnadstillsyn', 'Registratorskontoret', 'Stadsbiblioteket']);
  });

  it('take a plain-string name in the charter’s first language, and have no link to a page the site lacks', () => {
    const report = complianceReport();
    const archive = { ...EMAIL_REPLY, charter: 'archive', file: 'charters/archive.yaml', unitName: 'Arkivet', languages: ['sv', 'fi'] };
    const view = dashboard('en', { ...report, commitments: [...report.commitments, archive] });
    const unit = view.units.find((entry) => entry.id === 'archive');
    expect(unit?.name).toEqual({ text: 'Arkivet', lang: 'sv', foreign: true });
    expect(unit).not.toHaveProperty('url');
    const partial = { ...EMAIL_REPLY, charter: 'partial', unitName: { sv: 'Delvis', fi: 'Osittain' }, languages: ['fi', 'sv'] };
    expect(dashboard('en', { ...report, commitments: [partial] }).units[0]?.name).toEqual({ text: 'Osittain', lang: 'fi', foreign: true });
  });
});

describe('commitment names', () => {
  it('read naturally in every language, with the words of the charter page', () => {
    const names = (lang: SiteLanguage) => dashboard(lang).units.flatMap((unit) => unit.commitments.map((entry) => entry.name));
    expect(names('en')).toEqual([
      'Phone – answering calls within 30 seconds',
      'Email – reply within 3 working days',
      'Service point – waiting time at most 15 minutes',
      'Email – reply within 2 working days',
      'Feedback – response within 10 working days',
      'Phone – answering calls within 30 seconds',
    ]);
    // In Finnish, Kaupunginkirjasto comes before Rakennusvalvonta.
    expect(names('fi')).toEqual([
      'Sähköposti – vastaus 2 työpäivän kuluessa',
      'Palaute – vastaus palautteeseen 10 työpäivän kuluessa',
      'Puhelin – puheluihin vastaaminen 30 sekunnin kuluessa',
      'Puhelin – puheluihin vastaaminen 30 sekunnin kuluessa',
      'Sähköposti – vastaus 3 työpäivän kuluessa',
      'Palvelupiste – odotusaika enintään 15 minuuttia',
    ]);
    expect(names('sv')).toEqual([
      'Telefon – svar på samtal inom 30 sekunder',
      'E-post – svar inom 3 arbetsdagar',
      'Servicepunkt – väntetid högst 15 minuter',
      'Telefon – svar på samtal inom 30 sekunder',
      'E-post – svar inom 2 arbetsdagar',
      'Respons – svar inom 10 arbetsdagar',
    ]);
  });

  it('name a letter acknowledgement, a promise for the same working day and one kept immediately', () => {
    expect(commitmentName({ channel: 'letter', commitment: 'acknowledge', within: 'same working day' }, 'en')).toBe(
      'Post – confirmation of receipt the same working day',
    );
    expect(commitmentName({ channel: 'letter', commitment: 'acknowledge', within: 'same working day' }, 'fi')).toBe(
      'Posti – vastaanottokuittaus samana työpäivänä',
    );
    expect(commitmentName({ channel: 'counter', commitment: 'wait', within: 'immediately' }, 'sv')).toBe('Servicepunkt – väntetid genast');
    expect(commitmentName({ channel: 'letter', commitment: 'reply', within: '1 year' }, 'fi')).toBe('Posti – vastaus 1 vuoden kuluessa');
  });

  it('give the time taken in the unit it is measured in: working hours, seconds, years', () => {
    expect(numberFormats('fi').duration(2.5, 'working hour')).toBe('2,5 työtuntia');
    expect(numberFormats('sv').duration(40, 'second')).toBe('40 sekunder');
    expect(numberFormats('en').duration(1, 'year')).toBe('1 year');
  });

  it('fall back to the words as written for a slot or duration the site does not know', () => {
    expect(commitmentName({ channel: 'fax', commitment: 'answer', within: 'soon' }, 'en')).toBe('fax – answer soon');
  });
});

describe('the trend chart', () => {
  it('shows the last 12 months of the report, with a year under the first month and each January', () => {
    const { chart } = commitment(dashboard('en'), 'building-control', 'email-reply');
    expect(chart.months).toHaveLength(TREND_MONTHS);
    expect(chart.months.map((month) => month.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(chart.months.map((month) => month.label).slice(0, 3)).toEqual(['Dec', 'Jan', 'Feb']);
    expect(chart.months.filter((month) => month.yearLabel).map((month) => [month.month, month.yearLabel])).toEqual([
      ['2025-12', '2025'],
      ['2026-01', '2026'],
    ]);
    expect(commitment(dashboard('fi'), 'building-control', 'email-reply').chart.months[0]?.label).toBe('joulu');
  });

  it('draws each decided month as a bar as tall as its share, and an empty month as a gap', () => {
    const { chart } = commitment(dashboard('en'), 'building-control', 'email-reply');
    const plotHeight = chart.plot.bottom - chart.plot.top;
    const months = new Map(EMAIL_REPLY.months.map((month) => [month.month, month]));
    for (const point of chart.months) {
      const figures = months.get(point.month);
      if (figures?.shareMet === null) {
        expect(point.bar, point.month).toBeUndefined();
        expect(point.gap?.cy, point.month).toBeLessThan(chart.plot.bottom);
        continue;
      }
      expect(point.bar, point.month).toBeDefined();
      expect(point.bar?.height ?? 0).toBeCloseTo(plotHeight * (figures?.shareMet ?? 0), 0);
      expect((point.bar?.y ?? 0) + (point.bar?.height ?? 0)).toBeCloseTo(chart.plot.bottom, 5);
      expect(point.bar?.x ?? 0).toBeGreaterThanOrEqual(chart.plot.left);
      expect((point.bar?.x ?? 0) + (point.bar?.width ?? 0)).toBeLessThanOrEqual(chart.plot.right);
    }
    expect(chart.months.find((month) => month.month === '2026-07')).toMatchObject({ status: 'no-data', gap: { r: 4 } });
  });

  it('marks missed months with a cross and close months with a triangle, met months with neither', () => {
    const { chart } = commitment(dashboard('en'), 'building-control', 'email-reply');
    const markers = chart.months.filter((month) => month.marker).map((month) => [month.month, month.status, month.marker?.kind]);
    expect(markers).toEqual([
      ['2025-12', 'missed', 'cross'],
      ['2026-04', 'close', 'triangle'],
      ['2026-11', 'missed', 'cross'],
    ]);
    for (const month of chart.months) if (month.marker) expect(month.marker.path).toMatch(/^M[\d. LMZ]+$/);
  });

  it('puts the target line at the target’s height, labelled, with gridlines from 0 to 100 %', () => {
    const { chart } = commitment(dashboard('fi'), 'building-control', 'counter-wait');
    expect(chart.target.y).toBeCloseTo(chart.plot.bottom - (chart.plot.bottom - chart.plot.top) * 0.85, 0);
    expect(chart.target.label).toBe(`Tavoite 85${NBSP}%`);
    // The drawing holds the plot, with room above a full bar for its marker.
    expect(chart.viewBox).toBe(`${chart.plot.left} ${chart.plot.top - 14} ${chart.plot.right - chart.plot.left} ${chart.plot.bottom - chart.plot.top + 18}`);
    expect(chart.gridlines.map((line) => line.label)).toEqual([`0${NBSP}%`, `25${NBSP}%`, `50${NBSP}%`, `75${NBSP}%`, `100${NBSP}%`]);
    expect(chart.gridlines[0]?.y).toBe(chart.plot.bottom);
    expect(chart.gridlines.at(-1)?.y).toBe(chart.plot.top);
  });

  it('shows as many months as a shorter report has', () => {
    const view = dashboard('en', shortReport(3));
    const { chart, table } = commitment(view, 'building-control', 'email-reply');
    expect(chart.months.map((month) => month.month)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(table.rows.map((row) => row.label)).toEqual(['September 2026', 'October 2026', 'November 2026']);
    expect(chart.title).toBe('Building Control, Email – reply within 3 working days: share handled in time by month, September 2026 – November 2026');
    // Wider slots, but the bars stay inside the plot.
    for (const month of chart.months) expect((month.bar?.x ?? 0) + (month.bar?.width ?? 0)).toBeLessThanOrEqual(chart.plot.right);
  });

  it('gives every chart on the page its own id, and every chart and table its own name, also for the same promise in two units (phone answer)', () => {
    const view = dashboard('en');
    const commitments = view.units.flatMap((unit) => unit.commitments);
    // The two units with the same phone promise are both here, or the test would prove nothing.
    expect(commitments.filter((entry) => entry.chart.title.includes('Phone – answer'))).toHaveLength(2);
    const unique = (values: string[]): void => expect(new Set(values).size, values.join('\n')).toBe(values.length);
    unique(commitments.map((entry) => entry.chart.id));
    unique(commitments.map((entry) => entry.chart.title));
    unique(commitments.map((entry) => entry.table.caption));
    unique(commitments.map((entry) => entry.id));
    for (const entry of commitments) expect(entry.chart.id).toMatch(/^trend-\d+$/);
  });
});

describe('the chart in words', () => {
  it('names the chart and summarises it: target, months met, gaps, lowest and latest', () => {
    const en = commitment(dashboard('en'), 'building-control', 'email-reply').chart;
    expect(en.title).toBe('Building Control, Email – reply within 3 working days: share handled in time by month, December 2025 – November 2026');
    expect(en.description).toBe(
      'Target 90%. Met in 8 of 11 months with data. No data for 1 month. Lowest 71% in December 2025. Latest 73.5% in November 2026. The figures are in the table below the chart.',
    );
    const fi = commitment(dashboard('fi'), 'building-control', 'email-reply').chart;
    expect(fi.title).toBe(
      'Rakennusvalvonta, Sähköposti – vastaus 3 työpäivän kuluessa: ajallaan hoidettujen osuus kuukausittain, joulukuu 2025 – marraskuu 2026',
    );
    expect(fi.description).toBe(
      `Tavoite 90${NBSP}%. Tavoite saavutettiin 8 kuukautena 11 kuukaudesta, joilta on tietoja. 1 kuukaudelta ei ole tietoja. Alin osuus 71${NBSP}% (joulukuu 2025). Viimeisin 73,5${NBSP}% (marraskuu 2026). Luvut ovat kaavion alla olevassa taulukossa.`,
    );
    const sv = commitment(dashboard('sv'), 'building-control', 'email-reply').chart;
    expect(sv.description).toBe(
      `Målet är 90${NBSP}%. Målet nåddes under 8 av 11 månader med uppgifter. 1 månad saknar uppgifter. Lägsta andel 71${NBSP}% (december 2025). Senast 73,5${NBSP}% (november 2026). Siffrorna finns i tabellen under diagrammet.`,
    );
  });

  it('leaves out the latest month when it is the lowest, and says when nothing was decided', () => {
    const counter = commitment(dashboard('en'), 'building-control', 'counter-wait').chart;
    expect(counter.description).toBe(
      'Target 85%. Met in 10 of 12 months with data. Lowest 80% in December 2025. Latest 82% in November 2026. The figures are in the table below the chart.',
    );
    const library = commitment(dashboard('en'), 'city-library', 'email-reply').chart;
    expect(library.description).toBe('Target 90%. No contacts have been decided yet. The figures are in the table below the chart.');
    expect(library.months.every((month) => month.gap && !month.bar)).toBe(true);
    const last = EMAIL_REPLY.months.slice(-2);
    expect(chartDescription(0.9, last, 'en')).toBe(
      'Target 90%. Met in 1 of 2 months with data. Lowest 73.5% in November 2026. The figures are in the table below the chart.',
    );
    expect(chartDescription(0.9, last.slice(-1), 'en')).toBe(
      'Target 90%. Met in 0 of 1 month with data. Lowest 73.5% in November 2026. The figures are in the table below the chart.',
    );
  });
});

describe('numbers in the page language', () => {
  it('formats percentages with a decimal comma and a no-break space in fi and sv, a point and no space in en', () => {
    expect(numberFormats('fi').percent(0.925)).toBe(`92,5${NBSP}%`);
    expect(numberFormats('sv').percent(0.925)).toBe(`92,5${NBSP}%`);
    expect(numberFormats('en').percent(0.925)).toBe('92.5%');
    expect(numberFormats('en').percent(0.9)).toBe('90%');
    expect(numberFormats('fi').percent(1)).toBe(`100${NBSP}%`);
  });

  it('rounds shares down, so a share just under its target never reads as the target', () => {
    expect(numberFormats('en').percent(0.89999)).toBe('89.9%');
    expect(numberFormats('en').percent(0.29)).toBe('29%');
  });

  it('groups thousands the language’s way', () => {
    expect(numberFormats('fi').count(12345)).toBe(`12${NBSP}345`);
    expect(numberFormats('sv').count(12345)).toBe(`12${NBSP}345`);
    expect(numberFormats('en').count(12345)).toBe('12,345');
  });

  it('gives median and 90th percentile in the commitment’s unit, in words, to hundredths as charter report does', () => {
    expect(numberFormats('fi').duration(2.25, 'working day')).toBe('2,25 työpäivää');
    expect(numberFormats('sv').duration(2.25, 'working day')).toBe('2,25 arbetsdagar');
    expect(numberFormats('en').duration(2.25, 'working day')).toBe('2.25 working days');
    expect(numberFormats('en').duration(1, 'working day')).toBe('1 working day');
    expect(numberFormats('fi').duration(1.04, 'working day')).toBe('1,04 työpäivää');
    expect(numberFormats('fi').duration(12.5, 'second')).toBe('12,5 sekuntia');
  });

  it('fills the figures table: counts, shares, median and p90 with units, and the whole period', () => {
    const fi = commitment(dashboard('fi'), 'building-control', 'email-reply').table;
    expect(fi.caption).toBe('Luvut kuukausittain: Rakennusvalvonta, Sähköposti – vastaus 3 työpäivän kuluessa');
    expect(fi.rows[0]).toEqual({
      label: 'joulukuu 2025',
      iso: '2025-12',
      count: '38',
      met: '27',
      missed: '11',
      pending: '0',
      shareMet: `71${NBSP}%`,
      median: '2,25 työpäivää',
      p90: '4,5 työpäivää',
      status: { key: 'missed', label: 'Tavoite alittui' },
    });
    expect(fi.rows[7]).toEqual({
      label: 'heinäkuu 2026',
      iso: '2026-07',
      count: '0',
      met: '0',
      missed: '0',
      pending: '0',
      status: { key: 'no-data', label: 'Ei tietoja' },
    });
    expect(fi.total).toMatchObject({ label: 'lokakuu 2025 – marraskuu 2026', count: '545', shareMet: `89,9${NBSP}%`, status: { key: 'close' } });
    expect(fi.total).not.toHaveProperty('iso');
    const phone = commitment(dashboard('en'), 'building-control', 'phone-answer').table;
    expect(phone.rows.at(-1)).toMatchObject({ count: '1,484', met: '1,384', shareMet: '93.2%', median: '12.5 seconds', p90: '27.5 seconds' });
    expect(commitment(dashboard('sv'), 'building-control', 'phone-answer').table.rows.at(-1)).toMatchObject({
      count: `1${NBSP}484`,
      shareMet: `93,2${NBSP}%`,
      median: '12,5 sekunder',
    });
  });
});

describe('an empty report', () => {
  it('has no period, no units and zero counts', () => {
    const report = complianceReport();
    const empty: ComplianceReport = { ...report, months: [], commitments: [], overdueReviews: [] };
    const view = dashboard('en', empty);
    expect(view).not.toHaveProperty('period');
    expect(view).not.toHaveProperty('latestMonth');
    expect(view.units).toEqual([]);
    expect(view.overdueReviews).toEqual([]);
    expect(view.summary.statuses.map((entry) => entry.count)).toEqual(['0', '0', '0', '0']);
  });
});

describe('the dashboard of a language the interface has no wording in', () => {
  it('names the units in the page language, marked with it, links their pages in it, and words the rest in the interface language', () => {
    const base = complianceReport();
    const sami = (name: ComplianceReport['commitments'][number]['unitName']): typeof name =>
      typeof name === 'string' ? name : { ...name, se: `${name.fi ?? ''} (se)` };
    const report: ComplianceReport = {
      ...base,
      commitments: base.commitments.map((figures) => ({ ...figures, unitName: sami(figures.unitName), languages: [...figures.languages, 'se'] })),
    };
    const view = buildDashboardView(report, 'fi', { ...context, pageLanguage: 'se' });
    expect(view.units.length).toBeGreaterThan(0);
    for (const unit of view.units) {
      expect(unit.name.text).toMatch(/ \(se\)$/);
      expect(unit.name).toMatchObject({ lang: 'se', foreign: true });
      if (unit.url !== undefined) expect(unit.url).toBe(`/se/${unit.id}/`);
    }
    // The interface words stay Finnish: the same sentences as on the Finnish dashboard.
    expect(view.asOf.text).toBe(dashboard('fi').asOf.text);
  });
});

describe('the dashboard of format 1.1 promises', () => {
  let report: ComplianceReport;
  beforeAll(async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11.UNIT, 'log.csv': FORMAT_11.LOG });
    report = (await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf(FORMAT_11.AS_OF) as Date })).report;
  });
  const names = (lang: SiteLanguage): string[] =>
    buildDashboardView(report, lang, context).units.flatMap((unit) => unit.commitments.map((entry) => entry.name));

  it('names each promise with its line, the groups and the service it is for, in the page language', () => {
    const finnish = names('fi');
    expect(finnish).toContain('Puhelin, Neuvonta – puheluihin vastaaminen 30 sekunnin kuluessa');
    expect(finnish).toContain('Puhelin, Neuvonta – puheluihin vastaaminen 1 minuutin kuluessa — Yritykset');
    expect(finnish).toContain('Puhelin, Saamenkielinen palvelu – puheluihin vastaaminen 1 minuutin kuluessa — Toimeentulotuki');
    expect(finnish).toContain('Puhelin, Neuvonta – keskimääräinen vastausaika enintään 2 minuuttia');
    expect(finnish).toContain(`Puhelin, Neuvonta – keskeytyneitä yhteydenottoja enintään 10${NBSP}%`);
    expect(finnish).toContain('Toimeentulotuki – päätös 7 työpäivän kuluessa');
    expect(finnish).toContain('Toimeentulotuki – kiireellinen päätös samana työpäivänä — Yksityisasiakkaat');
    expect(finnish).toContain('Muistutukset, Oikaisuvaatimus – vastaanottokuittaus 2 työpäivän kuluessa');
    expect(names('en')).toContain('Phone, Advice – answering calls within 1 minute — Businesses');
    expect(names('en')).toContain('Social assistance – decision within 7 working days');
  });

  it('gives every promise its own anchor', () => {
    const view = buildDashboardView(report, 'en', context);
    const ids = view.units.flatMap((unit) => unit.commitments.map((entry) => entry.id));
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('unit-test-unit-phone-general-answer-businesses');
    expect(ids).toContain('unit-test-unit-phone-general-answer-average');
    expect(ids).toContain('unit-test-unit-services-benefit-decision');
  });

  it('shows the mean time to answer and the share abandoned, without a chart of shares in time', () => {
    const view = buildDashboardView(report, 'fi', context);
    const entries = view.units.flatMap((unit) => unit.commitments);
    const average = entries.find((entry) => entry.id === 'unit-test-unit-phone-general-answer-average');
    expect(average).toMatchObject({ target: '2 minuuttia', shareChart: false, total: { status: { key: 'met' }, share: 'keskimäärin 0,85 minuuttia' } });
    const abandoned = entries.find((entry) => entry.id === 'unit-test-unit-phone-general-answer-abandoned');
    expect(abandoned).toMatchObject({ target: `10${NBSP}%`, shareChart: false, total: { status: { key: 'missed' }, share: `20${NBSP}% keskeytyi` } });
    expect(entries.find((entry) => entry.id === 'unit-test-unit-phone-general-answer')).toMatchObject({
      shareChart: true,
      total: { share: `25${NBSP}% ajallaan` },
    });
  });
});
