import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { LineSplitter } from './line-splitter.js';

export { MAX_LINE_CHARS } from './line-splitter.js';

/**
 * A streaming CSV parser (RFC 4180: comma separated, or by another one-character delimiter, fields optionally in
 * double quotes, `""` inside quotes is a quote, quoted fields may hold commas
 * and line breaks; LF or CRLF line ends). Text comes in chunks of any size;
 * records go out through a callback as soon as they are complete, so a log of
 * any length is read in constant memory.
 *
 * Lines without a quote take a fast path (`split`), which is what keeps a
 * million-row log quick.
 *
 * The delimiter is given, or found on the first line that is not empty (the
 * header): whichever of comma, semicolon and tab occurs most often outside
 * quotes, the comma when none does (Excel in Finland writes semicolons).
 */

/** The delimiters found by themselves, in the order that breaks a tie. */
export const DETECTED_DELIMITERS = [',', ';', '\t'] as const;

/**
 * Called once per record. `fields` are the values; `line` is the physical line
 * the record starts on (1-based); `columns` gives each field's 1-based start
 * column, and is only computed when asked for (errors are rare); `text` is the
 * line as written when it has no quotes (fields are then plain slices of it).
 */
export type CsvRecordHandler = (fields: string[], line: number, columns: () => number[], text: string | undefined) => void;

/**
 * A malformed record (an unterminated quote, text after a closing quote):
 * `message` in English, `text` the same message as data, to say it in
 * another language (see messages/).
 */
export type CsvErrorHandler = (line: number, column: number, message: string, text: MessageRef) => void;

export class CsvParser {
  private readonly splitter = new LineSplitter((text, line) => this.process(text, line));
  /** Lines of a quoted record that spans line breaks, until its quotes balance. */
  private pendingRecord: string[] = [];
  private pendingStartLine = 0;
  private pendingQuotes = 0;
  /** Where the unclosed quote of the pending record opens. */
  private pendingColumn = 0;
  private separator: string;
  private separatorCode: number;
  private found: boolean;

  /** `delimiter`: one character that separates fields; undefined to find it on the first line. */
  constructor(
    private readonly onRecord: CsvRecordHandler,
    private readonly onError: CsvErrorHandler,
    delimiter?: string,
  ) {
    this.separator = delimiter ?? ',';
    this.separatorCode = this.separator.charCodeAt(0);
    this.found = delimiter !== undefined;
  }

  /** The delimiter in use (the comma until the first line has been seen, when it is found). */
  get delimiter(): string {
    return this.separator;
  }

  /** Parses the complete lines of `chunk`; keeps a partial last line for the next call. */
  push(chunk: string): void {
    this.splitter.push(chunk);
  }

  /** Parses what is left at the end of the input. */
  end(): void {
    this.splitter.end();
    if (this.pendingRecord.length > 0) {
      this.fail(this.pendingStartLine, this.pendingColumn, message('report.csv.unclosed'));
      this.pendingRecord = [];
    }
  }

  /** Physical lines read so far. */
  get lines(): number {
    return this.splitter.lines;
  }

  /** Whether the text so far ends inside a quoted field that spans lines. */
  get insideQuotes(): boolean {
    return this.pendingRecord.length > 0;
  }

  private process(text: string, lineNumber: number): void {
    if (this.pendingRecord.length > 0) {
      this.pendingRecord.push(text);
      this.pendingQuotes += countQuotes(text);
      if (this.pendingQuotes % 2 === 0) {
        const record = this.pendingRecord.join('\n');
        this.pendingRecord = [];
        this.quotedRecord(record, this.pendingStartLine);
      } else if (this.pendingRecord.length > MAX_RECORD_LINES) {
        this.giveUpOnPendingRecord();
      }
      return;
    }
    this.startRecord(text, lineNumber);
  }

  private startRecord(text: string, lineNumber: number): void {
    if (text.length === 0) return;
    if (!this.found) {
      this.found = true;
      this.separator = detectDelimiter(text);
      this.separatorCode = this.separator.charCodeAt(0);
    }
    if (text.indexOf('"') === -1) {
      const fields = text.split(this.separator);
      this.onRecord(fields, lineNumber, () => plainColumns(fields), text);
      return;
    }
    const parsed = parseQuoted(text, this.separator, this.separatorCode);
    if ('unclosed' in parsed) {
      // A quoted field may hold line breaks: read on until the quotes balance.
      this.pendingRecord = [text];
      this.pendingStartLine = lineNumber;
      this.pendingQuotes = countQuotes(text);
      this.pendingColumn = parsed.column;
      return;
    }
    this.emit(parsed, lineNumber);
  }

  private quotedRecord(text: string, lineNumber: number): void {
    this.emit(parseQuoted(text, this.separator, this.separatorCode), lineNumber);
  }

  private emit(parsed: QuotedResult, lineNumber: number): void {
    if ('error' in parsed) this.fail(lineNumber, parsed.column, parsed.error);
    else if ('unclosed' in parsed) this.fail(lineNumber, parsed.column, message('report.csv.unclosed'));
    else this.onRecord(parsed.fields, lineNumber, () => parsed.columns, undefined);
  }

  /**
   * A quote left open would swallow the rest of the log as one field: after
   * MAX_RECORD_LINES lines, report it and read the lines after it normally.
   */
  private giveUpOnPendingRecord(): void {
    const others = this.pendingRecord.slice(1);
    const start = this.pendingStartLine;
    this.pendingRecord = [];
    this.fail(start, this.pendingColumn, message('report.csv.unclosed-within', { count: MAX_RECORD_LINES }));
    others.forEach((text, offset) => this.process(text, start + 1 + offset));
  }

  private fail(line: number, column: number, text: MessageRef): void {
    this.onError(line, column, renderMessage(text, 'en'), text);
  }
}

/** The longest record a quoted field may spread over. */
const MAX_RECORD_LINES = 100;
type QuotedResult = { fields: string[]; columns: number[] } | { error: MessageRef; column: number } | { unclosed: true; column: number };

function countQuotes(text: string): number {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) count++;
  return count;
}

/** The delimiter of a header line: the most frequent of DETECTED_DELIMITERS outside quotes, the comma when none occurs. */
export function detectDelimiter(line: string): string {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    if (code === 34) quoted = !quoted;
    else if (!quoted) {
      if (code === 44) counts[0]!++;
      else if (code === 59) counts[1]!++;
      else if (code === 9) counts[2]!++;
    }
  }
  let best = 0;
  for (let index = 1; index < counts.length; index++) if ((counts[index] as number) > (counts[best] as number)) best = index;
  return DETECTED_DELIMITERS[best] as string;
}

/** Start columns of unquoted fields: each starts one past the previous field's delimiter. */
function plainColumns(fields: readonly string[]): number[] {
  const columns: number[] = [];
  let column = 1;
  for (const field of fields) {
    columns.push(column);
    column += field.length + 1;
  }
  return columns;
}

/** Columns are counted on the record's first line; a record spanning lines reports positions on it. */
function parseQuoted(text: string, separator: string, separatorCode: number): QuotedResult {
  const fields: string[] = [];
  const columns: number[] = [];
  let index = 0;
  for (;;) {
    columns.push(index + 1);
    if (text.charCodeAt(index) === 34) {
      let value = '';
      let cursor = index + 1;
      for (;;) {
        const quote = text.indexOf('"', cursor);
        if (quote === -1) return { unclosed: true, column: index + 1 };
        value += text.slice(cursor, quote);
        if (text.charCodeAt(quote + 1) === 34) {
          value += '"';
          cursor = quote + 2;
          continue;
        }
        cursor = quote + 1;
        break;
      }
      fields.push(value);
      if (cursor === text.length) return { fields, columns };
      if (text.charCodeAt(cursor) !== separatorCode) {
        return { error: message('report.csv.text-after-quote'), column: cursor + 1 };
      }
      index = cursor + 1;
    } else {
      const comma = text.indexOf(separator, index);
      const end = comma === -1 ? text.length : comma;
      const value = text.slice(index, end);
      const stray = value.indexOf('"');
      if (stray !== -1) return { error: message('report.csv.stray-quote'), column: index + stray + 1 };
      fields.push(value);
      if (comma === -1) return { fields, columns };
      index = comma + 1;
    }
  }
}
