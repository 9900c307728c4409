import { message, type MessageRef } from '../messages/message.js';
import { knownTimeZone } from '../time/time-zones.js';
import { LOG_ENCODINGS, type LogEncoding } from './log-encoding.js';

/**
 * How to read logs as offices export them: the delimiter, the text encoding,
 * the time zone of times written without an offset, and which column holds
 * which field. Plain data: it goes to the worker thread too.
 */
export interface LogReading {
  /** One character that separates a CSV log's fields; found from the header when absent. */
  readonly delimiter?: string;
  /** The text encoding; by the byte order mark, else UTF-8, when absent. */
  readonly encoding?: LogEncoding;
  /** IANA time zone of times without an offset; without it, such times are bad rows. */
  readonly timeZone?: string;
  /** Field → the log's own name for its column (or JSON key). */
  readonly map?: Readonly<Partial<Record<MappableField, string>>>;
}

/** Every field a log's column can be mapped to (see log-reader.ts). */
export const MAPPABLE_FIELDS = ['charter', 'channel', 'commitment', 'start', 'end', 'line', 'group', 'service', 'outcome', 'paused', 'paused_reason'] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** What reading a log found out: said on standard error and in the JSON report (`input`). */
export type { LogInput } from '../model/compliance-report.js';

export type OptionResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: MessageRef };

const DELIMITER_NAMES: Readonly<Record<string, string>> = { comma: ',', semicolon: ';', tab: '\t' };

/** The name a delimiter is said by (`semicolon`), or the character itself. */
export function delimiterName(delimiter: string): string {
  return Object.entries(DELIMITER_NAMES).find(([, character]) => character === delimiter)?.[0] ?? delimiter;
}

/** `--delimiter comma|semicolon|tab|<one character>`. A quote or a line break cannot separate fields. */
export function parseDelimiter(text: string): OptionResult<string> {
  const named = DELIMITER_NAMES[text.toLowerCase()];
  if (named !== undefined) return { ok: true, value: named };
  if (text === '\\t') return { ok: true, value: '\t' };
  if (text.length === 1 && text !== '"' && text !== '\n' && text !== '\r') return { ok: true, value: text };
  return { ok: false, problem: message('report.option.delimiter', { given: printable(text) }) };
}

/** `--encoding`, in any case, `utf8` and `cp1252` too. */
export function parseEncoding(text: string): OptionResult<LogEncoding> {
  const lower = text.toLowerCase();
  const spelled = lower === 'utf8' ? 'utf-8' : lower === 'cp1252' ? 'windows-1252' : lower === 'latin-1' || lower === 'iso-8859-1' ? 'latin1' : lower;
  const found = LOG_ENCODINGS.find((encoding) => encoding === spelled);
  return found
    ? { ok: true, value: found }
    : { ok: false, problem: message('report.option.encoding', { given: printable(text), known: LOG_ENCODINGS.join(', ') }) };
}

/** `--timezone`: an IANA name the runtime knows, in its own spelling. */
export function parseTimeZone(text: string): OptionResult<string> {
  const known = knownTimeZone(text);
  // Offsets such as +02:00 are known to Intl but are not what the option means: a zone with its clock changes.
  if (known === undefined || !/^[A-Za-z]/.test(text)) return { ok: false, problem: message('report.option.timezone', { given: printable(text) }) };
  return { ok: true, value: known };
}

/**
 * `--map charter=Yksikkö,start=Saapunut,...`: pairs `field=column`, separated
 * by commas. A column name may hold spaces and any letters; one holding a
 * comma, an equals sign or a quote is written in double quotes, with a quote
 * inside written twice (`start="Saapunut, klo"`). Column names are matched
 * as the header is, ignoring case and surrounding spaces.
 */
export function parseMap(text: string): OptionResult<Partial<Record<MappableField, string>>> {
  const map: Partial<Record<MappableField, string>> = {};
  const pairs = splitOutsideQuotes(text, ',');
  if (pairs === undefined) return { ok: false, problem: message('report.option.map-quote', { given: printable(text) }) };
  for (const pair of pairs) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals === -1) return { ok: false, problem: message('report.option.map-pair', { pair: printable(pair) }) };
    const field = pair.slice(0, equals).trim().toLowerCase();
    const column = unquote(pair.slice(equals + 1).trim());
    if (!(MAPPABLE_FIELDS as readonly string[]).includes(field)) {
      return { ok: false, problem: message('report.option.map-field', { field: printable(field), known: MAPPABLE_FIELDS.join(', ') }) };
    }
    if (column === '') return { ok: false, problem: message('report.option.map-pair', { pair: printable(pair) }) };
    if (map[field as MappableField] !== undefined) return { ok: false, problem: message('report.option.map-twice', { field }) };
    map[field as MappableField] = column;
  }
  return { ok: true, value: map };
}

/** Splits at `separator` outside double quotes; undefined when a quote is left open. */
function splitOutsideQuotes(text: string, separator: string): string[] | undefined {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') quoted = !quoted;
    else if (character === separator && !quoted) {
      parts.push(text.slice(from, index));
      from = index + 1;
    }
  }
  if (quoted) return undefined;
  parts.push(text.slice(from));
  return parts;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text;
}

/** Option values go into messages: no control characters, not too long. */
function printable(text: string): string {
  const visible = text.replace(/\p{Cc}/gu, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return visible.length > 60 ? `${visible.slice(0, 57)}...` : visible;
}

/** The name a log's column is looked for by, for a field. */
export function columnNameOf(field: MappableField, reading: LogReading | undefined): string {
  return reading?.map?.[field] ?? field;
}

/** How header names and mapped names are compared: case and surrounding spaces do not matter, nor Unicode's two ways of writing ä. */
export function headerKey(name: string): string {
  return name.trim().normalize('NFC').toLowerCase();
}
