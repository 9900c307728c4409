import type { JsonPath, RuleMeta, Severity } from '../model/diagnostic.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { MessageRef } from '../messages/message.js';

export interface RuleReport {
  /** Path in the effective (merged) charter data; the loader turns it into file:line:col. */
  readonly path: JsonPath;
  /** What is wrong and what to do, as a message of catalogs/<lang>/rules.json. */
  readonly message: MessageRef;
  /** Defaults to the rule's own severity. */
  readonly severity?: Severity;
  /** Point at the key instead of the value (for example an unknown or duplicated key). */
  readonly target?: 'key' | 'value';
  /** The path is in this file's own data rather than in the merged charter. */
  readonly rawIn?: ResolvedCharter;
}

export interface RuleContext {
  readonly charter: ResolvedCharter;
  /** Today's date (YYYY-MM-DD), injectable so that results are reproducible. */
  readonly today: string;
  readonly report: (report: RuleReport) => void;
}

/** What a rule that looks across files learns of each unit charter. */
export interface UnitSummary {
  readonly file: string;
  readonly absolutePath: string;
  readonly id: string | undefined;
}

export interface CollectionContext {
  /** Every unit charter of the run, in file order. */
  readonly units: readonly UnitSummary[];
  /** Reports a finding at a path of a unit's own file. */
  readonly report: (unit: UnitSummary, report: Omit<RuleReport, 'rawIn'>) => void;
}

/**
 * A semantic check that a JSON Schema cannot express. One module per rule; file
 * name = id. `check` sees one charter (so files can be checked in parallel);
 * `checkCollection`, if any, sees a summary of all of them.
 */
export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
  checkCollection?(context: CollectionContext): void;
}

export function defineRule(id: string, description: string, severity: Severity, check: Rule['check'], checkCollection?: Rule['checkCollection']): Rule {
  return { meta: { id, description, severity, docs: `docs/rules/${id}.md` }, check, ...(checkCollection ? { checkCollection } : {}) };
}
