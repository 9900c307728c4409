import { load, CORE_SCHEMA } from 'js-yaml';
import { isPlainObject } from '../model/charter.js';
import { FORBIDDEN_KEYS, type LoadLimits } from './limits.js';

/**
 * The fast path for clean files. js-yaml reads YAML about ten times faster than
 * the `yaml` package, but without source positions. A file it reads is used as
 * is only when nothing about it could read differently under the `yaml`
 * package; otherwise this returns undefined and the caller takes the slow,
 * positioned path. Positions for findings always come from the `yaml` package.
 */
export function fastParse(text: string, limits: LoadLimits): Record<string, unknown> | undefined {
  // Explicit (`? key`) and collection keys read as text in js-yaml but not in `yaml`;
  // js-yaml reads 0b101 as a number, `yaml` (YAML 1.2 core) as text.
  if (text.includes('?') && EXPLICIT_KEY.test(text)) return undefined;
  if ((text.includes(']') || text.includes('}')) && COLLECTION_KEY.test(text)) return undefined;
  if (text.includes('0b') && BINARY_NUMBER.test(text)) return undefined;
  if (spansLines(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (!isPlainObject(data)) return undefined;
  return isUnambiguous(data, limits) ? data : undefined;
}

const EXPLICIT_KEY = /^[ \t-]*\?(?:[ \t]|$)/m;
const COLLECTION_KEY = /(?:^|[{,\s])[[{][^\]}\n]*[\]}][ \t]*:(?:\s|$)/m;
const BINARY_NUMBER = /(?:^|[\s:[{,-])[-+]?0b[01_]/m;

/**
 * True when a quoted scalar or a flow collection runs over a line end: `yaml`
 * is stricter than js-yaml about how such continuation lines are indented.
 */
function spansLines(text: string): boolean {
  // Only lines holding a quote or a bracket can open something; jump between them.
  const opener = /["'[{]/g;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text)) !== null) {
    const start = text.lastIndexOf('\n', match.index) + 1;
    let end = text.indexOf('\n', match.index);
    if (end === -1) end = text.length;
    if (lineSpansOn(text, start, end)) return true;
    opener.lastIndex = end + 1;
  }
  return false;
}

const SPACE = 32;
const TAB = 9;
const CARRIAGE_RETURN = 13;
/** Characters after which a quote opens a quoted scalar: `:` `-` `[` `{` `,`. */
const OPENS_SCALAR = new Set([58, 45, 91, 123, 44]);

function lineSpansOn(text: string, start: number, end: number): boolean {
  let quote = 0;
  let depth = 0;
  let previous = SPACE;
  let atStart = true;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (quote === 34) {
      if (code === 92) index++;
      else if (code === 34) quote = 0;
    } else if (quote === 39) {
      if (code === 39 && text.charCodeAt(index + 1) === 39) index++;
      else if (code === 39) quote = 0;
    } else if ((code === 34 || code === 39) && (atStart || OPENS_SCALAR.has(previous))) {
      quote = code;
    } else if (code === 35 && (index === start || isBlank(text.charCodeAt(index - 1)))) {
      break;
    } else if (code === 123 || code === 91) {
      depth++;
    } else if (code === 125 || code === 93) {
      depth--;
    }
    if (!isBlank(code)) {
      previous = code;
      atStart = false;
    }
  }
  return quote !== 0 || depth !== 0;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CARRIAGE_RETURN;
}

/** Plain scalars that YAML 1.2's core schema reads as something other than text. */
const NOT_TEXT_IF_PLAIN = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^[-+]?[0-9]+$/,
  /^0o[0-7]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$/,
  /^\.(?:nan|NaN|NAN)$/,
];

/** Only text starting like a number, null or boolean can be one; test the patterns only then. */
const MAY_NOT_BE_TEXT = /^(?:$|[-+.0-9~nNtTfF])/;

function isUnambiguousText(text: string): boolean {
  return !MAY_NOT_BE_TEXT.test(text) || !NOT_TEXT_IF_PLAIN.some((pattern) => pattern.test(text));
}

/**
 * Walks the data once: refuses shared objects (aliases, which `yaml` expands and
 * counts), forbidden keys, excessive depth or size, and any string that a plain
 * scalar of the same text would not produce (the two parsers differ there).
 */
function isUnambiguous(root: Record<string, unknown>, limits: LoadLimits): boolean {
  const seen = new Set<object>();
  let nodes = 0;
  const visit = (value: unknown, depth: number): boolean => {
    if (++nodes > limits.maxNodes || depth > limits.maxDepth) return false;
    if (typeof value === 'string') return isUnambiguousText(value);
    if (typeof value === 'number') return Number.isFinite(value);
    if (value === null || typeof value === 'boolean') return true;
    if (typeof value !== 'object') return false;
    if (seen.has(value)) return false;
    seen.add(value);
    if (Array.isArray(value)) return value.every((item) => visit(item, depth + 1));
    if (!isPlainObject(value)) return false;
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key) || !isUnambiguousText(key)) return false;
      if (!visit(value[key], depth + 1)) return false;
    }
    return true;
  };
  return visit(root, 0);
}
