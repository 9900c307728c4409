import type { MessageLocale } from './locale.js';
import { renderMessage, type MessageRef } from './message.js';

/**
 * An error whose one-line text is a message: `message` holds the English
 * text (for logs and other callers), `text` lets the command line say it in
 * the user's language.
 */
export class MessageError extends Error {
  constructor(readonly text: MessageRef) {
    super(renderMessage(text, 'en'));
  }

  /** The message in a language. */
  inLocale(locale: MessageLocale): string {
    return renderMessage(this.text, locale);
  }
}

/** The text of any thrown value in a language: a MessageError's own words, else its English message. */
export function errorText(error: unknown, locale: MessageLocale): string {
  if (error instanceof MessageError) return error.inLocale(locale);
  return error instanceof Error ? error.message : String(error);
}
