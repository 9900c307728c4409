import { cp, mkdir, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { InputError } from '../load/find-files.js';
import { displayPath } from '../load/load-collection.js';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
import { readNamedFile } from '../util/regular-file.js';
import { packageRoot } from '../util/package-info.js';
import type { SiteOptions } from './pages.js';

/** What a site is made from besides the charters: templates and theme, resolved once. */
export interface SiteInputs {
  readonly builtInTemplates: string;
  readonly templateOverrides?: string;
  readonly css?: string;
  readonly logo?: string;
}

export function siteInputs(options: { readonly cwd: string; readonly templates?: string; readonly css?: string; readonly logo?: string }): SiteInputs {
  return {
    builtInTemplates: join(packageRoot(), 'templates'),
    ...(options.templates ? { templateOverrides: resolve(options.cwd, options.templates) } : {}),
    ...(options.css ? { css: resolve(options.cwd, options.css) } : {}),
    ...(options.logo ? { logo: resolve(options.cwd, options.logo) } : {}),
  };
}

/** Folders an output folder must never be or contain. */
export function protectedFolders(inputs: SiteInputs, cwd: string, chartersRoot: string): string[] {
  return [cwd, chartersRoot, inputs.builtInTemplates, ...(inputs.templateOverrides ? [inputs.templateOverrides] : [])];
}

export function loadSiteTemplates(inputs: SiteInputs): Promise<TemplateSet> {
  return loadTemplates({ builtIn: inputs.builtInTemplates, ...(inputs.templateOverrides ? { overrides: inputs.templateOverrides } : {}) });
}

/** Where the pages link the theme's files (copied by copyAssets). */
export function themeLinks(inputs: SiteInputs): Pick<SiteOptions, 'themeStylesheet' | 'logo'> {
  return {
    ...(inputs.css ? { themeStylesheet: `assets/theme/${basename(inputs.css)}` } : {}),
    ...(inputs.logo ? { logo: `assets/theme/${basename(inputs.logo)}` } : {}),
  };
}

/** A stylesheet or logo larger than this is a mistake (a photo, an archive), not a theme file. */
const MAX_THEME_FILE_BYTES = 16 * 1024 * 1024;

/**
 * The theme's files (`--css`, `--logo`) with their contents; a usage error if
 * one cannot be used (its path shown relative to `cwd` when given).
 */
export function readThemeFiles(inputs: SiteInputs, cwd?: string): { readonly path: string; readonly bytes: Buffer }[] {
  const named = [
    ['--css', inputs.css],
    ['--logo', inputs.logo],
  ] as const;
  return named.flatMap(([flag, path]) => {
    if (path === undefined) return [];
    // Read, never copied by name: a FIFO there would make a copy wait for ever.
    const read = readNamedFile(path, MAX_THEME_FILE_BYTES);
    if ('problem' in read) throw new InputError(`${flag} ${cwd === undefined ? path : displayPath(path, cwd)}: ${read.problem}`);
    return [{ path, bytes: read.bytes }];
  });
}

/** Copies the site's own assets and the theme's files into an output folder. */
export async function copyAssets(outDir: string, inputs: SiteInputs): Promise<void> {
  await cp(join(packageRoot(), 'site', 'assets'), join(outDir, 'assets'), { recursive: true });
  const theme = readThemeFiles(inputs);
  if (theme.length > 0) await mkdir(join(outDir, 'assets', 'theme'), { recursive: true });
  for (const { path, bytes } of theme) await writeFile(join(outDir, 'assets', 'theme', basename(path)), bytes);
}
