import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { packageRoot } from '../util/package-info.js';

/** An asset a card page refers to: its bytes and type. */
export interface Asset {
  readonly body: Uint8Array;
  readonly type: string;
}

/** Finds an asset by the address the page uses (`/assets/charter.css`, `/palvelulupaus/assets/logo.svg`). */
export type AssetResolver = (href: string) => Promise<Asset | undefined>;

const TYPES: Readonly<Record<string, string>> = {
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

/** The site's own assets (site/assets/), by any address ending in `/assets/<file>`; nothing outside that folder. */
export const builtInAssets: AssetResolver = async (href) => {
  const match = /\/assets\/([^?#]+)$/.exec(href);
  if (!match?.[1]) return undefined;
  const folder = join(packageRoot(), 'site', 'assets');
  const file = normalize(join(folder, decodeURIComponent(match[1])));
  if (!file.startsWith(`${folder}${sep}`)) return undefined;
  const body = await readFile(file).catch(() => undefined);
  return body ? { body, type: TYPES[extname(file)] ?? 'application/octet-stream' } : undefined;
};

/**
 * A card page that is styled wherever its file is saved: each stylesheet it
 * links is put inline, and each image from the site's assets (a logo) becomes
 * a data: address. The cards are written to a folder of their own, where
 * `../assets/charter.css` does not exist. An asset the resolver does not find
 * keeps its link.
 */
export async function selfContainedCard(html: string, resolve: AssetResolver = builtInAssets): Promise<string> {
  const replacements = new Map<string, string>();
  for (const match of html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)) {
    const asset = await resolve(unescapeAttribute(match[1] ?? ''));
    // `</style` inside the sheet would end the element early.
    if (asset)
      replacements.set(
        match[0],
        `<style>${Buffer.from(asset.body)
          .toString('utf8')
          .replace(/<\/style/gi, '<\\/style')}</style>`,
      );
  }
  for (const match of html.matchAll(/<img ([^>]*?)src="([^"]*)"/g)) {
    const href = unescapeAttribute(match[2] ?? '');
    if (href.startsWith('data:')) continue;
    const asset = await resolve(href);
    if (asset) replacements.set(match[0], `<img ${match[1] ?? ''}src="data:${asset.type};base64,${Buffer.from(asset.body).toString('base64')}"`);
  }
  let result = html;
  for (const [from, to] of replacements) result = result.split(from).join(to);
  return result;
}

/** An attribute value as Handlebars escaped it. */
function unescapeAttribute(value: string): string {
  return value
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#x60;/g, '`')
    .replace(/&amp;/g, '&');
}
