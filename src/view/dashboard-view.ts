import { shareForDisplay } from '../model/share-display.js';
import {
  BAD_ROW_KINDS,
  type CharterText,
  type CommitmentFigures,
  type ComplianceReport,
  type ComplianceStatus,
  type Figures,
  type MonthFigures,
} from '../model/compliance-report.js';
import { isFixedDuration, parseDuration } from '../time/duration.js';
import { durationInWords, unitInWords, withinInWords } from './words.js';
import { formatDate, formatMonth, formatMonthShort, formatTime } from './format-dates.js';
import { attentionRank, hasFewContacts, minContactsOf } from '../model/attention.js';
import type {
  DashboardCommitmentView,
  DashboardOverviewRowView,
  DashboardStatusCellView,
  DashboardUnitPageView,
  DashboardUnitView,
  DashboardView,
  FiguresRowView,
  OverdueReviewView,
  SiteLanguage,
  StatusView,
  TextView,
  TrendChartView,
  TrendMonthView,
} from './view-model.js';
import {
  COMMITMENT_SLOTS,
  commitmentSlotKey,
  dashboardStrings,
  fill,
  viewStrings,
  type ChannelKey,
  type CommitmentSlot,
  type DashboardStrings,
  type Plural,
} from './strings.js';
import { wallClockIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { textInLanguage } from '../model/charter-text.js';

/**
 * The compliance dashboard in one language: a ComplianceReport turned into
 * words, formatted numbers and chart geometry, ready for dashboard.hbs. Pure.
 *
 * A commitment's current status is the status of the report's last month;
 * its trend is the last TREND_MONTHS months. Numbers follow the page language
 * through Intl.NumberFormat ("92,5 %" in fi and sv, "92.5%" in en).
 */

export interface DashboardContext {
  /** The address of a charter's page in a language, or undefined when the site has none. */
  charterUrlOf(id: string, lang: string): string | undefined;
  /**
   * The language of the page's address (`se` on /se/dashboard/), when it is
   * not the interface's: unit names are shown in it, and charter links lead
   * to pages in it. Default: the interface's language.
   */
  readonly pageLanguage?: string;
  /** The office's IANA time zone, for the as-of time (default Europe/Helsinki). */
  readonly timeZone?: string;
}

/** How many months the trend chart shows. */
export const TREND_MONTHS = 12;

const STATUS_ORDER: readonly ComplianceStatus[] = ['met', 'close', 'missed', 'no-data'];

export function buildDashboardView(report: ComplianceReport, lang: SiteLanguage, context: DashboardContext): DashboardView {
  const words = dashboardStrings(lang);
  const numbers = numberFormats(lang);
  const status = (key: ComplianceStatus): StatusView => ({ key, label: words.status[key] });
  const lastMonth = report.months.at(-1);
  const wholePeriod = period(report, lang, words);

  const latestStatuses = report.commitments.map((figures) => latestOf(figures, lastMonth).status);
  const minContacts = minContactsOf(report);
  const units = unitViews(report, lang, context, words, minContacts);
  const badRowKinds = BAD_ROW_KINDS.filter((kind) => (report.badRowCounts[kind] ?? 0) > 0).map((kind) => ({
    label: words.badRowKinds[kind],
    count: numbers.count(report.badRowCounts[kind]),
  }));

  return {
    asOf: { text: formatInstant(report.asOf, lang, words, context.timeZone ?? DEFAULT_TIME_ZONE), iso: report.asOf },
    ...(wholePeriod !== '' ? { period: wholePeriod } : {}),
    ...(lastMonth !== undefined ? { latestMonth: latestMonthLabel(report, lastMonth, lang, words, context.timeZone ?? DEFAULT_TIME_ZONE) } : {}),
    summary: {
      commitments: numbers.count(report.commitments.length),
      statuses: STATUS_ORDER.map((key) => ({ status: status(key), count: numbers.count(latestStatuses.filter((found) => found === key).length) })),
      measured: numbers.count(report.rows.measured),
      badRows: numbers.count(report.rows.bad),
      badRowKinds,
      ...(report.rows.bad > 0 ? { badRowsNote: splitAround(words.badRowsNote, 'command', 'charter report') } : {}),
    },
    overdueReviews: report.overdueReviews.map((review): OverdueReviewView => {
      const url = context.charterUrlOf(review.charter, context.pageLanguage ?? lang);
      const languages = languagesOfCharter(report, review.charter);
      return {
        unit: pickText(review.unitName, lang, languages, context.pageLanguage) ?? plain(review.charter, lang),
        ...(url !== undefined ? { url } : {}),
        due: { date: formatDate(review.due, lang), iso: review.due },
        overdueBy: durationInWords({ amount: review.daysOverdue, unit: 'day' }, lang),
        ...(review.reviewer ? { reviewer: personName(review.reviewer.name, lang, languages, context.pageLanguage) ?? plain(review.reviewer.id, lang) } : {}),
      };
    }),
    units,
    overview: overviewRows(report, units, lang, minContacts),
    fewContactsNote: fewContactsNote(minContacts, lang, words),
    periodStatuses: STATUS_ORDER.map((key) => ({
      status: status(key),
      count: numbers.count(report.commitments.filter((figures) => figures.total.status === key).length),
    })),
  };
}

/** A unit's own page: what the overview says of the report, and the unit's promises with their charts. */
export function dashboardUnitPage(view: DashboardView, unit: DashboardUnitView): DashboardUnitPageView {
  return {
    asOf: view.asOf,
    ...(view.period !== undefined ? { period: view.period } : {}),
    ...(view.latestMonth !== undefined ? { latestMonth: view.latestMonth } : {}),
    fewContactsNote: view.fewContactsNote,
    overviewUrl: '../',
    unit,
  };
}

/** "Fewer than 10 contacts…": what the mark means, with the threshold. */
function fewContactsNote(minContacts: number, lang: SiteLanguage, words: DashboardStrings): string {
  return fill(words.fewContactsNote, { count: numberFormats(lang).count(minContacts) });
}

/**
 * Every promise of every unit in one list, missed first: missed in the
 * latest month on enough contacts, missed over the whole period, missed on
 * few contacts, close, then the rest (attention.ts); within each, by unit
 * name as on the page, then in the unit's order.
 */
function overviewRows(report: ComplianceReport, units: readonly DashboardUnitView[], lang: SiteLanguage, minContacts: number): DashboardOverviewRowView[] {
  const byCharter = new Map(units.map((unit, order) => [unit.id, { unit, order }]));
  const entries: { rank: number; order: number; position: number; row: DashboardOverviewRowView }[] = [];
  const positions = new Map<string, number>();
  for (const figures of report.commitments) {
    const found = byCharter.get(figures.charter);
    if (!found) continue;
    const position = positions.get(figures.charter) ?? 0;
    positions.set(figures.charter, position + 1);
    const commitment = found.unit.commitments[position] as DashboardCommitmentView;
    entries.push({
      rank: attentionRank(figures, minContacts),
      order: found.order,
      position,
      row: {
        unit: found.unit.name,
        href: `${found.unit.page}#${commitment.id}`,
        name: commitment.name,
        latest: statusCell(commitment.latest),
        total: statusCell(commitment.total),
        count: numberFormats(lang).count(figures.total.count),
      },
    });
  }
  return entries.sort((a, b) => a.rank - b.rank || a.order - b.order || a.position - b.position).map((entry) => entry.row);
}

function statusCell(figures: { status: StatusView; share: string; few: boolean }): DashboardStatusCellView {
  return { key: figures.status.key, label: figures.status.label, share: figures.share, few: figures.few };
}

// ---------------------------------------------------------------------------
// Units and commitments

function unitViews(report: ComplianceReport, lang: SiteLanguage, context: DashboardContext, words: DashboardStrings, minContacts: number): DashboardUnitView[] {
  const byCharter = new Map<string, CommitmentFigures[]>();
  for (const figures of report.commitments) {
    const list = byCharter.get(figures.charter);
    if (list) list.push(figures);
    else byCharter.set(figures.charter, [figures]);
  }
  const collator = new Intl.Collator(lang);
  const units = [...byCharter]
    .map(([charter, commitments]) => {
      const first = commitments[0] as CommitmentFigures;
      return { charter, commitments, name: pickText(first.unitName, lang, first.languages, context.pageLanguage) ?? plain(charter, lang) };
    })
    .sort((a, b) => collator.compare(a.name.text, b.name.text) || (a.charter < b.charter ? -1 : a.charter > b.charter ? 1 : 0));
  const trendMonths = report.months.slice(-TREND_MONTHS);
  let chartIndex = 0;
  const anchors = new Set<string>();
  /** Two promises whose places read alike as slugs still get their own anchor. */
  const uniqueAnchor = (wanted: string): string => {
    let anchor = wanted;
    for (let count = 2; anchors.has(anchor); count++) anchor = `${wanted}-${count}`;
    anchors.add(anchor);
    return anchor;
  };
  const pages = unitPages([...byCharter.keys()]);
  return units.map(({ charter, commitments, name }): DashboardUnitView => {
    const url = context.charterUrlOf(charter, context.pageLanguage ?? lang);
    const anchor = `unit-${slug(charter)}`;
    const page = pages.get(charter) as string;
    return {
      id: charter,
      name,
      ...(url !== undefined ? { url } : {}),
      page: `${page}/`,
      statusSummary: unitStatusSummary(commitments, report.months.at(-1), lang, words),
      anchor,
      commitments: commitments.map((figures) =>
        commitmentView(
          figures,
          name.text,
          report,
          context,
          trendMonths,
          lang,
          words,
          uniqueAnchor(`${anchor}-${commitmentSlug(figures)}`),
          `trend-${++chartIndex}`,
          minContacts,
        ),
      ),
    };
  });
}

/**
 * Each unit's path segment under the dashboard. A unit id is a slug already;
 * one from elsewhere still makes a segment of its own, the same in every
 * language (given in id order).
 */
function unitPages(charters: readonly string[]): Map<string, string> {
  const pages = new Map<string, string>();
  const taken = new Set<string>();
  for (const charter of [...charters].sort()) {
    let page = slug(charter);
    for (let count = 2; taken.has(page); count++) page = `${slug(charter)}-${count}`;
    taken.add(page);
    pages.set(charter, page);
  }
  return pages;
}

function commitmentView(
  figures: CommitmentFigures,
  unitName: string,
  report: ComplianceReport,
  context: DashboardContext,
  trendMonths: readonly string[],
  lang: SiteLanguage,
  words: DashboardStrings,
  anchor: string,
  chartId: string,
  minContacts: number,
): DashboardCommitmentView {
  const numbers = numberFormats(lang);
  const name = commitmentName(figures, lang, words, context.pageLanguage);
  const lastMonth = report.months.at(-1);
  const latest = latestOf(figures, lastMonth);
  const trend = trendMonths.map((month) => monthOf(figures, month));
  const shareText = (month: Figures): string => {
    if (figures.measure === 'average') {
      return month.mean === null || month.mean === undefined
        ? words.nothingAnswered
        : fill(words.meanTime, { duration: numbers.duration(month.mean, figures.unit) });
    }
    if (figures.measure === 'abandoned') {
      return month.abandonedShare === null || month.abandonedShare === undefined
        ? words.noContacts
        : fill(words.abandonedShare, { share: numbers.percent(month.abandonedShare) });
    }
    return month.shareMet === null ? words.nothingDecided : fill(words.shareInTime, { share: numbers.percent(month.shareMet) });
  };
  const limit = parseDuration(figures.within);
  return {
    id: anchor,
    name,
    // An average has a time limit, not a share to reach.
    target: figures.measure === 'average' && limit ? durationInWords(limit, lang) : numbers.percent(figures.target),
    shareChart: figures.measure === 'within',
    latest: {
      month: lastMonth !== undefined ? latestMonthLabel(report, lastMonth, lang, words, context.timeZone ?? DEFAULT_TIME_ZONE) : '',
      iso: lastMonth ?? '',
      status: statusWithFew(latest, minContacts, lang, words),
      share: shareText(latest),
      few: hasFewContacts(latest, minContacts),
    },
    total: {
      status: statusWithFew(figures.total, minContacts, lang, words),
      share: shareText(figures.total),
      contacts: fill(plural(lang, figures.total.count, words.contacts), { count: numbers.count(figures.total.count) }),
      few: hasFewContacts(figures.total, minContacts),
    },
    chart: trendChart(chartId, unitName, name, figures.target, trend, lang, words),
    table: {
      caption: fill(words.tableCaption, { unit: unitName, name }),
      rows: trend.map((month) => figuresRow(month, formatMonth(month.month, lang), figures, lang, words, minContacts, month.month)),
      total: figuresRow(figures.total, period(report, lang, words), figures, lang, words, minContacts),
    },
  };
}

/** What `commitmentName` reads: the place and the promise (the fields a format 1 report lacks are left out). */
export type NamedCommitment = Pick<CommitmentFigures, 'channel' | 'commitment' | 'within'> &
  Partial<
    Pick<CommitmentFigures, 'commitmentName' | 'line' | 'lineName' | 'groupNames' | 'groups' | 'service' | 'serviceName' | 'measure' | 'target' | 'languages'>
  >;

/**
 * "Sähköposti – vastaus 2 työpäivän kuluessa", "Email – reply within 2 working days", "Service point – waiting time at most 15 minutes";
 * with a line, the groups and the service a promise is for: "Puhelin, Saamenkielinen palvelu – puheluihin vastaaminen 1 minuutin kuluessa — Toimeentulotuki";
 * a service's promise: "Toimeentulotuki – päätös 7 työpäivän kuluessa".
 */
/** `textLang`: the language of the page's address, for the charter's own names (a line's, a group's, a service's), when it is not the interface's. */
export function commitmentName(figures: NamedCommitment, lang: SiteLanguage, words = dashboardStrings(lang), textLang: string = lang): string {
  const strings = viewStrings(lang);
  const languages = figures.languages ?? [];
  const text = (value: CharterText | null | undefined): string | undefined =>
    value === null || value === undefined ? undefined : pickText(value, lang, languages, textLang)?.text;
  const isService = figures.channel === 'services';
  const kind =
    figures.channel === 'feedback'
      ? words.feedbackChannel
      : figures.channel === 'complaints'
        ? words.complaintsChannel
        : isService
          ? (text(figures.serviceName) ?? figures.service ?? figures.channel)
          : Object.hasOwn(strings.channelTitles, figures.channel)
            ? strings.channelTitles[figures.channel as ChannelKey]
            : figures.channel;
  const lineName = text(figures.lineName) ?? figures.line ?? undefined;
  const channel = lineName === undefined ? kind : fill(words.lineChannel, { channel: kind, line: lineName });
  const slot = COMMITMENT_SLOTS.find((candidate) => candidate.channel === figures.channel && candidate.commitment === figures.commitment);
  const label = slot
    ? lowerFirst(strings.commitments[commitmentSlotKey(slot)].label)
    : isService
      ? lowerFirst(text(figures.commitmentName) ?? figures.commitment)
      : figures.channel === 'complaints' && (figures.commitment === 'acknowledge' || figures.commitment === 'respond')
        ? words.complaintsPromises[figures.commitment]
        : figures.commitment;
  const duration = parseDuration(figures.within);
  const limit = duration
    ? isMaximumWait(slot) && !isFixedDuration(duration)
      ? fill(words.atMost, { duration: durationInWords(duration, lang) })
      : withinInWords(duration, lang)
    : figures.within;
  const promise =
    figures.measure === 'average'
      ? fill(words.averageAnswer, { duration: duration ? durationInWords(duration, lang) : figures.within })
      : figures.measure === 'abandoned'
        ? fill(words.abandonedAtMost, { share: numberFormats(lang).percent(figures.target ?? 0) })
        : `${label} ${limit}`;
  const name = fill(words.commitmentName, { channel, promise });
  const groups = (figures.groupNames ?? []).map((group, index) => text(group) ?? figures.groups?.[index] ?? '');
  const service = isService ? undefined : (text(figures.serviceName) ?? figures.service ?? undefined);
  const scope = [...groups, ...(service === undefined ? [] : [service])].filter((part) => part !== '');
  return scope.length === 0 ? name : fill(words.scoped, { name, scope: scope.join(', ') });
}

/** A wait is a maximum, not a deadline: "at most 15 minutes" reads better than "within". */
function isMaximumWait(slot: CommitmentSlot | undefined): boolean {
  return slot?.commitment === 'wait';
}

function figuresRow(
  figures: Figures,
  label: string,
  commitment: CommitmentFigures,
  lang: SiteLanguage,
  words: DashboardStrings,
  minContacts: number,
  iso?: string,
): FiguresRowView {
  const numbers = numberFormats(lang);
  const duration = (value: number | null): string | undefined => (value === null ? undefined : numbers.duration(value, commitment.unit));
  const median = duration(figures.median);
  const p90 = duration(figures.p90);
  return {
    label,
    ...(iso !== undefined ? { iso } : {}),
    count: numbers.count(figures.count),
    met: numbers.count(figures.met),
    missed: numbers.count(figures.missed),
    pending: numbers.count(figures.pending),
    ...(figures.shareMet !== null ? { shareMet: numbers.percent(figures.shareMet) } : {}),
    ...(median !== undefined ? { median } : {}),
    ...(p90 !== undefined ? { p90 } : {}),
    status: statusWithFew(figures, minContacts, lang, words),
  };
}

/** A status in words; on fewer contacts than the threshold it says so, with their number: "Missed, few contacts (3)". */
function statusWithFew(figures: Figures, minContacts: number, lang: SiteLanguage, words: DashboardStrings): StatusView {
  const label = words.status[figures.status];
  if (!hasFewContacts(figures, minContacts)) return { key: figures.status, label };
  return { key: figures.status, label: fill(words.fewContacts, { status: label, count: numberFormats(lang).count(figures.count) }) };
}

/** A unit's promises by their latest status, the worst first, leaving out statuses none has: "2 missed, 1 met". */
function unitStatusSummary(commitments: readonly CommitmentFigures[], lastMonth: string | undefined, lang: SiteLanguage, words: DashboardStrings): string {
  const order: readonly ComplianceStatus[] = ['missed', 'close', 'met', 'no-data'];
  return order
    .map((key) => ({ key, count: commitments.filter((figures) => latestOf(figures, lastMonth).status === key).length }))
    .filter(({ count }) => count > 0)
    .map(({ key, count }) => fill(words.statusCount[key], { count: numberFormats(lang).count(count) }))
    .join(', ');
}

/** The figures of the report's last month: the commitment's current status. */
/** The latest month's name, marked as still running when the report is as of a day in it. */
function latestMonthLabel(report: ComplianceReport, month: string, lang: SiteLanguage, words: DashboardStrings, timeZone: string): string {
  const asOf = new Date(report.asOf);
  const running = !Number.isNaN(asOf.getTime()) && wallClockIn(timeZone, asOf).date.startsWith(`${month}-`);
  return running ? fill(words.monthSoFar, { month: formatMonth(month, lang) }) : formatMonth(month, lang);
}

function latestOf(figures: CommitmentFigures, lastMonth: string | undefined): MonthFigures {
  return lastMonth === undefined ? emptyMonth('') : monthOf(figures, lastMonth);
}

/** A month's figures, or an empty month when the report left it out. */
function monthOf(figures: CommitmentFigures, month: string): MonthFigures {
  return figures.months.find((entry) => entry.month === month) ?? emptyMonth(month);
}

function emptyMonth(month: string): MonthFigures {
  return { month, count: 0, met: 0, missed: 0, pending: 0, shareMet: null, status: 'no-data', median: null, p90: null };
}

// ---------------------------------------------------------------------------
// The trend chart

/**
 * The chart's drawing area and plot. The SVG shows the plot with `headroom`
 * above it (a full bar's marker) and `footroom` below (the axis); the
 * percentages, months and target are HTML text around it, placed by the
 * stylesheet (.trend__y holds the heights of 0 %, 25 %, 50 %, 75 % and 100 %
 * as fractions of this area: keep them in step).
 */
const CHART = { left: 48, right: 548, top: 18, bottom: 188, headroom: 14, footroom: 4 } as const;
const GRID_STEPS = [0, 0.25, 0.5, 0.75, 1] as const;

/**
 * Bars of the share met per month against a dashed target line. A month with
 * nothing decided is a gap with a hollow circle on the baseline; close and
 * missed months get a triangle or a cross over the bar besides their colour
 * and pattern, so the chart reads in grey-scale print. Coordinates are
 * rounded to 0.1 to keep the HTML small.
 */
export function trendChart(
  id: string,
  unit: string,
  name: string,
  target: number,
  months: readonly MonthFigures[],
  lang: SiteLanguage,
  words = dashboardStrings(lang),
): TrendChartView {
  const numbers = numberFormats(lang);
  const plotHeight = CHART.bottom - CHART.top;
  const y = (share: number): number => round(CHART.bottom - plotHeight * clamp(share));
  const slot = (CHART.right - CHART.left) / Math.max(months.length, 1);
  const barWidth = Math.min(slot * 0.62, 36);

  const views = months.map((month, index): TrendMonthView => {
    const x = round(CHART.left + slot * (index + 0.5));
    const startsYear = index === 0 || month.month.endsWith('-01');
    const common = {
      month: month.month,
      label: formatMonthShort(month.month, lang),
      ...(startsYear ? { yearLabel: month.month.slice(0, 4) } : {}),
      x,
      status: month.status,
    };
    if (month.shareMet === null) return { ...common, gap: { cx: x, cy: CHART.bottom - 7, r: 4 } };
    // A share of 0 still shows as a thin bar on the baseline.
    const top = Math.min(y(month.shareMet), CHART.bottom - 2);
    const marker =
      month.status === 'missed'
        ? { kind: 'cross' as const, path: crossPath(x, top - 9) }
        : month.status === 'close'
          ? { kind: 'triangle' as const, path: trianglePath(x, top - 9) }
          : undefined;
    return {
      ...common,
      bar: { x: round(x - barWidth / 2), y: top, width: round(barWidth), height: round(CHART.bottom - top) },
      ...(marker ? { marker } : {}),
    };
  });

  const first = months[0]?.month;
  const last = months.at(-1)?.month;
  const range = first !== undefined && last !== undefined ? monthRange(first, last, lang, words) : '';
  const targetY = y(target);
  return {
    id,
    // The plot alone, with room above a full bar for its marker; its labels are HTML beside it.
    viewBox: `${CHART.left} ${CHART.top - CHART.headroom} ${CHART.right - CHART.left} ${CHART.bottom - CHART.top + CHART.headroom + CHART.footroom}`,
    width: CHART.right - CHART.left,
    height: CHART.bottom - CHART.top + CHART.headroom + CHART.footroom,
    title: fill(words.chartTitle, { unit, name, range }),
    description: chartDescription(target, months, lang, words),
    plot: { left: CHART.left, right: CHART.right, top: CHART.top, bottom: CHART.bottom },
    gridlines: GRID_STEPS.map((step) => ({ y: y(step), label: numbers.percent(step) })),
    target: { y: targetY, label: fill(words.chartTargetLabel, { target: numbers.percent(target) }) },
    months: views,
  };
}

/**
 * The chart in words, for its accessible description: the target, in how
 * many months with data it was met, months without data, the lowest month
 * (the first, if several tie) and the latest month with data.
 */
export function chartDescription(target: number, months: readonly MonthFigures[], lang: SiteLanguage, words = dashboardStrings(lang)): string {
  const numbers = numberFormats(lang);
  const decided = months.filter((month): month is MonthFigures & { shareMet: number } => month.shareMet !== null);
  const sentences = [fill(words.chartTarget, { target: numbers.percent(target) })];
  if (decided.length === 0) {
    sentences.push(words.chartNothingDecided);
  } else {
    const met = decided.filter((month) => month.status === 'met').length;
    sentences.push(fill(plural(lang, decided.length, words.chartMetMonths), { met: numbers.count(met), decided: numbers.count(decided.length) }));
    const gaps = months.length - decided.length;
    if (gaps > 0) sentences.push(fill(plural(lang, gaps, words.chartNoDataMonths), { count: numbers.count(gaps) }));
    const lowest = decided.reduce((low, month) => (month.shareMet < low.shareMet ? month : low));
    const latest = decided.at(-1) as MonthFigures & { shareMet: number };
    sentences.push(fill(words.chartLowest, { share: numbers.percent(lowest.shareMet), month: formatMonth(lowest.month, lang) }));
    if (latest !== lowest) sentences.push(fill(words.chartLatest, { share: numbers.percent(latest.shareMet), month: formatMonth(latest.month, lang) }));
  }
  sentences.push(words.chartSeeTable);
  return sentences.join(' ');
}

function crossPath(x: number, y: number): string {
  const size = 4.5;
  return `M${round(x - size)} ${round(y - size)}L${round(x + size)} ${round(y + size)}M${round(x + size)} ${round(y - size)}L${round(x - size)} ${round(y + size)}`;
}

function trianglePath(x: number, y: number): string {
  return `M${round(x)} ${round(y - 5)}L${round(x + 5.5)} ${round(y + 4.5)}L${round(x - 5.5)} ${round(y + 4.5)}Z`;
}

function clamp(share: number): number {
  return Math.min(1, Math.max(0, share));
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

// ---------------------------------------------------------------------------
// Numbers, dates and texts

interface NumberFormats {
  /** A whole number: "12 345" (fi, sv, no-break space), "12,345" (en). */
  count(value: number): string;
  /**
   * A fraction as a percentage with one decimal at most: "92,5 %" (fi, sv), "92.5%" (en).
   * Rounded down, so that a share just under its target never reads as the target.
   */
  percent(fraction: number): string;
  /** An amount in a duration unit, one decimal at most: "1,5 työpäivää", "1 working day". */
  duration(amount: number, unit: Parameters<typeof unitInWords>[1]): string;
}

const NUMBER_FORMATS = new Map<SiteLanguage, NumberFormats>();

/** Intl formatters of a language, made once. */
export function numberFormats(lang: SiteLanguage): NumberFormats {
  const cached = NUMBER_FORMATS.get(lang);
  if (cached) return cached;
  const count = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  // Times as the report gives them (to hundredths), so the page and `charter report` agree.
  const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const formats: NumberFormats = {
    count: (value) => count.format(value),
    percent: (fraction) => percent.format(shareForDisplay(fraction)),
    duration: (amount, unit) => `${decimal.format(amount)} ${unitInWords(amount, unit, lang)}`,
  };
  NUMBER_FORMATS.set(lang, formats);
  return formats;
}

function plural(lang: SiteLanguage, count: number, forms: Plural): string {
  return new Intl.PluralRules(lang).select(count) === 'one' ? forms.one : forms.other;
}

/** The report's whole period in months, or '' for a report without months. */
function period(report: ComplianceReport, lang: SiteLanguage, words: DashboardStrings): string {
  const first = report.months[0];
  const last = report.months.at(-1);
  return first !== undefined && last !== undefined ? monthRange(first, last, lang, words) : '';
}

function monthRange(first: string, last: string, lang: SiteLanguage, words: DashboardStrings): string {
  return first === last ? formatMonth(first, lang) : fill(words.range, { from: formatMonth(first, lang), to: formatMonth(last, lang) });
}

/** An ISO instant as a date and time in the office's time zone: "30.11.2026 klo 23.59", "30 November 2026 at 23:59". */
function formatInstant(iso: string, lang: SiteLanguage, words: DashboardStrings, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const { date, time } = wallClockIn(timeZone, instant);
  return fill(words.dateTime, { date: formatDate(date, lang), time: formatTime(time, lang) });
}

/** A charter text in `textLang` (default `lang`), else in the charter's languages; foreign when not in `lang`, the interface's. */
function pickText(value: CharterText, lang: SiteLanguage, languages: readonly string[], textLang: string = lang): TextView | undefined {
  const found = textInLanguage(value, [textLang, ...languages]);
  if (!found) return undefined;
  // A plain string is in the charter's first language.
  const language = found.lang ?? languages[0] ?? lang;
  return { text: found.text, lang: language, foreign: language !== lang };
}

/** A plain-string name of a person is the same in every language (as on the charter page). */
function personName(value: CharterText, lang: SiteLanguage, languages: readonly string[], textLang?: string): TextView | undefined {
  return typeof value === 'string' ? (value === '' ? undefined : plain(value, lang)) : pickText(value, lang, languages, textLang);
}

function plain(text: string, lang: SiteLanguage): TextView {
  return { text, lang, foreign: false };
}

/** The languages of a charter, from its commitments (an overdue review does not carry them). */
function languagesOfCharter(report: ComplianceReport, charter: string): readonly string[] {
  return report.commitments.find((figures) => figures.charter === charter)?.languages ?? [];
}

/** Splits a sentence around one placeholder, so a template can print the value as code. */
function splitAround(template: string, name: string, value: string): { before: string; command: string; after: string } {
  const marker = `{${name}}`;
  const at = template.indexOf(marker);
  if (at === -1) return { before: `${template} `, command: value, after: '' };
  return { before: template.slice(0, at), command: value, after: template.slice(at + marker.length) };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** `phone-answer`; with a line, groups, service and measure when it has them: `phone-general-answer-businesses`, `phone-general-answer-average`. */
function commitmentSlug(figures: CommitmentFigures): string {
  const parts = [
    figures.channel,
    figures.channel === 'services' ? (figures.service ?? '') : (figures.line ?? ''),
    figures.commitment,
    ...figures.groups,
    figures.channel === 'services' ? '' : (figures.service ?? ''),
    figures.measure === 'within' ? '' : figures.measure,
  ];
  return parts
    .filter((part) => part !== '')
    .map(slug)
    .join('-');
}

/** An id fragment: lowercase letters, digits and hyphens. */
function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}
