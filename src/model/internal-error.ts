import type { Diagnostic, Position } from './diagnostic.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';

/** Rule id of a finding that says `charter` itself failed on a file (docs/rules/internal-error.md). */
export const INTERNAL_ERROR_RULE_ID = 'internal-error';

/**
 * A crash while checking one file, as a finding of that file. The other files
 * are still checked, and the run fails rather than passing a file that was
 * not fully checked. `what` names the part that failed, as a message
 * (`message('rules.internal-error.rule', { rule })`: "the rule `x`"); plain
 * English text is still taken, and then the finding is English in every
 * language (it carries no `text`).
 */
export function internalError(what: MessageRef | string, file: string, error: unknown, at: Position = { line: 1, column: 1 }): Diagnostic {
  const text = message('rules.internal-error.failed', { what, error: describeError(error) });
  return {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: 'error',
    message: renderMessage(text, 'en'),
    // Said in the reader's language only when the failed part is named by a message too.
    ...(typeof what === 'string' ? {} : { text }),
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
