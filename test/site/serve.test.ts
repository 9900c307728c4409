import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
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

/** Waits until `done()` holds, checking every 50 ms, for at most `limit` ms. */
async function waitFor(done: () => boolean, limit = 15_000): Promise<void> {
  for (let waited = 0; !done() && waited < limit; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
}

const sleep = (milliseconds: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Reads the first `problems` event the live-reload stream sends. */
async function firstProblems(url: string): Promise<string[]> {
  const response = await fetch(`${url}__charter/events`);
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
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

  it('shows the open pages a file name’s and a key’s control characters as escapes, never raw', async () => {
    const name = 'x\u001b[2J\u202e.yaml';
    const cwd = writeTree({ [`charters/${name}`]: VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      writeFileSync(join(cwd, 'charters', name), `${VALID_UNIT}"bo\\u202egus\\u2066": 1\n`);
      await handle.rebuild();
      const problems = await firstProblems(handle.url);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) expect(problem).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(problems).toContainEqual(expect.stringMatching(/^charters\/x\\u001b\[2J\\u202e\.yaml:\d+:\d+ unknown key `bo\\u202egus\\u2066`/));
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

describe('charter serve, at an address with no page', () => {
  it('answers 404 with a page in the language of the address or the browser, leading to that front page', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false, base: '/intranet/' }, () => undefined);
    try {
      const ask = async (path: string, acceptLanguage?: string): Promise<{ status: number; body: string }> => {
        const response = await fetch(new URL(path, handle.url), acceptLanguage === undefined ? {} : { headers: { 'accept-language': acceptLanguage } });
        return { status: response.status, body: await response.text() };
      };
      const finnish = await ask('/intranet/fi/no-such-unit/');
      expect(finnish.status).toBe(404);
      expect(finnish.body).toMatch(/^<!doctype html><html lang="fi">/);
      expect(finnish.body).toContain('<h1>Sivua ei löydy</h1>');
      expect(finnish.body).toContain('<a href="/intranet/fi/">Siirry sivuston etusivulle</a>');
      // Outside any language: the browser's first language the messages are written in; the unit has no Swedish pages.
      const swedish = await ask('/intranet/nothing-here', 'de-DE,sv-FI;q=0.9,fi;q=0.8');
      expect(swedish.body).toContain('<h1>Sidan hittades inte</h1>');
      expect(swedish.body).toContain('<a href="/intranet/">Till webbplatsens startsida</a>');
      expect((await ask('/elsewhere/', 'fi;q=0.2, en;q=0.5')).body).toContain('<a href="/intranet/en/">Go to the site&#x27;s front page</a>');
      expect((await ask('/elsewhere/')).body).toMatch(/<html lang="en">/);
    } finally {
      await handle.close();
    }
  });

  it('refuses a request in the browser’s language too', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      const response = await fetch(handle.url, { method: 'POST', headers: { 'accept-language': 'sv' } });
      expect(response.status).toBe(405);
      expect(await response.text()).toBe('charter serve svarar bara på GET- och HEAD-förfrågningar.\n');
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
        for (const host of [
          'evil.example',
          `evil.example:${port}`,
          'localhost.evil.example',
          '127.0.0.1.nip.io',
          '192.168.1.20',
          'localhost:80@evil.example',
        ]) {
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

describe('charter serve serves only what it built', () => {
  it('ends before listening when the first build has a usage problem', async () => {
    const foreign = writeTree({ 'charters/unit.yaml': VALID_UNIT, '_site/notes.txt': 'mine' });
    await expect(serveSite({ cwd: foreign, today: '2026-11-23', port: 0, search: false }, () => undefined)).rejects.toThrow(/refusing to replace _site/);
    expect(readFileSync(join(foreign, '_site', 'notes.txt'), 'utf8')).toBe('mine');

    const badTemplates = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'theme/pages/nonsense.hbs': '<p>' });
    await expect(serveSite({ cwd: badTemplates, today: '2026-11-23', port: 0, search: false, templates: 'theme' }, () => undefined)).rejects.toThrow(
      /unknown template pages\/nonsense\.hbs/,
    );
    expect(existsSync(join(badTemplates, '_site'))).toBe(false);

    const noLog = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    await expect(
      serveSite(
        { cwd: noLog, today: '2026-11-23', port: 0, search: false, events: { logs: ['missing.csv'], asOf: new Date('2026-11-23T12:00:00Z') } },
        () => undefined,
      ),
    ).rejects.toThrow(/missing\.csv: no such file/);
    expect(existsSync(join(noLog, '_site'))).toBe(false);

    const noTheme = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    await expect(serveSite({ cwd: noTheme, today: '2026-11-23', port: 0, search: false, css: 'theme.css' }, () => undefined)).rejects.toThrow(
      '--css theme.css: no such file',
    );
    expect(existsSync(join(noTheme, '_site'))).toBe(false);
  });

  it('never empties an output folder that holds what the site is made from', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, '_site/.charter-site': 'Made by charter build.\n', '_site/theme.css': 'body {}' });
    await expect(serveSite({ cwd, today: '2026-11-23', port: 0, search: false, css: '_site/theme.css' }, () => undefined)).rejects.toThrow(
      /refusing to build into _site: it holds .*theme\.css/,
    );
    expect(readFileSync(join(cwd, '_site', 'theme.css'), 'utf8')).toBe('body {}');
  });

  it('never serves a file it did not write: leftovers, planted files and links', async () => {
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      'secret.txt': 'secret',
      'elsewhere/index.html': '<p>elsewhere</p>',
      // An earlier build's folder (it has the marker) with files this run does not make.
      '_site/.charter-site': 'Made by charter build.\n',
      '_site/old/index.html': '<p>old</p>',
    });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    try {
      const out = join(cwd, '_site');
      expect(await rawGet(handle.url, '/old/')).toBe(404);
      writeFileSync(join(out, 'planted.txt'), 'planted');
      mkdirSync(join(out, 'en', 'planted'), { recursive: true });
      writeFileSync(join(out, 'en', 'planted', 'index.html'), '<p>planted</p>');
      symlinkSync('/etc', join(out, 'etc'));
      symlinkSync(join(cwd, 'secret.txt'), join(out, 'secret.txt'));
      for (const path of ['/planted.txt', '/en/planted/', '/etc/hostname', '/etc/passwd', '/secret.txt'])
        expect(await rawGet(handle.url, path), path).toBe(404);

      // A file the site wrote, replaced by a link to a file outside (or to a folder): refused.
      expect(await rawGet(handle.url, '/assets/charter.css')).toBe(200);
      rmSync(join(out, 'assets', 'charter.css'));
      symlinkSync(join(cwd, 'secret.txt'), join(out, 'assets', 'charter.css'));
      const linked = await send(handle.url, '/assets/charter.css');
      expect(linked.status).toBe(404);
      expect(linked.body).not.toContain('secret');
      // A named pipe in a page's place: refused at once, not waited on.
      rmSync(join(out, 'fi', 'test-unit', 'index.html'));
      execFileSync('mkfifo', [join(out, 'fi', 'test-unit', 'index.html')]);
      expect(await rawGet(handle.url, '/fi/test-unit/')).toBe(404);
      rmSync(join(out, 'en', 'test-unit'), { recursive: true });
      symlinkSync(join(cwd, 'elsewhere'), join(out, 'en', 'test-unit'));
      expect((await send(handle.url, '/en/test-unit/')).status).toBe(404);
      expect(readFileSync(join(cwd, 'elsewhere', 'index.html'), 'utf8')).toBe('<p>elsewhere</p>');
    } finally {
      await handle.close();
    }
  });

  it('writes the whole site again, with its marker, when the output folder is deleted', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, () => undefined);
    const out = join(cwd, '_site');
    try {
      // Deleted: the next request writes it again and is answered.
      rmSync(out, { recursive: true });
      const page = await get(`${handle.url}en/test-unit/`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Test Unit');
      expect(existsSync(join(out, '.charter-site'))).toBe(true);
      expect(existsSync(join(out, 'fi', 'test-unit', 'index.html'))).toBe(true);

      // Deleted again: so does the next rebuild.
      rmSync(out, { recursive: true });
      await handle.rebuild();
      expect(existsSync(join(out, '.charter-site'))).toBe(true);
      expect(existsSync(join(out, 'assets', 'charter.css'))).toBe(true);

      // Only the marker deleted: the folder is still this run's, so it is written again with its marker.
      rmSync(join(out, '.charter-site'));
      await handle.rebuild();
      expect(existsSync(join(out, '.charter-site'))).toBe(true);
      expect((await get(`${handle.url}en/test-unit/`)).status).toBe(200);
    } finally {
      await handle.close();
    }
    // A later build accepts the folder serve wrote.
    expect((await buildSite({ cwd, today: '2026-11-23', search: false })).ok).toBe(true);
  });

  it('leaves alone a folder that took the place of its output folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, search: false, watch: false }, (event) => events.push(event));
    const out = join(cwd, '_site');
    try {
      rmSync(out, { recursive: true });
      mkdirSync(join(out, 'en', 'test-unit'), { recursive: true });
      writeFileSync(join(out, 'notes.txt'), 'mine');
      writeFileSync(join(out, 'en', 'test-unit', 'index.html'), '<p>not built here</p>');
      expect(await rawGet(handle.url, '/en/test-unit/')).toBe(404);
      await handle.rebuild();
      expect(events.at(-1)).toMatchObject({ type: 'failed', message: expect.stringMatching(/refusing to replace _site/) as string });
      expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
      expect(await rawGet(handle.url, '/notes.txt')).toBe(404);
      expect(await rawGet(handle.url, '/en/test-unit/')).toBe(404);
    } finally {
      await handle.close();
    }
  });

  it('serves the search index it wrote', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, watch: false }, (event) => events.push(event));
    try {
      await waitFor(() => events.some((event) => event.type === 'indexed' || event.type === 'failed'), 30_000);
      expect(events.map((event) => event.type)).toEqual(['built', 'indexed']);
      expect((await get(`${handle.url}en/pagefind/pagefind.js`)).status).toBe(200);
      expect((await get(`${handle.url}charters.json`)).body).toContain('test-unit');
    } finally {
      await handle.close();
    }
  }, 60_000);
});

describe('charter serve after it is closed', () => {
  it('builds, indexes and reports nothing more', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0 }, (event) => events.push(event));
    await handle.close();
    writeFileSync(join(cwd, 'charters', 'unit.yaml'), edit(VALID_UNIT, 'en: Test Unit }', 'en: Closed Unit }'));
    await handle.rebuild();
    await handle.close();
    await sleep(2500);
    expect(events.map((event) => event.type)).toEqual(['built']);
    expect(readFileSync(join(cwd, '_site', 'en', 'test-unit', 'index.html'), 'utf8')).not.toContain('Closed Unit');
    expect(existsSync(join(cwd, '_site', 'charters.json'))).toBe(false);
  });
});

describe('charter serve watches what the site is made from', () => {
  it('watches the charters folder it was given, the theme and the contact logs', async () => {
    const cwd = writeTree({
      'docs/charters/unit.yaml': VALID_UNIT,
      'theme/site.css': 'body { color: black; }',
      'logs/events.csv': 'charter,channel,commitment,start,end\n',
    });
    const events: ServeEvent[] = [];
    const handle = await serveSite(
      {
        cwd,
        today: '2026-11-23',
        port: 0,
        search: false,
        patterns: ['docs/charters'],
        css: 'theme/site.css',
        events: { logs: ['logs/events.csv'], asOf: new Date('2026-11-23T12:00:00Z') },
      },
      (event) => events.push(event),
    );
    try {
      const changes: [string, () => void][] = [
        ['a charter', () => writeFileSync(join(cwd, 'docs', 'charters', 'unit.yaml'), edit(VALID_UNIT, 'en: Test Unit }', 'en: Watched Unit }'))],
        [
          'the stylesheet, replaced',
          () => {
            writeFileSync(join(cwd, 'theme', '.site.css.tmp'), 'body { color: navy; }');
            renameSync(join(cwd, 'theme', '.site.css.tmp'), join(cwd, 'theme', 'site.css'));
          },
        ],
        ['a contact log', () => writeFileSync(join(cwd, 'logs', 'events.csv'), 'charter,channel,commitment,start,end\n\n')],
      ];
      for (const [what, change] of changes) {
        const seen = events.length;
        change();
        await waitFor(() => events.length > seen);
        expect(
          events.slice(seen).map((event) => event.type),
          what,
        ).toContain('built');
        await sleep(300); // let this change's events settle before the next
      }
      expect((await get(`${handle.url}en/test-unit/`)).body).toContain('Watched Unit');
      expect((await get(`${handle.url}assets/theme/site.css`)).body).toContain('navy');
    } finally {
      await handle.close();
    }
  });

  it('does not rebuild for its own writes when the output folder is inside a watched folder', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const events: ServeEvent[] = [];
    const handle = await serveSite({ cwd, today: '2026-11-23', port: 0, out: 'charters/_out' }, (event) => events.push(event));
    try {
      await waitFor(() => events.some((event) => event.type === 'indexed' || event.type === 'failed'), 30_000);
      expect(events.map((event) => event.type)).toEqual(['built', 'indexed']);
      await sleep(3000);
      expect(events.map((event) => event.type)).toEqual(['built', 'indexed']);
      // Files that cannot change the site do not rebuild it either.
      writeFileSync(join(cwd, 'charters', 'notes.txt'), 'notes');
      writeFileSync(join(cwd, 'charters', '.unit.yaml.swp'), 'swap');
      await sleep(1000);
      expect(events.map((event) => event.type)).toEqual(['built', 'indexed']);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

async function canListenOn(host: string): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(0, host, () => server.close(() => resolve(true)));
  });
}
