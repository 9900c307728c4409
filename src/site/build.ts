import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { checkCharters, type CheckOptions } from '../check.js';
import type { FileResult } from '../model/diagnostic.js';
import { copyAssets, loadSiteTemplates, protectedFolders, readThemeFiles, siteInputs, themeLinks } from './inputs.js';
import { checkOutputFolder, StagingFolder } from './output-folder.js';
import { registerCleanup } from '../util/cleanup.js';
import { siteAddress } from './base-path.js';
import { renderMarkdown } from '../render/markdown.js';
import { planSite, sitePath } from '../view/site-plan.js';
import { withFindings } from '../model/file-results.js';
import { CHARTERS_JSON, chartersJson, chartersJsonText } from './charters-json.js';
import { normalizeCollection } from './site-charters.js';
import { writeSearchIndexes } from './search-index.js';
import { awayJsonSource } from './away-json.js';
import { folderWriter } from './site-writer.js';
import type { PageView } from '../view/view-model.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import type { MeasureOptions } from '../report/make-report.js';
import type { ComplianceReport } from '../model/compliance-report.js';
import type { ReviewInput } from '../view/review-view.js';
import { LogReadings } from '../report/log-readings.js';

export interface BuildOptions extends Omit<CheckOptions, 'fileSystem'> {
  /** Output folder (default `_site`). */
  readonly out?: string;
  /** A folder of templates that replace built-in ones of the same name. */
  readonly templates?: string;
  /** A theme stylesheet, linked after the site's own. */
  readonly css?: string;
  /** A logo image for the header. */
  readonly logo?: string;
  /** Skip the search index (faster rebuilds under `serve`). */
  readonly search?: boolean;
  /** The path the site is served under (`/intranet/charters/`); every link starts with it. Default `/`, or the path of `siteUrl`. */
  readonly base?: string;
  /** The address the site is published at (`https://intranet.example.fi/charters/`): pages get canonical links and absolute language alternates. */
  readonly siteUrl?: string;
  /** Figures from the contact logs: adds the compliance dashboard (`/fi/dashboard/`, `/sv/dashboard/`, `/en/dashboard/`). */
  readonly compliance?: ComplianceReport;
  /** Contact logs to measure the charters being built against, for the dashboard (instead of `compliance`). */
  readonly events?: EventsOptions;
  /**
   * Each charter's review for its review pack at `/<lang>/<id>/review/` (`charter build --events`):
   * worked out by the caller from the charters being built (src/review/ reads git and the logs).
   */
  readonly reviews?: ReviewSource;
}

/**
 * The reviews of the charters being built, by charter id; `events`: the logs as the build measures them (its
 * instant, its readings of the logs), when it has logs.
 */
export type ReviewSource = (units: NormalizedUnits, events?: EventsOptions) => Promise<ReadonlyMap<string, ReviewInput>>;

/** What `charter build --events` measures: the logs, and when. */
export type EventsOptions = Omit<MeasureOptions, 'cwd'>;

export type BuildResult =
  | { readonly ok: false; readonly results: FileResult[] }
  | {
      readonly ok: true;
      readonly results: FileResult[];
      readonly outDir: string;
      readonly pageCount: number;
      /** The figures the dashboard shows, when there is one. */
      readonly compliance?: ComplianceReport;
    };

export const DEFAULT_OUT = '_site';

/**
 * Validates the charters and, when there are no errors, renders the site with
 * Eleventy into a staging folder, indexes it for search, and swaps it into
 * place. Charter findings come back as results; unusable options throw.
 */
export async function buildSite(options: BuildOptions): Promise<BuildResult> {
  const out = resolve(options.cwd, options.out ?? DEFAULT_OUT);
  const shown = options.out ?? DEFAULT_OUT;
  const { base, origin } = siteAddress(options);
  // A missing or unusable theme file is a usage error, found before any work.
  readThemeFiles(siteInputs(options), options.cwd);
  const { results, collection, root, charters, unnormalized } = await checkCharters(options);
  if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) {
    return { ok: false, results };
  }
  const normalized = normalizeCollection({ collection, charters, unnormalized });
  if (normalized.problems.length > 0) return { ok: false, results: withFindings(results, normalized.problems) };
  const inputs = siteInputs(options);
  await checkOutputFolder(out, protectedFolders(inputs, options.cwd, root), shown, options.cwd);
  const templates = await loadSiteTemplates(inputs);
  const { compliance, reviews } = await measuredParts({ charters, unnormalized }, options);
  const plan = planSite(normalized, {
    today: options.today,
    base,
    origin,
    renderMarkdown,
    awayJson: awayJsonSource({ base, origin }),
    ...themeLinks(inputs),
    ...(compliance ? { compliance } : {}),
    ...(reviews ? { reviews } : {}),
  });

  const staging = await StagingFolder.create(out, shown);
  try {
    const rendered = await renderWithEleventy(plan.pages, templates.render, staging.path);
    const writer = folderWriter(staging.path);
    await copyAssets(writer, inputs);
    await writer.write(CHARTERS_JSON, chartersJsonText(chartersJson(normalized.units, normalized.resolvedOf, base)));
    if (options.search !== false) {
      // The staging folder is this run's own: Pagefind writes the index into it directly.
      await writeSearchIndexes(staging.path, [...new Set(rendered.filter((page) => page.kind === 'charter').map((page) => page.lang))]);
    }
    await staging.publish();
    return { ok: true, results, outDir: out, pageCount: rendered.length, ...(compliance ? { compliance } : {}) };
  } catch (error) {
    await staging.discard();
    throw staging.problem(error);
  }
}

/** What the logs give a build: the dashboard's figures and the charters' reviews. */
export interface MeasuredParts {
  readonly compliance?: ComplianceReport;
  readonly reviews?: ReadonlyMap<string, ReviewInput>;
}

/**
 * The report given, or one measured now from `events` over the charters
 * being built, and their reviews: at one instant (the build's own, without
 * --as-of) and from one reading of the logs. Unreadable logs throw
 * LogFileError.
 */
export async function measuredParts(units: NormalizedUnits, options: BuildOptions): Promise<MeasuredParts> {
  const events: EventsOptions | undefined = options.events && { ...options.events, asOf: options.events.asOf ?? new Date(), readings: new LogReadings() };
  let compliance = options.compliance;
  if (compliance === undefined && events !== undefined) {
    const { measureCompliance } = await import('../report/make-report.js');
    compliance = await measureCompliance(units, { cwd: options.cwd, ...events });
  }
  const reviews = await options.reviews?.(units, events);
  return { ...(compliance ? { compliance } : {}), ...(reviews ? { reviews } : {}) };
}

interface RenderedPage {
  readonly url: string;
  readonly lang: string;
  readonly kind: PageView['kind'];
  readonly html: string;
}

/**
 * Eleventy writes the pages: one virtual JavaScript template paginates over the
 * planned pages and renders each with our Handlebars templates. Eleventy is
 * run from code with an empty input folder, so no configuration file of the
 * user's is read.
 */
async function renderWithEleventy(pages: readonly PageView[], render: (page: PageView) => string, outDir: string): Promise<RenderedPage[]> {
  const { Eleventy } = await import('@11ty/eleventy');
  const input = await mkdtemp(join(tmpdir(), 'charter-eleventy-'));
  const unregister = registerCleanup(() => rmSync(input, { recursive: true, force: true }));
  try {
    // Given relative to the working folder: with an absolute one, Eleventy loses its own template when run from / (the root).
    const eleventy = new Eleventy(relative(process.cwd(), input) || '.', outDir, {
      quietMode: false,
      config(config: EleventyConfig) {
        config.addGlobalData('charterPages', pages);
        config.addTemplate('charter-page.11ty.js', {
          data: {
            pagination: { data: 'charterPages', size: 1, alias: 'view' },
            permalink: (data: { view: PageView }) => sitePath(data.view),
            eleventyExcludeFromCollections: true,
          },
          render: (data: { view: PageView }) => render(data.view),
        });
      },
    });
    eleventy.disableLogger();
    const written = ((await eleventy.write()) as unknown[]).flat() as { url?: unknown; content?: unknown }[];
    const byUrl = new Map(pages.map((page) => [sitePath(page), page]));
    const rendered: RenderedPage[] = [];
    for (const entry of written) {
      const page = typeof entry.url === 'string' ? byUrl.get(entry.url) : undefined;
      if (!page || typeof entry.content !== 'string') continue;
      rendered.push({ url: page.url, lang: page.frame.lang, kind: page.kind, html: entry.content });
    }
    if (rendered.length !== pages.length) throw new Error(`Eleventy wrote ${rendered.length} of ${pages.length} pages`);
    return rendered;
  } finally {
    unregister();
    await rm(input, { recursive: true, force: true });
  }
}

/** The part of Eleventy's configuration API used here. */
interface EleventyConfig {
  addGlobalData(name: string, value: unknown): void;
  addTemplate(path: string, content: unknown): void;
}
