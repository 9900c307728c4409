import { compareDiagnostics, type Diagnostic, type FileResult } from './diagnostic.js';

/** Adds findings to the per-file results, sorted as validate sorts them. */
export function withFindings(results: readonly FileResult[], findings: readonly Diagnostic[]): FileResult[] {
  if (findings.length === 0) return [...results];
  const byFile = new Map(results.map((result) => [result.file, [...result.diagnostics]]));
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  return [...byFile].map(([file, diagnostics]) => ({ file, diagnostics: diagnostics.sort(compareDiagnostics) }));
}
