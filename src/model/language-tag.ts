/**
 * A BCP 47 language tag as charters write it: a lowercase two- or
 * three-letter language, then optional script, region, variants and a
 * private-use part (`fi`, `se`, `smn`, `fse`, `pt-BR`, `sr-Latn`, `de-1996`).
 * The same pattern as the schema's `LanguageTag` (a test keeps them equal).
 */
export const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-x(-[A-Za-z0-9]{1,8})+)?$/;

/** The tag in BCP 47's canonical form (`sme` → `se`, `pt-br` → `pt-BR`), or undefined when it is not a tag at all. */
export function canonicalLanguageTag(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
