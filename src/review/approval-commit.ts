import { commitOf, fileHistory, isShallow, renamesSince, type FileVersion } from '../diff/git.js';
import { decodeUtf8 } from '../load/decode.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { parseYamlSource } from '../load/yaml-source.js';
import { getPath } from '../model/charter-data.js';
import { objectReader, type ObjectReader } from './approval-objects.js';

/**
 * Which commit recorded a charter's current `review.approved`: the newest
 * commit whose version of the file holds that value while the version before
 * it (in the file's own history, renames followed) does not, or the commit
 * that added the file with it.
 */
export type ApprovalSearch = { readonly found: FileVersion } | { readonly found?: undefined; readonly reason: ApprovalMissing };

/**
 * `not-committed`: git has never had the file. `approval-not-committed`: the
 * newest commit of the file does not hold the value, which is only in the
 * working tree. `shallow`: every commit of a shallow clone holds it, so the
 * one that recorded it may be missing.
 */
export type ApprovalMissing = 'not-committed' | 'approval-not-committed' | 'shallow';

/** `review.approved` as a file's own text has it (not merged with a baseline); undefined when it has none. */
export function ownApproved(data: unknown): string | undefined {
  const value = getPath(data, ['review', 'approved']);
  return typeof value === 'string' ? value : undefined;
}

/** The repository-wide facts a search may need, each asked of git once per run and only when needed. */
export interface ApprovalHistory {
  readonly top: string;
  /** Reads every version of every charter: close it when done. */
  readonly objects: ObjectReader;
  /** Files renamed since HEAD and not committed yet (`git mv`): new path → old. */
  readonly renamedSinceHead: () => Promise<ReadonlyMap<string, string>>;
  readonly shallow: () => Promise<boolean>;
  /** False in a repository without commits, where `git log` fails. */
  readonly hasCommits: () => Promise<boolean>;
}

function once<T>(work: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= work());
}

export function approvalHistory(top: string): ApprovalHistory {
  return {
    top,
    objects: objectReader(top),
    // No HEAD yet (a repository without commits): nothing was renamed since it.
    renamedSinceHead: once(() => renamesSince(top, 'HEAD').catch(() => new Map<string, string>())),
    shallow: once(() => isShallow(top)),
    hasCommits: once(() =>
      commitOf(top, 'HEAD').then(
        () => true,
        () => false,
      ),
    ),
  };
}

async function approvedAt(objects: ObjectReader, version: FileVersion): Promise<string | undefined> {
  const found = await objects.read(version.blob, DEFAULT_LIMITS.maxFileBytes);
  if (found?.kind !== 'blob') return undefined;
  const decoded = decodeUtf8(found.bytes);
  if (!decoded.ok) return undefined;
  return ownApproved(parseYamlSource(version.path, decoded.text, DEFAULT_LIMITS, { fast: true }).source.data);
}

/**
 * Walks the file's history from the newest commit back while the versions
 * hold `approved`: the last one that does is where it was recorded. Only the
 * versions since the approval are read: one `git log` and a few `git show`s
 * per charter.
 */
export async function findApprovalCommit(history: ApprovalHistory, path: string, approved: string): Promise<ApprovalSearch> {
  const { top } = history;
  if (!(await history.hasCommits())) return { reason: 'not-committed' };
  let versions = await fileHistory(top, path);
  if (versions.length === 0) {
    // Renamed with `git mv` and not committed yet: its history is under the old name.
    const before = (await history.renamedSinceHead()).get(path);
    if (before !== undefined) versions = await fileHistory(top, before);
  }
  if (versions.length === 0) return { reason: 'not-committed' };
  let recorded: FileVersion | undefined;
  let index = 0;
  for (; index < versions.length; index++) {
    const version = versions[index] as FileVersion;
    if ((await approvedAt(history.objects, version)) !== approved) break;
    recorded = version;
  }
  if (recorded === undefined) return { reason: 'approval-not-committed' };
  if (index === versions.length && (await history.shallow())) return { reason: 'shallow' };
  return { found: recorded };
}
