import { describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { runCli, tempFolder, writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { escapeText, foldLine } from '../../src/util/icalendar-text.js';

const TODAY = '2026-11-23';

/** Reviewed every 3 months from 2026-09-01 by head, then clerk. */
const ROTA_UNIT = edit(edit(VALID_UNIT, 'every: 12 months', 'every: 3 months'), 'next: 2027-09-01', 'next: 2026-12-01');

interface ParsedEvent {
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  readonly start: string;
  readonly end: string;
  readonly allDay: boolean;
  readonly stamp: string;
}

/** Reads a calendar with ical.js, a parser that shares no code with the writer. */
function parseCalendar(text: string): ParsedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      stamp: String(component.getFirstPropertyValue('dtstamp')),
    };
  });
}

/** Every physical line ends in CRLF, holds at most 75 octets and is whole UTF-8. */
function expectWellFolded(text: string): void {
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines.length).toBeGreaterThan(5);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/);
    const bytes = Buffer.from(line, 'utf8');
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    expect(decoder.decode(bytes)).toBe(line);
  }
}

describe('charter rota --format ics', () => {
  it("writes each reviewer's turn and the review due date as all-day events a real parser reads", async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '3', '--format', 'ics'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expectWellFolded(result.stdout);
    expect(parseCalendar(result.stdout)).toEqual([
      {
        uid: 'test-unit.review-turn.2026-09-01@charter',
        summary: 'Palvelulupauksen tarkistusvuoro: Testiyksikkö',
        description:
          'Liisa Esimerkki tarkistaa yksikön Testiyksikkö palvelulupauksen kaudella 2026-09-01 – 2026-11-30: miten lupaukset pidettiin, mitä asiakkaat kertoivat ja mitä tiimi muuttaa.',
        start: '2026-09-01',
        end: '2026-12-01',
        allDay: true,
        stamp: '2026-11-23T00:00:00Z',
      },
      {
        uid: 'test-unit.review-turn.2026-12-01@charter',
        summary: 'Palvelulupauksen tarkistusvuoro: Testiyksikkö',
        description:
          'Matti Meikäläinen tarkistaa yksikön Testiyksikkö palvelulupauksen kaudella 2026-12-01 – 2027-02-28: miten lupaukset pidettiin, mitä asiakkaat kertoivat ja mitä tiimi muuttaa.',
        start: '2026-12-01',
        end: '2027-03-01',
        allDay: true,
        stamp: '2026-11-23T00:00:00Z',
      },
      {
        uid: 'test-unit.review-turn.2027-03-01@charter',
        summary: 'Palvelulupauksen tarkistusvuoro: Testiyksikkö',
        description:
          'Liisa Esimerkki tarkistaa yksikön Testiyksikkö palvelulupauksen kaudella 2027-03-01 – 2027-05-31: miten lupaukset pidettiin, mitä asiakkaat kertoivat ja mitä tiimi muuttaa.',
        start: '2027-03-01',
        end: '2027-06-01',
        allDay: true,
        stamp: '2026-11-23T00:00:00Z',
      },
      {
        uid: 'test-unit.review-due.2026-12-01@charter',
        summary: 'Palvelulupauksen tarkistuksen määräpäivä: Testiyksikkö',
        description:
          'Yksikön Testiyksikkö palvelulupaus on tarkistettava ja hyväksyttävä uudelleen viimeistään 2026-12-01; merkitse sen jälkeen palvelulupaukseen uudet päivämäärät kohtiin `approved` ja `next`.',
        start: '2026-12-01',
        end: '2026-12-02',
        allDay: true,
        stamp: '2026-11-23T00:00:00Z',
      },
    ]);
  });

  it('gives the same bytes for the same day, and the same UIDs on another day, so a calendar updates rather than duplicates', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT });
    const first = await runCli(['rota', '--today', TODAY, '--periods', '3', '--format', 'ics'], cwd);
    const again = await runCli(['rota', '--today', TODAY, '--periods', '3', '--format', 'ics'], cwd);
    expect(again.stdout).toBe(first.stdout);
    const later = await runCli(['rota', '--today', '2026-12-15', '--periods', '2', '--format', 'ics'], cwd);
    const uids = (text: string): string[] => parseCalendar(text).map((event) => event.uid);
    expect(uids(later.stdout)).toHaveLength(3);
    expect(uids(first.stdout)).toEqual(expect.arrayContaining(uids(later.stdout)));
    expect(parseCalendar(later.stdout)[0]?.stamp).toBe('2026-12-15T00:00:00Z');
  });

  it("words the events in the charter's first language, and in the user's when the tool does not speak it", async () => {
    const swedishFirst = edit(
      edit(ROTA_UNIT, 'languages: [fi, en]', 'languages: [sv, fi, en]'),
      'name: { fi: Testiyksikkö, en: Test Unit }',
      'name: { sv: Testenheten, fi: Testiyksikkö, en: Test Unit }',
    );
    const cwd = writeTree({ 'charters/unit.yaml': swedishFirst });
    const swedish = parseCalendar((await runCli(['rota', '--today', TODAY, '--periods', '1', '--format', 'ics', '--locale', 'en'], cwd)).stdout);
    expect(swedish.map((event) => event.summary)).toEqual(['Tur att granska servicelöftet: Testenheten', 'Servicelöftet ska granskas senast: Testenheten']);

    const englishOnly = edit(ROTA_UNIT, 'languages: [fi, en]', 'languages: [en, fi]');
    const english = parseCalendar(
      (await runCli(['rota', '--today', TODAY, '--periods', '1', '--format', 'ics', '--locale', 'fi'], writeTree({ 'charters/unit.yaml': englishOnly })))
        .stdout,
    );
    expect(english[0]?.summary).toBe('Service charter review turn: Test Unit');
  });

  it('escapes and folds hostile names: quotes, separators, backslashes, line breaks and long multi-byte text', async () => {
    const name = 'Yö; \\"Äänekoski\\", \\\\ päivystys\\n ja 🧾 ' + 'ääkkösiä '.repeat(12);
    const hostile = edit(ROTA_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', `name: { fi: "${name}", en: Test Unit }`);
    const cwd = writeTree({ 'charters/unit.yaml': hostile });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1', '--format', 'ics'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expectWellFolded(result.stdout);
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/);
    const [turn] = parseCalendar(result.stdout);
    // The line break survives as one (escaped `\n`).
    expect(turn?.summary).toBe(`Palvelulupauksen tarkistusvuoro: Yö; "Äänekoski", \\ päivystys\n ja 🧾 ${'ääkkösiä '.repeat(12)}`);
  });

  it('leaves out a charter whose rota cannot be worked out, says why on stderr, and exits 1', async () => {
    const broken = edit(ROTA_UNIT, 'every: 3 months', 'every: 3 fortnights');
    const cwd = writeTree({ 'charters/unit.yaml': ROTA_UNIT, 'charters/other.yaml': edit(broken, 'id: test-unit', 'id: other') });
    const result = await runCli(['rota', '--today', TODAY, '--periods', '1', '--format', 'ics'], cwd);
    expect(result.code).toBe(1);
    expect(parseCalendar(result.stdout).map((event) => event.uid)).toEqual([
      'test-unit.review-turn.2026-09-01@charter',
      'test-unit.review-due.2026-12-01@charter',
    ]);
    expect(result.stderr).toMatch(/^charter: charters\/other\.yaml has no events in the calendar: /m);
  });

  it('reads the example charters: every unit has its turns and its due date', async () => {
    const cwd = tempFolder();
    cpSync(join(import.meta.dirname, '..', '..', 'charters'), join(cwd, 'charters'), { recursive: true });
    const result = await runCli(['rota', '--today', '2026-12-01', '--format', 'ics'], cwd);
    expect(result.code).toBe(0);
    expectWellFolded(result.stdout);
    const events = parseCalendar(result.stdout);
    // Four units (the baseline has no rota of its own), four turns and one due date each.
    expect(events).toHaveLength(4 * 5);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
    expect(events.every((event) => event.allDay)).toBe(true);
    expect(events.filter((event) => event.summary.startsWith('Palvelulupauksen tarkistusvuoro: '))).toHaveLength(16);
  });
});

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks, and drops control characters but the tab', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u2028h\u0007i\u001bj\u0085k\tl')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng\\nhijk\tl');
  });

  it('folds at 75 octets without splitting a UTF-8 sequence or a surrogate pair', () => {
    const line = `SUMMARY:${'ä'.repeat(40)}${'🧾'.repeat(20)}`;
    const folded = foldLine(line);
    const pieces = folded.split('\r\n');
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(75);
    expect(pieces.slice(1).every((piece) => piece.startsWith(' '))).toBe(true);
    expect(pieces.map((piece, index) => (index === 0 ? piece : piece.slice(1))).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });
});
