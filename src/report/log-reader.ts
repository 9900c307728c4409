import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { oneLine } from '../format/shared.js';
import { MessageError } from '../messages/message-error.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { systemProblemMessage } from '../util/regular-file.js';
import { CsvParser } from './csv.js';
import { LineSplitter } from './line-splitter.js';
import { LogDecoder } from './log-encoding.js';
import { columnNameOf, delimiterName, headerKey, type LogInput, type LogReading, type MappableField } from './log-options.js';
import { shorten } from './timestamp.js';

/** The columns of a contact log, in the order the issue and the README give them. */
export const LOG_FIELDS = ['charter', 'channel', 'commitment', 'start', 'end'] as const;
/**
 * Columns a log may have besides: `line` (a channel line's or a complaint
 * stage's id), `group` (a customer group's id), `service` (a service's id),
 * `outcome` (`abandoned` for a call or chat given up), `paused` (time that
 * does not count, as an ISO 8601 duration such as `P2D`; see pause.ts) and
 * `paused_reason` (why, for the office's own records). Empty when absent.
 */
export const OPTIONAL_LOG_FIELDS = ['line', 'group', 'service', 'outcome', 'paused', 'paused_reason'] as const;
/** The optional columns that decide which promise a row counts toward (the others leave the fast path open). */
const PLACING_FIELDS: ReadonlySet<string> = new Set(['line', 'group', 'service', 'outcome']);
export type OptionalLogField = (typeof OPTIONAL_LOG_FIELDS)[number];
export type LogField = (typeof LOG_FIELDS)[number] | OptionalLogField;

/**
 * One row of a contact log, as read: text, not yet checked. The object is
 * reused from row to row (a million rows should not mean a million objects),
 * so a handler must copy what it keeps.
 */
export interface LogRow {
  charter: string;
  channel: string;
  commitment: string;
  start: string;
  /** Empty when the contact is still open. */
  end: string;
  /** The `line` column (a channel line's or complaint stage's id); empty when the log has no such column. */
  lineId: string;
  /** The `group` column, or empty. */
  group: string;
  /** The `service` column, or empty. */
  service: string;
  /** The `outcome` column, or empty. */
  outcome: string;
  /** The `paused` column (an ISO 8601 duration), or empty. */
  paused: string;
  /** JSON Lines: `paused` given as a list of intervals (`[{"from": …, "until": …, "reason": …}]`); undefined otherwise. */
  pausedList: readonly unknown[] | undefined;
  /** The `paused_reason` column, or empty. */
  pausedReason: string;
  /** 1-based line the row starts on. */
  line: number;
  /**
   * `charter,channel,commitment` as one string, when the log has those three
   * columns first and unquoted, and none of the optional columns: one lookup
   * finds the commitment (a speed-up for large logs; absent otherwise).
   */
  commitmentKey: string | undefined;
  /** 1-based column of a field on that line (computed on demand). */
  columnOf(field: LogField): number;
}

export interface LogHandlers {
  readonly onRow: (row: LogRow) => void;
  /** A row that could not be read as a row at all (wrong number of fields, bad JSON): `message` in English, `text` as data. */
  readonly onMalformed: (line: number, column: number, message: string, text: MessageRef) => void;
}

export type LogFormat = 'csv' | 'jsonl';

/**
 * A log that cannot be read at all (missing file, no header): the whole
 * command fails (exit 2). `message` is English; the command line says it in
 * the user's language (`text`).
 */
export class LogFileError extends MessageError {
  override readonly name = 'LogFileError';
  /** Why, in English. */
  readonly reason: string;
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    reason: MessageRef | string,
  ) {
    // File names and read errors can hold anything: the message is printed on a terminal as one safe line.
    const why = typeof reason === 'string' ? message('report.log.as-given', { reason: oneLine(reason) }) : reason;
    super(
      line > 0
        ? message('report.log.error-at', { file: oneLine(file), line, column, reason: why })
        : message('report.log.error', { file: oneLine(file), reason: why }),
    );
    this.reason = renderMessage(why, 'en');
  }
}

/** .csv is CSV, .jsonl / .ndjson / .json is JSON Lines (also with .gz after); anything else is decided by its first character. */
export function formatFromName(name: string): LogFormat | undefined {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl';
  return undefined;
}

const CHUNK_BYTES = 1 << 20;

export interface ReadLogOptions {
  /** Standard input, read instead of the file (for `-`). */
  readonly input?: Readable;
  /** Read only bytes `start` to `end` (inclusive) of the file: a part of a large log, split at a line break. */
  readonly start?: number;
  readonly end?: number;
  /** Text read before the file's own: the header row, for a part that does not start at the top. */
  readonly prefix?: string;
  /** The delimiter, encoding and column names given on the command line. */
  readonly reading?: LogReading | undefined;
}

export interface ReadLogResult {
  /** Physical lines read, the prefix's included. */
  readonly lines: number;
  /** The text ended inside a quoted CSV field (a part of a log ending there was not split at a record). */
  readonly endedInsideQuotes: boolean;
  /** How the log was read (format, delimiter, encoding); undefined for an empty log. */
  readonly input: Omit<LogInput, 'file'> | undefined;
}

/** Reads a log file (or standard input) in chunks, calling the handlers row by row. */
export async function readLog(path: string, display: string, handlers: LogHandlers, options: ReadLogOptions = {}): Promise<ReadLogResult> {
  // A part of a log read from its middle is UTF-8 (only such logs are split) and has no byte order mark.
  let reader: ChunkReader | undefined;
  // The text decoded so far has gone to the reader, which has counted its complete lines.
  const decoder = new LogDecoder(options.reading?.encoding, options.start === undefined || options.start === 0, () => reader?.lines ?? 0);
  const stream = openText(path, display, options, decoder);
  let format: LogFormat | undefined;
  const push = (chunk: string): void => {
    if (!reader) {
      format = formatFromName(display) ?? sniffFormat(chunk);
      if (format === undefined) return;
      reader = format === 'csv' ? new CsvLogReader(display, handlers, options.reading) : new JsonLinesLogReader(handlers, options.reading);
    }
    reader.push(chunk);
  };
  try {
    if (options.prefix !== undefined) push(options.prefix);
    for await (const chunk of stream) push(chunk);
  } catch (error) {
    if (error instanceof LogFileError) throw error;
    throw new LogFileError(display, 0, 0, readProblem(error));
  }
  if (!reader || format === undefined) return { lines: 0, endedInsideQuotes: false, input: undefined };
  const endedInsideQuotes = reader.insideQuotes;
  reader.end();
  const delimiter = reader.delimiter;
  const input = {
    format,
    delimiter: delimiter === undefined ? null : delimiterName(delimiter),
    delimiterDetected: options.reading?.delimiter === undefined,
    encoding: decoder.encoding ?? 'utf-8',
  };
  return { lines: reader.lines, endedInsideQuotes, input };
}

/**
 * Whether a log is gzip-compressed: by its name (`.csv.gz`, `.jsonl.gz`), or
 * by its first bytes, for a log exported compressed under a plain name.
 */
export function isGzipped(path: string, name: string): boolean {
  if (name.toLowerCase().endsWith('.gz')) return true;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, 'r');
    const head = Buffer.alloc(2);
    return readSync(descriptor, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } catch {
    // Unreadable here: reading the log says why.
    return false;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

/** The log as a stream of text: a file part, a whole gzip file unpacked on the fly, or standard input. */
function openText(path: string, display: string, options: ReadLogOptions, decoder: LogDecoder): AsyncIterable<string> {
  if (options.input) return decoded(options.input as AsyncIterable<Buffer>, decoder);
  if (isGzipped(path, display)) return unpackedText(path, display, decoder);
  const bytes = createReadStream(path, {
    highWaterMark: CHUNK_BYTES,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.end === undefined ? {} : { end: options.end }),
  }) as AsyncIterable<Buffer>;
  return decoded(bytes, decoder);
}

/** Bytes as text, in the log's encoding (see log-encoding.ts). */
async function* decoded(bytes: AsyncIterable<Buffer | string>, decoder: LogDecoder): AsyncIterable<string> {
  for await (const chunk of bytes) {
    const text = decoder.write(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

/**
 * How many times its own size a gzip log may unpack to. Contact logs
 * compress about 5 to 20 times (the generated sample 9 times); extra columns
 * of repeated values may double that. A file of one row repeated compresses
 * about 1,000 times: a small file that would fill the memory with rows.
 */
export const MAX_GZIP_EXPANSION = 100;
/** What any gzip log may unpack to, however small (tiny files compress oddly). */
const MIN_UNPACKED_ALLOWANCE = 16 * 1024 * 1024;

/** A gzip log unpacked on the fly, refused as soon as it unpacks to more than MAX_GZIP_EXPANSION times its size. */
async function* unpackedText(path: string, display: string, decoder: LogDecoder): AsyncIterable<string> {
  const packedBytes = (await stat(path)).size;
  const allowed = Math.max(MAX_GZIP_EXPANSION * packedBytes, MIN_UNPACKED_ALLOWANCE);
  // pipeline() passes a read error on to the unpacked stream (pipe() would leave it waiting).
  const unpacked = pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), createGunzip(), () => undefined);
  let unpackedBytes = 0;
  for await (const chunk of unpacked as AsyncIterable<Buffer>) {
    unpackedBytes += chunk.length;
    if (unpackedBytes > allowed) {
      throw new LogFileError(
        display,
        0,
        0,
        message('report.log.gzip-bomb', { times: MAX_GZIP_EXPANSION, unpacked: megabytes(allowed), packed: megabytes(packedBytes) }),
      );
    }
    const text = decoder.write(chunk);
    if (text !== '') yield text;
  }
  const rest = decoder.end();
  if (rest !== '') yield rest;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;
}

function sniffFormat(chunk: string): LogFormat | undefined {
  const first = /\S/.exec(chunk.replace(/^\uFEFF/, ''));
  if (!first) return undefined;
  return first[0] === '{' ? 'jsonl' : 'csv';
}

function readProblem(error: unknown): MessageRef | string {
  if (error instanceof MessageError) return error.text;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EISDIR':
      return message('report.log.is-folder');
    case 'Z_DATA_ERROR':
      return message('report.log.not-gzip');
    case 'Z_BUF_ERROR':
      return message('report.log.gzip-cut-short');
    default:
      return systemProblemMessage(error);
  }
}

interface ChunkReader {
  push(chunk: string): void;
  end(): void;
  readonly lines: number;
  /** In the middle of a quoted field that spans lines. */
  readonly insideQuotes: boolean;
  /** A CSV log's delimiter; undefined for JSON Lines. */
  readonly delimiter: string | undefined;
}

/** Where a row's field goes in LogRow. */
function rowKey(field: OptionalLogField): 'lineId' | 'group' | 'service' | 'outcome' | 'paused' | 'pausedReason' {
  return field === 'line' ? 'lineId' : field === 'paused_reason' ? 'pausedReason' : field;
}

/** CSV with a header row naming the columns, in any order; other columns are ignored. */
class CsvLogReader implements ChunkReader {
  private readonly parser: CsvParser;
  private indexes: Record<LogField, number> | undefined;
  /** The optional columns the header names, with their index. */
  private optional: [OptionalLogField, number][] = [];
  private width = 0;
  /** The header starts charter,channel,commitment (see LogRow.commitmentKey). */
  private keyFirst = false;
  private readonly row: LogRow;
  private currentColumns: (() => number[]) | undefined;

  constructor(
    private readonly display: string,
    private readonly handlers: LogHandlers,
    private readonly reading: LogReading | undefined,
  ) {
    const columnOf = (field: LogField): number => {
      const index = this.indexes?.[field] ?? -1;
      return index === -1 ? 1 : (this.currentColumns?.()[index] ?? 1);
    };
    this.row = emptyRow(columnOf);
    this.parser = new CsvParser(
      (fields, line, columns, text) => this.record(fields, line, columns, text),
      (line, column, english, text) => {
        if (!this.indexes) throw new LogFileError(this.display, line, column, message('report.log.header-row', { problem: text }));
        this.handlers.onMalformed(line, column, english, text);
      },
      reading?.delimiter,
    );
  }

  get lines(): number {
    return this.parser.lines;
  }

  get insideQuotes(): boolean {
    return this.parser.insideQuotes;
  }

  get delimiter(): string {
    return this.parser.delimiter;
  }

  push(chunk: string): void {
    this.parser.push(chunk);
  }

  end(): void {
    this.parser.end();
    if (!this.indexes) throw new LogFileError(this.display, 1, 1, message('report.log.no-header', { columns: LOG_FIELDS.join(',') }));
  }

  private record(fields: string[], line: number, columns: () => number[], text: string | undefined): void {
    const indexes = this.indexes;
    if (!indexes) {
      this.readHeader(fields, line, columns);
      return;
    }
    if (fields.length !== this.width) {
      const shown = fields.length < this.width ? fields.length : this.width;
      const column = fields.length < this.width ? 1 : (columns()[shown] ?? 1);
      const values = { count: fields.length, header: this.width };
      // One field where the header has several: the row is likely split by another delimiter.
      malformed(this.handlers, line, column, message(fields.length === 1 ? 'report.log.field-count-one' : 'report.log.field-count', values));
      return;
    }
    const row = this.row;
    row.charter = fields[indexes.charter] as string;
    row.channel = fields[indexes.channel] as string;
    row.commitment = fields[indexes.commitment] as string;
    row.start = fields[indexes.start] as string;
    row.end = fields[indexes.end] as string;
    // Most logs have none of the optional columns: no loop for them.
    if (this.optional.length > 0) for (const [field, index] of this.optional) row[rowKey(field)] = fields[index] as string;
    row.line = line;
    row.commitmentKey = this.keyFirst && text !== undefined ? text.slice(0, row.charter.length + row.channel.length + row.commitment.length + 2) : undefined;
    this.currentColumns = columns;
    this.handlers.onRow(row);
  }

  private readHeader(fields: string[], line: number, columns: () => number[]): void {
    const names = fields.map(headerKey);
    const indexes: Partial<Record<LogField, number>> = {};
    const mapped = this.reading?.map ?? {};
    const find = (field: LogField): number => {
      const name = headerKey(columnNameOf(field, this.reading));
      const index = names.indexOf(name);
      if (index !== -1 && names.indexOf(name, index + 1) !== -1) {
        throw new LogFileError(this.display, line, columns()[names.indexOf(name, index + 1)] ?? 1, message('report.log.column-twice', { field: name }));
      }
      // A column the --map names must be there, optional field or not.
      if (index === -1 && mapped[field] !== undefined) {
        throw new LogFileError(
          this.display,
          line,
          1,
          message('report.log.mapped-column-missing', { field, column: shorten(mapped[field]), columns: headerList(fields) }),
        );
      }
      return index;
    };
    for (const field of OPTIONAL_LOG_FIELDS) {
      const index = find(field);
      indexes[field] = index;
      if (index !== -1) this.optional.push([field, index]);
    }
    for (const field of LOG_FIELDS) {
      const index = find(field);
      if (index === -1) throw new LogFileError(this.display, line, 1, this.missingColumn(fields, field));
      indexes[field] = index;
    }
    this.indexes = indexes as Record<LogField, number>;
    this.width = fields.length;
    // A row of a log with optional columns that place it is placed by them too: no fast path.
    // The key is a slice of the line as written, so its separators must be the lookup's commas.
    this.keyFirst =
      this.parser.delimiter === ',' &&
      indexes.charter === 0 &&
      indexes.channel === 1 &&
      indexes.commitment === 2 &&
      !this.optional.some(([field]) => PLACING_FIELDS.has(field));
  }

  /** Why the header lacks a field's column, with a hint when the log seems split by another delimiter or named in another language. */
  private missingColumn(fields: string[], field: LogField): MessageRef {
    const looksLikeData = fields.some((value) => /^\d{4}-\d{2}-\d{2}[T ]/.test(value.trim()) || /^\d{1,2}\.\d{1,2}\.\d{4}/.test(value.trim()));
    if (looksLikeData) return message('report.log.no-header', { columns: LOG_FIELDS.join(',') });
    const delimiter = this.parser.delimiter;
    const other = [',', ';', '\t'].find((candidate) => candidate !== delimiter && fields.some((value) => value.includes(candidate)));
    if (other !== undefined && fields.length <= 2) {
      return message('report.log.missing-column-delimiter', {
        field,
        used: delimiterName(delimiter),
        other: delimiterName(other),
      });
    }
    return message('report.log.missing-column', { field, columns: LOG_FIELDS.join(','), header: headerList(fields) });
  }
}

/** The header's columns, for a message (untrusted: shortened, one line). */
function headerList(fields: readonly string[]): string {
  const shown = fields.slice(0, 20).map((field) => shorten(field.trim()));
  return fields.length > 20 ? `${shown.join(', ')}, …` : shown.join(', ');
}

/** JSON Lines: one object per line with the log's keys; `end` may be empty, null or absent while open. */
class JsonLinesLogReader implements ChunkReader {
  private readonly splitter = new LineSplitter((text, line) => this.line(text, line));
  private readonly row: LogRow;
  private currentLine = '';
  /** The key each field is read from (`--map` applies to keys too). */
  private readonly keys: Readonly<Record<MappableField, string>>;

  constructor(
    private readonly handlers: LogHandlers,
    reading: LogReading | undefined,
  ) {
    const keys = {} as Record<MappableField, string>;
    for (const field of [...LOG_FIELDS, ...OPTIONAL_LOG_FIELDS]) keys[field] = columnNameOf(field, reading);
    this.keys = keys;
    const columnOf = (field: LogField): number => {
      const at = this.currentLine.indexOf(JSON.stringify(this.keys[field]));
      return at === -1 ? 1 : at + 1;
    };
    this.row = emptyRow(columnOf);
  }

  get lines(): number {
    return this.splitter.lines;
  }

  readonly insideQuotes = false;
  readonly delimiter = undefined;

  push(chunk: string): void {
    this.splitter.push(chunk);
  }

  end(): void {
    this.splitter.end();
  }

  private line(text: string, line: number): void {
    if (text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      malformed(this.handlers, line, 1, message('report.log.not-json', { error: oneLine(error instanceof Error ? error.message : String(error)) }));
      return;
    }
    const keyList = LOG_FIELDS.map((field) => this.keys[field]).join(', ');
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      malformed(this.handlers, line, 1, message('report.log.not-object', { keys: keyList }));
      return;
    }
    const record = value as Record<string, unknown>;
    const item = (field: MappableField): unknown => (Object.hasOwn(record, this.keys[field]) ? record[this.keys[field]] : undefined);
    this.currentLine = text;
    for (const field of LOG_FIELDS) {
      const given = item(field);
      const optional = field === 'end' && (given === undefined || given === null);
      if (!optional && typeof given !== 'string') {
        const column = this.row.columnOf(field);
        malformed(
          this.handlers,
          line,
          column,
          given === undefined
            ? message('report.log.missing-key', { field: this.keys[field], keys: keyList })
            : message('report.log.not-a-string', { field: this.keys[field], value: shorten(JSON.stringify(given) ?? typeof given) }),
        );
        return;
      }
    }
    const row = this.row;
    row.pausedList = undefined;
    for (const field of OPTIONAL_LOG_FIELDS) {
      const given = item(field);
      if (given === undefined || given === null) {
        row[rowKey(field)] = '';
      } else if (typeof given === 'string') {
        row[rowKey(field)] = given;
      } else if (field === 'paused' && Array.isArray(given)) {
        row.paused = '';
        row.pausedList = given;
      } else {
        malformed(
          this.handlers,
          line,
          this.row.columnOf(field),
          message(field === 'paused' ? 'report.pause.not-a-pause' : 'report.log.not-a-string', {
            field: this.keys[field],
            value: shorten(JSON.stringify(given) ?? typeof given),
          }),
        );
        return;
      }
    }
    row.charter = record[this.keys.charter] as string;
    row.channel = record[this.keys.channel] as string;
    row.commitment = record[this.keys.commitment] as string;
    row.start = record[this.keys.start] as string;
    const end = item('end');
    row.end = typeof end === 'string' ? end : '';
    row.line = line;
    this.handlers.onRow(row);
  }
}

function emptyRow(columnOf: (field: LogField) => number): LogRow {
  return {
    charter: '',
    channel: '',
    commitment: '',
    start: '',
    end: '',
    lineId: '',
    group: '',
    service: '',
    outcome: '',
    paused: '',
    pausedList: undefined,
    pausedReason: '',
    line: 0,
    commitmentKey: undefined,
    columnOf,
  };
}

/** A row that is not a row: its message in English and as data. */
function malformed(handlers: LogHandlers, line: number, column: number, text: MessageRef): void {
  handlers.onMalformed(line, column, renderMessage(text, 'en'), text);
}
