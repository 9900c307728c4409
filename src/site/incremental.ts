import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkCharters } from '../check.js';
import type { ParseCache } from '../load/load-collection.js';
import { PerCharterCache } from '../model/charter-cache.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { complianceFor, DEFAULT_OUT, type BuildOptions, type BuildResult } from './build.js';
import { copyAssets, loadSiteTemplates, protectedFolders, siteInputs, themeLinks } from './inputs.js';
import { checkOutputFolder, OUTPUT_MARKER } from './output-folder.js';
import { normalizeBase } from './base-path.js';
import { planSite, sitePath, ViewCache } from './pages.js';
import type { PageView } from './view-model.js';

export type UpdateResult =
  | Extract<BuildResult, { ok: false }>
  | (Extract<BuildResult, { ok: true }> & { readonly written: number; readonly removed: number; readonly languages: string[] });

/**
 * The site as `charter serve` keeps it: files that did not change are not
 * parsed again, charters whose files did not change keep their views and
 * pages, and only pages whose content changed are written. A rebuild after one
 * charter changes therefore costs a validation run plus a handful of pages.
 * (`charter build` always renders everything, with Eleventy, into a fresh folder.)
 */
export class IncrementalSite {
  private readonly parseCache: ParseCache = new Map();
  private readonly findingsCache = new PerCharterCache<Diagnostic[]>();
  private readonly viewCache = new ViewCache();
  private chartersJson: unknown;
  /** Per page path in the output folder: the view rendered and the HTML written, to skip unchanged pages. */
  private pages = new Map<string, { view: unknown; signature: string; html: string }>();
  private prepared = false;
  private readonly out: string;

  private readonly base: string;

  constructor(private readonly options: BuildOptions) {
    this.out = resolve(options.cwd, options.out ?? DEFAULT_OUT);
    this.base = normalizeBase(options.base);
  }

  get outDir(): string {
    return this.out;
  }

  async update(): Promise<UpdateResult> {
    const { results, collection, root } = await checkCharters({
      ...this.options,
      parseCache: this.parseCache,
      findingsCache: this.findingsCache,
    });
    if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) return { ok: false, results };
    const inputs = siteInputs(this.options);
    if (!this.prepared) {
      await checkOutputFolder(this.out, protectedFolders(inputs, this.options.cwd, root), this.options.out ?? DEFAULT_OUT);
      await mkdir(this.out, { recursive: true });
      await writeFile(join(this.out, OUTPUT_MARKER), 'Made by charter serve. The whole folder is replaced on the next build.\n');
      this.prepared = true;
    }
    const templates = await loadSiteTemplates(inputs);
    // Measured on every rebuild: a changed promise changes the figures.
    const compliance = await complianceFor(collection, this.options);
    const plan = planSite(collection, {
      today: this.options.today,
      base: this.base,
      viewCache: this.viewCache,
      ...themeLinks(inputs),
      ...(compliance ? { compliance } : {}),
    });

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
          await writeAtomically(join(this.out, ...sitePath(page).split('/').filter(Boolean), 'index.html'), html);
          written++;
        }
      }
      next.set(sitePath(page), { view, signature: templates.signature, html });
    }
    let removed = 0;
    for (const url of this.pages.keys()) {
      if (next.has(url)) continue;
      await rm(join(this.out, ...url.split('/').filter(Boolean), 'index.html'), { force: true });
      removed++;
    }
    this.pages = next;
    this.chartersJson = plan.chartersJson;
    await copyAssets(this.out, inputs);
    const languages = [...new Set(plan.pages.filter((page) => page.kind === 'charter').map((page) => page.frame.lang))];
    return { ok: true, results, outDir: this.out, pageCount: plan.pages.length, written, removed, languages };
  }

  /**
   * Writes what takes long for a large collection and no open page needs at
   * once: /charters.json. `charter serve` calls it once changes settle, with
   * the search index.
   */
  async writeDeferred(): Promise<void> {
    if (this.chartersJson === undefined) return;
    await writeAtomically(join(this.out, 'charters.json'), `${JSON.stringify(this.chartersJson, null, 2)}\n`);
  }
}

/** Charter and card pages are as fresh as their charter's view; other pages are rendered every time. */
function viewIdentity(page: PageView): unknown {
  return page.kind === 'charter' || page.kind === 'card' ? page.charter : undefined;
}

async function writeAtomically(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
