import { describe, expect, it } from 'vitest';
import type { JsonFileReport } from '../../src/format/json.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { runCli, writeTree } from '../helpers.js';

/** Odd but mostly valid YAML: aliases, anchors, merge keys, complex and empty keys, tags. */
const ODD_YAML = [
  '&a a: b\n*a : c',
  'a: &k b\n*k : *k',
  '? &k a\n: *k',
  'a: &x 1\n? *x\n: 2',
  '<<: {a: 1}',
  'base: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2',
  'base: &b {x: 1}\nmore: &c {y: 1}\nmerged:\n  <<: [*b, *c]',
  'a: &x\nb: *x',
  '&a : 1\nb: *a',
  'a: &x {b}\nc: *x',
  'a: &x {b}\nc: {*x : d}',
  'a: &x 1\nb: !!set {a, b}\nc: *x',
  'a: &x 1\n? key\nb: *x',
  '? [a]: b',
  '? [a]\n: b',
  '{? a}',
  '{? a: b}',
  'a: [? b: c]',
  'a: [? b]',
  '~: x',
  'null: x',
  '? \n: x',
  ': x',
  'a: {&x b: *x}',
  'a: [*x]\nb: &x 1',
  '[a, b]: c',
  '{a: b}: c',
  '? - a\n  - b\n: c',
  '? {a: b}\n: c',
  'a: &x [*x]',
  'a: &x {b: *x}',
  '&x a: *x',
  'a: &a b\nb: &a c\nc: *a',
  'a: &anchor\n  - &anchor b\n  - *anchor',
  '&a [a, *a]',
  '*x',
  '&x a',
  '--- &x\na: *x',
  'a: !<tag:yaml.org,2002:str> x',
  'a: !!binary aGk=',
  'a: !!omap [b: 1]',
  'a: !!timestamp 2001-12-14',
  'a: !foo x',
  '%TAG !e! tag:example.com,2000:\n---\na: !e!x y',
  '? a\n? a',
  'a: "\\uD800"',
  'a: b\n---\nc: d',
  'a: b\n...\nc: d',
  '- a\n- *a',
  'a: [1, 2]: 3',
  '1: a\n1.0: b',
  'true: a\n0x10: b\n.inf: c',
  `a: ${'&x '.repeat(3)}b`,
  'a: &x *y',
  'a: *x *y',
  '{a: 1, a: 2}',
  'a: {b: 1, b: 2}',
  `${Array.from({ length: 30 }, (_, index) => `k${index}: &a${index} ${index > 0 ? `[*a${index - 1}, *a${index - 1}]` : 'x'}`).join('\n')}`,
];

/** Each shape as a file of its own, and appended to a valid charter. */
function hostileFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  ODD_YAML.forEach((text, index) => {
    files[`charters/alone-${index}.yaml`] = text;
    files[`charters/in-charter-${index}.yaml`] = `${edit(VALID_UNIT, 'id: test-unit', `id: unit-${index}`)}${text}\n`;
  });
  return files;
}

describe('odd YAML gives findings, never a crash', () => {
  it('validate checks every file, reports no internal error, and still passes a good charter', async () => {
    const cwd = writeTree({ ...hostileFiles(), 'charters/good.yaml': edit(VALID_UNIT, 'id: test-unit', 'id: good-unit') });
    const result = await runCli(['validate', '--today', '2026-11-23', '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as JsonFileReport[];
    expect(files).toHaveLength(ODD_YAML.length * 2 + 1);
    const internal = files.flatMap((file) =>
      file.messages.filter((message) => message.ruleId === 'internal-error').map((message) => `${file.filePath}: ${message.message}`),
    );
    expect(internal).toEqual([]);
    expect(files.find((file) => file.filePath.endsWith('good.yaml'))?.messages).toEqual([]);
    // Every odd file alone is refused: none of them is a charter.
    const alone = files.filter((each) => /alone-\d+\.yaml$/.test(each.filePath));
    expect(alone).toHaveLength(ODD_YAML.length);
    for (const file of alone) expect(file.errorCount, file.filePath).toBeGreaterThan(0);
  });

  it.each(ODD_YAML.map((text) => [JSON.stringify(text).slice(0, 60), text] as const))('both parsers read %s the same way', (_label, text) => {
    for (const whole of [text, `${VALID_UNIT}${text}\n`]) {
      const slow = parseYamlSource('x.yaml', whole, DEFAULT_LIMITS, { fast: false });
      const fast = parseYamlSource('x.yaml', whole, DEFAULT_LIMITS, { fast: true });
      expect(fast.diagnostics).toEqual(slow.diagnostics);
      expect(fast.source.data).toEqual(slow.source.data);
      expect(slow.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'internal-error')).toEqual([]);
    }
  });
});
