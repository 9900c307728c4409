import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { addDays, addMonths, todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { rangeProblem, yearProblem } from '../report/report-window.js';
import { makeSql, type SqlResult } from '../sql/make-sql.js';
import type { DialectName } from '../sql/dialect.js';
import type { SkippedPromise } from '../sql/promise-tables.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { systemProblemMessage } from '../util/regular-file.js';
import { message, renderMessage } from '../messages/message.js';
import { asOfOption } from './events.js';
import { EXIT_OK, say, UsageError, type CliIO } from './io.js';

export interface SqlFlags {
  readonly dialect: DialectName;
  readonly charters: string;
  readonly from?: string;
  readonly to?: string;
  readonly asOf?: string;
  readonly output?: string;
}

/** Why a promise is left out of the query, in words. */
const SKIP_REASONS = {
  'average-in-months': 'cli.sql.reason.average-in-months',
  'hours-do-not-fit': 'cli.sql.reason.hours-do-not-fit',
  'working-hours-too-long': 'cli.sql.reason.working-hours-too-long',
} as const satisfies Record<SkippedPromise['reason'], string>;

/** The files `--output` writes. */
export const SQL_FILES = { calendarSql: 'charter-calendar.sql', calendarCsv: 'charter-calendar.csv', query: 'charter-compliance.sql' } as const;

/**
 * `charter sql`: the working-calendar dimension and the compliance query for
 * an engine. Without --output, the dimension's SQL and the query go to
 * standard output; with it, both and the dimension as CSV go to that folder.
 */
export async function sqlCommand(flags: SqlFlags, io: CliIO): Promise<number> {
  // Without --as-of the query judges open rows when it runs; the dimension's default range still needs a day.
  const asOf = flags.asOf === undefined ? undefined : asOfOption(flags.asOf);
  const range = sqlRange(flags.from, flags.to, asOf ?? new Date());
  const result = await makeSql({ cwd: io.cwd, charters: flags.charters, dialect: flags.dialect, ...range, ...(asOf === undefined ? {} : { asOf }) });
  const withErrors = result.charterResults.filter((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).length;
  // The message says `charter: note:` itself, as the report's does.
  if (withErrors > 0) io.stderr(`${renderMessage(message('cli.sql.charters-with-errors', { count: withErrors }), io.locale ?? 'en')}\n`);
  for (const promise of result.skipped) {
    say(
      io,
      message('cli.sql.skipped', {
        charter: promise.charter,
        channel: promise.line === null ? promise.channel : `${promise.channel} ${promise.line}`,
        commitment: promise.commitment,
        reason: message(SKIP_REASONS[promise.reason]),
      }),
    );
  }
  if (flags.output === undefined) {
    io.stdout(`${result.calendarSql}\n${result.query}`);
    return EXIT_OK;
  }
  await writeFiles(resolve(io.cwd, flags.output), flags.output, result);
  say(io, message('cli.sql.wrote', { folder: flags.output, from: result.calendarFrom, to: result.calendarTo }));
  return EXIT_OK;
}

async function writeFiles(folder: string, shown: string, result: SqlResult): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(join(folder, SQL_FILES.calendarSql), result.calendarSql);
    await writeFileAtomic(join(folder, SQL_FILES.calendarCsv), result.calendarCsv);
    await writeFileAtomic(join(folder, SQL_FILES.query), result.query);
  } catch (error) {
    throw new UsageError(message('cli.sql.cannot-write', { folder: shown, problem: systemProblemMessage(error) }));
  }
}

/**
 * --from YYYY-MM is its first day, --to YYYY-MM its last. Without --from,
 * the first of January of the year before the as-of time; without --to, the
 * last of December of its year: the dimension covers a known stretch of days.
 */
export function sqlRange(from: string | undefined, to: string | undefined, asOf: Date): { from: string; to: string } {
  const yearOf = (from === undefined ? undefined : yearProblem('--from', from)) ?? (to === undefined ? undefined : yearProblem('--to', to));
  if (yearOf !== undefined) throw new UsageError(yearOf);
  const year = Number(todayIn(DEFAULT_TIME_ZONE, asOf).slice(0, 4));
  const first = from === undefined ? `${year - 1}-01-01` : from.length === 7 ? `${from}-01` : from;
  const last = to === undefined ? `${year}-12-31` : to.length === 7 ? addDays(addMonths(`${to}-01`, 1), -1) : to;
  const problem = rangeProblem(asOf, first, last);
  if (problem !== undefined) throw new UsageError(problem);
  if (first > last) throw new UsageError(message('report.option.from-after-to', { from: from ?? first, to: to ?? last }));
  return { from: first, to: last };
}
