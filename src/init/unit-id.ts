/** Names a unit id may not be: Windows device names and the site's own pages (see `UnitId` in the schema). */
const RESERVED_IDS = new Set(['con', 'prn', 'aux', 'nul', 'search', 'accessibility', 'dashboard']);
const RESERVED_PATTERN = /^(com|lpt)\d$/;

/** The longest unit id the schema accepts. */
const MAX_ID_LENGTH = 64;

/**
 * A unit id from a unit's name: lowercase ASCII letters, digits and single
 * hyphens (`Rakennusvalvonta – Lupa-asiat` → `rakennusvalvonta-lupa-asiat`).
 * Letters lose their accents (ä → a, ö → o, å → a); a name with nothing left,
 * or one the site reserves, gets `fallback` or a `-unit` suffix.
 */
export function unitIdFrom(name: string, fallback: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_ID_LENGTH)
    .replace(/-+$/, '');
  if (slug === '') return fallback;
  if (RESERVED_IDS.has(slug) || RESERVED_PATTERN.test(slug)) return `${slug}-unit`;
  return slug;
}
