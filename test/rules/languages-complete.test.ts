import { describe, expect, it } from 'vitest';
import { diagnosticsFor, positionOf } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { renderMessage } from '../../src/messages/message.js';
import { ruleTable } from './table.js';

describe('languages-complete', () => {
  ruleTable('languages-complete', [
    { name: 'every text in fi and en', expected: [] },
    {
      name: 'a text without its en version',
      edits: [['name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö }']],
      expected: [{ at: '{ fi: Testiyksikkö }', message: /`unit\.name` has no en text; .* add `en:`/ }],
    },
    {
      name: 'how to ask for an accessibility service, without its en version',
      edits: [['touchpoints:\n', 'accessibility:\n  - { service: sign-language, languages: [fse], how: { fi: Pyydä tulkki. } }\ntouchpoints:\n']],
      expected: [{ at: '{ fi: Pyydä tulkki. }', message: /`accessibility\[0\]\.how` has no en text; .* add `en:`/ }],
    },
    {
      name: 'a text in a language the charter does not declare',
      edits: [['title: { fi: Vastaa aina, en: Always reply }', 'title: { fi: Vastaa aina, en: Always reply, sv: Svara alltid }']],
      expected: [{ severity: 'warning', at: 'sv: Svara', message: /text in `sv`, which is not in `languages`/ }],
    },
    {
      name: 'a fallback promise without its en version',
      edits: [
        ['reply: { within: 10 working days, target: 90% }', 'reply: { within: 10 working days, target: 90%, otherwise: { fi: Kerromme syyn ja uuden ajan. } }'],
      ],
      expected: [{ at: '{ fi: Kerromme', message: /`channels\.letter\.reply\.otherwise` has no en text/ }],
    },
    {
      name: 'a Sámi text in a charter written in Finnish, English and Inari Sámi, without its Inari Sámi version',
      text: samiCharter().replace('title: { fi: Vastaa aina, en: Always reply, smn: Västid pyeremusá }', 'title: { fi: Vastaa aina, en: Always reply }'),
      expected: [{ at: '{ fi: Vastaa aina, en: Always reply }', message: /`guide\[0\]\.title` has no smn text; .* add `smn:`/ }],
    },
    {
      name: 'a text in Skolt Sámi, which the charter does not declare',
      text: samiCharter().replace('Västid pyeremusá }', 'Västid pyeremusá, sms: Vaasteed pââimõõžž }'),
      expected: [{ severity: 'warning', at: 'sms: Vaasteed', message: /text in `sms`, which is not in `languages`/ }],
    },
    { name: 'every text in fi, en and smn', text: samiCharter(), expected: [] },
    {
      name: 'a plain string needs no translation',
      edits: [['approvedBy: { fi: Lautakunta, en: Board }', 'approvedBy: Lautakunta']],
      expected: [],
    },
    {
      name: 'a third declared language makes every map incomplete',
      edits: [['languages: [fi, en]', 'languages: [fi, sv, en]']],
      expected: Array.from({ length: 20 }, () => ({ message: /has no sv text/ })),
    },
  ]);
});

describe('languages-complete: a misspelt language key', () => {
  async function languageFindings(edits: readonly (readonly [string, string])[]): Promise<{ text: string; found: Diagnostic[] }> {
    const text = edits.reduce((current, [from, to]) => edit(current, from, to), VALID_UNIT);
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    return { text, found: diagnostics.filter((diagnostic) => diagnostic.ruleId === 'languages-complete') };
  }

  it('says "did you mean `sv`?" at `se:` in a [sv, fi] charter, and nothing else about that text', async () => {
    const { text, found } = await languageFindings([
      ['languages: [fi, en]', 'languages: [sv, fi]'],
      ['name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, se: Testenhet }'],
    ]);
    const atName = found.filter((diagnostic) => diagnostic.path.join('.').startsWith('unit.name'));
    expect(atName).toHaveLength(1);
    expect(atName[0]).toMatchObject({
      severity: 'error',
      message: 'text in `se`, which is not in `languages` (sv, fi); did you mean `sv`?',
      ...positionOf(text, 'se: Testenhet'),
    });
    const said = atName[0]?.text;
    if (!said) throw new Error('no message data');
    expect(renderMessage(said, 'fi')).toBe('teksti on kielellä `se`, jota ei ole lueteltu kohdassa `languages` (sv, fi); tarkoititko `sv`?');
    expect(renderMessage(said, 'sv')).toBe('texten är på `se`, ett språk som inte finns i `languages` (sv, fi); menade du `sv`?');
    // The other texts still lack sv, and their `en` is a language the charter does not declare.
    expect(found.filter((diagnostic) => diagnostic.message.includes('did you mean'))).toHaveLength(1);
    expect(found.some((diagnostic) => /`unit\.organisation` has no sv text/.test(diagnostic.message))).toBe(true);
  });

  it.each([
    ['fin', 'fi', 'fin: Testiyksikkö, sv: Testenhet, en: Test Unit'],
    ['sve', 'sv', 'fi: Testiyksikkö, sve: Testenhet, en: Test Unit'],
    ['swe', 'sv', 'fi: Testiyksikkö, swe: Testenhet, en: Test Unit'],
    ['eng', 'en', 'fi: Testiyksikkö, sv: Testenhet, eng: Test Unit'],
    ['em', 'en', 'fi: Testiyksikkö, sv: Testenhet, em: Test Unit'],
    ['english', 'en', 'fi: Testiyksikkö, sv: Testenhet, english: Test Unit'],
    ['SV', 'sv', 'fi: Testiyksikkö, SV: Testenhet, en: Test Unit'],
  ])('suggests `%s:` → `%s:`', async (key, meant, name) => {
    const { text, found } = await languageFindings([
      ['languages: [fi, en]', 'languages: [fi, sv, en]'],
      ['name: { fi: Testiyksikkö, en: Test Unit }', `name: { ${name} }`],
    ]);
    const atName = found.filter((diagnostic) => diagnostic.path.join('.').startsWith('unit.name'));
    expect(atName).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: `text in \`${key}\`, which is not in \`languages\` (fi, sv, en); did you mean \`${meant}\`?`,
        ...positionOf(text, `${key}: `),
      }),
    ]);
  });

  it('suggests nothing when the language it looks like is there already', async () => {
    const { found } = await languageFindings([['name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, en: Test Unit, em: Test Unit }']]);
    expect(found.map(({ severity, message }) => ({ severity, message }))).toEqual([
      { severity: 'warning', message: 'text in `em`, which is not in `languages` (fi, en); add it there or remove this text' },
    ]);
  });
});

/** VALID_UNIT written in Inari Sámi too: every text map gets an `smn` entry (the guide title a real one). */
function samiCharter(): string {
  return VALID_UNIT.replace('languages: [fi, en]', 'languages: [fi, en, smn]')
    .replace(/\{ fi: ("[^"]*"|[^,]*), en: ("[^"]*"|[^}]*) \}/g, (_whole, fi: string, en: string) => `{ fi: ${fi}, en: ${en}, smn: ${fi} }`)
    .replace('title: { fi: Vastaa aina, en: Always reply, smn: Vastaa aina }', 'title: { fi: Vastaa aina, en: Always reply, smn: Västid pyeremusá }')
    .replace(
      '    en: "I am away {from}–{until}. For urgent matters: {substitute}."',
      '    en: "I am away {from}–{until}. For urgent matters: {substitute}."\n    smn: "Lam eres {from}–{until}. Hoppuásijn: {substitute}."',
    );
}
