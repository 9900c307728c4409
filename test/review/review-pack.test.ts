import { chmodSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentFigures, ComplianceReport } from '../../src/model/compliance-report.js';
import { isReviewFile, makeReviewPack } from '../../src/review/review-pack.js';
import { BASELINE, edit, VALID_UNIT } from '../fixtures/charters.js';
import { hostileCharter } from '../fixtures/hostile.js';
import { runCli, tempFolder, writeTree } from '../helpers.js';
import { commitAll } from './commit-all.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const UNITS = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];
const AS_OF = '2026-11-30';

/** The example charters and the sample log in a git repository, with building control's email reply loosened since. */
function exampleRepository(): string {
  const cwd = tempFolder('file');
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  commitAll(cwd);
  const file = join(cwd, 'charters', 'building-control.yaml');
  writeFileSync(file, edit(readFileSync(file, 'utf8'), 'reply: { within: 3 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }'));
  return cwd;
}

function packsIn(out: string): string[] {
  return readdirSync(out, { recursive: true, encoding: 'utf8' })
    .filter((path) => /\.(html|pdf)$/.test(path))
    .sort();
}

describe('charter review: the pack of the example charters', () => {
  let cwd: string;
  let result: Awaited<ReturnType<typeof makeReviewPack>>;
  beforeAll(async () => {
    cwd = exampleRepository();
    result = await makeReviewPack({ cwd, asOf: new Date(`${AS_OF}T23:59:59+02:00`), events: { logs: ['charters/sample-events.csv'] }, format: 'html' });
  }, 120_000);

  it('writes one page per charter and language', () => {
    expect(result.ok).toBe(true);
    const expected = ['en', 'fi', 'sv'].flatMap((lang) => UNITS.map((unit) => `${lang}/${unit}.html`)).sort();
    expect(packsIn(join(cwd, '_review'))).toEqual(expected);
  });

  it('measures each period with the report: the same figures as charter report --from <approval> --to <day>', async () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const input of result.review.inputs) {
      const figures = input.figures;
      expect(figures !== undefined && 'report' in figures, input.charter.id).toBe(true);
      const ours = (figures as { report: ComplianceReport }).report.commitments.filter((entry) => entry.charter === input.charter.id);
      expect(ours.length, input.charter.id).toBeGreaterThan(0);
      const cli = await runCli(
        ['report', 'charters/sample-events.csv', '--from', input.charter.review.approved, '--to', AS_OF, '--as-of', AS_OF, '--format', 'json'],
        cwd,
      );
      expect(cli.code).toBe(0);
      const theirs = (JSON.parse(cli.stdout) as ComplianceReport).commitments.filter((entry: CommitmentFigures) => entry.charter === input.charter.id);
      expect(ours).toEqual(theirs);
    }
  }, 120_000);

  it('shows the reviewer, the period, the missed promises first, the loosened promise and the questions', () => {
    const html = readFileSync(join(cwd, '_review', 'en', 'building-control.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a class="skip-link" href="#main">');
    // Styled wherever the file goes: the stylesheet is inline.
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    expect(html).toContain('<style>');
    expect(html).toMatch(/Reviewer this period.*Heikki Laaksonen/s);
    expect(html).toContain('15 September – 30 November 2026');
    // The summary table: the missed promises come first, and say so in words.
    const rows = [
      ...html.matchAll(
        /<tr( class="review-pack__missed")?>\n<th scope="row"><a href="#[^"]+">([^<]+)<\/a><\/th>\n<td><span class="status status--([a-z-]+)">/g,
      ),
    ];
    expect(rows.length).toBeGreaterThan(3);
    const statuses = rows.map((row) => row[3]);
    expect(statuses[0]).toBe('missed');
    expect(statuses.lastIndexOf('missed')).toBeLessThan(statuses.indexOf('met'));
    expect(rows.every((row) => (row[1] !== undefined) === (row[3] === 'missed'))).toBe(true);
    expect(html).toContain('Loosened: Email – reply: longer time limit, 3 working days → 5 working days');
    expect(html).toContain('The approval was recorded in version control on 1 October 2026');
    expect(html).toMatch(/Feedback received in the period: \d+\./);
    for (const question of ['What did we promise?', 'What did we keep?', 'What did customers tell us?', 'What do we change?']) expect(html).toContain(question);
  });

  it('speaks the page language: Finnish and Swedish questions and headings', () => {
    const fi = readFileSync(join(cwd, '_review', 'fi', 'building-control.html'), 'utf8');
    const sv = readFileSync(join(cwd, '_review', 'sv', 'building-control.html'), 'utf8');
    expect(fi).toContain('<html lang="fi">');
    expect(fi).toContain('Mitä lupasimme?');
    expect(fi).toContain('Muutokset edellisen hyväksynnän jälkeen');
    expect(fi).toContain('Heikentyy: Sähköposti – vastaus: määräaika pitenee, 3 työpäivää → 5 työpäivää');
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('Vad lovade vi?');
    expect(sv).toContain('Försvagat: E-post – svar: längre tidsgräns, 3 arbetsdagar → 5 arbetsdagar');
  });

  it('lists only the "you said, we did" entries dated in the period', async () => {
    const file = join(cwd, 'charters', 'city-library.yaml');
    const text = readFileSync(file, 'utf8');
    const inPeriod = text.replace('  - date: 2026-01-19', '  - date: 2026-10-19');
    writeFileSync(file, inPeriod);
    try {
      const run = await makeReviewPack({ cwd, out: '_period', charters: ['city-library'], asOf: new Date(`${AS_OF}T12:00:00+02:00`), format: 'html' });
      expect(run.ok).toBe(true);
      const html = readFileSync(join(cwd, '_period', 'en', 'city-library.html'), 'utf8');
      const entries = [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">[^<]*<\/time><\/p>\n<dl class="improvement__body">/g)].map((match) => match[1]);
      expect(entries).toEqual(['2026-10-19']);
      expect(html).toContain('The library closed too early on Saturdays.');
      // No logs: the page says so, and how to give them.
      expect(html).toContain('No contact log was given');
      expect(html).toContain('<code>charter review --events contacts.csv</code>');
    } finally {
      writeFileSync(file, text);
    }
  }, 60_000);

  it('says in its own terms why a period too long to measure has no figures', async () => {
    const run = await makeReviewPack({
      cwd,
      out: '_far',
      charters: ['city-library'],
      asOf: new Date('2199-12-31T12:00:00+02:00'),
      events: { logs: ['charters/sample-events.csv'] },
      format: 'html',
    });
    expect(run.ok).toBe(true);
    const html = readFileSync(join(cwd, '_far', 'en', 'city-library.html'), 'utf8');
    expect(html).toMatch(/The period cannot be measured: the period from the approval on \d{4}-\d{2}-\d{2} to 2199-12-31 is longer than the 10 years/);
    expect(html).not.toContain('--from');
    expect(readFileSync(join(cwd, '_far', 'fi', 'city-library.html'), 'utf8')).toContain('on pidempi kuin 10 vuotta');
  }, 60_000);
});

describe('charter review on the command line', () => {
  const charters = () => writeTree({ 'charters/unit.yaml': VALID_UNIT });

  it('exits 2 with a suggestion for a charter id that does not exist', async () => {
    const cwd = charters();
    const result = await runCli(['review', '--charter', 'test-unti', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: there is no unit charter with the id `test-unti`; did you mean `test-unit`?\n');
    expect(existsSync(join(cwd, '_review'))).toBe(false);
  });

  it('exits 2 on usage mistakes, before writing anything', async () => {
    const cwd = charters();
    for (const argv of [
      ['review', '--format', 'docx'],
      ['review', '--as-of', 'tomorrow'],
      ['review', '--delimiter', ';'],
      ['review', 'nowhere/'],
      ['review', '--events', 'missing.csv', '--format', 'html'],
      ['review', '--events', '-', '--format', 'html'],
      ['review', '--out', 'charters', '--format', 'html'],
      ['review', '--out', '.', '--format', 'html'],
    ]) {
      const result = await runCli(argv, cwd);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(/^charter: [^\n]+\n$/);
    }
    expect(readdirSync(cwd).sort()).toEqual(['charters']);
    expect(readdirSync(join(cwd, 'charters'))).toEqual(['unit.yaml']);
  });

  it('exits 2 when there is no unit charter at all', async () => {
    const result = await runCli(['review', '--format', 'html'], writeTree({ 'charters/_organisation.yaml': BASELINE }));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no unit charter to make a review pack for/);
  });

  it('writes the pack, says where, and exits 0; a later run for one charter keeps the others', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'charters/other.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: other-unit') });
    const first = await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('charter: wrote the review packs of 2 charters into _review/');
    const before = packsIn(join(cwd, '_review'));
    expect(before).toContain('fi/other-unit.html');
    const second = await runCli(['review', '--charter', 'test-unit', '--as-of', '2026-11-30', '--format', 'html', '--locale', 'fi'], cwd);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('1 palvelulupauksen tarkistusaineisto kirjoitettiin kansioon _review/');
    expect(packsIn(join(cwd, '_review'))).toEqual(before);
  });

  it('leaves the output as it was when a run fails midway', async () => {
    const cwd = charters();
    expect((await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd)).code).toBe(0);
    const page = join(cwd, '_review', 'fi', 'test-unit.html');
    const before = readFileSync(page, 'utf8');
    // No Chromium for --format pdf: the run stops after its staging folder is made.
    const broken = await runCli(['review', '--as-of', '2026-11-29', '--format', 'pdf', '--chromium', join(cwd, 'no-chromium')], cwd);
    expect(broken.code).toBe(2);
    expect(readFileSync(page, 'utf8')).toBe(before);
    expect(readdirSync(cwd).filter((name) => name.startsWith('._review'))).toEqual([]);
  });

  it('writes HTML only, and says why, when there is no Chromium for --format all', async () => {
    const cwd = charters();
    const result = await runCli(['review', '--as-of', '2026-11-30', '--chromium', join(cwd, 'no-chromium')], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('the packs are written as HTML only, without PDF files: printing them needs Chromium, but there is none at');
    expect(packsIn(join(cwd, '_review'))).toEqual(['en/test-unit.html', 'fi/test-unit.html']);
  });

  it('says to reinstall a Chromium that is there but does not start, in the language of messages', async () => {
    const cwd = charters();
    const broken = join(cwd, 'broken-chromium');
    writeFileSync(broken, '#!/bin/sh\nexit 3\n');
    chmodSync(broken, 0o755);
    const result = await runCli(['review', '--as-of', '2026-11-30', '--chromium', broken, '--locale', 'fi'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('aineisto kirjoitettiin vain HTML-muodossa ilman PDF-tiedostoja');
    expect(result.stderr).toContain('asenna se uudelleen');
    expect(packsIn(join(cwd, '_review'))).toEqual(['en/test-unit.html', 'fi/test-unit.html']);
  });

  it('escapes every charter text: no script, handler or javascript: link of the author reaches the page', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': hostileCharter().replace('date: 2026-05-04', 'date: 2026-10-04') });
    const result = await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const files = packsIn(join(cwd, '_review'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const html = readFileSync(join(cwd, '_review', file), 'utf8');
      expect(html.match(/<script\b/gi) ?? [], file).toEqual([]);
      expect(html, file).not.toMatch(/<[a-z][^>]*\son\w+\s*=/i);
      expect(html, file).not.toMatch(/(href|src)\s*=\s*["']?\s*javascript:/i);
      expect(html, file).not.toMatch(/<(img|svg|iframe)\b/i);
      // The attacks are there, as text.
      expect(html, file).toMatch(/&lt;(script|img|svg|a|style)\b/);
    }
  });
});

describe('charter review and control characters', () => {
  it('shows a charter with them as it stands, each one as U+FFFD: none reaches the page or the terminal', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'en: Test Unit', 'en: "Test\\u0007 Unit\\u001b[31m\\u0085"') });
    const result = await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('charter file has errors');
    const html = readFileSync(join(cwd, '_review', 'en', 'test-unit.html'), 'utf8');
    expect(html).toContain('Test\uFFFD Unit\uFFFD[31m\uFFFD');
    expect(html).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/);
    expect(result.stderr).not.toMatch(/[\u0007\u001B]/);
  });
});

describe('isReviewFile', () => {
  it('picks a pack of the charters asked for, and nothing else', () => {
    expect(isReviewFile('fi/unit.html', undefined)).toBe(true);
    expect(isReviewFile('se/unit.pdf', new Set(['unit']))).toBe(true);
    expect(isReviewFile('fi/other.pdf', new Set(['unit']))).toBe(false);
    expect(isReviewFile('fi/notes.txt', undefined)).toBe(false);
    expect(isReviewFile('.charter-site', undefined)).toBe(false);
    expect(isReviewFile('fi/sub/unit.html', undefined)).toBe(false);
    expect(isReviewFile('Not a language/unit.html', undefined)).toBe(false);
  });
});
