import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic, JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import type { Locator, ResolvedCharter } from './resolved-charter.js';
import { internalError } from '../model/internal-error.js';
import { mapConcurrently } from '../util/concurrency.js';
import { findForbiddenCharacters } from './control-characters.js';
import { decodeUtf8 } from './decode.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { mergeWithBaseline } from './merge.js';
import { parseYamlSource, type YamlSource } from './yaml-source.js';
import { systemErrorMessage } from '../util/system-error.js';
import { closestMatch } from '../util/suggest.js';
import { message, type MessageRef, worded } from '../messages/message.js';

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
  /**
   * The names of at most `maxEntries` entries of a folder, for "did you mean"
   * when an `extends` target is missing. Optional: without it, no suggestion.
   */
  listFolder?(absolutePath: string, maxEntries: number): Promise<readonly string[]>;
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
   * Every file the whole run checks, when this load is one batch of it (worker
   * threads): a chain too deep to merge is not followed into those, as their
   * own batch checks them. Defaults to the files given.
   */
  readonly runFiles?: ReadonlySet<string>;
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

/** `work` done once per key: later calls share the first call's promise (kept in `cache`). */
function onceEach<T>(cache: Map<string, Promise<T>>, work: (key: string) => Promise<T>): (key: string) => Promise<T> {
  return (key) => {
    let pending = cache.get(key);
    if (!pending) {
      pending = work(key);
      cache.set(key, pending);
    }
    return pending;
  };
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
  const runFiles = options.runFiles ?? new Set(absolutePaths);

  const parseFile = onceEach(parsed, (absolutePath) => {
    const file = display(absolutePath);
    return readAndParse(absolutePath, file, folder, options.fileSystem, limits, options.fastPath ?? true, diagnostics, options.parseCache).catch(
      (error: unknown): ParsedFile => {
        diagnostics.push(internalError(message('load.internal-error.reading'), file, error));
        return { absolutePath, file, source: undefined };
      },
    );
  });

  const resolved = new Map<string, Promise<ResolvedCharter | undefined>>();
  const resolveCharter = onceEach(resolved, (absolutePath) => resolveOne(absolutePath));

  // Files being resolved, each extended by the one before: inputs are resolved one
  // at a time, so this is the one chain in progress (a Set, so long chains stay linear).
  const inProgress = new Set<string>();

  // A crash while resolving one file is that file's finding; the others still load.
  const resolveOne = (absolutePath: string): Promise<ResolvedCharter | undefined> =>
    resolveUnguarded(absolutePath).catch((error: unknown) => {
      diagnostics.push(internalError(message('load.internal-error.loading'), display(absolutePath), error));
      return undefined;
    });

  const resolveUnguarded = async (absolutePath: string): Promise<ResolvedCharter | undefined> => {
    const file = await parseFile(absolutePath);
    const source = file.source;
    if (!source || !isPlainObject(source.data)) {
      if (source && source.data !== undefined) {
        const { range } = source.locate([]);
        diagnostics.push(fileDiagnostic(file.file, 'yaml-syntax', message('load.file.not-a-map'), range.start.line, range.start.column));
      }
      return undefined;
    }
    const own = source.data;
    const ownLocate: Locator = (path, target) => ({ file: file.file, ...source.locate(path, target) });
    const base: Base = { charter: undefined, incomplete: false };
    if (own.extends !== undefined) {
      inProgress.add(absolutePath);
      try {
        Object.assign(base, await resolveBaseline(file));
      } finally {
        inProgress.delete(absolutePath);
      }
    }
    const baseline = base.charter;
    const merged = baseline ? mergeWithBaseline(baseline.data, baseline.locate, own, ownLocate) : { data: own, locate: ownLocate };
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

  /** Where a file's `extends` leads, or why it leads nowhere (no message: the schema reports a badly typed one). */
  type Target = { readonly path: string } | { readonly problem: MessageRef | undefined };

  /** The YAML files of a folder inside the charters folder (none for one outside), listed once however many targets miss there. */
  const yamlFilesIn = onceEach(new Map<string, Promise<readonly string[]>>(), (absoluteFolder) => listYamlFiles(absoluteFolder, folder, options.fileSystem));

  /** The target of a file's `extends` (undefined without one), found once: depth checks follow chains again. */
  const targetOf = onceEach(new Map<string, Promise<Target | undefined>>(), (absolutePath) => findTarget(absolutePath));

  const findTarget = async (absolutePath: string): Promise<Target | undefined> => {
    const data = (await parseFile(absolutePath)).source?.data;
    if (!isPlainObject(data) || data.extends === undefined) return undefined;
    const target = data.extends;
    if (typeof target !== 'string' || target.trim() === '') return { problem: undefined };
    // A control character (`"_base\0.yaml"`) is reported where it is; no file system could open such a path.
    if (findForbiddenCharacters(target, { crlf: false }).length > 0) return { problem: undefined };
    if (isAbsolute(target) || /^[a-z][a-z0-9+.-]*:/i.test(target)) {
      return { problem: message('load.extends.not-relative', { target }) };
    }
    const targetPath = resolve(dirname(absolutePath), target);
    const targetReal = await options.fileSystem.realpath(targetPath).catch((error: unknown) => error as NodeJS.ErrnoException);
    if (typeof targetReal !== 'string') {
      if (targetReal.code !== 'ENOENT') return { problem: message('load.extends.unreadable', { target, reason: systemErrorMessage(targetReal) }) };
      const suggestion = await siblingSuggestion(absolutePath, target, targetPath, yamlFilesIn);
      const path = display(targetPath);
      return {
        problem:
          suggestion === undefined
            ? message('load.extends.missing', { target, path })
            : message('load.extends.missing-did-you-mean', { target, path, suggestion }),
      };
    }
    if (!isInside(rootReal, targetReal)) {
      return { problem: message('load.extends.outside', { target, folder: display(options.root) }) };
    }
    return { path: targetPath };
  };

  /** A file and the baselines above it, followed up to one step past the depth limit. */
  const chainFrom = async (absolutePath: string): Promise<string[]> => {
    const chain = [absolutePath];
    while (chain.length <= limits.maxExtendsDepth + 1) {
      const target = await targetOf(chain[chain.length - 1] as string);
      if (!target || !('path' in target) || chain.includes(target.path)) break;
      chain.push(target.path);
    }
    return chain;
  };

  const cycles = new Map<string, boolean>();
  /** Whether following `extends` from a file ever comes back to a file already passed (found once per file). */
  const comesBackRound = async (absolutePath: string): Promise<boolean> => {
    const walked = new Set<string>();
    let answer = false;
    for (let current: string | undefined = absolutePath; current !== undefined;) {
      const known = cycles.get(current);
      if (known !== undefined || walked.has(current)) {
        answer = known ?? true;
        break;
      }
      walked.add(current);
      const target = await targetOf(current);
      current = target && 'path' in target ? target.path : undefined;
    }
    for (const path of walked) cycles.set(path, answer);
    return answer;
  };

  const resolveBaseline = async (file: ParsedFile): Promise<Base> => {
    const source = file.source as YamlSource;
    const report = (problem: MessageRef): Base => {
      const { range } = source.locate(['extends']);
      diagnostics.push(fileDiagnostic(file.file, 'extends-resolve', problem, range.start.line, range.start.column, ['extends']));
      return { charter: undefined, incomplete: true };
    };
    const target = await targetOf(file.absolutePath);
    if (!target || !('path' in target)) return target?.problem === undefined ? { charter: undefined, incomplete: true } : report(target.problem);
    if (inProgress.has(target.path)) {
      const chain = [...inProgress];
      const cycle = [...chain.slice(chain.indexOf(target.path)), target.path].map((path) => basename(path)).join(' → ');
      return report(message('load.extends.cycle', { cycle }));
    }
    const above = await chainFrom(target.path);
    if (above.length > limits.maxExtendsDepth) {
      // Too deep to merge. The baseline is still checked, which is how the file where the
      // chain first gets too long (counted from its top) is reached and reported; unless
      // the run checks it anyway, so a long chain costs one resolution per file.
      // A cycle longer than the limit is followed too, to be reported as the cycle it is.
      if (!runFiles.has(target.path) || (await comesBackRound(target.path))) await resolveCharter(target.path);
      if (above.length > limits.maxExtendsDepth + 1) return { charter: undefined, incomplete: true };
      return report(tooDeepMessage([file.absolutePath, ...above], limits.maxExtendsDepth));
    }
    const charter = await resolveCharter(target.path);
    if (!charter) return { charter: undefined, incomplete: true };
    return { charter, incomplete: false };
  };

  // Read and parse every input concurrently (reads overlap with parsing), then
  // resolve `extends` one file at a time, which keeps cycle detection simple.
  await mapConcurrently(absolutePaths, READ_CONCURRENCY, (absolutePath) => parseFile(absolutePath));

  const charters: ResolvedCharter[] = [];
  const seen = new Set<string>();
  for (const absolutePath of absolutePaths) {
    const charter = await resolveCharter(absolutePath);
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
      diagnostics.push(fileDiagnostic(file, 'file-read', message('load.file.not-regular', { kind: kindOfFile(read.notRegular) }), 1, 1));
      return none;
    }
    if ('tooLarge' in read) {
      diagnostics.push(
        fileDiagnostic(
          file,
          'yaml-limits',
          message('load.file.too-large', { size: formatBytes(read.tooLarge), limit: formatBytes(limits.maxFileBytes) }),
          1,
          1,
        ),
      );
      return none;
    }
    bytes = read.bytes;
  } catch (error) {
    diagnostics.push(fileDiagnostic(file, 'file-read', message('load.file.unreadable', { reason: systemErrorMessage(error) }), 1, 1));
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
function outsideMessage(absolutePath: string, realPath: string, folder: ChartersFolder): MessageRef {
  const shown = folder.display(folder.lexical);
  return isInside(folder.lexical, absolutePath)
    ? message('load.file.link-outside', { target: folder.display(realPath), folder: shown })
    : message('load.file.outside', { folder: shown });
}

/** For the file where an `extends` chain first gets longer than the limit, counted from its top. */
function tooDeepMessage(chain: readonly string[], limit: number): MessageRef {
  const names = chain.map((path) => basename(path));
  const shown = names.length > 4 ? [...names.slice(0, 2), '…', ...names.slice(-2)] : names;
  return message('load.extends.too-deep', { max: limit, depth: chain.length - 1, chain: shown.join(' → ') });
}

/** Entries of a folder read for a suggestion: enough for any charters folder, and bounded work for any other. */
const MAX_SUGGESTION_ENTRIES = 2_000;

/**
 * A YAML file beside a missing `extends` target whose name is close to it
 * (`_korsolm.yaml` → `_korsholm.yaml`), written as the charter would write it.
 */
async function siblingSuggestion(
  from: string,
  target: string,
  targetPath: string,
  yamlFilesIn: (absoluteFolder: string) => Promise<readonly string[]>,
): Promise<string | undefined> {
  const wanted = basename(targetPath);
  const names = (await yamlFilesIn(dirname(targetPath))).filter((name) => name !== basename(from));
  const match = closestMatch(wanted, names);
  if (match === undefined) return undefined;
  return (target.endsWith(wanted) ? target.slice(0, target.length - wanted.length) : '') + match;
}

/** The YAML files of a folder, at most MAX_SUGGESTION_ENTRIES entries read; only a folder inside the charters folder is listed. */
async function listYamlFiles(absoluteFolder: string, folder: ChartersFolder, fileSystem: CharterFileSystem): Promise<readonly string[]> {
  if (!fileSystem.listFolder || !isInside(folder.lexical, absoluteFolder)) return [];
  try {
    if (!isInside(folder.real, await fileSystem.realpath(absoluteFolder))) return [];
    return (await fileSystem.listFolder(absoluteFolder, MAX_SUGGESTION_ENTRIES)).filter((name) => /\.ya?ml$/i.test(name));
  } catch {
    return []; // no folder to list: no suggestion
  }
}

/** What `readRegularFile` said a path is, in the reader's language when it is one of the usual kinds. */
function kindOfFile(kind: string): MessageRef | string {
  switch (kind) {
    case 'a folder':
      return message('load.file.kind.folder');
    case 'a FIFO (named pipe)':
      return message('load.file.kind.fifo');
    case 'a device':
      return message('load.file.kind.device');
    case 'a socket':
      return message('load.file.kind.socket');
    case 'a special file':
      return message('load.file.kind.special');
    default:
      return kind;
  }
}

function fileDiagnostic(file: string, ruleId: string, text: MessageRef, line: number, column: number, path: JsonPath = []): Diagnostic {
  return { ruleId, severity: 'error', ...worded(text), file, line, column, path };
}

export function isInside(folder: string, path: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (!fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder));
}

/** Shows a path relative to the working folder when it is inside it. */
export function displayPath(absolutePath: string, cwd: string): string {
  return isInside(cwd, absolutePath) ? relative(cwd, absolutePath) || '.' : absolutePath;
}

function formatBytes(bytes: number): MessageRef {
  if (bytes % (1024 * 1024) === 0) return message('load.size.mebibytes', { size: bytes / 1024 / 1024 });
  return message('load.size.bytes', { count: bytes });
}
