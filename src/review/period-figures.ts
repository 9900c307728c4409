import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ComplianceReport } from '../model/compliance-report.js';
import type { Charter } from '../model/charter.js';
import type { NormalizedUnits } from '../normalize/normalize-collection.js';
import { message } from '../messages/message.js';
import { LogFileError } from '../report/log-reader.js';
import { measureCompliancePeriods, type MeasureOptions } from '../report/make-report.js';
import { notRegularKindMessage } from '../util/regular-file.js';
import { MAX_YEARS_FROM_AS_OF, rangeProblem } from '../report/report-window.js';
import type { ReviewFiguresInput } from '../view/review-view.js';

export interface PeriodFigures {
  /** Each charter's figures over its period, by id. */
  readonly byCharter: ReadonlyMap<string, ReviewFiguresInput>;
  /** The reports measured (one per approval date), for their bad rows and notes. */
  readonly reports: readonly ComplianceReport[];
}

/**
 * Each charter's promises measured from its approval (`review.approved`) to
 * the review day, with `charter report`'s own code: the numbers are those of
 * `charter report --from <approved> --to <day>` with the same as-of time.
 * The logs are read once for every approval date; every unit is measured in
 * each period, so that the logs' rows count as they do in the report. A period that has not begun, or lies beyond the years a report
 * covers, gets the reason instead of figures.
 */
export async function periodFigures(
  units: NormalizedUnits,
  charters: readonly Charter[],
  options: MeasureOptions & { readonly asOf: Date },
  day: string,
): Promise<PeriodFigures> {
  const byCharter = new Map<string, ReviewFiguresInput>();
  // Standard input was read already (for the site's dashboard), or would be read once per approval date.
  const stdinOnce = options.logs.includes('-') ? message('review.pack.stdin-once') : undefined;
  await checkLogFiles(options.logs, options.cwd);
  const approvals = [...new Set(charters.map((charter) => charter.review.approved))].sort();
  const measured: string[] = [];
  for (const approved of approvals) {
    const problem =
      stdinOnce ??
      (day < approved
        ? message('review.pack.not-begun', { approved, day })
        : // Said in the review's terms: its period starts at the approval, not at a --from the user gave.
          rangeProblem(options.asOf, approved, day) && message('review.pack.too-long', { approved, day, years: String(MAX_YEARS_FROM_AS_OF) }));
    if (problem === undefined) measured.push(approved);
    else for (const charter of charters) if (charter.review.approved === approved) byCharter.set(charter.id, { problem });
  }
  // One reading of the logs for every approval date.
  const periods = measured.map((approved) => ({ from: approved, to: day }));
  const reports = measured.length === 0 ? [] : await measureCompliancePeriods(units, options, periods);
  for (const [position, approved] of measured.entries()) {
    const report = reports[position] as ComplianceReport;
    for (const charter of charters) if (charter.review.approved === approved) byCharter.set(charter.id, { report });
  }
  return { byCharter, reports };
}

/**
 * A log that is a pipe or a device cannot be read once per approval date:
 * said here, as the report's own advice (give - for a pipe) does not hold
 * for the review. Folders and missing files are the report's to say.
 */
async function checkLogFiles(logs: readonly string[], cwd: string): Promise<void> {
  for (const log of logs) {
    if (log === '-') continue;
    const info = await stat(resolve(cwd, log)).catch(() => undefined);
    const kind = info && !info.isDirectory() ? notRegularKindMessage(info) : undefined;
    if (kind !== undefined) throw new LogFileError(log, 0, 0, message('review.pack.log-not-file', { kind }));
  }
}
