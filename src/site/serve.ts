import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { InputError } from '../load/find-files.js';
import type { FileResult } from '../model/diagnostic.js';
import { packageRoot } from '../util/package-info.js';
import { DEFAULT_OUT, type BuildOptions } from './build.js';
import { IncrementalSite, type UpdateResult } from './incremental.js';
import { readThemeFiles, siteInputs } from './inputs.js';
import { writeSearchIndexes } from './search-index.js';
import { normalizeBase } from './base-path.js';
import { isLoopbackName } from './loopback.js';
import { screenRequest } from './serve-requests.js';

export interface ServeOptions extends BuildOptions {
  readonly port?: number;
  /** A loopback address or name to listen on (default 127.0.0.1); others are refused. */
  readonly host?: string;
  /** Folders to watch besides the charters folder and the templates. */
  readonly watchFolders?: readonly string[];
  /** Watch files and rebuild on change (default true); without, call rebuild(). */
  readonly watch?: boolean;
}

export type ServeEvent =
  | { readonly type: 'built'; readonly result: Extract<UpdateResult, { ok: true }>; readonly milliseconds: number }
  | { readonly type: 'indexed'; readonly milliseconds: number }
  | { readonly type: 'invalid'; readonly results: FileResult[] }
  | { readonly type: 'failed'; readonly message: string };

export interface ServeHandle {
  readonly url: string;
  /** Rebuilds now (as a file change would); resolves when done. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const LIVE_PATH = '/__charter/';
/** How long after the last rebuild the search index is rebuilt. */
const SEARCH_INDEX_DELAY = 1500;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};
/** On every response: no guessing of types, no reading from other sites' pages. */
const SAFE_HEADERS = { 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin', 'cache-control': 'no-store' };
const NOT_FOUND_PAGE = '<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>';

/**
 * Builds the site, serves it to this computer only, and rebuilds when a
 * charter, a template or the theme changes; only what changed is rendered
 * again (see IncrementalSite). A charter that becomes invalid is reported (to
 * `onEvent`, and on open pages) while the last good site stays up. A host
 * that is not this computer, or a port in use, rejects.
 */
export async function serveSite(options: ServeOptions, onEvent: (event: ServeEvent) => void): Promise<ServeHandle> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopbackName(host)) {
    throw new InputError(
      `--host ${host}: charter serve is a preview for this computer only (localhost, 127.0.0.1 or ::1); to share the guide, run charter build and put the output folder on any web server`,
    );
  }
  const out = resolve(options.cwd, options.out ?? DEFAULT_OUT);
  const base = normalizeBase(options.base);
  // As for `build`: a missing or unusable --css/--logo is a usage error before anything starts.
  readThemeFiles(siteInputs(options), options.cwd);
  const clients = new Set<ServerResponse>();
  let problems: string[] = [];

  const broadcast = (event: string, data: unknown): void => {
    for (const client of clients) if (!client.writableEnded) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const site = new IncrementalSite(options);

  // The search index (and charters.json) take seconds for a large collection:
  // write them after the pages, once changes have settled, so a page reloads at once.
  let indexTimer: NodeJS.Timeout | undefined;
  let indexing: Promise<void> = Promise.resolve();
  const scheduleSearchIndex = (languages: readonly string[]): void => {
    clearTimeout(indexTimer);
    indexTimer = setTimeout(() => {
      indexing = indexing.then(async () => {
        const started = performance.now();
        try {
          await site.writeDeferred();
          if (options.search === false) return;
          await writeSearchIndexes(site.outDir, languages);
          onEvent({ type: 'indexed', milliseconds: performance.now() - started });
        } catch (error) {
          onEvent({ type: 'failed', message: `search index: ${error instanceof Error ? error.message : String(error)}` });
        }
      });
    }, SEARCH_INDEX_DELAY);
  };

  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const started = performance.now();
        try {
          const result = await site.update();
          if (result.ok) {
            problems = [];
            onEvent({ type: 'built', result, milliseconds: performance.now() - started });
            broadcast('reload', {});
            scheduleSearchIndex(result.languages);
          } else {
            problems = describe(result.results);
            onEvent({ type: 'invalid', results: result.results });
            broadcast('problems', problems);
          }
        } catch (error) {
          problems = [error instanceof Error ? error.message : String(error)];
          onEvent({ type: 'failed', message: problems[0] as string });
          broadcast('problems', problems);
        }
      } while (again);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  await rebuild();

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, SAFE_HEADERS);
      response.end();
    });
  });
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const screened = screenRequest(request);
    if ('status' in screened) {
      response.writeHead(screened.status, {
        ...SAFE_HEADERS,
        'content-type': 'text/plain; charset=utf-8',
        ...(screened.status === 405 ? { allow: 'GET, HEAD' } : {}),
      });
      response.end(`${screened.message}\n`);
      return;
    }
    const { path } = screened;
    if (path === `${LIVE_PATH}events`) {
      response.writeHead(200, { ...SAFE_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      if (request.method === 'HEAD') {
        response.end();
        return;
      }
      response.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
      clients.add(response);
      response.on('close', () => clients.delete(response));
      return;
    }
    if (path === `${LIVE_PATH}live.js`) {
      const script = await readFile(join(packageRoot(), 'site', 'serve', 'live.js'));
      response.writeHead(200, { ...SAFE_HEADERS, 'content-type': CONTENT_TYPES['.js'] as string });
      response.end(script);
      return;
    }
    // A site built for a sub-path is served under it; the server root leads there.
    if (!path.startsWith(base)) {
      if (path === '/') {
        response.writeHead(302, { ...SAFE_HEADERS, location: base });
        response.end();
        return;
      }
      notFound(response);
      return;
    }
    const file = await resolveFile(out, path.slice(base.length - 1));
    if (!file) {
      notFound(response);
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const body = await readFile(file);
    response.writeHead(200, { ...SAFE_HEADERS, 'content-type': type });
    response.end(type.startsWith('text/html') ? injectLiveScript(body.toString('utf8')) : body);
  };

  const port = await listen(server, host, options.port ?? 8080).catch(async (error: unknown) => {
    clearTimeout(indexTimer);
    await indexing;
    throw error;
  });

  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const onChange = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), 80);
  };
  const folders = [
    resolve(options.cwd, options.root ?? 'charters'),
    join(packageRoot(), 'templates'),
    join(packageRoot(), 'site', 'assets'),
    ...(options.templates ? [resolve(options.cwd, options.templates)] : []),
    ...(options.watchFolders ?? []).map((folder) => resolve(options.cwd, folder)),
  ];
  for (const folder of options.watch === false ? [] : new Set(folders)) {
    if (!(await stat(folder).then((info) => info.isDirectory(), () => false))) continue;
    await watchTree(folder, watchers, onChange);
  }
  for (const file of options.watch === false ? [] : [options.css, options.logo]) {
    if (file) watchers.push(watch(resolve(options.cwd, file), onChange));
  }

  return {
    url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}${base}`,
    rebuild,
    async close() {
      clearTimeout(timer);
      clearTimeout(indexTimer);
      await indexing;
      for (const watcher of watchers) watcher.close();
      for (const client of clients) client.end();
      await running;
      await new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      });
    },
  };
}

/** Listens, or rejects with a usage problem that says what to do; resolves to the port. */
async function listen(server: ReturnType<typeof createServer>, host: string, port: number): Promise<number> {
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} is in use; stop what uses it or choose another --port`
          : error.code === 'EACCES'
            ? `port ${port} needs special rights; choose a --port from 1024 up`
            : `cannot listen on ${host}: ${error.code ?? error.message}`;
      rejectListen(new InputError(reason));
    });
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/**
 * Watches a folder and its subfolders, one watcher per folder. (Node 20's
 * recursive watching on Linux loses a file that an editor or git replaces.)
 * A new subfolder is watched when it appears.
 */
async function watchTree(folder: string, watchers: FSWatcher[], onChange: () => void): Promise<void> {
  const watched = new Set<string>();
  const add = async (directory: string): Promise<void> => {
    if (watched.has(directory)) return;
    watched.add(directory);
    try {
      watchers.push(
        watch(directory, (event) => {
          onChange();
          if (event === 'rename') void scan(directory);
        }),
      );
    } catch {
      watched.delete(directory);
      return;
    }
    await scan(directory);
  };
  const scan = async (directory: string): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules') await add(join(directory, entry.name));
    }
  };
  await add(folder);
}

/** A file inside the output folder for a URL path; never outside it. */
async function resolveFile(out: string, urlPath: string): Promise<string | undefined> {
  const candidate = resolve(out, `.${urlPath}`);
  if (candidate !== out && !candidate.startsWith(`${out}${sep}`)) return undefined;
  const info = await stat(candidate).catch(() => undefined);
  if (info?.isFile()) return candidate;
  if (info?.isDirectory()) {
    const index = join(candidate, 'index.html');
    if (await stat(index).then((found) => found.isFile(), () => false)) return index;
  }
  return undefined;
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { ...SAFE_HEADERS, 'content-type': CONTENT_TYPES['.html'] as string });
  response.end(injectLiveScript(NOT_FOUND_PAGE));
}

function injectLiveScript(html: string): string {
  const tag = `<script src="${LIVE_PATH}live.js" defer></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}</body>`) : `${html}${tag}`;
}

function describe(results: readonly FileResult[]): string[] {
  return results.flatMap((result) =>
    result.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => `${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message} (${diagnostic.ruleId})`),
  );
}
