import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { systemErrorReason } from '../util/system-error.js';
import type { PageView } from '../view/view-model.js';

/** A problem with the templates: a clear message for the user, not a stack trace. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

export interface TemplateSet {
  /** Renders one page with the template of its kind. */
  readonly render: (page: PageView) => string;
  /** Changes whenever any template's text changes (for incremental rebuilds). */
  readonly signature: string;
}

export interface TemplateSources {
  /** The built-in templates folder (templates/ in the package). */
  readonly builtIn: string;
  /** A user's folder of replacements: same relative paths as the built-in ones. */
  readonly overrides?: string;
}

const FOLDERS = ['layouts', 'partials', 'pages'] as const;

/**
 * Loads the Handlebars templates into their own Handlebars instance (helpers
 * never leak into the global one). A user's folder may replace any built-in
 * template by giving a file of the same name; a name that matches none is an
 * error, since a misspelt override would otherwise be silently ignored.
 */
export async function loadTemplates(sources: TemplateSources): Promise<TemplateSet> {
  const builtIn = await listTemplates(sources.builtIn);
  const files = new Map(builtIn.map((path) => [path, join(sources.builtIn, path)]));
  if (sources.overrides) {
    const overrides = await listTemplates(sources.overrides, true);
    for (const path of overrides) {
      if (!files.has(path)) {
        throw new TemplateError(`unknown template ${path} in ${sources.overrides}; a theme can replace these: ${[...files.keys()].sort().join(', ')}`);
      }
      files.set(path, join(sources.overrides, path));
    }
  }

  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  const signature = createHash('sha256');
  for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const source = await readFile(file, 'utf8');
    signature.update(`${path}\0${file}\0${source}\0`);
    const name = path.slice(path.indexOf('/') + 1).replace(/\.hbs$/, '');
    try {
      // Compile now, so that a syntax error names its file before any page is built.
      const template = handlebars.compile(source, { preventIndent: true });
      handlebars.precompile(source);
      if (path.startsWith('pages/')) pages.set(name, template);
      else handlebars.registerPartial(name, source);
    } catch (error) {
      throw new TemplateError(`${file}: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
    }
  }

  return {
    signature: signature.digest('hex'),
    render(page) {
      const template = pages.get(page.kind);
      if (!template) throw new TemplateError(`no template for pages of kind ${page.kind} (pages/${page.kind}.hbs)`);
      try {
        return template(page);
      } catch (error) {
        throw new TemplateError(`pages/${page.kind}.hbs: ${(error as Error).message}`);
      }
    },
  };
}

async function listTemplates(folder: string, isUserFolder = false): Promise<string[]> {
  let info: Stats;
  try {
    info = await stat(folder);
  } catch (error) {
    throw new TemplateError(`cannot read the templates folder ${folder}: ${systemErrorReason(error)}`);
  }
  if (!info.isDirectory())
    throw new TemplateError(`the templates folder ${folder} is a file; give --templates a folder that holds layouts/, partials/ and pages/`);
  const found: string[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!entry.isFile()) {
      // A link or a FIFO would otherwise be skipped without a word (and a FIFO read would never end).
      if (isUserFolder && !entry.isDirectory() && !path.startsWith('.')) {
        throw new TemplateError(`${join(folder, path)} is not a regular file (a link, a FIFO…); a theme's templates must be plain files`);
      }
      continue;
    }
    if (!path.endsWith('.hbs')) {
      if (isUserFolder && !path.startsWith('.')) throw new TemplateError(`${join(folder, path)} is not a template (.hbs)`);
      continue;
    }
    if (!FOLDERS.some((prefix) => path.startsWith(`${prefix}/`)) || path.split('/').length !== 2) {
      throw new TemplateError(`${join(folder, path)}: templates live in ${FOLDERS.map((name) => `${name}/`).join(', ')}`);
    }
    found.push(path);
  }
  return found.sort();
}

function registerHelpers(handlebars: typeof Handlebars): void {
  /** ` lang="sv"` on an element whose text is not in the page's language. */
  handlebars.registerHelper('langAttr', (view: unknown) => {
    if (typeof view !== 'object' || view === null) return '';
    const { foreign, lang } = view as { foreign?: unknown; lang?: unknown };
    if (foreign !== true || typeof lang !== 'string' || !/^[a-z]{2,3}$/.test(lang)) return '';
    return new handlebars.SafeString(` lang="${lang}"`);
  });
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** JSON-LD, serialized by the view builder with <, > and & as \u escapes; checked again here. */
  handlebars.registerHelper('jsonLd', (json: unknown) => {
    if (typeof json !== 'string' || json === '') return '';
    const inert = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return new handlebars.SafeString(`<script type="application/ld+json">${inert}</script>`);
  });
}
