import { describe, expect, it } from 'vitest';
import { diagnosticsFor, lineOf, positionOf } from '../helpers.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const matching = diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId);
  expect(matching, JSON.stringify(diagnostics, null, 1)).toHaveLength(1);
  return matching[0] as Diagnostic;
}

describe('broken YAML gives positioned diagnostics, never a crash', () => {
  it('the valid fixture is clean', async () => {
    expect(await diagnosticsFor({ 'unit.yaml': VALID_UNIT })).toEqual([]);
  });

  it('reports a duplicate key at the second key, naming the first line', async () => {
    const text = edit(VALID_UNIT, '  every: 12 months\n', '  every: 12 months\n  every: 6 months\n');
    const diagnostic = only(await diagnosticsFor({ 'unit.yaml': text }), 'duplicate-key');
    expect(diagnostic).toMatchObject({ severity: 'error', file: 'charters/unit.yaml', ...positionOf(text, 'every: 6 months') });
    expect(diagnostic.message).toContain('`every`');
    expect(diagnostic.message).toContain(`first at line ${positionOf(text, 'every: 12 months').line}`);
  });

  it('reports tab indentation where the tab is', async () => {
    const text = edit(VALID_UNIT, '  every: 12 months\n', '\tevery: 12 months\n');
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    const tab = diagnostics.find((diagnostic) => diagnostic.message.includes('tab'));
    expect(tab).toBeDefined();
    expect(tab?.line).toBe(positionOf(text, '\tevery').line);
    expect(tab?.ruleId).toBe('yaml-syntax');
  });

  it('reports bad indentation at its line', async () => {
    const text = edit(VALID_UNIT, '  every: 12 months\n', '   every: 12 months\n');
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.ruleId).toBe('yaml-syntax');
    expect(diagnostics[0]?.line).toBe(positionOf(text, '   every').line);
    expect(diagnostics[0]?.message).toBe('this line is indented 3 spaces, the keys above it 2: line it up with `approvedBy:` (line 11)');
  });

  it('reports an unclosed quote', async () => {
    const text = edit(VALID_UNIT, 'number: "+358 9 123 4567"', 'number: "+358 9 123 4567');
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'yaml-syntax')).toBe(true);
    expect(diagnostics.every((diagnostic) => diagnostic.line >= 1 && diagnostic.column >= 1)).toBe(true);
  });

  it('stops a billion-laughs alias bomb', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = `charter: 1\nid: bomb\n${levels.join('\n')}\n`;
    const started = Date.now();
    const diagnostic = only(await diagnosticsFor({ 'bomb.yaml': text }), 'yaml-limits');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(diagnostic.message).toMatch(/alias/);
    expect(diagnostic.line).toBeGreaterThan(2);
  });

  it('refuses an alias that contains itself', async () => {
    const text = 'charter: 1\nid: loop\nunit: &u\n  name: *u\n';
    const diagnostics = await diagnosticsFor({ 'loop.yaml': text });
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'yaml-limits' || diagnostic.ruleId === 'yaml-syntax')).toBe(true);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key at its position and keeps prototypes clean', async (key) => {
    const text = edit(VALID_UNIT, 'unit:\n', `unit:\n  ${key}: { polluted: true }\n`);
    const diagnostic = only(await diagnosticsFor({ 'unit.yaml': text }), 'forbidden-key');
    expect(diagnostic).toMatchObject(positionOf(text, `${key}:`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports bytes that are not UTF-8 at their line and column', async () => {
    const text = edit(VALID_UNIT, 'Liisa Esimerkki', 'Liisa XEsimerkki');
    const bytes = Buffer.from(text, 'utf8');
    const offset = bytes.indexOf('XEsimerkki');
    bytes[offset] = 0xe4; // "ä" in Latin-1: not UTF-8 on its own
    const diagnostic = only(await diagnosticsFor({ 'latin1.yaml': bytes }), 'file-encoding');
    expect(diagnostic).toMatchObject(positionOf(text, 'XEsimerkki'));
    expect(diagnostic.message).toMatch(/UTF-8/);
  });

  it('recognises a UTF-16 file', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('charter: 1\n', 'utf16le')]);
    const diagnostic = only(await diagnosticsFor({ 'wide.yaml': bytes }), 'file-encoding');
    expect(diagnostic.message).toMatch(/UTF-16/);
  });

  it('recognises UTF-16 without a byte order mark, instead of listing a NUL after every letter', async () => {
    for (const encoding of ['utf16le', 'ucs2'] as const) {
      const diagnostic = only(await diagnosticsFor({ 'wide.yaml': Buffer.from(VALID_UNIT, encoding) }), 'file-encoding');
      expect(diagnostic).toMatchObject({
        line: 1,
        column: 1,
        message: 'the file looks like UTF-16 without a byte order mark (every other byte is zero); save it as UTF-8',
      });
    }
    const bigEndian = Buffer.from(VALID_UNIT, 'utf16le').swap16();
    expect(only(await diagnosticsFor({ 'wide.yaml': bigEndian }), 'file-encoding').message).toMatch(/^the file looks like UTF-16/);
  });

  it('names old Mac line endings (a carriage return alone) at the first one, and accepts CRLF', async () => {
    const mac = VALID_UNIT.replace(/\n/g, '\r');
    const diagnostic = only(await diagnosticsFor({ 'mac.yaml': mac }), 'file-encoding');
    expect(diagnostic).toMatchObject({ line: 1, column: mac.indexOf('\r') + 1 });
    expect(diagnostic.message).toMatch(/carriage return alone \(old Mac line endings\); save the file with LF/);
    const mostlyMac = VALID_UNIT.replace(/\n/g, '\r').replace('\r', '\n');
    expect(only(await diagnosticsFor({ 'mostly-mac.yaml': mostlyMac }), 'file-encoding')).toMatchObject({ line: 2, column: 14 });
    // One stray carriage return among line feeds is the control-character rule's, at its place.
    const stray = VALID_UNIT.replace(/\n(?=languages)/, '\r');
    expect((await diagnosticsFor({ 'stray.yaml': stray })).map((diagnostic) => diagnostic.ruleId)).not.toContain('file-encoding');
    expect(await diagnosticsFor({ 'windows.yaml': VALID_UNIT.replace(/\n/g, '\r\n') })).toEqual([]);
  });

  it('accepts a UTF-8 byte order mark', async () => {
    expect(await diagnosticsFor({ 'bom.yaml': `\ufeff${VALID_UNIT}` })).toEqual([]);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const text = `${VALID_UNIT}# ${'x'.repeat(1024 * 1024)}\n`;
    const diagnostic = only(await diagnosticsFor({ 'huge.yaml': text }), 'yaml-limits');
    expect(diagnostic).toMatchObject({ line: 1, column: 1 });
    expect(diagnostic.message).toMatch(/limit/);
  });

  it('refuses data nested too deeply', async () => {
    const text = `charter: 1\nid: deep\nunit: ${'['.repeat(60)}${']'.repeat(60)}\n`;
    const diagnostics = await diagnosticsFor({ 'deep.yaml': text });
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'yaml-limits' && /nested/.test(diagnostic.message))).toBe(true);
  });

  it('reports an empty file', async () => {
    const diagnostic = only(await diagnosticsFor({ 'empty.yaml': '# nothing here\n' }), 'yaml-syntax');
    expect(diagnostic.message).toMatch(/no content/);
  });

  it('reports a file that is a list, not a map', async () => {
    const diagnostic = only(await diagnosticsFor({ 'list.yaml': '- charter: 1\n' }), 'yaml-syntax');
    expect(diagnostic.message).toMatch(/map/);
  });

  it('reports a second YAML document', async () => {
    const diagnostics = await diagnosticsFor({ 'two.yaml': `${VALID_UNIT}---\ncharter: 1\n` });
    expect(diagnostics.some((diagnostic) => /more than one YAML document/.test(diagnostic.message))).toBe(true);
  });

  it('reports a custom tag instead of running it', async () => {
    const text = edit(VALID_UNIT, 'charge: local', 'charge: !!js/function "return 1"');
    const diagnostics = await diagnosticsFor({ 'tag.yaml': text });
    expect(diagnostics.some((diagnostic) => diagnostic.ruleId === 'yaml-syntax' && diagnostic.line === positionOf(text, '!!js').line)).toBe(true);
  });

  it.each([
    ['!!binary', 'owner: !!binary aGVhZA=='],
    ['!!set', 'owner: !!set { head }'],
    ['!!omap', 'owner: !!omap [ a: 1 ]'],
    ['!!timestamp', 'owner: !!timestamp 2001-12-14'],
    ['!foo', 'owner: !foo head'],
    ['!!str', 'owner: !!str head'],
    ['!', 'owner: ! head'],
    ['!<tag:yaml.org,2002:str>', 'owner: !<tag:yaml.org,2002:str> head'],
    ['!!str', 'owner: &boss !!str head'],
    ['!!map', 'owner: !!map\n  a: 1'],
  ])('refuses the tag %s at the tag, as data never', async (tag, line) => {
    const text = edit(VALID_UNIT, 'owner: head', line);
    const diagnostic = only(await diagnosticsFor({ 'tag.yaml': text }), 'yaml-syntax');
    expect(diagnostic).toMatchObject({
      ...positionOf(text, `${tag} `.trimEnd()),
      message: `the tag \`${tag}\` is not used in charters; remove it and write the value as plain text (in quotes if it could be read as a number, true/false or empty)`,
    });
  });

  it('refuses an alias used as a key, naming it', async () => {
    const text = edit(edit(VALID_UNIT, 'owner: head', 'owner: &boss head'), 'unit:\n', 'unit:\n  *boss : x\n');
    const diagnostic = only(await diagnosticsFor({ 'unit.yaml': text }), 'yaml-syntax');
    expect(diagnostic).toMatchObject({ ...positionOf(text, '*boss'), message: 'an alias (`*boss`) cannot be a key; write the key out' });
  });

  it.each([
    ['~', '~: x'],
    ['null', 'null: x'],
    ['an empty explicit key', '? \n  : x'],
  ])('refuses %s as a key', async (_name, entry) => {
    const text = edit(VALID_UNIT, 'unit:\n', `unit:\n  ${entry}\n`);
    const diagnostic = only(await diagnosticsFor({ 'unit.yaml': text }), 'yaml-syntax');
    expect(diagnostic.message).toBe('a key cannot be empty or null (`~`, `null`); write a name before the colon');
    expect(diagnostic.line).toBe(positionOf(text, entry.slice(0, 2)).line);
  });

  it('refuses a `<<` merge key once, where it is, instead of reading it one way or the other', async () => {
    const text = edit(
      edit(VALID_UNIT, 'answer: { within: 30 seconds, target: 90% }', 'answer: &fast { within: 30 seconds, target: 90% }'),
      '    callback: { within: 1 working day, target: 95% }',
      '    callback:\n      <<: *fast',
    );
    const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
    const diagnostic = only(diagnostics, 'yaml-syntax');
    expect(diagnostic).toMatchObject(positionOf(text, '<<'));
    expect(diagnostic.message).toMatch(/^`<<` merge keys are not used in charters/);
    expect(diagnostics.filter((each) => each.message.includes('<<'))).toHaveLength(1);
  });

  it('names a number key as it is written', async () => {
    const text = edit(VALID_UNIT, 'unit:\n', 'unit:\n  0x10: x\n');
    const diagnostic = only(await diagnosticsFor({ 'unit.yaml': text }), 'schema');
    expect(diagnostic.message).toContain('`0x10`');
    expect(diagnostic).toMatchObject(positionOf(text, '0x10'));
  });

  it.each([
    ['flow lists', `unit: ${'['.repeat(100_000)}`, '[[['],
    ['flow maps', `unit: ${'{a: '.repeat(50_000)}`, '{a: {a:'],
    ['compact lists', `unit:\n  ${'- '.repeat(100_000)}x`, '- - -'],
    ['explicit keys', `unit:\n  ${'? '.repeat(100_000)}x`, '? ? ?'],
  ])('refuses %s nested thousands deep before reading them', async (_name, body, marker) => {
    const text = `charter: 1\nid: deep\n${body}\n`;
    const diagnostic = only(await diagnosticsFor({ 'deep.yaml': text }), 'yaml-limits');
    expect(diagnostic.message).toBe('this line nests or indents too deeply to be read safely; a charter nests at most 40 levels');
    expect(diagnostic.line).toBe(lineOf(text, marker));
  });

  it('reads a file of many keys in time that grows with its size, not its square', () => {
    // 30,000 keys with an anchor (so the positioned reader reads it), then each key again.
    const keys = Array.from({ length: 30_000 }, (_, index) => `k${index}: ${index === 0 ? '&a ' : ''}v`);
    const text = `${keys.join('\n')}\nlast: *a\n${keys.slice(1).join('\n')}\n`;
    const { diagnostics } = parseYamlSource('many.yaml', text, DEFAULT_LIMITS);
    expect(diagnostics).toHaveLength(29_999);
    expect(diagnostics[0]).toMatchObject({
      ruleId: 'duplicate-key',
      line: 30_002,
      message: 'duplicate key `k1` (first at line 2); a key may appear only once in a map, so remove or rename one',
    });
  });
});
