import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Charter } from '../model/charter.js';
import { getPath, isPlainObject, type CharterData } from '../model/charter-data.js';
import { formatJsonPath, type JsonPath } from '../model/diagnostic.js';
import { promisesOf } from '../model/commitments.js';
import { message } from '../messages/message.js';
import { WEAKENING_KINDS, type ChangeLocation, type CharterDiff, type PromiseChange } from './diff-model.js';
import { hoursChanges } from './hours-changes.js';
import { linesOf, promiseChanges, promiseDetail, type CharterVersion, type FoundChange } from './promise-changes.js';
import { wordChanges } from './word-changes.js';
import { promiseLabel, promiseValue } from './labels.js';

/** A charter as one side of the diff has it: loaded, and normalized when it could be. */
export interface LoadedCharter {
  readonly resolved: ResolvedCharter;
  readonly charter: Charter;
}

/** The keys of a promise that its own comparison covers; its other keys (`otherwise`) are words. */
const PROMISE_KEYS = ['within', 'target', 'atMost', 'for', 'service'];

/** The paths the promise and hours comparisons cover, so that words do not tell them again. */
function coveredBy(version: CharterVersion, gone: ReadonlySet<string>): (path: JsonPath) => boolean {
  const covered = new Set<string>(['id', 'review.approved', 'review.approvedBy']);
  for (const promise of promisesOf(version.charter, version.data)) for (const key of PROMISE_KEYS) covered.add(formatJsonPath([...promise.path, key]));
  for (const line of linesOf(version).values()) if (gone.has(line.key)) covered.add(formatJsonPath(line.path));
  return (path) => {
    if (covered.has(formatJsonPath(path))) return true;
    // Weekly hours and exception days, the unit's and every line's: compared as hours.
    const hoursAt = path.indexOf('hours');
    return hoursAt !== -1 && (path[hoursAt + 1] === 'weekly' || path[hoursAt + 1] === 'exceptions');
  };
}

/** The lines one version has and the other does not. */
function linesOnlyIn(version: CharterVersion, other: CharterVersion): Set<string> {
  const others = linesOf(other);
  return new Set([...linesOf(version).keys()].filter((key) => !others.has(key)));
}

/** The longest start of `path` that the data holds: where a removed thing was, in the new file. */
function existingPrefix(data: CharterData, path: JsonPath): JsonPath {
  for (let length = path.length; length > 0; length--) if (getPath(data, path.slice(0, length)) !== undefined) return path.slice(0, length);
  return [];
}

function locate(charter: ResolvedCharter, path: JsonPath): ChangeLocation {
  const found = charter.locate(path, 'value');
  return { file: found.file, line: found.range.start.line, column: found.range.start.column };
}

/** `review.approved` moved later with `approvedBy` given: a recorded decision. */
function decision(before: CharterData, after: CharterData): { approved: string; approvedBy?: string } | undefined {
  const review = (data: CharterData): Record<string, unknown> => {
    const value = data.review;
    return isPlainObject(value) ? value : {};
  };
  const [old, now] = [review(before), review(after)];
  const approved = typeof now.approved === 'string' ? now.approved : undefined;
  const was = typeof old.approved === 'string' ? old.approved : '';
  if (approved === undefined || approved <= was) return undefined;
  const by = now.approvedBy;
  const approvedBy = typeof by === 'string' ? by : isPlainObject(by) ? Object.values(by).find((text): text is string => typeof text === 'string') : undefined;
  return approvedBy === undefined || approvedBy.trim() === '' ? { approved } : { approved, approvedBy };
}

/** The baselines above a charter, nearest first. */
function chain(charter: ResolvedCharter): ResolvedCharter[] {
  const found: ResolvedCharter[] = [];
  for (let baseline = charter.baseline; baseline !== undefined && found.length < 64; baseline = baseline.baseline) found.push(baseline);
  return found;
}

/**
 * Files whose own decision is recorded in this diff: the unit's, and each
 * baseline above it whose own `review.approved` moved (with `approvedBy`),
 * which decides for what that baseline promises.
 */
function decidedFiles(before: ResolvedCharter, after: ResolvedCharter): Map<string, { approved: string; approvedBy?: string }> {
  const decided = new Map<string, { approved: string; approvedBy?: string }>();
  const oldChain = chain(before);
  chain(after).forEach((baseline, index) => {
    const old = oldChain[index];
    const recorded = old && decision(old.source.data as CharterData, baseline.source.data as CharterData);
    if (recorded && recorded.approvedBy !== undefined) decided.set(baseline.file, recorded);
  });
  return decided;
}

/** Compares two versions of one unit's charter (`moved`: found under another name): undefined when nothing changed. */
export function compareCharters(before: LoadedCharter, after: LoadedCharter, moved: boolean): CharterDiff | undefined {
  const oldVersion: CharterVersion = { charter: before.charter, data: before.resolved.data };
  const newVersion: CharterVersion = { charter: after.charter, data: after.resolved.data };
  const languages = new Set<string>([...before.charter.languages, ...after.charter.languages]);
  const found: FoundChange[] = [
    ...promiseChanges(oldVersion, newVersion),
    ...hoursChanges(oldVersion, newVersion),
    ...wordChanges(before.resolved.data, after.resolved.data, languages, {
      before: coveredBy(oldVersion, linesOnlyIn(oldVersion, newVersion)),
      after: coveredBy(newVersion, linesOnlyIn(newVersion, oldVersion)),
    }),
  ];
  const renamed = before.charter.id !== after.charter.id;
  if (found.length === 0 && !renamed && !moved) return undefined;

  const changes: PromiseChange[] = found.map((change) => {
    const path = change.side === 'new' ? change.path : existingPrefix(after.resolved.data, change.path);
    return { kind: change.kind, text: change.text, path: change.path, at: locate(after.resolved, path), ...(change.detail ? { detail: change.detail } : {}) };
  });
  const unitDecision = decision(before.resolved.data, after.resolved.data);
  const unitDecided = unitDecision?.approvedBy !== undefined;
  const baselinesDecided = decidedFiles(before.resolved, after.resolved);
  const weakened = changes.filter((change) => WEAKENING_KINDS.includes(change.kind));
  const baselineDecision = (change: PromiseChange) => (change.at === undefined ? undefined : baselinesDecided.get(change.at.file));
  const needsDecision = !unitDecided && weakened.some((change) => baselineDecision(change) === undefined);
  // Decided by a baseline alone: its decision is the one shown.
  const recorded = unitDecided || weakened.length === 0 ? unitDecision : (weakened.map(baselineDecision).find((found) => found !== undefined) ?? unitDecision);
  return {
    id: after.charter.id,
    ...(renamed ? { oldId: before.charter.id } : {}),
    file: after.resolved.file,
    ...(moved ? { oldFile: before.resolved.file } : {}),
    status: 'changed',
    ...(recorded ? { approval: recorded } : {}),
    needsDecision,
    changes: order(changes),
  };
}

const KIND_ORDER = ['loosened', 'removed', 'changed', 'tightened', 'added', 'words'];

/** Weakened promises first, then tightened and added ones, then words; each in file order. */
function order(changes: PromiseChange[]): PromiseChange[] {
  return changes
    .map((change, index) => ({ change, index }))
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.change.kind) - KIND_ORDER.indexOf(b.change.kind) || (a.change.at?.line ?? 0) - (b.change.at?.line ?? 0) || a.index - b.index,
    )
    .map(({ change }) => change);
}

/** A charter only one side has: its promises, as added or removed. */
export function oneSided(loaded: LoadedCharter, status: 'added' | 'removed'): CharterDiff {
  const changes: PromiseChange[] = promisesOf(loaded.charter, loaded.resolved.data).map((promise) => ({
    kind: status,
    text: message(status === 'added' ? 'diff.promise.added' : 'diff.promise.removed', { promise: promiseLabel(promise), value: promiseValue(promise) }),
    path: promise.path,
    at: locate(loaded.resolved, promise.path),
    detail: promiseDetail(loaded.charter, promise, status === 'added' ? 'to' : 'from'),
  }));
  // A charter withdrawn whole is told, not failed: no file is left to record the decision in.
  return { id: loaded.charter.id, file: loaded.resolved.file, status, needsDecision: false, changes };
}
