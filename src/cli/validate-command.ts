import { resolve } from 'node:path';
import { checkCharters, validateCharters, type CheckOptions } from '../check.js';
import type { CardSize } from '../cards/sheet-layout.js';
import type { FileResult } from '../model/diagnostic.js';
import { allRuleMeta } from '../rules/index.js';
import { loadFormatter, type FormatName } from '../format/index.js';
import type { SarifContext } from '../format/sarif.js';
import { packageVersion } from '../util/package-info.js';
import { refuseInputs } from '../util/output-file.js';
import { EXIT_FINDINGS, EXIT_OK, outputOption, RUN_INPUT_KINDS, writeOutput, wantsColor, UsageError, type CliIO } from './io.js';
import { withFindings } from '../model/file-results.js';
import { message, renderMessage } from '../messages/message.js';
import { errorText } from '../messages/message-error.js';
import type { Concurrency } from '../parallel/pool.js';

export interface ValidateFlags {
  readonly format: FormatName;
  readonly output?: string;
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly today?: string;
  readonly root?: string;
  readonly color?: boolean;
  readonly concurrency?: Concurrency;
  readonly checkCards?: CardSize | true;
  /** With --check-cards: the intranet's address, so the cards are measured with the QR code `charter cards --base-url` prints. */
  readonly baseUrl?: string;
  /** With --check-cards: the theme given to charter cards (a logo takes room on the front). */
  readonly css?: string;
  readonly logo?: string;
  /** Where the rule pages are published, for SARIF's `helpUri`: a base address, or one with `{rule}` in it. */
  readonly docsUrl?: string;
}

/** `charter validate`: check, format, write, and decide the exit code. */
export async function validateCommand(paths: readonly string[], flags: ValidateFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  if (flags.docsUrl !== undefined && (await import('../format/sarif.js')).helpUriOf('schema', { docsUrl: flags.docsUrl }) === undefined) {
    throw new UsageError(message('format.docs-url.invalid', { url: flags.docsUrl }));
  }
  if (flags.baseUrl !== undefined && !flags.checkCards) throw new UsageError(message('format.base-url-without-check-cards'));
  for (const [option, value] of [
    ['--css', flags.css],
    ['--logo', flags.logo],
  ] as const) {
    if (value !== undefined && !flags.checkCards) throw new UsageError(message('format.theme-without-check-cards', { option }));
  }
  const output = await outputOption(io, flags.output);

  const common = {
    patterns: paths,
    cwd: io.cwd,
    ...(flags.root === undefined ? {} : { root: flags.root }),
    ...(flags.today === undefined ? {} : { today: flags.today }),
  };
  const results = flags.checkCards
    ? await withCardFit(common, flags.checkCards === true ? 'a6' : flags.checkCards, cardFlags(flags), io)
    : (await validateCharters({ ...common, concurrency: flags.concurrency ?? 'auto' })).results;

  const shown: FileResult[] = flags.quiet
    ? results.map((result) => ({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') }))
    : results;
  const errors = count(shown, 'error');
  const warnings = count(shown, 'warning');

  const formatter = await loadFormatter(flags.format);
  const context: SarifContext = {
    cwd: io.cwd,
    color: output === undefined && flags.format === 'stylish' && wantsColor(io, flags.color),
    version: packageVersion(),
    rules: allRuleMeta(),
    locale,
    ...(flags.docsUrl === undefined ? {} : { docsUrl: flags.docsUrl }),
  };
  let report = formatter(shown, context);
  // A clean run says so in one line; --quiet keeps a run without errors silent.
  if (flags.format === 'stylish' && report === '' && !flags.quiet) {
    const { stylishCleanLine } = await import('../format/stylish.js');
    report = stylishCleanLine(shown, context);
  }

  if (output) {
    // Every file read, baselines reached through `extends` included, has a result.
    await refuseInputs(
      output,
      results.map((result) => ({ path: resolve(io.cwd, result.file), what: RUN_INPUT_KINDS.charterFile })),
    );
    await writeOutput(io, output, report);
  } else if (report !== '') io.stdout(report);

  const tooManyWarnings = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    io.stderr(`${renderMessage(message('format.max-warnings', { count: warnings, max: flags.maxWarnings ?? 0 }), locale)}\n`);
  }
  return errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Validates, then lays the pocket cards out in Chromium and adds an error for
 * each card side whose text does not fit: the finding `charter cards` reports
 * for the same size and --base-url. Without Chromium, says so once and
 * validates as usual.
 */
async function withCardFit(options: CheckOptions, size: CardSize, cardOptions: CardFlags, io: CliIO): Promise<FileResult[]> {
  const checked = await checkCharters(options);
  const { results } = checked;
  if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) return results;
  const { checkCardFit } = await import('../cards/fit-check.js');
  try {
    return withFindings(results, await checkCardFit(checked, { size, cwd: options.cwd, ...(options.today ? { today: options.today } : {}), ...cardOptions }));
  } catch (error) {
    if (error instanceof Error && error.name === 'ChromiumMissingError') {
      io.stderr(`${renderMessage(message('format.cards-not-checked', { reason: errorText(error, io.locale ?? 'en') }), io.locale ?? 'en')}\n`);
      return results;
    }
    throw error;
  }
}

function count(results: readonly FileResult[], severity: 'error' | 'warning'): number {
  return results.reduce((sum, result) => sum + result.diagnostics.filter((d) => d.severity === severity).length, 0);
}

/** What `charter cards` is also given, which the fit check takes too. */
interface CardFlags {
  readonly baseUrl?: string;
  readonly css?: string;
  readonly logo?: string;
}

function cardFlags(flags: ValidateFlags): CardFlags {
  return {
    ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
    ...(flags.css === undefined ? {} : { css: flags.css }),
    ...(flags.logo === undefined ? {} : { logo: flags.logo }),
  };
}
