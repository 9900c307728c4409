import { describe, expect, it } from 'vitest';
import { jsonText, oneLine, terminalLines } from '../../src/format/shared.js';

const ESC = '\u001b';

describe('text for a terminal', () => {
  it('oneLine joins lines and shows every control character as an escape', () => {
    expect(oneLine(`a\r\n  b\tc${ESC}[31m red\u0007\u0000\u009b2J`)).toBe('a b c\\u001b[31m red\\u0007\\u0000\\u009b2J');
  });

  it('oneLine shows bidirectional overrides and isolates, which could make a line read backwards', () => {
    expect(oneLine('file\u202Elmay.exe')).toBe('file\\u202elmay.exe');
    expect(oneLine('a\u2066b\u2069')).toBe('a\\u2066b\\u2069');
  });

  it('terminalLines keeps line feeds and tabs, and escapes carriage returns that could overwrite a line', () => {
    expect(terminalLines(`first\n\tsecond${ESC}]0;title\u0007\rfake`)).toBe('first\n\tsecond\\u001b]0;title\\u0007\\u000dfake');
  });

  it('jsonText escapes DEL, C1 controls and separators, and reads back as the same data', () => {
    const value = { name: `x\u007f\u0085\u009b\u2028\u202e${ESC}`, list: [1, 'ä'] };
    const text = jsonText(value);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(text.endsWith('\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });
});
