import { fileAt, fileHistory, type FileVersion } from '../diff/git.js';
import { decodeUtf8 } from '../load/decode.js';
import { DEFAULT_LIMITS } from '../load/limits.js';
import { parseYamlSource } from '../load/yaml-source.js';
import { getPath } from '../model/charter-data.js';

/**
 * Which commit recorded a charter's current `review.approved`: the newest
 * commit whose version of the file holds that value while the version before
 * it (in the file's own history, renames followed) does not, or the commit
 * that added the file with it.
 */
export type ApprovalSearch =
  | { readonly found: FileVersion }
  /** git has never had the file. */
  | { readonly found?: undefined; readonly reason: 'not-committed' }
  /** The newest commit of the file does not hold the value: the approval is only in the working tree. */
  | { readonly found?: undefined; readonly reason: 'approval-not-committed' };

/** `review.approved` as a file's own text has it (not merged with a baseline); undefined when it has none. */
export function ownApproved(data: unknown): string | undefined {
  const value = getPath(data, ['review', 'approved']);
  return typeof value === 'string' ? value : undefined;
}

async function approvedAt(top: string, version: FileVersion): Promise<string | undefined> {
  const bytes = await fileAt(top, version.commit, version.path, DEFAULT_LIMITS.maxFileBytes);
  if (bytes === undefined || bytes.length > DEFAULT_LIMITS.maxFileBytes) return undefined;
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return undefined;
  return ownApproved(parseYamlSource(version.path, decoded.text, DEFAULT_LIMITS, { fast: true }).source.data);
}

/**
 * Walks the file's history from the newest commit back while the versions
 * hold `approved`: the last one that does is where it was recorded. Only the
 * versions since the approval are read, so one `git log` and a few
 * `git show`s per charter.
 */
export async function findApprovalCommit(top: string, path: string, approved: string): Promise<ApprovalSearch> {
  const history = await fileHistory(top, path);
  if (history.length === 0) return { reason: 'not-committed' };
  let recorded: FileVersion | undefined;
  for (const version of history) {
    if ((await approvedAt(top, version)) !== approved) break;
    recorded = version;
  }
  return recorded === undefined ? { reason: 'approval-not-committed' } : { found: recorded };
}
