import { jsonText } from '../format/shared.js';
import { formatJsonPath } from '../model/diagnostic.js';
import { renderMessage } from '../messages/message.js';
import { needsDecision, type DiffResult } from './diff-model.js';
import type { DiffFormatContext } from './render-text.js';

/** For other tools: the result as data, each change's `message` in the reader's language and its path as the charter's keys. */
export function formatJson(result: DiffResult, context: DiffFormatContext): string {
  return jsonText({
    base: result.base,
    compared: result.compared,
    needsDecision: needsDecision(result),
    charters: result.charters.map((charter) => ({
      ...charter,
      changes: charter.changes.map((change) => ({
        kind: change.kind,
        message: renderMessage(change.text, context.locale),
        path: formatJsonPath(change.path),
        ...(change.at ?? {}),
      })),
    })),
    unreadable: result.unreadable,
  });
}
