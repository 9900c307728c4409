import type { Charter, Contact } from '../model/charter.js';
import { todayIn } from '../time/calendar-date.js';
import { textDirection } from '../model/language-tag.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { buildCharterView, buildUnitListItem, groupUnitsByOrganisation, feedbackContactView, htmlToText, type CharterViewContext } from './charter-view.js';
import { fill, pageStrings, uiStrings, INTERFACE_STRINGS } from './strings.js';
import type { CharterView, LanguageChoiceView, LanguageLinkView, PageFrameView, PageView, SiteLanguage, UnitListItemView } from './view-model.js';
import { isInterfaceLanguage, languageLabel, pageLanguage, siteInterfaceLanguage, siteLanguagesOf, type PageLanguage } from './site-languages.js';
import type { ComplianceReport } from '../model/compliance-report.js';
import { buildDashboardView, dashboardUnitPage } from './dashboard-view.js';
import { pageDescription } from './page-description.js';
import { buildReviewView, type ReviewInput } from './review-view.js';

export interface SiteOptions {
  /** YYYY-MM-DD; review status and upcoming exceptions are judged against it. */
  readonly today?: string | undefined;
  /** The path the site is served under, starting and ending with `/` (default `/`); see normalizeBase. */
  readonly base?: string | undefined;
  /**
   * The scheme and host the site is published at (`https://intranet.example.fi`, from `--site-url`):
   * with it every page gets a canonical link and absolute language alternates.
   */
  readonly origin?: string | undefined;
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
  /**
   * The absence form's data for a unit with an absence routine, as JSON, with
   * `today` the build's day (injected: it needs the working calendar, which
   * views do not compute). Without it the page shows the routine only.
   */
  readonly awayJson?: ((unit: Charter, today: string) => string | undefined) | undefined;
  /** Each charter's review, by id (`charter build --events`): its review pack at `/<lang>/<id>/review/`, linked from its page. */
  readonly reviews?: ReadonlyMap<string, ReviewInput> | undefined;
}

/** The absence form's script, loaded only by charter pages that have an absence routine. */
export const AWAY_FORM_SCRIPT = 'assets/away-form.js';

/** What the site is made from: the unit charters, normalized, and whom to give feedback on the guide itself. */
export interface SiteCharters {
  /** Every unit charter (baselines only lend units their values). */
  readonly units: readonly Charter[];
  /** The organisation's contact for feedback on the whole guide (its baseline's owner), when there is one. */
  readonly feedbackContact?: Contact | undefined;
  /** The order of the site's languages: the `languages` of the organisation's baseline, when it lists them. */
  readonly languageOrder?: readonly string[] | undefined;
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
    home: (lang: string): string => `${base}${lang}/`,
    charter: (id: string, lang: string): string => `${base}${lang}/${id}/`,
    card: (id: string, lang: string): string => `${base}${lang}/${id}/card/`,
    review: (id: string, lang: string): string => `${base}${lang}/${id}/review/`,
    search: (lang: string): string => `${base}${lang}/search/`,
    accessibility: (lang: string): string => `${base}${lang}/accessibility/`,
    dashboard: (lang: string): string => `${base}${lang}/dashboard/`,
    /** `page`: the unit's path segment under the dashboard, with its slash (DashboardUnitView.page). */
    dashboardUnit: (page: string, lang: string): string => `${base}${lang}/dashboard/${page}`,
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
  const siteLanguages = siteLanguagesOf(units, site.languageOrder);
  const interfaceOf = (lang: string): SiteLanguage => siteInterfaceLanguage(lang, units, siteLanguages);
  const links = languageLinks(siteLanguages, interfaceOf);

  for (const lang of siteLanguages) {
    const page: PageLanguage = { lang, ui: interfaceOf(lang) };
    const titles = titlesOf(page.ui);
    const descriptions = INTERFACE_STRINGS[page.ui].descriptions;
    const frameFor = (url: string, title: string, description: string, alternates: Alternates): PageFrameView =>
      frame(page, { url, title, description }, links, alternates, options, urls);
    const everywhere = (path: (other: string) => string) => (other: string) => ({ href: path(other), available: true });
    const listItems = units.map((unit) =>
      options.viewCache
        ? options.viewCache.listItems.get(unit, `${lang}|${page.ui}|${today}`, () => buildUnitListItem(unit, page, context))
        : buildUnitListItem(unit, page, context),
    );
    const groups = groupUnitsByOrganisation(listItems, page);

    pages.push({ kind: 'home', url: urls.home(lang), frame: frameFor(urls.home(lang), titles.site, descriptions.home, everywhere(urls.home)), groups });
    pages.push({
      kind: 'search',
      url: urls.search(lang),
      frame: frameFor(urls.search(lang), `${titles.search} – ${titles.site}`, descriptions.search, everywhere(urls.search)),
      groups,
    });
    const feedbackContact = site.feedbackContact ? feedbackContactView(site.feedbackContact, page, context) : undefined;
    pages.push({
      kind: 'accessibility',
      url: urls.accessibility(lang),
      frame: frameFor(urls.accessibility(lang), `${titles.accessibility} – ${titles.site}`, descriptions.accessibility, everywhere(urls.accessibility)),
      ...(feedbackContact ? { feedbackContact } : {}),
    });
    if (options.compliance) {
      const dashboard = buildDashboardView(options.compliance, page.ui, { charterUrlOf: charterUrlOf(units, urls), pageLanguage: lang });
      pages.push({
        kind: 'dashboard',
        url: urls.dashboard(lang),
        frame: frameFor(urls.dashboard(lang), `${titles.dashboard} – ${titles.site}`, descriptions.dashboard, everywhere(urls.dashboard)),
        dashboard,
      });
      // One page per unit with its charts: the overview stays small however many units there are.
      for (const unit of dashboard.units) {
        const url = urls.dashboardUnit(unit.page, lang);
        pages.push({
          kind: 'dashboard-unit',
          url,
          frame: frame(
            page,
            {
              url,
              title: `${unit.name.text} – ${titles.dashboard} – ${titles.site}`,
              description: fill(descriptions.dashboardUnit, { name: unit.name.text }),
            },
            links,
            everywhere((other) => urls.dashboardUnit(unit.page, other)),
            options,
            urls,
          ),
          dashboard: dashboardUnitPage(dashboard, unit),
        });
      }
    }

    for (const unit of units) {
      const languages: readonly string[] = unit.languages;
      if (!languages.includes(lang)) continue;
      const view = charterView(unit, lang, today, context, options.viewCache);
      const alternates = (other: string) =>
        languages.includes(other) ? { href: urls.charter(view.id, other), available: true } : { href: urls.home(other), available: false };
      const charterFrame = frame(
        { lang, ui: view.interfaceLang },
        {
          url: view.url,
          title: `${view.name.text} – ${titlesOf(view.interfaceLang).site}`,
          description: charterDescription(view),
          ...(view.summary ? { descriptionLang: view.summary.lang } : {}),
        },
        links,
        alternates,
        options,
        urls,
      );
      const awayJson = view.absence ? options.awayJson?.(unit, today) : undefined;
      const review = options.reviews?.get(unit.id);
      pages.push({
        kind: 'charter',
        url: view.url,
        frame: awayJson === undefined ? charterFrame : { ...charterFrame, scripts: [...charterFrame.scripts, urls.asset(AWAY_FORM_SCRIPT)] },
        charter: view,
        ...(awayJson === undefined ? {} : { awayJson }),
        ...(review ? { reviewUrl: urls.review(unit.id, lang) } : {}),
      });
      pages.push(cardPage(view, languages, links, options, urls));
      if (review) pages.push(reviewPage(review, lang, links, options, urls, context, view.url));
    }
  }
  pages.push(languageChoicePage(siteLanguages, interfaceOf, links, options, urls));

  return { pages };
}

/**
 * The site root: a choice of the site's languages, each by its name in
 * itself. The site's name and the introduction are said once in each
 * interface language the site uses; a language shown with another's interface
 * (Sámi pages with Finnish headings) has its link only. The html element says
 * the first language's interface; the others are marked with their own `lang`.
 */
function languageChoicePage(
  siteLanguages: readonly string[],
  interfaceOf: (lang: string) => SiteLanguage,
  links: LanguageLinks,
  options: FrameOptions,
  urls: SiteUrls,
): PageView {
  const first = siteLanguages[0] ?? 'fi';
  const page: PageLanguage = { lang: first, ui: interfaceOf(first) };
  const interfaces = [...new Set(siteLanguages.map(interfaceOf))];
  const titles = interfaces.map((ui) => ({ text: titlesOf(ui).site, lang: ui, foreign: ui !== page.ui }));
  const choices: LanguageChoiceView[] = siteLanguages.map((lang) => {
    const ui = interfaceOf(lang);
    const label = languageLabel(lang, ui);
    return {
      lang,
      href: urls.home(lang),
      link: { text: label.text, lang: label.lang, foreign: label.lang !== page.ui },
      ...(isInterfaceLanguage(lang) ? { intro: { text: INTERFACE_STRINGS[lang].languageChoice.intro, lang, foreign: lang !== page.ui } } : {}),
    };
  });
  return {
    kind: 'language-choice',
    url: urls.asset(''),
    frame: frame(
      page,
      { url: urls.asset(''), title: titles.map((title) => title.text).join(' · '), description: INTERFACE_STRINGS[page.ui].languageChoice.intro, root: true },
      links,
      (other) => ({ href: urls.home(other), available: true }),
      options,
      urls,
    ),
    titles,
    choices,
  };
}

export type CardPage = Extract<PageView, { kind: 'card' }>;

/**
 * The card pages alone (one per unit and declared language, in the site's
 * order), with the charter each shows: what printing cards needs, without
 * the lists, the dashboard or the charter pages. Pure.
 */
export function planCardPages(
  charters: readonly Charter[],
  options: Pick<SiteOptions, 'today' | 'base' | 'renderMarkdown' | 'themeStylesheet' | 'logo'> & { readonly languageOrder?: readonly string[] | undefined },
): { page: CardPage; charter: Charter }[] {
  const today = options.today ?? todayIn(DEFAULT_TIME_ZONE);
  const urls = siteUrls(options.base ?? '/');
  const units = byId(charters);
  const context = viewContext(today, urls, options);
  const siteLanguages = siteLanguagesOf(units, options.languageOrder);
  const links = languageLinks(siteLanguages, (lang) => siteInterfaceLanguage(lang, units, siteLanguages));
  return siteLanguages.flatMap((lang) =>
    units.flatMap((unit) => {
      const languages: readonly string[] = unit.languages;
      if (!languages.includes(lang)) return [];
      return [{ page: cardPage(charterView(unit, lang, today, context, undefined), languages, links, options, urls), charter: unit }];
    }),
  );
}

export type ReviewPage = Extract<PageView, { kind: 'review' }>;

/**
 * The review packs alone (`charter review`): one page per charter and
 * language, in the site's order, each a file of its own without the site's
 * navigation. Pure.
 */
export function planReviewPages(
  reviews: readonly ReviewInput[],
  options: Pick<SiteOptions, 'renderMarkdown' | 'themeStylesheet' | 'logo'> & { readonly languageOrder?: readonly string[] | undefined },
): ReviewPage[] {
  const urls = siteUrls('/');
  const units = byId(reviews.map((review) => review.charter));
  const byCharter = new Map(reviews.map((review) => [review.charter, review]));
  const siteLanguages = siteLanguagesOf(units, options.languageOrder);
  const links = languageLinks(siteLanguages, (lang) => siteInterfaceLanguage(lang, units, siteLanguages));
  return siteLanguages.flatMap((lang) =>
    units.flatMap((unit) => {
      const review = byCharter.get(unit);
      if (!review || !(unit.languages as readonly string[]).includes(lang)) return [];
      const context = viewContext(review.day, urls, options);
      return [{ ...reviewPage(review, lang, links, options, urls, context, undefined), standalone: true as const }];
    }),
  );
}

/** A charter's review pack in `lang`; its language links lead to the pack in the charter's other languages. */
function reviewPage(
  review: ReviewInput,
  lang: string,
  links: LanguageLinks,
  options: FrameOptions,
  urls: SiteUrls,
  context: CharterViewContext,
  charterUrl: string | undefined,
): ReviewPage {
  const { charter } = review;
  const page = pageLanguage(lang, charter.languages);
  const view = buildReviewView(review, page, { ...context, ...(charterUrl === undefined ? {} : { charterUrl }) });
  const languages: readonly string[] = charter.languages;
  const url = urls.review(charter.id, lang);
  const alternates = (other: string) =>
    languages.includes(other) ? { href: urls.review(charter.id, other), available: true } : { href: urls.home(other), available: false };
  const site = titlesOf(page.ui);
  const strings = INTERFACE_STRINGS[page.ui];
  return {
    kind: 'review',
    url,
    frame: frame(
      page,
      {
        url,
        title: `${strings.page.reviewPackTitle}: ${view.name.text} – ${site.site}`,
        description: fill(strings.descriptions.review, { name: view.name.text }),
      },
      links,
      alternates,
      options,
      urls,
    ),
    review: view,
  };
}

/** Units in the order of the site's pages: by id. */
export function byId(units: readonly Charter[]): Charter[] {
  return [...units].sort((a, b) => a.id.localeCompare(b.id));
}

function viewContext(today: string, urls: SiteUrls, options: Pick<SiteOptions, 'renderMarkdown'>): CharterViewContext {
  return { today, urlOf: urls.charter, cardUrlOf: urls.card, renderMarkdown: options.renderMarkdown };
}

/** A charter's page in `lang`, with the interface in the language the charter's languages give it. */
function charterView(unit: Charter, lang: string, today: string, context: CharterViewContext, cache: ViewCache | undefined): CharterView {
  const page = pageLanguage(lang, unit.languages);
  return cache ? cache.views.get(unit, `${lang}|${today}`, () => buildCharterView(unit, page, context)) : buildCharterView(unit, page, context);
}

/** A charter's pocket card in the view's language; its language links lead to the card in the charter's other languages. */
function cardPage(view: CharterView, languages: readonly string[], links: LanguageLinks, options: FrameOptions, urls: SiteUrls): CardPage {
  const site = titlesOf(view.interfaceLang);
  const alternates = (other: string) =>
    languages.includes(other) ? { href: urls.card(view.id, other), available: true } : { href: urls.home(other), available: false };
  return {
    kind: 'card',
    url: view.cardUrl,
    frame: frame(
      { lang: view.lang, ui: view.interfaceLang },
      {
        url: view.cardUrl,
        title: `${site.card}: ${view.name.text} – ${site.site}`,
        description: fill(INTERFACE_STRINGS[view.interfaceLang].descriptions.card, { name: view.name.text }),
      },
      links,
      alternates,
      options,
      urls,
    ),
    charter: view,
  };
}

/** The site's languages with their names, in the site's order: the language switcher of every page. */
type LanguageLinks = readonly { readonly lang: string; readonly label: string; readonly labelLang: string }[];

function languageLinks(siteLanguages: readonly string[], interfaceOf: (lang: string) => SiteLanguage): LanguageLinks {
  return siteLanguages.map((lang) => {
    const label = languageLabel(lang, interfaceOf(lang));
    return { lang, label: label.text, labelLang: label.lang };
  });
}

/** The site options every page's frame uses. */
type FrameOptions = Pick<SiteOptions, 'base' | 'origin' | 'compliance' | 'themeStylesheet' | 'logo'>;

/** Where a page is in another language, and whether it is there at all (else the link leads to that language's front page). */
type Alternates = (other: string) => { href: string; available: boolean };

/** What is the page's own in its frame: its address, title and description; `root` for the language choice. */
interface FrameText {
  readonly url: string;
  readonly title: string;
  readonly description: string;
  /** The description's language, when it is not the interface's (a Sámi summary on a page that speaks Finnish). */
  readonly descriptionLang?: string;
  readonly root?: boolean;
}

function frame(page: PageLanguage, text: FrameText, links: LanguageLinks, alternates: Alternates, options: FrameOptions, urls: SiteUrls): PageFrameView {
  const languages: LanguageLinkView[] = links.map((link) => ({ ...link, current: link.lang === page.lang, ...alternates(link.lang) }));
  const { origin } = options;
  return {
    lang: page.lang,
    interfaceLang: page.ui,
    dir: textDirection(page.ui),
    title: text.title,
    description: pageDescription(text.description),
    ...(text.descriptionLang !== undefined && text.descriptionLang !== page.ui ? { descriptionLang: text.descriptionLang } : {}),
    ...(origin === undefined ? {} : { canonical: `${origin}${text.url}` }),
    alternates: headAlternates(languages, text.root === true, origin, urls.asset('')),
    t: uiStrings(page.ui),
    homeUrl: urls.home(page.lang),
    searchUrl: urls.search(page.lang),
    accessibilityUrl: urls.accessibility(page.lang),
    ...(options.compliance ? { dashboardUrl: urls.dashboard(page.lang) } : {}),
    chartersJsonUrl: urls.asset('charters.json'),
    languages,
    stylesheets: [urls.asset('assets/charter.css'), ...(options.themeStylesheet ? [urls.asset(options.themeStylesheet)] : [])],
    scripts: [urls.asset('assets/search.js')],
    favicon: urls.asset('assets/favicon.svg'),
    ...(options.logo ? { logo: { src: urls.asset(options.logo), alt: '' } } : {}),
    base: options.base ?? '/',
  };
}

/**
 * The `hreflang` alternates of a page. Without the site's address, as ever:
 * the other languages that have the page, site-relative (the root has none).
 * With it, as search engines want them: absolute, the page itself included,
 * and `x-default` the language choice at the root.
 */
function headAlternates(languages: readonly LanguageLinkView[], root: boolean, origin: string | undefined, rootUrl: string): PageFrameView['alternates'] {
  if (origin === undefined) {
    return root ? [] : languages.filter((link) => link.available && !link.current).map((link) => ({ hreflang: link.lang, href: link.href }));
  }
  return [
    ...languages.filter((link) => link.available).map((link) => ({ hreflang: link.lang, href: `${origin}${link.href}` })),
    { hreflang: 'x-default', href: `${origin}${rootUrl}` },
  ];
}

/** A charter page's description: its summary as plain text, else what the page holds, by the unit's name. */
function charterDescription(view: CharterView): string {
  if (view.summary) return htmlToText(view.summary.html);
  return fill(INTERFACE_STRINGS[view.interfaceLang].descriptions.charter, { name: view.name.text });
}

/** A charter's page in a language, when the site has that page. */
function charterUrlOf(units: readonly Charter[], urls: SiteUrls): (id: string, lang: string) => string | undefined {
  const languages = new Map(units.map((unit): [string, readonly string[]] => [unit.id, unit.languages]));
  return (id, lang) => (languages.get(id)?.includes(lang) ? urls.charter(id, lang) : undefined);
}
