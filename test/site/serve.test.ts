import { readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** A raw request, so that `..` reaches the server unnormalized. */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ hostname, port, path, method: 'GET' }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    sent.on('error', reject);
    sent.end();
  });
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
