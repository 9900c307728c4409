import { describe, expect, it } from 'vitest';
import { formatJson } from '../../src/format/json.js';
import type { FileResult } from '../../src/model/diagnostic.js';
import { CLEAN_FILE, CONTEXT, HTML_MESSAGE, MIXED_FILE, RESULTS, SPACED_FILE, WARNINGS_FILE, WEAKER, WEAKER_MESSAGE } from '../fixtures/diagnostics.js';

describe('json formatter', () => {
  const output = formatJson(RESULTS, CONTEXT);
  const parsed = JSON.parse(output) as unknown;

  it('is pretty-printed JSON with two spaces, ending in a newline', () => {
    expect(output.startsWith('[\n  {\n    "filePath": ')).toBe(true);
    expect(output.endsWith(']\n')).toBe(true);
    expect(JSON.stringify(parsed, null, 2) + '\n').toBe(output);
  });

  it('has one entry per file, clean files included, paths as given', () => {
    expect(Array.isArray(parsed)).toBe(true);
    const files = parsed as { filePath: string; errorCount: number; warningCount: number; messages: unknown[] }[];
    expect(files.map((file) => [file.filePath, file.errorCount, file.warningCount, file.messages.length])).toEqual([
      [MIXED_FILE, 2, 1, 3],
      [WARNINGS_FILE, 0, 2, 2],
      [CLEAN_FILE, 0, 0, 0],
      [SPACED_FILE, 1, 0, 1],
    ]);
    for (const file of files) expect(Object.keys(file)).toEqual(['filePath', 'errorCount', 'warningCount', 'messages']);
  });

  it('writes exact message objects, sorted, with 1-based positions, the JSON path and the docs page', () => {
    const [mixed] = parsed as { messages: unknown[] }[];
    expect(mixed?.messages).toEqual([
      {
        ruleId: 'schema',
        severity: 'error',
        message: HTML_MESSAGE,
        line: 3,
        column: 12,
        endLine: 4,
        endColumn: 9,
        path: ['unit', 'summary', 'fi'],
        docs: 'docs/rules/schema.md',
      },
      {
        ruleId: 'no-weaker-than-baseline',
        severity: 'error',
        message: WEAKER_MESSAGE,
        line: 12,
        column: 5,
        endLine: 12,
        endColumn: 24,
        path: ['commitments', 0, 'promise'],
        docs: 'docs/rules/no-weaker-than-baseline.md',
      },
      {
        ruleId: 'opening-hours',
        severity: 'warning',
        message: 'opening hours 08:00-16:00, mon-fri leave no time for "after-hours" calls',
        line: 20,
        column: 7,
        path: ['hours', 'weekly', 0],
        docs: 'docs/rules/opening-hours.md',
      },
    ]);
    // Key order is fixed, and absent end positions are left out rather than null.
    expect(Object.keys(mixed?.messages[2] ?? {})).toEqual(['ruleId', 'severity', 'message', 'line', 'column', 'path', 'docs']);
  });

  it('keeps the text exactly, non-ASCII included', () => {
    expect(output).toContain('työpäivää');
    expect(output).toContain('\\nwill be dropped');
  });

  it('leaves out docs for a rule it does not know', () => {
    const unknown: FileResult[] = [{ file: 'a.yaml', diagnostics: [{ ...WEAKER, file: 'a.yaml', ruleId: 'plugin/thing' }] }];
    const [file] = JSON.parse(formatJson(unknown, CONTEXT)) as { messages: Record<string, unknown>[] }[];
    expect(file?.messages[0]).not.toHaveProperty('docs');
    expect(file?.messages[0]?.ruleId).toBe('plugin/thing');
  });

  it('writes an empty array for no files', () => {
    expect(formatJson([], CONTEXT)).toBe('[]\n');
  });
});
