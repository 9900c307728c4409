import { resolve } from 'node:path';
import { DEFAULT_CHARTERS_FOLDER } from '../check.js';
import { compareCharters, type LoadedCharter } from '../diff/compare-charter.js';
import type { CharterDiff } from '../diff/diff-model.js';
import { GitProblem, renamesSince, repositoryPath, repositoryTop, type FileVersion } from '../diff/git.js';
import { findCharterFiles } from '../load/find-files.js';
import { displayPath, loadCollection } from '../load/load-collection.js';
import { nodeFileSystem } from '../load/node-file-system.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { isMessageRef, message, type MessageRef } from '../messages/message.js';
import { normalizeCharter } from '../normalize/normalize-charter.js';
import { mapConcurrently } from '../util/concurrency.js';
import { batchFileSystem } from './approval-objects.js';
import { approvalHistory, findApprovalCommit, ownApproved, type ApprovalHistory, type ApprovalMissing } from './approval-commit.js';

/** What changed in one charter since its current approval was recorded, as `charter diff` sees it. */
export interface ApprovalChanges {
  /** Full hash of the commit that recorded the charter's current `review.approved` (the newest commit
   *  whose version has the current value while its parent's does not); undefined when none is found. */
  readonly approvalCommit?: string;
  /** That commit's committer date, YYYY-MM-DD. */
  readonly approvalCommitDate?: string;
  /** The current `review.approved` value (YYYY-MM-DD), when the charter has one. */
  readonly approved?: string;
  /** The changes since that commit, working tree included (uncommitted edits count), inherited
   *  promises compared after the baseline merge; undefined when nothing changed or no comparison was possible. */
  readonly diff?: CharterDiff;
  /** Why no comparison was possible (not a git repository, file not committed, never approved,
   *  git missing...), as a translatable message; undefined when the comparison was made. */
  readonly unavailable?: MessageRef;
}

/**
 * git histories read at once: one `git log --follow` each (the versions are
 * read through the shared `git cat-file`). Fine for dozens of charters (60
 * charters, 300 commits: about 3.5 s of CPU in all, mostly those logs); for
 * thousands, one `git log --raw -M` over the whole folder would be the way.
 */
const HISTORY_CONCURRENCY = 8;
/** Approval commits whose collections are loaded at once. */
const BASE_CONCURRENCY = 4;

/** A unit charter of the working tree, and the file that holds its `review.approved` (its own, or a baseline's). */
interface Unit {
  readonly id: string;
  readonly resolved: ResolvedCharter;
  /** `review.approved` after the baseline merge, and the file that writes it. */
  readonly approval?: { readonly approved: string; readonly writtenIn: ResolvedCharter };
}

/** A unit whose approval commit is known: the base it is compared with. */
interface Pending {
  readonly unit: Unit;
  readonly approved: string;
  /** Whether the unit's own file writes the approval (else a baseline does). */
  readonly own: boolean;
  readonly now: LoadedCharter;
  readonly version: FileVersion;
}

/**
 * Changes since approval for each charter id of the collection loaded from `paths` (the same
 * arguments `charter diff` takes); never throws for a missing git or repository (→ `unavailable`).
 * Bad paths are an InputError, as for `charter diff`.
 */
export async function changesSinceApproval(paths: readonly string[], options: { readonly cwd: string }): Promise<Map<string, ApprovalChanges>> {
  const { cwd } = options;
  const found = await findCharterFiles(paths.length > 0 ? paths : [DEFAULT_CHARTERS_FOLDER], cwd);
  const collection = await loadCollection(found.files, { root: found.root, cwd, fileSystem: nodeFileSystem });
  const inputs = new Set(found.files);
  const units = collection.charters.filter((charter) => !charter.isBaseline && inputs.has(charter.absolutePath)).flatMap(unitOf);

  const repository = await repositoryTop(cwd).then(approvalHistory, (error: unknown) => {
    if (!(error instanceof GitProblem)) throw error;
    return message(error.text.id === 'diff.git.not-installed' ? 'review.since-approval.no-git' : 'review.since-approval.not-a-repository');
  });
  const results = new Map<string, ApprovalChanges>();
  try {
    const pending: Pending[] = [];
    await mapConcurrently(units, HISTORY_CONCURRENCY, async (unit) => {
      const found = await approvalOf(unit, repository);
      if ('version' in found) pending.push(found);
      else results.set(unit.id, found);
    });
    if (!isMessageRef(repository)) {
      await mapConcurrently([...groupByCommit(pending).values()], BASE_CONCURRENCY, async (group) => {
        for (const [id, changes] of await compareWithBase(repository, cwd, group)) results.set(id, changes);
      });
    }
  } finally {
    if (!isMessageRef(repository)) repository.objects.close();
  }
  // In file order, as the charters were found.
  return new Map(units.flatMap((unit) => (results.has(unit.id) ? [[unit.id, results.get(unit.id) as ApprovalChanges] as const] : [])));
}

/** Where a unit's approval was recorded, or why that cannot be known (then the unit's whole answer). */
async function approvalOf(unit: Unit, repository: ApprovalHistory | MessageRef): Promise<Pending | ApprovalChanges> {
  const { approval } = unit;
  if (approval === undefined) return { unavailable: message('review.since-approval.never-approved') };
  const { approved, writtenIn } = approval;
  const unavailable = (reason: MessageRef): ApprovalChanges => ({ approved, unavailable: reason });
  const normalized = normalizeCharter(unit.resolved);
  if (!normalized.ok) return unavailable(message('review.since-approval.unreadable', { file: unit.resolved.file }));
  if (isMessageRef(repository)) return unavailable(repository);
  const path = repositoryPath(repository.top, writtenIn.absolutePath);
  if (path === '..' || path.startsWith('../')) return unavailable(message('review.since-approval.outside-repository', { file: writtenIn.file }));
  const search = await findApprovalCommit(repository, path, approved).catch(() => undefined);
  if (search === undefined) return unavailable(message('review.since-approval.git-failed', { file: writtenIn.file }));
  if (search.found === undefined) return unavailable(notFound(search.reason, writtenIn.file, approved));
  return { unit, approved, own: writtenIn === unit.resolved, now: { resolved: unit.resolved, charter: normalized.charter }, version: search.found };
}

function notFound(reason: ApprovalMissing, file: string, approved: string): MessageRef {
  switch (reason) {
    case 'not-committed':
      return message('review.since-approval.not-committed', { file });
    case 'approval-not-committed':
      return message('review.since-approval.approval-not-committed', { approved });
    case 'shallow':
      return message('review.since-approval.shallow', { approved });
  }
}

/** The unit's id (a charter without one cannot be named in a review) and where its approval is written. */
function unitOf(resolved: ResolvedCharter): Unit[] {
  const id = resolved.data.id;
  if (typeof id !== 'string') return [];
  const approved = ownApproved(resolved.data);
  let writtenIn: ResolvedCharter | undefined = resolved;
  // An approval inherited from a baseline was recorded in the baseline's file.
  while (writtenIn && ownApproved(writtenIn.source.data) === undefined) writtenIn = writtenIn.baseline;
  return [{ id, resolved, ...(approved === undefined || writtenIn === undefined ? {} : { approval: { approved, writtenIn } }) }];
}

function groupByCommit(pending: readonly Pending[]): Map<string, Pending[]> {
  const groups = new Map<string, Pending[]>();
  for (const entry of pending) {
    const group = groups.get(entry.version.commit);
    if (group) group.push(entry);
    else groups.set(entry.version.commit, [entry]);
  }
  return groups;
}

/**
 * Compares the units approved in one commit with that commit's collection,
 * loaded once for them all. A unit whose approval is its own file's is
 * found at the path git's history gave; one approved in a baseline, at the
 * path git's rename detection gives since that commit.
 */
async function compareWithBase(history: ApprovalHistory, cwd: string, group: readonly Pending[]): Promise<Map<string, ApprovalChanges>> {
  const { top } = history;
  const first = group[0];
  const results = new Map<string, ApprovalChanges>();
  if (first === undefined) return results;
  const { commit, date } = first.version;
  const inherited = group.some((entry) => !entry.own);
  const renames = inherited ? await renamesSince(top, commit).catch(() => new Map<string, string>()) : new Map<string, string>();
  const oldPathOf = (entry: Pending): string => {
    if (entry.own) return entry.version.path;
    const now = repositoryPath(top, entry.unit.resolved.absolutePath);
    return renames.get(now) ?? now;
  };
  const oldFiles = new Map(group.map((entry) => [entry, resolve(top, oldPathOf(entry))]));
  const collection = await loadCollection([...new Set(oldFiles.values())], { root: top, cwd, fileSystem: batchFileSystem(top, commit, history.objects) });
  const byPath = new Map(collection.charters.map((charter) => [charter.absolutePath, charter]));
  for (const entry of group) {
    const base = { approvalCommit: commit, approvalCommitDate: date, approved: entry.approved };
    const oldFile = oldFiles.get(entry) ?? '';
    const old = byPath.get(oldFile);
    const normalized = old && normalizeCharter(old);
    if (!old || !normalized?.ok) {
      results.set(entry.unit.id, {
        ...base,
        unavailable: message('review.since-approval.approved-version-unreadable', { file: displayPath(oldFile, cwd), commit: commit.slice(0, 12) }),
      });
      continue;
    }
    const diff = compareCharters({ resolved: old, charter: normalized.charter }, entry.now, oldFile !== entry.unit.resolved.absolutePath);
    results.set(entry.unit.id, diff === undefined ? base : { ...base, diff });
  }
  return results;
}
