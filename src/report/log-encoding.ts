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
  private chosen: LogEncoding | undefined;
  /** Line breaks in the bytes decoded so far (to say on which line a bad byte is). */
  private lineBreaks = 0;

  /**
   * `forced`: the encoding given with --encoding; `atStart`: the bytes are the
   * file's first (a part of a large log read from its middle has no byte
   * order mark to look at).
   */
  constructor(
    forced: LogEncoding | undefined,
    private readonly atStart = true,
  ) {
    if (forced !== undefined) this.use(forced);
  }

  /** The encoding read with, once the first bytes have decided it. */
  get encoding(): LogEncoding | undefined {
    return this.chosen;
  }

  write(bytes: Uint8Array): string {
    if (!this.decoder) this.use(this.atStart ? this.sniff(bytes) : 'utf-8');
    const decoder = this.decoder as TextDecoder;
    try {
      const text = decoder.decode(bytes, { stream: true });
      if (this.chosen === 'utf-8') this.countLines(bytes);
      return text;
    } catch {
      throw this.notUtf8(bytes);
    }
  }

  end(): string {
    try {
      return this.decoder?.decode() ?? '';
    } catch {
      throw new MessageError(message('report.encoding.cut-short'));
    }
  }

  private use(encoding: LogEncoding): void {
    this.chosen = encoding;
    // Only UTF-8 can be invalid in a way worth refusing; the other encodings read every byte as a letter.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
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

  private countLines(bytes: Uint8Array): void {
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) this.lineBreaks++;
  }

  /** Bytes that are not UTF-8: say where, and what they would be in Windows-1252. */
  private notUtf8(bytes: Uint8Array): MessageError {
    const at = firstInvalidUtf8(bytes);
    let line = this.lineBreaks + 1;
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
