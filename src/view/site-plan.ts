import type { Charter, Contact } from '../model/charter.js';
import { todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { buildCharterView, buildUnitListItem, groupUnitsByOrganisation, feedbackContactView, type CharterViewContext } from './charter-view.js';
import { languageName, pageStrings, uiStrings } from './strings.js';
import {
  SITE_LANGUAGES,
  type CharterView,
  type LanguageLinkView,
  type PageFrameView,
  type PageView,
  type SiteLanguage,
  type UnitListItemView,
} from './view-model.js';
import type { ComplianceReport } from '../model/compliance-report.js';
import { buildDashboardView } from './dashboard-view.js';

export interface SiteOptions {
  /** YYYY-MM-DD; review status and upcoming exceptions are judged against it. */
  readonly today?: string | undefined;
  /** The path the site is served under, starting and ending with `/` (default `/`); see normalizeBase. */
  readonly base?: string | undefined;
  /** Site-relative path of a theme stylesheet, linked after the built-in one. */
  readonly themeStylesheet?: string;
  /** Site-relative path of a logo image. */
  readonly logo?: string;
  /** Charter views of an earlier plan, reused while their files are unchanged (`charter serve`). */
  readonly viewCache?: ViewCache;
  /** Figures from the contact logs (`charter report`): with them the site gets a compliance dashboard in every language. */
  readonly compliance?: ComplianceReport | undefined;
  /** Markdown to sanitized HTML (the render layer's, injected so views stay pure). */
  readonly renderMarkdown: (markdown: string) => string;
}

/** What the site is made from: the unit charters, normalized, and whom to give feedback on the guide itself. */
export interface SiteCharters {
  /** Every unit charter (baselines only lend units their values). */
  readonly units: readonly Charter[];
  /** The organisation's contact for feedback on the whole guide (its baseline's owner), when there is one. */
  readonly feedbackContact?: Contact | undefined;
}

export interface SitePlan {
  readonly pages: readonly PageView[];
}

/**
 * Views and list entries by charter and variant (language and day), reused
 * while the charter is the same object: `charter serve` keeps a charter's
 * normalized model while its files are unchanged.
 */
export class ViewCache {
  readonly views = new ViewsOf<CharterView>();
  readonly listItems = new ViewsOf<UnitListItemView>();
}

class ViewsOf<T> {
  private readonly byCharter = new WeakMap<Charter, Map<string, T>>();

  get(charter: Charter, variant: string, build: () => T): T {
    let views = this.byCharter.get(charter);
    if (!views) {
      views = new Map();
      this.byCharter.set(charter, views);
    }
    const cached = views.get(variant);
    if (cached !== undefined) return cached;
    const built = build();
    views.set(variant, built);
    return built;
  }
}

/** Page titles: the site's name, and each page's heading. */
function titlesOf(lang: SiteLanguage): { site: string; search: string; accessibility: string; card: string; dashboard: string } {
  const t = pageStrings(lang);
  return { site: t.siteTitle, search: t.searchHeading, accessibility: t.accessibilityStatement, card: t.cardTitle, dashboard: t.dashboardTitle };
}

/** The address of each page, under the site's base path (`/`, or `/intranet/charters/` for a site in a sub-folder). */
export function siteUrls(base: string) {
  return {
    home: (lang: SiteLanguage): string => `${base}${lang}/`,
    charter: (id: string, lang: SiteLanguage): string => `${base}${lang}/${id}/`,
    card: (id: string, lang: SiteLanguage): string => `${base}${lang}/${id}/card/`,
    search: (lang: SiteLanguage): string => `${base}${lang}/search/`,
    accessibility: (lang: SiteLanguage): string => `${base}${lang}/accessibility/`,
    dashboard: (lang: SiteLanguage): string => `${base}${lang}/dashboard/`,
    asset: (path: string): string => `${base}${path}`,
  };
}
export type SiteUrls = ReturnType<typeof siteUrls>;

/** Addresses of a site at the server's root. */
export const urls = siteUrls('/');

/** Where a page's file goes in the output folder: its address without the base path (`/fi/` for `/intranet/fi/`). */
export function sitePath(page: Pick<PageView, 'url' | 'frame'>): string {
  return page.url.slice(page.frame.base.length - 1);
}

/** Every page of the site, as views ready for the templates. Pure. */
export function planSite(site: SiteCharters, options: SiteOptions): SitePlan {
  const today = options.today ?? todayIn(DEFAULT_TIME_ZONE);
  const urls = siteUrls(options.base ?? '/');
  const units = byId(site.units);
  const context = viewContext(today, urls, options);
  const pages: PageView[] = [];

  for (const lang of SITE_LANGUAGES) {
    const titles = titlesOf(lang);
    const frameFor = (title: string, alternates: (other: SiteLanguage) => { href: string; available: boolean }): PageFrameView =>
      frame(lang, title, alternates, options, urls);
    const everywhere = (path: (other: SiteLanguage) => string) => (other: SiteLanguage) => ({ href: path(other), available: true });
    const listItems = units.map((unit) =>
      options.viewCache
        ? options.viewCache.listItems.get(unit, `${lang}|${today}`, () => buildUnitListItem(unit, lang, context))
        : buildUnitListItem(unit, lang, context),
    );
    const groups = groupUnitsByOrganisation(listItems, lang);

    pages.push({ kind: 'home', url: urls.home(lang), frame: frameFor(titles.site, everywhere(urls.home)), groups });
    pages.push({
      kind: 'search',
      url: urls.search(lang),
      frame: frameFor(`${titles.search} – ${titles.site}`, everywhere(urls.search)),
      groups,
    });
    const feedbackContact = site.feedbackContact ? feedbackContactView(site.feedbackContact, lang, context) : undefined;
    pages.push({
      kind: 'accessibility',
      url: urls.accessibility(lang),
      frame: frameFor(`${titles.accessibility} – ${titles.site}`, everywhere(urls.accessibility)),
      ...(feedbackContact ? { feedbackContact } : {}),
    });
    if (options.compliance) {
      pages.push({
        kind: 'dashboard',
        url: urls.dashboard(lang),
        frame: frameFor(`${titles.dashboard} – ${titles.site}`, everywhere(urls.dashboard)),
        dashboard: buildDashboardView(options.compliance, lang, { charterUrlOf: charterUrlOf(units, urls) }),
      });
    }

    for (const unit of units) {
      const languages: readonly string[] = unit.languages;
      if (!languages.includes(lang)) continue;
      const view = charterView(unit, lang, today, context, options.viewCache);
      const alternates = (other: SiteLanguage) =>
        languages.includes(other) ? { href: urls.charter(view.id, other), available: true } : { href: urls.home(other), available: false };
      pages.push({ kind: 'charter', url: view.url, frame: frameFor(`${view.name.text} – ${titles.site}`, alternates), charter: view });
      pages.push(cardPage(view, languages, options, urls));
    }
  }
  pages.push({
    kind: 'language-choice',
    url: urls.asset(''),
    frame: frame(
      'fi',
      `${titlesOf('fi').site} · ${titlesOf('sv').site} · ${titlesOf('en').site}`,
      (other) => ({ href: urls.home(other), available: true }),
      options,
      urls,
    ),
  });

  return { pages };
}

export type CardPage = Extract<PageView, { kind: 'card' }>;

/**
 * The card pages alone (one per unit and declared language, in the site's
 * order), with the charter each shows: what printing cards needs, without
 * the lists, the dashboard or the charter pages. Pure.
 */
export function planCardPages(
  charters: readonly Charter[],
  options: Pick<SiteOptions, 'today' | 'base' | 'renderMarkdown'>,
): { page: CardPage; charter: Charter }[] {
  const today = options.today ?? todayIn(DEFAULT_TIME_ZONE);
  const urls = siteUrls(options.base ?? '/');
  const units = byId(charters);
  const context = viewContext(today, urls, options);
  return SITE_LANGUAGES.flatMap((lang) =>
    units.flatMap((unit) => {
      const languages: readonly string[] = unit.languages;
      if (!languages.includes(lang)) return [];
      return [{ page: cardPage(charterView(unit, lang, today, context, undefined), languages, options, urls), charter: unit }];
    }),
  );
}

/** Units in the order of the site's pages: by id. */
export function byId(units: readonly Charter[]): Charter[] {
  return [...units].sort((a, b) => a.id.localeCompare(b.id));
}

function viewContext(today: string, urls: SiteUrls, options: Pick<SiteOptions, 'renderMarkdown'>): CharterViewContext {
  return { today, urlOf: urls.charter, cardUrlOf: urls.card, renderMarkdown: options.renderMarkdown };
}

function charterView(unit: Charter, lang: SiteLanguage, today: string, context: CharterViewContext, cache: ViewCache | undefined): CharterView {
  return cache ? cache.views.get(unit, `${lang}|${today}`, () => buildCharterView(unit, lang, context)) : buildCharterView(unit, lang, context);
}

/** A charter's pocket card in the view's language; its language links lead to the card in the charter's other languages. */
function cardPage(
  view: CharterView,
  languages: readonly string[],
  options: Pick<SiteOptions, 'base' | 'compliance' | 'themeStylesheet' | 'logo'>,
  urls: SiteUrls,
): CardPage {
  const site = titlesOf(view.lang);
  const alternates = (other: SiteLanguage) =>
    languages.includes(other) ? { href: urls.card(view.id, other), available: true } : { href: urls.home(other), available: false };
  return {
    kind: 'card',
    url: view.cardUrl,
    frame: frame(view.lang, `${site.card}: ${view.name.text} – ${site.site}`, alternates, options, urls),
    charter: view,
  };
}

function frame(
  lang: SiteLanguage,
  title: string,
  alternates: (other: SiteLanguage) => { href: string; available: boolean },
  options: Pick<SiteOptions, 'base' | 'compliance' | 'themeStylesheet' | 'logo'>,
  urls: SiteUrls,
): PageFrameView {
  const languages: LanguageLinkView[] = SITE_LANGUAGES.map((other) => ({
    lang: other,
    label: languageName(other),
    current: other === lang,
    ...alternates(other),
  }));
  return {
    lang,
    title,
    t: uiStrings(lang),
    homeUrl: urls.home(lang),
    searchUrl: urls.search(lang),
    accessibilityUrl: urls.accessibility(lang),
    ...(options.compliance ? { dashboardUrl: urls.dashboard(lang) } : {}),
    chartersJsonUrl: urls.asset('charters.json'),
    languages,
    stylesheets: [urls.asset('assets/charter.css'), ...(options.themeStylesheet ? [urls.asset(options.themeStylesheet)] : [])],
    scripts: [urls.asset('assets/search.js')],
    ...(options.logo ? { logo: { src: urls.asset(options.logo), alt: '' } } : {}),
    base: options.base ?? '/',
  };
}

/** A charter's page in a language, when the site has that page. */
function charterUrlOf(units: readonly Charter[], urls: SiteUrls): (id: string, lang: SiteLanguage) => string | undefined {
  const languages = new Map(units.map((unit): [string, readonly string[]] => [unit.id, unit.languages]));
  return (id, lang) => (languages.get(id)?.includes(lang) ? urls.charter(id, lang) : undefined);
}
