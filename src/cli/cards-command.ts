import { join, relative } from 'node:path';
import { makeCards } from '../cards/make-cards.js';
import type { CardSize } from '../cards/sheet-layout.js';
import type { FormatName } from '../format/index.js';
import { message, renderMessage } from '../messages/message.js';
import { EXIT_FINDINGS, EXIT_OK, say, type CliIO } from './io.js';
import { reportFindings } from './report-findings.js';

export interface CardsFlags {
  readonly out: string;
  readonly size: CardSize;
  readonly baseUrl?: string;
  readonly chromium?: string;
  readonly css?: string;
  readonly logo?: string;
  readonly copies?: number;
  readonly fill?: boolean;
  readonly today?: string;
  readonly root?: string;
  readonly format: FormatName;
  readonly color?: boolean;
}

/** `charter cards`: validate, then print pocket cards and A4 sheets with Chromium. */
export async function cardsCommand(paths: readonly string[], flags: CardsFlags, io: CliIO): Promise<number> {
  const progress = io.stderrIsTTY ? progressBar(io) : undefined;
  const result = await makeCards({
    cwd: io.cwd,
    patterns: paths,
    out: flags.out,
    size: flags.size,
    ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
    ...(flags.chromium === undefined ? {} : { chromium: flags.chromium }),
    ...(flags.css === undefined ? {} : { css: flags.css }),
    ...(flags.logo === undefined ? {} : { logo: flags.logo }),
    ...(flags.copies === undefined ? {} : { copies: flags.copies }),
    ...(flags.fill ? { fill: true } : {}),
    ...(flags.today === undefined ? {} : { today: flags.today }),
    ...(flags.root === undefined ? {} : { root: flags.root }),
    ...(progress ? { onProgress: progress } : {}),
  });
  await reportFindings(result.results, flags.format, io, flags.color);
  if (!result.ok) {
    say(io, message('cli.cards.not-printed'));
    return EXIT_FINDINGS;
  }
  const shown = relative(io.cwd, result.outDir) || '.';
  say(
    io,
    message('cli.cards.printed', {
      count: result.cards.length,
      sheets: message('cli.cards.sheet-count', { count: result.sheets.length }),
      folder: `${shown}/`,
      files: result.sheets.map((sheet) => join(shown, sheet)).join(', '),
    }),
  );
  const tooLong = result.results.some((file) => file.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
  if (tooLong) say(io, message('cli.cards.cut-off'));
  return tooLong ? EXIT_FINDINGS : EXIT_OK;
}

/** A one-line progress bar on a terminal: `printing cards [#####-----] 12/24`. */
function progressBar(io: CliIO): (done: number, total: number) => void {
  return (done, total) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    io.stderr(`\rcharter: ${renderMessage(message('cli.cards.progress', { bar }), io.locale ?? 'en')}${done === total ? '\n' : ''}`);
  };
}
