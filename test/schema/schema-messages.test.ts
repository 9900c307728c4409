import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnosticsFor } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { CATALOG_FILES } from '../../src/messages/catalog.js';
import { isMessageRef, renderMessage, type MessageRef } from '../../src/messages/message.js';
import { errorMessageTexts } from '../../src/schema/check-schema.js';
import { BRANCH_TITLE_IDS, ERROR_MESSAGE_IDS } from '../../src/schema/schema-messages.js';

const schema = JSON.parse(readFileSync('schema/charter.schema.json', 'utf8')) as { definitions: Record<string, Record<string, unknown>> };
const english = CATALOG_FILES.en.schema ?? {};

/** The message a finding is about, inside "(found ...)" and "(read as ...)". */
function innermost(ref: MessageRef): MessageRef {
  const problem = ref.values?.problem;
  return isMessageRef(problem) ? innermost(problem) : ref;
}

describe("the schema's errorMessage texts in the catalogs", () => {
  const written = errorMessageTexts(schema);

  it('finds them in the schema', () => {
    expect(written.length).toBeGreaterThan(20);
    expect(written.map((entry) => entry.pointer)).toContain('#/definitions/Duration/errorMessage');
  });

  it('gives every errorMessage of the schema a catalog message, and no more', () => {
    expect(Object.keys(ERROR_MESSAGE_IDS).sort()).toEqual(written.map((entry) => entry.pointer).sort());
  });

  it("says the schema's own English words after `{where}`", () => {
    for (const { pointer, text } of written) {
      const id = ERROR_MESSAGE_IDS[pointer];
      expect(id, pointer).toBeDefined();
      if (id !== undefined) expect(english[id], `${id} (${pointer})`).toBe(`{where} ${text}`);
    }
  });

  it('names every titled union branch, with its article', () => {
    const titled = Object.entries(schema.definitions).filter(([, definition]) => typeof definition.title === 'string');
    expect(Object.keys(BRANCH_TITLE_IDS).sort()).toEqual(titled.map(([name]) => name).sort());
    for (const [name, definition] of titled) {
      const id = BRANCH_TITLE_IDS[name];
      expect(id && english[id], name).toMatch(new RegExp(`^an? ${String(definition.title)}$`));
    }
  });
});

/** [what, edits to VALID_UNIT, the catalog id the finding is said with]. */
const CASES: readonly (readonly [string, readonly (readonly [string, string])[], string])[] = [
  ['format version', [['charter: 1', 'charter: 2']], 'schema.error-message.charter'],
  ['extends', [['owner: head\n', 'owner: head\nextends: base.txt\n']], 'schema.error-message.extends'],
  ['Service Catalogue id', [['  summary: {', '  ptvId: nope\n  summary: {']], 'schema.error-message.ptv-id'],
  ['reserved unit id', [['id: test-unit', 'id: con']], 'schema.error-message.unit-id-reserved'],
  ['unit id', [['id: test-unit', 'id: Test_Unit']], 'schema.error-message.unit-id'],
  ['touchpoint id (a slug)', [['- { id: permit,', '- { id: Permit,']], 'schema.error-message.slug'],
  ['contact reference', [['owner: head\n', 'owner: Head Office\n']], 'schema.error-message.contact-ref'],
  ['language tag', [['languages: [fi, en]', 'languages: [fi, EN]']], 'schema.error-message.language-tag'],
  ['text of the wrong type', [['  name: { fi: Testiyksikkö, en: Test Unit }', '  name: 3']], 'schema.error-message.text-type'],
  [
    'text language keys',
    [['  name: { fi: Testiyksikkö, en: Test Unit }', '  name: { fi: Testiyksikkö, English: Test Unit }']],
    'schema.error-message.text-language-keys',
  ],
  ['empty text', [['  name: { fi: Testiyksikkö, en: Test Unit }', '  name: ""']], 'schema.error-message.text-empty'],
  ['text in no language', [['  name: { fi: Testiyksikkö, en: Test Unit }', '  name: {}']], 'schema.error-message.text-no-language'],
  ['Markdown of the wrong type', [['summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', 'summary: [a]']], 'schema.error-message.markdown-type'],
  [
    'Markdown language keys',
    [['summary: { fi: Palvelemme **hyvin**., en: We serve', 'summary: { fi: Palvelemme **hyvin**., EN: We serve']],
    'schema.error-message.markdown-language-keys',
  ],
  ['empty Markdown', [['summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', 'summary: ""']], 'schema.error-message.markdown-empty'],
  ['Markdown in no language', [['summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', 'summary: {}']], 'schema.error-message.markdown-no-language'],
  ['duration', [['every: 12 months', 'every: 12 kuukautta']], 'schema.error-message.duration'],
  ['a time limit of a promise as the review interval', [['every: 12 months', 'every: same working day']], 'schema.error-message.duration'],
  ['a time limit of a promise as the notice of an absence', [['notice: 1 working day', 'notice: immediately']], 'schema.error-message.duration'],
  ['time limit of a promise', [['within: 2 working days', 'within: 2 workdays']], 'schema.error-message.promise-duration'],
  ['percentage', [['target: 80%', 'target: 180%']], 'schema.error-message.percent'],
  ['date', [['approved: 2026-09-01', 'approved: 1.9.2026']], 'schema.error-message.date'],
  ['time', [['open: "08:00", close: "16:00" }', 'open: "8.00", close: "16:00" }']], 'schema.error-message.time'],
  ['a day in a list', [['days: mon-fri', 'days: [mon, friday]']], 'schema.error-message.days-item'],
  ['a day', [['days: mon-fri', 'days: monday']], 'schema.error-message.days-pattern'],
  ['days of the wrong type', [['days: mon-fri', 'days: 5']], 'schema.error-message.days-type'],
  ['holiday calendar', [['holidays: FI', 'holidays: gb-eng']], 'schema.error-message.holidays'],
  ['telephone number', [['number: "+358 9 123 4567"', 'number: "call me"']], 'schema.error-message.phone'],
  ['email address', [['email: liisa.esimerkki@example.fi', 'email: liisa']], 'schema.error-message.email'],
  ['web address', [['url: https://www.example.fi/asiointi', 'url: "javascript:alert(1)"']], 'schema.error-message.url'],
  ['closed day (a union branch)', [['closed: true', 'closed: yes']], 'schema.error-message.closed'],
  ['duration or amount (a union read as its first branch)', [['limit: 14 days', 'limit: 50 euros']], 'schema.read-as'],
  ['missing key', [['owner: head\n', '']], 'schema.required'],
  ['unknown key with a suggestion', [['  every: 12 months', '  every: 12 months\n  evrey: 1']], 'schema.unknown-key.suggest'],
  ['unknown key with the keys allowed', [['  letter:\n', '  fax:\n    number: "+358 9 1"\n  letter:\n']], 'schema.unknown-key.expected'],
  ['unknown top-level key', [['owner: head\n', 'owner: head\nzzzzzzzzzzzz: 1\n']], 'schema.unknown-key'],
  ['enum with a suggestion', [['charge: local', 'charge: locla']], 'schema.enum.suggest'],
  ['enum', [['charge: local', 'charge: zzzz']], 'schema.enum'],
  ['type', [['rota: [head, clerk]', 'rota: head']], 'schema.type'],
  ['too few items', [['languages: [fi, en]', 'languages: []']], 'schema.min-items'],
  ['the same value twice', [['days: mon-fri', 'days: [mon, mon]']], 'schema.unique-items'],
];

describe('schema findings as messages', () => {
  it.each(CASES)('%s', async (_name, edits, id) => {
    const text = edits.reduce((current, [from, to]) => edit(current, from, to), VALID_UNIT);
    const found = (await diagnosticsFor({ 'unit.yaml': text })).filter((diagnostic) => diagnostic.ruleId === 'schema');
    expect(found.length, JSON.stringify(found, null, 1)).toBeGreaterThan(0);
    const ids = found.flatMap((diagnostic) => (diagnostic.text ? [diagnostic.text.id, innermost(diagnostic.text).id] : []));
    expect(ids).toContain(id);
    for (const diagnostic of found) {
      const ref = diagnostic.text;
      expect(ref, diagnostic.message).toBeDefined();
      if (!ref) continue;
      expect(renderMessage(ref, 'en')).toBe(diagnostic.message);
      for (const locale of ['fi', 'sv'] as const) {
        const said = renderMessage(ref, locale);
        expect(said, `${locale}: ${diagnostic.message}`).not.toBe(diagnostic.message);
        expect(said, `${locale}: a placeholder left unfilled`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('says a failed union in the words of its best branch, in Finnish and Swedish too', async () => {
    const found = (await diagnosticsFor({ 'unit.yaml': edit(VALID_UNIT, 'closed: true', 'closed: yes') })).filter((d) => d.ruleId === 'schema');
    expect(found).toHaveLength(1);
    const ref = found[0]?.text;
    if (!ref) throw new Error('no message data');
    expect(renderMessage(ref, 'fi')).toBe(
      'kohdassa `hours.exceptions[1].closed` on oltava true (jos päivänä on poikkeavat aukioloajat, jätä tämä pois ja anna `open` ja `close`) (nykyinen arvo `yes`) (tulkinta: suljettu päivä; vaihtoehtona myös poikkeavien aukioloaikojen päivä)',
    );
    expect(renderMessage(ref, 'sv')).toBe(
      '`hours.exceptions[1].closed` måste vara true (utelämna det och ange `open` och `close` för en dag med andra öppettider) (nuvarande värde `yes`) (tolkat som en stängd dag; det kan också vara en dag med andra öppettider)',
    );
  });

  it('says where a key is missing and which one, in Finnish and Swedish', async () => {
    const found = (await diagnosticsFor({ 'unit.yaml': edit(VALID_UNIT, 'owner: head\n', '') })).filter((d) => d.ruleId === 'schema');
    const ref = found[0]?.text;
    if (!ref) throw new Error('no message data');
    expect(renderMessage(ref, 'fi')).toBe('palvelulupauksessa ei ole pakollista avainta `owner`');
    expect(renderMessage(ref, 'sv')).toBe('servicelöftet saknar den obligatoriska nyckeln `owner`');
  });
});
