import { load, CORE_SCHEMA } from 'js-yaml';
import { isPlainObject } from '../model/charter-data.js';
import { findForbiddenCharacters } from './control-characters.js';
import { hasBidiFormatting } from '../util/bidi.js';
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
  if (findForbiddenCharacters(text, { crlf: true }).length > 0) return undefined;
  // Bidirectional embeddings and isolates must pair within each text; the slow path, which sees the texts, pairs them.
  if (hasBidiFormatting(text)) return undefined;
  const aliases = countAliasesIfPlain(text);
  if (aliases === undefined || aliases > limits.maxAliases) return undefined;
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, json: false });
  } catch {
    return undefined;
  }
  if (!isPlainObject(data)) return undefined;
  return isUnambiguous(data, limits, aliases) ? data : undefined;
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
/**
 * Characters after which a scalar starts: `:` `-`, and in a flow collection `[` `{` `,`.
 * Outside one they are text to both parsers (`Kirjasto, {name}, hyvää päivää`).
 */
function opensScalar(code: number, inFlow: boolean): boolean {
  return code === COLON || code === HYPHEN || (inFlow && (code === 91 || code === 123 || code === 44));
}

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB || code === CARRIAGE_RETURN;
}

/**
 * One pass over the text, line by line, looking for what the two parsers read
 * differently: anchors and aliases other than the simple ones below (`&a`,
 * `*a`), tags (`!!binary`), explicit keys (`? key`), collections used as keys
 * (`[a]: 1`), binary numbers (js-yaml reads 0b101 as a number, YAML 1.2 as
 * text), quoted scalars or flow collections that run over a line end (`yaml` is
 * stricter about their indentation), anything stuck to a closing quote or
 * bracket (`"x"# note`), escapes other than `\\ \" \/ \n \t`, directives
 * (`%YAML`) and content on a `---` line. The lines of a block scalar (`key: >-`)
 * are text to both parsers and are skipped. Returns how many aliases the text
 * uses, or undefined when it is not plain.
 */
function countAliasesIfPlain(text: string): number | undefined {
  if (text.includes('0b') && /(?:^|[\s:[{,-])[-+]?0b/m.test(text)) return undefined;
  if (hasDirectiveOrMarkerLine(text)) return undefined;
  const counts = { aliases: 0 };
  // Most lines hold none of these characters; the regular expression skips them natively.
  const special = /["'&*?[\]{}!|>]/g;
  let match: RegExpExecArray | null;
  while ((match = special.exec(text)) !== null) {
    const start = text.lastIndexOf('\n', match.index) + 1;
    let end = text.indexOf('\n', match.index);
    if (end === -1) end = text.length;
    const line = lineLooksPlain(text, start, end, counts);
    if (line === false) return undefined;
    let next = end + 1;
    if (line !== true) {
      next = endOfBlockScalar(text, next, line.parentIndent);
      if (next === -1) return undefined;
    }
    special.lastIndex = next;
  }
  return counts.aliases;
}

/** A line that ends in a block scalar header (`key: >-`); its text is on the lines indented more than `parentIndent`. */
interface BlockScalarHeader {
  readonly parentIndent: number;
}

function lineLooksPlain(text: string, start: number, end: number, counts: { aliases: number }): boolean | BlockScalarHeader {
  let quote = 0;
  let depth = 0;
  // Brackets that open flow collections; `depth` also counts brackets inside plain text ([a link](...)).
  let flowDepth = 0;
  let previous = SPACE;
  let atStart = true;
  // `: ` outside quotes and brackets: the first one follows the line's key.
  let keyColons = 0;
  let anchored = false;
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
    const startsScalar = atStart || opensScalar(previous, flowDepth > 0);
    const afterBlank = isBlank(text.charCodeAt(index - 1));
    if (startsScalar && (code === DOUBLE_QUOTE || code === SINGLE_QUOTE)) {
      quote = code;
    } else if (startsScalar && code === EXCLAMATION) {
      return false; // a tag
    } else if (startsScalar && (code === AMPERSAND || code === ASTERISK) && index + 1 < end && !isBlank(text.charCodeAt(index + 1))) {
      // `**` starts Markdown bold on a continuation line (as an alias it could not
      // resolve, and js-yaml would fail and send us to the slow path).
      if (code === ASTERISK && text.charCodeAt(index + 1) === ASTERISK) {
        previous = code;
        atStart = false;
        continue;
      }
      const value = previous === COLON && afterBlank;
      const item = atStart && previous === HYPHEN && afterBlank;
      const after = skipName(text, index + 1, end);
      if (after === -1) return false;
      if (code === AMPERSAND) {
        // `key: &name value` on one line: the anchored value holds no alias, so each alias
        // is read once and one level deep, as the slow path counts them.
        if (!value || !anchorsValueOnLine(text, after, end)) return false;
        anchored = true;
        // The anchored value starts after the name, as after a key's `:`.
        previous = COLON;
        index = after - 1;
        continue;
      } else {
        if (anchored || !(value || item) || !endsAliasValue(text, after, end)) return false;
        counts.aliases++;
      }
      previous = text.charCodeAt(after - 1);
      atStart = false;
      index = after - 1;
      continue;
    } else if (code === 63 && (atStart || previous === HYPHEN) && (index + 1 >= end || isBlank(text.charCodeAt(index + 1)))) {
      return false; // ? explicit key
    } else if (code === HASH && (atStart || afterBlank)) {
      break;
    } else if (
      (code === PIPE || code === GREATER) &&
      afterBlank &&
      depth === 0 &&
      ((previous === COLON && keyColons === 1) || (atStart && previous === HYPHEN))
    ) {
      return blockScalarHeader(text, start, index + 1, end) ?? false;
    } else if (code === 123 || code === 91) {
      depth++;
      if (startsScalar || flowDepth > 0) flowDepth++;
    } else if (code === 125 || code === 93) {
      depth--;
      if (closesIntoKey(text, index + 1, end)) return false; // [a]: or {a: 1}: as a key
      if (flowDepth > 0 && !separatesAfterClose(text.charCodeAt(index + 1), --flowDepth)) return false;
    } else if (code === COLON && flowDepth === 0 && (index + 1 >= end || isBlank(text.charCodeAt(index + 1)))) {
      keyColons++;
    }
    previous = code;
    atStart = atStart && code === HYPHEN;
  }
  return quote === 0 && depth === 0;
}

const AMPERSAND = 38;
const ASTERISK = 42;
const PIPE = 124;
const GREATER = 62;

/**
 * The end of an anchor's or alias's name, which both parsers end at a blank or `,` `[` `]`
 * `{` `}`; -1 for an empty name or one with other than ASCII letters, digits, `-` and `_`
 * (`yaml` refuses some, such as a name ending in `:`).
 */
function skipName(text: string, from: number, end: number): number {
  let index = from;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (isBlank(code) || code === 44 || code === 91 || code === 93 || code === 123 || code === 125) break;
    const letterOrDigit = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letterOrDigit && code !== HYPHEN && code !== 95) return -1;
    index++;
  }
  return index > from ? index : -1;
}

/** After `&name`: a value on the same line (a flow collection, a quoted or plain text), not one on the lines below. */
function anchorsValueOnLine(text: string, from: number, end: number): boolean {
  if (from >= end || !isBlank(text.charCodeAt(from))) return false;
  let index = from;
  while (index < end && isBlank(text.charCodeAt(index))) index++;
  if (index >= end) return false;
  const code = text.charCodeAt(index);
  return code !== HASH && code !== PIPE && code !== GREATER && code !== AMPERSAND && code !== ASTERISK && code !== EXCLAMATION;
}

/** After `*name`: the end of the value (line end, a comment, or the end of a flow item), not a `:` that would make it a key. */
function endsAliasValue(text: string, from: number, end: number): boolean {
  let index = from;
  while (index < end && isBlank(text.charCodeAt(index))) index++;
  if (index >= end) return true;
  const code = text.charCodeAt(index);
  return (code === HASH && index > from) || code === 44 || code === 93 || code === 125;
}

/**
 * `|` or `>` at `indicator - 1`, after a key's `: ` or a list's `- `: a block scalar header
 * when only a chomping indicator, blanks and a comment follow. An explicit indentation
 * (`|2`) or a tab before the key is left to the slow path. Its text must be indented
 * more than the key (or the last `-`).
 */
function blockScalarHeader(text: string, start: number, indicator: number, end: number): BlockScalarHeader | undefined {
  let index = indicator;
  if (index < end && (text.charCodeAt(index) === HYPHEN || text.charCodeAt(index) === 43)) index++;
  if (index < end && !isBlank(text.charCodeAt(index))) return undefined;
  while (index < end && isBlank(text.charCodeAt(index))) index++;
  if (index < end && text.charCodeAt(index) !== HASH) return undefined;
  // Tabs before the indicator: `yaml` and js-yaml differ on some; the slow path reads them.
  if (text.slice(start, indicator).includes('\t')) return undefined;
  let parentIndent = -1;
  for (index = start; ; index++) {
    while (text.charCodeAt(index) === SPACE) index++;
    if (text.charCodeAt(index) !== HYPHEN || text.charCodeAt(index + 1) !== SPACE) break;
    parentIndent = index - start; // `- |`: the text is indented more than the `-`
  }
  if (index < indicator - 1) {
    // `key: |` or `- key: |`: more than the key, when what comes before the indicator held `: `.
    if (!/: /.test(text.slice(index, indicator - 1))) return undefined;
    parentIndent = index - start;
  }
  if (parentIndent === -1) return undefined;
  return { parentIndent };
}

/**
 * The offset of the first line after a block scalar's text, which starts at `from`:
 * the lines indented more than `parentIndent`, and empty lines. Undefined cases
 * that `yaml` refuses (a line less indented than the first, leading empty lines
 * indented more than it, blank lines holding tabs) give -1: the slow path says why.
 */
function endOfBlockScalar(text: string, from: number, parentIndent: number): number {
  let contentIndent = -1;
  let leadingSpaces = 0;
  let at = from;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    let spaces = 0;
    while (at + spaces < end && text.charCodeAt(at + spaces) === SPACE) spaces++;
    if (at + spaces === end) {
      if (contentIndent === -1) leadingSpaces = Math.max(leadingSpaces, spaces);
    } else if (spaces <= parentIndent) {
      break;
    } else if (/^[ \t]*$/.test(text.slice(at + spaces, end))) {
      return -1;
    } else if (contentIndent === -1) {
      if (leadingSpaces > spaces) return -1;
      contentIndent = spaces;
    } else if (spaces < contentIndent) {
      return -1;
    }
    at = end + 1;
  }
  return at;
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
 * Walks the data once: refuses forbidden and merge keys, excessive depth or size, and
 * any string that a plain scalar of the same text would not produce (the two parsers
 * differ there). With aliases, the slow path counts each alias as a value and its target
 * one level deeper, so the limits shrink by as much; and js-yaml gives an alias the
 * anchored object itself, which is copied here so that no two places share one object.
 */
function isUnambiguous(root: Record<string, unknown>, limits: LoadLimits, aliases: number): boolean {
  let nodes = aliases;
  const maxDepth = aliases > 0 ? limits.maxDepth - 1 : limits.maxDepth;
  const seen = aliases > 0 ? new Set<object>() : undefined;
  /** The value itself, or a copy of it when an alias made it appear before. */
  const own = (value: unknown): unknown => {
    if (seen === undefined || typeof value !== 'object' || value === null) return value;
    if (!seen.has(value)) {
      seen.add(value);
      return value;
    }
    return structuredClone(value);
  };
  const visit = (value: unknown, depth: number): boolean => {
    if (++nodes > limits.maxNodes || depth > maxDepth) return false;
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
      for (let index = 0; index < value.length; index++) {
        if (seen) value[index] = own(value[index]);
        if (!visit(value[index], depth + 1)) return false;
      }
      return true;
    }
    if (!isPlainObject(value)) return false;
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key) || key === MERGE_KEY || !isUnambiguousText(key)) return false;
      // A key that is no charter key (`Huom`), or one without a value (`{ fi: a, b }`), may be a
      // text that YAML cut (text-mistakes.ts): the slow path says so, at its position.
      if (!looksLikeKey(key) || value[key] === null) return false;
      if (seen) value[key] = own(value[key]);
      if (!visit(value[key], depth + 1)) return false;
    }
    return true;
  };
  return visit(root, 0);
}
