import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { diagnosticMessage } from '../../src/model/diagnostic.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { diagnosticsFor, positionOf, runCli, writeTree } from '../helpers.js';

/** A text of the fixture with `inserted` placed inside the head of unit's name (`Liisa Esimerkki`). */
function withInName(inserted: string): string {
  return edit(VALID_UNIT, 'name: Liisa Esimerkki', `name: Liisa ${inserted}Esimerkki`);
}

function controlFindings(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === 'control-character');
}

/** Both parsers must report a text the same way: the fast path declines what the slow path reports. */
function expectSameOnBothPaths(text: string): Diagnostic[] {
  const slow = parseYamlSource('unit.yaml', text, DEFAULT_LIMITS, { fast: false });
  const fast = parseYamlSource('unit.yaml', text, DEFAULT_LIMITS, { fast: true });
  expect(fast.diagnostics).toEqual(slow.diagnostics);
  expect(fast.source.data).toEqual(slow.source.data);
  return slow.diagnostics;
}

describe('control characters are errors where they are', () => {
  it.each([
    ['\u001b', 'U+001B (escape, which starts terminal colour codes)'],
    ['\u0007', 'U+0007 (bell)'],
    ['\u0000', 'U+0000 (null character)'],
    ['\u000b', "U+000B (vertical tab, which Word's Shift+Enter pastes)"],
    ['\u000c', 'U+000C (form feed, a page break)'],
    ['\u0001', 'U+0001 (a control character)'],
    ['\u007f', 'U+007F (delete)'],
    ['\u0085', 'U+0085 (next line, which YAML allows but web pages do not)'],
    ['\u0090', 'U+0090 (a control character, often a sign of text decoded with the wrong encoding)'],
    ['\ufdd0', 'U+FDD0 (a noncharacter, which Unicode reserves for programs)'],
    ['\ufffe', 'U+FFFE (a noncharacter, which Unicode reserves for programs)'],
    ['\u{1ffff}', 'U+1FFFF (a noncharacter, which Unicode reserves for programs)'],
    ['\r', 'U+000D (carriage return without a line feed)'],
    ['\u202d', 'U+202D (left-to-right override, which shows the text after it in an order not its own)'],
  ])('%j in a text, at its line and column', async (character, described) => {
    const text = withInName(character);
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', file: 'charters/unit.yaml', ...positionOf(text, character) });
    expect(diagnostics[0]?.message).toMatch(
      new RegExp(`^${described.replace(/[()+]/g, '\\$&')} is not allowed in a charter; (?:delete it|use a line break instead|save the file)`),
    );
    expect(controlFindings(expectSameOnBothPaths(text))).toHaveLength(1);
  });

  it('a vertical tab pasted from Word fails validate (exit 1) with what to do', async () => {
    const text = withInName('\u000b');
    const result = await runCli(['validate', '--today', '2026-11-23'], writeTree({ 'charters/unit.yaml': text }));
    expect(result.code).toBe(1);
    const { line, column } = positionOf(text, '\u000b');
    expect(result.stdout).toContain(
      `${line}:${column}  error  U+000B (vertical tab, which Word's Shift+Enter pastes) is not allowed in a charter; use a line break instead, or delete it  control-character`,
    );
  });

  it('finds them in keys too', async () => {
    const text = edit(VALID_UNIT, 'unit:\n', 'unit:\n  no\u001bte: x\n');
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics.map(({ line, column }) => ({ line, column }))).toEqual([positionOf(text, '\u001b')]);
  });

  it.each([
    ['tab', 'Liisa\tEsimerkki'],
    ['an emoji (a surrogate pair)', 'Liisa 🙂 Esimerkki'],
    ['a line separator', 'Liisa\u2028Esimerkki'],
    ['a no-break space', 'Liisa\u00a0Esimerkki'],
  ])('allows %s', async (_name, name) => {
    const text = edit(VALID_UNIT, 'name: Liisa Esimerkki', `name: ${name}`);
    expect(await diagnosticsFor({ 'unit.yaml': text })).toEqual([]);
  });

  it('allows Windows line endings (CRLF), on the fast path', async () => {
    const text = VALID_UNIT.replace(/\n/g, '\r\n');
    expect(await diagnosticsFor({ 'unit.yaml': text })).toEqual([]);
    expect(expectSameOnBothPaths(text)).toEqual([]);
  });

  it('lists at most 20 in a file, then counts the rest', async () => {
    const text = withInName('\u0000'.repeat(30));
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics[20]?.message).toMatch(/^10 more characters that a charter may not contain follow from here/);
  });
});

describe('escapes in double-quoted text that make forbidden characters are errors at the escape', () => {
  it.each([
    ['\\e', 'U+001B'],
    ['\\x07', 'U+0007'],
    ['\\0', 'U+0000'],
    ['\\v', 'U+000B'],
    ['\\r', 'U+000D'],
    ['\\N', 'U+0085'],
    ['\\x9b', 'U+009B'],
    ['\\uFFFE', 'U+FFFE'],
    ['\\uD800', 'U+D800'],
    ['\\uDC00', 'U+DC00'],
    ['\\U0001FFFF', 'U+1FFFF'],
  ])('"%s"', async (escape, codePoint) => {
    const text = edit(VALID_UNIT, 'greeting: { fi: "Testiyksikkö, hyvää päivää."', `greeting: { fi: "Testiyksikkö,${escape} hyvää päivää."`);
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', ...positionOf(text, `${escape} hyvää`) });
    expect(diagnostics[0]?.message).toMatch(
      new RegExp(`^the escape \`${escape.replace(/\\/g, '\\\\')}\` makes ${codePoint.replace('+', '\\+')} \\(.+\\), which a charter may not contain; `),
    );
    expect(controlFindings(expectSameOnBothPaths(text))).toHaveLength(1);
  });

  it.each([
    ['\\t', 'a tab'],
    ['\\n', 'a line break'],
    ['\\uD83D\\uDE42', 'an emoji written as a surrogate pair'],
    ['\\\\e', 'an escaped backslash before an e'],
    ['\\u00e4', 'ä'],
  ])('allows "%s" (%s)', async (escape) => {
    const text = edit(VALID_UNIT, 'greeting: { fi: "Testiyksikkö, hyvää päivää."', `greeting: { fi: "Testiyksikkö,${escape} hyvää päivää."`);
    expect(await diagnosticsFor({ 'unit.yaml': text })).toEqual([]);
  });

  it('in a quoted key too', async () => {
    const text = edit(VALID_UNIT, 'unit:\n', 'unit:\n  "no\\ate": x\n');
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics.map(({ line, column }) => ({ line, column }))).toEqual([positionOf(text, '\\a')]);
  });
});

describe('bidirectional formatting: overrides never, embeddings and isolates only when they pair in their text', () => {
  const RLO = '\u202e';
  const RLI = '\u2067';
  const PDI = '\u2069';
  /** The charter with its unit named Rakennusvalvonta, `inserted` right after the name. */
  const withUnitName = (inserted: string): string => edit(VALID_UNIT, 'name: { fi: Testiyksikkö,', `name: { fi: "Rakennusvalvonta${inserted}",`);
  /** The findings with where and what, `line:column message`. */
  const said = (diagnostics: readonly Diagnostic[]): string[] => controlFindings(diagnostics).map((found) => `${found.line}:${found.column} ${found.message}`);

  it.each([
    [
      'an override',
      RLO,
      'load.control-character.in-file',
      'U+202E (right-to-left override, which shows the text after it backwards) is not allowed in a charter; delete it (right-to-left text such as Arabic or Hebrew needs no such character: written as it is, it shows the right way round)',
      'U+202E (suunnan pakotus oikealta vasemmalle, joka näyttää sen jälkeisen tekstin takaperin) ei ole sallittu palvelulupauksessa; poista se (oikealta vasemmalle kirjoitettava teksti, kuten arabia tai heprea, ei tarvitse tällaista merkkiä: sellaisenaan kirjoitettuna se näkyy oikein päin)',
      'U+202E (tvingad riktning höger till vänster, som visar texten efter sig baklänges) är inte tillåtet i ett servicelöfte; ta bort tecknet (text som skrivs från höger till vänster, som arabiska eller hebreiska, behöver inget sådant tecken: skriven som den är visas den rätt)',
    ],
    [
      'an isolate left open',
      RLI,
      'load.control-character.unclosed',
      'U+2067 (right-to-left isolate) is not closed; close it with U+2069 (pop directional isolate, which ends an isolate) further on in the same text, before its paragraph ends, or delete it (left open, it would reorder what follows the text on a page, a card or in a calendar)',
      'U+2067 (suuntaeristys oikealta vasemmalle) jää päättämättä; päätä se merkillä U+2069 (suuntaeristyksen lopetusmerkki) myöhemmin samassa tekstissä ennen kappaleen loppua tai poista se (päättämättömänä se sekoittaisi tekstin jälkeen tulevan sisällön järjestyksen verkkosivulla, taskukortissa tai kalenterissa)',
      'U+2067 (riktningsisolering höger till vänster) avslutas aldrig; avsluta den med U+2069 (slut på riktningsisolering) längre fram i samma text, innan stycket tar slut, eller ta bort tecknet (lämnad öppen skulle den kasta om ordningen i det som följer efter texten på en webbsida, ett fickkort eller i en kalender)',
    ],
  ])('%s after the unit name is an error at its line and column, in en, fi and sv', async (_name, character, id, en, fi, sv) => {
    const text = withUnitName(character);
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics).toHaveLength(1);
    const [found] = diagnostics as [Diagnostic];
    expect(found).toMatchObject({ severity: 'error', file: 'charters/unit.yaml', ...positionOf(text, character) });
    expect(found.text?.id).toBe(id);
    expect(found.message).toBe(en);
    expect(diagnosticMessage(found, 'fi')).toBe(fi);
    expect(diagnosticMessage(found, 'sv')).toBe(sv);
    expect(controlFindings(expectSameOnBothPaths(text))).toHaveLength(1);
  });

  it.each([
    ['\\u202E', 'U+202E (right-to-left override'],
    ['\\u202D', 'U+202D (left-to-right override'],
    ['\\U0000202e', 'U+202E (right-to-left override'],
  ])('the escape "%s" is the same error, at the escape', async (escape, described) => {
    const text = withUnitName(escape);
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ...positionOf(text, escape), endColumn: positionOf(text, escape).column + escape.length });
    expect(diagnostics[0]?.message).toContain(`the escape \`${escape}\` makes ${described}`);
    expect(controlFindings(expectSameOnBothPaths(text))).toHaveLength(1);
  });

  it('an override in a comment is reported, as other control characters are', async () => {
    const text = edit(VALID_UNIT, 'owner: head', `owner: head # ${RLO}daeh`);
    expect(said(await diagnosticsFor({ 'unit.yaml': text }))).toEqual([
      `${positionOf(text, RLO).line}:${positionOf(text, RLO).column} U+202E (right-to-left override, which shows the text after it backwards) is not allowed in a charter; delete it (right-to-left text such as Arabic or Hebrew needs no such character: written as it is, it shows the right way round)`,
    ]);
  });

  it.each([
    ['an isolate', `${RLI}שלום${PDI}`],
    ['an isolate written as escapes', '\\u2067שלום\\u2069'],
    ['an isolate opened by a character and closed by an escape', `${RLI}שלום\\u2069`],
    ['an embedding', '\u202bשלום\u202c'],
    ['a first-strong isolate around an embedding it closes', '\u2068a\u202ab\u2069'],
    ['the direction marks', '\u200fשלום\u200e \u061c'],
  ])('allows %s closed in the same text, on both paths', async (_name, inserted) => {
    const text = withUnitName(inserted);
    expect(await diagnosticsFor({ 'unit.yaml': text })).toEqual([]);
    expect(expectSameOnBothPaths(text)).toEqual([]);
  });

  it('a closer with nothing to close is an error, in en, fi and sv', async () => {
    const text = withUnitName('\u202c');
    const [found] = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(found).toMatchObject(positionOf(text, '\u202c'));
    expect(found?.message).toBe('U+202C (pop directional formatting, which ends an embedding) closes nothing in this text; delete it');
    expect(found && diagnosticMessage(found, 'fi')).toBe('U+202C (suuntaupotuksen lopetusmerkki) ei päätä tässä tekstissä mitään; poista se');
    expect(found && diagnosticMessage(found, 'sv')).toBe('U+202C (slut på riktningsinbäddning) avslutar ingenting i den här texten; ta bort tecknet');
  });

  it('pairs within one text: an isolate is not closed by the next text, in a key or after a line break', async () => {
    const text = edit(
      VALID_UNIT,
      'name: { fi: Testiyksikkö, en: Test Unit }',
      `name: { fi: Testi${RLI}, en: ${PDI}Test Unit }\n  summary:\n    fi: |\n      Palvelemme ${RLI}hyvin.\n      ${PDI}Tervetuloa.\n    en: We serve well.`,
    ).replace('  summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }\n', '');
    const ids = (await diagnosticsFor({ 'unit.yaml': text }))
      .filter((found) => found.ruleId === 'control-character')
      .map((found) => `${found.line}:${found.column} ${found.text?.id ?? ''}`);
    const at = (marker: string, occurrence: number): string => {
      const index = text.split(marker, occurrence).join(marker).length;
      const before = text.slice(0, index);
      return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
    };
    expect(ids).toEqual([
      `${at(RLI, 1)} load.control-character.unclosed`,
      `${at(PDI, 1)} load.control-character.unmatched`,
      `${at(RLI, 2)} load.control-character.unclosed`,
      `${at(PDI, 2)} load.control-character.unmatched`,
    ]);
    expect(controlFindings(expectSameOnBothPaths(text))).toHaveLength(4);
  });

  it('an isolate over the lines of one folded text pairs; the header comment of a block text is not paired', async () => {
    const folded = edit(VALID_UNIT, 'name: { fi: Testiyksikkö,', `name: { fi: "Testi${RLI}yksikkö\n      yksikkö${PDI}",`);
    expect(controlFindings(await diagnosticsFor({ 'unit.yaml': folded }))).toEqual([]);
    const block = edit(
      VALID_UNIT,
      '  summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }',
      `  summary:\n    fi: | # ${RLI}\n      Palvelemme ${RLI}hyvin${PDI}.\n    en: We serve well.`,
    );
    expect(controlFindings(await diagnosticsFor({ 'unit.yaml': block }))).toEqual([]);
  });

  it('in a quoted key, at the escape', async () => {
    const text = edit(VALID_UNIT, 'unit:\n', 'unit:\n  "no\\u2066te": x\n');
    const diagnostics = controlFindings(await diagnosticsFor({ 'unit.yaml': text }));
    expect(diagnostics.map(({ line, column, endColumn }) => ({ line, column, endColumn }))).toEqual([
      { ...positionOf(text, '\\u2066'), endColumn: positionOf(text, '\\u2066').column + 6 },
    ]);
    expect(diagnostics[0]?.message).toMatch(/^U\+2066 \(left-to-right isolate\) is not closed; close it with U\+2069/);
  });

  it('charter validate and charter build fail (exit 1) on an override in the unit name, and build writes no site', async () => {
    const text = withUnitName(RLO);
    const cwd = writeTree({ 'charters/unit.yaml': text });
    const { line, column } = positionOf(text, RLO);
    const validate = await runCli(['validate', '--today', '2026-11-23'], cwd);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain(`${line}:${column}  error  U+202E (right-to-left override, which shows the text after it backwards) is not allowed`);
    // The terminal never gets the character itself.
    expect(validate.stdout).not.toContain(RLO);
    const build = await runCli(['build', '--today', '2026-11-23', '--no-search'], cwd);
    expect(build.code).toBe(1);
    expect(build.stdout).toContain(`${line}:${column}  error  U+202E (right-to-left override`);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});
