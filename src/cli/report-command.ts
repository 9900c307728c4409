import { resolve } from 'node:path';
import { jsonText } from '../format/shared.js';
import { addDays, addMonths } from '../time/calendar-date.js';
import { makeComplianceReport } from '../report/make-report.js';
import { rangeProblem, yearProblem } from '../report/report-window.js';
import { formatTable } from '../report/format-table.js';
import { formatCsv } from '../report/format-csv.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { refuseInputs, type RunInput } from '../util/output-file.js';
import { asOfOption, listBadRows } from './events.js';
import { EXIT_FINDINGS, EXIT_OK, outputOption, RUN_INPUT_KINDS, writeOutput, UsageError, wantsColor, type CliIO } from './io.js';
import { message, renderMessage } from '../messages/message.js';
import { inputNotes, logReadingOf, type LogReadingFlags } from './log-reading.js';
import { pausedWarning } from '../report/format-table.js';

export interface ReportFlags extends LogReadingFlags {
  readonly charters: string;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
  readonly format: 'table' | 'json' | 'csv';
  readonly output?: string;
  readonly strict?: boolean;
  readonly color?: boolean;
  /** Months with fewer contacts are marked as few contacts. */
  readonly minContacts?: number;
}

/** `charter report`: measure, print figures on stdout and bad rows on stderr, decide the exit code. */
export async function reportCommand(logs: readonly string[], flags: ReportFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  const asOf = asOfOption(flags.asOf);
  const reading = logReadingOf(flags);
  const range = dateRange(flags.from, flags.to, asOf);
  const output = await outputOption(io, flags.output);
  // The logs are known now: refuse before reading them, not after a long read.
  if (output) await refuseInputs(output, logsAsInputs(logs, io));

  const result = await makeComplianceReport({
    cwd: io.cwd,
    logs,
    charters: flags.charters,
    ...range,
    asOf,
    locale,
    reading,
    ...(flags.minContacts === undefined ? {} : { minContacts: flags.minContacts }),
    ...(io.stdin ? { stdin: io.stdin } : {}),
  });
  for (const note of inputNotes(result.report, locale)) io.stderr(`${note}\n`);
  const report = result.report;
  const withErrors = result.charterResults.filter((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).length;
  if (withErrors > 0) {
    io.stderr(`${renderMessage(message('report.note.charters-with-errors', { count: withErrors }), locale)}\n`);
  }

  const text =
    flags.format === 'json'
      ? jsonText(report)
      : flags.format === 'csv'
        ? formatCsv(report)
        : formatTable(report, {
            color: output === undefined && wantsColor(io, flags.color),
            timeZone: DEFAULT_TIME_ZONE,
            locale,
          });
  if (output) {
    await refuseInputs(
      output,
      result.charterResults.map((file) => ({ path: resolve(io.cwd, file.file), what: RUN_INPUT_KINDS.charterFile })),
    );
    await writeOutput(io, output, text);
  } else io.stdout(text);

  // The table shows the warnings; CSV has no room for them.
  if (flags.format === 'csv') for (const warning of report.warnings ?? []) io.stderr(`charter: ${renderMessage(pausedWarning(warning, locale), locale)}\n`);
  if (flags.format !== 'json') listBadRows(report, io);
  return flags.strict && report.rows.bad > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** The logs as inputs the output must not be; `-` is whatever standard input was opened on. */
function logsAsInputs(logs: readonly string[], io: CliIO): RunInput[] {
  return logs.map((log) => ({ path: log === '-' ? '/dev/stdin' : resolve(io.cwd, log), what: RUN_INPUT_KINDS.contactLog }));
}

/** --from YYYY-MM means its first day, --to YYYY-MM its last; both within the years around `asOf` that a report covers. */
function dateRange(from: string | undefined, to: string | undefined, asOf: Date): { from?: string; to?: string } {
  // The years first: a --to month's last day is worked out only for a year a report can cover (9999-12 has no next month).
  const yearOf = (from === undefined ? undefined : yearProblem('--from', from)) ?? (to === undefined ? undefined : yearProblem('--to', to));
  if (yearOf !== undefined) throw new UsageError(yearOf);
  const first = from === undefined ? undefined : from.length === 7 ? `${from}-01` : from;
  const last = to === undefined ? undefined : to.length === 7 ? addDays(addMonths(`${to}-01`, 1), -1) : to;
  const problem = rangeProblem(asOf, first, last);
  if (problem !== undefined) throw new UsageError(problem);
  if (first !== undefined && last !== undefined && first > last) {
    throw new UsageError(message('report.option.from-after-to', { from: from ?? '', to: to ?? '' }));
  }
  return {
    ...(first === undefined ? {} : { from: first }),
    ...(last === undefined ? {} : { to: last }),
  };
}
