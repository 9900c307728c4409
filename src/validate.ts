import type { Diagnostic, FileResult, JsonPath } from './model/diagnostic.js';
import { compareDiagnostics } from './model/diagnostic.js';
import type { LocatedIn, ResolvedCharter } from './load/resolved-charter.js';
import type { PerCharterCache } from './load/charter-cache.js';
import type { LoadedCollection } from './load/load-collection.js';
import { internalError } from './model/internal-error.js';
import { checkSchema } from './schema/check-schema.js';
import { RULES } from './rules/index.js';
import { message, worded } from './messages/message.js';
import type { Rule, RuleReport, UnitSummary } from './rules/rule.js';

export interface ValidateOptions {
  /** Today's date, YYYY-MM-DD (review dates are judged against it). */
  readonly today: string;
  readonly rules?: readonly Rule[];
  /** Findings per charter of an earlier run, reused while its files are unchanged (`charter serve`). */
  readonly cache?: PerCharterCache<Diagnostic[]>;
}

/** Pure: checks loaded charters against the schema and the rules. */
export function validateCollection(collection: LoadedCollection, options: ValidateOptions): Diagnostic[] {
  const rules = options.rules ?? RULES;
  const byPath = new Map(collection.charters.map((charter) => [charter.absolutePath, charter]));
  const locate: UnitLocator = (unit, path, target) => {
    const charter = byPath.get(unit.absolutePath);
    if (!charter) throw new Error(`no charter loaded from ${unit.file}`);
    return charter.locate(path, target);
  };
  return sortUnique([...checkEachCharter(collection, options), ...checkAcrossCharters(summarizeUnits(collection), locate, rules)]);
}

/** Loader findings, the schema and every rule's per-charter check: the part that can run in parallel. */
export function checkEachCharter(collection: LoadedCollection, options: ValidateOptions): Diagnostic[] {
  const rules = options.rules ?? RULES;
  const diagnostics: Diagnostic[] = [...collection.diagnostics];
  for (const charter of collection.charters) {
    const check = (): Diagnostic[] => checkOneCharter(charter, rules, options.today);
    diagnostics.push(...(options.cache && !options.rules ? options.cache.get(charter, options.today, check) : check()));
  }
  return diagnostics;
}

function checkOneCharter(charter: ResolvedCharter, rules: readonly Rule[], today: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  try {
    diagnostics.push(...checkSchema(charter));
  } catch (error) {
    diagnostics.push(internalError(message('rules.internal-error.schema-check'), charter.file, error));
  }
  // Without its baseline a charter lacks what it inherits; the rules would only echo that.
  if (charter.incomplete) return diagnostics;
  for (const rule of rules) {
    const report = (finding: RuleReport): void => {
      try {
        diagnostics.push(toDiagnostic(rule, charter, finding));
      } catch (error) {
        diagnostics.push(internalError(message('rules.internal-error.locating', { rule: rule.meta.id }), charter.file, error));
      }
    };
    try {
      rule.check({ charter, today, report });
    } catch (error) {
      diagnostics.push(internalError(message('rules.internal-error.rule', { rule: rule.meta.id }), charter.file, error));
    }
  }
  return diagnostics;
}

/** What cross-file rules need of each unit: small enough to send between threads. */
export function summarizeUnits(collection: LoadedCollection): UnitSummary[] {
  return collection.charters
    .filter((charter) => !charter.isBaseline)
    .map((charter) => ({
      file: charter.file,
      absolutePath: charter.absolutePath,
      id: typeof charter.data.id === 'string' ? charter.data.id : undefined,
    }));
}

export type UnitLocator = (unit: UnitSummary, path: JsonPath, target: 'key' | 'value' | undefined) => LocatedIn;

/** Runs the rules that look across files, on unit summaries in file order. */
export function checkAcrossCharters(units: readonly UnitSummary[], locate: UnitLocator, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ordered = [...units].sort((a, b) => a.file.localeCompare(b.file));
  for (const rule of rules) {
    if (!rule.checkCollection) continue;
    try {
      rule.checkCollection({
        units: ordered,
        report: (unit, finding) => {
          // A file that cannot be located again gets its own finding; the rule goes on with the others.
          let located: LocatedIn;
          try {
            located = locate(unit, finding.path, finding.target);
          } catch (error) {
            diagnostics.push(internalError(message('rules.internal-error.locating', { rule: rule.meta.id }), unit.file, error));
            return;
          }
          diagnostics.push(positioned(rule, located, finding));
        },
      });
    } catch (error) {
      diagnostics.push(internalError(message('rules.internal-error.rule', { rule: rule.meta.id }), ordered[0]?.file ?? '', error));
    }
  }
  return diagnostics;
}

function toDiagnostic(rule: Rule, charter: ResolvedCharter, finding: RuleReport): Diagnostic {
  const located = finding.rawIn
    ? { file: finding.rawIn.file, ...finding.rawIn.source.locate(finding.path, finding.target) }
    : charter.locate(finding.path, finding.target);
  return positioned(rule, located, finding);
}

function positioned(rule: Rule, located: LocatedIn, finding: Omit<RuleReport, 'rawIn'>): Diagnostic {
  return {
    ruleId: rule.meta.id,
    severity: finding.severity ?? rule.meta.severity,
    ...worded(finding.message),
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path: finding.path,
  };
}

/** A baseline's mistake is found through every unit that extends it; report it once. */
export function sortUnique(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique = diagnostics.filter((diagnostic) => {
    const key = `${diagnostic.file}\0${diagnostic.line}\0${diagnostic.column}\0${diagnostic.ruleId}\0${diagnostic.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(compareDiagnostics);
}

/** Groups diagnostics per file, keeping clean files (JUnit reports one test case per file). */
export function groupByFile(files: readonly string[], diagnostics: readonly Diagnostic[]): FileResult[] {
  const byFile = new Map<string, Diagnostic[]>(files.map((file) => [file, []]));
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  return [...byFile].map(([file, list]) => ({ file, diagnostics: list }));
}
