import type { Diagnostic, FileResult, FormatContext, Formatter } from '../model/diagnostic.js';
import { diagnosticMessage } from '../model/diagnostic.js';
import { countDiagnostics, describeCounts, oneLine, severityWord, sortedDiagnostics } from './shared.js';

/**
 * JUnit XML: one test case per file (a clean file is a passing test, so CI
 * dashboards show what was checked). Errors fail the case; warnings alone
 * pass, listed in <system-out>.
 */
export const formatJunit: Formatter = (results: readonly FileResult[], context: FormatContext): string => {
  const failures = results.filter((result) => result.diagnostics.some((d) => d.severity === 'error')).length;
  const counts = `tests="${results.length}" failures="${failures}" errors="0"`;

  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<testsuites name="charter" ${counts}>`,
    `  <testsuite name="charter validate" ${counts} skipped="0">`,
    ...results.map((result) => testCase(result, context)),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
};

export default formatJunit;

function testCase(result: FileResult, context: FormatContext): string {
  // The name as the other formats show it: a CI page must not get a file name's overrides or isolates raw.
  const open = `    <testcase name="${escapeAttribute(oneLine(result.file))}" classname="charter"`;
  const diagnostics = sortedDiagnostics(result);
  if (diagnostics.length === 0) return `${open}/>`;

  const counts = countDiagnostics(diagnostics);
  const listing = escapeText(diagnostics.map((diagnostic) => describe(diagnostic, context)).join('\n'));
  const body =
    counts.errors > 0
      ? `      <failure message="${escapeAttribute(describeCounts(counts, context.locale))}" type="error">${listing}</failure>`
      : `      <system-out>${listing}</system-out>`;
  return `${open}>\n${body}\n    </testcase>`;
}

/** `3:5 error message (rule-id)`, one line per diagnostic, in the reader's language (the rule id as it is). */
function describe(diagnostic: Diagnostic, context: FormatContext): string {
  return `${diagnostic.line}:${diagnostic.column} ${severityWord(diagnostic.severity, context.locale)} ${oneLine(diagnosticMessage(diagnostic, context.locale))} (${oneLine(diagnostic.ruleId)})`;
}

/**
 * Characters XML 1.0 forbids even as references: C0 controls other than tab,
 * line feed and carriage return, unpaired surrogates, U+FFFE and U+FFFF.
 */
const ILLEGAL_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(ILLEGAL_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/** Attribute values also keep their quotes, tabs and line breaks (a parser would normalise raw ones to spaces). */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
