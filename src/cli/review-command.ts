import { relative } from 'node:path';
import { message } from '../messages/message.js';
import { makeReviewPack, type ReviewFormat } from '../review/review-pack.js';
import { closestMatch } from '../util/suggest.js';
import { asOfOption, listBadRows } from './events.js';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, type CliIO } from './io.js';
import { inputNotes, logReadingOf, type LogReadingFlags } from './log-reading.js';

export interface ReviewFlags extends LogReadingFlags {
  /** One charter's pack only, by id. */
  readonly charter?: string;
  /** Contact logs, for the figures of the period. */
  readonly events?: string[];
  readonly asOf?: string;
  readonly out: string;
  readonly format: ReviewFormat;
  readonly chromium?: string;
  readonly root?: string;
  readonly minContacts?: number;
}

/** Options whose value may not be empty, as commander names them. */
const EMPTY_CHECKS: readonly (readonly [string, (flags: ReviewFlags) => boolean])[] = [
  ['--out <folder>', (flags) => flags.out.trim() === ''],
  ['--charter <id>', (flags) => flags.charter?.trim() === ''],
  ['--events <logs...>', (flags) => flags.events?.some((log) => log.trim() === '') === true],
  ['--chromium <path>', (flags) => flags.chromium?.trim() === ''],
  ['--root <folder>', (flags) => flags.root?.trim() === ''],
];

/**
 * `charter review`: the period's reviewer's pack, one page per charter and
 * language (HTML, and PDF where Chromium exists). Findings in the charters
 * do not stop it; a charter that cannot be read is left out and exits 1; a
 * charter id that does not exist, or unusable options, exit 2.
 */
export async function reviewCommand(paths: readonly string[], flags: ReviewFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  const asOf = asOfOption(flags.asOf);
  // An empty value (a variable that was not set) would be read as the working folder, or as no id.
  const empty = EMPTY_CHECKS.find(([, given]) => given(flags));
  if (empty !== undefined) throw new UsageError(message('cli.usage.option-missing-value', { option: empty[0] }));
  if (flags.events?.includes('-')) throw new UsageError(message('review.pack.stdin-once'));
  if (flags.events === undefined) {
    const reading = (['delimiter', 'encoding', 'timezone', 'map'] as const).find((option) => flags[option] !== undefined);
    if (reading !== undefined) throw new UsageError(message('cli.reading.needs-events', { option: `--${reading}` }));
    if (flags.minContacts !== undefined) throw new UsageError(message('cli.min-contacts.needs-events'));
  }
  const result = await makeReviewPack({
    cwd: io.cwd,
    patterns: paths,
    out: flags.out,
    asOf,
    format: flags.format,
    ...(flags.charter === undefined ? {} : { charters: [flags.charter] }),
    ...(flags.root === undefined ? {} : { root: flags.root }),
    ...(flags.chromium === undefined ? {} : { chromium: flags.chromium }),
    ...(flags.events === undefined
      ? {}
      : {
          events: {
            logs: flags.events,
            reading: logReadingOf(flags),
            locale,
            ...(flags.minContacts === undefined ? {} : { minContacts: flags.minContacts }),
            ...(io.stdin ? { stdin: io.stdin } : {}),
          },
        }),
  });
  if (!result.ok) {
    const [id] = result.unknown;
    // A charter that is there but cannot be read is no typo: say why it gets no pack.
    const unusable = result.leftOut.find((unit) => id !== undefined && unit.id === id);
    if (id !== undefined && unusable) throw new UsageError(message('review.pack.charter-unusable', { id, file: unusable.file, reason: unusable.reason }));
    if (id === undefined) {
      for (const unit of result.leftOut) say(io, message('review.pack.left-out', { file: unit.file, reason: unit.reason }));
      throw new UsageError(message('review.pack.no-charters'));
    }
    const suggestion = closestMatch(id, result.known);
    throw new UsageError(
      suggestion === undefined ? message('review.pack.no-such-charter', { id }) : message('review.pack.no-such-charter-suggest', { id, suggestion }),
    );
  }
  const [report] = result.review.figures?.reports ?? [];
  if (report) {
    for (const note of inputNotes(report, locale)) io.stderr(`${note}\n`);
    listBadRows(report, io);
  }
  const withErrors = result.results.filter((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).length;
  if (withErrors > 0) say(io, message('review.pack.charters-with-errors', { count: withErrors }));
  for (const unit of result.leftOut) say(io, message('review.pack.left-out', { file: unit.file, reason: unit.reason }));
  if (result.pdfSkipped) say(io, message('review.pack.html-only', { problem: result.pdfSkipped.problem, fix: result.pdfSkipped.fix }));
  const folder = `${relative(io.cwd, result.outDir) || '.'}/`;
  say(io, message('review.pack.written', { count: result.review.inputs.length, folder, day: result.review.day }));
  // The others' packs are written, but the pack is not whole: a script must see that, as charter rota's does.
  return result.leftOut.length > 0 ? EXIT_FINDINGS : EXIT_OK;
}
