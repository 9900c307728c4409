import { oneLine } from '../format/shared.js';
import { palette } from '../util/ansi.js';
import { renderMessage } from '../messages/message.js';
import { WEAKENING_KINDS, type ChangeKind, type DiffResult } from './diff-model.js';
import { charterNotes, decisionText, kindWord, renderEscaped, summaryTexts, unreadableTexts, type DiffFormatContext } from './render-text.js';

/**
 * For a person at a terminal: per charter, each change on one line, the
 * weakened first, and what the charter still needs. Every value from a
 * charter is one line with its control characters shown as escapes.
 */
export function formatStylish(result: DiffResult, context: DiffFormatContext): string {
  const { locale } = context;
  const paint = palette(context.color ?? false);
  const say = (ref: Parameters<typeof renderMessage>[0]): string => renderEscaped(ref, locale, oneLine);
  const colourOf = (kind: ChangeKind): ((text: string) => string) => (WEAKENING_KINDS.includes(kind) ? paint.red : kind === 'words' ? paint.dim : paint.green);
  const width = Math.max(...(['loosened', 'tightened', 'added', 'removed', 'changed', 'words'] as const).map((kind) => kindWord(kind, locale).length));
  const lines: string[] = [];
  for (const charter of result.charters) {
    lines.push(`${paint.underline(oneLine(charter.file))}  ${paint.dim(oneLine(charter.id))}`);
    for (const note of charterNotes(charter)) lines.push(`  ${say(note)}`);
    for (const change of charter.changes) {
      const where = change.at === undefined ? '' : paint.dim(`  ${oneLine(change.at.file)}:${change.at.line}`);
      lines.push(`  ${colourOf(change.kind)(kindWord(change.kind, locale).padEnd(width))}  ${say(change.text)}${where}`);
    }
    const decision = decisionText(charter);
    if (decision) lines.push(`  ${(charter.needsDecision ? paint.red : paint.green)(say(decision))}`);
    lines.push('');
  }
  for (const note of unreadableTexts(result)) lines.push(paint.yellow(say(note)));
  for (const summary of summaryTexts(result)) lines.push(paint.bold(say(summary)));
  return `${lines.join('\n')}\n`;
}
