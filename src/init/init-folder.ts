import { readFileSync } from 'node:fs';
import { chmod, lstat, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { addMonths } from '../time/calendar-date.js';
import { findForbiddenCharacters } from '../load/control-characters.js';
import { displayPath } from '../load/load-collection.js';
import { message } from '../messages/message.js';
import { unpairedBidi } from '../util/bidi.js';
import { packageRoot } from '../util/package-info.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { InitError } from './init-error.js';
import { fillScalars, fillYamlTemplate, nameIn, readScaffoldFile, readScaffoldTexts, templateLanguageFor, type TemplateValues } from './scaffold.js';
import { unitIdFrom } from './unit-id.js';

export type CiKind = 'github' | 'gitlab' | 'none';

export interface InitOptions {
  /** The folder to set up (absolute); made when missing. */
  readonly folder: string;
  /** For paths in messages: they are shown relative to it. */
  readonly cwd: string;
  /** The charter's languages (BCP 47 tags), the default first. */
  readonly languages: readonly string[];
  readonly organisation?: string | undefined;
  readonly unit?: string | undefined;
  readonly ci: CiKind;
  /** Install a git pre-commit hook when the folder is a git repository. */
  readonly hook: boolean;
  /** Overwrite files that exist. */
  readonly force: boolean;
  /** The approval day of both charters (YYYY-MM-DD); the next review is a year later. */
  readonly today: string;
}

export interface InitFile {
  /** Inside the folder, with `/`: `charters/_organisation.yaml`. */
  readonly path: string;
  readonly content: string;
  readonly executable: boolean;
  /** Whether a file is there already. */
  readonly exists: boolean;
}

export interface InitResult {
  readonly folder: string;
  readonly unitId: string;
  /** Every file init writes, or would have written. */
  readonly files: readonly InitFile[];
  /** Whether the files were written: false when some exist and `force` is off. */
  readonly written: boolean;
  /** `installed` (when written); `no-repository`: asked for, but the folder has no `.git` folder. */
  readonly hook: 'installed' | 'no-repository' | 'not-asked';
  /** Whether the folder's package.json lists this tool, so `npx charter` and `npm ci` find it. */
  readonly toolInstalled: boolean;
}

/** The longest organisation or unit name accepted: names go into texts of at most 2,000 characters. */
const MAX_NAME_LENGTH = 200;
const HOOK_PATH = '.git/hooks/pre-commit';

/**
 * Sets up a charter repository: an organisation baseline and one unit
 * charter, editor settings, a README, a .gitignore, and CI and a git hook
 * when asked. Nothing is overwritten unless `force`: when a file exists,
 * nothing at all is written and the result says which files are in the way.
 * Writes only plain files inside the folder, never through a symbolic link.
 */
export async function initFolder(options: InitOptions): Promise<InitResult> {
  const plan = await planInit(options);
  const written = options.force || plan.files.every((file) => !file.exists);
  if (written) await writeFiles(options.folder, plan.files);
  return { ...plan, written };
}

/** What initFolder would write, and which of those files exist; writes nothing. */
export async function planInit(options: InitOptions): Promise<Omit<InitResult, 'written'>> {
  if (options.languages.length === 0) throw new InitError(message('init.error.languages-empty'));
  const organisation = checkedName(options.organisation, '--organisation');
  const unit = checkedName(options.unit, '--unit');
  const show = (path: string): string => displayPath(join(options.folder, path), options.cwd);
  await checkFolder(options.folder, show);

  const texts = await readScaffoldTexts();
  // The templates (their comments, the README, the example texts) in the first language that has them.
  const first = templateLanguageFor(options.languages);
  const values: TemplateValues = {
    languages: options.languages,
    templateLanguage: first,
    texts,
    names: { organisation: { given: organisation, fallbackKey: 'organisation-name' }, unit: { given: unit, fallbackKey: 'unit-name' } },
    scalars: {},
  };
  const defaultId = unitIdFrom(texts['unit-name']?.[first] ?? '', 'unit');
  const unitId = unit === undefined ? defaultId : unitIdFrom(unit, defaultId);
  const scalars: Record<string, string> = {
    package: packageName(),
    id: unitId,
    languages: `[${options.languages.join(', ')}]`,
    firstLanguage: options.languages[0] ?? first,
    approved: options.today,
    next: addMonths(options.today, 12),
    organisation: markdownText(nameIn('organisation', first, values)),
  };
  const filled = { ...values, scalars };

  const contents: { path: string; content: string; executable?: boolean }[] = [
    { path: 'charters/_organisation.yaml', content: fillYamlTemplate(await readScaffoldFile(`${first}/_organisation.yaml`), filled) },
    { path: `charters/${unitId}.yaml`, content: fillYamlTemplate(await readScaffoldFile(`${first}/unit.yaml`), filled) },
    { path: '.vscode/settings.json', content: fillScalars(await readScaffoldFile('editor/vscode-settings.json'), scalars) },
    { path: '.vscode/extensions.json', content: await readScaffoldFile('editor/vscode-extensions.json') },
    { path: '.gitignore', content: await readScaffoldFile('gitignore') },
    { path: 'README.md', content: fillScalars(await readScaffoldFile(`${first}/README.md`), scalars) },
  ];
  if (options.ci === 'github') contents.push({ path: '.github/workflows/charter.yml', content: await readScaffoldFile('ci/github-workflow.yml') });
  if (options.ci === 'gitlab') contents.push({ path: '.gitlab-ci.yml', content: await readScaffoldFile('ci/gitlab-ci.yml') });
  let hook: InitResult['hook'] = 'not-asked';
  if (options.hook) {
    hook = (await isGitRepository(options.folder)) ? 'installed' : 'no-repository';
    if (hook === 'installed') contents.push({ path: HOOK_PATH, content: await readScaffoldFile('pre-commit'), executable: true });
  }

  const files: InitFile[] = [];
  for (const { path, content, executable } of contents) {
    files.push({ path, content, executable: executable ?? false, exists: await targetExists(options.folder, path, show) });
  }
  return { folder: options.folder, unitId, files, hook, toolInstalled: await listsTool(options.folder) };
}

/**
 * A name from the command line: trimmed, not empty, not too long, no
 * invisible control characters, and its bidi formatting paired within it,
 * as `charter validate` wants every text (else the charters written fail it).
 */
function checkedName(name: string | undefined, option: string): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  if (trimmed === '') throw new InitError(message('init.error.name-empty', { option }));
  if (trimmed.length > MAX_NAME_LENGTH) throw new InitError(message('init.error.name-too-long', { option, count: MAX_NAME_LENGTH }));
  if (/[\n\r\t\u2028\u2029]/.test(trimmed) || findForbiddenCharacters(trimmed, { crlf: false }).length > 0 || unpairedBidi(trimmed).length > 0) {
    throw new InitError(message('init.error.name-control', { option }));
  }
  return trimmed;
}

async function checkFolder(folder: string, show: (path: string) => string): Promise<void> {
  const info = await stat(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (info && !info.isDirectory()) throw new InitError(message('init.error.not-a-folder', { folder: show('') }));
}

/**
 * Whether a target exists, refusing paths that would lead the write
 * elsewhere: a symbolic link on the way or at the end, a file where a folder
 * is needed, a folder or a device where the file goes.
 */
async function targetExists(folder: string, path: string, show: (path: string) => string): Promise<boolean> {
  const parts = path.split('/');
  for (let depth = 1; depth <= parts.length; depth++) {
    const partial = parts.slice(0, depth).join('/');
    const info = await lstat(join(folder, partial)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
      throw error;
    });
    if (!info) return false;
    if (info.isSymbolicLink()) throw new InitError(message('init.error.symbolic-link', { path: show(partial) }));
    const last = depth === parts.length;
    if (!last && !info.isDirectory()) throw new InitError(message('init.error.file-in-the-way', { path: show(partial) }));
    if (last && !info.isFile()) throw new InitError(message('init.error.not-a-file', { path: show(partial) }));
  }
  return true;
}

async function writeFiles(folder: string, files: readonly InitFile[]): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (const file of files) {
    const target = join(folder, file.path);
    await mkdir(dirname(target), { recursive: true });
    // A new file is created only if nothing appeared there meanwhile (`wx` never follows a link); an old one is replaced whole.
    if (file.exists) await writeFileAtomic(target, file.content);
    else await writeFile(target, file.content, { flag: 'wx', mode: file.executable ? 0o755 : 0o644 });
    if (file.executable) await chmod(target, 0o755);
  }
}

/** A folder with a `.git` folder of its own (not a link, not a worktree's `.git` file). */
async function isGitRepository(folder: string): Promise<boolean> {
  const info = await lstat(join(folder, '.git')).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

/** Whether package.json in the folder lists this tool as a dependency. */
async function listsTool(folder: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8')) as Record<string, unknown>;
    const name = packageName();
    return ['dependencies', 'devDependencies'].some((key) => {
      const dependencies = manifest[key];
      return typeof dependencies === 'object' && dependencies !== null && Object.hasOwn(dependencies, name);
    });
  } catch {
    return false;
  }
}

let cachedName: string | undefined;

/** This tool's package name: its folder under node_modules/ in an installed project. */
export function packageName(): string {
  cachedName ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name?: string }).name ?? 'charter';
  return cachedName;
}

/** A name as Markdown text: characters Markdown would act on are escaped. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`);
}
