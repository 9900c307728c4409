import { renderMessage, type MessageRef } from '../messages/message.js';

/**
 * A loader finding's wording: English in `message` (what the JSON output and
 * older readers show) and the message itself in `text`, which formatters say
 * in the reader's language (`diagnosticMessage`).
 */
export function said(text: MessageRef): { readonly message: string; readonly text: MessageRef } {
  return { message: renderMessage(text, 'en'), text };
}
