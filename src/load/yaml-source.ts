import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { yaml } from './yaml-module.js';
import type { Diagnostic, JsonPath, Position, SourceRange } from '../model/diagnostic.js';
import { reportForbiddenCharacters } from './control-characters.js';
import { fastParse } from './fast-parse.js';
import { FORBIDDEN_KEYS, MERGE_KEY, type LoadLimits } from './limits.js';
import { deeplyNestedLine } from './nesting-guard.js';
import { reportForbiddenEscapes } from './escapes.js';
import { reportUnpairedBidi } from './bidi-pairing.js';
import { reportTags } from './tags.js';
import { describeError, internalError } from '../model/internal-error.js';
import { message, type MessageRef, worded } from '../messages/message.js';
import { explainYamlError } from './yaml-errors.js';
import { reportTextMistakes } from './text-mistakes.js';

/** Where a JSON path lands in a file: exact, or the closest part of it that exists. */
export interface Located {
  readonly range: SourceRange;
  /** False when the path does not exist and the range is its closest existing ancestor. */
  readonly exact: boolean;
}

/** A parsed YAML file: its data, and a way back from data paths to source positions. */
export interface YamlSource {
  /** The file as shown to the user. */
  readonly file: string;
  /** Plain data (objects, arrays, strings, numbers, booleans, null); undefined when unusable. */
  readonly data: unknown;
  /**
   * The source range of a path. `key` points at a property's key (unknown keys),
   * `value` at its value. A missing path points at the key of its closest ancestor.
   */
  locate(path: JsonPath, target?: 'key' | 'value'): Located;
}

type ParsedNode = YamlNode | null | undefined;

export interface ParseOptions {
  /** Try the fast, position-less parser first (see fast-parse.ts). */
  readonly fast?: boolean;
}

export interface ParsedSource {
  readonly source: YamlSource;
  readonly diagnostics: Diagnostic[];
}

/**
 * Parses YAML text into a positioned source. Never throws: problems come back
 * as diagnostics, and a crash of the reader itself is an `internal-error`
 * finding of this file (at the value it was reading, when known).
 */
export function parseYamlSource(file: string, text: string, limits: LoadLimits, options: ParseOptions = {}): ParsedSource {
  let lineCounter: LineCounter | undefined;
  const progress: ReadProgress = { offset: undefined };
  try {
    if (options.fast) {
      const data = fastParse(text, limits);
      if (data !== undefined) return { source: lazilyPositionedSource(file, text, data), diagnostics: [] };
    }
    lineCounter = new (yaml().LineCounter)();
    return readPositioned(file, text, limits, lineCounter, progress);
  } catch (error) {
    const at = lineCounter && progress.offset !== undefined ? positionIn(lineCounter, progress.offset) : undefined;
    return { source: emptySource(file), diagnostics: [internalError(message('load.internal-error.yaml-reader'), file, error, at)] };
  }
}

/** How far the reader got: the start of the value it was converting. */
interface ReadProgress {
  offset: number | undefined;
}

function positionIn(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The slow path: the `yaml` package, with positions for every finding. */
function readPositioned(file: string, text: string, limits: LoadLimits, lineCounter: LineCounter, progress: ReadProgress): ParsedSource {
  const diagnostics: Diagnostic[] = [];
  const positionAt = (offset: number): Position => positionIn(lineCounter, offset);
  const report = (ruleId: string, text: MessageRef, start: number, end: number, path: JsonPath = []): void => {
    const from = positionAt(start);
    const to = positionAt(Math.max(start, end));
    diagnostics.push({
      ruleId,
      severity: 'error',
      ...worded(text),
      file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column,
      path,
    });
  };

  const tooDeep = deeplyNestedLine(text, limits.maxDepth * NESTING_GUARD_FACTOR);
  if (tooDeep !== undefined) {
    // Not parsed at all, so count the lines here for the position.
    lineCounter.addNewLine(0);
    for (let at = text.indexOf('\n'); at !== -1 && at < tooDeep; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
    report('yaml-limits', message('load.limits.too-deep-to-read', { max: limits.maxDepth }), tooDeep, tooDeep);
    return { source: emptySource(file), diagnostics };
  }
  let doc: Document.Parsed;
  try {
    doc = yaml().parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  } catch (error) {
    // The parser itself gave up (for example on pathological nesting).
    report('yaml-syntax', message('load.yaml.unreadable', { reason: describeError(error) }), 0, 0);
    return { source: emptySource(file), diagnostics };
  }
  // Reported once the parser has counted the lines; they do not stop the file being read.
  const forbiddenOffsets = reportForbiddenCharacters(text, report);
  const characterFindings = diagnostics.length;

  // After the first syntax error the parser is lost and what follows is mostly
  // its echo, so report that one; duplicate keys are independent, report each.
  let syntaxErrorReported = false;
  for (const error of [...doc.errors, ...doc.warnings]) {
    if (error.code === 'TAG_RESOLVE_FAILED') continue; // every tag is reported below, known or not
    if (!syntaxErrorReported) {
      syntaxErrorReported = true;
      const explained = explainYamlError(error, doc, text);
      report('yaml-syntax', explained.text, explained.start, explained.end);
    }
  }
  for (const duplicate of findDuplicateKeys(doc)) {
    const first = positionAt(duplicate.earlier).line;
    report('duplicate-key', message('load.yaml.duplicate-key', { key: duplicate.key, line: first }), duplicate.start, duplicate.end);
  }

  const repeated = syntaxErrorReported ? undefined : repeatedYamlDirective(text);
  if (repeated !== undefined) report('yaml-syntax', message('load.yaml.repeated-directive'), repeated, repeated + 5);
  // Texts that YAML reads as something else (`- Huom: tämä`, `{ fi: a, b }`): the file must change, as for a syntax error.
  if (!syntaxErrorReported) reportTextMistakes(doc, text, report);

  const converter = new Converter(doc, limits, report, progress);
  let data: unknown;
  if (diagnostics.length === characterFindings) {
    if (doc.contents === null) {
      report('yaml-syntax', message('load.yaml.empty'), 0, 0);
    } else {
      data = converter.convert(doc.contents, [], 0);
      if (converter.aborted) data = undefined;
    }
  }
  reportTags(doc, text, report);
  reportForbiddenEscapes(doc, text, forbiddenOffsets, report);
  reportUnpairedBidi(doc, text, report);
  const source: YamlSource = {
    file,
    data,
    locate: (path, target = 'value') => locateInDocument(doc, path, target, text.length, positionAt),
  };
  return { source, diagnostics };
}

/** The offset of a second `%YAML` directive before the first document, which the `yaml` package lets pass. */
function repeatedYamlDirective(text: string): number | undefined {
  if (!text.includes('%YAML')) return undefined;
  const preamble = /^(?:---|\.\.\.)(?:\s|$)/m.exec(text);
  const directives = /^%YAML[ \t]/gm;
  const limit = preamble?.index ?? text.length;
  let seen = 0;
  for (let match = directives.exec(text); match !== null && match.index < limit; match = directives.exec(text)) {
    if (++seen === 2) return match.index;
  }
  return undefined;
}

/** How much deeper than the depth limit a line's depth bound may go before the text is refused unparsed (see nesting-guard.ts). */
const NESTING_GUARD_FACTOR = 5;

/**
 * YAML 1.2's core schema only: no merge keys, and YAML 1.1's types (`!!binary`,
 * `!!set`...) stay unknown tags. Duplicate keys are found by findDuplicateKeys.
 */
const PARSE_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, version: '1.2', schema: 'core', merge: false, resolveKnownTags: false } as const;

/** A source read by the fast parser: positions are worked out only if a finding needs one. */
function lazilyPositionedSource(file: string, text: string, data: Record<string, unknown>): YamlSource {
  let locate: ((path: JsonPath, target: 'key' | 'value') => Located) | undefined;
  return {
    file,
    data,
    locate: (path, target = 'value') => {
      if (!locate) {
        const lineCounter = new (yaml().LineCounter)();
        const doc = yaml().parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
        locate = (where, kind) => locateInDocument(doc, where, kind, text.length, (offset) => positionIn(lineCounter, offset));
      }
      return locate(path, target);
    },
  };
}

/** A source with no usable data: every path points at the start of the file. */
function emptySource(file: string): YamlSource {
  const start = { line: 1, column: 1 };
  const range = { start, end: start };
  return { file, data: undefined, locate: () => ({ range, exact: false }) };
}

/**
 * Turns the YAML tree into plain data. Written by hand rather than with
 * `doc.toJS()` so that forbidden keys are dropped (and reported where they are),
 * alias expansion and depth are bounded, and non-text keys are caught.
 */
class Converter {
  aborted = false;
  private nodes = 0;
  private aliases = 0;
  private readonly resolving = new Set<YamlNode>();
  private anchors: Map<string, { start: number; node: YamlNode }[]> | undefined;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly limits: LoadLimits,
    private readonly report: (ruleId: string, text: MessageRef, start: number, end: number, path?: JsonPath) => void,
    private readonly progress: ReadProgress,
  ) {}

  convert(node: ParsedNode, path: JsonPath, depth: number): unknown {
    if (this.aborted || node === null || node === undefined) return null;
    this.progress.offset = rangeStart(node);
    if (++this.nodes > this.limits.maxNodes) {
      return this.abort('yaml-limits', message('load.limits.too-many-values', { max: this.limits.maxNodes }), node, path);
    }
    if (depth > this.limits.maxDepth) {
      return this.abort('yaml-limits', message('load.limits.too-deep', { max: this.limits.maxDepth }), node, path);
    }
    if (yaml().isAlias(node)) {
      if (++this.aliases > this.limits.maxAliases) {
        return this.abort('yaml-limits', message('load.limits.too-many-aliases', { max: this.limits.maxAliases }), node, path);
      }
      const target = this.anchorFor(node.source, rangeStart(node));
      if (!target) return this.abort('yaml-syntax', message('load.yaml.alias-without-anchor', { name: node.source }), node, path);
      if (this.resolving.has(target)) {
        return this.abort('yaml-limits', message('load.limits.alias-to-itself', { name: node.source }), node, path);
      }
      this.resolving.add(target);
      const value = this.convert(target, path, depth + 1);
      this.resolving.delete(target);
      return value;
    }
    if (yaml().isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      // Only a tag makes other values (bytes, dates); tags are refused, so this is a safety net.
      this.report('yaml-syntax', message('load.yaml.not-data'), rangeStart(node), rangeEnd(node), path);
      return null;
    }
    if (yaml().isSeq(node)) {
      this.resolving.add(node);
      const list = node.items.map((item, index) => this.convert(item as ParsedNode, [...path, index], depth + 1));
      this.resolving.delete(node);
      return list;
    }
    if (yaml().isMap(node)) {
      this.resolving.add(node);
      const object: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!yaml().isPair(pair)) continue;
        const keyNode = pair.key as ParsedNode;
        const key = scalarKey(keyNode);
        if (key === undefined) {
          this.report('yaml-syntax', keyProblem(keyNode), rangeStart(keyNode ?? node), rangeEnd(keyNode ?? node), path);
          continue;
        }
        if (key === MERGE_KEY && yaml().isScalar(keyNode) && keyNode.type === 'PLAIN') {
          this.report('yaml-syntax', message('load.yaml.merge-key'), rangeStart(keyNode), rangeEnd(keyNode), [...path, key]);
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          this.report('forbidden-key', message('load.yaml.forbidden-key', { key }), rangeStart(keyNode), rangeEnd(keyNode), [...path, key]);
          continue;
        }
        object[key] = this.convert(pair.value as ParsedNode, [...path, key], depth + 1);
      }
      this.resolving.delete(node);
      return object;
    }
    return null;
  }

  /**
   * The node an alias refers to: the nearest anchor of that name before it.
   * yaml's own Alias.resolve walks the whole document for every alias, which
   * made alias-heavy files slow; one walk collects every anchor instead.
   */
  private anchorFor(name: string, aliasStart: number): YamlNode | undefined {
    if (!this.anchors) {
      const anchors = new Map<string, { start: number; node: YamlNode }[]>();
      // `Node` visits scalars, maps, lists and aliases only: an empty value (`{a}`, `? a`) has no node.
      yaml().visit(this.doc, {
        Node: (_key, node) => {
          if (node.anchor === undefined) return;
          const list = anchors.get(node.anchor) ?? [];
          list.push({ start: rangeStart(node), node });
          anchors.set(node.anchor, list);
        },
      });
      this.anchors = anchors;
    }
    let found: YamlNode | undefined;
    for (const candidate of this.anchors.get(name) ?? []) if (candidate.start < aliasStart) found = candidate.node;
    return found;
  }

  private abort(ruleId: string, text: MessageRef, node: YamlNode, path: JsonPath): null {
    if (!this.aborted) this.report(ruleId, text, rangeStart(node), rangeEnd(node), path);
    this.aborted = true;
    return null;
  }
}

/**
 * A key as text. A number or true/false key keeps the spelling it was written
 * with (`0x10`, not `16`), so that findings name the key the author sees.
 */
function scalarKey(node: ParsedNode): string | undefined {
  if (!yaml().isScalar(node)) return undefined;
  const value = node.value;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return node.source ?? String(value);
  return undefined;
}

/** Why a key that is not text cannot be used. */
function keyProblem(node: ParsedNode): MessageRef {
  if (yaml().isAlias(node)) return message('load.yaml.alias-as-key', { name: node.source });
  if (yaml().isCollection(node)) return message('load.yaml.collection-as-key');
  return message('load.yaml.empty-key');
}

function rangeStart(node: ParsedNode): number {
  return node?.range?.[0] ?? 0;
}

function rangeEnd(node: ParsedNode): number {
  return node?.range?.[1] ?? rangeStart(node);
}

function locateInDocument(
  doc: Document.Parsed,
  path: JsonPath,
  target: 'key' | 'value',
  textLength: number,
  positionAt: (offset: number) => Position,
): Located {
  let node: ParsedNode = doc.contents;
  let keyNode: ParsedNode = undefined;
  let exact = true;
  for (const segment of path) {
    const current = dereference(doc, node);
    let next: { key: ParsedNode; value: ParsedNode } | undefined;
    if (yaml().isMap(current)) {
      const pair = current.items.find((item) => yaml().isPair(item) && scalarKey(item.key as ParsedNode) === String(segment));
      if (pair) next = { key: pair.key as ParsedNode, value: pair.value as ParsedNode };
    } else if (yaml().isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as ParsedNode;
      if (item !== undefined) next = { key: item, value: item };
    }
    if (!next) {
      exact = false;
      break;
    }
    keyNode = next.key;
    node = next.value;
  }
  let chosen: ParsedNode;
  if (!exact) chosen = keyNode ?? node;
  else if (target === 'key') chosen = keyNode ?? node;
  else chosen = node ?? keyNode;
  let start = chosen?.range?.[0];
  let end = chosen?.range?.[1];
  if (start === undefined || end === undefined) {
    // An empty value (`key:`) has no node of its own: point just after its key.
    start = keyNode?.range?.[1] ?? 0;
    end = start;
  }
  start = Math.min(start, textLength);
  end = Math.min(Math.max(end, start), textLength);
  return { range: { start: positionAt(start), end: positionAt(end) }, exact };
}

function dereference(doc: Document.Parsed, node: ParsedNode): ParsedNode {
  let current = node;
  for (let hops = 0; yaml().isAlias(current) && hops < 10; hops++) current = current.resolve(doc);
  return current;
}

/**
 * Every key that repeats an earlier key of its map, with the whole repeated
 * key's range and where the first one starts. One pass with a set per map:
 * the `yaml` package's own check (`uniqueKeys`) compares each key with every
 * earlier one, which made a file of many keys take minutes.
 */
function findDuplicateKeys(doc: Document.Parsed): { key: string; earlier: number; start: number; end: number }[] {
  const duplicates: { key: string; earlier: number; start: number; end: number }[] = [];
  yaml().visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const keyNode = pair.key as ParsedNode;
        const key = scalarKey(keyNode);
        if (key === undefined) continue;
        const earlier = seen.get(key);
        if (earlier === undefined) seen.set(key, rangeStart(keyNode));
        else duplicates.push({ key, earlier, start: rangeStart(keyNode), end: rangeEnd(keyNode) });
      }
    },
  });
  return duplicates;
}
