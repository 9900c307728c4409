import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveSite, type ServeEvent } from '../../src/site/serve.js';
import { writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

async function get(url: string): Promise<{ status: number; body: string; type: string }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') ?? '' };
}

interface RawResponse {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

/** A raw request (`fetch` cannot set Host, and normalizes `..`); an event stream is read until its first event. */
function send(url: string, path: string, options: { host?: string; method?: string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request(
      { hostname, port, path, method: options.method ?? 'GET', headers: options.host === undefined ? {} : { host: options.host } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        const done = (): void => resolve({ status: response.statusCode ?? 0, body, headers: response.headers });
        response.on('data', (chunk: string) => {
          body += chunk;
          if (String(response.headers['content-type']).startsWith('text/event-stream') && body.includes('\n\n')) {
            response.destroy();
            done();
          }
        });
        response.on('end', done);
      },
    );
    sent.on('error', reject);
    sent.end();
  });
}

async function rawGet(url: string, path: string): Promise<number> {
  return (await send(url, path)).status;
}

/** Reads the first `problems` event the live-reload stream sends. */
async function firstProblems(url: string): Promise<string[]> {
  const response = await fetch(`${url}__charter/events`);
  const reader = response.body?.getReader();
  let text = '';
  while (reader && !/event: problems\ndata: .*\n\n/.test(text)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader?.cancel();
  return JSON.parse(/event: problems\ndata: (.*)\n\n/.exec(text)?.[1] ?? '[]') as string[];
}

describe('charter serve', () => {
  it('serves the site, rebuilds on change, and keeps the last good site up when a charter breaks', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false }, (event) => events.push(event));
    try {
      expect(events.map((event) => event.type)).toEqual(['built']);
      const page = await get(`${handle.url}en/test-unit/`);
      expect(page.status).toBe(200);
      expect(page.type).toContain('text/html');
      expect(page.body).toContain('Test Unit');
      expect(page.body).toContain('/__charter/live.js');
      expect((await get(`${handle.url}__charter/live.js`)).body).toContain('EventSource');

      // Break the charter: diagnostics are reported, the old pages stay.
      const file = join(cwd, 'charters', 'unit.yaml');
      writeFileSync(file, edit(VALID_UNIT, 'owner: head', 'owner: nobody'));
      await handle.rebuild();
      const invalid = events.at(-1);
      expect(invalid?.type).toBe('invalid');
      expect((await get(`${handle.url}en/test-unit/`)).body).toBe(page.body);
      const problems = await firstProblems(handle.url);
      expect(problems[0]).toMatch(/^charters\/unit\.yaml:\d+:\d+ unknown contact `nobody`/);

      // Fix it with a visible change: the site is rebuilt.
      writeFileSync(file, edit(VALID_UNIT, 'en: Test Unit }', 'en: Renamed Unit }'));
      await handle.rebuild();
      expect(events.at(-1)?.type).toBe('built');
      expect((await get(`${handle.url}en/test-unit/`)).body).toContain('Renamed Unit');
      expect(await firstProblems(handle.url)).toEqual([]);
    } finally {
      await handle.close();
    }
  });

  it('rebuilds by itself when a charter file changes', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false }, (event) => events.push(event));
    try {
      writeFileSync(join(cwd, 'charters', 'unit.yaml'), edit(VALID_UNIT, 'en: Test Unit }', 'en: Watched Unit }'));
      for (let waited = 0; events.length < 2 && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(events.length).toBeGreaterThanOrEqual(2);
      expect((await get(`${handle.url}en/test-unit/`)).body).toContain('Watched Unit');
    } finally {
      await handle.close();
    }
  });

  it('notices a file that an editor or git replaces (write elsewhere, then rename)', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false }, (event) => events.push(event));
    try {
      for (const name of ['First', 'Second']) {
        const seen = events.length;
        const temporary = join(cwd, 'charters', '.unit.yaml.swp');
        writeFileSync(temporary, edit(VALID_UNIT, 'en: Test Unit }', `en: ${name} Unit }`));
        renameSync(temporary, join(cwd, 'charters', 'unit.yaml'));
        for (let waited = 0; events.length === seen && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
        for (let waited = 0; waited < 10_000; waited += 50) {
          if ((await get(`${handle.url}en/test-unit/`)).body.includes(`${name} Unit`)) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect((await get(`${handle.url}en/test-unit/`)).body).toContain(`${name} Unit`);
      }
    } finally {
      await handle.close();
    }
  });

  it('never serves a file outside the output folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'secret.txt': 'secret' });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false }, () => undefined);
    try {
      expect(await rawGet(handle.url, '/../secret.txt')).toBe(404);
      expect(await rawGet(handle.url, '/%2e%2e/secret.txt')).toBe(404);
      expect(await rawGet(handle.url, '/../charters/unit.yaml')).toBe(404);
      expect(readFileSync(join(cwd, 'secret.txt'), 'utf8')).toBe('secret');
    } finally {
      await handle.close();
    }
  });
});

describe('charter serve --base', () => {
  it('serves the site under its base path, and leads the server root there', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false, base: '/intranet/charters' }, () => undefined);
    try {
      expect(handle.url).toMatch(/\/intranet\/charters\/$/);
      const page = await get(`${handle.url}en/test-unit/`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('href="/intranet/charters/assets/charter.css"');
      expect((await get(`${handle.url}assets/charter.css`)).status).toBe(200);
      const origin = new URL(handle.url).origin;
      const root = await fetch(`${origin}/`, { redirect: 'manual' });
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe('/intranet/charters/');
      expect((await get(`${origin}/en/test-unit/`)).status).toBe(404);
      expect((await get(`${origin}/__charter/live.js`)).body).toContain('EventSource');
    } finally {
      await handle.close();
    }
  });
});

const ipv6Loopback = await canListenOn('::1');

describe('charter serve answers this computer only', () => {
  it('refuses a Host that is not a loopback name (DNS rebinding), on pages and on the live-reload paths', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      const { port } = new URL(handle.url);
      for (const path of ['/en/test-unit/', '/__charter/events', '/__charter/live.js', '/']) {
        for (const host of ['evil.example', `evil.example:${port}`, 'localhost.evil.example', '127.0.0.1.nip.io', '192.168.1.20', 'localhost:80@evil.example']) {
          const refused = await send(handle.url, path, { host });
          expect(refused.status, `${host} ${path}`).toBe(403);
          expect(refused.body).toContain('localhost');
          expect(refused.body).not.toContain('Test Unit');
        }
      }
      for (const host of [`localhost:${port}`, 'LOCALHOST', 'preview.localhost', '127.0.0.1', '127.0.0.2:80', `[::1]:${port}`]) {
        const page = await send(handle.url, '/en/test-unit/', { host });
        expect(page.status, host).toBe(200);
        expect(page.body).toContain('Test Unit');
      }
      const events = await send(handle.url, '/__charter/events', { host: `localhost:${port}` });
      expect(events.status).toBe(200);
      expect(events.body).toContain('event: problems');
    } finally {
      await handle.close();
    }
  });

  it('answers a malformed %-escape with 400, other methods than GET and HEAD with 405', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      expect(await rawGet(handle.url, '/%E0%A4%A')).toBe(400);
      expect(await rawGet(handle.url, '/en/%')).toBe(400);
      for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
        const refused = await send(handle.url, '/en/test-unit/', { method });
        expect(refused.status, method).toBe(405);
        expect(refused.headers.allow).toBe('GET, HEAD');
      }
      const head = await send(handle.url, '/en/test-unit/', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body).toBe('');
      const page = await send(handle.url, '/en/test-unit/');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    } finally {
      await handle.close();
    }
  });

  it('refuses to listen on an address that is not this computer, and says how to share the guide', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.org']) {
      const events: ServeEvent[] = [];
      await expect(serveSite({ cwd, today: '2026-11-23', port: 0, search: false, host }, (event) => events.push(event))).rejects.toThrow(
        /--host .*charter build/,
      );
      expect(events).toEqual([]);
    }
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('listens on localhost by name', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false, host: 'localhost' }, () => undefined);
    try {
      expect(handle.url).toMatch(/^http:\/\/localhost:\d+\/$/);
      expect((await get(`${handle.url}en/test-unit/`)).status).toBe(200);
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!ipv6Loopback)('listens on ::1, with the address bracketed in its URL', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false, host: '::1' }, () => undefined);
    try {
      expect(handle.url).toMatch(/^http:\/\/\[::1\]:\d+\/$/);
      expect((await get(`${handle.url}en/test-unit/`)).status).toBe(200);
    } finally {
      await handle.close();
    }
  });

  it('says which port is in use instead of failing with a stack trace', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const first = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      const port = Number(new URL(first.url).port);
      await expect(serveSite({ cwd, today: '2026-11-23', port, search: false, watch: false, out: '_other' }, () => undefined)).rejects.toThrow(
        `port ${port} is in use; stop what uses it or choose another --port`,
      );
    } finally {
      await first.close();
    }
  });
});

async function canListenOn(host: string): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}
