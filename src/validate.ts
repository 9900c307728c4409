import type { Diagnostic, FileResult } from './model/diagnostic.js';
import { compareDiagnostics } from './model/diagnostic.js';
import type { ResolvedCharter } from './model/charter.js';
import type { LoadedCollection } from './load/load-collection.js';
import { checkSchema } from './schema/check-schema.js';
import { RULES } from './rules/index.js';
import type { Rule, RuleReport } from './rules/rule.js';

export interface ValidateOptions {
  /** Today's date, YYYY-MM-DD (review dates are judged against it). */
  readonly today: string;
  readonly rules?: readonly Rule[];
}

/** Pure: checks loaded charters against the schema and the rules. */
export function validateCollection(collection: LoadedCollection, options: ValidateOptions): Diagnostic[] {
  const rules = options.rules ?? RULES;
  const diagnostics: Diagnostic[] = [...collection.diagnostics];
  for (const charter of collection.charters) {
    diagnostics.push(...checkSchema(charter));
    for (const rule of rules) {
      const report = (finding: RuleReport): void => {
        diagnostics.push(toDiagnostic(rule, charter, finding));
      };
      try {
        rule.check({ charter, collection: collection.charters, today: options.today, report });
      } catch (error) {
        diagnostics.push({
          ruleId: 'internal-error',
          severity: 'error',
          message: `the rule \`${rule.meta.id}\` failed on this file (${error instanceof Error ? error.message : String(error)}); please report this`,
          file: charter.file,
          line: 1,
          column: 1,
          path: [],
        });
      }
    }
  }
  return uniqueSorted(diagnostics);
}

function toDiagnostic(rule: Rule, charter: ResolvedCharter, finding: RuleReport): Diagnostic {
  const located = finding.rawIn
    ? { file: finding.rawIn.file, ...finding.rawIn.source.locate(finding.path, finding.target) }
    : charter.locate(finding.path, finding.target);
  return {
    ruleId: rule.meta.id,
    severity: finding.severity ?? rule.meta.severity,
    message: finding.message,
    file: located.file,
    line: located.range.start.line,
    column: located.range.start.column,
    endLine: located.range.end.line,
    endColumn: located.range.end.column,
    path: finding.path,
  };
}

/** A baseline's mistake is found through every unit that extends it; report it once. */
function uniqueSorted(diagnostics: readonly Diagnostic[]): Diagnostic[] {
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
