import type { Diagnostic, FileResult, FormatContext, Formatter } from '../model/diagnostic.js';
import { diagnosticMessage } from '../model/diagnostic.js';
import { atLeastOne, countAll, oneLine, plural, relativeToCwd, sortedDiagnostics, terminalLines, toForwardSlashes, usableEnd } from './shared.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), which
 * the runner turns into annotations on the pull request.
 *
 * GitHub shows only the first 10 error and 10 warning annotations of a step,
 * and in the log an annotation shows its message without the file or line.
 * So a plain summary follows, and past the cap the hidden findings are listed
 * in full, so that nothing is lost.
 */
export const ANNOTATION_LIMIT = 10;

export const formatGithub: Formatter = (results: readonly FileResult[], context: FormatContext): string => {
  const lines: string[] = [];
  const hidden: string[] = [];
  const shown = { error: 0, warning: 0 };

  for (const result of results) {
    for (const diagnostic of sortedDiagnostics(result)) {
      const file = annotationPath(diagnostic.file, context.cwd);
      lines.push(annotation(diagnostic, file, context));
      shown[diagnostic.severity]++;
      if (shown[diagnostic.severity] > ANNOTATION_LIMIT) hidden.push(plainLine(diagnostic, file, context));
    }
  }

  const counts = countAll(results);
  const files = plural(results.length, 'file');
  if (counts.errors + counts.warnings === 0) {
    lines.push(`charter: no problems in ${files}`);
  } else {
    const found = `${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}`;
    lines.push(`charter: ${found} in ${plural(counts.filesWithProblems, 'file')} (${files} checked)`);
  }
  if (hidden.length > 0) {
    lines.push(
      `charter: GitHub shows only ${ANNOTATION_LIMIT} errors and ${ANNOTATION_LIMIT} warnings per step as annotations; ` + `the other ${hidden.length} are:`,
      ...hidden,
    );
  }
  return `${lines.join('\n')}\n`;
};

export default formatGithub;

function annotation(diagnostic: Diagnostic, file: string, context: FormatContext): string {
  const line = atLeastOne(diagnostic.line);
  const end = usableEnd(diagnostic);
  // GitHub rejects columns on an annotation that spans lines.
  const oneLineRange = end === undefined || end.line === line;
  const properties: [string, string | number | undefined][] = [
    ['file', file],
    ['line', line],
    ['col', oneLineRange ? atLeastOne(diagnostic.column) : undefined],
    ['endLine', end?.line],
    ['endColumn', oneLineRange ? end?.column : undefined],
    ['title', diagnostic.ruleId],
  ];
  const list = properties
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${diagnostic.severity} ${list}::${escapeData(diagnosticMessage(diagnostic, context.locale))}`;
}

function plainLine(diagnostic: Diagnostic, file: string, context: FormatContext): string {
  return `  ${oneLine(file)}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${oneLine(diagnosticMessage(diagnostic, context.locale))}  ${oneLine(diagnostic.ruleId)}`;
}

/** Annotations need the path from the repository root, which is the working folder in a workflow. */
function annotationPath(file: string, cwd: string): string {
  return relativeToCwd(file, cwd) ?? toForwardSlashes(file);
}

/**
 * As `escapeData` in @actions/core (command.ts); other control characters are
 * shown as escapes too, since the runner's log viewer acts on ESC sequences.
 */
export function escapeData(text: string): string {
  return terminalLines(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** As `escapeProperty` in @actions/core (command.ts). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
