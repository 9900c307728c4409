import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageRef, type MessageValue } from '../messages/message.js';
import type { ChangeKind, CharterDiff, DiffResult } from './diff-model.js';

/** What every diff format needs: the reader's language, and the working folder for paths. */
export interface DiffFormatContext {
  readonly locale: MessageLocale;
  readonly cwd: string;
  /** Colour (stylish only). */
  readonly color?: boolean;
}

/**
 * A message with every value quoted from a charter made safe for where it is
 * written (`escape`): the catalog's own words stay as they are (their
 * backticks are meant as code), only the values are escaped.
 */
export function renderEscaped(ref: MessageRef, locale: MessageLocale, escape: (text: string) => string): string {
  const value = (item: MessageValue): MessageValue => {
    if (typeof item === 'string') return escape(item);
    if (typeof item === 'number') return item;
    if ('items' in item) return { ...item, items: item.items.map(value) };
    return escapedRef(item);
  };
  const escapedRef = (inner: MessageRef): MessageRef =>
    inner.values === undefined ? inner : { id: inner.id, values: Object.fromEntries(Object.entries(inner.values).map(([key, item]) => [key, value(item)])) };
  return renderMessage(escapedRef(ref), locale);
}

const KIND_WORDS: Readonly<Record<ChangeKind, MessageRef>> = {
  loosened: message('diff.format.kind.loosened'),
  tightened: message('diff.format.kind.tightened'),
  added: message('diff.format.kind.added'),
  removed: message('diff.format.kind.removed'),
  changed: message('diff.format.kind.changed'),
  words: message('diff.format.kind.words'),
};

/** `loosened`, `heikentyy`, `försvagat`. */
export function kindWord(kind: ChangeKind, locale: MessageLocale): string {
  return renderMessage(KIND_WORDS[kind], locale);
}

/** A kind of change as a message, to be said in a language later (the review pack's pages). */
export function kindMessage(kind: ChangeKind): MessageRef {
  return KIND_WORDS[kind];
}

/** What the charter's decision says: needed, recorded, or recorded without who decided. */
export function decisionText(charter: CharterDiff): MessageRef | undefined {
  const { approval } = charter;
  if (charter.needsDecision) {
    return approval !== undefined && approval.approvedBy === undefined
      ? message('diff.format.decision-without-by', { approved: approval.approved })
      : message('diff.format.decision-needed');
  }
  if (approval?.approvedBy !== undefined) return message('diff.format.decision-recorded', { approved: approval.approved, by: approval.approvedBy });
  return undefined;
}

/** Lines under a charter's heading before its changes: a new or removed charter, a moved file, a changed id. */
export function charterNotes(charter: CharterDiff): MessageRef[] {
  const notes: MessageRef[] = [];
  if (charter.status === 'added') notes.push(message('diff.format.charter-added'));
  if (charter.status === 'removed') notes.push(message('diff.format.charter-removed'));
  if (charter.oldFile !== undefined) notes.push(message('diff.format.renamed-file', { from: charter.oldFile }));
  if (charter.oldId !== undefined) notes.push(message('diff.format.renamed-id', { from: charter.oldId, to: charter.id }));
  return notes;
}

/** The closing lines: how many charters changed, and how many lack a decision. */
export function summaryTexts(result: DiffResult): MessageRef[] {
  if (result.charters.length === 0) return [message('diff.format.no-changes', { base: result.base })];
  const undecided = result.charters.filter((charter) => charter.needsDecision).length;
  return [
    message('diff.format.summary', { count: result.charters.length, base: result.base, compared: result.compared }),
    ...(undecided > 0 ? [message('diff.format.summary-undecided', { count: undecided })] : []),
  ];
}

/** Charters that could not be compared, one message each. */
export function unreadableTexts(result: DiffResult): MessageRef[] {
  return result.unreadable.map((unit) => message(unit.side === 'old' ? 'diff.format.unreadable-old' : 'diff.format.unreadable-new', { file: unit.file }));
}
