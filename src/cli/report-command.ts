import { mkdir, rmdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { jsonText, terminalLines } from '../format/shared.js';
import { addDays, addMonths } from '../time/calendar-date.js';
import { makeComplianceReport } from '../report/make-report.js';
import { rangeProblem, yearProblem } from '../report/report-window.js';
import { formatTable } from '../report/format-table.js';
import { formatCsv } from '../report/format-csv.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { refuseInputs, resolveOutputFile, writeOutputFile, type OutputFile, type RunInput } from '../util/output-file.js';
import { systemErrorMessage } from '../util/system-error.js';
import { formatOpenDataCsv, OPEN_DATA_FILES, openDataDcat, openDataRecords, publisherNames } from '../report/format-open-data.js';
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
  readonly format: 'table' | 'json' | 'csv' | 'open-data';
  readonly output?: string;
  /** `--format open-data`: the guide's public address, for links to charter pages. */
  readonly siteUrl?: string;
  /** `--format open-data`: the licence's address for the metadata. */
  readonly license?: string;
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
  if (flags.format !== 'open-data') {
    const option = flags.siteUrl !== undefined ? '--site-url' : flags.license !== undefined ? '--license' : undefined;
    if (option !== undefined) throw new UsageError(message('report.open-data.option-only', { option }));
  }
  const openData = flags.format === 'open-data' && flags.output !== undefined ? await openDataOutputs(io, flags.output) : undefined;
  const output = openData === undefined ? await outputOption(io, flags.output) : undefined;
  try {
    // The logs are known now: refuse before reading them, not after a long read.
    for (const file of openData?.files ?? (output ? [output] : [])) await refuseInputs(file, logsAsInputs(logs, io));

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

    if (flags.format === 'open-data') {
      const options = {
        ...(flags.siteUrl === undefined ? {} : { siteUrl: flags.siteUrl }),
        ...(flags.license === undefined ? {} : { license: flags.license }),
        publisher: publisherNames(result.charters),
      };
      const records = openDataRecords(report, options);
      const csv = formatOpenDataCsv(records);
      if (openData === undefined) io.stdout(csv);
      else {
        const charterFiles = result.charterResults.map((file) => ({ path: resolve(io.cwd, file.file), what: RUN_INPUT_KINDS.charterFile }));
        for (const file of openData.files) await refuseInputs(file, charterFiles);
        const languages = result.charters.flatMap((charter) => charter.languages);
        const [csvFile, jsonFile, dcatFile] = openData.files;
        await writeOutputFile(csvFile, csv);
        await writeOutputFile(jsonFile, jsonText(records));
        await writeOutputFile(dcatFile, jsonText(openDataDcat(report, languages, options)));
        const written = { files: Object.values(OPEN_DATA_FILES).join(', '), folder: flags.output ?? '' };
        io.stderr(`${terminalLines(renderMessage(message('report.open-data.wrote', written), locale))}\n`);
      }
      for (const warning of report.warnings ?? []) io.stderr(`charter: ${renderMessage(pausedWarning(warning, locale), locale)}\n`);
      listBadRows(report, io);
      return flags.strict && report.rows.bad > 0 ? EXIT_FINDINGS : EXIT_OK;
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
  } catch (error) {
    // A folder this run made for open data goes again when nothing could be written into it.
    if (openData?.made) await rmdir(openData.folder).catch(() => undefined);
    throw error;
  }
}

/**
 * `-o FOLDER` for open data: the folder (made when missing) and its three
 * files, each checked as any `-o` file is, before any work.
 */
async function openDataOutputs(io: CliIO, output: string): Promise<{ files: readonly [OutputFile, OutputFile, OutputFile]; folder: string; made: boolean }> {
  const folder = resolve(io.cwd, output);
  const info = await stat(folder).catch(() => undefined);
  const files = [OPEN_DATA_FILES.csv, OPEN_DATA_FILES.json, OPEN_DATA_FILES.dcat];
  if (info !== undefined && !info.isDirectory())
    throw new UsageError(message('report.open-data.output-not-folder', { folder: output, files: files.join(', ') }));
  if (info === undefined) {
    await mkdir(folder).catch((error: unknown) => {
      throw new UsageError(message('cli.output-file.cannot-write', { file: output, reason: systemErrorMessage(error) }));
    });
  }
  const [csv, json, dcat] = await Promise.all(files.map((name) => resolveOutputFile(join(folder, name), join(output, name))));
  return { files: [csv as OutputFile, json as OutputFile, dcat as OutputFile], folder, made: info === undefined };
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
