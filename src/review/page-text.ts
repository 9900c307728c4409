import { findForbiddenCharacters } from '../load/control-characters.js';
import { unpairedBidi } from '../util/bidi.js';

/**
 * Text for a web page or PDF, shown as U+FFFD where it holds what neither may:
 * the review pages quote charters as git has them, versions that were never
 * validated, and a page must not publish their control characters nor let
 * their bidi formatting reorder what stands beside them.
 */

const REPLACEMENT = '\uFFFD';

/**
 * The text with every character a web page or PDF may not hold (control
 * characters, bidi overrides…) shown as U+FFFD: a charter with findings still
 * gets its pack, as it stands, but no such character reaches the file. `crlf`:
 * a carriage return before a line feed ends a line (a whole document).
 */
export function withoutForbidden(text: string, crlf = true): string {
  const found = findForbiddenCharacters(text, { crlf });
  if (found.length === 0) return text;
  let result = '';
  let at = 0;
  for (const { offset, codePoint } of found) {
    result += `${text.slice(at, offset)}${REPLACEMENT}`;
    at = offset + (codePoint > 0xffff ? 2 : 1);
  }
  return result + text.slice(at);
}

/**
 * A value quoted from a charter's history, for a page: its forbidden
 * characters, and the embeddings and isolates that do not pair within it,
 * shown as U+FFFD; paired ones are kept, as a valid charter may have them.
 */
export function pageQuoted(text: string): string {
  const allowed = withoutForbidden(text, false);
  const unpaired = unpairedBidi(allowed);
  if (unpaired.length === 0) return allowed;
  const characters = allowed.split('');
  for (const { offset } of unpaired) characters[offset] = REPLACEMENT;
  return characters.join('');
}
