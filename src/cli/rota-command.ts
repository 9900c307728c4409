import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkCharters } from '../check.js';
import { isBaselineFile } from '../load/load-collection.js';
import type { FileResult } from '../model/diagnostic.js';
import { planRota, unreadableRota, unusableRota, type CharterRota, type ReviewDue, type RotaPeriod } from '../model/rota-plan.js';
import { todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, wantsColor, type CliIO } from './io.js';
import { palette, type Palette } from '../util/ansi.js';
import { jsonText, oneLine } from '../format/shared.js';

export interface RotaFlags {
  /** The charters folder: read when no paths are given, and the folder `extends` may not leave. */
  readonly charters?: string;
  readonly periods: number;
  readonly today?: string;
  readonly format: 'table' | 'json';
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

  if (flags.format === 'json') io.stdout(jsonText({ today, charters: rotas }));
  else if (rotas.length > 0) io.stdout(formatTable(rotas, today, palette(wantsColor(io, flags.color))));
  if (rotas.length === 0) io.stderr('charter: no unit charters to list (baselines, files named _*.yaml, have no rota of their own)\n');

  const failed = rotas.filter((rota) => rota.problems.some((problem) => problem.severity === 'error')).length;
  if (failed === 0) return EXIT_OK;
  io.stderr(
    `charter: ${failed} charter${failed === 1 ? ' has' : 's have'} a rota that cannot be worked out right; fix ${failed === 1 ? 'it' : 'them'} (charter validate shows where)\n`,
  );
  return EXIT_FINDINGS;
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
function formatTable(rotas: readonly CharterRota[], today: string, paint: Palette): string {
  return rotas.map((rota) => charterBlock(rota, today, paint).join('\n')).join('\n\n') + '\n';
}

function charterBlock(rota: CharterRota, today: string, paint: Palette): string[] {
  // Names, ids and messages come from the charter: shown through oneLine, so they cannot drive the terminal.
  const title = rota.name !== undefined ? `${rota.name}${rota.id !== undefined ? ` (${rota.id})` : ''}` : rota.id;
  const lines = [`${paint.underline(oneLine(rota.file))}${title !== undefined ? `  ${oneLine(title)}` : ''}`];
  for (const line of reviewLines(rota, today, paint)) lines.push(`  ${line}`);
  for (const problem of rota.problems) lines.push(`  ${problem.severity === 'error' ? `${paint.red('error')}: ` : ''}${oneLine(problem.message)}`);
  const idWidth = Math.max(0, ...rota.periods.map((period) => oneLine(period.reviewer.id).length));
  for (const period of rota.periods) lines.push(periodLine(period, idWidth, paint));
  return lines;
}

function reviewLines(rota: CharterRota, today: string, paint: Palette): string[] {
  if (!rota.loaded) return [];
  const facts = [rota.approved !== undefined ? `approved ${rota.approved}` : '', rota.every !== undefined ? `reviewed every ${rota.every}` : ''].filter(
    (fact) => fact !== '',
  );
  const due = rota.next ? dueText(rota.next, paint) : 'no next review date (`review.next`)';
  const lines = [[oneLine(facts.join(', ')), due].filter((part) => part !== '').join('; ')];
  if (rota.beforeApproval) lines.push(`the approval date ${rota.approved ?? ''} is after today (${today}): the rota starts with the approval period`);
  return lines;
}

function dueText(due: ReviewDue, paint: Palette): string {
  if (due.inDays === 0) return paint.yellow(`next review due today, ${due.date}`);
  if (due.inDays < 0) {
    const ago = -due.inDays;
    return paint.red(`next review was due ${due.date}, ${ago} day${ago === 1 ? '' : 's'} ago: overdue`);
  }
  const text = `next review due ${due.date}, in ${due.inDays} day${due.inDays === 1 ? '' : 's'}`;
  return due.status === 'due-soon' ? paint.yellow(text) : text;
}

function periodLine(period: RotaPeriod, idWidth: number, paint: Palette): string {
  const { reviewer } = period;
  const name = reviewer.known ? oneLine(reviewer.name ?? '') : paint.red('(not a contact in this charter)');
  const row = `${period.from} – ${period.to}  ${oneLine(reviewer.id).padEnd(idWidth)}  ${name}`.trimEnd();
  return period.current ? `  ${paint.bold(`now  ${row}`)}` : `       ${row}`;
}

// ---------------------------------------------------------------------------

/** The first error of a file, `line:column message`, to say why it has no rota. */
function firstError(results: readonly FileResult[], file: string): string | undefined {
  const error = results.find((result) => result.file === file)?.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  return error ? `${error.line}:${error.column} ${error.message}` : undefined;
}

async function assertFolder(absolute: string, shown: string): Promise<void> {
  const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    const reason = info.code === 'ENOENT' ? 'no such folder' : info.code === 'EACCES' ? 'permission denied' : info.message;
    throw new UsageError(`cannot read --charters ${shown}: ${reason}`);
  }
  if (!info.isDirectory()) throw new UsageError(`--charters ${shown} is not a folder; name charter files without --charters`);
}
