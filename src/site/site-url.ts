// No imports: the command line's option parser uses this before any command is loaded.

/**
 * `--site-url` as a URL: an absolute http or https address with no user
 * name, password, query or fragment, as a canonical link needs; undefined
 * when it is not one.
 */
export function parseSiteUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const usable = (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
  // `https://x.fi?` and `https://x.fi#` parse to empty search and hash: refused too, as surely typing mistakes.
  return usable && !/[?#]/.test(value) ? url : undefined;
}
