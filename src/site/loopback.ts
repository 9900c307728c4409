import { BlockList, isIP } from 'node:net';

/** 127.0.0.0/8 and ::1; BlockList also matches IPv4-mapped IPv6 (`::ffff:127.0.0.1`). */
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether an IP address (a peer's, or one to listen on) is on this computer only. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const version = isIP(address);
  return version !== 0 && LOOPBACK.check(address, version === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Whether a host name or address means this computer whatever DNS says:
 * `localhost` and `*.localhost` (browsers never ask DNS for them), or a
 * loopback address. IPv6 may come bracketed, as in URLs and Host headers.
 */
export function isLoopbackName(name: string): boolean {
  const host = name.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return /^[a-z0-9.-]+$/.test(host) && !host.includes('..');
  return isLoopbackAddress(host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host);
}

/**
 * The host part of a Host header (`localhost:8080`, `[::1]:8080`), lower-cased;
 * undefined when the header is not a host with an optional port.
 */
export function hostOfHeader(header: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(header);
  return match?.[1]?.toLowerCase();
}
