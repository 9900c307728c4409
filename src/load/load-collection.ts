import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { isPlainObject, type Locator, type ResolvedCharter } from '../model/charter.js';
import { decodeUtf8 } from './decode.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { mergeWithBaseline } from './merge.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';

/** The file access the loader needs; tests and `serve` can supply their own. */
export interface CharterFileSystem {
  /**
   * Reads a whole file, unless it is larger than `maxBytes` (then only its size
   * comes back, so a huge file is never loaded) or not a regular file (a FIFO,
   * a device: then what it is, in words, and it is never waited on). Rejects
   * with an error carrying `code` (ENOENT, EACCES…) on failure.
   */
  readFile(absolutePath: string, maxBytes: number): Promise<FileRead>;
  /** Resolves symbolic links, so that a link cannot lead out of the charters folder. */
  realpath(absolutePath: string): Promise<string>;
}

/** `realPath`: the file read, links followed (it must be inside the charters folder); `realpath()` is asked when absent. */
export type FileRead =
  | { readonly bytes: Uint8Array; readonly realPath?: string }
  | { readonly tooLarge: number; readonly realPath?: string }
  | { readonly notRegular: string; readonly realPath?: string };

export interface LoadOptions {
  /** The charters folder: `extends` may not leave it. */
  readonly root: string;
  /** Working folder, for showing paths relative to it. */
  readonly cwd: string;
  readonly fileSystem: CharterFileSystem;
  readonly limits?: LoadLimits;
  /** Read clean-looking files with the fast parser (default true); see fast-parse.ts. */
  readonly fastPath?: boolean;
  /**
   * Parsed files of an earlier load (`charter serve` keeps one): a file whose
   * text has not changed is not parsed again, and keeps its source object.
   */
  readonly parseCache?: ParseCache;
}

export type ParseCache = Map<string, { readonly text: string; readonly source: YamlSource; readonly diagnostics: readonly Diagnostic[] }>;

export interface LoadedCollection {
  /** Every file that parsed to a map, including baselines reached through `extends`. */
  readonly charters: readonly ResolvedCharter[];
  /** Problems found while reading, parsing and resolving. */
  readonly diagnostics: readonly Diagnostic[];
  /** Files shown to the user, in input order (for per-file output such as JUnit). */
  readonly files: readonly string[];
}

interface ParsedFile {
  readonly absolutePath: string;
  readonly file: string;
  readonly source: YamlSource | undefined;
}

/** Files read at once: enough to hide disk latency, few enough to stay under open-file limits. */
const READ_CONCURRENCY = 32;

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** A file whose name starts with `_` is a baseline: partial, and not published. */
export function isBaselineFile(path: string): boolean {
  return basename(path).startsWith('_');
}

/**
 * Loads charter files and the baselines they extend. Never throws for problems
 * in the files themselves; those come back as diagnostics.
 */
export async function loadCollection(absolutePaths: readonly string[], options: LoadOptions): Promise<LoadedCollection> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const diagnostics: Diagnostic[] = [];
  const parsed = new Map<string, Promise<ParsedFile>>();
  const display = (absolutePath: string): string => displayPath(absolutePath, options.cwd);
  const rootReal = await options.fileSystem.realpath(options.root).catch(() => resolve(options.root));
  const folder: ChartersFolder = { real: rootReal, lexical: resolve(options.root), display };

  const parseFile = (absolutePath: string): Promise<ParsedFile> => {
    let pending = parsed.get(absolutePath);
    if (!pending) {
      pending = readAndParse(absolutePath, display(absolutePath), folder, options.fileSystem, limits, options.fastPath ?? true, diagnostics, options.parseCache);
      parsed.set(absolutePath, pending);
    }
    return pending;
  };

  const resolved = new Map<string, Promise<ResolvedCharter | undefined>>();
  const resolveCharter = (absolutePath: string, chain: readonly string[]): Promise<ResolvedCharter | undefined> => {
    let pending = resolved.get(absolutePath);
    if (!pending) {
      pending = resolveOne(absolutePath, chain);
      resolved.set(absolutePath, pending);
    }
    return pending;
  };

  const resolveOne = async (absolutePath: string, chain: readonly string[]): Promise<ResolvedCharter | undefined> => {
    const file = await parseFile(absolutePath);
    const source = file.source;
    if (!source || !isPlainObject(source.data)) {
      if (source && source.data !== undefined) {
        const { range } = source.locate([]);
        diagnostics.push(fileDiagnostic(file.file, 'yaml-syntax', 'a charter must be a map of keys (`charter: 1`, `id: ...`), not a list or a single value', range.start.line, range.start.column));
      }
      return undefined;
    }
    const own = source.data;
    const ownLocate: Locator = (path, target) => ({ file: file.file, ...source.locate(path, target) });
    const base: Base = { charter: undefined, incomplete: false };
    if (own.extends !== undefined) {
      Object.assign(base, await resolveBaseline(file, own.extends, [...chain, absolutePath]));
    }
    const baseline = base.charter;
    const merged = baseline
      ? mergeWithBaseline(baseline.data as Record<string, unknown>, baseline.locate, own, ownLocate)
      : { data: own, locate: ownLocate };
    return {
      file: file.file,
      absolutePath,
      isBaseline: isBaselineFile(absolutePath),
      source,
      data: merged.data,
      baseline,
      incomplete: base.incomplete || (baseline?.incomplete ?? false),
      locate: merged.locate,
    };
  };

  interface Base {
    charter: ResolvedCharter | undefined;
    incomplete: boolean;
  }

  const resolveBaseline = async (file: ParsedFile, target: unknown, chain: readonly string[]): Promise<Base> => {
    const source = file.source as YamlSource;
    const report = (message: string): Base => {
      const { range } = source.locate(['extends']);
      diagnostics.push(fileDiagnostic(file.file, 'extends-resolve', message, range.start.line, range.start.column, ['extends']));
      return { charter: undefined, incomplete: true };
    };
    // The schema reports a badly typed `extends`; nothing to resolve then.
    if (typeof target !== 'string' || target.trim() === '') return { charter: undefined, incomplete: true };
    if (isAbsolute(target) || /^[a-z][a-z0-9+.-]*:/i.test(target)) {
      return report(`\`extends\` must be a path relative to this file, inside the charters folder; \`${target}\` is not`);
    }
    const targetPath = resolve(dirname(file.absolutePath), target);
    const targetReal = await options.fileSystem.realpath(targetPath).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (typeof targetReal !== 'string') {
      return report(
        targetReal.code === 'ENOENT'
          ? `the baseline \`${target}\` does not exist (looked for ${display(targetPath)})`
          : `the baseline \`${target}\` cannot be read: ${targetReal.code ?? targetReal.message}`,
      );
    }
    if (!isInside(rootReal, targetReal)) {
      return report(`the baseline \`${target}\` is outside the charters folder ${display(options.root)}; keep baselines inside it`);
    }
    if (chain.includes(targetPath)) {
      const cycle = [...chain.slice(chain.indexOf(targetPath)), targetPath].map((path) => basename(path)).join(' → ');
      return report(`\`extends\` makes a cycle (${cycle}); a baseline cannot extend the files that extend it`);
    }
    const charter = await resolveCharter(targetPath, chain);
    if (!charter) return { charter: undefined, incomplete: true };
    return { charter, incomplete: false };
  };

  // Read and parse every input concurrently (reads overlap with parsing), then
  // resolve `extends` one file at a time, which keeps cycle detection simple.
  const reads = new Semaphore(READ_CONCURRENCY);
  await Promise.all(absolutePaths.map((absolutePath) => reads.run(() => parseFile(absolutePath))));

  const charters: ResolvedCharter[] = [];
  const seen = new Set<string>();
  for (const absolutePath of absolutePaths) {
    const charter = await resolveCharter(absolutePath, []);
    if (charter && !seen.has(charter.absolutePath)) {
      seen.add(charter.absolutePath);
      charters.push(charter);
    }
  }
  // Baselines reached only through `extends` are checked too, so their own mistakes show.
  for (const pending of resolved.values()) {
    const charter = await pending;
    if (charter && !seen.has(charter.absolutePath)) {
      seen.add(charter.absolutePath);
      charters.push(charter);
    }
  }
  // Inputs in their order, then the baselines they reached, sorted.
  const inputs = new Set(absolutePaths);
  const reached = [...parsed.keys()].filter((path) => !inputs.has(path)).sort();
  const files = [...inputs, ...reached].map(display);
  return { charters, diagnostics, files };
}

/** The charters folder: links resolved (for containment) and as given (to tell a link from a file outside). */
interface ChartersFolder {
  readonly real: string;
  readonly lexical: string;
  /** Shows a path as messages do (relative to the working folder). */
  readonly display: (absolutePath: string) => string;
}

async function readAndParse(
  absolutePath: string,
  file: string,
  folder: ChartersFolder,
  fileSystem: CharterFileSystem,
  limits: LoadLimits,
  fast: boolean,
  diagnostics: Diagnostic[],
  cache?: ParseCache,
): Promise<ParsedFile> {
  const none = { absolutePath, file, source: undefined };
  let bytes: Uint8Array;
  try {
    const read = await fileSystem.readFile(absolutePath, limits.maxFileBytes);
    const realPath = 'notRegular' in read ? read.realPath : (read.realPath ?? (await fileSystem.realpath(absolutePath)));
    if (realPath !== undefined && !isInside(folder.real, realPath)) {
      diagnostics.push(fileDiagnostic(file, 'file-read', outsideMessage(absolutePath, realPath, folder), 1, 1));
      return none;
    }
    if ('notRegular' in read) {
      diagnostics.push(fileDiagnostic(file, 'file-read', `this is not a regular file but ${read.notRegular}, or a link to one; a charter must be a plain YAML file`, 1, 1));
      return none;
    }
    if ('tooLarge' in read) {
      diagnostics.push(
        fileDiagnostic(file, 'yaml-limits', `the file is ${formatBytes(read.tooLarge)}, over the ${formatBytes(limits.maxFileBytes)} limit for a charter; split it into smaller files`, 1, 1),
      );
      return none;
    }
    bytes = read.bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    diagnostics.push(fileDiagnostic(file, 'file-read', `the file cannot be read (${code ?? (error as Error).message})`, 1, 1));
    return none;
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    diagnostics.push(fileDiagnostic(file, 'file-encoding', decoded.message, decoded.position.line, decoded.position.column));
    return none;
  }
  const cached = cache?.get(absolutePath);
  if (cached && cached.text === decoded.text && cached.source.file === file) {
    diagnostics.push(...cached.diagnostics);
    return { absolutePath, file, source: cached.source };
  }
  const { source, diagnostics: found } = parseYamlSource(file, decoded.text, limits, { fast });
  diagnostics.push(...found);
  cache?.set(absolutePath, { text: decoded.text, source, diagnostics: found });
  return { absolutePath, file, source };
}

/** A file read through a link that leaves the charters folder, or named outside it with `--root`. */
function outsideMessage(absolutePath: string, realPath: string, folder: ChartersFolder): string {
  const shown = folder.display(folder.lexical);
  return isInside(folder.lexical, absolutePath)
    ? `this is a link to ${folder.display(realPath)}, outside the charters folder ${shown}, so it was not read; keep charters inside that folder (copy it in, or give --root a folder that holds both)`
    : `the file is outside the charters folder ${shown}, so it was not read; move it in, or give --root a folder that holds both`;
}

function fileDiagnostic(file: string, ruleId: string, message: string, line: number, column: number, path: JsonPath = []): Diagnostic {
  return { ruleId, severity: 'error', message, file, line, column, path };
}

export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (!fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder));
}

/** Shows a path relative to the working folder when it is inside it. */
export function displayPath(absolutePath: string, cwd: string): string {
  return isInside(cwd, absolutePath) ? relative(cwd, absolutePath) || '.' : absolutePath;
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  return `${bytes.toLocaleString('en-GB')} bytes`;
}
