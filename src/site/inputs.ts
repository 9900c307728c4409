import { copyFile, cp, mkdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { loadTemplates, type TemplateSet } from '../render/templates.js';
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

/** Copies the site's own assets and the theme's files into an output folder. */
export async function copyAssets(outDir: string, inputs: SiteInputs): Promise<void> {
  await cp(join(packageRoot(), 'site', 'assets'), join(outDir, 'assets'), { recursive: true });
  if (inputs.css || inputs.logo) await mkdir(join(outDir, 'assets', 'theme'), { recursive: true });
  if (inputs.css) await copyFile(inputs.css, join(outDir, 'assets', 'theme', basename(inputs.css)));
  if (inputs.logo) await copyFile(inputs.logo, join(outDir, 'assets', 'theme', basename(inputs.logo)));
}
