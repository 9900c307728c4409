import { escapeData, escapeProperty } from '../format/github.js';
import { oneLine, relativeToCwd, toForwardSlashes } from '../format/shared.js';
import { WEAKENING_KINDS, type DiffResult } from './diff-model.js';
import { decisionText, kindWord, renderEscaped, summaryTexts, unreadableTexts, type DiffFormatContext } from './render-text.js';

/**
 * GitHub Actions workflow commands: an annotation at each change's line, an
 * error for a promise weakened without a recorded decision, a warning for
 * one weakened with it, a notice for the rest. GitHub shows only some
 * annotations of a step, so every change is also listed plainly after them.
 */
export function formatGithub(result: DiffResult, context: DiffFormatContext): string {
  const { locale } = context;
  const annotations: string[] = [];
  const plain: string[] = [];
  for (const charter of result.charters) {
    const decision = decisionText(charter);
    const decisionWords = decision === undefined ? '' : ` — ${renderEscaped(decision, locale, (text) => text)}`;
    for (const change of charter.changes) {
      const text = renderEscaped(change.text, locale, (value) => value);
      const weakens = WEAKENING_KINDS.includes(change.kind);
      const level = weakens ? (charter.needsDecision ? 'error' : 'warning') : 'notice';
      const file = change.at === undefined ? charter.file : change.at.file;
      const path = relativeToCwd(file, context.cwd) ?? toForwardSlashes(file);
      const properties = [
        `file=${escapeProperty(path)}`,
        ...(change.at ? [`line=${change.at.line}`, `col=${change.at.column}`] : []),
        `title=${escapeProperty(`charter diff: ${kindWord(change.kind, locale)}`)}`,
      ];
      annotations.push(`::${level} ${properties.join(',')}::${escapeData(`${charter.id}: ${text}${weakens ? decisionWords : ''}`)}`);
      plain.push(`  ${oneLine(path)}:${change.at?.line ?? 1}  ${kindWord(change.kind, locale)}  ${oneLine(text)}`);
    }
  }
  const notes = unreadableTexts(result).map((note) => oneLine(renderEscaped(note, locale, (text) => text)));
  const summary = summaryTexts(result).map((text) => oneLine(renderEscaped(text, locale, (value) => value)));
  return `${[...annotations, ...plain, ...notes, ...summary].join('\n')}\n`;
}
