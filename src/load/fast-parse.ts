import { load, CORE_SCHEMA } from 'js-yaml';
import { isPlainObject } from '../model/charter-data.js';
import { findForbiddenCharacters } from './control-characters.js';
import { FORBIDDEN_KEYS, MERGE_KEY, type LoadLimits } from './limits.js';
import { looksLikeKey } from './plain-text.js';

/**
 * The fast path for clean files. js-yaml reads YAML about ten times faster than
 * the `yaml` package, but without source positions. A file it reads is used as
 * is only when nothing about it could read differently under the `yaml`
 * package; otherwise this returns undefined and the caller takes the slow,
 * positioned path. Positions for findings always come from the `yaml` package.
 */
export function fastParse(text: string, limits: LoadLimits): Record<string, unknown> | undefined {
  // One native test over a clean text; the slow path says where a forbidden character is.
  if (findForbiddenCharacters(text, { crlf: true }).length > 0 || !looksPlain(text)) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (!isPlainObject(data)) return undefined;
  return isUnambiguous(data, limits) ? data : undefined;
}

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const CARRIAGE_RETURN = 13;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKSLASH = 92;
const HASH = 35;
const EXCLAMATION = 33;
const PERCENT = 37;
const HYPHEN = 45;
const COLON = 58;
/** Characters after which a scalar starts: `:` `-` `[` `{` `,`. */
function opensScalar(code: number): boolean {
  return code === COLON || code === HYPHEN || code === 91 || code === 123 || code === 44;
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CARRIAGE_RETURN;
}

/**
 * One pass over the text, line by line, looking for what the two parsers read
 * differently: anchors and aliases (`&a`, `*a`), tags (`!!binary`), explicit
 * keys (`? key`), collections used as keys (`[a]: 1`), binary numbers (js-yaml
 * reads 0b101 as a number, YAML 1.2 as text), quoted scalars or flow
 * collections that run over a line end (`yaml` is stricter about their
 * indentation), anything stuck to a closing quote or bracket (`"x"# note`),
 * escapes other than `\\ \" \/ \n \t`, directives (`%YAML`) and content on a
 * `---` line.
 */
function looksPlain(text: string): boolean {
  if (text.includes('0b') && /(?:^|[\s:[{,-])[-+]?0b/m.test(text)) return false;
  if (hasDirectiveOrMarkerLine(text)) return false;
  // Most lines hold none of these characters; the regular expression skips them natively.
  const special = /["'&*?[\]{}!]/g;
  let match: RegExpExecArray | null;
  while ((match = special.exec(text)) !== null) {
    const start = text.lastIndexOf('\n', match.index) + 1;
    let end = text.indexOf('\n', match.index);
    if (end === -1) end = text.length;
    if (!lineLooksPlain(text, start, end)) return false;
    special.lastIndex = end + 1;
  }
  return true;
}

function lineLooksPlain(text: string, start: number, end: number): boolean {
  let quote = 0;
  let depth = 0;
  // Brackets that open flow collections; `depth` also counts brackets inside plain text ([a link](...)).
  let flowDepth = 0;
  let previous = SPACE;
  let atStart = true;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (quote === DOUBLE_QUOTE) {
      if (code === BACKSLASH) {
        // Other escapes can make characters a charter may not hold; the slow path checks them.
        if (!PLAIN_ESCAPES.has(text.charCodeAt(index + 1))) return false;
        index++;
      } else if (code === DOUBLE_QUOTE) {
        quote = 0;
        if (!separatesAfterClose(text.charCodeAt(index + 1), flowDepth)) return false;
      }
      continue;
    }
    if (quote === SINGLE_QUOTE) {
      if (code === SINGLE_QUOTE && text.charCodeAt(index + 1) === SINGLE_QUOTE) index++;
      else if (code === SINGLE_QUOTE) {
        quote = 0;
        if (!separatesAfterClose(text.charCodeAt(index + 1), flowDepth)) return false;
      }
      continue;
    }
    if (isBlank(code)) continue;
    const startsScalar = atStart || opensScalar(previous);
    if (startsScalar && (code === DOUBLE_QUOTE || code === SINGLE_QUOTE)) {
      quote = code;
    } else if (startsScalar && code === EXCLAMATION) {
      return false; // a tag
    } else if (startsScalar && (code === 38 || code === 42) && index + 1 < end && !isBlank(text.charCodeAt(index + 1))) {
      // & anchor or * alias; `**` starts Markdown bold on a continuation line (as an
      // alias it could not resolve, and js-yaml would fail and send us to the slow path).
      if (!(code === 42 && text.charCodeAt(index + 1) === 42)) return false;
    } else if (code === 63 && (atStart || previous === HYPHEN) && (index + 1 >= end || isBlank(text.charCodeAt(index + 1)))) {
      return false; // ? explicit key
    } else if (code === HASH && (atStart || isBlank(text.charCodeAt(index - 1)))) {
      break;
    } else if (code === 123 || code === 91) {
      depth++;
      if (startsScalar || flowDepth > 0) flowDepth++;
    } else if (code === 125 || code === 93) {
      depth--;
      if (closesIntoKey(text, index + 1, end)) return false; // [a]: or {a: 1}: as a key
      if (flowDepth > 0 && !separatesAfterClose(text.charCodeAt(index + 1), --flowDepth)) return false;
    }
    previous = code;
    atStart = atStart && code === HYPHEN;
  }
  return quote === 0 && depth === 0;
}

/** `\\`, `\"`, `\/`, `\n` and `\t`: escapes that read the same everywhere and make allowed characters. */
const PLAIN_ESCAPES: ReadonlySet<number> = new Set([BACKSLASH, DOUBLE_QUOTE, 47, 110, 116]);

/**
 * What may follow a closing quote or bracket: a blank, the end of the line, a
 * colon, or in a flow collection `,` `]` `}`. js-yaml accepts more (`"x"# note`).
 */
function separatesAfterClose(code: number, depth: number): boolean {
  if (Number.isNaN(code) || isBlank(code) || code === NEWLINE || code === COLON) return true;
  return depth > 0 && (code === 44 || code === 93 || code === 125);
}

/**
 * Lines that start with `%` (directives) or hold more than a comment after a
 * `---` or `...` marker: js-yaml reads `--- key: value` and unknown directives,
 * `yaml` refuses them.
 */
function hasDirectiveOrMarkerLine(text: string): boolean {
  if (text.charCodeAt(0) === PERCENT || text.includes('\n%')) return true;
  for (const marker of ['---', '...']) {
    for (let at = text.startsWith(marker) ? 0 : text.indexOf(`\n${marker}`); at !== -1; at = text.indexOf(`\n${marker}`, at + 1)) {
      let index = at + (text.charCodeAt(at) === NEWLINE ? 1 : 0) + marker.length;
      if (index < text.length && !isBlank(text.charCodeAt(index)) && text.charCodeAt(index) !== NEWLINE) return true;
      while (index < text.length && isBlank(text.charCodeAt(index))) index++;
      const next = text.charCodeAt(index);
      if (index < text.length && next !== NEWLINE && next !== HASH) return true;
    }
  }
  return false;
}

function closesIntoKey(text: string, from: number, end: number): boolean {
  let index = from;
  while (index < end && isBlank(text.charCodeAt(index))) index++;
  return index < end && text.charCodeAt(index) === COLON && (index + 1 >= end || isBlank(text.charCodeAt(index + 1)) || text.charCodeAt(index + 1) === NEWLINE);
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
function isUnambiguousText(text: string): boolean {
  if (text.length > 0) {
    const first = text.charCodeAt(0);
    const mayBeOther =
      (first >= 48 && first <= 57) || // 0-9
      first === 45 ||
      first === 43 ||
      first === 46 ||
      first === 126 || // - + . ~
      first === 110 ||
      first === 78 ||
      first === 116 ||
      first === 84 ||
      first === 102 ||
      first === 70; // n N t T f F
    if (!mayBeOther) return true;
  }
  return !NOT_TEXT_IF_PLAIN.some((pattern) => pattern.test(text));
}

/**
 * Walks the data once: refuses forbidden and merge keys, excessive depth or size (aliases
 * are refused before parsing), and any string that a plain scalar of the same
 * text would not produce (the two parsers differ there).
 */
function isUnambiguous(root: Record<string, unknown>, limits: LoadLimits): boolean {
  let nodes = 0;
  const visit = (value: unknown, depth: number): boolean => {
    if (++nodes > limits.maxNodes || depth > limits.maxDepth) return false;
    switch (typeof value) {
      case 'string':
        return isUnambiguousText(value);
      case 'number':
        return Number.isFinite(value);
      case 'boolean':
        return true;
      case 'object':
        break;
      default:
        return false;
    }
    if (value === null) return true;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) if (!visit(value[index], depth + 1)) return false;
      return true;
    }
    if (!isPlainObject(value)) return false;
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key) || key === MERGE_KEY || !isUnambiguousText(key)) return false;
      // A key that is no charter key (`Huom`), or one without a value (`{ fi: a, b }`), may be a
      // text that YAML cut (text-mistakes.ts): the slow path says so, at its position.
      if (!looksLikeKey(key) || value[key] === null) return false;
      if (!visit(value[key], depth + 1)) return false;
    }
    return true;
  };
  return visit(root, 0);
}
