import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkCharters, DEFAULT_CHARTERS_FOLDER } from '../check.js';
import type { Charter } from '../model/charter.js';
import { diagnosticMessage, type FileResult } from '../model/diagnostic.js';
import { message } from '../messages/message.js';
import type { MessageLocale } from '../messages/locale.js';
import { addDays, todayIn } from '../time/calendar-date.js';
import { closestMatch } from '../util/suggest.js';
import { refuseInputs } from '../util/output-file.js';
import { awayData } from '../away/away-data.js';
import { composeAway } from '../away/compose.js';
import { parseAwayMoment } from '../away/away-dates.js';
import type { AwayData, AwayRequest, AwayResult, AwaySubstitute } from '../away/away-types.js';
import { terminalSafe } from '../away/formats/text.js';
import { EXIT_FINDINGS, EXIT_OK, outputOption, RUN_INPUT_KINDS, say, UsageError, writeOutput, type CliIO } from './io.js';

export type AwayFormat = 'text' | 'json' | 'ics' | 'graph' | 'exchange';

export interface AwayFlags {
  /** A charter id (looked up in --charters) or a charter file; required. */
  readonly charter?: string;
  readonly charters?: string;
  /** Checked by run.ts: YYYY-MM-DD or YYYY-MM-DDTHH:MM; required. */
  readonly from?: string;
  readonly until?: string;
  readonly substitute?: string;
  readonly today?: string;
  /** The official's name, to sign the notices with. */
  readonly name?: string;
  /** The mailbox for --format exchange. */
  readonly mailbox?: string;
  readonly format: AwayFormat;
  readonly output?: string;
  readonly force?: boolean;
}

/** Days of calendar kept after the later of the dates: the day back is always found well within them. */
const DAYS_AFTER = 400;

/**
 * `charter away`: the absence texts of one charter for the given dates.
 * Policy problems (late notice, a missing or unknown substitute, dates in the
 * wrong order, dates beyond the calendar) are one line each on stderr and
 * exit 1; the texts are then written only with --force (still exit 1).
 */
export async function awayCommand(flags: AwayFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  // Checked here rather than by commander, which says it only in English.
  for (const [option, value] of [
    ['--charter', flags.charter],
    ['--from', flags.from],
    ['--until', flags.until],
  ] as const) {
    if (value === undefined) throw new UsageError(message('away.missing-option', { option }));
  }
  const wanted = { ...flags, charter: flags.charter as string, from: flags.from as string, until: flags.until as string };
  const output = await outputOption(io, flags.output);
  const { charter, inputs } = await findCharter(wanted, io);
  if (charter.absence === undefined) say(io, message('away.no-absence', { file: charter.file }));

  const from = parseAwayMoment(wanted.from);
  const until = parseAwayMoment(wanted.until);
  if (!from || !until) throw new UsageError(message('away.option.moment'));
  const today = flags.today ?? todayIn(charter.hours.timeZone);
  const first = [today, from.date, until.date].sort()[0] as string;
  const last = [from.date, until.date].sort()[1] as string;
  const data = awayData(charter, { from: first, until: addDays(last, DAYS_AFTER) });
  const request: AwayRequest = {
    from: wanted.from,
    until: wanted.until,
    today,
    ...(flags.substitute === undefined ? {} : { substitute: substituteOf(flags.substitute, data) }),
    ...(flags.name === undefined ? {} : { name: flags.name }),
  };
  const result = composeAway(data, request);

  for (const problem of result.problems) io.stderr(`charter: ${terminalSafe(problem.message[locale] ?? problem.code).replace(/\n/g, ' ')}\n`);
  const refused = result.problems.length > 0 && flags.force !== true;
  if (refused) {
    say(io, message('away.refused', { count: result.problems.length }));
    return EXIT_FINDINGS;
  }
  const text = await formatted(flags, data, request, result, locale);
  if (output) {
    await refuseInputs(output, inputs);
    await writeOutput(io, output, text);
  } else io.stdout(text);
  if (result.problems.length > 0) {
    say(io, message('away.forced'));
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

/** The formats load only when asked for. */
async function formatted(flags: AwayFlags, data: AwayData, request: AwayRequest, result: AwayResult, locale: string): Promise<string> {
  switch (flags.format) {
    case 'json':
      return (await import('../away/formats/json.js')).formatJson(request, result);
    case 'ics':
      return (await import('../away/formats/ics.js')).formatIcs(data, request, result);
    case 'graph':
      return (await import('../away/formats/graph.js')).formatGraph(data, request, result);
    case 'exchange':
      return (await import('../away/formats/exchange.js')).formatExchange(data, request, result, flags.mailbox);
    case 'text':
      return (await import('../away/formats/text.js')).formatText(data, request, result, locale);
  }
}

/**
 * A contact id when the charter has a contact of that id, or when it is
 * written like one (lowercase letters, digits and hyphens: an id mistyped is
 * reported, not taken for a name); otherwise free text ("Name, phone").
 */
function substituteOf(text: string, data: AwayData): AwaySubstitute {
  const trimmed = text.trim();
  if (data.contacts.some((contact) => contact.id === trimmed) || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(trimmed)) return { contactId: trimmed };
  return { text: trimmed };
}

/**
 * The charter: a file when --charter names one that exists, else the unit
 * whose id it is in the charters folder. Unusable → a usage error that says why.
 */
async function findCharter(
  flags: AwayFlags & { readonly charter: string },
  io: CliIO,
): Promise<{ charter: Charter; inputs: { path: string; what: typeof RUN_INPUT_KINDS.charterFile }[] }> {
  const folder = flags.charters ?? DEFAULT_CHARTERS_FOLDER;
  const looksLikeFile = /\.ya?ml$/i.test(flags.charter);
  const isFile = looksLikeFile && (await stat(resolve(io.cwd, flags.charter)).catch(() => undefined))?.isFile() === true;
  if (looksLikeFile && !isFile) throw new UsageError(message('away.no-such-file', { file: flags.charter }));
  const checked = await checkCharters({
    cwd: io.cwd,
    patterns: [isFile ? flags.charter : folder],
    ...(flags.charters === undefined ? {} : { root: flags.charters }),
    ...(flags.today === undefined ? {} : { today: flags.today }),
  });
  const inputs = checked.collection.files.map((file) => ({ path: resolve(io.cwd, file), what: RUN_INPUT_KINDS.charterFile }));
  const matches = (unit: { file: string; id?: string }): boolean =>
    isFile ? resolve(io.cwd, unit.file) === resolve(io.cwd, flags.charter) : unit.id === flags.charter;
  const charter = checked.charters.find(matches);
  if (charter) return { charter, inputs };
  const unusable = checked.unnormalized.find(matches);
  if (unusable) {
    const error = firstError(checked.results, unusable.file, io.locale ?? 'en');
    throw new UsageError(
      error === undefined
        ? message('away.not-usable', { file: unusable.file, reason: unusable.reason })
        : message('away.not-usable-at', { file: unusable.file, ...error }),
    );
  }
  if (isFile) throw new UsageError(message('away.no-charter-file', { file: flags.charter }));
  const ids = checked.charters.map((unit) => unit.id);
  const suggestion = closestMatch(flags.charter, ids);
  throw new UsageError(
    suggestion === undefined
      ? message('away.no-such-charter', { id: flags.charter, folder })
      : message('away.no-such-charter-suggest', { id: flags.charter, folder, suggestion }),
  );
}

function firstError(results: readonly FileResult[], file: string, locale: MessageLocale): { line: number; column: number; reason: string } | undefined {
  const error = results.find((result) => result.file === file)?.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!error) return undefined;
  return { line: error.line, column: error.column, reason: diagnosticMessage(error, locale) };
}
