import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import { MessageError } from '../messages/message-error.js';
import { message } from '../messages/message.js';

/**
 * The text encodings a contact log may come in. UTF-8 (with or without a
 * byte order mark) is read as it is; UTF-16 is read by its byte order mark
 * (Excel's "Unicode text"); anything else must be named with `--encoding`.
 * A file that is not valid UTF-8 is refused with a word on what it looks
 * like, rather than read with its letters garbled: Windows-1252 (Excel's
 * "CSV (comma delimited)" on Windows, where ä is the byte 0xE4) or UTF-16
 * without a byte order mark (a NUL byte beside every ASCII letter).
 */
export const LOG_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252', 'latin1'] as const;
export type LogEncoding = (typeof LOG_ENCODINGS)[number];

/** How far into a log its first bytes are looked at for NULs. */
const SNIFF_BYTES = 512;

export class LogDecoder {
  private decoder: TextDecoder | undefined;
  /**
   * UTF-8 is decoded by a StringDecoder and checked with isUtf8: both are
   * fast, and ASCII text stays in one-byte strings (TextDecoder's streaming
   * mode makes two-byte ones, which cost a million-row log 70 MB more).
   */
  private utf8: StringDecoder | undefined;
  /** The bytes of a UTF-8 character cut by the end of the last chunk, checked with the next. */
  private carried: Buffer = Buffer.alloc(0);
  private chosen: LogEncoding | undefined;

  /**
   * `forced`: the encoding given with --encoding; `atStart`: the bytes are the
   * file's first (a part of a large log read from its middle has no byte
   * order mark to look at); `linesBefore`: the lines the text decoded so far
   * holds (the reader counts them anyway), to say on which line a bad byte is.
   */
  constructor(
    forced: LogEncoding | undefined,
    private readonly atStart = true,
    private readonly linesBefore: () => number = () => 0,
  ) {
    if (forced !== undefined) this.use(forced);
  }

  /** The encoding read with, once the first bytes have decided it. */
  get encoding(): LogEncoding | undefined {
    return this.chosen;
  }

  write(bytes: Buffer): string {
    if (!this.decoder && !this.utf8) this.use(this.atStart ? this.sniff(bytes) : 'utf-8');
    if (this.utf8) {
      this.checkUtf8(bytes);
      return this.utf8.write(bytes);
    }
    return (this.decoder as TextDecoder).decode(bytes, { stream: true });
  }

  end(): string {
    if (this.utf8) {
      if (this.carried.length > 0) throw new MessageError(message('report.encoding.cut-short'));
      return this.utf8.end();
    }
    return this.decoder?.decode() ?? '';
  }

  private use(encoding: LogEncoding): void {
    this.chosen = encoding;
    // Only UTF-8 can be invalid in a way worth refusing; the other encodings read every byte as a letter.
    if (encoding === 'utf-8') this.utf8 = new StringDecoder('utf8');
    else this.decoder = new TextDecoder(encoding);
  }

  /** Refuses bytes that are not UTF-8, keeping a character cut at the chunk's end for the next one. */
  private checkUtf8(chunk: Buffer): void {
    const bytes = this.carried.length === 0 ? chunk : Buffer.concat([this.carried, chunk]);
    const whole = completeLength(bytes);
    if (!isUtf8(bytes.subarray(0, whole))) throw this.notUtf8(bytes);
    this.carried = Buffer.from(bytes.subarray(whole));
  }

  /** The encoding a file's first bytes show, or a refusal. */
  private sniff(bytes: Uint8Array): LogEncoding {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) throw new MessageError(message('report.log.gzip-on-stdin'));
    const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
    let evenNuls = 0;
    let oddNuls = 0;
    for (let index = 0; index < head.length; index++) {
      if (head[index] !== 0) continue;
      if (index % 2 === 0) evenNuls++;
      else oddNuls++;
    }
    if (evenNuls + oddNuls > 0) {
      // ASCII letters in UTF-16 LE are the letter then NUL; in BE, NUL then the letter.
      const likely = oddNuls >= evenNuls ? 'utf-16le' : 'utf-16be';
      throw new MessageError(message('report.encoding.looks-utf16', { encoding: likely }));
    }
    return 'utf-8';
  }

  /** Bytes that are not UTF-8: say where, and what they would be in Windows-1252. */
  private notUtf8(bytes: Uint8Array): MessageError {
    const at = firstInvalidUtf8(bytes);
    let line = this.linesBefore() + 1;
    for (let index = 0; index < at; index++) if (bytes[index] === 10) line++;
    const byte = bytes[at] ?? 0;
    const letter = new TextDecoder('windows-1252').decode(Uint8Array.of(byte));
    return new MessageError(
      message('report.encoding.looks-windows-1252', {
        line,
        byte: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
        letter: /\p{L}|\p{S}|\p{P}/u.test(letter) ? letter : '?',
      }),
    );
  }
}

/** How many bytes of `bytes` end on a character boundary: a UTF-8 sequence cut by the end is left out (at most 3 bytes). */
function completeLength(bytes: Uint8Array): number {
  const length = bytes.length;
  for (let back = 1; back <= Math.min(3, length); back++) {
    const byte = bytes[length - back] as number;
    if ((byte & 0xc0) === 0x80) continue;
    // A lead byte: complete if its sequence fits in what follows it.
    const needs = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needs > back ? length - back : length;
  }
  return length;
}

/** The index of the first byte that does not start or continue a UTF-8 sequence correctly (bytes.length if none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length;) {
    const lead = bytes[index] as number;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    // A sequence cut off by the chunk's end is not an error here.
    for (let next = 1; next < length; next++) {
      if (index + next >= bytes.length) return bytes.length;
      if (((bytes[index + next] as number) & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return bytes.length;
}
