import type { Diagnostic, Position } from './diagnostic.js';

/** Rule id of a finding that says `charter` itself failed on a file (docs/rules/internal-error.md). */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';

/**
 * A crash while checking one file, as a finding of that file. The other files
 * are still checked, and the run fails rather than passing a file that was
 * not fully checked. `what` names the part that failed: "the rule `x`",
 * "the YAML reader"...
 */
export function internalError(what: string, file: string, error: unknown, at: Position = { line: 1, column: 1 }): Diagnostic {
  return {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: 'error',
    message: `${what} failed on this file (${describeError(error)}); please report this`,
    file,
    line: at.line,
    column: at.column,
    path: [],
  };
}

/** The first line of a thrown value's message (never a stack trace). */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? '').trim() || 'no message';
}
