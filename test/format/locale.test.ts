import { describe, expect, it } from 'vitest';
import { ANNOTATION_LIMIT, formatGithub } from '../../src/format/github.js';
import { formatJson, type JsonFileReport } from '../../src/format/json.js';
import { formatJunit } from '../../src/format/junit.js';
import { formatSarif } from '../../src/format/sarif.js';
import { formatStylish, stylishCleanLine } from '../../src/format/stylish.js';
import type { Diagnostic, FileResult } from '../../src/model/diagnostic.js';
import { message } from '../../src/messages/message.js';
import { CLEAN_RESULTS, CONTEXT, HOURS, MIXED_FILE, RESULTS, WEAKER } from '../fixtures/diagnostics.js';

const FI = { ...CONTEXT, locale: 'fi' as const };
const SV = { ...CONTEXT, locale: 'sv' as const };

/** A finding with message data, as the rules report it. */
const REVIEW_DUE: Diagnostic = {
  ...HOURS,
  ruleId: 'review-due',
  severity: 'warning',
  message: 'the review is due on 2027-09-01, in 22 days; plan it with this period’s reviewer',
  text: message('rules.review-due.due-soon', { next: '2027-09-01', count: 22 }),
};

describe('output formats in Finnish and Swedish', () => {
  it('stylish: severity words and the summary in the language, rule ids as they are', () => {
    const fi = formatStylish(RESULTS, FI);
    expect(fi).toMatch(/^ +3:12 +virhe +the summary/m);
    expect(fi).toMatch(/^ +20:7 +varoitus +opening hours.*opening-hours$/m);
    expect(fi.endsWith('\u2716 6 ongelmaa (3 virhettä, 3 varoitusta)\n')).toBe(true);
    const sv = formatStylish(RESULTS, SV);
    expect(sv).toMatch(/^ +3:12 +fel +the summary/m);
    expect(sv).toMatch(/^ +20:7 +varning +opening hours.*opening-hours$/m);
    expect(sv.endsWith('\u2716 6 problem (3 fel, 3 varningar)\n')).toBe(true);
    expect(formatStylish([{ file: MIXED_FILE, diagnostics: [HOURS] }], FI).endsWith('\u2716 1 ongelma (0 virhettä, 1 varoitus)\n')).toBe(true);
    expect(formatStylish([{ file: MIXED_FILE, diagnostics: [HOURS] }], SV).endsWith('\u2716 1 problem (0 fel, 1 varning)\n')).toBe(true);
  });

  it('stylish: the clean line counts the files checked, in every language', () => {
    const five: FileResult[] = ['_base.yaml', 'a.yaml', 'b.yaml', 'c.yaml', 'd.yaml'].map((file) => ({ file, diagnostics: [] }));
    expect(stylishCleanLine(five, CONTEXT)).toBe('\u2713 5 charter files checked, no problems\n');
    expect(stylishCleanLine(CLEAN_RESULTS, CONTEXT)).toBe('\u2713 1 charter file checked, no problems\n');
    expect(stylishCleanLine(five, FI)).toBe('\u2713 5 palvelulupaustiedostoa tarkistettu, ei ongelmia\n');
    expect(stylishCleanLine(CLEAN_RESULTS, FI)).toBe('\u2713 1 palvelulupaustiedosto tarkistettu, ei ongelmia\n');
    expect(stylishCleanLine(five, SV)).toBe('\u2713 5 servicelöftesfiler kontrollerade, inga problem\n');
    expect(stylishCleanLine(five, { ...CONTEXT, color: true })).toBe('\u001b[32m\u2713 5 charter files checked, no problems\u001b[39m\n');
    // With findings the summary speaks instead.
    expect(stylishCleanLine(RESULTS, CONTEXT)).toBe('');
  });

  it('github: summary lines and the annotation note in the language; commands and rule ids unchanged', () => {
    const fi = formatGithub(RESULTS, FI).split('\n');
    expect(fi).toContain('charter: 3 virhettä, 3 varoitusta 3 tiedostossa (4 tiedostoa tarkistettu)');
    expect(fi.some((line) => line.startsWith('::error file=charters/registry-office.yaml,line=3,endLine=4,title=schema::'))).toBe(true);
    expect(formatGithub(CLEAN_RESULTS, FI)).toBe('charter: ei ongelmia (1 tiedosto tarkistettu)\n');
    const sv = formatGithub(RESULTS, SV).split('\n');
    expect(sv).toContain('charter: 3 fel, 3 varningar i 3 filer (4 filer kontrollerade)');
    expect(formatGithub(CLEAN_RESULTS, SV)).toBe('charter: inga problem i 1 fil\n');

    const many: FileResult[] = [
      { file: 'a.yaml', diagnostics: Array.from({ length: ANNOTATION_LIMIT + 2 }, (_, i) => ({ ...WEAKER, file: 'a.yaml', line: i + 1 })) },
    ];
    const hidden = formatGithub(many, FI).split('\n');
    expect(hidden).toContain(
      `charter: GitHub näyttää merkintöinä vain ${ANNOTATION_LIMIT} virhettä ja ${ANNOTATION_LIMIT} varoitusta vaihetta kohden; muut 2 havaintoa:`,
    );
    expect(hidden.some((line) => /^ {2}a\.yaml:12:5 {2}virhe {2}.* {2}no-weaker-than-baseline$/.test(line))).toBe(true);
    const one: FileResult[] = [
      { file: 'a.yaml', diagnostics: Array.from({ length: ANNOTATION_LIMIT + 1 }, (_, i) => ({ ...WEAKER, file: 'a.yaml', line: i + 1 })) },
    ];
    expect(formatGithub(one, SV)).toContain('; ytterligare 1 anmärkning:\n');
    expect(formatGithub(one, CONTEXT)).toContain('; the other 1 is:\n');
  });

  it('junit: failure counts and listed severities in the language; type and names unchanged', () => {
    const fi = formatJunit(RESULTS, FI);
    expect(fi).toContain('<failure message="2 virhettä, 1 varoitus" type="error">');
    expect(fi).toMatch(/12:5 virhe .* \(no-weaker-than-baseline\)/);
    expect(fi).toContain('classname="charter"');
    const sv = formatJunit(RESULTS, SV);
    expect(sv).toContain('<failure message="2 fel, 1 varning" type="error">');
    expect(sv).toMatch(/20:7 varning .* \(opening-hours\)/);
  });

  it('json and sarif: machine fields in English, message text in the language', () => {
    const results: FileResult[] = [{ file: 'a.yaml', diagnostics: [{ ...REVIEW_DUE, file: 'a.yaml' }] }];
    const [file] = JSON.parse(formatJson(results, FI)) as JsonFileReport[];
    expect(file?.messages[0]).toMatchObject({ ruleId: 'review-due', severity: 'warning', messageId: 'rules.review-due.due-soon' });
    expect(file?.messages[0]?.message).not.toBe(REVIEW_DUE.message);
    expect(file?.messages[0]?.message).toContain('2027-09-01');
    const sarif = JSON.parse(formatSarif(results, SV)) as { runs: { results: { ruleId: string; level: string; message: { text: string } }[] }[] };
    const result = sarif.runs[0]?.results[0];
    expect(result).toMatchObject({ ruleId: 'review-due', level: 'warning' });
    expect(result?.message.text).not.toBe(REVIEW_DUE.message);
  });
});
