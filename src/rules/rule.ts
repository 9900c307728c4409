import type { JsonPath, RuleMeta, Severity } from '../model/diagnostic.js';
import type { ResolvedCharter } from '../model/charter.js';

export interface RuleReport {
  /** Path in the effective (merged) charter data; the loader turns it into file:line:col. */
  readonly path: JsonPath;
  readonly message: string;
  /** Defaults to the rule's own severity. */
  readonly severity?: Severity;
  /** Point at the key instead of the value (for example an unknown or duplicated key). */
  readonly target?: 'key' | 'value';
  /** The path is in this file's own data rather than in the merged charter. */
  readonly rawIn?: ResolvedCharter;
}

export interface RuleContext {
  readonly charter: ResolvedCharter;
  /** Every charter checked in this run, for rules that look across files. */
  readonly collection: readonly ResolvedCharter[];
  /** Today's date (YYYY-MM-DD), injectable so that results are reproducible. */
  readonly today: string;
  report(report: RuleReport): void;
}

/** A semantic check that a JSON Schema cannot express. One module per rule; file name = id. */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(id: string, description: string, severity: Severity, check: Rule['check']): Rule {
  return { meta: { id, description, severity, docs: `docs/rules/${id}.md` }, check };
}
