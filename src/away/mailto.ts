/**
 * A mailto: link (RFC 6068) with subject and body: every character outside
 * the unreserved set percent-encoded as UTF-8, line breaks as %0D%0A. The
 * address keeps its `@`; each side of it is encoded on its own.
 */
export function mailtoLink(address: string | undefined, subject: string, body: string): string {
  const to = address === undefined ? '' : encodeAddress(address);
  return `mailto:${to}?subject=${encode(subject)}&body=${encode(body.replace(/\r?\n/g, '\r\n'))}`;
}

function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return encode(address);
  return `${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
}

/** encodeURIComponent, and the few characters it leaves that RFC 3986 reserves too. */
function encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
