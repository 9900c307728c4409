import type { IncomingMessage } from 'node:http';
import { hostOfHeader, isLoopbackAddress, isLoopbackName } from './loopback.js';

/** A request `charter serve` answers (its decoded path), or why it refuses one. */
export type Screened = { readonly path: string } | { readonly status: 400 | 403 | 405; readonly message: string };

export type ScreenedRequest = Pick<IncomingMessage, 'method' | 'url' | 'headers'> & { readonly socket: { readonly remoteAddress?: string | undefined } };

/**
 * `charter serve` serves this computer only: the peer must be a loopback
 * address, and the Host header a loopback name, so that a web page cannot
 * read the preview through a name of its own that resolves here (DNS
 * rebinding). Only GET and HEAD, and only paths that decode.
 */
export function screenRequest(request: ScreenedRequest): Screened {
  if (!isLoopbackAddress(request.socket.remoteAddress)) {
    return { status: 403, message: 'charter serve answers only requests from this computer.' };
  }
  const host = hostOfHeader(request.headers.host ?? '');
  if (host === undefined || !isLoopbackName(host)) {
    return {
      status: 403,
      message:
        'charter serve answers only requests addressed to this computer (localhost, 127.0.0.1 or [::1]), so that no web page can read the preview under another name.',
    };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, message: 'charter serve answers only GET and HEAD requests.' };
  }
  const url = request.url ?? '';
  // Only a path: an absolute URL here would name a host of its own.
  if (!url.startsWith('/')) return { status: 400, message: 'The request does not ask for a path.' };
  try {
    return { path: decodeURIComponent(new URL(url, 'http://localhost').pathname) };
  } catch {
    return { status: 400, message: 'The address has a malformed %-escape.' };
  }
}
