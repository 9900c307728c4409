import type { Charter } from '../model/charter.js';
import { CHANNEL_KINDS } from '../model/charter.js';
import { COMPLAINTS_CHANNEL, SERVICES_CHANNEL } from '../model/commitments.js';
import type { CharterData } from '../model/charter-data.js';
import { getPath } from '../model/charter-data.js';
import type { JsonPath } from '../model/diagnostic.js';
import { placeKey, promisesOf, type CharterPromise } from '../model/commitments.js';
import { formatPercent } from '../time/duration.js';
import { rankDurations } from './rank-durations.js';
import { message } from '../messages/message.js';
import type { ChangeDetail, ChangeKind, ChangeValue, LineSubject, PromiseSubject } from './diff-model.js';
import type { MessageRef } from '../messages/message.js';
import { lineLabel, promiseLabel, promiseValue } from './labels.js';

/** A change found, before it is located in a file: `side` says which version's data `path` is in. */
export interface FoundChange {
  readonly kind: ChangeKind;
  readonly text: MessageRef;
  readonly path: JsonPath;
  readonly side: 'old' | 'new';
  readonly detail?: ChangeDetail;
}

/** One version of a charter: the normalized charter and its merged data (for exact paths). */
export interface CharterVersion {
  readonly charter: Charter;
  readonly data: CharterData;
}

interface Line {
  readonly key: string;
  readonly label: string;
  readonly path: JsonPath;
  readonly subject: LineSubject;
}

/** Every channel line of a charter, by kind and id. */
export function linesOf(version: CharterVersion): Map<string, Line> {
  const lines = new Map<string, Line>();
  for (const kind of CHANNEL_KINDS) {
    const listed = Array.isArray(getPath(version.data, ['channels', kind]));
    version.charter.channels[kind].forEach((line, index) => {
      const key = `${kind}\u0000${line.id ?? ''}`;
      if (!lines.has(key)) {
        const subject: LineSubject = { channel: kind, ...(line.id === undefined ? {} : { id: line.id }), ...(line.name ? { name: line.name.written } : {}) };
        lines.set(key, { key, label: lineLabel(kind, line.id), path: listed ? ['channels', kind, index] : ['channels', kind], subject });
      }
    });
  }
  return lines;
}

/** A promise's place with the names its charter gives the line, groups and service. */
export function promiseSubject(charter: Charter, promise: CharterPromise): PromiseSubject {
  const { place } = promise;
  const line =
    place.line === undefined
      ? undefined
      : place.channel === COMPLAINTS_CHANNEL
        ? charter.complaints?.stages.find((stage) => stage.id === place.line)?.name
        : (CHANNEL_KINDS as readonly string[]).includes(place.channel)
          ? charter.channels[place.channel as (typeof CHANNEL_KINDS)[number]].find((found) => found.id === place.line)?.name
          : undefined;
  const service = place.service === undefined ? undefined : charter.services.find((found) => found.id === place.service);
  const own = place.channel === SERVICES_CHANNEL ? service?.promises.find((found) => found.id === place.commitment)?.name : undefined;
  return {
    measure: promise.measure,
    place,
    ...(line ? { lineName: line.written } : {}),
    groupNames: place.groups.map((id) => charter.customerGroups.find((group) => group.id === id)?.name.written ?? id),
    ...(service ? { serviceName: service.name.written } : {}),
    ...(own ? { commitmentName: own.written } : {}),
  };
}

/** A promise's value as data: its time limit, or the most that may be abandoned. */
function valueOf(promise: CharterPromise): ChangeValue {
  return promise.measure === 'abandoned' ? { share: promise.promise.atMost } : { duration: promise.promise.within };
}

/** An added or removed promise as data: its place, and its value on the side that has it. */
export function promiseDetail(charter: Charter, promise: CharterPromise, side: 'from' | 'to'): ChangeDetail {
  return {
    promise: promiseSubject(charter, promise),
    [side]: valueOf(promise),
    ...(promise.measure === 'within' ? { target: promise.promise.target } : {}),
  };
}

function promiseKey(promise: CharterPromise): string {
  return placeKey(promise.measure, promise.place);
}

function lineKeyOf(promise: CharterPromise): string | undefined {
  return (CHANNEL_KINDS as readonly string[]).includes(promise.place.channel) ? `${promise.place.channel}\u0000${promise.place.line ?? ''}` : undefined;
}

/**
 * What changed in the measurable promises: each promise paired by its place
 * (channel, line, commitment, groups, service), compared by its time limit,
 * target or abandonment rate; lines removed and added. The promises of a
 * removed or added line are told as the line, not one by one.
 */
export function promiseChanges(before: CharterVersion, after: CharterVersion): FoundChange[] {
  const found: FoundChange[] = [];
  const oldLines = linesOf(before);
  const newLines = linesOf(after);
  for (const [key, line] of oldLines) {
    if (!newLines.has(key))
      found.push({ kind: 'removed', text: message('diff.line.removed', { line: line.label }), path: line.path, side: 'old', detail: { line: line.subject } });
  }
  for (const [key, line] of newLines) {
    if (!oldLines.has(key))
      found.push({ kind: 'added', text: message('diff.line.added', { line: line.label }), path: line.path, side: 'new', detail: { line: line.subject } });
  }
  const onGoneLine = (promise: CharterPromise, lines: Map<string, Line>): boolean => {
    const lineKey = lineKeyOf(promise);
    return lineKey !== undefined && !lines.has(lineKey);
  };

  const oldPromises = new Map(promisesOf(before.charter, before.data).map((promise) => [promiseKey(promise), promise]));
  const newPromises = promisesOf(after.charter, after.data);
  const newKeys = new Set(newPromises.map(promiseKey));
  for (const promise of newPromises) {
    const old = oldPromises.get(promiseKey(promise));
    if (old)
      found.push(...compareOne(old, promise).map((change) => ({ ...change, detail: { ...change.detail, promise: promiseSubject(after.charter, promise) } })));
    else if (!onGoneLine(promise, oldLines)) {
      found.push({
        kind: 'added',
        text: message('diff.promise.added', { promise: promiseLabel(promise), value: promiseValue(promise) }),
        path: promise.path,
        side: 'new',
        detail: promiseDetail(after.charter, promise, 'to'),
      });
    }
  }
  for (const [key, promise] of oldPromises) {
    if (newKeys.has(key) || onGoneLine(promise, newLines)) continue;
    found.push({
      kind: 'removed',
      text: message('diff.promise.removed', { promise: promiseLabel(promise), value: promiseValue(promise) }),
      path: promise.path,
      side: 'old',
      detail: promiseDetail(before.charter, promise, 'from'),
    });
  }
  return found;
}

/** The changes of one promise present in both versions. */
function compareOne(before: CharterPromise, after: CharterPromise): FoundChange[] {
  const found: FoundChange[] = [];
  const label = promiseLabel(after);
  const at = (kind: ChangeKind, text: MessageRef, key: string, from: ChangeValue, to: ChangeValue): FoundChange => ({
    kind,
    text,
    path: [...after.path, key],
    side: 'new',
    detail: { from, to },
  });
  if (before.measure === 'abandoned' && after.measure === 'abandoned') {
    const [from, to] = [before.promise.atMost, after.promise.atMost];
    if (from !== to) {
      const values = { promise: label, from: formatPercent(from), to: formatPercent(to) };
      found.push(
        at(
          to > from ? 'loosened' : 'tightened',
          message(to > from ? 'diff.promise.abandoned-higher' : 'diff.promise.abandoned-lower', values),
          'atMost',
          { share: from },
          { share: to },
        ),
      );
    }
    return found;
  }
  if (before.measure === 'abandoned' || after.measure === 'abandoned') return found;
  const [from, to] = [before.promise.within, after.promise.within];
  const order = rankDurations(from, to);
  if (order !== 0) {
    const values = { promise: label, from: from.written, to: to.written };
    const durations = [{ duration: from }, { duration: to }] as const;
    if (order === -1) found.push(at('loosened', message('diff.promise.within-longer', values), 'within', ...durations));
    else if (order === 1) found.push(at('tightened', message('diff.promise.within-shorter', values), 'within', ...durations));
    else found.push(at('changed', message('diff.promise.within-incomparable', values), 'within', ...durations));
  }
  if (before.measure === 'within' && after.measure === 'within' && before.promise.target !== after.promise.target) {
    const lower = after.promise.target < before.promise.target;
    const values = { promise: label, from: formatPercent(before.promise.target), to: formatPercent(after.promise.target) };
    found.push(
      at(
        lower ? 'loosened' : 'tightened',
        message(lower ? 'diff.promise.target-lower' : 'diff.promise.target-higher', values),
        'target',
        { share: before.promise.target },
        { share: after.promise.target },
      ),
    );
  }
  return found;
}
