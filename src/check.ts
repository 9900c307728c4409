import { realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic, FileResult } from './model/diagnostic.js';
import type { PerCharterCache } from './load/charter-cache.js';
import { findCharterFiles } from './load/find-files.js';
import { displayPath, isInside, loadCollection, type CharterFileSystem, type LoadedCollection, type ParseCache } from './load/load-collection.js';
import { DEFAULT_LIMITS } from './load/limits.js';
import { nodeFileSystem } from './load/node-file-system.js';
import { decodeUtf8 } from './load/decode.js';
import { readRegularFileSync } from './util/regular-file.js';
import { parseYamlSource } from './load/yaml-source.js';
import { checkInWorkers, workerCount, workerScript, type Concurrency } from './parallel/pool.js';
import { todayIn } from './time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from './time/default-time-zone.js';
import { normalizeUnits, type NormalizedUnits } from './normalize/normalize-collection.js';
import type { NormalizeResult } from './normalize/normalize-charter.js';
import { checkAcrossCharters, groupByFile, sortUnique, validateCollection, type UnitLocator } from './validate.js';

export interface CheckOptions {
  /** Files, folders or globs; defaults to `charters/`. */
  readonly patterns?: readonly string[];
  readonly cwd: string;
  /** The charters folder that `extends` may not leave; inferred from the paths when absent. */
  readonly root?: string;
  /** YYYY-MM-DD; defaults to today in Helsinki. */
  readonly today?: string;
  readonly fileSystem?: CharterFileSystem;
  /** Parsed files kept between runs (see LoadOptions.parseCache). */
  readonly parseCache?: ParseCache;
  /** Findings per charter kept between runs (see ValidateOptions.cache). */
  readonly findingsCache?: PerCharterCache<Diagnostic[]>;
  /** Normalized units kept between runs while their files are unchanged (`charter serve`). */
  readonly normalizeCache?: PerCharterCache<NormalizeResult>;
}

export interface CheckResult extends NormalizedUnits {
  readonly results: FileResult[];
  readonly collection: LoadedCollection;
  readonly root: string;
}

export const DEFAULT_CHARTERS_FOLDER = 'charters';

/**
 * Finds, loads, validates and normalizes charters in this thread: the
 * findings, the loaded collection and the unit charters as `Charter`s (with
 * the units that could not be normalized, and why). Throws InputError for
 * unusable paths (a usage problem); problems in the files are results, never
 * exceptions.
 */
export async function checkCharters(options: CheckOptions): Promise<CheckResult> {
  const checked = await checkFound(await prepare(options), options);
  return { ...checked, ...normalizeUnits(checked.collection.charters, options.normalizeCache) };
}

async function checkFound({ files, root, today }: Prepared, options: CheckOptions): Promise<Omit<CheckResult, keyof NormalizedUnits>> {
  const collection = await loadCollection(files, {
    root,
    cwd: options.cwd,
    fileSystem: options.fileSystem ?? nodeFileSystem,
    ...(options.parseCache ? { parseCache: options.parseCache } : {}),
  });
  const diagnostics = validateCollection(collection, { today, ...(options.findingsCache ? { cache: options.findingsCache } : {}) });
  return { results: groupByFile(collection.files, diagnostics), collection, root };
}

export interface ValidateChartersOptions extends CheckOptions {
  /** Worker threads: a number, `auto` (one per core for large collections) or `off`. */
  readonly concurrency?: Concurrency;
}

/**
 * Like checkCharters, but returns only the findings, which lets large
 * collections be checked on several threads.
 */
export async function validateCharters(options: ValidateChartersOptions): Promise<{ results: FileResult[]; root: string }> {
  const prepared = await prepare(options);
  const { files, root, today } = prepared;
  const workers = options.fileSystem ? 1 : workerCount(options.concurrency ?? 'auto', files.length);
  const script = workers > 1 ? workerScript() : undefined;
  if (!script) {
    const { results } = await checkFound(prepared, options);
    return { results, root };
  }
  const pooled = await checkInWorkers(script, files, { root, cwd: options.cwd, today }, workers);
  const units = [...new Map(pooled.units.map((unit) => [unit.absolutePath, unit])).values()];
  const diagnostics = sortUnique([...pooled.diagnostics, ...checkAcrossCharters(units, locateFromDisk)]);
  const inputs = files.map((file) => displayPath(file, options.cwd));
  const inputSet = new Set(inputs);
  const reached = [...new Set(pooled.files)].filter((file) => !inputSet.has(file)).sort();
  return { results: groupByFile([...inputs, ...reached], diagnostics), root };
}

/** The files to check (found once), the charters folder and the day. */
interface Prepared {
  readonly files: readonly string[];
  readonly root: string;
  readonly today: string;
}

async function prepare(options: CheckOptions): Promise<Prepared> {
  const patterns = options.patterns && options.patterns.length > 0 ? options.patterns : [DEFAULT_CHARTERS_FOLDER];
  const found = await findCharterFiles(patterns, options.cwd);
  const root = options.root ? resolve(options.cwd, options.root) : await inferRoot(found.files, found.root, options.cwd);
  const linksOut = await linksLeaving(found.folderLinks, root);
  const files = linksOut.length === 0 ? found.files : [...found.files, ...linksOut].sort();
  return { files, root, today: options.today ?? todayIn(DEFAULT_TIME_ZONE) };
}

/**
 * Links to folders outside the charters folder. They are not searched; they go
 * to the loader with the files, which reports each one (and reads nothing from it).
 * A link to a folder inside is left alone: its files are found where they are.
 */
async function linksLeaving(folderLinks: readonly string[], root: string): Promise<string[]> {
  if (folderLinks.length === 0) return [];
  const rootReal = await realpath(root).catch(() => root);
  const leaving: string[] = [];
  for (const link of folderLinks) {
    const target = await realpath(link).catch(() => undefined);
    if (target !== undefined && !isInside(rootReal, target)) leaving.push(link);
  }
  return leaving;
}

/**
 * Positions for cross-file findings, made after the workers are gone: read that
 * file again with positions. Such findings are few (a duplicated charter id).
 */
const locateFromDisk: UnitLocator = (unit, path, target) => {
  const unknown = { line: 1, column: 1 };
  // Read as the loader did: the file may have been swapped for a FIFO since.
  const read = readRegularFileSync(unit.absolutePath, DEFAULT_LIMITS.maxFileBytes);
  if (!('bytes' in read)) return { file: unit.file, range: { start: unknown, end: unknown }, exact: false };
  const decoded = decodeUtf8(read.bytes);
  if (!decoded.ok) return { file: unit.file, range: { start: decoded.position, end: decoded.position }, exact: false };
  const { source } = parseYamlSource(unit.file, decoded.text, DEFAULT_LIMITS);
  return { file: unit.file, ...source.locate(path, target) };
};

/** Files inside ./charters use it as their root, so a single file may extend a baseline beside it. */
async function inferRoot(files: readonly string[], fromPatterns: string, cwd: string): Promise<string> {
  const conventional = join(cwd, DEFAULT_CHARTERS_FOLDER);
  const isFolder = await stat(conventional).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (isFolder && files.every((file) => isInside(conventional, file))) return conventional;
  return fromPatterns;
}
