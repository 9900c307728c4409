import { domainToASCII, domainToUnicode } from 'node:url';

/** The address with its host name as people write it: `esimerkkilä.fi`, not the `xn--esimerkkil-z5a.fi` a URL is given in. */
export function unicodeHost(url: string): string {
  const match = /^([a-z][a-z\d+.-]*:\/\/)([^/?#:@]+)/i.exec(url);
  const [whole, scheme, host] = match ?? [];
  if (whole === undefined || scheme === undefined || host === undefined || !/(?:^|\.)xn--/i.test(host)) return url;
  const unicode = domainToUnicode(host);
  // Only a name that encodes back to the same host: a malformed xn-- label would print as another name.
  if (!unicode || domainToASCII(unicode) !== host.toLowerCase() || /[\p{C}\p{Z}]/u.test(unicode)) return url;
  return `${scheme}${unicode}${url.slice(whole.length)}`;
}
