import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FINGERPRINT_KEY, formatSarif, helpUriOf, SARIF_SCHEMA, type SarifContext } from '../../src/format/sarif.js';
import type { FileResult } from '../../src/model/diagnostic.js';
import { CLEAN_RESULTS, CONTEXT, HTML_MESSAGE, RESULTS, TOTALS, WEAKER } from '../fixtures/diagnostics.js';

type Json = Record<string, unknown>;

/**
 * The parts of the SARIF 2.1.0 schema (and of GitHub's extra checks) that a
 * formatter can get wrong; returns the problems found.
 */
function checkSarif(log: unknown): string[] {
  const problems: string[] = [];
  const fail = (where: string, what: string): void => {
    problems.push(`${where}: ${what}`);
  };
  const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
  const isAbsoluteUri = (value: unknown): boolean => {
    try {
      return typeof value === 'string' && new URL(value).href.length > 0;
    } catch {
      return false;
    }
  };
  // RFC 3986 characters only, and no scheme-looking first segment in a relative reference.
  const isUriReference = (value: unknown): boolean =>
    typeof value === 'string' && /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/.test(value) && !/%(?![0-9A-F]{2})/.test(value);
  const isPositiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;

  if (!isObject(log)) return ['log: not an object'];
  if (log.version !== '2.1.0') fail('log', 'version must be "2.1.0"');
  if (typeof log.$schema !== 'string') fail('log', '$schema missing');
  if (!Array.isArray(log.runs)) return [...problems, 'log: runs must be an array'];

  log.runs.forEach((run: unknown, r) => {
    const where = `runs[${r}]`;
    if (!isObject(run)) return fail(where, 'not an object');
    const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) return fail(where, 'tool.driver is required');
    if (typeof driver.name !== 'string' || driver.name === '') fail(`${where}.tool.driver`, 'name is required');
    if (driver.informationUri !== undefined && !isAbsoluteUri(driver.informationUri)) fail(`${where}.tool.driver`, 'informationUri must be absolute');
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    const ids = new Set<string>();
    rules.forEach((rule: unknown, i) => {
      const at = `${where}.tool.driver.rules[${i}]`;
      if (!isObject(rule) || typeof rule.id !== 'string') return fail(at, 'id is required');
      if (ids.has(rule.id)) fail(at, `duplicate id ${rule.id}`);
      ids.add(rule.id);
      if (rule.helpUri !== undefined && !isAbsoluteUri(rule.helpUri)) fail(at, 'helpUri must be an absolute URI');
      if (!isObject(rule.shortDescription) || typeof rule.shortDescription.text !== 'string') fail(at, 'shortDescription.text');
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      if (!['none', 'note', 'warning', 'error'].includes(String(level))) fail(at, 'defaultConfiguration.level');
    });
    if (isObject(run.originalUriBaseIds)) {
      for (const [id, base] of Object.entries(run.originalUriBaseIds)) {
        const uri = isObject(base) ? base.uri : undefined;
        if (!isAbsoluteUri(uri) || !String(uri).endsWith('/')) fail(`${where}.originalUriBaseIds.${id}`, 'uri must be absolute and end with /');
      }
    }
    if (!Array.isArray(run.results)) return fail(where, 'results must be an array (GitHub needs it even when empty)');
    run.results.forEach((result: unknown, i) => {
      const at = `${where}.results[${i}]`;
      if (!isObject(result)) return fail(at, 'not an object');
      if (!isObject(result.message) || typeof result.message.text !== 'string') fail(at, 'message.text is required');
      if (typeof result.ruleId !== 'string') fail(at, 'ruleId');
      if (result.ruleIndex !== undefined) {
        const rule = rules[result.ruleIndex as number] as Json | undefined;
        if (rule?.id !== result.ruleId) fail(at, `ruleIndex ${JSON.stringify(result.ruleIndex)} does not point at ${String(result.ruleId)}`);
      }
      if (!['none', 'note', 'warning', 'error'].includes(String(result.level))) fail(at, 'level');
      if (!Array.isArray(result.locations) || result.locations.length === 0) return fail(at, 'locations');
      const physical = isObject(result.locations[0]) ? result.locations[0].physicalLocation : undefined;
      if (!isObject(physical) || !isObject(physical.artifactLocation)) return fail(at, 'physicalLocation.artifactLocation');
      const artifact = physical.artifactLocation;
      if (!isUriReference(artifact.uri)) fail(at, `uri ${String(artifact.uri)} is not a valid URI reference`);
      if (
        artifact.uriBaseId !== undefined &&
        !(isObject(run.originalUriBaseIds) && typeof artifact.uriBaseId === 'string' && artifact.uriBaseId in run.originalUriBaseIds)
      ) {
        fail(at, 'uriBaseId is not declared in originalUriBaseIds');
      }
      const region = physical.region;
      if (!isObject(region)) return fail(at, 'region');
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        if (key in region && !isPositiveInteger(region[key])) fail(at, `region.${key} must be an integer >= 1`);
      }
      if (!isPositiveInteger(region.startLine)) fail(at, 'region.startLine is required');
      if (isObject(result.partialFingerprints)) {
        for (const value of Object.values(result.partialFingerprints)) if (typeof value !== 'string') fail(at, 'partialFingerprints values are strings');
      }
    });
  });
  return problems;
}

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}
interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string; markdown: string };
  helpUri?: string;
  defaultConfiguration: { level: string };
}
interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Rule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: Result[];
  }[];
}

const parse = (results: readonly FileResult[], context: SarifContext = CONTEXT): Log => JSON.parse(formatSarif(results, context)) as Log;

describe('sarif formatter', () => {
  const output = formatSarif(RESULTS, CONTEXT);
  const log = JSON.parse(output) as Log;
  const run = log.runs[0]!;

  it('passes the structural check', () => {
    expect(checkSarif(log)).toEqual([]);
    expect(output.endsWith('}\n')).toBe(true);
  });

  it('the structural check does catch broken logs', () => {
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.ruleIndex = 99;
    broken.runs[0]!.results[1]!.locations[0]!.physicalLocation.region.startColumn = 0;
    broken.runs[0]!.results[2]!.locations[0]!.physicalLocation.artifactLocation.uri = 'a b.yaml';
    broken.runs[0]!.tool.driver.rules[0]!.helpUri = 'docs/rules/x.md';
    expect(checkSarif(broken)).toHaveLength(4);
  });

  it('is one SARIF 2.1.0 run of the charter tool', () => {
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = run.tool.driver;
    expect(driver.name).toBe('charter');
    expect(driver.version).toBe('1.2.3');
    // The package names no homepage: no address is made up.
    expect(driver.informationUri).toBeUndefined();
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/project/' } });
  });

  it('describes only the rules that occur, with their help pages and default levels', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(['languages-complete', 'no-weaker-than-baseline', 'opening-hours', 'review-due', 'schema', 'yaml-syntax']);
    const schema = rules.find((rule) => rule.id === 'schema');
    expect(schema?.shortDescription.text).toBe('The charter matches the charter format.');
    expect(schema?.fullDescription?.text).toBe('The charter matches the charter format.');
    const page = readFileSync('docs/rules/schema.md', 'utf8').trim();
    expect(schema?.help).toEqual({ text: page, markdown: page });
    for (const rule of rules) expect(rule.help?.markdown.startsWith(`# ${rule.id}`), rule.id).toBe(true);
    // Without --docs-url or a homepage there is no real address for the pages.
    expect(rules.some((rule) => 'helpUri' in rule)).toBe(false);
    expect(schema?.defaultConfiguration.level).toBe('error');
    expect(rules.find((rule) => rule.id === 'review-due')?.defaultConfiguration.level).toBe('warning');
  });

  it('has one result per diagnostic with consistent rule indexes and levels', () => {
    expect(run.results).toHaveLength(TOTALS.errors + TOTALS.warnings);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    }
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['schema', 'error'],
      ['no-weaker-than-baseline', 'error'],
      ['opening-hours', 'warning'],
      ['languages-complete', 'warning'],
      ['review-due', 'warning'],
      ['yaml-syntax', 'error'],
    ]);
    expect(run.results[0]?.message.text).toBe(HTML_MESSAGE);
  });

  it('uses 1-based regions, with the end only when known', () => {
    expect(run.results[0]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 3, startColumn: 12, endLine: 4, endColumn: 9 });
    expect(run.results[2]?.locations[0]?.physicalLocation.region).toEqual({ startLine: 20, startColumn: 7 });
  });

  it('never writes a 0 or a backwards end', () => {
    const odd: FileResult[] = [
      { file: 'a.yaml', diagnostics: [{ ...WEAKER, file: 'a.yaml', line: 0, column: 0, endLine: 0, endColumn: 0 }] },
      { file: 'b.yaml', diagnostics: [{ ...WEAKER, file: 'b.yaml', line: 5, column: 9, endLine: 5, endColumn: 3 }] },
    ];
    const [first, second] = parse(odd).runs[0]!.results;
    expect(first?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    expect(second?.locations[0]?.physicalLocation.region).toEqual({ startLine: 5, startColumn: 9, endLine: 5 });
  });

  it('points at files relative to %SRCROOT% with forward slashes and percent-encoding', () => {
    const uris = run.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation);
    expect(uris[0]).toEqual({ uri: 'charters/registry-office.yaml', uriBaseId: '%SRCROOT%' });
    expect(uris[5]).toEqual({ uri: 'charters/social%20services/advice%20desk.yaml', uriBaseId: '%SRCROOT%' });
  });

  it("encodes characters that would change a URI's meaning, and absolute paths become file URLs", () => {
    const files = ['työ#1:a?.yaml', '/work/project/sub/x.yaml', '/elsewhere/y.yaml'];
    const results: FileResult[] = files.map((file) => ({ file, diagnostics: [{ ...WEAKER, file }] }));
    const sarif = parse(results);
    expect(checkSarif(sarif)).toEqual([]);
    expect(sarif.runs[0]!.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation)).toEqual([
      { uri: 'ty%C3%B6%231%3Aa%3F.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'sub/x.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/y.yaml' },
    ]);
  });

  it('gives stable fingerprints from rule, file and message, not the line', () => {
    const fingerprints = run.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(FINGERPRINT_KEY).toBe('charterFingerprint/v1');
    for (const value of fingerprints) expect(value).toMatch(/^[0-9a-f]{64}:1$/);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);

    const moved: FileResult[] = [{ file: WEAKER.file, diagnostics: [{ ...WEAKER, line: 40, endLine: 40 }] }];
    expect(parse(moved).runs[0]!.results[0]!.partialFingerprints).toEqual(run.results[1]!.partialFingerprints);

    const twice: FileResult[] = [{ file: WEAKER.file, diagnostics: [WEAKER, { ...WEAKER, line: 30 }] }];
    const [a, b] = parse(twice).runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(a?.slice(0, 64)).toBe(b?.slice(0, 64));
    expect([a?.slice(65), b?.slice(65)]).toEqual(['1', '2']);
  });

  it('still describes a rule missing from the rule map', () => {
    const results: FileResult[] = [{ file: 'a.yaml', diagnostics: [{ ...WEAKER, file: 'a.yaml', ruleId: 'plugin/x', severity: 'warning' }] }];
    const sarif = parse(results);
    expect(checkSarif(sarif)).toEqual([]);
    expect(sarif.runs[0]!.tool.driver.rules).toEqual([{ id: 'plugin/x', shortDescription: { text: 'plugin/x' }, defaultConfiguration: { level: 'warning' } }]);
  });

  it('links each rule to --docs-url: a base address, or one with {rule}', () => {
    for (const docsUrl of ['https://intranet.kunta.fi/charter/rules', 'https://intranet.kunta.fi/charter/rules/']) {
      const rules = parse(RESULTS, { ...CONTEXT, docsUrl }).runs[0]!.tool.driver.rules;
      expect(rules.find((rule) => rule.id === 'review-due')?.helpUri).toBe('https://intranet.kunta.fi/charter/rules/review-due.md');
    }
    const placeholder = parse(RESULTS, { ...CONTEXT, docsUrl: 'https://docs.kunta.fi/charter?rule={rule}' });
    expect(checkSarif(placeholder)).toEqual([]);
    expect(placeholder.runs[0]!.tool.driver.rules.map((rule) => rule.helpUri)).toContain('https://docs.kunta.fi/charter?rule=schema');
  });

  it('links to the GitHub repository a homepage names, and to nothing for another homepage', () => {
    const github = parse(RESULTS, { ...CONTEXT, homepage: 'https://github.com/kunta/charter#readme' }).runs[0]!.tool.driver;
    expect(github.informationUri).toBe('https://github.com/kunta/charter#readme');
    expect(github.rules.find((rule) => rule.id === 'schema')?.helpUri).toBe('https://github.com/kunta/charter/blob/main/docs/rules/schema.md');
    const other = parse(RESULTS, { ...CONTEXT, homepage: 'https://www.kunta.fi/palvelulupaus' }).runs[0]!.tool.driver;
    expect(other.informationUri).toBe('https://www.kunta.fi/palvelulupaus');
    expect(other.rules.some((rule) => 'helpUri' in rule)).toBe(false);
    // --docs-url wins over the homepage.
    expect(helpUriOf('schema', { docsUrl: 'https://docs.kunta.fi/', homepage: 'https://github.com/kunta/charter' })).toBe('https://docs.kunta.fi/schema.md');
    expect(helpUriOf('schema', { docsUrl: 'docs/rules/' })).toBeUndefined();
    expect(helpUriOf('schema', { docsUrl: 'ftp://kunta.fi/rules/' })).toBeUndefined();
  });

  it('names no placeholder domain in any address', () => {
    for (const context of [CONTEXT, { ...CONTEXT, homepage: null }]) {
      const addresses = JSON.stringify(parse(RESULTS, context), (key, value: unknown) => (key === 'help' ? undefined : value));
      expect(addresses).not.toMatch(/example\.(?:com|org|net|fi)/);
    }
  });

  it('writes a valid, empty run when there is nothing to report', () => {
    for (const results of [CLEAN_RESULTS, []]) {
      const empty = parse(results);
      expect(checkSarif(empty)).toEqual([]);
      expect(empty.runs[0]!.results).toEqual([]);
      expect(empty.runs[0]!.tool.driver.rules).toEqual([]);
    }
  });
});
