import type { JsonPath } from './diagnostic.js';
import { getPath, isPlainObject, type CharterData } from './charter-data.js';
import {
  CHANNEL_KINDS,
  type AbandonmentPromise,
  type AveragePromise,
  type Charter,
  type ChannelKey,
  type ChannelLine,
  type Commitment,
  type OfficeHours,
} from './charter.js';

/**
 * Every place a charter can make a measurable promise, in one table: the
 * report, the rules and the pages list promises through it, so that a new
 * kind of promise is added here once.
 */

/** The promises each kind of channel line can make (the log's `commitment`), in page order. */
export const LINE_PROMISES = {
  phone: ['answer', 'callback'],
  email: ['acknowledge', 'reply'],
  letter: ['acknowledge', 'reply'],
  counter: ['wait'],
  eservice: ['acknowledge', 'reply'],
  chat: ['answer', 'reply'],
  video: ['appointment'],
  sms: ['reply'],
  relay: ['answer'],
  suomifiMessages: ['acknowledge', 'reply'],
  homeVisit: ['appointment'],
} as const satisfies Readonly<Record<ChannelKey, readonly string[]>>;

/** Kinds whose `answer` rows also measure an average speed of answer (`averageAnswer`) and an abandonment rate (`abandoned`). */
export const ANSWERED_KINDS = ['phone', 'chat'] as const satisfies readonly ChannelKey[];

export const FEEDBACK_PROMISES = ['acknowledge', 'respond'] as const;
export const STAGE_PROMISES = ['acknowledge', 'respond'] as const;

/** The log's `channel` for promises that are not on a channel line. */
export const FEEDBACK_CHANNEL = 'feedback';
export const COMPLAINTS_CHANNEL = 'complaints';
export const SERVICES_CHANNEL = 'services';

/** What a promise measures: the share within a time limit, the average time taken, or the share abandoned. */
export type PromiseMeasure = 'within' | 'average' | 'abandoned';

/** Where a promise is, in the terms of a contact log's columns. */
export interface PromisePlace {
  /** `channel`: a channel kind, `feedback`, `complaints` or `services`. */
  readonly channel: string;
  /** `line`: a line's id (a channel written as a list of lines) or a complaint stage's id. */
  readonly line?: string;
  /** `commitment`: the promise's key (`answer`, `reply`), or a service promise's id. An average or abandonment promise is measured from `answer` rows. */
  readonly commitment: string;
  /** `group`: the customer groups the promise is for (ids); empty: everyone. */
  readonly groups: readonly string[];
  /** `service`: the service it is for (id). */
  readonly service?: string;
}

interface PromiseBase {
  readonly place: PromisePlace;
  /** Where it is written in the (merged) charter data. */
  readonly path: JsonPath;
  /** The office hours its working time is counted in: the line's own, else the unit's. */
  readonly hours: OfficeHours;
}

export type CharterPromise =
  | (PromiseBase & { readonly measure: 'within'; readonly promise: Commitment })
  | (PromiseBase & { readonly measure: 'average'; readonly promise: AveragePromise })
  | (PromiseBase & { readonly measure: 'abandoned'; readonly promise: AbandonmentPromise });

type Scoped = { readonly groups: readonly { readonly id: string }[]; readonly service?: { readonly id: string } };

function scope(promise: Scoped): Pick<PromisePlace, 'groups' | 'service'> {
  return { groups: promise.groups.map((group) => group.id), ...(promise.service === undefined ? {} : { service: promise.service.id }) };
}

/** The path of a promise's variant: `[..., 'answer']` for one written alone, `[..., 'answer', 1]` in a list. */
function variantPath(base: JsonPath, count: number, index: number, listed: boolean): JsonPath {
  return listed || count > 1 ? [...base, index] : base;
}

/**
 * Every promise of a normalized charter, in page order: each channel kind's
 * lines, feedback, complaint stages, then services. `listed` says, per
 * promise path, whether the charter wrote it as a list (needed for exact
 * paths); it is read from the data, since the model keeps only the values.
 */
export function promisesOf(charter: Charter, data?: CharterData): CharterPromise[] {
  const found: CharterPromise[] = [];
  const isList = (path: JsonPath): boolean => data !== undefined && Array.isArray(getPath(data, path));
  const push = (base: JsonPath, hours: OfficeHours, place: Omit<PromisePlace, 'groups' | 'service'>, promises: readonly Commitment[]) => {
    const listed = isList(base);
    promises.forEach((promise, index) =>
      found.push({ measure: 'within', promise, hours, path: variantPath(base, promises.length, index, listed), place: { ...place, ...scope(promise) } }),
    );
  };
  for (const kind of CHANNEL_KINDS) {
    const lines = charter.channels[kind] as unknown as readonly (ChannelLine & Partial<Record<string, unknown>>)[];
    const kindListed = isList(['channels', kind]) || lines.length > 1;
    lines.forEach((line, lineIndex) => {
      const linePath: JsonPath = kindListed ? ['channels', kind, lineIndex] : ['channels', kind];
      const hours = 'hours' in line ? (line.hours as OfficeHours) : charter.hours;
      const at = { channel: kind, ...(line.id === undefined ? {} : { line: line.id }) };
      for (const key of LINE_PROMISES[kind]) push([...linePath, key], hours, { ...at, commitment: key }, (line[key] ?? []) as readonly Commitment[]);
      if ((ANSWERED_KINDS as readonly string[]).includes(kind)) {
        const averages = (line.averageAnswer ?? []) as readonly AveragePromise[];
        const averageListed = isList([...linePath, 'averageAnswer']);
        averages.forEach((promise, index) =>
          found.push({
            measure: 'average',
            promise,
            hours,
            path: variantPath([...linePath, 'averageAnswer'], averages.length, index, averageListed),
            place: { ...at, commitment: 'answer', ...scope(promise) },
          }),
        );
        const abandoned = (line.abandoned ?? []) as readonly AbandonmentPromise[];
        const abandonedListed = isList([...linePath, 'abandoned']);
        abandoned.forEach((promise, index) =>
          found.push({
            measure: 'abandoned',
            promise,
            hours,
            path: variantPath([...linePath, 'abandoned'], abandoned.length, index, abandonedListed),
            place: { ...at, commitment: 'answer', ...scope(promise) },
          }),
        );
      }
    });
  }
  const { feedback, complaints } = charter;
  if (feedback) {
    for (const key of FEEDBACK_PROMISES) {
      const promise = feedback[key];
      if (promise) push([FEEDBACK_CHANNEL, key], charter.hours, { channel: FEEDBACK_CHANNEL, commitment: key }, [promise]);
    }
  }
  complaints?.stages.forEach((stage, index) => {
    for (const key of STAGE_PROMISES) {
      push([COMPLAINTS_CHANNEL, 'stages', index, key], charter.hours, { channel: COMPLAINTS_CHANNEL, line: stage.id, commitment: key }, stage[key]);
    }
  });
  charter.services.forEach((service, serviceIndex) => {
    service.promises.forEach((promise, index) => {
      found.push({
        measure: 'within',
        promise,
        hours: charter.hours,
        path: [SERVICES_CHANNEL, serviceIndex, 'promises', index],
        place: { channel: SERVICES_CHANNEL, commitment: promise.id, ...scope(promise) },
      });
    });
  });
  return found;
}

/** A promise as written in charter data that is not yet known to match the schema (for rules). */
export interface WrittenPromise {
  readonly measure: PromiseMeasure;
  readonly place: PromisePlace;
  readonly path: JsonPath;
  /** The promise object as written (`{ within, target, ... }` or `{ atMost, ... }`). */
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Every promise written in charter data, with its place. Rules read charters
 * that may not match the schema, so anything of the wrong shape is skipped
 * (the schema reports it). A baseline's promise and a unit's are the same
 * promise when their places are equal (`placeKey`).
 */
export function writtenPromisesOf(data: CharterData): WrittenPromise[] {
  const found: WrittenPromise[] = [];
  const variants = (measure: PromiseMeasure, path: JsonPath, place: Omit<PromisePlace, 'groups' | 'service'>) => {
    const value = getPath(data, path);
    const list = Array.isArray(value) ? value.map((item, index) => [item, [...path, index]] as const) : [[value, path] as const];
    for (const [item, at] of list) {
      if (!isPlainObject(item)) continue;
      const groups = Array.isArray(item.for) ? item.for.filter((id): id is string => typeof id === 'string') : [];
      const service = typeof item.service === 'string' ? { service: item.service } : {};
      found.push({ measure, path: at, value: item, place: { ...place, groups, ...service } });
    }
  };
  const channels = getPath(data, ['channels']);
  for (const kind of CHANNEL_KINDS) {
    const written = isPlainObject(channels) ? channels[kind] : undefined;
    const lines: [unknown, JsonPath][] = Array.isArray(written)
      ? written.map((line, index) => [line, ['channels', kind, index]])
      : [[written, ['channels', kind]]];
    for (const [line, linePath] of lines) {
      if (!isPlainObject(line)) continue;
      const at = { channel: kind, ...(typeof line.id === 'string' && Array.isArray(written) ? { line: line.id } : {}) };
      for (const key of LINE_PROMISES[kind]) variants('within', [...linePath, key], { ...at, commitment: key });
      if ((ANSWERED_KINDS as readonly string[]).includes(kind)) {
        variants('average', [...linePath, 'averageAnswer'], { ...at, commitment: 'answer' });
        variants('abandoned', [...linePath, 'abandoned'], { ...at, commitment: 'answer' });
      }
    }
  }
  for (const key of FEEDBACK_PROMISES) {
    const value = getPath(data, [FEEDBACK_CHANNEL, key]);
    if (isPlainObject(value))
      found.push({ measure: 'within', path: [FEEDBACK_CHANNEL, key], value, place: { channel: FEEDBACK_CHANNEL, commitment: key, groups: [] } });
  }
  const stages = getPath(data, [COMPLAINTS_CHANNEL, 'stages']);
  if (Array.isArray(stages)) {
    stages.forEach((stage: unknown, index) => {
      if (!isPlainObject(stage) || typeof stage.id !== 'string') return;
      for (const key of STAGE_PROMISES)
        variants('within', [COMPLAINTS_CHANNEL, 'stages', index, key], { channel: COMPLAINTS_CHANNEL, line: stage.id, commitment: key });
    });
  }
  const services = getPath(data, [SERVICES_CHANNEL]);
  if (Array.isArray(services)) {
    services.forEach((service: unknown, serviceIndex) => {
      if (!isPlainObject(service) || typeof service.id !== 'string' || !Array.isArray(service.promises)) return;
      const serviceId = service.id;
      service.promises.forEach((promise: unknown, index) => {
        if (!isPlainObject(promise) || typeof promise.id !== 'string') return;
        const groups = Array.isArray(promise.for) ? promise.for.filter((id): id is string => typeof id === 'string') : [];
        found.push({
          measure: 'within',
          path: [SERVICES_CHANNEL, serviceIndex, 'promises', index],
          value: promise,
          place: { channel: SERVICES_CHANNEL, commitment: promise.id, groups, service: serviceId },
        });
      });
    });
  }
  return found;
}

/** One string per place and measure: equal for the same promise in a baseline and a unit. */
export function placeKey(measure: PromiseMeasure, place: PromisePlace): string {
  const groups = [...place.groups].sort().join('+');
  return [measure, place.channel, place.line ?? '', place.commitment, groups, place.service ?? ''].join('\u0000');
}
