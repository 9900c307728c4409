import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import { diffCharters } from '../../src/diff/diff-charters.js';
import type { Charter } from '../../src/model/charter.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { reviewChanges } from '../../src/review/changes-input.js';
import { buildReviewView } from '../../src/view/review-view.js';
import { urls } from '../../src/view/site-plan.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';
import { commitAll } from './commit-all.js';

/**
 * The review pack's changes in the words of the meeting: promises and lines
 * named as the page's figures name them, limits and shares in the page's
 * language, fields by name; `charter diff`'s keys only where nothing else is known.
 */

const CONTEXT = { today: '2026-11-30', urlOf: urls.charter, cardUrlOf: urls.card, renderMarkdown };

/** VALID_UNIT with its phone as a list of named lines, in Finnish, Swedish and English. */
const LINES_UNIT = edit(
  edit(VALID_UNIT, 'languages: [fi, en]', 'languages: [fi, sv, en]'),
  `  phone:
    number: "+358 9 123 4567"
    charge: local
    answer: { within: 30 seconds, target: 90% }
    callback: { within: 1 working day, target: 95% }
    greeting: { fi: "Testiyksikkö, hyvää päivää.", en: "Test Unit, good afternoon." }`,
  `  phone:
    - id: general
      name: { fi: Yleisneuvonta, sv: Allmän rådgivning, en: General advice }
      number: "+358 9 123 4567"
      charge: local
      answer: { within: 30 seconds, target: 90% }
    - id: permits
      name: { fi: Lupaneuvonta, sv: Tillståndsrådgivning, en: Permit advice }
      number: "+358 9 123 4568"
      charge: local
      answer: { within: 1 minute, target: 80% }`,
);

/** The pack's change lines for a charter changed from `before` to `after` (files under old/ and new/), in `lang`. */
async function changeLines(
  files: { readonly before: Readonly<Record<string, string>>; readonly after: Readonly<Record<string, string>> },
  lang: 'fi' | 'sv',
  unit = 'unit.yaml',
): Promise<{ items: string[]; decision?: string }> {
  const tree: Record<string, string> = Object.fromEntries([
    ...Object.entries(files.before).map(([name, text]) => [`old/${name}`, text]),
    ...Object.entries(files.after).map(([name, text]) => [`new/${name}`, text]),
  ] as [string, string][]);
  const cwd = writeTree(tree);
  const result = await diffCharters({ cwd, paths: ['old', 'new'] });
  expect(result.unreadable).toEqual([]);
  const diff = result.charters.find((charter) => charter.file === join('new', unit));
  const { charters } = await checkCharters({ cwd, patterns: ['new'], today: '2026-11-30' });
  const charter = charters.find((found) => found.file === join('new', unit)) as Charter;
  const view = buildReviewView(
    { charter, day: '2026-11-30', figures: undefined, changes: reviewChanges({ approved: '2026-09-01', ...(diff ? { diff } : {}) }) },
    { lang, ui: lang },
    CONTEXT,
  );
  if (view.changes.state !== 'changed') return { items: [] };
  return { items: view.changes.items.map((item) => item.text), ...(view.changes.decision ? { decision: view.changes.decision } : {}) };
}

const one = (before: string, after: string) => ({ before: { 'unit.yaml': before }, after: { 'unit.yaml': after } });

describe('the review pack says the changes in the page language', () => {
  it('a longer time limit: the promise as the figures name it, the limits in words', async () => {
    const slower = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
    const fi = await changeLines(one(VALID_UNIT, slower), 'fi');
    expect(fi.items).toEqual(['Heikentyy: Sähköposti – vastaus: määräaika pitenee, 2 työpäivää → 5 työpäivää']);
    expect(fi.decision).toBe(
      'Lupausta on heikennetty, mutta päätöstä ei ole kirjattu. Ylläpitäjä kirjaa sen palvelulupauksen tiedostoon: päätöksen päivämäärän kenttään review.approved ja päätöksen tekijän kenttään review.approvedBy.',
    );
    const sv = await changeLines(one(VALID_UNIT, slower), 'sv');
    expect(sv.items).toEqual(['Försvagat: E-post – svar: längre tidsgräns, 2 arbetsdagar → 5 arbetsdagar']);
    expect(sv.decision).toMatch(/^Ett löfte har försvagats, men beslutet har inte antecknats\./);
  });

  it('a lower target, in percentages of the page language', async () => {
    const lower = edit(VALID_UNIT, 'wait: { within: 15 minutes, target: 80% }', 'wait: { within: 15 minutes, target: 75% }');
    expect((await changeLines(one(VALID_UNIT, lower), 'fi')).items).toEqual([
      expect.stringMatching(/^Heikentyy: Palvelupiste – odotusaika: tavoite laskee, 80\u00a0% → 75\u00a0% tapauksista määräajassa$/) as string,
    ]);
    expect((await changeLines(one(VALID_UNIT, lower), 'sv')).items).toEqual([
      expect.stringMatching(/^Försvagat: .* – .*: lägre mål, 80\u00a0% → 75\u00a0% av fallen inom tidsgränsen$/) as string,
    ]);
  });

  it('a removed line by its name, a line added, and a new promise with its limit and target', async () => {
    const fewer = edit(
      LINES_UNIT,
      `    - id: permits
      name: { fi: Lupaneuvonta, sv: Tillståndsrådgivning, en: Permit advice }
      number: "+358 9 123 4568"
      charge: local
      answer: { within: 1 minute, target: 80% }`,
      `    - id: building
      name: { fi: Rakennusneuvonta, sv: Byggrådgivning, en: Building advice }
      number: "+358 9 123 4569"
      charge: local`,
    );
    const added = edit(
      fewer,
      '    reply: { within: 5 working days }',
      '    reply: { within: 5 working days }\n    acknowledge: { within: 1 working day, target: 95% }',
    );
    const sv = await changeLines(one(LINES_UNIT, added), 'sv');
    expect(sv.items).toContain('Borttaget: Telefon, Tillståndsrådgivning: servicekanalen tas bort och med den dess löften');
    expect(sv.items).toContain('Tillagt: Telefon, Byggrådgivning: en ny servicekanal');
    expect(sv.items).toContainEqual(expect.stringMatching(/^Tillagt: E-tjänst – .*: ett nytt löfte, inom 1 arbetsdag, mål 95\u00a0%$/));
    const fi = await changeLines(one(LINES_UNIT, added), 'fi');
    expect(fi.items).toContainEqual(expect.stringMatching(/^[^:]+: Puhelin, Lupaneuvonta: /));
    expect(fi.items).toContainEqual(
      expect.stringMatching(/^[^:]+: Verkkoasiointi – vastaanottokuittaus: uusi lupaus, 1 työpäivän kuluessa, tavoite 95\u00a0%$/),
    );
    expect(fi.items.join('\n')).not.toMatch(/channels\./);
  });

  it('a change in the baseline the unit inherits, said the same way', async () => {
    const slower = edit(BASELINE, 'respond: { within: 15 working days, target: 90% }', 'respond: { within: 20 working days, target: 90% }');
    const files = { before: { '_base.yaml': BASELINE, 'small.yaml': EXTENDING_UNIT }, after: { '_base.yaml': slower, 'small.yaml': EXTENDING_UNIT } };
    expect((await changeLines(files, 'fi', 'small.yaml')).items).toEqual([
      expect.stringMatching(/^Heikentyy: Palaute – .*: määräaika pitenee, 15 työpäivää → 20 työpäivää$/) as string,
    ]);
    expect((await changeLines(files, 'sv', 'small.yaml')).items).toEqual([
      expect.stringMatching(/^Försvagat: Respons – .*: längre tidsgräns, 15 arbetsdagar → 20 arbetsdagar$/) as string,
    ]);
  });

  it('a words change by the field’s name and the language’s, else by its key', async () => {
    const renamed = edit(
      edit(VALID_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Koeyksikkö, en: Test Unit }'),
      'address: test@example.fi',
      'address: koe@example.fi',
    );
    const closed = edit(renamed, '    - { date: 2027-07-15, closed: true', '    - { date: 2026-12-24, closed: true }\n    - { date: 2027-07-15, closed: true');
    const fi = await changeLines(one(VALID_UNIT, closed), 'fi');
    expect(fi.items).toContain('Heikentyy: Aukioloajat: suljettuna 24.12.2026 (uusi poikkeus)');
    expect(fi.items).toContain('Sanamuoto: Yksikön nimi (suomi): ”Testiyksikkö” → ”Koeyksikkö”');
    expect(fi.items).toContain('Sanamuoto: Sähköposti – sähköpostiosoite: test@example.fi → koe@example.fi');
    const sv = await changeLines(one(VALID_UNIT, closed), 'sv');
    expect(sv.items).toContain('Försvagat: Öppettider: stängt 24.12.2026 (ett nytt undantag)');
    expect(sv.items).toContain('Formulering: Enhetens namn (finska): ”Testiyksikkö” → ”Koeyksikkö”');
  });

  it('says a recorded decision with its date as the page writes dates', async () => {
    const slower = edit(VALID_UNIT, 'reply: { within: 2 working days, target: 90% }', 'reply: { within: 5 working days, target: 90% }');
    const decided = edit(slower, 'approved: 2026-09-01', 'approved: 2026-11-02');
    expect((await changeLines(one(VALID_UNIT, decided), 'fi')).decision).toBe('Päätös on kirjattu: hyväksytty 2.11.2026, päättäjä Lautakunta.');
    expect((await changeLines(one(VALID_UNIT, decided), 'sv')).decision).toMatch(/^Beslutet har antecknats: godkänt 2\.11\.2026 av /);
  });

  it('keeps charter texts as text: the template escapes them', async () => {
    const hostile = edit(LINES_UNIT, 'sv: Tillståndsrådgivning', 'sv: "<script>alert(1)</script>"');
    const gone = edit(
      hostile,
      `    - id: permits
      name: { fi: Lupaneuvonta, sv: "<script>alert(1)</script>", en: Permit advice }
      number: "+358 9 123 4568"
      charge: local
      answer: { within: 1 minute, target: 80% }`,
      '',
    );
    // The view hands the name on as it is written; review-pack.hbs writes it with {{text}}, escaped.
    expect((await changeLines(one(hostile, gone), 'sv')).items).toContain(
      'Borttaget: Telefon, <script>alert(1)</script>: servicekanalen tas bort och med den dess löften',
    );
  });
});

describe('the pack page escapes the changes', () => {
  it('writes a hostile changed text and line name as text, never as markup', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': LINES_UNIT });
    commitAll(cwd);
    const attack = '<img src=x onerror=alert(1)>';
    const hostile = edit(
      edit(LINES_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', `name: { fi: "Testi${attack}", en: Test Unit }`),
      'en: Permit advice }\n      number: "+358 9 123 4568"\n      charge: local\n      answer: { within: 1 minute, target: 80% }',
      'en: Permit advice }\n      number: "+358 9 123 4568"\n      charge: local\n      answer: { within: 2 minutes, target: 80% }',
    );
    writeFileSync(join(cwd, 'charters', 'unit.yaml'), edit(hostile, 'sv: Tillståndsrådgivning', `sv: "${attack}"`));
    const result = await runCli(['review', '--as-of', '2026-11-30', '--format', 'html'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(cwd, '_review', 'sv', 'test-unit.html'), 'utf8');
    const changes = html.slice(html.indexOf('review-pack__changes'), html.indexOf('review-feedback'));
    expect(changes).toContain('Telefon, &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; – svar på samtal: längre tidsgräns, 1 minut → 2 minuter');
    expect(changes).toContain('”Testi&lt;img');
    expect(html).not.toMatch(/<img\b/i);
  });
});
