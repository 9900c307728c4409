import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { oneLine } from '../format/shared.js';
import { MessageError } from '../messages/message-error.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { systemProblemMessage } from '../util/regular-file.js';
import { CsvParser } from './csv.js';
import { LineSplitter } from './line-splitter.js';
import { shorten } from './timestamp.js';

/** The columns of a contact log, in the order the issue and the README give them. */
export const LOG_FIELDS = ['charter', 'channel', 'commitment', 'start', 'end'] as const;
/**
 * Columns a log may have besides: `line` (a channel line's or a complaint
 * stage's id), `group` (a customer group's id), `service` (a service's id),
 * `outcome` (`abandoned` for a call or chat given up). Empty when absent.
 */
export const OPTIONAL_LOG_FIELDS = ['line', 'group', 'service', 'outcome'] as const;
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
}

export interface ReadLogResult {
  /** Physical lines read, the prefix's included. */
  readonly lines: number;
  /** The text ended inside a quoted CSV field (a part of a log ending there was not split at a record). */
  readonly endedInsideQuotes: boolean;
}

/** Reads a log file (or standard input) in chunks, calling the handlers row by row. */
export async function readLog(path: string, display: string, handlers: LogHandlers, options: ReadLogOptions = {}): Promise<ReadLogResult> {
  const stream = openText(path, display, options);
  let reader: ChunkReader | undefined;
  const push = (chunk: string): void => {
    if (!reader) {
      const problem = notTextProblem(chunk);
      if (problem !== undefined) throw new LogFileError(display, 0, 0, problem);
      const format = formatFromName(display) ?? sniffFormat(chunk);
      if (format === undefined) return;
      reader = format === 'csv' ? new CsvLogReader(display, handlers) : new JsonLinesLogReader(handlers);
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
  if (!reader) return { lines: 0, endedInsideQuotes: false };
  const endedInsideQuotes = reader.insideQuotes;
  reader.end();
  return { lines: reader.lines, endedInsideQuotes };
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

/** Why a log's first text shows it is not UTF-8 text, or undefined. */
function notTextProblem(start: string): MessageRef | undefined {
  if (start.startsWith('\u001F\uFFFD')) return message('report.log.gzip-on-stdin');
  // UTF-16 (Excel's "Unicode text") starts with FF FE or FE FF, which UTF-8 reads as two replacement characters, or has NULs between letters.
  if (start.startsWith('\uFFFD\uFFFD') || start.slice(0, 200).includes('\u0000')) {
    return message('report.log.utf16');
  }
  return undefined;
}

/** The log as a stream of text: a file part, a whole gzip file unpacked on the fly, or standard input. */
function openText(path: string, display: string, options: ReadLogOptions): AsyncIterable<string> {
  if (options.input) {
    options.input.setEncoding('utf8');
    return options.input as AsyncIterable<string>;
  }
  if (isGzipped(path, display)) return unpackedText(path, display);
  return createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: CHUNK_BYTES,
    ...(options.start === undefined ? {} : { start: options.start }),
    ...(options.end === undefined ? {} : { end: options.end }),
  }) as AsyncIterable<string>;
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
async function* unpackedText(path: string, display: string): AsyncIterable<string> {
  const packedBytes = (await stat(path)).size;
  const allowed = Math.max(MAX_GZIP_EXPANSION * packedBytes, MIN_UNPACKED_ALLOWANCE);
  // pipeline() passes a read error on to the unpacked stream (pipe() would leave it waiting).
  const unpacked = pipeline(createReadStream(path, { highWaterMark: CHUNK_BYTES }), createGunzip(), () => undefined);
  const decoder = new StringDecoder('utf8');
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
    yield decoder.write(chunk);
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
    );
  }

  get lines(): number {
    return this.parser.lines;
  }

  get insideQuotes(): boolean {
    return this.parser.insideQuotes;
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
      malformed(this.handlers, line, column, message('report.log.field-count', { count: fields.length, header: this.width }));
      return;
    }
    const row = this.row;
    row.charter = fields[indexes.charter] as string;
    row.channel = fields[indexes.channel] as string;
    row.commitment = fields[indexes.commitment] as string;
    row.start = fields[indexes.start] as string;
    row.end = fields[indexes.end] as string;
    // Most logs have none of the optional columns: no loop for them.
    if (this.optional.length > 0) for (const [field, index] of this.optional) row[field === 'line' ? 'lineId' : field] = fields[index] as string;
    row.line = line;
    row.commitmentKey = this.keyFirst && text !== undefined ? text.slice(0, row.charter.length + row.channel.length + row.commitment.length + 2) : undefined;
    this.currentColumns = columns;
    this.handlers.onRow(row);
  }

  private readHeader(fields: string[], line: number, columns: () => number[]): void {
    const names = fields.map((field) => field.trim().toLowerCase());
    const indexes: Partial<Record<LogField, number>> = {};
    for (const field of OPTIONAL_LOG_FIELDS) {
      const index = names.indexOf(field);
      if (index !== -1 && names.indexOf(field, index + 1) !== -1) {
        throw new LogFileError(this.display, line, columns()[names.indexOf(field, index + 1)] ?? 1, message('report.log.column-twice', { field }));
      }
      indexes[field] = index;
      if (index !== -1) this.optional.push([field, index]);
    }
    for (const field of LOG_FIELDS) {
      const index = names.indexOf(field);
      if (index === -1) {
        const looksLikeData = fields.some((field) => /^\d{4}-\d{2}-\d{2}[T ]/.test(field.trim()));
        throw new LogFileError(
          this.display,
          line,
          1,
          looksLikeData
            ? message('report.log.no-header', { columns: LOG_FIELDS.join(',') })
            : message('report.log.missing-column', { field, columns: LOG_FIELDS.join(',') }),
        );
      }
      if (names.indexOf(field, index + 1) !== -1) {
        throw new LogFileError(this.display, line, columns()[names.indexOf(field, index + 1)] ?? 1, message('report.log.column-twice', { field }));
      }
      indexes[field] = index;
    }
    this.indexes = indexes as Record<LogField, number>;
    this.width = fields.length;
    // A row of a log with optional columns is placed by them too: no fast path.
    this.keyFirst = indexes.charter === 0 && indexes.channel === 1 && indexes.commitment === 2 && this.optional.length === 0;
  }
}

/** JSON Lines: one object per line with the log's keys; `end` may be empty, null or absent while open. */
class JsonLinesLogReader implements ChunkReader {
  private readonly splitter = new LineSplitter((text, line) => this.line(text, line));
  private readonly row: LogRow;
  private currentLine = '';

  constructor(private readonly handlers: LogHandlers) {
    const columnOf = (field: LogField): number => {
      const at = this.currentLine.indexOf(`"${field}"`);
      return at === -1 ? 1 : at + 1;
    };
    this.row = emptyRow(columnOf);
  }

  get lines(): number {
    return this.splitter.lines;
  }

  readonly insideQuotes = false;

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
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      malformed(this.handlers, line, 1, message('report.log.not-object', { keys: LOG_FIELDS.join(', ') }));
      return;
    }
    const record = value as Record<string, unknown>;
    this.currentLine = text;
    for (const field of LOG_FIELDS) {
      const item = Object.hasOwn(record, field) ? record[field] : undefined;
      const optional = field === 'end' && (item === undefined || item === null);
      if (!optional && typeof item !== 'string') {
        const column = this.row.columnOf(field);
        malformed(
          this.handlers,
          line,
          column,
          item === undefined
            ? message('report.log.missing-key', { field, keys: LOG_FIELDS.join(', ') })
            : message('report.log.not-a-string', { field, value: shorten(JSON.stringify(item) ?? typeof item) }),
        );
        return;
      }
    }
    const row = this.row;
    for (const field of OPTIONAL_LOG_FIELDS) {
      const item = Object.hasOwn(record, field) ? record[field] : undefined;
      if (item === undefined || item === null) {
        row[field === 'line' ? 'lineId' : field] = '';
      } else if (typeof item === 'string') {
        row[field === 'line' ? 'lineId' : field] = item;
      } else {
        malformed(
          this.handlers,
          line,
          this.row.columnOf(field),
          message('report.log.not-a-string', { field, value: shorten(JSON.stringify(item) ?? typeof item) }),
        );
        return;
      }
    }
    row.charter = record.charter as string;
    row.channel = record.channel as string;
    row.commitment = record.commitment as string;
    row.start = record.start as string;
    row.end = typeof record.end === 'string' ? record.end : '';
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
    line: 0,
    commitmentKey: undefined,
    columnOf,
  };
}

/** A row that is not a row: its message in English and as data. */
function malformed(handlers: LogHandlers, line: number, column: number, text: MessageRef): void {
  handlers.onMalformed(line, column, renderMessage(text, 'en'), text);
}
