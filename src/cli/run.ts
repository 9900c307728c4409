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
import { message, renderMessage, type MessageRef } from '../messages/message.js';
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
    if (io.env.CHARTER_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
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

function buildProgram(io: CliIO, setExitCode: (code: number) => void, onCommanderError: (text: string) => void, problems: ArgumentProblems): Command {
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
  const program = new Command('charter');
  program
    .description('Write, check and publish customer-service charters (pocket guides) of public offices.')
    .version(packageVersion(), '-v, --version', 'print the version')
    .addOption(new Option('--locale <language>', 'language of messages (default: from LC_ALL, LC_MESSAGES or LANG, else en)').choices(MESSAGE_LOCALES))
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Kept, not printed: run() says the error in the user's language (commander's English when it has no words for it).
      outputError: (text) => onCommanderError(text),
    })
    .addHelpText(
      'after',
      `
Examples:
  $ charter init --languages fi,sv --ci github     start a charter repository here
  $ charter validate                              check every charter under charters/
  $ charter validate charters/city-library.yaml   check one file
  $ charter validate --format sarif -o charter.sarif
  $ charter schema > charter.schema.json          the JSON Schema, for editors
  $ charter build --events logs/2026.csv          the intranet guide with the compliance dashboard
  $ charter report logs/2026.csv                  are we keeping our promises?
  $ charter rota                                  who reviews which period
  $ charter review --events logs/2026.csv         the review pack for this period's reviewer
  $ charter away --charter city-library --from 2026-12-21 --until 2027-01-05 --substitute library-desk
  $ charter diff --base main                      what changed in the promises

Exit codes: 0 clean, 1 findings, 2 usage or fatal error.`,
    );

  program
    .command('validate')
    .description('check charters: YAML, the charter schema and the rules')
    .argument('[paths...]', 'files, folders or globs (default: charters/)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('--today <date>', 'judge review dates as of this day (YYYY-MM-DD)', parseDateOption)
    .option('--root <folder>', 'the charters folder that `extends` may not leave (default: inferred)')
    .option('--concurrency <n>', 'worker threads: a number, auto (default) or off', parseConcurrency)
    .option(
      '--check-cards [size]',
      'also lay out the pocket cards in Chromium (a6, a7, credit-card; default a6): an error where text does not fit',
      parseCardSize,
    )
    .option('--base-url <url>', 'with --check-cards: the address given to charter cards, to measure the cards with their QR code', parseUrl)
    .option('--css <file>', 'with --check-cards: the stylesheet given to charter cards')
    .option('--logo <file>', 'with --check-cards: the logo given to charter cards, which takes room on the front')
    .option('--docs-url <url>', 'where the rule pages are published, for SARIF help links (a base address, or one with {rule})')
    .option('--color', 'force colour in stylish output')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Examples:
  $ charter validate
  $ charter validate charters/building-control.yaml
  $ charter validate "charters/**/*.yaml" --max-warnings 0
  $ charter validate --format github          annotations in GitHub Actions
  $ charter validate --format junit -o junit.xml

Each finding shows file:line:col, severity, message and rule id. Rule pages:
node_modules/charter/docs/rules/<rule-id>.md. Messages follow --locale or LANG
(fi, sv, en). Exit codes: 0 clean (warnings within --max-warnings), 1 findings,
2 usage or fatal error.`,
    )
    .action(async (paths: string[], options: ValidateFlags) => {
      const { validateCommand } = await import('./validate-command.js');
      setExitCode(await validateCommand(paths, options, io));
    });

  /** What every command that validates first takes: the charters, the day, and how to show findings. */
  const chartersOptions = (command: Command): Command =>
    command
      .argument('[paths...]', 'files, folders or globs (default: charters/)')
      .option('--today <date>', 'judge review dates as of this day (YYYY-MM-DD)', parseDateOption)
      .option('--root <folder>', 'the charters folder that `extends` may not leave (default: inferred)')
      .addOption(new Option('-f, --format <name>', 'format of findings').choices(FORMATS).default('stylish'))
      .option('--color', 'force colour in findings')
      .option('--no-color', 'never use colour');

  const siteOptions = (command: Command): Command =>
    chartersOptions(command)
      .option('--out <folder>', 'output folder', '_site')
      .option('--templates <folder>', 'your templates, replacing built-in ones of the same name')
      .option('--css <file>', 'your stylesheet (colours, logo placement), linked after the built-in one')
      .option('--logo <file>', 'your logo image, shown in the header')
      .option('--base <path>', 'the path the site is served under, e.g. /intranet/charters/ (default: /)')
      .option('--site-url <url>', "the guide's public address, e.g. https://intranet.example.fi/charters/: adds canonical links", parseSiteUrlOption)
      .option('--events <logs...>', 'contact logs (CSV or JSON Lines): adds the compliance dashboard')
      .option('--as-of <time>', 'measure the logs as of this time (default: now); see charter report')
      .option('--delimiter <char>', "the logs' CSV delimiter (default: found from the header); see charter report")
      .option('--encoding <name>', "the logs' text encoding; see charter report")
      .option('--timezone <zone>', 'the time zone of log times without an offset, e.g. Europe/Helsinki; see charter report')
      .option('--map <pairs>', "the logs' own column names, e.g. charter=Yksikkö,start=Saapunut; see charter report")
      .option('--min-contacts <count>', 'mark months with fewer contacts than this as few contacts (default: 10)', parseCount);

  siteOptions(program.command('build').description('validate the charters and build the intranet guide (a static site)'))
    .option('--no-search', 'skip the search index')
    .addHelpText(
      'after',
      `
Examples:
  $ charter build                          charters/ into _site/
  $ charter build --out public --css theme.css --logo logo.svg
  $ charter build --events logs/2026.csv   with the compliance dashboard

The site is built only when the charters have no errors, into a new folder
that then replaces the old one whole. An existing --out folder is replaced only
if an earlier build made it.`,
    )
    .action(async (paths: string[], options: BuildFlags) => {
      const { buildCommand } = await import('./build-command.js');
      setExitCode(await buildCommand(paths, options, io));
    });

  siteOptions(program.command('serve').description('build, serve on localhost, rebuild and reload when a charter or template changes'))
    .option('--port <n>', 'port', parsePort, 8080)
    .option('--host <address>', 'address to listen on: 127.0.0.1, localhost or ::1 (this computer only)', '127.0.0.1')
    .addHelpText(
      'after',
      `
Examples:
  $ charter serve                             charters/ on http://127.0.0.1:8080/
  $ charter serve docs/charters --port 8081

The preview answers this computer only. To share the guide, run charter build
and put the output folder on any web server. serve serves only the files it
wrote; an --out folder that charter did not make is refused.`,
    )
    .action(async (paths: string[], options: ServeFlags) => {
      const { serveCommand } = await import('./serve-command.js');
      setExitCode(await serveCommand(paths, options, io));
    });

  chartersOptions(program.command('cards').description('print pocket cards: a PDF per charter and language, and A4 sheets with crop marks'))
    .option('--out <folder>', 'output folder', '_site/cards')
    .addOption(new Option('--size <size>', 'card size').choices(['a6', 'a7', 'credit-card']).default('a6'))
    .option('--base-url <url>', "the intranet's address, for the QR code to each charter's page", parseUrl)
    .option('--chromium <path>', 'Chromium to print with (default: /usr/bin/chromium)')
    .option('--css <file>', 'your stylesheet (colours), linked after the built-in one, as on the site')
    .option('--logo <file>', 'your logo image (PNG, JPEG, GIF, WebP or SVG), shown on the cards as in the site header')
    .option('--copies <n>', `each card this many times on the A4 sheets (1 to ${MAX_COPIES})`, parseCopies)
    .option('--fill', 'repeat the cards so that the last sheet has no blank slots (one charter: a whole sheet of it)')
    .addHelpText(
      'after',
      `
Examples:
  $ charter cards --base-url https://intranet.example.fi/charters/
  $ charter cards --size credit-card --out cards
  $ charter cards --logo logo.svg --css theme.css --fill   full A4 sheets

Cards are printed with Chromium (apt-get install chromium). A run replaces
only the cards of the size it prints; cards of other sizes stay, and charter
build keeps the cards printed into its output folder.`,
    )
    .action(async (paths: string[], options: CardsFlags) => {
      const { cardsCommand } = await import('./cards-command.js');
      setExitCode(await cardsCommand(paths, options, io));
    });

  program
    .command('rota')
    .description('list who reviews which period, for each charter with a review rota')
    .argument('[paths...]', 'files, folders or globs (default: the --charters folder)')
    .option('--charters <folder>', 'the charters folder, read when no paths are given (default: charters/)')
    .option('--periods <n>', 'how many periods to list, from the one that holds today', parsePeriods, 4)
    .option('--today <date>', 'list periods as of this day (YYYY-MM-DD; default: today in Helsinki)', parseDateOption)
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'ics']).default('table'))
    .option('--color', 'force colour in the table')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Examples:
  $ charter rota                               every charter under charters/
  $ charter rota --charters other/ --periods 8
  $ charter rota --format json                 for other tools
  $ charter rota --format ics > rota.ics       reviewers' turns and review due
                                               dates for a calendar, worded in
                                               each charter's first language

Exit codes: 0 listed, 1 a rota cannot be worked out (a reviewer who is not a
contact, a bad review.every or review.approved, a file that does not load),
2 usage or fatal error. Other findings, such as an overdue review, do not fail.`,
    )
    .action(async (paths: string[], options: RotaFlags) => {
      const { rotaCommand } = await import('./rota-command.js');
      setExitCode(await rotaCommand(paths, options, io));
    });

  program
    .command('review')
    .description("write the review pack for this period's reviewer: each charter's figures since its approval, changes, feedback and questions")
    .argument('[paths...]', 'files, folders or globs (default: charters/)')
    .option('--charter <id>', 'only the pack of this charter: its id, or its file')
    .option('--events <logs...>', 'contact logs (CSV or JSON Lines): the figures of the period, as charter report measures them')
    .option('--as-of <time>', 'the review day, or a time on it: the period runs from each approval to it (default: now); see charter report')
    .option('--out <folder>', 'output folder', '_review')
    .addOption(new Option('-f, --format <name>', 'html, pdf, or all: HTML, and PDF where Chromium exists').choices(['html', 'pdf', 'all']).default('all'))
    .option('--chromium <path>', 'Chromium to print with (default: /usr/bin/chromium)')
    .option('--root <folder>', 'the charters folder that `extends` may not leave (default: inferred)')
    .option('--delimiter <char>', "the logs' CSV delimiter (default: found from the header); see charter report")
    .option('--encoding <name>', "the logs' text encoding; see charter report")
    .option('--timezone <zone>', 'the time zone of log times without an offset, e.g. Europe/Helsinki; see charter report')
    .option('--map <pairs>', "the logs' own column names, e.g. charter=Yksikkö,start=Saapunut; see charter report")
    .option('--min-contacts <count>', 'mark months with fewer contacts than this as few contacts (default: 10)', parseCount)
    .addHelpText(
      'after',
      `
Examples:
  $ charter review --events logs/2026.csv                    every charter into _review/
  $ charter review --charter building-control --events logs/2026.csv --as-of 2026-11-30
  $ charter review charters/city-library.yaml --format html --out pack

Each pack is <out>/<lang>/<id>.html (and .pdf): who reviews and until when,
each promise's figures since the last approval (missed first), what changed
in the charter since the approval was recorded in git, the feedback and "you
said, we did" entries of the period, and questions for the team. Without
Chromium, --format all writes HTML only and says so; --format pdf fails.
Exit codes: 0 written, 1 written but a charter that cannot be read was left
out, 2 usage or fatal error (a charter id that does not exist, a log that
cannot be read).`,
    )
    .action(async (paths: string[], options: ReviewFlags) => {
      const { reviewCommand } = await import('./review-command.js');
      setExitCode(await reviewCommand(paths, options, io));
    });

  program
    .command('away')
    .description('going away: auto-replies, a voicemail greeting and notices in every language, and the day you are back')
    .option('--charter <id>', 'the charter: an id in the --charters folder, or a charter file')
    .option('--charters <folder>', 'the charters folder (default: charters/)')
    .option('--from <date>', 'the first day away: YYYY-MM-DD, or YYYY-MM-DDTHH:MM from that time', parseAwayTime)
    .option('--until <date>', 'the last day away: YYYY-MM-DD, or YYYY-MM-DDTHH:MM until that time', parseAwayTime)
    .option('--substitute <who>', 'a contact id of the charter, or "Name, phone"')
    .option('--name <name>', 'your name, to sign the notices with')
    .option('--mailbox <address>', 'with --format exchange: your mailbox (default: a <mailbox> to fill in)')
    .option('--today <date>', 'the day the absence is announced, for the notice check (YYYY-MM-DD; default: today)', parseDateOption)
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json', 'ics', 'graph', 'exchange']).default('text'))
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .option('--force', "write the texts even when the absence breaks the unit's rules (still exit 1)")
    .addHelpText(
      'after',
      `
Examples:
  $ charter away --charter building-control --from 2026-12-21 --until 2027-01-05 --substitute inspector-b
  $ charter away --charter charters/city-library.yaml --from 2026-06-22 --until 2026-07-10 --substitute "Liisa Laine, 040 123 4567"
  $ charter away --charter building-control --from 2026-12-21T12:00 --until 2026-12-22 --format ics -o away.ics
  $ charter away --charter building-control --from 2026-12-21 --until 2027-01-05 --format exchange --mailbox me@example.fi

The day back is the first working day after --until in the unit's calendar
(weekends, holidays, closed days). The unit's absence rules are checked: the
notice (absence.notice), the substitute (absence.substitute), the order of the
dates. Exit codes: 0 texts written, 1 the absence breaks a rule (one line each;
the texts are written only with --force), 2 usage or fatal error.`,
    )
    .action(async (options: AwayFlags) => {
      const { awayCommand } = await import('./away-command.js');
      setExitCode(await awayCommand(options, io));
    });

  program
    .command('report')
    .description('measure the commitments against contact logs: are we keeping our promises?')
    .argument('<logs...>', 'contact logs: CSV with a header row, or JSON Lines (- reads standard input)')
    .option('--charters <folder>', 'the charters folder', 'charters')
    .option('--from <date>', 'first day counted, by when the contact started (YYYY-MM-DD or YYYY-MM)', parseMonthOrDay)
    .option('--to <date>', 'last day counted (YYYY-MM-DD, or YYYY-MM for the whole month)', parseMonthOrDay)
    .option('--as-of <time>', 'judge open contacts at this time: 2026-11-30T16:00:00+02:00, or a date for the end of that day (default: now)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'csv', 'open-data']).default('table'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output (open-data: a folder)')
    .option('--site-url <url>', "open-data: the guide's public address, for links to charter pages", parseSiteUrlOption)
    .option('--license <url>', "open-data: the licence's address, for the metadata", parseUrl)
    .option('--delimiter <char>', 'CSV delimiter: comma, semicolon, tab or one character (default: found from the header)')
    .option('--encoding <name>', 'text encoding: utf-8, utf-16le, utf-16be, windows-1252 or latin1 (default: UTF-8, UTF-16 by its byte order mark)')
    .option('--timezone <zone>', 'read times without an offset as local times of this IANA zone, e.g. Europe/Helsinki')
    .option('--map <pairs>', 'the log\'s own column names: charter=Yksikkö,start=Saapunut,... (quote names with commas: start="Saapunut, klo")')
    .option('--min-contacts <count>', 'mark months with fewer contacts than this as few contacts (default: 10)', parseCount)
    .option('--strict', 'exit 1 when any row is bad')
    .option('--color', 'force colour in the table')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Examples:
  $ charter report charters/sample-events.csv
  $ charter report logs/*.csv --from 2026-01 --to 2026-06 --format csv -o h1.csv
  $ charter report events.jsonl --as-of 2026-11-30 --format json
  $ charter report logs/2026.csv --format open-data -o open-data/ --site-url https://example.fi/charters/
  $ charter report export.csv --timezone Europe/Helsinki --map charter=Yksikkö,start=Saapunut,end=Vastattu

A log has the columns charter,channel,commitment,start,end; times carry an
offset (2026-11-02T09:00:41+02:00), or are local times of --timezone
(2026-11-02 09:00, 2.11.2026 9:00); an empty end means still open. A paused
column (ISO 8601 duration, e.g. P2D) stops the clock. Bad rows
are listed on standard error as file:line:col and counted; exit 0, or 1 with
--strict when a row is bad, 2 when a log cannot be read.`,
    )
    .action(async (logs: string[], options: ReportFlags) => {
      const { reportCommand } = await import('./report-command.js');
      setExitCode(await reportCommand(logs, options, io));
    });

  program
    .command('diff')
    .description('what changed in the promises since a git ref, or between two folders or files')
    .argument('[paths...]', 'files or folders (default: charters/); two of them without --base are compared with each other')
    .option('--base <ref>', 'the git ref to compare with (default: where this branch left origin/HEAD, main or master)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['stylish', 'json', 'markdown', 'github']).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--color', 'force colour')
    .option('--no-color', 'never use colour')
    .addHelpText(
      'after',
      `
Examples:
  $ charter diff                                 this branch against main
  $ charter diff --base origin/main --format github
  $ charter diff --format markdown -o diff.md    for a pull-request comment
  $ charter diff old/ new/                       two folders
  $ charter diff before.yaml after.yaml          two files

A promise loosened (a longer time limit, a lower target, a channel removed,
shorter hours, a closed day added) exits 1, unless the charter records the
decision in the same change: a later review.approved, and review.approvedBy.
Exit codes: 0 no weakened promise without a decision, 1 one or more (or a
charter that no longer loads), 2 usage error (a bad ref, a shallow clone).`,
    )
    .action(async (paths: string[], options: DiffFlags) => {
      const { diffCommand } = await import('./diff-command.js');
      setExitCode(await diffCommand(paths, options, io));
    });

  program
    .command('sql')
    .description('write the working calendar and a compliance query, for the same figures on DuckDB, PostgreSQL, Trino, Spark or BigQuery')
    .addOption(new Option('--dialect <engine>', 'the SQL engine').choices([...DIALECTS]).makeOptionMandatory())
    .option('--charters <folder>', 'the charters folder', 'charters')
    .option('--from <date>', 'first day counted (YYYY-MM-DD or YYYY-MM; default: 1 January of last year)', parseMonthOrDay)
    .option('--to <date>', 'last day counted (YYYY-MM-DD or YYYY-MM; default: 31 December of this year)', parseMonthOrDay)
    .option('--as-of <time>', 'judge open contacts at this time, as charter report does (default: when the query runs)')
    .option('-o, --output <folder>', 'write charter-calendar.sql, charter-calendar.csv and charter-compliance.sql to a folder')
    .addHelpText(
      'after',
      `
Examples:
  $ charter sql --dialect duckdb --from 2026-01 --to 2026-12 -o sql
  $ charter sql --dialect trino --from 2026-01 --to 2026-06 > compliance.sql

The query reads a table contacts with the log's columns (charter, channel,
commitment, start, end, line, group, service, outcome) and the table
charter_calendar; see README (charter sql) for loading them.`,
    )
    .action(async (options: SqlFlags) => {
      const { sqlCommand } = await import('./sql-command.js');
      setExitCode(await sqlCommand(options, io));
    });

  program
    .command('init')
    .description('start a charter repository: a baseline, a unit charter, editor settings, CI and a git hook')
    .argument('[folder]', 'the folder to set up (default: the current folder; made when missing)')
    .option('--languages <list>', 'languages of the charters as BCP 47 tags, comma-separated, the default first (fi, sv, en, se, smn...)', 'fi,sv')
    .option('--organisation <name>', "the organisation's name, in every language")
    .option('--unit <name>', "the unit's name, in every language; its id and file name are made from it")
    .addOption(new Option('--ci <kind>', 'a CI pipeline that checks the charters and builds the guide').choices(['github', 'gitlab', 'none']).default('none'))
    .option('--hook', 'install a git pre-commit hook that runs `npx charter validate` (in a git repository)')
    .option('--force', 'overwrite files that exist')
    .option('--today <date>', 'the approval date of the new charters (YYYY-MM-DD; default: today in Helsinki)', parseDateOption)
    .addHelpText(
      'after',
      `
Examples:
  $ charter init                                        fi and sv charters in this folder
  $ charter init --languages sv,fi --organisation "Exempelby stad" --unit Byggnadstillsyn
  $ charter init my-charters --languages fi,sv,en --ci github --hook
  $ charter init --ci gitlab

It writes charters/_organisation.yaml, charters/<unit-id>.yaml, .vscode/,
.gitignore, README.md, and the CI file asked for. It never overwrites a file:
when one exists, it names each and exits 2 without writing anything, unless
--force.`,
    )
    .action(async (folder: string | undefined, options: InitFlags) => {
      const { initCommand } = await import('./init-command.js');
      setExitCode(await initCommand(folder, options, io));
    });

  program
    .command('schema')
    .description('print the charter JSON Schema (for editors and other tools)')
    .option('--baseline', 'print the schema for baselines (files named _*.yaml) instead')
    .action(async (options: { baseline?: boolean }) => {
      const { readFile } = await import('node:fs/promises');
      const { schemaPath } = await import('../util/package-info.js');
      io.stdout(await readFile(schemaPath(options.baseline ? 'baseline' : 'unit'), 'utf8'));
    });

  program
    .command('rules')
    .description('list the checks `charter validate` makes, with their ids')
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
