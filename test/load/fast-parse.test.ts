import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-parse.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { VALID_UNIT, BASELINE, EXTENDING_UNIT, edit } from '../fixtures/charters.js';
import { lineOf } from '../helpers.js';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Inputs where js-yaml and the `yaml` package could disagree, or where `yaml` reports a problem. */
const TRICKY = [
  'a: 16:00',
  'a: 1:20:30',
  'a: 2026-01-01',
  'a: 0123',
  'a: 0o14',
  'a: 0b101',
  'a: 1_000',
  'a: yes',
  'a: on',
  'a: .inf',
  'a: -.inf',
  'a: .NaN',
  'a: 0x1F',
  'a: 1e3',
  'a: +1',
  'a: -.5',
  'a: +.5',
  'a: .5',
  'a: 1.',
  'a: ~',
  'a: Null',
  'a: TRUE',
  'a: True',
  'a: "-.5"',
  "a: '12'",
  'a: ""',
  '"1": x',
  '1: x',
  'true: x',
  'null: x',
  '~: x',
  '? [a]\n: 1',
  '? a\n: 1',
  '{[a]: 1}',
  'a: {[b]: 1}',
  '[a]: 1',
  'a: 1\na: 2',
  'a:\n\tb: 1',
  'a: !!js/function x',
  'a: !custom x',
  '<<: {a: 1}',
  'a: &x 1\nb: *x',
  'a: &x [1]\nb: *x',
  '---\na: 1\n---\nb: 2',
  '__proto__: {x: 1}',
  'a:\n  constructor: 1',
  'a: b: c',
  'a: "unclosed',
  'a:\n- 1\n - 2',
  '- 1\n- 2',
  'just text',
  '',
  '# only a comment',
  'a: [1, 2,]',
  'a: {b: 1,}',
  'a: "x\\u0041"',
  "a: 'it''s'",
  'a: |\n  line 1\n  line 2\n',
  'a: >-\n  folded\n  text\n',
  'a: x # comment',
  'a: "x" # comment',
  'a: x #not a comment',
  'a: \\t',
  'a: -',
  'a: - b',
  'a: :b',
  'a: b:',
  `a: ${'['.repeat(60)}${']'.repeat(60)}`,
  'a: @x',
  'a: `x',
  'a: %x',
  '%YAML 1.2\n---\na: 1',
  '%YAML 1.1\n---\na: 16:00',
  'a: [{ b: 1 }, { c: 2 }]',
  'rules: [ { fi: x }, { fi: y } ]',
  'a: *x',
  'a: !!str 12',
  'a: !!int "12"',
  'a: !!binary aGk=',
  'a:\n  - b: 1\n    c: 2\n  - d: 3',
  'a: "\\x41"',
  'key with spaces: 1',
  '"quoted key": 1',
  'a: 12:30:00',
  'a: 0.1e+2',
  // Comments, document markers and directives that js-yaml accepts and `yaml` refuses.
  'phone: "+358 9 123 4030"# direct line',
  "a: 'x'# note",
  'a: "x"y',
  "a: 'x'y",
  'a: ["x"y]',
  'a: {"b":1}',
  'a: ["x", "y"]',
  '--- charter: 1\n  id: x',
  '--- charter: 1\nid: x',
  '---\na: 1',
  '--- # note\na: 1',
  '---x: 1',
  'a: 1\n...\n',
  'a: 1\n... b\n',
  '%FOO bar\n---\na: 1',
  '%YAML 1.2\n%YAML 1.2\n---\na: 1',
  '%YAML 1.3\n---\na: 1',
  '%TAG !e! tag:e.com,2000:\n---\na: 1',
  // Tags: none is used in charters.
  'a: !!str\n  |\n  text',
  'folded:\n   !foo\n  >1\n value\n',
  'a: !!set {a, b}',
  'a: !!omap [b: 1]',
  'a: !!timestamp 2001-12-14',
  'a: !!binary |\n  aGk=',
  'a: ! x',
  'a: !<tag:yaml.org,2002:str> x',
  '!!str a: 1',
  'a: [!!str x]',
  'a: Hello!',
  'a: x !y',
  // Characters a charter may not hold, raw and escaped.
  'a: x\u001by',
  'a: x\u000by',
  'a: x\u0000y',
  'a: x\u0085y',
  'a: x\ry',
  'a: x\r\nb: 1',
  'a: x\ufffey',
  'a: x\u2028y',
  'a: x\ufeffy',
  'a: "\\e"',
  'a: "\\x07"',
  'a: "\\0"',
  'a: "\\v"',
  'a: "\\r"',
  'a: "\\uFFFE"',
  'a: "\\uD800"',
  'a: "\\N"',
  'a: "\\t\\n\\/\\\\\\""',
  // Bidirectional formatting: overrides never, embeddings and isolates paired within their text.
  'a: x\u202ey',
  'a: x\u202dy\u202c',
  'a: "\\u202E"',
  'a: "\\U0000202E"',
  'a: x # \u202e',
  'a: x\u2067y\u2069',
  'a: x\u2067y',
  'a: x\u2069y',
  'a: "\\u2067x\\u2069"',
  'a: "\\u2067x"',
  "a: 'x\u202by\u202c'",
  'a: |\n  x\u2067\n  y\u2069\n',
  'a: >\n  x\u2067\n  y\u2069\n',
  'a: x # \u2067',
  'a\u2066: x',
  '"a\\u2066\u2069": x',
  'a: [x\u2066, \u2069y]',
  // Block scalars: their lines are text to both parsers, whatever they start with.
  'a: >-\n  text\n  [a link](https://x.fi) and\n  {substitute}. *Bold*) & more\n  - b\n  # c\n  d: e\n',
  'a: |\n  [x]\n  {a: b}\n  &a *b !c ? d\n  "q\n  \'q\n',
  'a: |+\n  x\n\n\nb: 1',
  'a: >\n  x\n\n   more\n  y\n\n',
  'a: > # note\n  [x](y)\n',
  'a: >#x\n  [x](y)\n',
  'a: |2\n   [x](y)\n',
  'a: |\n    x\n  [y](z)\n',
  'a: |\n\n    \n  [x](y)\n',
  'a: |\n  x\n \t\n  [y](z)\n',
  'a: |\n  x\n  \t[y](z)\n',
  'a: |\n\t[x](y)\n',
  'a:\n  - |\n   [x](y)\n  - >\n    {z}\n',
  '- a: |\n   [x](y)\n',
  '- a: |\n  [x](y)\n',
  '- - |\n   [x](y)\n',
  '-\ta: |\n   [x](y)\n',
  'a: b: |\n  [x](y)\n',
  '-- |\n  [x](y)\n',
  'a: x |\n  [y](z)\n',
  'a: [|]\n',
  'a: { b: | }\n',
  'a: |\n  x\nb: [y](z)\n',
  'a: |\n  x\n b: |\n  y\n',
  // Continuation lines of a plain text that start like a flow collection or a list.
  'a: x\n  [y] z\n',
  'a: x\n  [y](z)\n',
  'a: x\n  {y} z\n',
  'a: x\n  {y: z}\n',
  'a: x\n  - y\n',
  'a: x\n  y #z\n',
  'a: x\n  y: z\n',
  // Brackets after a comma or a bracket, outside and inside flow collections.
  'a: Kirjasto, {name}, hyvää päivää.',
  'a: x, [y](z), w',
  'a: x, {y: z}',
  'a: x, {y}: z',
  'a: x,[y]',
  'a: x, }',
  '- x, {y}',
  'a: [x, {y: 1}]',
  'a: [x, [y](z)]',
  'a: { b: x, {c}, d }',
  'a: { b: x, [c] }',
  // Anchors and aliases.
  'a: &x {b: 1}\nc: *x\n',
  'a: &x {b: 1}\nc: *x # note\n',
  'a: &x text\nc: *x\n',
  'a: &x "text"\nc: [*x]\n',
  'a: &x text\nc:\n  - *x\n',
  'a: &x text\nc: { d: *x }\n',
  'a: &x text\nc: { d: *x}\n',
  'a: &x text\nc: *x : 1\n',
  'a: &x text\nc: *x: 1\n',
  'a: &x text\n*x : 1\n',
  'a: &x text\nc: { *x : 1 }\n',
  'a: &x text\nc: *y\n',
  'a: &x [1]\nb: &x [2]\nc: *x\n',
  'a: &x { b: *x }\n',
  'a: &x { b: 1 }\nc: &y { d: *x }\ne: *y\n',
  'a: &x\n  b: 1\nc: *x\n',
  'a: &x |\n  b\nc: *x\n',
  'a: &x text\n  more\nc: *x\n',
  'a: &x text\n  b: *x\n',
  '- &x text\n- *x\n',
  'a: &x 12\nb: *x\n',
  'a: &x yes\nb: *x\n',
  'a: &x\nb: *x\n',
  'a: &x, b\nc: *x,\n',
  'a: *x\n',
  'a: &x: text\nb: *x:\n',
  'a: &:@*!$"<foo>: scalar a\nb: *:@*!$"<foo>:\n',
  'a: &ä text\nb: *ä\n',
  'a: &x.y text\nb: *x.y\n',
];

function slowRead(text: string): { data: unknown; clean: boolean } {
  const { source, diagnostics } = parseYamlSource('x.yaml', text, DEFAULT_LIMITS);
  return { data: source.data, clean: diagnostics.length === 0 };
}

/** How many of the texts the fast path accepts, checking that each means what `yaml` reads without a finding. */
function countAgreeing(texts: readonly string[]): number {
  let accepted = 0;
  for (const text of texts) {
    const fast = fastParse(text, DEFAULT_LIMITS);
    if (fast === undefined) continue;
    accepted++;
    const slow = slowRead(text);
    expect(slow.clean, `accepted what \`yaml\` reports:\n${text}`).toBe(true);
    // Node's strict comparison first, as it is many times faster on thousands of charters; equal by
    // it is equal by toEqual too, which only runs (and reports) where the two differ.
    if (!isDeepStrictEqual(fast, slow.data)) expect(fast, text).toEqual(slow.data);
  }
  return accepted;
}

describe('the fast path never reads a file differently from the `yaml` package', () => {
  it.each(TRICKY.map((text) => [JSON.stringify(text), text] as const))('%s gives the same findings and data on both paths', (_label, text) => {
    const slow = parseYamlSource('x.yaml', text, DEFAULT_LIMITS, { fast: false });
    const fast = parseYamlSource('x.yaml', text, DEFAULT_LIMITS, { fast: true });
    expect(fast.diagnostics).toEqual(slow.diagnostics);
    expect(fast.source.data).toEqual(slow.source.data);
  });

  it.each([
    [
      'a comment stuck to a quoted value',
      edit(VALID_UNIT, 'phone: "+358 9 123 4000"', 'phone: "+358 9 123 4000"# direct line'),
      '# direct line',
      /^a comment needs a space before its `#`/,
    ],
    ['content on the `---` line, the rest indented', `--- ${VALID_UNIT.replace(/\n(?=.)/g, '\n    ')}`, 'charter: 1', /^nothing may follow `---` on its line/],
    ['a tag on its own line before a block scalar', edit(VALID_UNIT, 'owner: head', 'owner: !!str\n  |\n  head'), '!!str', /^the tag `!!str`/],
    ['a !!binary value', edit(VALID_UNIT, 'owner: head', 'owner: !!binary aGVhZA=='), '!!binary', /^the tag `!!binary`/],
  ])('refuses %s on both paths, where `yaml` does', (_name, text, marker, message) => {
    for (const fast of [false, true]) {
      const { diagnostics } = parseYamlSource('x.yaml', text, DEFAULT_LIMITS, { fast });
      const syntax = diagnostics.filter((diagnostic) => diagnostic.ruleId === 'yaml-syntax');
      expect(syntax.map((diagnostic) => diagnostic.line)).toEqual([lineOf(text, marker)]);
      expect(syntax[0]?.message).toMatch(message);
    }
  });

  // A text the fast path declines goes to the slow path, so nothing can differ: only the accepted ones are checked here.
  const acceptedTricky = TRICKY.filter((text) => fastParse(text, DEFAULT_LIMITS) !== undefined);

  it('accepts some of the tricky texts, so that the next tests check something', () => {
    expect(acceptedTricky.length).toBeGreaterThan(20);
    expect(acceptedTricky.length).toBeLessThan(TRICKY.length);
  });

  it.each(acceptedTricky.map((text) => [JSON.stringify(text), text] as const))('%s, accepted by the fast path, means what `yaml` reads', (_label, text) => {
    const slow = slowRead(text);
    expect(slow.clean, 'the fast path accepted a file that `yaml` reports').toBe(true);
    expect(fastParse(text, DEFAULT_LIMITS)).toEqual(slow.data);
  });

  it('reads the example charters and test fixtures exactly like the slow path', () => {
    const files = readdirSync(join(repoRoot, 'charters')).filter((name) => name.endsWith('.yaml'));
    const texts = [...files.map((name) => readFileSync(join(repoRoot, 'charters', name), 'utf8')), VALID_UNIT, BASELINE, EXTENDING_UNIT];
    for (const text of texts) {
      const fast = fastParse(text, DEFAULT_LIMITS);
      const slow = slowRead(text);
      expect(slow.clean).toBe(true);
      if (fast !== undefined) expect(fast).toEqual(slow.data);
    }
    // The fast path must actually be taken for ordinary charters, or it is no use.
    expect(fastParse(VALID_UNIT, DEFAULT_LIMITS)).toBeDefined();
  });

  it('takes the fast path for every example charter (links and placeholders in block texts, anchors and aliases)', () => {
    const files = readdirSync(join(repoRoot, 'charters')).filter((name) => name.endsWith('.yaml'));
    for (const name of files) {
      const text = readFileSync(join(repoRoot, 'charters', name), 'utf8');
      expect(fastParse(text, DEFAULT_LIMITS), name).toEqual(slowRead(text).data);
    }
  });

  it('gives every alias its own copy, as the slow path does, so that changing one place changes no other', () => {
    const data = fastParse('a: &x { b: [1] }\nc: *x\nd: *x\n', DEFAULT_LIMITS) as Record<string, { b: number[] }>;
    expect(data).toEqual({ a: { b: [1] }, c: { b: [1] }, d: { b: [1] } });
    expect(data.c).not.toBe(data.a);
    expect(data.d).not.toBe(data.c);
    expect(data.c?.b).not.toBe(data.a?.b);
  });

  it('leaves more aliases than the limit, and values near the limits, to the slow path, which reports them', () => {
    const aliases = (count: number): string => `a: &x { b: 1 }\n${Array.from({ length: count }, (_, index) => `c${index}: *x`).join('\n')}\n`;
    expect(fastParse(aliases(DEFAULT_LIMITS.maxAliases), DEFAULT_LIMITS)).toBeDefined();
    const tooMany = aliases(DEFAULT_LIMITS.maxAliases + 1);
    expect(fastParse(tooMany, DEFAULT_LIMITS)).toBeUndefined();
    expect(parseYamlSource('x.yaml', tooMany, DEFAULT_LIMITS, { fast: true }).diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['yaml-limits']);
    // The slow path counts each alias as one value more and its target one level deeper.
    const limits = { ...DEFAULT_LIMITS, maxNodes: 6, maxDepth: 2 };
    const nearLimits = ['a: &x { b: 1 }\nc: *x\nd: *x\n', 'a: &x { b: { c: 1 } }\nd: *x\n'];
    for (const text of nearLimits) {
      const slow = parseYamlSource('x.yaml', text, limits, { fast: false });
      expect(slow.diagnostics.map((diagnostic) => diagnostic.ruleId)).toEqual(['yaml-limits']);
      expect(fastParse(text, limits)).toBeUndefined();
    }
  });

  it('agrees on block texts and aliases put together at random', () => {
    const random = seededRandom(20261202);
    const values = [
      ' |',
      ' >-',
      ' |+',
      ' > # note',
      ' |2',
      ' &x |',
      ' x |',
      '\n  - |',
      '\n  - a: >',
      '\n  - - |',
      ' &x { o: 1 }',
      ' &x text',
      ' *x',
      ' [*x]',
      ' { p: *x }',
    ];
    const lines = ['[x](y) z', '{s}.', '*b*) c', '- c', '# d', 'e: f', '', '\t', ' \t', 'g', '&h *i', '"j', "k'", 'k: *x', '- *x', '? p', '!q', '--- r'];
    const texts: string[] = [];
    for (let round = 0; round < 3000; round++) {
      const parts: string[] = [];
      for (let key = random(4) + 1; key > 0; key--) {
        parts.push(`k${key}:${values[random(values.length)] as string}`);
        // Mostly indented more than the key, now and then not.
        for (let count = random(4); count > 0; count--) parts.push(' '.repeat(random(7) === 0 ? 0 : random(6) + 1) + (lines[random(lines.length)] as string));
      }
      texts.push(`${parts.join('\n')}\n`);
    }
    expect(countAgreeing(texts)).toBeGreaterThan(300);
  });

  it.each([
    ['a Markdown link', 'Book a time [online](https://www.example.fi/ajanvaraus) or by phone.'],
    ['quoted words', 'Even if the answer is only "I am looking into it".'],
    ['an exclamation mark', 'Welcome! We serve well.'],
    ['brackets and braces in text', 'Forms [PDF] and {placeholders} are fine here.'],
  ])('takes the fast path for ordinary text with %s', (_name, summary) => {
    const text = edit(VALID_UNIT, 'summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', `summary:\n    fi: Palvelemme.\n    en: ${summary}`);
    expect(fastParse(text, DEFAULT_LIMITS)).toEqual(slowRead(text).data);
  });

  // 3,000 damaged charters, made up front from one fixed seed (so a failure is reproducible)
  // and checked in six tests of 500, each far from its timeout on a busy machine.
  const damaged = damagedCharters(3000);
  const CHUNK = 500;
  it.each(Array.from({ length: damaged.length / CHUNK }, (_, index) => [index * CHUNK, (index + 1) * CHUNK] as const))(
    'agrees on randomly damaged charters %i to %i',
    (from, to) => {
      // Hundreds in all: the fast path must take damaged charters often enough for this to test it.
      expect(countAgreeing(damaged.slice(from, to))).toBeGreaterThan(CHUNK / 6);
    },
  );
});

/** Numbers below a limit from a fixed seed, so that a failure is reproducible. */
function seededRandom(start: number): (limit: number) => number {
  let seed = start;
  return (limit) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % limit;
  };
}

/** Example charters each damaged at one random place: a character or two cut, something YAML reads specially put in. */
function damagedCharters(count: number): string[] {
  const random = seededRandom(20261123);
  const damage = [
    ':',
    ' ',
    '  ',
    '\t',
    '-',
    '- ',
    '"',
    "'",
    '[',
    ']',
    '{',
    '}',
    '#',
    ' #',
    '&a ',
    '*a',
    '? ',
    '\n',
    '\n  ',
    '0b1',
    '.5',
    '~',
    '!',
    '|',
    '>',
    ',',
    '%',
    '@',
    '`',
    '\\',
    '---\n',
    '...\n',
    'null',
    '12',
    '!!binary ',
    '! ',
    '"x"#',
    "'x'#",
    '--- ',
    '\n--- a: 1\n',
    '\n%YAML 1.2\n',
    '<<: ',
    '\u001b',
    '\u000b',
    '\u0000',
    '\u0085',
    '\r',
    '\ufffe',
    '\u2028',
    '\ufeff',
    '"\\e"',
    '"\\x07"',
    '\n  [x](y) ',
    '{s}',
    ', {name}, ',
    ' &b ',
    ' *b',
    ': &b { c: 1 }',
    ': *b',
    '\n    ',
    ': >-\n  ',
    ' |\n',
    '|2',
    '\n\t',
  ];
  // Block texts with links and placeholders, anchors and aliases: building-control and city-library have them.
  const examples = ['building-control.yaml', 'city-library.yaml'].map((name) => readFileSync(join(repoRoot, 'charters', name), 'utf8'));
  return Array.from({ length: count }, (_, round) => {
    const original = round % 3 === 0 ? VALID_UNIT : (examples[round % 3 === 1 ? 0 : 1] as string);
    const at = random(original.length);
    const cut = random(3);
    return original.slice(0, at) + (damage[random(damage.length)] as string) + original.slice(at + cut);
  });
}
