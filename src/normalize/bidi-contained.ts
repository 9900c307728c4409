import { hasBidiFormatting, withBidiClosed } from '../util/bidi.js';
import { mapStrings } from '../util/map-strings.js';

/**
 * The data with the bidirectional formatting of every string (key or value)
 * kept inside that string (withBidiClosed). `charter validate` refuses what
 * would change, but the core also serves callers that never validate (the
 * library's API): no text may reorder the page, card or calendar entry
 * around it. Data with nothing to change is returned as it is
 * (one regular expression test a string); otherwise the objects and arrays on
 * the way to a changed string are copies, and the input is left alone.
 */
export function bidiContained<T>(data: T): T {
  return mapStrings(data, safeText);
}

function safeText(text: string): string {
  return hasBidiFormatting(text) ? withBidiClosed(text) : text;
}
