import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from './helpers.js';
import { BASELINE, FORMAT_11_UNIT, VALID_UNIT, edit } from './fixtures/charters.js';
import { checkCharters } from '../src/check.js';
import type { Diagnostic } from '../src/model/diagnostic.js';
import { renderMessage } from '../src/messages/message.js';
import { RULES } from '../src/rules/index.js';

type Edits = readonly (readonly [string, string])[];

/** Broken charters: each file breaks the schema or a rule in a few ways at once. */
const BROKEN: Readonly<Record<string, Edits>> = {
  'schema-values.yaml': [
    ['charter: 1', 'charter: 2'],
    ['id: test-unit', 'id: con'],
    ['  summary: {', '  ptvId: nope\n  summary: {'],
    ['owner: head\n', 'owner: Head Office\nzzz: 1\n'],
    ['every: 12 months', 'every: 12 kuukautta'],
    ['approved: 2026-09-01', 'approved: 1.9.2026'],
    ['open: "08:00", close: "16:00" }', 'open: "8.00", close: "16:00" }'],
    ['closed: true', 'closed: yes'],
    ['limit: 14 days', 'limit: 50 euros'],
  ],
  'schema-shapes.yaml': [
    ['id: test-unit', 'id: shapes'],
    ['  name: { fi: Testiyksikkö, en: Test Unit }', '  name: { fi: Testiyksikkö, English: Test Unit }'],
    ['summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', 'summary: {}'],
    ['days: mon-fri', 'days: [mon, mon]'],
    ['holidays: FI', 'holidays: gb-eng'],
    ['number: "+358 9 123 4567"', 'number: "call me"'],
    ['  every: 12 months', '  every: 12 months\n  evrey: 1'],
    ['  letter:\n', '  fax:\n    number: "+358 9 1"\n  letter:\n'],
    ['charge: local', 'charge: locla'],
    ['rota: [head, clerk]', 'rota: head'],
    ['email: liisa.esimerkki@example.fi', 'email: liisa'],
  ],
  'rules.yaml': [
    ['id: test-unit', 'id: rules\nextends: _base.yaml'],
    ['languages: [fi, en]', 'languages: [fi, sv, en]'],
    ['name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, se: Testenhet, en: Test Unit }'],
    ['title: { fi: Vastaa aina, en: Always reply }', 'title: { fi: Vastaa aina, sv: Svara alltid, en: Always reply, de: Immer antworten }'],
    ['owner: head\n', 'owner: haed\n'],
    ['channel: eservice', 'channel: fax'],
    ['escalateTo: head\nhandover', 'escalateTo: nobody\nhandover'],
    ['answer: { within: 30 seconds, target: 90% }', 'answer: { within: 3 hours, target: 40% }'],
    ['acknowledge: { within: 4 working hours }', 'acknowledge: { within: 0 working hours }'],
    ['reply: { within: 2 working days, target: 90% }', 'reply: { within: 7 working days, target: 80% }'],
    ['approved: 2026-09-01', 'approved: 2026-02-30'],
    ['next: 2027-09-01', 'next: 2026-09-01'],
    [
      '    - { days: mon-fri, open: "08:00", close: "16:00" }\n',
      '    - { days: fri-mon, open: "16:00", close: "08:00" }\n    - { days: [mon, mon-tue], open: "08:00", close: "16:00" }\n    - { days: [wed], open: "08:00", close: "16:00" }\n    - { days: [wed, thu], open: "09:00", close: "10:00" }\n',
    ],
    ['    - { date: 2027-07-15, closed: true', '    - { date: 2026-12-23, closed: true'],
    ['    fi: "Olen poissa {from}–{until}. Kiireellisissä asioissa: {substitute}."', '    fi: "Olen poissa {from}. {frm}"'],
    ['  holidays: FI\n', '  holidays: FI\n  timezone: Europe/Helsinky\n'],
    ['  - id: clerk\n', '  - id: head\n'],
  ],
  'more-rules.yaml': [
    ['id: test-unit', 'id: rules'],
    ['languages: [fi, en]', 'languages: [fi, en, sme]'],
    ['date: 2026-12-23, open: "08:00", close: "12:00"', 'date: 2026-12-23, open: "12:00", close: "08:00"'],
    [
      '  outOfOffice:\n    fi: "Olen poissa {from}–{until}. Kiireellisissä asioissa: {substitute}."\n    en: "I am away {from}–{until}. For urgent matters: {substitute}."',
      '  outOfOffice: "away {from}–{until}"',
    ],
    ['  holidays: FI\n', '  holidays: GB-ENGLAND\n  timezone: europe/helsinki\n'],
    ['greeting: { fi: "Testiyksikkö, hyvää päivää."', 'greeting: { fi: "Testiyksikkö, Liisa Esimerkki, {nimi}."'],
    ['answer: { within: 30 seconds, target: 90% }', 'answer:\n      - { within: 30 seconds, target: 90% }\n      - { within: 1 minute, target: 80% }'],
  ],
  'no-hours.yaml': [
    ['id: test-unit', 'id: no-hours'],
    ['  weekly:\n    - { days: mon-fri, open: "08:00", close: "16:00" }\n', ''],
    [
      'text: { fi: Jokainen viesti saa vastauksen., en: Every message gets a reply. }',
      'text: { fi: Vastaamme 2 työpäivässä., en: We reply within 3 working days. }',
    ],
  ],
};

/** Broken format 1.1 charters (edits of FORMAT_11_UNIT): references, ids, variants, plausibility and a 1.1 baseline. */
const BROKEN_11: Readonly<Record<string, Edits>> = {
  'format-11.yaml': [
    ['id: test-unit', 'id: format-11'],
    ['audience: [public]', 'audience: [public, pensioners]'],
    ['service: benefit }', 'service: benefits }'],
    ['averageAnswer: { within: 2 minutes }', 'averageAnswer: { within: 20 minutes, for: [busineses] }'],
    ['  - id: sami\n', '  - id: general\n'],
    ['id: urgent-decision', 'id: decision'],
    ['abandoned: { atMost: 10% }', 'abandoned: { atMost: 0% }'],
    ['abandoned: { atMost: 15% }', 'abandoned: { atMost: 60% }'],
    ['answer: { within: 2 minutes, target: 80% }', 'answer: { within: 2 minutes }\n    averageAnswer: { within: 3 minutes }'],
    [
      '      - { within: 1 minute, target: 80%, for: [businesses] }\n',
      '      - { within: 1 minute, target: 80%, for: [businesses] }\n      - { within: 50 seconds, for: [businesses] }\n',
    ],
    [
      'acknowledge: { within: 2 working days }\n      respond: { within: 20 working days',
      'acknowledge: { within: 10 working days }\n      respond: { within: 10 working days',
    ],
  ],
  'format-11-unit.yaml': [['id: test-unit', 'id: format-11-unit\nextends: _base11.yaml']],
};

/** The baseline of format-11-unit.yaml: stricter promises on the same line, and a service promise the unit leaves out. */
const BASELINE_11 = [
  'charter: 1.1',
  'languages: [fi, en]',
  'customerGroups:',
  '  - { id: public, name: { fi: Yksityisasiakkaat, en: Private customers } }',
  'channels:',
  '  phone:',
  '    - id: general',
  '      number: "+358 9 123 4000"',
  '      answer:',
  '        - { within: 20 seconds, target: 90% }',
  '        - { within: 45 seconds, for: [public] }',
  '      averageAnswer: { within: 1 minute }',
  '      abandoned: { atMost: 5% }',
  '  chat:',
  '    - { id: web, url: https://www.example.fi/chat }',
  'services:',
  '  - id: benefit',
  '    name: { fi: Toimeentulotuki, en: Social assistance }',
  '    promises:',
  '      - { id: appeal, name: { fi: Oikaisu, en: Review }, within: 20 working days }',
  '',
].join('\n');

/** What BROKEN_11 must make the rules say. */
const FORMAT_11_FINDINGS: readonly string[] = [
  'rules.reference-exists.unknown-group-suggest',
  'rules.reference-exists.unknown-group-list',
  'rules.reference-exists.unknown-service-suggest',
  'rules.unique-ids.duplicate-in-list',
  'rules.unique-ids.duplicate-service-promise',
  'rules.distinct-variants.same-scope',
  'rules.implausible-promise.average-too-slow',
  'rules.implausible-promise.average-over-limit',
  'rules.implausible-promise.no-abandoned',
  'rules.implausible-promise.most-abandoned',
  'rules.implausible-promise.acknowledge-not-faster',
  'rules.no-weaker-than-baseline.slower',
  'rules.no-weaker-than-baseline.lower-target',
  'rules.no-weaker-than-baseline.more-abandoned',
  'rules.no-weaker-than-baseline.variant-left-out',
  'rules.no-weaker-than-baseline.service-promise-left-out',
  'rules.no-weaker-than-baseline.lines-replaced',
];

function brokenCollection(): string {
  const broken = (base: string, edits: Edits): string => edits.reduce((text, [from, to]) => edit(text, from, to), base);
  const files: Record<string, string> = Object.fromEntries([
    ...Object.entries(BROKEN).map(([name, edits]): [string, string] => [`charters/${name}`, broken(VALID_UNIT, edits)]),
    ...Object.entries(BROKEN_11).map(([name, edits]): [string, string] => [`charters/${name}`, broken(FORMAT_11_UNIT, edits)]),
  ]);
  return writeTree({ ...files, 'charters/_base.yaml': BASELINE, 'charters/_base11.yaml': BASELINE_11 });
}

const RULE_IDS = new Set(['schema', ...RULES.map((rule) => rule.meta.id)]);

describe('findings of the schema and the rules in Finnish and Swedish', () => {
  it('carries every finding as a message, said in fi and sv in other words than in English', async () => {
    const cwd = brokenCollection();
    const { results } = await checkCharters({ cwd, today: '2026-11-23' });
    const diagnostics: Diagnostic[] = results.flatMap((result) => result.diagnostics).filter((diagnostic) => RULE_IDS.has(diagnostic.ruleId));
    // Every rule and the schema are represented.
    expect(new Set(diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual(RULE_IDS);
    const ids = new Set<string>();
    for (const diagnostic of diagnostics) {
      const text = diagnostic.text;
      expect(text, `${diagnostic.ruleId}: ${diagnostic.message}`).toBeDefined();
      if (!text) continue;
      ids.add(text.id);
      expect(renderMessage(text, 'en')).toBe(diagnostic.message);
      const englishBraces = diagnostic.message.match(/\{\w+\}/g) ?? [];
      for (const locale of ['fi', 'sv'] as const) {
        const said = renderMessage(text, locale);
        expect(said, `${locale}: ${diagnostic.message}`).not.toBe(diagnostic.message);
        // Placeholders are all filled: only the `{until}`s the charter itself wrote remain.
        expect((said.match(/\{\w+\}/g) ?? []).sort(), `${locale}: ${said}`).toEqual([...englishBraces].sort());
      }
    }
    expect(ids.size).toBeGreaterThan(30);
    // The findings about format 1.1 promises are among them.
    expect([...ids].filter((id) => FORMAT_11_FINDINGS.includes(id)).sort()).toEqual([...FORMAT_11_FINDINGS].sort());
  });

  it('says them in the chosen language on the command line (`--locale fi`, `--locale sv`)', async () => {
    const cwd = brokenCollection();
    const english = await runCli(['validate', '--format', 'json', '--today', '2026-11-23'], cwd);
    const finnish = await runCli(['validate', '--format', 'json', '--locale', 'fi', '--today', '2026-11-23'], cwd);
    const swedish = await runCli(['validate', '--format', 'json', '--locale', 'sv', '--today', '2026-11-23'], cwd);
    expect([english.code, finnish.code, swedish.code]).toEqual([1, 1, 1]);
    type Report = { messages: { ruleId: string; message: string; messageId?: string }[] }[];
    const messagesOf = (stdout: string): { ruleId: string; message: string; messageId?: string }[] =>
      (JSON.parse(stdout) as Report).flatMap((file) => file.messages).filter((entry) => RULE_IDS.has(entry.ruleId));
    const inEnglish = messagesOf(english.stdout);
    const inFinnish = messagesOf(finnish.stdout);
    const inSwedish = messagesOf(swedish.stdout);
    expect(inFinnish.map((entry) => entry.messageId)).toEqual(inEnglish.map((entry) => entry.messageId));
    expect(inSwedish.map((entry) => entry.messageId)).toEqual(inEnglish.map((entry) => entry.messageId));
    inEnglish.forEach((entry, index) => {
      expect(entry.messageId, entry.message).toBeDefined();
      expect(inFinnish[index]?.message).not.toBe(entry.message);
      expect(inSwedish[index]?.message).not.toBe(entry.message);
    });
    expect(inFinnish.map((entry) => entry.message)).toContain('tuntematon yhteystieto `haed`; tarkoititko `head`?');
    expect(inSwedish.map((entry) => entry.message)).toContain('okänd kontaktuppgift `haed`; menade du `head`?');
  }, 60_000);
});
