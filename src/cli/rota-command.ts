import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkCharters } from '../check.js';
import { isBaselineFile } from '../load/load-collection.js';
import { diagnosticMessage, type FileResult } from '../model/diagnostic.js';
import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageRef, type MessageValue } from '../messages/message.js';
import { systemErrorMessage } from '../util/system-error.js';
import { planRota, unreadableRota, unusableRota, type CharterRota, type ReviewDue, type RotaPeriod } from '../model/rota-plan.js';
import { todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, wantsColor, type CliIO } from './io.js';
import { palette, type Palette } from '../util/ansi.js';
import { jsonText, oneLine } from '../format/shared.js';
import { rotaCalendar } from '../format/rota-calendar.js';

export interface RotaFlags {
  /** The charters folder: read when no paths are given, and the folder `extends` may not leave. */
  readonly charters?: string;
  readonly periods: number;
  readonly today?: string;
  readonly format: 'table' | 'json' | 'ics';
  readonly color?: boolean;
}

/**
 * `charter rota`: who reviews which period, for each unit charter. Charters
 * whose findings only judge them (a stale review) are normalized and listed:
 * the rota says who should do that review. A charter with errors that keep it
 * from being normalized is listed with its first error. Exit 1 only when a
 * rota cannot be worked out right.
 */
export async function rotaCommand(paths: readonly string[], flags: RotaFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  if (flags.charters !== undefined) await assertFolder(resolve(io.cwd, flags.charters), flags.charters);
  const today = flags.today ?? todayIn(DEFAULT_TIME_ZONE);
  const patterns = paths.length > 0 ? paths : flags.charters !== undefined ? [flags.charters] : [];
  const { results, collection, charters, unnormalized } = await checkCharters({
    cwd: io.cwd,
    patterns,
    today,
    ...(flags.charters === undefined ? {} : { root: flags.charters }),
  });

  const loaded = new Map(collection.charters.map((charter) => [charter.file, charter]));
  const normalized = new Map(charters.map((charter) => [charter.file, charter]));
  const unusable = new Map(unnormalized.map((unit) => [unit.file, unit]));
  const rotas = collection.files.flatMap((file): CharterRota[] => {
    const resolved = loaded.get(file);
    if (resolved ? resolved.isBaseline : isBaselineFile(file)) return [];
    const charter = normalized.get(file);
    if (charter) return [planRota(charter, today, flags.periods)];
    const unit = unusable.get(file);
    // The file's first error says where; a unit whose errors are all in its baseline gets the reason.
    if (unit) return [unusableRota(unit, firstError(results, file) ?? unit.reason)];
    return [unreadableRota(file, firstError(results, file))];
  });

  if (flags.format === 'json') io.stdout(jsonText({ today, charters: rotas.map((rota) => inLocale(rota, locale)) }));
  else if (flags.format === 'ics') {
    io.stdout(rotaCalendar(rotas, today, locale));
    // The calendar holds no problems: say on stderr which charters have none of their turns in it, and why.
    for (const rota of rotas) {
      for (const problem of rota.problems.filter(({ severity }) => severity === 'error')) {
        say(io, message('cli.rota.ics.left-out', { file: rota.file, reason: problem.text }));
      }
    }
  } else if (rotas.length > 0) io.stdout(formatTable(rotas, today, palette(wantsColor(io, flags.color)), locale));
  if (rotas.length === 0) say(io, message('cli.rota.none'));

  const failed = rotas.filter((rota) => rota.problems.some((problem) => problem.severity === 'error')).length;
  if (failed === 0) return EXIT_OK;
  say(io, message('cli.rota.failed', { count: failed }));
  return EXIT_FINDINGS;
}

/** A rota for JSON output: its problems' messages in the user's language, without their data. */
function inLocale(rota: CharterRota, locale: MessageLocale): Omit<CharterRota, 'problems'> & { problems: { severity: string; message: string }[] } {
  return { ...rota, problems: rota.problems.map(({ severity, text }) => ({ severity, message: renderMessage(text, locale) })) };
}

// ---------------------------------------------------------------------------
// Table

/**
 * One block per charter:
 *
 *   charters/city-library.yaml  Kaupunginkirjasto (city-library)
 *     approved 2026-08-27, reviewed every 12 months; next review due 2027-08-27, in 277 days
 *     now  2026-08-27 – 2027-08-26  library-director             Anna Virtanen
 *          2027-08-27 – 2028-08-26  customer-services-librarian  Juha Mäkinen
 */
function formatTable(rotas: readonly CharterRota[], today: string, paint: Palette, locale: MessageLocale): string {
  return rotas.map((rota) => charterBlock(rota, today, paint, locale).join('\n')).join('\n\n') + '\n';
}

function charterBlock(rota: CharterRota, today: string, paint: Palette, locale: MessageLocale): string[] {
  const say = (text: MessageRef): string => renderMessage(text, locale);
  // Names, ids and messages come from the charter: shown through oneLine, so they cannot drive the terminal.
  const title = rota.name !== undefined ? `${rota.name}${rota.id !== undefined ? ` (${rota.id})` : ''}` : rota.id;
  const lines = [`${paint.underline(oneLine(rota.file))}${title !== undefined ? `  ${oneLine(title)}` : ''}`];
  for (const line of reviewLines(rota, today, paint, say)) lines.push(`  ${line}`);
  for (const problem of rota.problems) {
    lines.push(`  ${problem.severity === 'error' ? `${paint.red(say(message('cli.rota.error')))}: ` : ''}${oneLine(say(problem.text))}`);
  }
  const idWidth = Math.max(0, ...rota.periods.map((period) => oneLine(period.reviewer.id).length));
  // The mark of the current period, and as many spaces before the others, so the dates line up.
  const now = say(message('cli.rota.now'));
  for (const period of rota.periods) lines.push(periodLine(period, idWidth, paint, now, say));
  return lines;
}

function reviewLines(rota: CharterRota, today: string, paint: Palette, say: (text: MessageRef) => string): string[] {
  if (!rota.loaded) return [];
  const facts = [
    rota.approved !== undefined ? say(message('cli.rota.approved', { date: rota.approved })) : '',
    rota.every !== undefined ? say(message('cli.rota.every', { every: rota.every })) : '',
  ].filter((fact) => fact !== '');
  const due = rota.next ? dueText(rota.next, paint, say) : say(message('cli.rota.no-next'));
  const lines = [[oneLine(facts.join(', ')), due].filter((part) => part !== '').join('; ')];
  if (rota.beforeApproval) lines.push(say(message('cli.rota.before-approval', { approved: rota.approved ?? '', today })));
  return lines;
}

function dueText(due: ReviewDue, paint: Palette, say: (text: MessageRef) => string): string {
  if (due.inDays === 0) return paint.yellow(say(message('cli.rota.due-today', { date: due.date })));
  if (due.inDays < 0) return paint.red(say(message('cli.rota.overdue', { date: due.date, count: -due.inDays })));
  const text = say(message('cli.rota.due-in', { date: due.date, count: due.inDays }));
  return due.status === 'due-soon' ? paint.yellow(text) : text;
}

function periodLine(period: RotaPeriod, idWidth: number, paint: Palette, now: string, say: (text: MessageRef) => string): string {
  const { reviewer } = period;
  const name = reviewer.known ? oneLine(reviewer.name ?? '') : paint.red(say(message('cli.rota.unknown-contact')));
  const row = `${period.from} – ${period.to}  ${oneLine(reviewer.id).padEnd(idWidth)}  ${name}`.trimEnd();
  return period.current ? `  ${paint.bold(`${now}  ${row}`)}` : `${' '.repeat(now.length + 4)}${row}`;
}

// ---------------------------------------------------------------------------

/** The first error of a file, `line:column message`, to say why it has no rota. */
function firstError(results: readonly FileResult[], file: string): MessageValue | undefined {
  const error = results.find((result) => result.file === file)?.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (!error) return undefined;
  return message('cli.rota.first-error', { line: error.line, column: error.column, message: error.text ?? diagnosticMessage(error) });
}

async function assertFolder(absolute: string, shown: string): Promise<void> {
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const reason = info.code === 'ENOENT' ? message('cli.rota.no-such-folder') : systemErrorMessage(info);
    throw new UsageError(message('cli.rota.cannot-read-charters', { folder: shown, reason }));
  }
  if (!info.isDirectory()) throw new UsageError(message('cli.rota.charters-not-folder', { folder: shown }));
}
