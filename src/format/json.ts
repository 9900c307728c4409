import { diagnosticMessage } from '../model/diagnostic.js';
import type { Diagnostic, FileResult, FormatContext, Formatter, JsonPath, Severity } from '../model/diagnostic.js';
import { countDiagnostics, jsonText, sortedDiagnostics } from './shared.js';

/** The shape of `--format json`: one entry per file checked, clean files included. */
export interface JsonFileReport {
  readonly filePath: string;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly messages: readonly JsonMessage[];
}

export interface JsonMessage {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** Where in the charter data the finding is; empty for whole-file problems. */
  readonly path: JsonPath;
  /** The rule's docs page in the package, e.g. docs/rules/review-due.md, when the rule is known. */
  readonly docs?: string;
}

export const formatJson: Formatter = (results: readonly FileResult[], context: FormatContext): string => {
  const report: JsonFileReport[] = results.map((result) => {
    const diagnostics = sortedDiagnostics(result);
    const counts = countDiagnostics(diagnostics);
    return {
      filePath: result.file,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      messages: diagnostics.map((diagnostic) => toMessage(diagnostic, context)),
    };
  });
  return jsonText(report);
};

export default formatJson;

/** Builds each object with a fixed key order so the output is stable to diff. */
function toMessage(diagnostic: Diagnostic, context: FormatContext): JsonMessage {
  const docs = context.rules.get(diagnostic.ruleId)?.docs;
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    message: diagnosticMessage(diagnostic, context.locale),
    ...(diagnostic.text ? { messageId: diagnostic.text.id } : {}),
    line: diagnostic.line,
    column: diagnostic.column,
    ...(diagnostic.endLine === undefined ? {} : { endLine: diagnostic.endLine }),
    ...(diagnostic.endColumn === undefined ? {} : { endColumn: diagnostic.endColumn }),
    path: [...diagnostic.path],
    ...(docs === undefined ? {} : { docs }),
  };
}
