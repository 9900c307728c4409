import {
  DEFAULT_MIN_CONTACTS,
  type AttentionEntry,
  type CommitmentFigures,
  type ComplianceReport,
  type Figures,
  type MonthFigures,
} from './compliance-report.js';

/**
 * The manager's order: what was missed comes first, across all units. Shared
 * by the terminal table, the JSON and the dashboard, so all three agree.
 */

/**
 * Whether a month's or period's status rests on fewer contacts than the
 * threshold. A status of no data rests on nothing: it is not marked.
 */
export function hasFewContacts(figures: Pick<Figures, 'count' | 'status'>, minContacts: number): boolean {
  return figures.status !== 'no-data' && figures.count < minContacts;
}

/** The figures of the report's last month; an empty one when the report has no months. */
export function latestMonthOf(figures: CommitmentFigures): MonthFigures {
  return figures.months.at(-1) ?? { month: '', count: 0, met: 0, missed: 0, pending: 0, shareMet: null, status: 'no-data', median: null, p90: null };
}

/**
 * How urgent a promise is, lowest first: missed in the latest month on enough
 * contacts, missed over the whole period, missed in the latest month on few
 * contacts, then close (latest, then period), then the rest. A small sample
 * still shows, but after the misses that are certain.
 */
export function attentionRank(figures: CommitmentFigures, minContacts: number): number {
  const latest = latestMonthOf(figures);
  const few = hasFewContacts(latest, minContacts);
  if (latest.status === 'missed' && !few) return 0;
  if (figures.total.status === 'missed') return 1;
  if (latest.status === 'missed') return 2;
  if (latest.status === 'close') return 3;
  if (figures.total.status === 'close') return 4;
  return 5;
}

/** Ranks at which a promise needs attention (missed or close somewhere). */
const NEEDS_ATTENTION = 5;

/** The places of the commitments in the manager's order: by rank, then as the report lists them (by unit). */
export function missedFirst(commitments: readonly CommitmentFigures[], minContacts: number): number[] {
  const ranks = commitments.map((figures) => attentionRank(figures, minContacts));
  return commitments.map((_, index) => index).sort((a, b) => (ranks[a] as number) - (ranks[b] as number) || a - b);
}

/** The promises missed or close, in the latest month or over the period, missed first. */
export function attentionList(commitments: readonly CommitmentFigures[], minContacts: number): AttentionEntry[] {
  return missedFirst(commitments, minContacts)
    .filter((index) => attentionRank(commitments[index] as CommitmentFigures, minContacts) < NEEDS_ATTENTION)
    .map((index) => {
      const figures = commitments[index] as CommitmentFigures;
      const latest = latestMonthOf(figures);
      return {
        index,
        charter: figures.charter,
        channel: figures.channel,
        line: figures.line,
        commitment: figures.commitment,
        groups: figures.groups,
        service: figures.service,
        measure: figures.measure,
        latest: { month: latest.month, status: latest.status, count: latest.count, fewContacts: hasFewContacts(latest, minContacts) },
        period: { status: figures.total.status, count: figures.total.count, fewContacts: hasFewContacts(figures.total, minContacts) },
      };
    });
}

/** The report's threshold of few contacts. */
export function minContactsOf(report: Pick<ComplianceReport, 'minContacts'>): number {
  return report.minContacts ?? DEFAULT_MIN_CONTACTS;
}
