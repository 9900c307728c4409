import type { IncomingMessage } from 'node:http';
import { message, type MessageRef } from '../messages/message.js';
import { hostOfHeader, isLoopbackAddress, isLoopbackName } from './loopback.js';

/** A request `charter serve` answers (its decoded path), or why it refuses one. */
export type Screened = { readonly path: string } | { readonly status: 400 | 403 | 405; readonly message: MessageRef };

export type ScreenedRequest = Pick<IncomingMessage, 'method' | 'url' | 'headers'> & { readonly socket: { readonly remoteAddress?: string | undefined } };

/**
 * `charter serve` serves this computer only: the peer must be a loopback
 * address, and the Host header a loopback name, so that a web page cannot
 * read the preview through a name of its own that resolves here (DNS
 * rebinding). Only GET and HEAD, and only paths that decode.
 */
export function screenRequest(request: ScreenedRequest): Screened {
  if (!isLoopbackAddress(request.socket.remoteAddress)) {
    return { status: 403, message: message('cli.serve.http.not-local-peer') };
  }
  const host = hostOfHeader(request.headers.host ?? '');
  if (host === undefined || !isLoopbackName(host)) {
    return { status: 403, message: message('cli.serve.http.not-local-host') };
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return { status: 405, message: message('cli.serve.http.method') };
  }
  const url = request.url ?? '';
  // Only a path: an absolute URL here would name a host of its own.
  if (!url.startsWith('/')) return { status: 400, message: message('cli.serve.http.no-path') };
  try {
    return { path: decodeURIComponent(new URL(url, 'http://localhost').pathname) };
  } catch {
    return { status: 400, message: message('cli.serve.http.bad-escape') };
  }
}
