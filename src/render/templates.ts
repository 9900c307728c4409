import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { MessageError } from '../messages/message-error.js';
import { textDirection, type TextDirection } from '../model/language-tag.js';
import { listOf, message } from '../messages/message.js';
import { systemErrorMessage } from '../util/system-error.js';
import type { PageView } from '../view/view-model.js';

/** A problem with the templates: a clear message for the user, not a stack trace. */
export class TemplateError extends MessageError {
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
        throw new TemplateError(message('cli.template.unknown', { path, folder: sources.overrides, known: [...files.keys()].sort().join(', ') }));
      }
      files.set(path, join(sources.overrides, path));
    }
  }

  const texts: TemplateText[] = [];
  const hash = createHash('sha256');
  for (const [path, file] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const source = await readFile(file, 'utf8');
    hash.update(`${path}\0${file}\0${source}\0`);
    texts.push({ path, file, source });
  }
  const signature = hash.digest('hex');
  // `charter serve` loads the templates on every rebuild; unchanged ones are not compiled again.
  if (lastLoaded?.signature !== signature) lastLoaded = compileTemplates(texts, signature);
  return lastLoaded;
}

/** The templates loaded last: the same texts give the same set. */
let lastLoaded: TemplateSet | undefined;

/** A template's path in the set (`pages/home.hbs`), the file it was read from, and its text. */
interface TemplateText {
  readonly path: string;
  readonly file: string;
  readonly source: string;
}

function compileTemplates(texts: readonly TemplateText[], signature: string): TemplateSet {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars);
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const { path, file, source } of texts) {
    const name = path.slice(path.indexOf('/') + 1).replace(/\.hbs$/, '');
    try {
      // Compile now, so that a syntax error names its file before any page is built.
      const template = handlebars.compile(source, { preventIndent: true });
      handlebars.precompile(source);
      if (path.startsWith('pages/')) pages.set(name, template);
      else handlebars.registerPartial(name, source);
    } catch (error) {
      throw new TemplateError(message('cli.template.syntax', { file, problem: (error as Error).message.split('\n').slice(0, 3).join(' ') }));
    }
  }

  return {
    signature,
    render(page) {
      const template = pages.get(page.kind);
      if (!template) throw new TemplateError(message('cli.template.missing-page', { kind: page.kind, file: `pages/${page.kind}.hbs` }));
      try {
        return template(page);
      } catch (error) {
        throw new TemplateError(message('cli.template.failed', { file: `pages/${page.kind}.hbs`, problem: (error as Error).message }));
      }
    },
  };
}

async function listTemplates(folder: string, isUserFolder = false): Promise<string[]> {
  let info: Stats;
  try {
    info = await stat(folder);
  } catch (error) {
    throw new TemplateError(message('cli.template.cannot-read-folder', { folder, reason: systemErrorMessage(error) }));
  }
  if (!info.isDirectory()) throw new TemplateError(message('cli.template.folder-is-file', { folder }));
  const found: string[] = [];
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!entry.isFile()) {
      // A link or a FIFO would otherwise be skipped without a word (and a FIFO read would never end).
      if (isUserFolder && !entry.isDirectory() && !path.startsWith('.')) {
        throw new TemplateError(message('cli.template.not-regular', { file: join(folder, path) }));
      }
      continue;
    }
    if (!path.endsWith('.hbs')) {
      if (isUserFolder && !path.startsWith('.')) throw new TemplateError(message('cli.template.not-hbs', { file: join(folder, path) }));
      continue;
    }
    if (!FOLDERS.some((prefix) => path.startsWith(`${prefix}/`)) || path.split('/').length !== 2) {
      throw new TemplateError(message('cli.template.wrong-folder', { file: join(folder, path), folders: listOf(FOLDERS.map((name) => `${name}/`)) }));
    }
    found.push(path);
  }
  return found.sort();
}

/** A language tag as templates may write it into an attribute. */
const TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/** The page's direction (its frame's `dir`; ltr for a view without one). */
function pageDirection(options: Handlebars.HelperOptions): TextDirection {
  const root: unknown = (options.data as { root?: unknown } | undefined)?.root;
  const dir = (root as { frame?: { dir?: unknown } } | undefined)?.frame?.dir;
  return dir === 'rtl' ? 'rtl' : 'ltr';
}

function dirAttribute(lang: string, around: TextDirection): string {
  const dir = textDirection(lang);
  return dir === around ? '' : ` dir="${dir}"`;
}

function registerHelpers(handlebars: typeof Handlebars): void {
  /** ` lang="sv"` on an element whose text is not in the page's language, and ` dir="rtl"` when it runs the other way than the page. */
  handlebars.registerHelper('langAttr', (view: unknown, options: Handlebars.HelperOptions) => {
    if (typeof view !== 'object' || view === null) return '';
    const { foreign, lang } = view as { foreign?: unknown; lang?: unknown };
    if (foreign !== true || typeof lang !== 'string' || !TAG.test(lang)) return '';
    return new handlebars.SafeString(` lang="${lang}"${dirAttribute(lang, pageDirection(options))}`);
  });
  /**
   * ` dir="rtl"` (or `ltr`) next to a `lang` the template writes itself, when
   * text in `lang` runs the other way than around it: the page (`frame.dir`),
   * or `within`, the language of the element it sits in (an interface word
   * inside an Arabic link). Nothing when both run the same way.
   */
  handlebars.registerHelper('dirAttr', (lang: unknown, options: Handlebars.HelperOptions) => {
    if (typeof lang !== 'string' || !TAG.test(lang)) return '';
    const within: unknown = options.hash.within;
    const around = typeof within === 'string' && TAG.test(within) ? textDirection(within) : pageDirection(options);
    return new handlebars.SafeString(dirAttribute(lang, around));
  });
  /** The direction of text in `lang`, for a script that marks what it adds (`data-results-dir`). */
  handlebars.registerHelper('dirOf', (lang: unknown) => (typeof lang === 'string' && TAG.test(lang) ? textDirection(lang) : 'ltr'));
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** JSON-LD, serialized by the view builder with <, > and & as \u escapes; checked again here. */
  handlebars.registerHelper('jsonLd', (json: unknown) => {
    if (typeof json !== 'string' || json === '') return '';
    const inert = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return new handlebars.SafeString(`<script type="application/ld+json">${inert}</script>`);
  });
  /** Data for a page's script: JSON in an inert script element, with <, > and & as \u escapes so it cannot end the element. */
  handlebars.registerHelper('jsonData', (id: unknown, json: unknown) => {
    if (typeof json !== 'string' || json === '' || typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) return '';
    const inert = json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
    return new handlebars.SafeString(`<script type="application/json" id="${id}">${inert}</script>`);
  });
}
