import { diagnosticMessage } from '../model/diagnostic.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, FileResult, FormatContext, RuleMeta, Severity } from '../model/diagnostic.js';
import { packageRoot } from '../util/package-info.js';
import { atLeastOne, jsonText, relativeToCwd, sortedDiagnostics, usableEnd } from './shared.js';

/**
 * SARIF 2.1.0 for GitHub code scanning (and other SARIF viewers).
 *
 * Traps this avoids: GitHub validates the log against the SARIF schema, so
 * `informationUri` and `helpUri` must be absolute URIs (format "uri") and
 * artifact URIs valid URI references (percent-encoded, no bare `:` or `#`);
 * regions are 1-based, so a 0 line or column is rejected.
 *
 * Each rule carries its page from the package's docs/rules/ as `help`, so a
 * viewer explains it offline. `helpUri` and `informationUri` are written only
 * where a real address is known: `--docs-url`, or a GitHub `homepage` in the
 * package's package.json; never a made-up one.
 */

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'charterFingerprint/v1';
const SRCROOT = '%SRCROOT%';

type Level = 'error' | 'warning';

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly SarifRun[];
}

export interface SarifRun {
  readonly tool: { readonly driver: SarifDriver };
  readonly originalUriBaseIds: Readonly<Record<string, { readonly uri: string }>>;
  readonly columnKind: 'utf16CodeUnits';
  readonly results: readonly SarifResult[];
}

export interface SarifDriver {
  readonly name: 'charter';
  readonly version: string;
  readonly informationUri?: string;
  readonly rules: readonly SarifRule[];
}

export interface SarifRule {
  readonly id: string;
  readonly shortDescription: { readonly text: string };
  readonly fullDescription?: { readonly text: string };
  readonly help?: { readonly text: string; readonly markdown: string };
  readonly helpUri?: string;
  readonly defaultConfiguration: { readonly level: Level };
}

/** What SARIF reads beyond the common context: where the rule pages are published. */
export interface SarifContext extends FormatContext {
  /**
   * The address the rule pages are published at (`--docs-url`): a base, to
   * which `<rule-id>.md` is added, or an address with `{rule}` in it.
   */
  readonly docsUrl?: string;
  /** The package's `homepage`; read from its package.json when not given, none with null. */
  readonly homepage?: string | null;
  /** The folder holding docs/rules/; the package's own by default. */
  readonly packageFolder?: string;
}

export interface SarifRegion {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

export interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: Level;
  readonly message: { readonly text: string };
  readonly locations: readonly [
    {
      readonly physicalLocation: {
        readonly artifactLocation: { readonly uri: string; readonly uriBaseId?: string };
        readonly region: SarifRegion;
      };
    },
  ];
  readonly partialFingerprints: Readonly<Record<string, string>>;
}

export const formatSarif = (results: readonly FileResult[], context: SarifContext): string => {
  const diagnostics = results.flatMap((result) => sortedDiagnostics(result));

  const homepage = context.homepage === undefined ? packageHomepage(context.packageFolder) : (absoluteUrl(context.homepage ?? '') ?? undefined);
  const links: HelpLinks = { ...(context.docsUrl === undefined ? {} : { docsUrl: context.docsUrl }), ...(homepage === undefined ? {} : { homepage }) };
  const ruleIds = [...new Set(diagnostics.map((diagnostic) => diagnostic.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const rules = ruleIds.map((id) => describeRule(id, diagnostics, context, links));

  const seenFingerprints = new Map<string, number>();
  const sarifResults = diagnostics.map((diagnostic): SarifResult => {
    const artifactLocation = artifactLocationOf(diagnostic.file, context.cwd);
    const hash = fingerprint(diagnostic, artifactLocation.uri);
    // Identical findings in one file still need distinct fingerprints; number them like GitHub does.
    const occurrence = (seenFingerprints.get(hash) ?? 0) + 1;
    seenFingerprints.set(hash, occurrence);
    return {
      ruleId: diagnostic.ruleId,
      ruleIndex: ruleIndex.get(diagnostic.ruleId) ?? 0,
      level: levelOf(diagnostic.severity),
      message: { text: diagnosticMessage(diagnostic, context.locale) },
      locations: [{ physicalLocation: { artifactLocation, region: regionOf(diagnostic) } }],
      partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${occurrence}` },
    };
  });

  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'charter', version: context.version, ...(homepage === undefined ? {} : { informationUri: homepage }), rules },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(context.cwd) } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return jsonText(log);
};

export default formatSarif;

interface HelpLinks {
  readonly docsUrl?: string;
  readonly homepage?: string;
}

function describeRule(id: string, diagnostics: readonly Diagnostic[], context: SarifContext, links: HelpLinks): SarifRule {
  const meta = context.rules.get(id);
  // An unknown id (say, from a plugin) still gets a descriptor: GitHub needs every ruleIndex to resolve.
  const severity = meta?.severity ?? diagnostics.find((diagnostic) => diagnostic.ruleId === id)?.severity ?? 'error';
  const page = meta ? rulePage(meta, context.packageFolder) : undefined;
  const helpUri = meta ? helpUriOf(id, links) : undefined;
  return {
    id,
    shortDescription: { text: meta?.description || id },
    ...(meta?.description ? { fullDescription: { text: meta.description } } : {}),
    ...(page === undefined ? {} : { help: { text: page, markdown: page } }),
    ...(helpUri === undefined ? {} : { helpUri }),
    defaultConfiguration: { level: levelOf(severity) },
  };
}

/** The rule's page (docs/rules/<id>.md) from the package; undefined when it is not there. */
function rulePage(meta: RuleMeta, folder: string | undefined): string | undefined {
  try {
    return readFileSync(join(folder ?? packageRoot(), meta.docs), 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The published page of a rule: `--docs-url` with `{rule}` filled in, or with
 * `<id>.md` added; else the page in the GitHub repository the package's
 * homepage names. Undefined when neither gives an absolute http(s) address.
 */
export function helpUriOf(id: string, links: HelpLinks): string | undefined {
  if (links.docsUrl !== undefined) {
    const address = links.docsUrl.includes('{rule}')
      ? links.docsUrl.replaceAll('{rule}', encodeURIComponent(id))
      : `${links.docsUrl}${links.docsUrl.endsWith('/') ? '' : '/'}${encodeURIComponent(id)}.md`;
    return absoluteUrl(address);
  }
  const repository = links.homepage === undefined ? undefined : githubRepository(links.homepage);
  return repository === undefined ? undefined : `${repository}/blob/main/docs/rules/${encodeURIComponent(id)}.md`;
}

/** `https://github.com/owner/repo` of a GitHub homepage (`…/repo#readme`, `…/repo.git`), else undefined. */
function githubRepository(homepage: string): string | undefined {
  const match = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?(?:#.*)?$/.exec(homepage);
  return match ? `https://github.com/${match[1] ?? ''}/${match[2] ?? ''}` : undefined;
}

/** The text as an absolute http(s) URL, normalised; undefined when it is not one. */
export function absoluteUrl(text: string): string | undefined {
  if (!URL.canParse(text)) return undefined;
  const url = new URL(text);
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** The `homepage` of the package's package.json, when it is an absolute address. */
function packageHomepage(folder: string | undefined): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(folder ?? packageRoot(), 'package.json'), 'utf8')) as { homepage?: unknown };
    return typeof manifest.homepage === 'string' ? absoluteUrl(manifest.homepage) : undefined;
  } catch {
    return undefined;
  }
}

function levelOf(severity: Severity): Level {
  return severity === 'error' ? 'error' : 'warning';
}

function regionOf(diagnostic: Diagnostic): SarifRegion {
  const end = usableEnd(diagnostic);
  return {
    startLine: atLeastOne(diagnostic.line),
    startColumn: atLeastOne(diagnostic.column),
    ...(end === undefined ? {} : { endLine: end.line }),
    ...(end?.column === undefined ? {} : { endColumn: end.column }),
  };
}

/** Relative to %SRCROOT% inside the working folder; an absolute file URL outside it. */
function artifactLocationOf(file: string, cwd: string): { readonly uri: string; readonly uriBaseId?: string } {
  const relative = relativeToCwd(file, cwd);
  if (relative === undefined) return { uri: pathToFileURL(resolve(cwd, file)).href };
  return { uri: relative.split('/').map(encodeSegment).join('/'), uriBaseId: SRCROOT };
}

/**
 * encodeURIComponent rather than encodeURI: a segment must also escape `#`, `?`
 * and `:` (a colon in the first segment would read as a URI scheme).
 */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment.replace(/[\uD800-\uDFFF]/g, (char, offset: number, whole: string) => (isPaired(whole, offset) ? char : '\uFFFD')));
}

function isPaired(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code <= 0xdbff) {
    const next = text.charCodeAt(offset + 1);
    return next >= 0xdc00 && next <= 0xdfff;
  }
  const previous = text.charCodeAt(offset - 1);
  return previous >= 0xd800 && previous <= 0xdbff;
}

function folderUri(cwd: string): string {
  const href = pathToFileURL(resolve(cwd)).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Stable across edits that move the finding: rule, file and message only, never the line. */
function fingerprint(diagnostic: Diagnostic, uri: string): string {
  return createHash('sha256').update(`${diagnostic.ruleId}\u0000${uri}\u0000${diagnostic.message}`).digest('hex');
}
