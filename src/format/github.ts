import type { Diagnostic, FileResult, FormatContext, Formatter } from '../model/diagnostic.js';
import { diagnosticMessage } from '../model/diagnostic.js';
import { message, renderMessage } from '../messages/message.js';
import { atLeastOne, countAll, oneLine, relativeToCwd, severityWord, sortedDiagnostics, terminalLines, toForwardSlashes, usableEnd } from './shared.js';

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

  const locale = context.locale ?? 'en';
  const counts = countAll(results);
  if (counts.errors + counts.warnings === 0) {
    lines.push(renderMessage(message('format.github.clean', { count: results.length }), locale));
  } else {
    const summary = message('format.github.summary', {
      count: counts.filesWithProblems,
      errors: message('format.count.errors', { count: counts.errors }),
      warnings: message('format.count.warnings', { count: counts.warnings }),
      checked: message('format.count.files-checked', { count: results.length }),
    });
    lines.push(renderMessage(summary, locale));
  }
  if (hidden.length > 0) {
    lines.push(renderMessage(message('format.github.hidden', { limit: ANNOTATION_LIMIT, count: hidden.length }), locale), ...hidden);
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
  return `  ${oneLine(file)}:${diagnostic.line}:${diagnostic.column}  ${severityWord(diagnostic.severity, context.locale)}  ${oneLine(diagnosticMessage(diagnostic, context.locale))}  ${oneLine(diagnostic.ruleId)}`;
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
