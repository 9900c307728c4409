import { describe, expect, it } from 'vitest';
import { ANNOTATION_LIMIT, escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import type { Diagnostic, FileResult } from '../../src/model/diagnostic.js';
import { CLEAN_RESULTS, CONTEXT, HOURS, RESULTS, WEAKER } from '../fixtures/diagnostics.js';

describe('github formatter', () => {
  const lines = formatGithub(RESULTS, CONTEXT).split('\n');

  it('writes one workflow command per diagnostic, sorted within each file, then a summary', () => {
    expect(lines).toEqual([
      "::error file=charters/registry-office.yaml,line=3,endLine=4,title=schema::the summary holds raw HTML <script>alert('x')</script> & 100%25 of it%0Awill be dropped",
      `::error file=charters/registry-office.yaml,line=12,col=5,endLine=12,endColumn=24,title=no-weaker-than-baseline::the promise "reply in 2 työpäivää" is weaker than the baseline's 1 day: keep it, or explain why`,
      '::warning file=charters/registry-office.yaml,line=20,col=7,title=opening-hours::opening hours 08:00-16:00, mon-fri leave no time for "after-hours" calls',
      '::warning file=charters/city-library.yaml,line=2,col=1,endLine=2,endColumn=18,title=languages-complete::the Swedish text is missing',
      '::warning file=charters/city-library.yaml,line=8,col=9,endLine=8,endColumn=19,title=review-due::the review is due in 14 days (2026-10-01)',
      '::error file=charters/social services/advice desk.yaml,line=7,col=1,endLine=7,endColumn=2,title=yaml-syntax::a tab is used for indentation; use spaces',
      'charter: 3 errors, 3 warnings in 3 files (4 files checked)',
      '',
    ]);
  });

  it('escapes data and properties exactly as @actions/core does', () => {
    expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
    expect(escapeProperty('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext%3A a%2C b');
    // `%` first, so an escape already in the text is not read back as one.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('shows other control characters as escapes, so a charter value cannot colour or rewrite the log', () => {
    expect(escapeData('found `\u001b[31mred\u0007` here\n')).toBe('found `\\u001b[31mred\\u0007` here%0A');
    expect(escapeProperty('file\u001b]8;;x\u0007.yaml')).toBe('file\\u001b]8;;x\\u0007.yaml');
  });

  it('escapes a file path and a title in the properties', () => {
    const file = 'charters/a,b:c%.yaml';
    const results: FileResult[] = [{ file, diagnostics: [{ ...WEAKER, file, ruleId: 'x:y,z', message: 'a: b, c\n' }] }];
    expect(formatGithub(results, CONTEXT).split('\n')[0]).toBe(
      '::error file=charters/a%2Cb%3Ac%25.yaml,line=12,col=5,endLine=12,endColumn=24,title=x%3Ay%2Cz::a: b, c%0A',
    );
  });

  it('makes paths relative to the working folder, with forward slashes', () => {
    const file = '/work/project/charters/x.yaml';
    const results: FileResult[] = [{ file, diagnostics: [{ ...HOURS, file }] }];
    expect(formatGithub(results, CONTEXT)).toContain('::warning file=charters/x.yaml,line=20,col=7,title=opening-hours::');
  });

  it('reports success plainly when there is nothing to report', () => {
    expect(formatGithub(CLEAN_RESULTS, CONTEXT)).toBe('charter: no problems in 1 file\n');
  });

  it('lists in plain text what GitHub would not show as annotations', () => {
    const file = 'charters/many.yaml';
    const many = (severity: Diagnostic['severity'], count: number): Diagnostic[] =>
      Array.from({ length: count }, (_, index) => ({
        ...WEAKER,
        file,
        severity,
        ruleId: `r-${severity}`,
        line: index + 1,
        message: `${severity} ${index + 1}`,
      }));
    const results: FileResult[] = [{ file, diagnostics: [...many('error', 12), ...many('warning', 3)] }];
    const out = formatGithub(results, CONTEXT).split('\n');
    expect(out.filter((line) => line.startsWith('::error '))).toHaveLength(12);
    expect(out.filter((line) => line.startsWith('::warning '))).toHaveLength(3);
    expect(out.slice(15)).toEqual([
      'charter: 12 errors, 3 warnings in 1 file (1 file checked)',
      `charter: GitHub shows only ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings per step as annotations; the other 2 are:`,
      '  charters/many.yaml:11:5  error  error 11  r-error',
      '  charters/many.yaml:12:5  error  error 12  r-error',
      '',
    ]);
  });

  it('leaves columns out of an annotation that spans lines', () => {
    expect(lines[0]).not.toMatch(/,col=|endColumn=/);
  });
});
