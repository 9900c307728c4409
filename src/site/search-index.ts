import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { registerCleanup } from '../util/cleanup.js';
import type { SiteWriter } from './site-writer.js';

/** Where a language's search index lives in the site. */
function searchIndexFolder(lang: string): string {
  return `${lang}/pagefind/`;
}

/** Whether a site path is a file of some language's search index. */
export function isSearchIndexFile(path: string): boolean {
  return /^[^/]+\/pagefind\//.test(path);
}

/**
 * One Pagefind index per language, written to `<lang>/pagefind/` in the site,
 * so a reader's search downloads only their language, stemmed for it (Finnish
 * and Swedish included). Pagefind reads the written pages in `site` itself,
 * which is much faster than handing them over one by one. Only charter pages
 * are indexed, and within them what carries `data-pagefind-body`: every
 * section, with only the page's own controls and navigation
 * (`data-pagefind-ignore`) left out.
 *
 * Pagefind runs as its command-line program, once per language, one after
 * the other: its Node API (a long-lived `--service` process fed over a pipe)
 * spent about 13% more CPU time on the same 3,000 pages and wrote the same
 * index (bench/README.md); at once was slower in wall time on two cores.
 *
 * Without `writer`, Pagefind writes the index files straight into `site`,
 * which must be a folder only this run writes to (the build's staging folder).
 * With one (`charter serve`), Pagefind writes into a private temporary folder
 * and every file is then copied through `writer`, so that `serve` knows every
 * file it wrote and nothing planted in the served folder is written through.
 * Returns the site paths written.
 */
export async function writeSearchIndexes(site: string, languages: readonly string[], writer?: SiteWriter): Promise<string[]> {
  // Absolute: Pagefind runs in a folder of its own.
  const outDir = resolve(site);
  // An empty working folder of its own: Pagefind would read a pagefind.yml (or .json, .toml) found where it runs.
  const workFolder = await mkdtemp(join(tmpdir(), 'charter-search-'));
  const written: string[] = [];
  let running: ChildProcess | undefined;
  // A run stopped midway stops Pagefind (and removes the work folder) too.
  const cleanUp = async (): Promise<void> => {
    running?.kill();
    await rm(workFolder, { recursive: true, force: true });
  };
  const unregister = registerCleanup(cleanUp);
  try {
    for (const lang of languages) {
      const folder = writer ? join(workFolder, lang, 'pagefind') : join(outDir, lang, 'pagefind');
      // Charter pages sit one level down (/fi/<id>/); the glob skips cards and other pages unread.
      const args = ['--site', outDir, '--glob', `${lang}/*/index.html`, '--force-language', lang, '--output-path', folder, '--silent'];
      await runPagefind(args, workFolder, (child) => (running = child));
      for (const file of await filesUnder(folder)) {
        const path = `${searchIndexFolder(lang)}${file}`;
        if (writer) await writer.copy(join(folder, ...file.split('/')), path);
        written.push(path);
      }
    }
  } finally {
    unregister();
    await cleanUp();
  }
  return written;
}

/**
 * The Pagefind program, found as its own Node API and `npx pagefind` find it
 * (the platform package's binary, `pagefind_extended` first). Run directly, so
 * that stopping it stops the indexer itself.
 */
async function pagefindProgram(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath: (names: readonly string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * Runs Pagefind with `args` to its end, in `cwd`. Settings it would read from
 * the environment (`PAGEFIND_*`) are left out, so the index is the same
 * wherever charter runs. Fails with Pagefind's own message.
 */
async function runPagefind(args: readonly string[], cwd: string, started: (child: ChildProcess) => void): Promise<void> {
  const program = await pagefindProgram();
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^PAGEFIND_/i.test(name)));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true });
    started(child);
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (errors = `${errors}${text}`.slice(-4000)));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) return resolve();
      // Its message on one line, without colour codes or other control characters (it may reach a terminal).
      const said = errors
        .replace(/\u001b\[[0-9;]*[A-Za-z]/g, '')
        .replace(/[\s\u0000-\u001f\u007f-\u009f]+/g, ' ')
        .trim();
      reject(new Error(`search index: Pagefind ${signal ? `stopped (${signal})` : `exited ${code}`}${said ? `: ${said}` : ''}`));
    });
  });
}

/** Every file under `folder`, as '/'-separated paths relative to it. */
async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'));
}
