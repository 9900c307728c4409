import { relative } from 'node:path';
import type { FormatName } from '../format/index.js';
import { buildSite, type BuildOptions, type EventsOptions } from '../site/build.js';
import { asOfOption, listBadRows } from './events.js';
import { logReadingOf, type LogReadingFlags } from './log-reading.js';
import { message } from '../messages/message.js';
import { EXIT_FINDINGS, EXIT_OK, say, UsageError, type CliIO } from './io.js';
import { reportFindings } from './report-findings.js';
import { siteReviews } from '../review/review-inputs.js';

export interface BuildFlags extends LogReadingFlags {
  readonly out: string;
  readonly templates?: string;
  readonly css?: string;
  readonly logo?: string;
  readonly base?: string;
  /** Where the site is published (checked by the option's parser in run.ts). */
  readonly siteUrl?: string;
  readonly today?: string;
  readonly root?: string;
  readonly format: FormatName;
  readonly color?: boolean;
  readonly search?: boolean;
  /** Contact logs for the compliance dashboard. */
  readonly events?: string[];
  readonly asOf?: string;
  /** Months with fewer contacts are marked as few contacts on the dashboard. */
  readonly minContacts?: number;
}

/** `charter build`: validate, and build the site only when there are no errors. */
export async function buildCommand(paths: readonly string[], flags: BuildFlags, io: CliIO): Promise<number> {
  const result = await buildSite({ ...siteOptionsOf(paths, flags, io), search: flags.search !== false });
  await reportFindings(result.results, flags.format, io, flags.color);
  if (!result.ok) {
    say(io, message('cli.build.not-built'));
    return EXIT_FINDINGS;
  }
  if (result.compliance) listBadRows(result.compliance, io);
  const folder = `${relative(io.cwd, result.outDir) || '.'}/`;
  say(io, message(result.compliance ? 'cli.build.built-with-dashboard' : 'cli.build.built', { count: result.pageCount, folder }));
  return EXIT_OK;
}

/** The options `charter build` and `charter serve` share, from their flags. */
export function siteOptionsOf(paths: readonly string[], flags: BuildFlags, io: CliIO): BuildOptions {
  const events = eventsOf(flags, io);
  return {
    cwd: io.cwd,
    patterns: paths,
    out: flags.out,
    ...(flags.templates === undefined ? {} : { templates: flags.templates }),
    ...(flags.css === undefined ? {} : { css: flags.css }),
    ...(flags.logo === undefined ? {} : { logo: flags.logo }),
    ...(flags.base === undefined ? {} : { base: flags.base }),
    ...(flags.siteUrl === undefined ? {} : { siteUrl: flags.siteUrl }),
    ...(flags.today === undefined ? {} : { today: flags.today }),
    ...(flags.root === undefined ? {} : { root: flags.root }),
    // With the logs, each charter gets its review pack too (/<lang>/<id>/review/).
    ...(events ? { events, reviews: siteReviews(io.cwd, paths, events) } : {}),
  };
}

/** `--events` and `--as-of` as build options (shared with `charter serve`). */
export function eventsOf(flags: BuildFlags, io: CliIO): EventsOptions | undefined {
  if (flags.events === undefined) {
    if (flags.asOf !== undefined) throw new UsageError(message('cli.as-of.needs-events'));
    const reading = (['delimiter', 'encoding', 'timezone', 'map'] as const).find((option) => flags[option] !== undefined);
    if (reading !== undefined) throw new UsageError(message('cli.reading.needs-events', { option: `--${reading}` }));
    if (flags.minContacts !== undefined) throw new UsageError(message('cli.min-contacts.needs-events'));
    return undefined;
  }
  return {
    logs: flags.events,
    asOf: asOfOption(flags.asOf),
    reading: logReadingOf(flags),
    ...(flags.minContacts === undefined ? {} : { minContacts: flags.minContacts }),
    ...(io.stdin ? { stdin: io.stdin } : {}),
  };
}
