import type { Charter } from '../model/charter.js';
import { INTERFACE_STRINGS, viewStrings } from './strings.js';
import { SITE_LANGUAGES, type SiteLanguage } from './view-model.js';

/**
 * The languages of a page. The site publishes a charter in every language it
 * is written in (`se`, `smn`, `fse`...), but the interface (headings, labels,
 * promise sentences, dates) exists in Finnish, Swedish and English only.
 *
 * `lang` is the language of the page's address (`/se/`), of the charter texts
 * it shows and of its search index. `ui` is the language of the interface
 * words: `lang` itself when the interface has it, else a language the charter
 * names (see interfaceLanguageFor).
 *
 * The html element says `ui`, and every charter text in another language
 * carries its own `lang` (`lang="se"`). The reverse (html in `se`, each
 * interface word marked `fi`) would need a `lang` on every heading, label,
 * date and sentence the templates print, and one forgotten would be read by
 * a screen reader in the wrong voice; charter texts already reach the
 * templates as TextView/HtmlView with their language, so marking them cannot
 * be forgotten. Screen readers have no Sámi or sign-language voice: with the
 * page in `ui` they read the interface in a voice they have and switch at
 * each marked text; the Nu checker's language detection finds the page in
 * the language its html element says (it knows no Sámi to find instead); and
 * axe checks that every `lang` is a valid tag, which both are. Pagefind is
 * told each folder's language (`forceLanguage`), so the search index is still
 * `se` for `/se/` pages.
 *
 * Direction follows the same model: `dir` goes with `lang`. The html element
 * runs as `ui` does (the frame's `dir`), and a text whose language runs the
 * other way carries its own (`lang="ar" dir="rtl"`; a Finnish slot inside it
 * `dir="ltr"`). An `/ar/` page with a Finnish interface is therefore left to
 * right but for its Arabic texts: marking the page rtl would run the Finnish
 * headings, labels and dates right to left.
 */
export interface PageLanguage {
  readonly lang: string;
  readonly ui: SiteLanguage;
}

export function isInterfaceLanguage(lang: string): lang is SiteLanguage {
  return (SITE_LANGUAGES as readonly string[]).includes(lang);
}

/**
 * The interface language of pages in `lang`: `lang` when the interface has
 * it, else the first of `alongside` (the charter's languages, in its order)
 * that it has, else English: a `[se, fi]` charter's Sámi page speaks Finnish
 * around the Sámi texts, a `[se, sv]` one Swedish.
 */
export function interfaceLanguageFor(lang: string, alongside: readonly string[]): SiteLanguage {
  if (isInterfaceLanguage(lang)) return lang;
  return alongside.find(isInterfaceLanguage) ?? 'en';
}

/** `lang` as a page language: itself as the interface when it has one, else the fallback among `alongside`. */
export function pageLanguage(lang: string, alongside: readonly string[]): PageLanguage {
  return { lang, ui: interfaceLanguageFor(lang, alongside) };
}

/**
 * The languages the site is published in: every language a charter is
 * written in, none other (a language without charters would be pages with
 * nothing in them), in the order the organisation's baseline lists them, then
 * in the order they first appear (units by id, each unit's languages in its
 * order). A site without charters keeps the baseline's languages, else the
 * interface's, so that it still has a front page.
 */
export function siteLanguagesOf(units: readonly Charter[], order: readonly string[] = []): string[] {
  const written = new Set(units.flatMap((unit) => unit.languages));
  if (written.size === 0) return order.length > 0 ? [...new Set(order)] : [...SITE_LANGUAGES];
  const ordered = new Set(order.filter((lang) => written.has(lang)));
  for (const lang of written) ordered.add(lang);
  return [...ordered];
}

/**
 * The interface language of the site's own pages in `lang` (front page,
 * search, accessibility statement, dashboard): the first language, in the
 * site's order, that the interface has and that a charter written in `lang`
 * is also written in; else English.
 */
export function siteInterfaceLanguage(lang: string, units: readonly Charter[], siteLanguages: readonly string[]): SiteLanguage {
  if (isInterfaceLanguage(lang)) return lang;
  const alongside = new Set(units.filter((unit) => unit.languages.includes(lang)).flatMap((unit) => unit.languages));
  return interfaceLanguageFor(
    lang,
    siteLanguages.filter((other) => alongside.has(other)),
  );
}

/**
 * A language's name for the language switcher and the site root: "Suomeksi",
 * "På svenska", "In English" for the interface's languages; for another, its
 * name in itself (`se` → "Davvisámegiella", from the runtime's CLDR data); for
 * a language CLDR cannot name (`fse`, Finnish Sign Language, which is not
 * written), the interface's own name for it in `ui`. `lang` is the language
 * the name is in, for the link's `lang` attribute.
 */
export function languageLabel(tag: string, ui: SiteLanguage): { readonly text: string; readonly lang: string } {
  if (isInterfaceLanguage(tag)) return { text: INTERFACE_STRINGS[tag].languageChoice.link, lang: tag };
  const autonym = nameIn(tag, tag);
  if (autonym !== undefined) return { text: capitalized(autonym, tag), lang: tag };
  const own = viewStrings(ui).languageNames[tag];
  if (own !== undefined) return { text: capitalized(own, ui), lang: ui };
  const inInterface = nameIn(tag, ui);
  return inInterface !== undefined ? { text: capitalized(inInterface, ui), lang: ui } : { text: tag, lang: ui };
}

/**
 * CLDR's name of `tag` in `locale`, or undefined when it has none (it then
 * answers with the tag itself, or throws) or has no data for `locale` (it
 * would answer in the runtime's default language instead).
 */
function nameIn(tag: string, locale: string): string | undefined {
  try {
    const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    if (new Intl.Locale(names.resolvedOptions().locale).language !== new Intl.Locale(locale).language) return undefined;
    const name = names.of(tag);
    return name === undefined || name === '' || name.toLowerCase() === tag.toLowerCase() ? undefined : name;
  } catch {
    return undefined;
  }
}

function capitalized(text: string, locale: string): string {
  let upper: string;
  try {
    upper = text.charAt(0).toLocaleUpperCase(locale);
  } catch {
    upper = text.charAt(0).toUpperCase();
  }
  return `${upper}${text.slice(1)}`;
}
