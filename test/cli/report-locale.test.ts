import { describe, expect, it } from 'vitest';
import { AS_OF, CHARTERS, HAND_CHECKED_LOG } from '../fixtures/contact-log.js';
import { runCli, writeTree } from '../helpers.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import type { ComplianceReport } from '../../src/model/compliance-report.js';

describe('charter report in Finnish and Swedish', () => {
  it('lists bad rows as file:line:col: kind: message, the message in Finnish and the kind as it is', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const result = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--locale', 'fi'], cwd);
    expect(result.code).toBe(0);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/^log\.csv:18:1: duplicate: sama yhteydenotto kuin rivillä 11 \(/);
    expect(lines[4]).toMatch(/^log\.csv:24:23: no-time-zone: start: ajassa `2027-01-04T10:00:00` ei ole aikavyöhykettä: .*\+02:00/);
    for (const line of lines) expect(line).toMatch(/^log\.csv:\d+:\d+: [a-z-]+: /);
    expect(result.stderr).toMatch(/unknown-charter: millään palvelulupauksella ei ole tunnusta/);
    expect(result.stderr).not.toMatch(/no charter has|the same contact/);
  });

  it('says the table, its headings and summary in the language; ids and kinds stay', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const fi = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--locale', 'fi'], cwd);
    expect(fi.stdout).toMatch(/^Lupausten toteutuminen 2027-01-15 12:00 mennessä \(Europe\/Helsinki\)/);
    expect(fi.stdout).toMatch(/kuukaudet 2026-12–2027-01/);
    expect(fi.stdout).toMatch(/^ +kanava +lupaus +aika +tavoite +määrä +ajoissa +myöhässä +kesken +osuus ajoissa +mediaani +p90 +tila$/m);
    expect(fi.stdout).toMatch(/email\s+reply\s+2 working days\s+90 %\s+7\s+4\s+2\s+1\s+66,6 %\s+2 työpäivää\s+3 työpäivää\s+EI TÄYTY, vähän yhteydenottoja$/m);
    // The manager's view first, in the language.
    expect(fi.stdout).toMatch(
      /^Toteutumatta jääneet ensin: .*\n +yksikkö +lupaus +2027-01 +koko jakso\n +small-unit +email reply 3 working days +EI TÄYTY, vähän yhteydenottoja/m,
    );
    expect(fi.stdout).toMatch(/18\/26 riviä mitattu, 8 virheellistä. Lupaukset: /);
    expect(fi.stdout).toMatch(/Virheelliset rivit \(ei laskettu\): malformed 1, unknown-charter 1, /);
    const sv = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--locale', 'sv'], cwd);
    expect(sv.stdout).toMatch(/^Uppfyllda löften per 2027-01-15 12:00 \(Europe\/Helsinki\)/);
    expect(sv.stdout).toMatch(/2 arbetsdagar\s+3 arbetsdagar\s+EJ UPPFYLLT, få kontakter$/m);
    expect(sv.stdout).toMatch(/18 av 26 rader mätta, 8 felaktiga\. Löften: /);
    expect(sv.stderr).toMatch(/^log\.csv:18:1: duplicate: samma kontakt som rad 11 /m);
  });

  it('keeps the JSON and CSV field names in English while the bad-row messages follow the language', async () => {
    const cwd = writeTree({ ...CHARTERS, 'log.csv': HAND_CHECKED_LOG });
    const json = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'json', '--locale', 'sv'], cwd);
    const report = JSON.parse(json.stdout) as ComplianceReport;
    expect(Object.keys(report)).toContain('badRows');
    expect(report.badRows[0]).toMatchObject({ file: 'log.csv', line: 18, column: 1, kind: 'duplicate' });
    expect(report.badRows[0]?.message).toMatch(/^samma kontakt som rad 11/);
    const csv = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--format', 'csv', '--locale', 'fi'], cwd);
    expect(csv.stdout.split('\n')[0]).toMatch(/^charter,/);
  });

  it('says its notes, option mistakes and unreadable logs in the language', async () => {
    const broken = edit(VALID_UNIT, 'id: test-unit', 'id: other-unit\nextra: 1');
    const cwd = writeTree({ ...CHARTERS, 'charters/broken.yaml': broken, 'log.csv': HAND_CHECKED_LOG, 'folder.csv/x': '' });
    const noted = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--locale', 'fi'], cwd);
    expect(noted.stderr.split('\n')[0]).toBe(
      'charter: huom.: 1 palvelulupaustiedostossa on virheitä; raportti mittaa sen, minkä voi lukea (aja charter validate)',
    );
    const order = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--from', '2027-01', '--to', '2026-12', '--locale', 'sv'], cwd);
    expect(order).toMatchObject({ code: 2, stderr: 'charter: --from 2027-01 är senare än --to 2026-12\n' });
    const year = await runCli(['report', 'log.csv', '--as-of', AS_OF, '--from', '1900-01', '--locale', 'fi'], cwd);
    expect(year).toMatchObject({ code: 2, stderr: 'charter: --from on oltava vuosien 1970 ja 2199 välillä (ei 1900-01)\n' });
    const folder = await runCli(['report', 'folder.csv', '--as-of', AS_OF, '--locale', 'fi'], cwd);
    expect(folder).toMatchObject({ code: 2, stderr: 'charter: folder.csv: ei ole lokitiedosto vaan kansio\n' });
    const english = await runCli(['report', 'folder.csv', '--as-of', AS_OF], cwd);
    expect(english.stderr).toBe('charter: folder.csv: is a folder, not a log file\n');
    const header = await runCli(
      ['report', 'head.csv', '--as-of', AS_OF, '--locale', 'sv'],
      writeTree({ ...CHARTERS, 'head.csv': 'charter,channel,start,end\n' }),
    );
    expect(header).toMatchObject({
      code: 2,
      stderr:
        'charter: head.csv:1:1: rubrikraden har ingen kolumn `commitment`; en kontaktlogg behöver kolumnerna charter,channel,commitment,start,end, och den här rubrikraden har charter, channel, start, end: om kolumnen heter något annat, ange det med --map (t.ex. --map commitment="dess namn")\n',
    });
  });

  it('says why a log cannot be read in the language, not only around it', async () => {
    const cwd = writeTree(CHARTERS);
    expect(await runCli(['report', 'missing.csv', '--as-of', AS_OF, '--locale', 'fi'], cwd)).toMatchObject({
      code: 2,
      stderr: 'charter: missing.csv: tiedostoa ei ole\n',
    });
    expect(await runCli(['report', 'missing.csv', '--as-of', AS_OF, '--locale', 'sv'], cwd)).toMatchObject({
      code: 2,
      stderr: 'charter: missing.csv: filen finns inte\n',
    });
    expect((await runCli(['report', 'missing.csv', '--as-of', AS_OF], cwd)).stderr).toBe('charter: missing.csv: no such file\n');
  });
});
