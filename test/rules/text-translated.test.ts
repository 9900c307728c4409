import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { NAME_FIELDS, PROSE_FIELDS } from '../../src/rules/text-translated.js';
import { FORMAT_11_UNIT, edit, finnishOnlyUnit } from '../fixtures/charters.js';
import { ruleTable } from './table.js';

const GREETING = 'greeting: { fi: "Testiyksikkö, hyvää päivää.", en: "Test Unit, good afternoon." }';
const PLAIN = (what: string, keys = '`fi:` and `en:`'): RegExp =>
  new RegExp(`^write this ${what} in each language of the charter: ${keys.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, not as one text for all of them$`);

describe('text-translated', () => {
  ruleTable('text-translated', [
    { name: 'every prose text in fi and en', expected: [] },
    { name: 'a charter in one language may write every text as a plain string', text: finnishOnlyUnit(), expected: [] },
    {
      name: 'a plain-string greeting in a fi/en charter',
      edits: [[GREETING, 'greeting: "Testiyksikkö, hyvää päivää."']],
      expected: [{ at: '"Testiyksikkö, hyvää päivää."', message: PLAIN('greeting') }],
    },
    {
      name: 'names, roles, addresses and the approving body may be plain strings',
      edits: [
        ['name: { fi: Testiyksikkö, en: Test Unit }', 'name: Testiyksikkö'],
        ['role: { fi: Päällikkö, en: Head of unit }', 'role: Päällikkö'],
        ['approvedBy: { fi: Lautakunta, en: Board }', 'approvedBy: Lautakunta'],
        ['address: { fi: Torikatu 1, en: Torikatu 1 }', 'address: Torikatu 1'],
        ['name: { fi: Lupahakemus, en: Permit application }', 'name: Lupahakemus'],
      ],
      expected: [],
    },
    {
      name: 'a plain-string handover rule in a list, and a plain guide text',
      edits: [
        ['- { fi: Kerro asiakkaalle kuka jatkaa., en: Tell the customer who takes over. }', '- Kerro asiakkaalle kuka jatkaa.'],
        ['text: { fi: Jokainen viesti saa vastauksen., en: Every message gets a reply. }', 'text: Jokainen viesti saa vastauksen.'],
      ],
      expected: [
        { at: 'Kerro asiakkaalle kuka jatkaa.', message: PLAIN('handover rule') },
        { at: 'Jokainen viesti saa vastauksen.', message: PLAIN('guide text') },
      ],
    },
    { name: 'format 1.1: lines, services and complaint stages, every prose text in fi and en', text: FORMAT_11_UNIT, expected: [] },
    {
      name: 'format 1.1: plain prose in a listed line, a promise variant, a service and a complaint stage; plain names allowed',
      text: [
        [
          '    greeting: { fi: "Testiyksikkö, {name}, hyvää päivää.", en: "Test Unit, {name} speaking." }',
          '    greeting: "Testiyksikkö, {name}, hyvää päivää."',
        ],
        [
          '      - { within: 1 minute, target: 80%, for: [businesses] }',
          '      - { within: 1 minute, target: 80%, for: [businesses], otherwise: Soitamme takaisin. }',
        ],
        [
          '    clockStarts: { fi: kun hakemus liitteineen on saapunut, en: when the application and its attachments have arrived }',
          '    clockStarts: kun hakemus liitteineen on saapunut',
        ],
        ['      name: { fi: Oikaisuvaatimus, en: Request for review }', '      name: Oikaisuvaatimus'],
        ['    name: { fi: Saamenkielinen palvelu, en: Sámi-language service }', '    name: Sámi'],
        ['{ body: ombudsman, name: { fi: Eduskunnan oikeusasiamies, en: Parliamentary Ombudsman }', '{ body: ombudsman, name: Eduskunnan oikeusasiamies'],
      ].reduce((text, [from, to]) => edit(text, from as string, to as string), FORMAT_11_UNIT),
      expected: [
        { at: 'Soitamme takaisin.', message: PLAIN('fallback promise') },
        { at: '"Testiyksikkö, {name}, hyvää päivää."', message: PLAIN('greeting') },
        { at: 'kun hakemus liitteineen on saapunut', message: PLAIN('text on when the time starts') },
        { at: 'Oikaisuvaatimus', message: PLAIN('name of a complaint stage') },
      ],
    },
    {
      name: 'a Swedish and Finnish charter with every prose text in one language (the issue: a Swedish greeting on the Finnish page)',
      text: finnishOnlyUnit().replace('languages: [fi]', 'languages: [sv, fi]'),
      expected: [
        { at: 'Palvelemme **hyvin**.', message: PLAIN('summary', '`sv:` and `fi:`') },
        { at: 'Aatonaatto', message: PLAIN('note', '`sv:` and `fi:`') },
        { at: 'Suljettu', message: PLAIN('note', '`sv:` and `fi:`') },
        { at: '"Testiyksikkö, hyvää päivää."', message: PLAIN('greeting', '`sv:` and `fi:`') },
        { at: '"Olen poissa', message: PLAIN('out-of-office message', '`sv:` and `fi:`') },
        { at: 'Kirjaa asianhallintaan.', message: PLAIN('text on where contacts are recorded', '`sv:` and `fi:`') },
        { at: 'Kerro asiakkaalle kuka jatkaa.', message: PLAIN('handover rule', '`sv:` and `fi:`') },
        { at: 'Määräajan pidennys', message: PLAIN('decision', '`sv:` and `fi:`') },
        { at: 'Vastaa aina', message: PLAIN('guide title', '`sv:` and `fi:`') },
        { at: 'Jokainen viesti saa vastauksen.', message: PLAIN('guide text', '`sv:` and `fi:`') },
        { at: 'Puhelimeen oli vaikea päästä.', message: PLAIN('feedback from customers', '`sv:` and `fi:`') },
        { at: 'Lisäsimme takaisinsoiton.', message: PLAIN('account of what was done', '`sv:` and `fi:`') },
      ],
    },
  ]);
});

/**
 * Every place the schema holds a text (a `Text` or `Markdown`), as a path
 * pattern in a charter: list items are `*`, definitions are followed.
 */
function schemaTextFields(): string[] {
  const schema = JSON.parse(readFileSync(new URL('../../schema/charter.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const definitions = schema.definitions as Record<string, unknown>;
  const found = new Set<string>();
  const walk = (node: unknown, path: string[], seen: readonly string[]): void => {
    if (typeof node !== 'object' || node === null) return;
    const schemaNode = node as Record<string, unknown>;
    const ref = typeof schemaNode.$ref === 'string' ? schemaNode.$ref.split('/').pop() : undefined;
    if (ref === 'Text' || ref === 'Markdown') {
      found.add(path.join('.'));
      return;
    }
    if (ref !== undefined && !seen.includes(ref)) walk(definitions[ref], path, [...seen, ref]);
    const union = [...((schemaNode.oneOf as unknown[]) ?? []), ...((schemaNode.anyOf as unknown[]) ?? [])];
    const definitionOf = (branch: unknown): Record<string, unknown> | undefined => {
      const name = (branch as { $ref?: string }).$ref?.split('/').pop();
      return name === undefined ? undefined : (definitions[name] as Record<string, unknown>);
    };
    // "One, or a list of them" (a line, a promise): `?` in the table's paths.
    const oneOrList = union.some((branch) => definitionOf(branch)?.type === 'array');
    for (const branch of union) {
      const definition = definitionOf(branch);
      if (oneOrList && definition?.type === 'array') walk(definition.items, [...path, '?'], seen);
      else walk(branch, oneOrList ? [...path, '?'] : path, seen);
    }
    for (const branch of (schemaNode.allOf as unknown[]) ?? []) walk(branch, path, seen);
    for (const [key, child] of Object.entries((schemaNode.properties as Record<string, unknown>) ?? {})) walk(child, [...path, key], seen);
    if (schemaNode.items) walk(schemaNode.items, [...path, '*'], seen);
  };
  walk(schema, [], []);
  return [...found].sort();
}

describe('text-translated: every text field of the schema is decided', () => {
  it('lists each text field of the schema as prose or as a name, and nothing else', () => {
    const fields = schemaTextFields();
    expect(fields.length).toBeGreaterThan(20);
    const decided = [...Object.keys(PROSE_FIELDS), ...NAME_FIELDS].sort();
    expect(decided).toEqual(fields);
  });

  it('decides each field once', () => {
    const prose = Object.keys(PROSE_FIELDS);
    expect(prose.length).toBeGreaterThan(0);
    expect(prose.filter((field) => NAME_FIELDS.includes(field))).toEqual([]);
  });
});
