import { readdir } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../load/find-files.js';
import { displayPath } from '../load/load-collection.js';
import { message } from '../messages/message.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import { readNamedFile } from '../util/regular-file.js';
import { packageRoot } from '../util/package-info.js';
import type { SiteOptions } from '../view/site-plan.js';
import type { SiteWriter } from './site-writer.js';

/** What a site is made from besides the charters: templates, theme and contact logs, resolved once. */
export interface SiteInputs {
  readonly builtInTemplates: string;
  readonly templateOverrides?: string;
  readonly css?: string;
  readonly logo?: string;
  /** Contact log files for the dashboard (standard input, `-`, is not a file). */
  readonly logs: readonly string[];
}

export function siteInputs(options: {
  readonly cwd: string;
  readonly templates?: string;
  readonly css?: string;
  readonly logo?: string;
  readonly events?: { readonly logs: readonly string[] };
}): SiteInputs {
  return {
    builtInTemplates: join(packageRoot(), 'templates'),
    ...(options.templates ? { templateOverrides: resolve(options.cwd, options.templates) } : {}),
    ...(options.css ? { css: resolve(options.cwd, options.css) } : {}),
    ...(options.logo ? { logo: resolve(options.cwd, options.logo) } : {}),
    logs: (options.events?.logs ?? []).filter((log) => log !== '-').map((log) => resolve(options.cwd, log)),
  };
}

/** Paths an output folder must never be or contain: everything the site is made from. */
export function protectedFolders(inputs: SiteInputs, cwd: string, chartersRoot: string): string[] {
  return [
    cwd,
    chartersRoot,
    inputs.builtInTemplates,
    ...(inputs.templateOverrides ? [inputs.templateOverrides] : []),
    ...themeFiles(inputs).map(({ file }) => file),
    ...inputs.logs,
  ];
}

export function loadSiteTemplates(inputs: SiteInputs): Promise<TemplateSet> {
  return loadTemplates({ builtIn: inputs.builtInTemplates, ...(inputs.templateOverrides ? { overrides: inputs.templateOverrides } : {}) });
}

/** The theme's files and the flags that named them. */
function themeFiles(inputs: SiteInputs): { readonly flag: string; readonly file: string }[] {
  return [...(inputs.css ? [{ flag: '--css', file: inputs.css }] : []), ...(inputs.logo ? [{ flag: '--logo', file: inputs.logo }] : [])];
}

/** Where a theme file goes in the site. */
function themePath(file: string): string {
  return `assets/theme/${basename(file)}`;
}

/** Where the pages link the theme's files (copied by copyAssets). */
export function themeLinks(inputs: SiteInputs): Pick<SiteOptions, 'themeStylesheet' | 'logo'> {
  return {
    ...(inputs.css ? { themeStylesheet: themePath(inputs.css) } : {}),
    ...(inputs.logo ? { logo: themePath(inputs.logo) } : {}),
  };
}

/** A stylesheet or logo larger than this is a mistake (a photo, an archive), not a theme file. */
const MAX_THEME_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The theme's files (`--css`, `--logo`) with their contents; a usage error if
 * one cannot be used (its path shown relative to `cwd` when given).
 */
export function readThemeFiles(inputs: SiteInputs, cwd?: string): { readonly path: string; readonly bytes: Buffer }[] {
  return themeFiles(inputs).map(({ flag, file }) => {
    // Read, never copied by name: a FIFO there would make a copy wait for ever.
    const read = readNamedFile(file, MAX_THEME_FILE_BYTES);
    if ('problem' in read)
      throw new InputError(message('cli.named-file.unusable', { flag, file: cwd === undefined ? file : displayPath(file, cwd), problem: read.problem }));
    return { path: file, bytes: read.bytes };
  });
}

/**
 * The folders whose files become the site's `assets/`: the hand-written ones
 * (site/assets) and the browser modules the build bundles (dist/assets).
 */
export function assetFolders(): string[] {
  return [join(packageRoot(), 'site', 'assets'), join(packageRoot(), 'dist', 'assets')];
}

/** Copies the site's own assets and the theme's files, one file at a time, so that `serve` knows each. */
export async function copyAssets(writer: SiteWriter, inputs: SiteInputs): Promise<void> {
  for (const assets of assetFolders()) {
    for (const entry of await readdir(assets, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || entry.name.endsWith('.map')) continue;
      const file = join(entry.parentPath, entry.name);
      await writer.copy(file, `assets/${relative(assets, file).split(sep).join('/')}`);
    }
  }
  for (const { path, bytes } of readThemeFiles(inputs)) await writer.write(themePath(path), bytes);
}
