import type { FileHandle } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkCharters } from '../check.js';
import type { ParseCache } from '../load/load-collection.js';
import { PerCharterCache } from '../load/charter-cache.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { measuredParts, DEFAULT_OUT, type BuildOptions, type BuildResult } from './build.js';
import { CHARTERS_JSON, chartersJson, chartersJsonText } from './charters-json.js';
import { normalizeCollection } from './site-charters.js';
import { withFindings } from '../model/file-results.js';
import type { NormalizeResult } from '../normalize/normalize-charter.js';
import { copyAssets, loadSiteTemplates, protectedFolders, siteInputs, themeLinks } from './inputs.js';
import { checkOutputFolder } from './output-folder.js';
import { siteAddress, type SiteAddress } from './base-path.js';
import { renderMarkdown } from '../render/markdown.js';
import { planSite, sitePath, ViewCache, type SiteOptions } from '../view/site-plan.js';
import { awayJsonSource } from './away-json.js';
import { isSearchIndexFile, writeSearchIndexes } from './search-index.js';
import { SiteFolder } from './site-folder.js';
import type { PageView } from '../view/view-model.js';

export type UpdateResult =
  | Extract<BuildResult, { ok: false }>
  | (Extract<BuildResult, { ok: true }> & { readonly written: number; readonly removed: number; readonly languages: string[] });

/**
 * The site as `charter serve` keeps it: files that did not change are not
 * parsed again, charters whose files did not change keep their views and
 * pages, and only pages whose content changed are written. A rebuild after one
 * charter changes therefore costs a validation run plus a handful of pages.
 * (`charter build` always renders everything, with Eleventy, into a fresh folder.)
 * Every file goes through a SiteFolder, which records it: only those are served.
 */
export class IncrementalSite {
  private readonly parseCache: ParseCache = new Map();
  private readonly findingsCache = new PerCharterCache<Diagnostic[]>();
  /** A unit keeps its normalized model, and so its views, while its files are unchanged. */
  private readonly normalizeCache = new PerCharterCache<NormalizeResult>();
  private readonly viewCache = new ViewCache();
  private chartersJson: unknown;
  private languages: readonly string[] = [];
  /** Per page path in the output folder: the view rendered and the HTML written, to skip unchanged pages. */
  private pages = new Map<string, { view: unknown; signature: string; html: string }>();
  private readonly folder: SiteFolder;
  private readonly address: SiteAddress;
  private chartersRoot: string | undefined;
  /** The absence forms' data, kept per unchanged charter like its views. */
  private readonly awayJson: NonNullable<SiteOptions['awayJson']>;

  constructor(private readonly options: BuildOptions) {
    this.folder = new SiteFolder(resolve(options.cwd, options.out ?? DEFAULT_OUT));
    this.address = siteAddress(options);
    this.awayJson = awayJsonSource(this.address);
  }

  get outDir(): string {
    return this.folder.path;
  }

  /** The charters folder the last check used (known after the first update). */
  get root(): string | undefined {
    return this.chartersRoot;
  }

  /**
   * Checks the charters and, when they have no errors, brings the output
   * folder up to date. Unusable options (the output folder refused, broken
   * templates, a missing theme file or log) throw before anything is written.
   * When the output folder or its marker went missing, the whole site is written again.
   */
  async update(): Promise<UpdateResult> {
    const { results, collection, root, charters, unnormalized } = await checkCharters({
      ...this.options,
      parseCache: this.parseCache,
      findingsCache: this.findingsCache,
      normalizeCache: this.normalizeCache,
    });
    this.chartersRoot = root;
    const inputs = siteInputs(this.options);
    const state = await this.folder.state();
    if (state === 'unknown') {
      await checkOutputFolder(this.folder.path, protectedFolders(inputs, this.options.cwd, root), this.options.out ?? DEFAULT_OUT, this.options.cwd, 'serve');
    }
    const templates = await loadSiteTemplates(inputs);
    if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) return { ok: false, results };
    const normalized = normalizeCollection({ collection, charters, unnormalized });
    if (normalized.problems.length > 0) return { ok: false, results: withFindings(results, normalized.problems) };
    // Measured on every rebuild: a changed promise changes the figures.
    const { compliance, reviews } = await measuredParts({ charters, unnormalized }, this.options);
    const plan = planSite(normalized, {
      today: this.options.today,
      renderMarkdown,
      base: this.address.base,
      origin: this.address.origin,
      viewCache: this.viewCache,
      awayJson: this.awayJson,
      ...themeLinks(inputs),
      ...(compliance ? { compliance } : {}),
      ...(reviews ? { reviews } : {}),
    });
    if (state !== 'intact') {
      await this.folder.recreate();
      this.pages.clear();
    }

    const next = new Map<string, { view: unknown; signature: string; html: string }>();
    let written = 0;
    for (const page of plan.pages) {
      const view = viewIdentity(page);
      const previous = this.pages.get(sitePath(page));
      let html: string;
      if (previous && view !== undefined && previous.view === view && previous.signature === templates.signature) {
        html = previous.html;
      } else {
        html = templates.render(page);
        if (previous?.html !== html) {
          await this.folder.write(pageFile(sitePath(page)), html);
          written++;
        }
      }
      next.set(sitePath(page), { view, signature: templates.signature, html });
    }
    let removed = 0;
    for (const url of this.pages.keys()) {
      if (next.has(url)) continue;
      await this.folder.remove(pageFile(url));
      removed++;
    }
    this.pages = next;
    this.chartersJson = chartersJson(normalized.units, normalized.resolvedOf, this.address.base);
    await copyAssets(this.folder, inputs);
    const languages = [...new Set(plan.pages.filter((page) => page.kind === 'charter').map((page) => page.frame.lang))];
    this.languages = languages;
    return { ok: true, results, outDir: this.folder.path, pageCount: plan.pages.length, written, removed, languages };
  }

  /**
   * Writes what takes long for a large collection and no open page needs at
   * once: /charters.json and, with `search`, the search index (replacing the
   * index files of the last run). `charter serve` calls it once changes settle.
   */
  async writeDeferred(search: boolean): Promise<void> {
    if (this.chartersJson === undefined) return;
    await this.folder.write(CHARTERS_JSON, chartersJsonText(this.chartersJson));
    if (!search) return;
    const earlier = this.folder.recorded().filter(isSearchIndexFile);
    const written = new Set(await writeSearchIndexes(this.folder.path, this.languages, this.folder));
    for (const path of earlier) if (!written.has(path)) await this.folder.remove(path);
  }

  /** A file of the site to serve, never anything else in the folder (see SiteFolder.openRecorded). */
  openFile(path: string): Promise<FileHandle | 'missing' | undefined> {
    return this.folder.openRecorded(path);
  }

  /** Whether the site has this file (a page's `index.html` for a folder address). */
  hasFile(path: string): boolean {
    return this.folder.has(path);
  }

  /** A file the site wrote has gone: the next update writes the whole site again. */
  markDamaged(): void {
    this.folder.markDamaged();
  }

  async close(): Promise<void> {
    await this.folder.release();
  }
}

/** The file a page is written to, as a site path (`en/unit/index.html`). */
function pageFile(url: string): string {
  return [...url.split('/').filter(Boolean), 'index.html'].join('/');
}

/** Charter and card pages are as fresh as their charter's view; other pages are rendered every time. */
function viewIdentity(page: PageView): unknown {
  return page.kind === 'charter' || page.kind === 'card' ? page.charter : undefined;
}
