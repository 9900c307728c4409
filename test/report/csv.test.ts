import { describe, expect, it } from 'vitest';
import { CsvParser, MAX_LINE_CHARS } from '../../src/report/csv.js';

interface Parsed {
  records: { fields: string[]; line: number; columns: number[] }[];
  errors: { line: number; column: number; message: string }[];
}

/** Parses text fed in chunks of `chunkSize` characters (1 = the worst case for chunk boundaries). */
function parse(text: string, chunkSize = text.length || 1): Parsed {
  const result: Parsed = { records: [], errors: [] };
  const parser = new CsvParser(
    (fields, line, columns) => result.records.push({ fields: [...fields], line, columns: columns() }),
    (line, column, message) => result.errors.push({ line, column, message }),
  );
  for (let index = 0; index < text.length; index += chunkSize) parser.push(text.slice(index, index + chunkSize));
  parser.end();
  return result;
}

describe('CsvParser', () => {
  it('splits plain lines and gives each field its column', () => {
    const { records, errors } = parse('a,b,c\nxx,,zzz\n');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { fields: ['a', 'b', 'c'], line: 1, columns: [1, 3, 5] },
      { fields: ['xx', '', 'zzz'], line: 2, columns: [1, 4, 5] },
    ]);
  });

  it('reads CRLF, a byte order mark, blank lines and a last line without a line break', () => {
    const { records } = parse('\uFEFFa,b\r\n\r\n1,2\r\n3,4');
    expect(records.map((record) => [record.line, record.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [4, ['3', '4']],
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, in any chunking', () => {
    const text = 'a,b\n"x, y","say ""hi"""\n"two\nlines",z\nlast,row\n';
    for (const chunkSize of [1, 2, 3, 7, 1000]) {
      const { records, errors } = parse(text, chunkSize);
      expect(errors).toEqual([]);
      expect(records.map((record) => [record.line, record.fields])).toEqual([
        [1, ['a', 'b']],
        [2, ['x, y', 'say "hi"']],
        [3, ['two\nlines', 'z']],
        [5, ['last', 'row']],
      ]);
    }
  });

  it('gives columns of quoted fields on their own line', () => {
    const { records } = parse('ab,"c,d",e\n');
    expect(records[0]?.columns).toEqual([1, 4, 10]);
  });

  it('reports a stray quote inside an unquoted field where it is, and goes on', () => {
    const { records, errors } = parse('a,b\nx,y"z\nok,1\n');
    expect(errors).toEqual([{ line: 2, column: 4, message: expect.stringMatching(/quote inside an unquoted field/) as string }]);
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['ok', '1'],
    ]);
  });

  it('reports text after a closing quote', () => {
    const { errors } = parse('"a"b,c\n');
    expect(errors).toEqual([{ line: 1, column: 4, message: expect.stringMatching(/text after a closing quote/) as string }]);
  });

  it('reports a quote never closed at the end of the input', () => {
    const { records, errors } = parse('a,b\nx,"open\nmore\n');
    expect(records).toHaveLength(1);
    expect(errors).toEqual([{ line: 2, column: 3, message: expect.stringMatching(/never closed/) as string }]);
  });

  it('gives up on an unclosed quote after 100 lines and reads the lines after it as rows', () => {
    const rows = Array.from({ length: 150 }, (_, index) => `r${index},${index}`).join('\n');
    const { records, errors } = parse(`h,v\nx,"open\n${rows}\n`);
    expect(errors).toEqual([{ line: 2, column: 3, message: expect.stringMatching(/within 100 lines/) as string }]);
    expect(records).toHaveLength(151);
    expect(records[1]).toMatchObject({ fields: ['r0', '0'], line: 3 });
    expect(records[150]).toMatchObject({ fields: ['r149', '149'], line: 152 });
  });

  it('refuses an endless line instead of holding it in memory', () => {
    const parser = new CsvParser(
      () => undefined,
      () => undefined,
    );
    expect(() => parser.push('x'.repeat(MAX_LINE_CHARS + 1))).toThrow(/longer than/);
  });
});
