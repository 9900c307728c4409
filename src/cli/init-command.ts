import { join, resolve } from 'node:path';
import { displayPath } from '../load/load-collection.js';
import { oneLine, terminalLines } from '../format/shared.js';
import { initFolder, packageName, type CiKind, type InitResult } from '../init/init-folder.js';
import { InitError } from '../init/init-error.js';
import { canonicalLanguageTag, LANGUAGE_TAG } from '../model/language-tag.js';
import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageRef } from '../messages/message.js';
import { todayIn } from '../time/calendar-date.js';
import { DEFAULT_TIME_ZONE } from '../time/default-time-zone.js';
import { EXIT_OK, EXIT_USAGE, type CliIO } from './io.js';

export interface InitFlags {
  readonly languages: string;
  readonly organisation?: string;
  readonly unit?: string;
  readonly ci: CiKind;
  readonly hook?: boolean;
  readonly force?: boolean;
  readonly today?: string;
}

/**
 * `charter init [folder]`: a new charter repository. Prints the files it
 * wrote and what to do next; when files are in the way, names each of them
 * and exits 2 without writing anything.
 */
export async function initCommand(folderArgument: string | undefined, flags: InitFlags, io: CliIO): Promise<number> {
  const locale = io.locale ?? 'en';
  const say = (ref: MessageRef): string => terminalLines(renderMessage(ref, locale));
  let result: InitResult;
  try {
    result = await initFolder({
      folder: resolve(io.cwd, folderArgument ?? '.'),
      cwd: io.cwd,
      languages: parseLanguages(flags.languages),
      organisation: flags.organisation,
      unit: flags.unit,
      ci: flags.ci,
      hook: flags.hook ?? false,
      force: flags.force ?? false,
      today: flags.today ?? todayIn(DEFAULT_TIME_ZONE),
    });
  } catch (error) {
    if (!(error instanceof InitError)) throw error;
    io.stderr(`charter: ${terminalLines(error.inLocale(locale))}\n`);
    return EXIT_USAGE;
  }

  const shown = (path: string): string => oneLine(displayPath(join(result.folder, path), io.cwd));
  if (!result.written) {
    const existing = result.files.filter((file) => file.exists);
    io.stderr(`charter: ${say(message('init.refused', { count: existing.length }))}\n${existing.map((file) => `  ${shown(file.path)}\n`).join('')}`);
    return EXIT_USAGE;
  }
  io.stdout(`${say(message('init.written', { count: result.files.length }))}\n${result.files.map((file) => `  ${shown(file.path)}\n`).join('')}`);
  if (result.hook === 'installed') io.stdout(`\n${say(message('init.hook.installed', { path: '.git/hooks/pre-commit' }))}\n`);
  if (result.hook === 'no-repository') io.stdout(`\n${say(message('init.hook.no-repository', { folder: shown('') }))}\n`);
  io.stdout(`\n${say(message('init.next.header'))}\n${nextSteps(result, io.cwd, locale)}`);
  return EXIT_OK;
}

/** What a new user does next, numbered, in the order they do it. */
function nextSteps(result: InitResult, cwd: string, locale: MessageLocale): string {
  const inFolder = (path: string): string => `\`${oneLine(path)}\``;
  const steps: MessageRef[] = [];
  if (resolve(result.folder) !== resolve(cwd)) steps.push(message('init.next.cd', { folder: oneLine(displayPath(result.folder, cwd)) }));
  if (!result.toolInstalled) steps.push(message('init.next.install', { package: packageName() }));
  steps.push(message('init.next.edit', { unit: inFolder(`charters/${result.unitId}.yaml`), baseline: inFolder('charters/_organisation.yaml') }));
  steps.push(message('init.next.validate'), message('init.next.build'), message('init.next.editor'));
  if (result.files.some((file) => file.path === '.github/workflows/charter.yml'))
    steps.push(message('init.next.github', { path: '.github/workflows/charter.yml' }));
  if (result.files.some((file) => file.path === '.gitlab-ci.yml')) steps.push(message('init.next.gitlab', { path: '.gitlab-ci.yml' }));
  return steps.map((step, index) => `  ${index + 1}. ${terminalLines(renderMessage(step, locale))}\n`).join('');
}

/**
 * `fi,sv,en` → the charter's languages, the default first: BCP 47 tags in
 * their canonical form (`SE` and `sme` are `se`). Texts in a language the
 * templates have no wording in (`se`, `smn`) are written in the templates'
 * language and marked for translation.
 */
function parseLanguages(value: string): string[] {
  const languages: string[] = [];
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new InitError(message('init.error.languages-empty'));
  for (const item of items) {
    const language = canonicalLanguageTag(item);
    if (language === undefined || !LANGUAGE_TAG.test(language)) throw new InitError(message('init.error.languages-not-a-tag', { language: oneLine(item) }));
    if (languages.includes(language)) throw new InitError(message('init.error.languages-twice', { language }));
    languages.push(language);
  }
  return languages;
}
