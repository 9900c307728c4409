import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../util/package-info.js';
import { FORMAT_NAMES as FORMATS } from '../format/index.js';
import { oneLine, terminalLines } from '../format/shared.js';
import type { Concurrency } from '../parallel/pool.js';
import type { BuildFlags } from './build-command.js';
import type { ValidateFlags } from './validate-command.js';
import type { ServeFlags } from './serve-command.js';
import type { CardsFlags } from './cards-command.js';
import type { ReportFlags } from './report-command.js';
import type { SqlFlags } from './sql-command.js';
import { DIALECTS } from '../sql/dialect.js';
import type { RotaFlags } from './rota-command.js';
import type { AwayFlags } from './away-command.js';
import type { DiffFlags } from './diff-command.js';
import type { ReviewFlags } from './review-command.js';
import type { InitFlags } from './init-command.js';
import { resolve } from 'node:path';
import { isSystemError, systemErrorMessage } from '../util/system-error.js';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io.js';
import { FIRST_REPORT_YEAR, LAST_REPORT_YEAR } from '../report/report-window.js';
import { isCopies, MAX_COPIES } from '../cards/sheet-layout.js';
import { isMessageLocale, localeFromEnvironment, MESSAGE_LOCALES, type MessageLocale } from '../messages/locale.js';
import { errorText, MessageError } from '../messages/message-error.js';
import { message, renderMessage, type MessageRef, type MessageValues } from '../messages/message.js';
import type { MessageId } from '../messages/catalog.js';
import { LocalizedCommand } from './localized-help.js';
import { ArgumentProblem, commanderErrorMessage, keepingProblems, type ArgumentProblems } from './commander-errors.js';
import { missingPackageText } from './missing-package.js';
import { parseSiteUrl } from '../site/site-url.js';
import { parseAwayMoment } from '../away/away-dates.js';

/**
 * The language of messages: `--locale` wherever it stands (it must hold even
 * for mistakes commander finds while parsing), else the environment's.
 */
export function localeOf(argv: readonly string[], env: CliIO['env']): MessageLocale {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    if (arg === '--') break;
    const value = arg === '--locale' ? argv[index + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    if (value !== undefined && isMessageLocale(value)) return value;
  }
  return localeFromEnvironment(env);
}

/**
 * Runs the `charter` command line and returns the exit code: 0 clean,
 * 1 findings, 2 usage or fatal error. Never calls process.exit.
 */
export async function run(argv: readonly string[], givenIO: CliIO): Promise<number> {
  const io: CliIO = { ...givenIO, locale: localeOf(argv, givenIO.env) };
  const locale = io.locale ?? 'en';
  let exitCode = EXIT_OK;
  // Commander's own words for a parse error, printed only when it has none in the user's language.
  let commanderText: string | undefined;
  const problems: ArgumentProblems = { last: undefined };
  const program = buildProgram(
    io,
    (code) => {
      exitCode = code;
    },
    (text) => {
      commanderText = text;
    },
    problems,
  );
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // A command's lazily loaded dependency that is not installed: name it, and how to install it.
    const missing = missingPackageText(error, program.args[0], locale);
    if (missing !== undefined) {
      io.stderr(`charter: ${terminalLines(missing)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommanderError) {
      // Help and version are successes; every other parse problem is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT_OK;
      // Arguments quoted in the message may hold control characters: one line, made harmless.
      const translated = commanderErrorMessage(error, problems.last);
      if (translated !== undefined) io.stderr(`charter: ${oneLine(renderMessage(translated, locale))}\n`);
      else if (commanderText !== undefined) io.stderr(terminalLines(commanderText.startsWith('error:') ? `charter: ${commanderText}` : commanderText));
      return EXIT_USAGE;
    }
    // Messages quote paths, flags and file contents: nothing in them may drive the terminal.
    if (error instanceof MessageError || isUsageProblem(error)) {
      io.stderr(`charter: ${terminalLines(errorText(error, locale))}\n`);
      return EXIT_USAGE;
    }
    // A full disk, a read-only or forbidden folder: the user's to fix, in one line.
    if (isSystemError(error)) io.stderr(`charter: ${terminalLines(renderMessage(await describeSystemError(error, io.cwd), locale))}\n`);
    else {
      const text = message('cli.unexpected-error', { problem: error instanceof Error ? error.message : String(error) });
      io.stderr(`charter: ${oneLine(renderMessage(text, locale))}\n`);
    }
    // The stack begins with the error's message, which may quote a path or a file's contents.
    if (io.env.CHARTER_DEBUG && error instanceof Error && error.stack) io.stderr(`${terminalLines(error.stack)}\n`);
    return EXIT_USAGE;
  }
}

/**
 * Problems with how the tool was called or configured: one line, exit 2.
 * Every MessageError is one; these are found by name, as they may not be
 * MessageErrors yet.
 */
const USAGE_PROBLEMS = new Set(['LogFileError']);

function isUsageProblem(error: unknown): boolean {
  return error instanceof Error && USAGE_PROBLEMS.has(error.name);
}

/** What a failed system call was doing, as the words of `cannot open X: ...`. */
const SYSCALL_MESSAGES: Readonly<Record<string, 'create' | 'remove' | 'read' | 'copy' | 'move' | 'open' | 'write'>> = {
  mkdir: 'create',
  rmdir: 'remove',
  unlink: 'remove',
  rm: 'remove',
  scandir: 'read',
  stat: 'read',
  lstat: 'read',
  read: 'read',
  copyfile: 'copy',
  cp: 'copy',
  rename: 'move',
  open: 'open',
  write: 'write',
};

/** The messages of each verb: without a path, and with one. */
const VERB_MESSAGES = {
  create: ['cli.system-error.cannot-create', 'cli.system-error.cannot-create-at'],
  remove: ['cli.system-error.cannot-remove', 'cli.system-error.cannot-remove-at'],
  read: ['cli.system-error.cannot-read', 'cli.system-error.cannot-read-at'],
  copy: ['cli.system-error.cannot-copy', 'cli.system-error.cannot-copy-at'],
  move: ['cli.system-error.cannot-move', 'cli.system-error.cannot-move-at'],
  open: ['cli.system-error.cannot-open', 'cli.system-error.cannot-open-at'],
  write: ['cli.system-error.cannot-write', 'cli.system-error.cannot-write-at'],
} as const;

/** `cannot open _site/fi/index.html: no space left on the device`, the path shown from the working folder. */
async function describeSystemError(error: NodeJS.ErrnoException, cwd: string): Promise<MessageRef> {
  const { displayPath } = await import('../load/load-collection.js');
  const reason = systemErrorMessage(error);
  const call = error.syscall ?? '';
  const { address, port } = error as { address?: string; port?: number };
  if (error.path === undefined && address !== undefined) {
    return message('cli.system-error.call-address', { call, address: port === undefined ? address : `${address}:${port}`, reason });
  }
  const where = error.path === undefined ? undefined : displayPath(resolve(cwd, error.path), cwd);
  const verb = SYSCALL_MESSAGES[call];
  if (verb === undefined)
    return where === undefined ? message('cli.system-error.call', { call, reason }) : message('cli.system-error.call-at', { call, where, reason });
  const [bare, at] = VERB_MESSAGES[verb];
  return where === undefined ? message(bare, { reason }) : message(at, { where, reason });
}

/** The help texts of the log-reading options (--delimiter, --encoding, --timezone, --map), in that order. */
const LOG_READING_HELP = {
  common: ['help.common.delimiter', 'help.common.encoding', 'help.common.timezone', 'help.common.map'],
  report: ['help.report.delimiter', 'help.report.encoding', 'help.report.timezone', 'help.report.map'],
} as const satisfies Record<string, readonly [MessageId, MessageId, MessageId, MessageId]>;

/** The whole command line, its help in `io.locale`; exported so tests can walk every command's help. */
export function buildProgram(io: CliIO, setExitCode: (code: number) => void, onCommanderError: (text: string) => void, problems: ArgumentProblems): Command {
  // Each option parser keeps the reason it refuses a value, for the message in the user's language.
  const parseCount = keepingProblems(problems, countOption);
  const parseDateOption = keepingProblems(problems, dateOption);
  const parseConcurrency = keepingProblems(problems, concurrencyOption);
  const parseCardSize = keepingProblems(problems, cardSizeOption);
  const parseCopies = keepingProblems(problems, copiesOption);
  const parseUrl = keepingProblems(problems, urlOption);
  const parseSiteUrlOption = keepingProblems(problems, siteUrlOption);
  const parsePort = keepingProblems(problems, portOption);
  const parsePeriods = keepingProblems(problems, periodsOption);
  const parseMonthOrDay = keepingProblems(problems, monthOrDayOption);
  const parseAwayTime = keepingProblems(problems, awayMomentOption);
  const locale = io.locale ?? 'en';
  // Every description, and commander's own words, in the language of the messages.
  const t = (id: MessageId, values?: MessageValues): string => renderMessage(message(id, values), locale);
  const program = new LocalizedCommand('charter', locale);
  program
    .description(t('help.program.description'))
    .version(packageVersion(), '-v, --version', t('help.program.version'))
    .addOption(new Option('--locale <language>', t('help.program.locale')).choices(MESSAGE_LOCALES))
    .helpOption('-h, --help', t('help.program.help-option'))
    .helpCommand('help [command]', t('help.program.help-command'))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Kept, not printed: run() says the error in the user's language (commander's English when it has no words for it).
      outputError: (text) => onCommanderError(text),
    })
    .addHelpText('after', t('help.program.after-options'));

  program
    .command('validate')
    .description(t('help.validate.description'))
    .argument('[paths...]', t('help.common.arg-paths'))
    .addOption(new Option('-f, --format <name>', t('help.common.format')).choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', t('help.common.output'))
    .option('--max-warnings <n>', t('help.validate.max-warnings'), parseCount)
    .option('-q, --quiet', t('help.validate.quiet'))
    .option('--today <date>', t('help.common.today'), parseDateOption)
    .option('--root <folder>', t('help.common.root'))
    .option('--concurrency <n>', t('help.validate.concurrency'), parseConcurrency)
    .option('--check-cards [size]', t('help.validate.check-cards'), parseCardSize)
    .option('--base-url <url>', t('help.validate.base-url'), parseUrl)
    .option('--css <file>', t('help.validate.css'))
    .option('--logo <file>', t('help.validate.logo'))
    .option('--docs-url <url>', t('help.validate.docs-url'))
    .option('--color', t('help.validate.color'))
    .option('--no-color', t('help.common.no-color'))
    .addHelpText('after', t('help.validate.after-options'))
    .action(async (paths: string[], options: ValidateFlags) => {
      const { validateCommand } = await import('./validate-command.js');
      setExitCode(await validateCommand(paths, options, io));
    });

  /** What every command that validates first takes: the charters, the day, and how to show findings. */
  const chartersOptions = (command: Command): Command =>
    command
      .argument('[paths...]', t('help.common.arg-paths'))
      .option('--today <date>', t('help.common.today'), parseDateOption)
      .option('--root <folder>', t('help.common.root'))
      .addOption(new Option('-f, --format <name>', t('help.common.findings-format')).choices(FORMATS).default('stylish'))
      .option('--color', t('help.common.color-findings'))
      .option('--no-color', t('help.common.no-color'));

  /** How a contact log is read (shared by report, review, build and serve); `area` picks the help texts. */
  const logReadingOptions = (command: Command, area: keyof typeof LOG_READING_HELP): Command => {
    const [delimiter, encoding, timezone, map] = LOG_READING_HELP[area];
    return command
      .option('--delimiter <char>', t(delimiter))
      .option('--encoding <name>', t(encoding))
      .option('--timezone <zone>', t(timezone))
      .option('--map <pairs>', t(map));
  };

  const siteOptions = (command: Command): Command =>
    logReadingOptions(
      chartersOptions(command)
        .option('--out <folder>', t('help.common.out'), '_site')
        .option('--templates <folder>', t('help.common.templates'))
        .option('--css <file>', t('help.common.css'))
        .option('--logo <file>', t('help.common.logo'))
        .option('--base <path>', t('help.common.base'))
        .option('--site-url <url>', t('help.common.site-url'), parseSiteUrlOption)
        .option('--events <logs...>', t('help.common.events'))
        .option('--as-of <time>', t('help.common.as-of')),
      'common',
    ).option('--min-contacts <count>', t('help.common.min-contacts'), parseCount);

  siteOptions(program.command('build').description(t('help.build.description')))
    .option('--no-search', t('help.build.no-search'))
    .addHelpText('after', t('help.build.after-options'))
    .action(async (paths: string[], options: BuildFlags) => {
      const { buildCommand } = await import('./build-command.js');
      setExitCode(await buildCommand(paths, options, io));
    });

  siteOptions(program.command('serve').description(t('help.serve.description')))
    .option('--port <n>', t('help.serve.port'), parsePort, 8080)
    .option('--host <address>', t('help.serve.host'), '127.0.0.1')
    .addHelpText('after', t('help.serve.after-options'))
    .action(async (paths: string[], options: ServeFlags) => {
      const { serveCommand } = await import('./serve-command.js');
      setExitCode(await serveCommand(paths, options, io));
    });

  chartersOptions(program.command('cards').description(t('help.cards.description')))
    .option('--out <folder>', t('help.common.out'), '_site/cards')
    .addOption(new Option('--size <size>', t('help.cards.size')).choices(['a6', 'a7', 'credit-card']).default('a6'))
    .option('--base-url <url>', t('help.cards.base-url'), parseUrl)
    .option('--chromium <path>', t('help.common.chromium'))
    .option('--css <file>', t('help.cards.css'))
    .option('--logo <file>', t('help.cards.logo'))
    .option('--copies <n>', t('help.cards.copies', { max: MAX_COPIES }), parseCopies)
    .option('--fill', t('help.cards.fill'))
    .addHelpText('after', t('help.cards.after-options'))
    .action(async (paths: string[], options: CardsFlags) => {
      const { cardsCommand } = await import('./cards-command.js');
      setExitCode(await cardsCommand(paths, options, io));
    });

  program
    .command('rota')
    .description(t('help.rota.description'))
    .argument('[paths...]', t('help.rota.arg-paths'))
    .option('--charters <folder>', t('help.rota.charters'))
    .option('--periods <n>', t('help.rota.periods'), parsePeriods, 4)
    .option('--today <date>', t('help.rota.today'), parseDateOption)
    .addOption(new Option('-f, --format <name>', t('help.common.format')).choices(['table', 'json', 'ics']).default('table'))
    .option('--color', t('help.common.color-table'))
    .option('--no-color', t('help.common.no-color'))
    .addHelpText('after', t('help.rota.after-options'))
    .action(async (paths: string[], options: RotaFlags) => {
      const { rotaCommand } = await import('./rota-command.js');
      setExitCode(await rotaCommand(paths, options, io));
    });

  logReadingOptions(
    program
      .command('review')
      .description(t('help.review.description'))
      .argument('[paths...]', t('help.common.arg-paths'))
      .option('--charter <id>', t('help.review.charter'))
      .option('--events <logs...>', t('help.review.events'))
      .option('--as-of <time>', t('help.review.as-of'))
      .option('--out <folder>', t('help.common.out'), '_review')
      .addOption(new Option('-f, --format <name>', t('help.review.format')).choices(['html', 'pdf', 'all']).default('all'))
      .option('--chromium <path>', t('help.common.chromium'))
      .option('--root <folder>', t('help.common.root')),
    'common',
  )
    .option('--min-contacts <count>', t('help.common.min-contacts'), parseCount)
    .addHelpText('after', t('help.review.after-options'))
    .action(async (paths: string[], options: ReviewFlags) => {
      const { reviewCommand } = await import('./review-command.js');
      setExitCode(await reviewCommand(paths, options, io));
    });

  program
    .command('away')
    .description(t('help.away.description'))
    .option('--charter <id>', t('help.away.charter'))
    .option('--charters <folder>', t('help.away.charters'))
    .option('--from <date>', t('help.away.from'), parseAwayTime)
    .option('--until <date>', t('help.away.until'), parseAwayTime)
    .option('--substitute <who>', t('help.away.substitute'))
    .option('--name <name>', t('help.away.name'))
    .option('--mailbox <address>', t('help.away.mailbox'))
    .option('--today <date>', t('help.away.today'), parseDateOption)
    .addOption(new Option('-f, --format <name>', t('help.common.format')).choices(['text', 'json', 'ics', 'graph', 'exchange']).default('text'))
    .option('-o, --output <file>', t('help.away.output'))
    .option('--force', t('help.away.force'))
    .addHelpText('after', t('help.away.after-options'))
    .action(async (options: AwayFlags) => {
      const { awayCommand } = await import('./away-command.js');
      setExitCode(await awayCommand(options, io));
    });

  logReadingOptions(
    program
      .command('report')
      .description(t('help.report.description'))
      .argument('<logs...>', t('help.report.arg-logs'))
      .option('--charters <folder>', t('help.common.charters'), 'charters')
      .option('--from <date>', t('help.report.from'), parseMonthOrDay)
      .option('--to <date>', t('help.report.to'), parseMonthOrDay)
      .option('--as-of <time>', t('help.report.as-of'))
      .addOption(new Option('-f, --format <name>', t('help.common.format')).choices(['table', 'json', 'csv', 'open-data']).default('table'))
      .option('-o, --output <file>', t('help.report.output'))
      .option('--site-url <url>', t('help.report.site-url'), parseSiteUrlOption)
      .option('--license <url>', t('help.report.license'), parseUrl),
    'report',
  )
    .option('--min-contacts <count>', t('help.common.min-contacts'), parseCount)
    .option('--strict', t('help.report.strict'))
    .option('--color', t('help.common.color-table'))
    .option('--no-color', t('help.common.no-color'))
    .addHelpText('after', t('help.report.after-options'))
    .action(async (logs: string[], options: ReportFlags) => {
      const { reportCommand } = await import('./report-command.js');
      setExitCode(await reportCommand(logs, options, io));
    });

  program
    .command('diff')
    .description(t('help.diff.description'))
    .argument('[paths...]', t('help.diff.arg-paths'))
    .option('--base <ref>', t('help.diff.base'))
    .addOption(new Option('-f, --format <name>', t('help.common.format')).choices(['stylish', 'json', 'markdown', 'github']).default('stylish'))
    .option('-o, --output <file>', t('help.common.output'))
    .option('--color', t('help.diff.color'))
    .option('--no-color', t('help.common.no-color'))
    .addHelpText('after', t('help.diff.after-options'))
    .action(async (paths: string[], options: DiffFlags) => {
      const { diffCommand } = await import('./diff-command.js');
      setExitCode(await diffCommand(paths, options, io));
    });

  program
    .command('sql')
    .description(t('help.sql.description'))
    .addOption(new Option('--dialect <engine>', t('help.sql.dialect')).choices([...DIALECTS]).makeOptionMandatory())
    .option('--charters <folder>', t('help.common.charters'), 'charters')
    .option('--from <date>', t('help.sql.from'), parseMonthOrDay)
    .option('--to <date>', t('help.sql.to'), parseMonthOrDay)
    .option('--as-of <time>', t('help.sql.as-of'))
    .option('-o, --output <folder>', t('help.sql.output'))
    .addHelpText('after', t('help.sql.after-options'))
    .action(async (options: SqlFlags) => {
      const { sqlCommand } = await import('./sql-command.js');
      setExitCode(await sqlCommand(options, io));
    });

  program
    .command('init')
    .description(t('help.init.description'))
    .argument('[folder]', t('help.init.arg-folder'))
    .option('--languages <list>', t('help.init.languages'), 'fi,sv')
    .option('--organisation <name>', t('help.init.organisation'))
    .option('--unit <name>', t('help.init.unit'))
    .addOption(new Option('--ci <kind>', t('help.init.ci')).choices(['github', 'gitlab', 'none']).default('none'))
    .option('--hook', t('help.init.hook'))
    .option('--force', t('help.init.force'))
    .option('--today <date>', t('help.init.today'), parseDateOption)
    .addHelpText('after', t('help.init.after-options'))
    .action(async (folder: string | undefined, options: InitFlags) => {
      const { initCommand } = await import('./init-command.js');
      setExitCode(await initCommand(folder, options, io));
    });

  program
    .command('schema')
    .description(t('help.schema.description'))
    .option('--baseline', t('help.schema.baseline'))
    .action(async (options: { baseline?: boolean }) => {
      const { readFile } = await import('node:fs/promises');
      const { schemaPath } = await import('../util/package-info.js');
      io.stdout(await readFile(schemaPath(options.baseline ? 'baseline' : 'unit'), 'utf8'));
    });

  program
    .command('rules')
    .description(t('help.rules.description'))
    .action(async () => {
      const { allRuleMeta } = await import('../rules/index.js');
      const { ruleDescription } = await import('./rule-descriptions.js');
      const rules = [...allRuleMeta().values()];
      const width = Math.max(...rules.map((rule) => rule.id.length));
      const describe = (rule: (typeof rules)[number]): string => {
        const description = ruleDescription(rule);
        return typeof description === 'string' ? description : renderMessage(description, locale);
      };
      io.stdout(rules.map((rule) => `${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${describe(rule)}`).join('\n') + '\n');
    });

  return program;
}

function concurrencyOption(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d*$/.test(value)) return Number(value);
  throw new ArgumentProblem(message('cli.option.concurrency'));
}

function copiesOption(value: string): number {
  if (!/^\d+$/.test(value) || !isCopies(Number(value))) throw new ArgumentProblem(message('cli.option.copies', { max: MAX_COPIES }));
  return Number(value);
}

function cardSizeOption(value: string): 'a6' | 'a7' | 'credit-card' {
  if (value === 'a6' || value === 'a7' || value === 'credit-card') return value;
  throw new ArgumentProblem(message('cli.option.card-size'));
}

/**
 * The longest --base-url: with a 64-character id and the language added, the
 * card's QR code stays small enough (about version 10, 57 modules across) for
 * a phone to read at pocket-card size; far longer ones do not fit a QR code at all.
 */
const MAX_BASE_URL_LENGTH = 200;

function urlOption(value: string): string {
  let href: string | undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
  } catch {
    // reported below
  }
  if (href === undefined) throw new ArgumentProblem(message('cli.option.url'));
  if (href.length > MAX_BASE_URL_LENGTH) throw new ArgumentProblem(message('cli.option.url-too-long', { count: href.length, max: MAX_BASE_URL_LENGTH }));
  return href;
}

/** An absolute http or https address with no query or fragment: the site's, for canonical links. */
function siteUrlOption(value: string): string {
  const url = parseSiteUrl(value);
  if (url === undefined) throw new ArgumentProblem(message('cli.option.site-url'));
  return url.href;
}

function portOption(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new ArgumentProblem(message('cli.option.port'));
  return port;
}

function countOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new ArgumentProblem(message('cli.option.count'));
  return Number(value);
}

function periodsOption(value: string): number {
  if (!/^[1-9]\d{0,2}$/.test(value)) throw new ArgumentProblem(message('cli.option.periods'));
  return Number(value);
}

/** YYYY-MM-DD, or YYYY-MM (the command decides which day of the month it means). */
function monthOrDayOption(value: string): string {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return value;
  try {
    return dateOption(value);
  } catch {
    throw new ArgumentProblem(message('cli.option.month-or-day'));
  }
}

/** YYYY-MM-DD or YYYY-MM-DDTHH:MM, in the years a calendar can be worked out for. */
function awayMomentOption(value: string): string {
  const moment = parseAwayMoment(value);
  if (moment === undefined) throw new ArgumentProblem(message('away.option.moment'));
  const year = Number(moment.date.slice(0, 4));
  if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    throw new ArgumentProblem(message('away.option.moment-years', { first: FIRST_REPORT_YEAR, last: LAST_REPORT_YEAR }));
  }
  return value.trim();
}

function dateOption(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new ArgumentProblem(message('cli.option.date'));
  }
  // Review dates and rotas are worked out years ahead; far-off years are typing mistakes that would overflow them.
  const year = date.getUTCFullYear();
  if (year < FIRST_REPORT_YEAR || year > LAST_REPORT_YEAR) {
    throw new ArgumentProblem(message('cli.option.date-years', { first: FIRST_REPORT_YEAR, last: LAST_REPORT_YEAR }));
  }
  return value;
}
