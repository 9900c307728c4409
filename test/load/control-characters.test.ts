import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
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
