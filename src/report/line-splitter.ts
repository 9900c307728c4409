import { MessageError } from '../messages/message-error.js';
import { message } from '../messages/message.js';
/**
 * Cuts text that arrives in chunks into lines: a byte order mark at the very
 * start is dropped, a line may end in LF or CRLF (the CR is not part of the
 * line), and a partial last line waits for the next chunk. A line longer than
 * MAX_LINE_CHARS is refused, which keeps memory bounded on a file that is not
 * a log at all.
 */
export const MAX_LINE_CHARS = 1_000_000;

export class LineSplitter {
  private rest = '';
  private started = false;
  private count = 0;

  constructor(private readonly onLine: (text: string, line: number) => void) {}

  /** Physical lines given out so far. */
  get lines(): number {
    return this.count;
  }

  push(chunk: string): void {
    let text = this.rest + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let position = 0;
    for (;;) {
      const newline = text.indexOf('\n', position);
      if (newline === -1) break;
      const end = newline > position && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      this.onLine(text.slice(position, end), ++this.count);
      position = newline + 1;
    }
    this.rest = position === 0 ? text : text.slice(position);
    if (this.rest.length > MAX_LINE_CHARS) throw new MessageError(message('report.log.line-too-long', { line: this.count + 1, max: MAX_LINE_CHARS }));
  }

  /** Gives out the last line, if the text did not end with a line break. */
  end(): void {
    if (this.rest.length === 0) return;
    const last = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
    this.rest = '';
    this.onLine(last, ++this.count);
  }
}
