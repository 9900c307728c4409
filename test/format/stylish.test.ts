import { describe, expect, it } from 'vitest';
import { formatStylish } from '../../src/format/stylish.js';
import type { FileResult } from '../../src/model/diagnostic.js';
import { CLEAN_RESULTS, CONTEXT, HOURS, HTML, MIXED_FILE, RESULTS, SPACED_FILE, WARNINGS_FILE, WEAKER } from '../fixtures/diagnostics.js';

const ESC = '\u001b';
const stripAnsi = (text: string): string => text.replace(/\u001b\[\d+m/g, '');

describe('stylish formatter', () => {
  const output = formatStylish(RESULTS, CONTEXT);
  const lines = output.split('\n');

  it('groups rows under a header per file with problems, skipping clean files', () => {
    expect(lines[0]).toBe(MIXED_FILE);
    expect(lines.filter((line) => !line.startsWith(' ') && line !== '' && !line.startsWith('\u2716'))).toEqual([MIXED_FILE, WARNINGS_FILE, SPACED_FILE]);
    expect(output).not.toContain('building-control');
  });

  it('prints sorted rows as "  line:col  severity  message  rule-id" with aligned columns', () => {
    const rows = lines.slice(1, 4);
    const messageWidth = WEAKER.message.length; // the longest message
    expect(rows).toEqual([
      `   3:12  error    ${HTML.message.replace('\n', ' ').padEnd(messageWidth)}  schema`,
      `  12:5   error    ${WEAKER.message}  no-weaker-than-baseline`,
      `  20:7   warning  ${HOURS.message.padEnd(messageWidth)}  opening-hours`,
    ]);
    // The colons line up, and so do the severity, message and rule-id columns.
    const starts = (pattern: RegExp): Set<number> => new Set(rows.map((row) => Array.from(row.slice(0, row.search(pattern))).length));
    expect(starts(/:/)).toEqual(new Set([4]));
    expect(starts(/error|warning/)).toEqual(new Set([9]));
    expect(starts(/the |opening/)).toEqual(new Set([18]));
    expect(starts(/\S+$/).size).toBe(1);
    expect(rows.every((row) => row === row.trimEnd())).toBe(true);
  });

  it('aligns each file on its own', () => {
    expect(lines.slice(6, 8)).toEqual([
      '  2:1  warning  the Swedish text is missing                languages-complete',
      '  8:9  warning  the review is due in 14 days (2026-10-01)  review-due',
    ]);
  });

  it('keeps a message on one line and shows control characters instead of sending them', () => {
    expect(output).toContain('100% of it will be dropped');
    const hostile: FileResult[] = [{ file: 'a.yaml', diagnostics: [{ ...WEAKER, file: 'a.yaml', message: `bad\u001b[2Jvalue\tand\u0007bell` }] }];
    const text = formatStylish(hostile, CONTEXT);
    expect(text).not.toContain(ESC);
    expect(text).toContain('bad\\u001b[2Jvalue and\\u0007bell');
  });

  it('ends with a summary line counting problems, errors and warnings', () => {
    expect(output.endsWith('\n\n\u2716 6 problems (3 errors, 3 warnings)\n')).toBe(true);
    const one: FileResult[] = [{ file: MIXED_FILE, diagnostics: [HOURS] }];
    expect(formatStylish(one, CONTEXT).endsWith('\u2716 1 problem (0 errors, 1 warning)\n')).toBe(true);
  });

  it('prints nothing when there is nothing to report', () => {
    expect(formatStylish(CLEAN_RESULTS, CONTEXT)).toBe('');
    expect(formatStylish([], CONTEXT)).toBe('');
  });

  it('never colours when colour is off', () => {
    expect(output).not.toContain(ESC);
  });

  it('colours when asked, without changing the text or the alignment', () => {
    const coloured = formatStylish(RESULTS, { ...CONTEXT, color: true });
    expect(stripAnsi(coloured)).toBe(output);
    const colouredLines = coloured.split('\n');
    expect(colouredLines[0]).toBe(`${ESC}[4m${MIXED_FILE}${ESC}[24m`);
    expect(colouredLines[1]).toContain(`${ESC}[2m 3:12${ESC}[22m  ${ESC}[31merror${ESC}[39m    the summary`);
    expect(colouredLines[1]?.endsWith(`${ESC}[2mschema${ESC}[22m`)).toBe(true);
    expect(colouredLines[3]).toContain(`${ESC}[33mwarning${ESC}[39m  opening hours`);
    expect(coloured.endsWith(`${ESC}[31m${ESC}[1m\u2716 6 problems (3 errors, 3 warnings)${ESC}[22m${ESC}[39m\n`)).toBe(true);
  });

  it('colours a warnings-only summary yellow', () => {
    const coloured = formatStylish([{ file: WARNINGS_FILE, diagnostics: [HOURS] }], { ...CONTEXT, color: true });
    expect(coloured).toContain(`${ESC}[33m${ESC}[1m\u2716 1 problem`);
  });

  it("does not reorder the caller's diagnostics", () => {
    expect(RESULTS[0]?.diagnostics.map((d) => d.ruleId)).toEqual(['no-weaker-than-baseline', 'opening-hours', 'schema']);
  });
});
