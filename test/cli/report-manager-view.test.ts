import { describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import { runCli, writeTree } from '../helpers.js';

describe("charter report: the manager's view", () => {
  it('lists the promises that need a look in the JSON, missed first, with the threshold it used', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json'], cwd);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as ComplianceReport;
    expect(report.minContacts).toBe(10);
    // `attention` comes before `commitments`, which keep their order.
    expect(Object.keys(report).indexOf('attention')).toBeLessThan(Object.keys(report).indexOf('commitments'));
    const attention = report.attention ?? [];
    expect(attention.map((entry) => `${entry.charter} ${entry.channel} ${entry.commitment}`)).toEqual([
      'small-unit email reply',
      'test-unit email reply',
      'test-unit phone answer',
    ]);
    expect(attention[1]).toMatchObject({
      latest: { month: '2027-01', status: 'met', count: 3, fewContacts: true },
      period: { status: 'missed', count: 7, fewContacts: true },
    });
    for (const entry of attention) expect(report.commitments[entry.index]).toMatchObject({ charter: entry.charter, channel: entry.channel });
  });

  it('marks no status as resting on few contacts with --min-contacts 0, and refuses a threshold that is not a whole number', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const none = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--min-contacts', '0'], cwd);
    expect(none.code).toBe(0);
    expect(none.stdout).not.toContain('few contacts');
    expect(none.stdout).toMatch(/\n +test-unit +email reply 2 working days +met +MISSED\n/);
    const three = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--min-contacts', '3', '--format', 'csv'], cwd);
    // Two contacts in December are fewer than three; seven over the period are not.
    expect(three.stdout).toContain('test-unit,email,reply,2 working days,0.9,all,7,4,2,1,0.6667,2,3,working day,missed,within,,,,,,,,0\r\n');
    for (const value of ['x', '-1', '2.5']) {
      const wrong = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--min-contacts', value], cwd);
      expect(wrong.code, value).toBe(2);
      expect(wrong.stderr, value).toMatch(/--min-contacts/);
    }
    const alone = await runCli(['build', '--no-search', '--min-contacts', '5'], cwd);
    expect(alone).toMatchObject({ code: 2, stderr: "charter: --min-contacts needs --events: it marks the dashboard's months with few contacts\n" });
  });
});
