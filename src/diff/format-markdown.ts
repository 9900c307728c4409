import { oneLine } from '../format/shared.js';
import { renderMessage, type MessageRef } from '../messages/message.js';
import { WEAKENING_KINDS, type ChangeKind, type DiffResult, type PromiseChange } from './diff-model.js';
import { charterNotes, decisionText, kindWord, renderEscaped, summaryTexts, unreadableTexts, type DiffFormatContext } from './render-text.js';

/**
 * Charter text as Markdown that shows as itself: no link, image, HTML,
 * heading, table cell, mention (`@team`), issue reference or autolink can be
 * made from it. Control characters are shown as escapes, lines joined.
 */
export function escapeMarkdown(text: string): string {
  return oneLine(text).replace(/[\\`*_{}[\]()+\-.!|~]|[&<>@:#]/g, (char) => MARKDOWN_ENTITIES[char] ?? `\\${char}`);
}

/** Characters written as entities: backslash escapes do not stop HTML, mentions, issue references or autolinks. */
const MARKDOWN_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '@': '&#64;', ':': '&#58;', '#': '&#35;' };

const SECTIONS: readonly { readonly title: MessageRef; readonly kinds: readonly ChangeKind[] }[] = [
  { title: { id: 'diff.format.section.weakened' }, kinds: WEAKENING_KINDS },
  { title: { id: 'diff.format.section.strengthened' }, kinds: ['tightened', 'added'] },
  { title: { id: 'diff.format.section.words' }, kinds: ['words'] },
];

/** For a pull-request comment: a heading per charter, its changes in three lists, and the decision it needs. */
export function formatMarkdown(result: DiffResult, context: DiffFormatContext): string {
  const { locale } = context;
  const say = (ref: MessageRef): string => renderEscaped(ref, locale, escapeMarkdown);
  const lines: string[] = [`### ${say({ id: 'diff.format.title', values: { base: result.base } })}`, ''];
  for (const charter of result.charters) {
    lines.push(`#### ${escapeMarkdown(charter.file)} (${escapeMarkdown(charter.id)})`, '');
    for (const note of charterNotes(charter)) lines.push(`${say(note)}  `);
    const decision = decisionText(charter);
    if (decision) lines.push(charter.needsDecision ? `> [!WARNING]\n> ${say(decision)}` : `> ${say(decision)}`, '');
    for (const section of SECTIONS) {
      const changes = charter.changes.filter((change) => section.kinds.includes(change.kind));
      if (changes.length === 0) continue;
      lines.push(`**${renderMessage(section.title, locale)}**`, '', ...changes.map((change) => item(change, say, locale)), '');
    }
  }
  for (const note of unreadableTexts(result)) lines.push(`- ${say(note)}`);
  lines.push('', ...summaryTexts(result).map((summary) => `${say(summary)}  `));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function item(change: PromiseChange, say: (ref: MessageRef) => string, locale: DiffFormatContext['locale']): string {
  const where = change.at === undefined ? '' : ` (${escapeMarkdown(`${change.at.file}:${change.at.line}`)})`;
  return `- *${kindWord(change.kind, locale)}*: ${say(change.text)}${where}`;
}
