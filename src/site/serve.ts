import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { globBase, InputError, isGlobPattern } from '../load/find-files.js';
import { oneLine } from '../format/shared.js';
import type { FileResult } from '../model/diagnostic.js';
import { MessageError } from '../messages/message-error.js';
import { message, renderMessage, type MessageRef, type MessageValue } from '../messages/message.js';
import { packageRoot } from '../util/package-info.js';
import type { BuildOptions } from './build.js';
import { IncrementalSite, type UpdateResult } from './incremental.js';
import { assetFolders, readThemeFiles, siteInputs } from './inputs.js';
import { isLoopbackName } from './loopback.js';
import { siteAddress } from './base-path.js';
import { screenRequest } from './serve-requests.js';
import { answerLocale, notFoundPage } from './serve-answers.js';
import { watchForChanges, type WatchPlan, type Watching } from './watch.js';

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
  /** `message` in English; `text` to say it in the user's language. */
  | { readonly type: 'failed'; readonly message: string; readonly text: MessageRef };

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

/**
 * Builds the site, serves it to this computer only, and rebuilds when a
 * charter, a template, the theme or a contact log changes; only what changed
 * is rendered again (see IncrementalSite). A charter that becomes invalid is
 * reported (to `onEvent`, and on open pages) while the last good site stays
 * up. Only files the site wrote in this run are served. Unusable options (a
 * host that is not this computer, an output folder that is refused, broken
 * templates, unreadable logs, a port in use) reject before anything is served.
 */
export async function serveSite(options: ServeOptions, onEvent: (event: ServeEvent) => void): Promise<ServeHandle> {
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopbackName(host)) {
    throw new InputError(message('cli.serve.host-not-local', { host }));
  }
  const { base } = siteAddress(options);
  // As for `build`: a missing or unusable --css/--logo is a usage error before anything starts.
  readThemeFiles(siteInputs(options), options.cwd);
  const clients = new Set<ServerResponse>();
  let problems: string[] = [];
  let closed = false;

  const broadcast = (event: string, data: unknown): void => {
    for (const client of clients) if (!client.writableEnded) client.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const site = new IncrementalSite(options);
  const failed = (text: MessageRef): void => onEvent({ type: 'failed', message: renderMessage(text, 'en'), text });

  // The search index (and charters.json) take seconds for a large collection:
  // write them after the pages, once changes have settled, so a page reloads at once.
  let indexTimer: NodeJS.Timeout | undefined;
  let indexing: Promise<void> = Promise.resolve();
  const scheduleSearchIndex = (): void => {
    clearTimeout(indexTimer);
    if (closed) return;
    indexTimer = setTimeout(() => {
      indexing = indexing.then(async () => {
        if (closed) return;
        const started = performance.now();
        try {
          await site.writeDeferred(options.search !== false);
          if (options.search !== false) onEvent({ type: 'indexed', milliseconds: performance.now() - started });
        } catch (error) {
          failed(message('cli.serve.search-index-failed', { problem: problemOf(error) }));
        }
      });
    }, SEARCH_INDEX_DELAY);
  };

  const update = async (): Promise<void> => {
    const started = performance.now();
    const result = await site.update();
    if (result.ok) {
      problems = [];
      onEvent({ type: 'built', result, milliseconds: performance.now() - started });
      broadcast('reload', {});
      scheduleSearchIndex();
    } else {
      problems = describe(result.results);
      onEvent({ type: 'invalid', results: result.results });
      broadcast('problems', problems);
    }
  };

  let running: Promise<void> | undefined;
  let again = false;
  const rebuild = async (): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await update();
        } catch (error) {
          problems = [oneLine(messageOf(error))];
          failed(message('cli.serve.failed', { problem: problemOf(error) }));
          broadcast('problems', problems);
        }
      } while (again && !closed);
    })();
    try {
      await running;
    } finally {
      running = undefined;
    }
  };

  const stopBuilding = async (): Promise<void> => {
    closed = true;
    clearTimeout(indexTimer);
    await running;
    clearTimeout(indexTimer);
    await indexing;
    await site.close();
  };

  // Usage problems on the first build end serve before it listens: nothing it did not build is ever served.
  try {
    await update();
  } catch (error) {
    await stopBuilding();
    throw error;
  }

  /** The page for an address with nothing built at it, in the language of the address or the browser, leading to that language's front page. */
  const notFound = (request: IncomingMessage, response: ServerResponse, path: string): void => {
    const locale = answerLocale(path.startsWith(base) ? path.slice(base.length) : undefined, request.headers['accept-language']);
    const frontPage = site.hasFile(`${locale}/index.html`) ? `${base}${locale}/` : base;
    response.writeHead(404, { ...SAFE_HEADERS, 'content-type': CONTENT_TYPES['.html'] as string });
    response.end(injectLiveScript(notFoundPage(locale, frontPage)));
  };

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
      response.end(`${renderMessage(screened.message, answerLocale(undefined, request.headers['accept-language']))}\n`);
      return;
    }
    const { path } = screened;
    if (path === `${LIVE_PATH}events`) {
      response.writeHead(200, { ...SAFE_HEADERS, 'content-type': 'text/event-stream', connection: 'keep-alive' });
      if (request.method === 'HEAD' || closed) {
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
      notFound(request, response, path);
      return;
    }
    const file = fileForPath(site, path.slice(base.length));
    if (file === undefined) {
      notFound(request, response, path);
      return;
    }
    let body = await readServed(site, file);
    if (body === 'missing') {
      // The output folder (or a file of it) was deleted: write the whole site again, then answer.
      site.markDamaged();
      await rebuild();
      body = await readServed(site, file);
    }
    if (body === undefined || body === 'missing') {
      notFound(request, response, path);
      return;
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { ...SAFE_HEADERS, 'content-type': type });
    response.end(type.startsWith('text/html') ? injectLiveScript(body.toString('utf8')) : body);
  };

  const port = await listen(server, host, options.port ?? 8080).catch(async (error: unknown) => {
    await stopBuilding();
    throw error;
  });

  let watching: Watching | undefined;
  let timer: NodeJS.Timeout | undefined;
  if (options.watch !== false) {
    watching = await watchForChanges(await watchPlan(options, site), () => {
      clearTimeout(timer);
      if (!closed) timer = setTimeout(() => void rebuild(), 80);
    });
  }

  return {
    url: `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}${base}`,
    rebuild,
    async close() {
      if (closed) return;
      watching?.close();
      clearTimeout(timer);
      await stopBuilding();
      for (const client of clients) client.end();
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
          ? message('cli.serve.port-in-use', { port })
          : error.code === 'EACCES'
            ? message('cli.serve.port-needs-rights', { port })
            : message('cli.serve.cannot-listen', { host, reason: error.code ?? error.message });
      rejectListen(new InputError(reason));
    });
    server.listen(port, host, () => resolveListen());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

/** What to watch: the charters the check used, the paths given, templates, theme, logs; never the output folder. */
async function watchPlan(options: ServeOptions, site: IncrementalSite): Promise<WatchPlan> {
  const inputs = siteInputs(options);
  const charterFolders: string[] = site.root ? [site.root] : [];
  const files: string[] = [];
  for (const pattern of options.patterns ?? []) {
    if (isGlobPattern(pattern)) {
      charterFolders.push(resolve(options.cwd, globBase(pattern)));
      continue;
    }
    const path = resolve(options.cwd, pattern);
    if (
      await stat(path).then(
        (info) => info.isDirectory(),
        () => false,
      )
    )
      charterFolders.push(path);
    else files.push(path);
  }
  return {
    charterFolders,
    folders: [
      inputs.builtInTemplates,
      ...assetFolders(),
      ...(inputs.templateOverrides ? [inputs.templateOverrides] : []),
      ...(options.watchFolders ?? []).map((folder) => resolve(options.cwd, folder)),
    ],
    files: [...files, ...(inputs.css ? [inputs.css] : []), ...(inputs.logo ? [inputs.logo] : []), ...inputs.logs],
    ignored: [site.outDir],
  };
}

/** The site file for a URL path below the base: a file, or a folder's index.html. */
function fileForPath(site: IncrementalSite, path: string): string | undefined {
  const trimmed = path.replace(/\/+$/, '');
  const index = trimmed === '' ? 'index.html' : `${trimmed}/index.html`;
  if (site.hasFile(index)) return index;
  return trimmed !== '' && site.hasFile(trimmed) && !path.endsWith('/') ? trimmed : undefined;
}

async function readServed(site: IncrementalSite, file: string): Promise<Buffer | 'missing' | undefined> {
  const opened = await site.openFile(file);
  if (opened === undefined || opened === 'missing') return opened;
  try {
    return await opened.readFile();
  } finally {
    await opened.close();
  }
}

function injectLiveScript(html: string): string {
  const tag = `<script src="${LIVE_PATH}live.js" defer></script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}</body>`) : `${html}${tag}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What went wrong, as a message where the error has one (to say it in the user's language). */
function problemOf(error: unknown): MessageValue {
  return error instanceof MessageError ? error.text : messageOf(error);
}

/** The errors for the open pages' panel, one line each as the terminal shows them: a file name's or key's overrides never reach the page raw. */
function describe(results: readonly FileResult[]): string[] {
  return results.flatMap((result) =>
    result.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => oneLine(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message} (${diagnostic.ruleId})`)),
  );
}
