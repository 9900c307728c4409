import { describe, expect, it } from 'vitest';
import { LogDecoder } from '../../src/report/log-encoding.js';
import { MessageError } from '../../src/messages/message-error.js';
import { renderMessage } from '../../src/messages/message.js';

/** Decodes `bytes` cut into chunks of `size` bytes. */
function decodeInChunks(bytes: Buffer, size: number, given?: LogDecoder): string {
  let text = '';
  // As a log's reader does, the complete lines decoded so far.
  const decoder = given ?? new LogDecoder(undefined, true, () => text.split('\n').length - 1);
  for (let from = 0; from < bytes.length; from += size) text += decoder.write(bytes.subarray(from, from + size));
  return text + decoder.end();
}

describe('LogDecoder', () => {
  const text = 'Yksikkö;Kanava\nTöölö 🏠;€\n';

  it('reads UTF-8 whatever chunk boundary cuts a character', () => {
    for (const size of [1, 2, 3, 5, 7, 64]) expect(decodeInChunks(Buffer.from(text), size)).toBe(text);
  });

  it('says on which line a byte that is not UTF-8 is, whichever chunk it falls in', () => {
    const bytes = Buffer.concat([Buffer.from('a,b\nc,d\n'), Buffer.from('T\u00f6\u00f6l\u00f6\n', 'latin1')]);
    for (const size of [1, 4, 64]) {
      let problem = '';
      try {
        decodeInChunks(bytes, size);
      } catch (error) {
        problem = error instanceof MessageError ? renderMessage(error.text, 'en') : String(error);
      }
      expect(problem).toMatch(/byte 0xF6 on line 3 is not UTF-8; the file looks like Windows-1252 .* ö: give --encoding windows-1252/);
    }
  });

  it('refuses a UTF-8 file cut in the middle of a character', () => {
    expect(() => decodeInChunks(Buffer.from('abc ä').subarray(0, 5), 64)).toThrow(MessageError);
  });

  it('reads UTF-16 by its byte order mark, in any chunks, and says which it used', () => {
    const decoder = new LogDecoder(undefined);
    expect(decodeInChunks(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 3, decoder)).toBe(text);
    expect(decoder.encoding).toBe('utf-16le');
  });
});
