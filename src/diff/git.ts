import { execFile } from 'node:child_process';
import { posix, relative, resolve, sep } from 'node:path';
import type { CharterFileSystem } from '../load/load-collection.js';
import { MessageError } from '../messages/message-error.js';
import { message } from '../messages/message.js';

/**
 * The git a diff needs: run with execFile, never a shell, every path an
 * argument of its own after `--`, so that a file name holding `$(...)`, quotes
 * or a leading `-` is only ever a name.
 */

/** A problem with the ref or the repository: a usage error (exit 2). */
export class GitProblem extends MessageError {
  override readonly name = 'GitProblem';
}

/** execFile's error is an Error at run time; its type does not say so. */
function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error('git failed');
}

/** Output of a git command, as bytes; rejects with git's own error. */
function git(cwd: string, args: readonly string[], maxBuffer = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((done, fail) => {
    execFile(
      'git',
      [...args],
      { cwd, encoding: 'buffer', maxBuffer, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout) => {
        if (error) fail(asError(error));
        else done(stdout);
      },
    );
  });
}

async function gitText(cwd: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return (await git(cwd, args)).toString('utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The top folder of the repository that holds `cwd`; a GitProblem outside one.
 * Found as the way up from `cwd` (`../..`), so that it is spelt as `cwd` is,
 * through the same links, and repository paths are made right.
 */
export async function repositoryTop(cwd: string): Promise<string> {
  const up = await git(cwd, ['rev-parse', '--show-cdup']).then(
    (output) => output.toString('utf8').trim(),
    (error: unknown) => {
      // No git at all is a different fix from no repository.
      if ((error as { code?: unknown }).code === 'ENOENT') throw new GitProblem(message('diff.git.not-installed'));
      return undefined;
    },
  );
  if (up === undefined) throw new GitProblem(message('diff.git.not-a-repository'));
  return resolve(cwd, up);
}

/**
 * A ref as given (`main`, `origin/main`, `HEAD~1`, a commit) checked and
 * turned into a commit id. A ref that starts with `-` would read as an option,
 * and control characters have no place in one: both are refused before git
 * sees them.
 */
export async function commitOf(top: string, ref: string): Promise<string> {
  if (ref === '' || ref.startsWith('-') || /[\u0000-\u001f\u007f]/.test(ref)) throw new GitProblem(message('diff.git.bad-ref', { ref }));
  const commit = await gitText(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (commit === undefined || !/^[0-9a-f]{40,64}$/.test(commit)) {
    if (await isShallow(top)) throw new GitProblem(message('diff.git.unknown-ref-shallow', { ref }));
    throw new GitProblem(message('diff.git.unknown-ref', { ref }));
  }
  return commit;
}

/** Whether the repository is a shallow clone (CI's default), which holds only the latest commits. */
export async function isShallow(top: string): Promise<boolean> {
  return (await gitText(top, ['rev-parse', '--is-shallow-repository'])) === 'true';
}

/** The default branches tried, in order, when no `--base` is given. */
const DEFAULT_BRANCHES = ['origin/HEAD', 'main', 'master', 'origin/main', 'origin/master'];

/**
 * The commit a pull request is compared with: where HEAD left the default
 * branch (its merge base with `origin/HEAD`, else `main` or `master`), else,
 * in a repository without those, the commit before HEAD. A shallow clone
 * (CI's default) may hold none of these: that is said, with the fix.
 */
export async function defaultBase(top: string): Promise<{ readonly commit: string; readonly described: string }> {
  const current = await gitText(top, ['symbolic-ref', '--quiet', '--short', 'HEAD']);
  for (const branch of DEFAULT_BRANCHES) {
    if ((await gitText(top, ['rev-parse', '--verify', '--quiet', `${branch}^{commit}`])) === undefined) continue;
    // A clone of one branch points origin/HEAD at that branch: comparing it with itself finds nothing.
    if (
      branch === 'origin/HEAD' &&
      current !== undefined &&
      (await gitText(top, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'])) === `origin/${current}`
    )
      continue;
    const base = await gitText(top, ['merge-base', 'HEAD', branch]);
    if (base !== undefined && base !== '') return { commit: base, described: branch };
    if (await isShallow(top)) throw new GitProblem(message('diff.git.shallow', { branch }));
  }
  const previous = await gitText(top, ['rev-parse', '--verify', '--quiet', 'HEAD~1^{commit}']);
  if (previous !== undefined && previous !== '') return { commit: previous, described: 'HEAD~1' };
  if (await isShallow(top)) throw new GitProblem(message('diff.git.shallow-no-base'));
  throw new GitProblem(message('diff.git.no-base'));
}

/** Splits git's `-z` output into its fields. */
function fields(output: Buffer): string[] {
  const parts = output.toString('utf8').split('\0');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** A path inside the repository as git names it: relative to the top, with `/`. */
export function repositoryPath(top: string, absolutePath: string): string {
  return relative(top, absolutePath).split(sep).join(posix.sep);
}

/** The YAML files under `paths` (repository paths; a file or a folder) as they were at `commit`. */
export async function filesAt(top: string, commit: string, paths: readonly string[]): Promise<string[]> {
  const output = await git(top, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', ...paths]);
  return fields(output).filter((path) => /\.ya?ml$/i.test(path));
}

/**
 * Files renamed between `commit` and the working tree, as git's rename
 * detection sees them: new repository path → old one.
 */
export async function renamesSince(top: string, commit: string): Promise<Map<string, string>> {
  const output = await git(top, ['diff', '--name-status', '-z', '-M', '--no-ext-diff', '--no-textconv', commit, '--']);
  const parts = fields(output);
  const renames = new Map<string, string>();
  for (let index = 0; index < parts.length;) {
    const status = parts[index] ?? '';
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = parts[index + 1];
      const to = parts[index + 2];
      if (status.startsWith('R') && from !== undefined && to !== undefined) renames.set(to, from);
      index += 3;
    } else index += 2;
  }
  return renames;
}

/**
 * The repository at `commit` as a file system for the loader: a file is
 * `git show <commit>:<path>`, links are not followed (git stores a link as
 * its target's name, which the loader then reads as text and reports).
 */
export function gitFileSystem(top: string, commit: string): CharterFileSystem {
  return {
    async readFile(absolutePath, maxBytes) {
      const path = repositoryPath(top, absolutePath);
      try {
        return { bytes: await git(top, ['show', '--no-textconv', `${commit}:${path}`], maxBytes + 1), realPath: absolutePath };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return { tooLarge: maxBytes + 1, realPath: absolutePath };
        throw Object.assign(new Error(`${path} is not in ${commit.slice(0, 12)}`), { code: 'ENOENT' });
      }
    },
    // Only whether the file exists: `extends` to a missing file must read as missing.
    async realpath(absolutePath) {
      const path = repositoryPath(top, absolutePath);
      try {
        await git(top, ['cat-file', '-e', `${commit}:${path}`]);
      } catch {
        throw Object.assign(new Error(`${path} is not in ${commit.slice(0, 12)}`), { code: 'ENOENT' });
      }
      return resolve(absolutePath);
    },
    async listFolder(absolutePath, maxEntries) {
      const folder = repositoryPath(top, absolutePath);
      const output = await git(top, ['ls-tree', '-z', '--name-only', '--full-tree', commit, '--', folder === '' ? '.' : `${folder}/`]);
      return fields(output)
        .map((path) => posix.basename(path))
        .slice(0, maxEntries);
    },
  };
}

/** One commit in a file's history: the file's repository path in that commit, and the committer date (YYYY-MM-DD). */
export interface FileVersion {
  readonly commit: string;
  readonly date: string;
  readonly path: string;
  /** The file's blob in that commit: its content, for `git cat-file`. */
  readonly blob: string;
}

/**
 * The commits that changed a file, newest first, followed through renames
 * (`git log --follow`) but not through copies: a file that began as a copy
 * of another (a new charter made from an old one) starts where it was
 * copied, and the other file's history is not its own. Paths are literal,
 * never patterns, so that `[` or `*` in a file name matches only that name.
 * Merges, which name no file of their own, are left out. Empty for a file
 * git has never had.
 */
export async function fileHistory(top: string, path: string): Promise<FileVersion[]> {
  const output = await git(top, [
    '--literal-pathspecs',
    'log',
    '--follow',
    '--topo-order',
    '--no-color',
    '--no-show-signature',
    '-z',
    '--format=%H %cs',
    '--raw',
    '--no-abbrev',
    '--no-ext-diff',
    '--',
    path,
  ]);
  const parts = fields(output);
  const versions: FileVersion[] = [];
  let header: { commit: string; date: string } | undefined;
  // `<hash> <date>` NUL, then `\n:<modes> <old blob> <new blob> <status>` NUL and one path NUL (two
  // for a rename or copy): a change starts with the newline, a header never does.
  for (let index = 0; index < parts.length; index++) {
    const field = parts[index] ?? '';
    if (!field.startsWith('\n')) {
      const [commit = '', date = ''] = field.split(' ');
      header = { commit, date };
      continue;
    }
    const [, , , blob = '', status = ''] = field.slice(1).split(' ');
    const twoPaths = status.startsWith('R') || status.startsWith('C');
    index += twoPaths ? 2 : 1;
    const named = parts[index];
    if (header && named !== undefined) versions.push({ ...header, path: named, blob });
    header = undefined;
    if (status.startsWith('C') || status.startsWith('A')) break;
  }
  return versions;
}

/** The type of an object (`blob`, `tree`…): a blob id or `<commit>:<path>`; undefined when git has no such object. */
export async function objectType(top: string, object: string): Promise<string | undefined> {
  return gitText(top, ['cat-file', '-t', object]);
}

/**
 * An object's bytes: a blob id, or `<commit>:<path>`; undefined when git has
 * no such object, or it is larger than `maxBytes`.
 */
export async function objectBytes(top: string, object: string, maxBytes: number): Promise<Buffer | undefined> {
  return git(top, ['cat-file', 'blob', object], maxBytes).catch(() => undefined);
}
