import { InputError } from '../load/find-files.js';
import { message } from '../messages/message.js';
import { parseSiteUrl } from './site-url.js';

/**
 * The path a site is served under, as `--base` gives it: `/intranet/charters`
 * becomes `/intranet/charters/`. Only plain path segments are allowed (letters,
 * digits, `-`, `_`, `.`, `~`), so the value can go into every link unescaped;
 * `.` and `..` segments are refused.
 */
export function normalizeBase(base: string | undefined): string {
  if (base === undefined || base === '' || base === '/') return '/';
  const segments = base.split('/').filter((segment) => segment !== '');
  const valid = base.startsWith('/') && segments.every((segment) => /^[A-Za-z0-9._~-]+$/.test(segment) && segment !== '.' && segment !== '..');
  if (!valid) throw new InputError(message('cli.base.invalid', { base }));
  return `/${segments.join('/')}/`;
}

/** Where the site is published: the base path its links start with, and the origin of `--site-url` when given. */
export interface SiteAddress {
  readonly base: string;
  /** `https://intranet.example.fi`: absolute addresses are this and a page's path (which starts with the base). */
  readonly origin?: string;
}

/**
 * The site's base path and origin from `--base` and `--site-url`. The site
 * URL's path is the base: `--site-url https://intranet.example.fi/charters/`
 * alone serves the site under `/charters/`; a `--base` given with it must say
 * the same path.
 */
export function siteAddress(options: { readonly base?: string | undefined; readonly siteUrl?: string | undefined }): SiteAddress {
  if (options.siteUrl === undefined) return { base: normalizeBase(options.base) };
  const url = parseSiteUrl(options.siteUrl);
  if (url === undefined) throw new InputError(message('cli.site-url.invalid', { url: options.siteUrl }));
  let path: string;
  try {
    path = normalizeBase(decodeURIComponent(url.pathname));
  } catch {
    throw new InputError(message('cli.site-url.invalid-path', { url: options.siteUrl, path: url.pathname }));
  }
  if (options.base !== undefined && normalizeBase(options.base) !== path) {
    throw new InputError(message('cli.site-url.base-mismatch', { url: options.siteUrl, path, base: normalizeBase(options.base) }));
  }
  return { base: path, origin: url.origin };
}
