import { describe, expect, it } from 'vitest';
import { screenRequest, type ScreenedRequest } from '../../src/site/serve-requests.js';

function request(changes: { method?: string; url?: string; host?: string; remoteAddress?: string } = {}): ScreenedRequest {
  return {
    method: changes.method ?? 'GET',
    url: changes.url ?? '/en/',
    headers: { host: changes.host ?? 'localhost:8080' },
    socket: { remoteAddress: changes.remoteAddress ?? '127.0.0.1' },
  };
}

describe('which requests charter serve answers', () => {
  it('answers this computer, with the decoded path', () => {
    expect(screenRequest(request())).toEqual({ path: '/en/' });
    expect(screenRequest(request({ remoteAddress: '::ffff:127.0.0.1', url: '/en/%C3%A4/' }))).toEqual({ path: '/en/ä/' });
    expect(screenRequest(request({ remoteAddress: '::1', method: 'HEAD' }))).toEqual({ path: '/en/' });
  });

  it('refuses a peer that is not this computer, even with a loopback Host', () => {
    for (const remoteAddress of ['192.168.1.20', '::ffff:10.0.0.7', '2001:db8::1']) {
      expect(screenRequest(request({ remoteAddress })), remoteAddress).toMatchObject({ status: 403 });
    }
    expect(screenRequest({ ...request(), socket: {} })).toMatchObject({ status: 403 });
  });

  it('refuses other Hosts, other methods, absolute URLs and malformed escapes', () => {
    expect(screenRequest(request({ host: 'evil.example:8080' }))).toMatchObject({ status: 403 });
    expect(screenRequest({ ...request(), headers: {} })).toMatchObject({ status: 403 });
    expect(screenRequest(request({ method: 'POST' }))).toMatchObject({ status: 405 });
    expect(screenRequest(request({ url: 'http://evil.example/en/' }))).toMatchObject({ status: 400 });
    expect(screenRequest(request({ url: '/%E0%A4%A' }))).toMatchObject({ status: 400 });
  });
});
