import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { runBin, runCli, writeTree } from '../helpers.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';

/** A Finnish and English unit with notice of 2 working days; contacts switchboard, head, clerk. */
const UNIT = edit(VALID_UNIT, 'notice: 1 working day', 'notice: 2 working days');
const BASE = ['away', '--charter', 'test-unit', '--today', '2026-12-01', '--locale', 'en'];

function expectExit(result: { code: number; stdout: string; stderr: string }, code: number): void {
  expect(result, `${result.stdout}\n${result.stderr}`).toMatchObject({ code });
}

describe('charter away', () => {
  it('writes the texts in every language with the day back, exit 0', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const result = await runCli([...BASE, '--from', '2026-12-21', '--until', '2027-01-05', '--substitute', 'clerk'], cwd);
    expectExit(result, 0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Back on Thursday 7 January 2027.');
    expect(result.stdout).toContain('Olen poissa 21.12.2026–5.1.2027. Kiireellisissä asioissa: Matti Meikäläinen');
    expect(result.stdout).toContain('I am away 21 December 2026–5 January 2027.');
    expect(result.stdout).toContain('== Notice: Vaihde ==');
    expect(result.stdout).not.toMatch(/\{(from|until|substitute)\}/);
  });

  it('finds a charter by file too, and takes a free-text substitute', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const result = await runCli(
      [
        'away',
        '--charter',
        'charters/unit.yaml',
        '--from',
        '2026-12-21',
        '--until',
        '2026-12-22',
        '--substitute',
        'Anna Virtanen, 040 123 4567',
        '--today',
        '2026-12-01',
      ],
      cwd,
    );
    expectExit(result, 0);
    expect(result.stdout).toContain('Kiireellisissä asioissa: Anna Virtanen, 040 123 4567.');
  });

  it('refuses a late notice with one line and exit 1, and writes the texts with --force', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const args = [...BASE.slice(0, 3), '--today', '2027-02-09', '--locale', 'fi', '--from', '2027-02-10', '--until', '2027-02-12', '--substitute', 'clerk'];
    const refused = await runCli(args, cwd);
    expectExit(refused, 1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')[0]).toBe(
      'charter: Ilmoitus tulee myöhässä: poissaolosta on ilmoitettava vähintään 2 työpäivää ennen sen alkua (10.2.2027).',
    );
    const forced = await runCli([...args, '--force'], cwd);
    expectExit(forced, 1);
    expect(forced.stdout).toContain('Palaa töihin ma 15.2.2027.');
  });

  it('reports a missing substitute, an unknown one and until before from, exit 1', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const missing = await runCli([...BASE, '--from', '2026-12-21', '--until', '2026-12-22'], cwd);
    expectExit(missing, 1);
    expect(missing.stderr).toContain("The unit's rules require a substitute");
    const unknown = await runCli([...BASE, '--from', '2026-12-21', '--until', '2026-12-18', '--substitute', 'nobody'], cwd);
    expectExit(unknown, 1);
    expect(unknown.stderr).toContain('The absence ends (18 December 2026) before it starts (21 December 2026).');
    expect(unknown.stderr).toContain('The substitute nobody is not one of the unit');
  });

  it('exits 2 on a bad date, an unknown format and an unknown charter', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const badDate = await runCli([...BASE, '--from', '2026-02-30', '--until', '2026-03-02', '--substitute', 'clerk'], cwd);
    expectExit(badDate, 2);
    expect(badDate.stderr).toContain('expected a date such as 2026-12-21');
    expect(badDate.stderr.trim().split('\n')).toHaveLength(1);
    const badFormat = await runCli([...BASE, '--from', '2026-12-21', '--until', '2026-12-22', '--format', 'pdf'], cwd);
    expectExit(badFormat, 2);
    const unknown = await runCli(['away', '--charter', 'test-unti', '--from', '2026-12-21', '--until', '2026-12-22', '--today', '2026-12-01'], cwd);
    expectExit(unknown, 2);
    expect(unknown.stderr).toBe('charter: no charter with the id `test-unti` in charters; did you mean `test-unit`?\n');
  });

  it('says which option is missing, in the language of messages, exit 2', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const result = await runCli(['away', '--charter', 'test-unit', '--until', '2027-01-05', '--locale', 'sv'], cwd);
    expectExit(result, 2);
    expect(result.stderr).toBe('charter: `charter away` behöver flaggan --from; se `charter away --help`\n');
  });

  it('works for a charter without an absence routine, with a note', async () => {
    const without = VALID_UNIT.replace(/absence:\n(?: {2}.*\n)+/, '');
    expect(without).not.toContain('absence:');
    const cwd = writeTree({ 'charters/unit.yaml': without });
    const result = await runCli([...BASE, '--from', '2026-12-21', '--until', '2027-01-05'], cwd);
    expectExit(result, 0);
    expect(result.stderr).toContain('has no absence routine');
    expect(result.stdout).toContain(
      'Olen poissa 21.12.2026–5.1.2027. Sijaiseni on Testiyksikkö, puh. +358 9 123 4567, test@example.fi. Palaan töihin to 7.1.2027.',
    );
  });

  it('writes ICS to --output atomically, and never over a charter', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const args = [...BASE, '--from', '2026-12-21', '--until', '2027-01-05', '--substitute', 'clerk', '--format', 'ics'];
    const written = await runCli([...args, '--output', 'away.ics'], cwd);
    expectExit(written, 0);
    expect(written.stdout).toBe('');
    const ics = readFileSync(join(cwd, 'away.ics'), 'utf8');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toString()).toBe('2026-12-21');
    expect(event.description).toContain('Matti Meikäläinen');
    const before = readFileSync(join(cwd, 'charters/unit.yaml'), 'utf8');
    const refused = await runCli([...args, '--output', 'charters/unit.yaml'], cwd);
    expectExit(refused, 2);
    expect(readFileSync(join(cwd, 'charters/unit.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(join(cwd, 'charters'))).toEqual(['unit.yaml']);
  });

  it('gives Graph JSON and an Exchange line', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const args = [...BASE, '--from', '2026-12-21T12:00', '--until', '2027-01-05', '--substitute', 'clerk'];
    const graph = await runCli([...args, '--format', 'graph'], cwd);
    expectExit(graph, 0);
    const setting = (JSON.parse(graph.stdout) as { automaticRepliesSetting: Record<string, unknown> }).automaticRepliesSetting;
    expect(setting.scheduledStartDateTime).toEqual({ dateTime: '2026-12-21T12:00:00', timeZone: 'FLE Standard Time' });
    expect(setting.scheduledEndDateTime).toEqual({ dateTime: '2027-01-07T00:00:00', timeZone: 'FLE Standard Time' });
    const exchange = await runCli([...args, '--format', 'exchange', '--mailbox', "o'hara@example.fi"], cwd);
    expectExit(exchange, 0);
    expect(exchange.stdout).toMatch(
      /^Set-MailboxAutoReplyConfiguration -Identity 'o''hara@example\.fi' -AutoReplyState Scheduled -StartTime '2026-12-21T12:00:00\+02:00'/,
    );
    const json = await runCli([...args, '--format', 'json'], cwd);
    expect((JSON.parse(json.stdout) as { backOn: string }).backOn).toBe('2027-01-07');
  });

  it('runs as the built command, with its exit codes', () => {
    const cwd = writeTree({ 'charters/unit.yaml': UNIT });
    const ok = runBin([...BASE, '--from', '2026-12-21', '--until', '2027-01-05', '--substitute', 'clerk'], cwd);
    expectExit(ok, 0);
    expect(ok.stdout).toContain('Back on Thursday 7 January 2027.');
    expectExit(runBin([...BASE, '--from', '2026-12-21', '--until', '2027-01-05'], cwd), 1);
    expectExit(runBin([...BASE, '--from', 'tomorrow', '--until', '2027-01-05'], cwd), 2);
  });
});
