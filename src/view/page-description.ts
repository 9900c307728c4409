import { withBidiClosed } from '../util/bidi.js';

/**
 * The `<meta name="description">` of a page: what search engines and link
 * previews show under its title. They cut longer texts at about 160
 * characters; a cut we make ourselves ends at a word, with an ellipsis.
 */
export const DESCRIPTION_LENGTH = 160;

/** Plain text, spaces collapsed, at most `max` characters: cut at the last word that fits, then `…`. */
export function pageDescription(text: string, max = DESCRIPTION_LENGTH): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  // By code point, so a cut never splits a character outside the Basic Multilingual Plane.
  const characters = Array.from(plain);
  if (characters.length <= max) return plain;
  const fits = characters.slice(0, max - 1).join('');
  const space = fits.lastIndexOf(' ');
  // A text with no space in its first half (a long address) is cut where it must be.
  const words = space > fits.length / 2 ? fits.slice(0, space) : fits;
  // A cut between a bidi isolate and its closer would leave it open: it is closed where the text now ends.
  return `${withBidiClosed(words.replace(/[\s,;:.–—-]+$/u, ''))}…`;
}
