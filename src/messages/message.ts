import { catalogOf, type MessageId, type MessageTemplate } from './catalog.js';
import type { MessageLocale } from './locale.js';

/**
 * A message as data: its id and the values of its placeholders. Code builds
 * these; text is made from them only when it is shown, in the reader's
 * language. Values are plain data, so a message crosses worker threads and
 * JSON unchanged.
 */
export interface MessageRef {
  readonly id: MessageId;
  readonly values?: MessageValues;
}

/** A placeholder's value: text shown as is, a number, another message, or a list of them. */
export type MessageValue = string | number | MessageRef | MessageList;

export interface MessageList {
  readonly items: readonly MessageValue[];
  /** `a, b and c` or `a, b or c`, in the reader's language. */
  readonly join: 'and' | 'or';
}

export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A message to show later; `message('rules.review-due.overdue', { next, count })`. */
export function message(id: MessageId, values?: MessageValues): MessageRef {
  return values === undefined ? { id } : { id, values };
}

/**
 * A finding's or problem's wording: English in `message` (what JSON output
 * and API callers read) and the message itself in `text`, which the command
 * line says in the reader's language.
 */
export function worded(text: MessageRef): { readonly message: string; readonly text: MessageRef } {
  return { message: renderMessage(text, 'en'), text };
}

/** `a, b and c` as a placeholder value. */
export function listOf(items: readonly MessageValue[], join: 'and' | 'or' = 'and'): MessageList {
  return { items, join };
}

export function isMessageRef(value: unknown): value is MessageRef {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string' && !('items' in value);
}

/**
 * The text of a message in a language. A template is `{name}` placeholders in
 * a string, or plural forms chosen by the `count` value; an id missing from
 * the language falls back to English, and an unknown id shows as itself.
 */
export function renderMessage(ref: MessageRef, locale: MessageLocale): string {
  const template = catalogOf(locale)[ref.id] ?? catalogOf('en')[ref.id];
  if (template === undefined) return ref.id;
  const values = ref.values ?? {};
  return fillPlaceholders(pickForm(template, values.count, locale), values, locale);
}

function pickForm(template: MessageTemplate, count: MessageValue | undefined, locale: MessageLocale): string {
  if (typeof template === 'string') return template;
  const category = typeof count === 'number' ? pluralRules(locale).select(count) : 'other';
  return template[category] ?? template.other ?? Object.values(template)[0] ?? '';
}

function fillPlaceholders(template: string, values: MessageValues, locale: MessageLocale): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : renderValue(value, locale);
  });
}

function renderValue(value: MessageValue, locale: MessageLocale): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value, locale);
  if ('items' in value)
    return joinList(
      value.items.map((item) => renderValue(item, locale)),
      value.join,
      locale,
    );
  return renderMessage(value, locale);
}

/** Whole numbers as digits; a decimal comma in Finnish and Swedish. */
function formatNumber(value: number, locale: MessageLocale): string {
  const text = String(value);
  return locale === 'en' ? text : text.replace('.', ',');
}

/** `a, b and c`: the same shape in all three languages, only the word differs. */
function joinList(items: readonly string[], join: 'and' | 'or', locale: MessageLocale): string {
  if (items.length <= 1) return items[0] ?? '';
  const word = renderMessage({ id: join === 'and' ? 'format.list.and' : 'format.list.or' }, locale);
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1] ?? ''}`;
}

const PLURAL_RULES = new Map<MessageLocale, Intl.PluralRules>();

function pluralRules(locale: MessageLocale): Intl.PluralRules {
  let rules = PLURAL_RULES.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    PLURAL_RULES.set(locale, rules);
  }
  return rules;
}

/** The placeholder names of a template (every plural form), sorted, once each. */
export function placeholdersOf(template: MessageTemplate): string[] {
  const texts = typeof template === 'string' ? [template] : Object.values(template);
  return [...new Set(texts.flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string)))].sort();
}
