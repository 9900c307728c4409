import { describe, expect, it } from 'vitest';
import { makeComplianceReport } from '../../src/report/make-report.js';
import { parseAsOf } from '../../src/report/as-of.js';
import type { CommitmentFigures } from '../../src/model/compliance-report.js';
import { edit } from '../fixtures/charters.js';
import { ENGLISH_COUNCIL, ENGLISH_COUNCIL_AS_OF, ENGLISH_COUNCIL_LOG } from '../fixtures/english-council.js';
import { diagnosticsFor, writeTree } from '../helpers.js';

async function figures(charter: string, commitment: string): Promise<CommitmentFigures> {
  const cwd = writeTree({ 'charters/ashworth-contact-centre.yaml': charter, 'log.csv': ENGLISH_COUNCIL_LOG });
  const { report } = await makeComplianceReport({ cwd, logs: ['log.csv'], asOf: parseAsOf(ENGLISH_COUNCIL_AS_OF) as Date });
  expect(report.badRows).toEqual([]);
  const found = report.commitments.find((entry) => entry.channel === 'email' && entry.commitment === commitment);
  if (!found) throw new Error(`no figures for email ${commitment}`);
  return found;
}

/** The same council, as if it had left its calendar out: the Finnish one. */
const IN_THE_FINNISH_CALENDAR = edit(ENGLISH_COUNCIL, '  holidays: GB-ENG\n', '');

describe("an English council's log is measured in the English calendar", () => {
  it('validates clean', async () => {
    expect(await diagnosticsFor({ 'ashworth-contact-centre.yaml': ENGLISH_COUNCIL }, { today: '2026-11-23' })).toEqual([]);
  });

  it('replies: the Early May bank holiday is skipped, Ascension and Midsummer Eve are working days', async () => {
    const reply = await figures(ENGLISH_COUNCIL, 'reply');
    expect(reply).toMatchObject({ within: '5 working days', unit: 'working day', target: 0.9 });
    expect(reply.total).toEqual({ count: 3, met: 2, missed: 1, pending: 0, shareMet: 2 / 3, status: 'missed', median: 5, p90: 6 });
  });

  it('acknowledgements: met over the bank holiday weekend, missed over Ascension Day', async () => {
    const acknowledge = await figures(ENGLISH_COUNCIL, 'acknowledge');
    expect(acknowledge.total).toEqual({ count: 3, met: 2, missed: 1, pending: 0, shareMet: 2 / 3, status: 'missed', median: 1, p90: 2 });
    expect(acknowledge.months.map((month) => [month.month, month.met, month.missed])).toEqual([
      ['2027-04', 1, 0],
      ['2027-05', 0, 1],
      ['2027-06', 1, 0],
    ]);
  });

  it('the same rows in the Finnish calendar come out otherwise (what the calendar changes)', async () => {
    const reply = await figures(IN_THE_FINNISH_CALENDAR, 'reply');
    expect(reply.total).toMatchObject({ count: 3, met: 3, missed: 0, median: 4, p90: 5 });
    const acknowledge = await figures(IN_THE_FINNISH_CALENDAR, 'acknowledge');
    expect(acknowledge.months.map((month) => [month.month, month.met, month.missed])).toEqual([
      ['2027-04', 0, 1],
      ['2027-05', 1, 0],
      ['2027-06', 1, 0],
    ]);
  });
});
