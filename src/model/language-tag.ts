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

export type TextDirection = 'ltr' | 'rtl';

/** Scripts written right to left, for when the runtime cannot say (Node 20's V8 reads `dv` and `ku-Arab` as ltr). */
const RTL_SCRIPTS: ReadonlySet<string> = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Yezi']);
/** Languages written right to left when no script is named, for a runtime without CLDR's likely scripts. */
const RTL_LANGUAGES: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'syr', 'sd', 'ug']);

interface TextInfoLocale {
  getTextInfo?: () => { direction?: string };
  textInfo?: { direction?: string };
}

/**
 * The direction text in `tag` is written in, for `dir` next to every `lang`.
 * A script subtag decides over the language (`pa-Arab` rtl, `az-Latn` ltr);
 * else the runtime's text info (`getTextInfo()`, or the `textInfo` getter of
 * older V8), else the language's likely script, else a short list.
 */
export function textDirection(tag: string): TextDirection {
  let known = directions.get(tag);
  if (known === undefined) {
    known = directionOf(tag);
    // Tags come from charters: few, but bounded all the same.
    if (directions.size >= MAX_REMEMBERED_DIRECTIONS) directions.clear();
    directions.set(tag, known);
  }
  return known;
}

/** Directions worked out already: a page asks for every element with its own `lang`, and Intl.Locale is slow. */
const directions = new Map<string, TextDirection>();
const MAX_REMEMBERED_DIRECTIONS = 256;

function directionOf(tag: string): TextDirection {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return RTL_LANGUAGES.has(tag.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  }
  if (locale.script !== undefined) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr';
  if (runtimeDirection(locale) === 'rtl') return 'rtl';
  const likely = likelyScript(locale);
  if (likely !== undefined && RTL_SCRIPTS.has(likely)) return 'rtl';
  return RTL_LANGUAGES.has(locale.language) ? 'rtl' : 'ltr';
}

function runtimeDirection(locale: Intl.Locale): string | undefined {
  const info = locale as unknown as TextInfoLocale;
  try {
    return typeof info.getTextInfo === 'function' ? info.getTextInfo().direction : info.textInfo?.direction;
  } catch {
    return undefined;
  }
}

function likelyScript(locale: Intl.Locale): string | undefined {
  try {
    return locale.maximize().script;
  } catch {
    return undefined;
  }
}
