import type { ResolvedCharter } from '../load/resolved-charter.js';
import type * as Document from '../schema/generated/charter-document.js';
import { validateCharter } from '../schema/generated/validators.js';
import type { Charter, Complaints, Contact, CustomerGroup, LanguageCode, Service, ServiceRef } from '../model/charter.js';
import { describeError } from '../model/internal-error.js';
import { NormalizeProblem, readCalendarDate, readDuration } from './read-values.js';
import { PromiseReader } from './read-promises.js';
import { TextReader } from './text-reader.js';
import { ContactBook } from './contact-book.js';
import { readChannels } from './read-channels.js';
import { readHours } from './read-hours.js';
import { bidiContained } from './bidi-contained.js';

/** A unit charter that could not be made into a `Charter`, and why. */
export interface UnnormalizedUnit {
  /** The file as shown to the user. */
  readonly file: string;
  /** The unit's id, when it has one. */
  readonly id?: string;
  /** Why, in a few words ("it has schema errors"); `charter validate` says where. */
  readonly reason: string;
}

export type NormalizeResult = { readonly ok: true; readonly charter: Charter } | { readonly ok: false; readonly unit: UnnormalizedUnit };

/**
 * The normalize stage: one unit charter (baseline already merged in by the
 * loader) as a typed, readonly `Charter`. The resolved charter is not changed.
 *
 * It takes what it can trust and nothing else: the merged data must pass the
 * schema, and every contact reference, date, day range and time zone must
 * read as a value. Findings that judge a readable charter (a review that is
 * overdue, a promise weaker than the baseline, a missing translation, which
 * falls back to the first language) do not stop it: the report and the rota
 * must still read such a charter. Anything else gives `ok: false` with the
 * reason, never an exception.
 */
export function normalizeCharter(resolved: ResolvedCharter): NormalizeResult {
  const id = typeof resolved.data.id === 'string' ? resolved.data.id : undefined;
  const fail = (reason: string): NormalizeResult => ({ ok: false, unit: { file: resolved.file, ...(id === undefined ? {} : { id }), reason } });
  if (resolved.isBaseline) return fail('it is a baseline: only unit charters are normalized');
  if (resolved.incomplete) return fail('its baseline could not be loaded');
  // Every text of the Charter comes from here: none can reorder what a page, card or calendar puts after it.
  const data: unknown = bidiContained(resolved.data);
  if (!isCharterDocument(data)) return fail('it does not match the charter schema');
  try {
    return { ok: true, charter: charterFrom(data, resolved.file) };
  } catch (error) {
    return fail(error instanceof NormalizeProblem ? error.message : `normalizing it failed (${describeError(error)})`);
  }
}

/** The schema check, as the type guard of the generated document type. */
function isCharterDocument(data: unknown): data is Document.CharterDocument {
  return validateCharter(data);
}

function charterFrom(document: Document.CharterDocument, file: string): Charter {
  const [first, ...others] = document.languages;
  if (first === undefined) throw new NormalizeProblem('`languages` is empty');
  const languages: readonly [LanguageCode, ...LanguageCode[]] = [first, ...others];
  const texts = new TextReader(languages);
  const contacts = new ContactBook(document.contacts, texts);
  const hours = readHours(document.hours, undefined, texts, 'hours');
  const { unit, review, absence, feedback, complaints, handover } = document;
  const customerGroups: CustomerGroup[] = (document.customerGroups ?? []).map((group) => ({
    id: group.id,
    name: texts.read(group.name),
    ...texts.optional('description', group.description),
  }));
  const serviceRefs: ServiceRef[] = (document.services ?? []).map((service) => ({ id: service.id, name: texts.read(service.name) }));
  const promises = new PromiseReader(texts, customerGroups, serviceRefs);

  return {
    id: document.id,
    file,
    languages,
    serviceLanguages: document.serviceLanguages ?? [],
    unit: {
      name: texts.read(unit.name),
      ...texts.optional('organisation', unit.organisation),
      ...texts.optional('summary', unit.summary),
      ...(unit.ptvId === undefined ? {} : { ptvId: unit.ptvId }),
    },
    owner: contacts.resolve(document.owner, 'owner'),
    review: {
      approved: readCalendarDate(review.approved, 'review.approved'),
      ...texts.optional('approvedBy', review.approvedBy),
      every: readDuration(review.every, 'review.every'),
      next: readCalendarDate(review.next, 'review.next'),
      rota: contacts.resolveAll(review.rota, 'review.rota'),
    },
    hours,
    contacts: contacts.all,
    customerGroups,
    channels: readChannels(document.channels, hours, promises),
    services: (document.services ?? []).map((service, index) => readService(service, serviceRefs[index] as ServiceRef, promises, `services[${index}]`)),
    ...(absence === undefined
      ? {}
      : {
          absence: {
            notify: contacts.resolveAll(absence.notify, 'absence.notify'),
            ...(absence.notice === undefined ? {} : { notice: readDuration(absence.notice, 'absence.notice') }),
            ...(absence.substitute === undefined ? {} : { substitute: absence.substitute }),
            ...texts.optional('outOfOffice', absence.outOfOffice),
          },
        }),
    ...(feedback === undefined
      ? {}
      : {
          feedback: {
            ...texts.optional('channel', feedback.channel),
            ...(feedback.acknowledge === undefined ? {} : { acknowledge: promises.commitment(feedback.acknowledge, 'feedback.acknowledge') }),
            ...(feedback.respond === undefined ? {} : { respond: promises.commitment(feedback.respond, 'feedback.respond') }),
            ...optionalContact('escalateTo', feedback.escalateTo, contacts, 'feedback.escalateTo'),
          },
        }),
    ...(complaints === undefined ? {} : { complaints: readComplaints(complaints, promises, contacts) }),
    ...(handover === undefined
      ? {}
      : { handover: { ...texts.optional('record', handover.record), rules: (handover.rules ?? []).map((rule) => texts.read(rule)) } }),
    accessibility: (document.accessibility ?? []).map((entry) => ({
      service: entry.service,
      languages: entry.languages ?? [],
      channels: entry.channels ?? [],
      ...texts.optional('how', entry.how),
      ...texts.optional('note', entry.note),
    })),
    touchpoints: (document.touchpoints ?? []).map((touchpoint, index) => ({
      id: touchpoint.id,
      name: texts.read(touchpoint.name),
      channel: touchpoint.channel,
      ...optionalContact('owner', touchpoint.owner, contacts, `touchpoints[${index}].owner`),
      ...texts.optional('description', touchpoint.description),
    })),
    authority: (document.authority ?? []).map((right, index) => ({
      id: right.id,
      decision: texts.read(right.decision),
      ...(right.limit === undefined ? {} : { limit: readLimit(right.limit, `authority[${index}].limit`) }),
      ...optionalContact('escalateTo', right.escalateTo, contacts, `authority[${index}].escalateTo`),
    })),
    guide: (document.guide ?? []).map((rule) => ({ title: texts.read(rule.title), text: texts.read(rule.text) })),
    improvements: (document.improvements ?? []).map((improvement, index) => ({
      date: readCalendarDate(improvement.date, `improvements[${index}].date`),
      said: texts.read(improvement.said),
      did: texts.read(improvement.did),
    })),
  };
}

function readService(service: Document.Service, ref: ServiceRef, promises: PromiseReader, where: string): Service {
  const { texts } = promises;
  return {
    id: service.id,
    name: ref.name,
    ...(service.url === undefined ? {} : { url: service.url }),
    ...(service.ptvId === undefined ? {} : { ptvId: service.ptvId }),
    ...texts.optional('description', service.description),
    ...texts.optional('clockStarts', service.clockStarts),
    promises: service.promises.map((promise, index) => {
      const at = `${where}.promises[${index}]`;
      return {
        ...promises.commitment(promise, at),
        // A service's own promise is for that service.
        service: ref,
        id: promise.id,
        name: texts.read(promise.name),
        ...texts.optional('clockStarts', promise.clockStarts),
      };
    }),
  };
}

function readComplaints(complaints: Document.ComplaintsSection, promises: PromiseReader, contacts: ContactBook): Complaints {
  const { texts } = promises;
  return {
    ...texts.optional('how', complaints.how),
    stages: (complaints.stages ?? []).map((stage, index) => {
      const where = `complaints.stages[${index}]`;
      return {
        id: stage.id,
        name: texts.read(stage.name),
        ...texts.optional('how', stage.how),
        acknowledge: promises.commitments(stage.acknowledge, `${where}.acknowledge`),
        respond: promises.commitments(stage.respond, `${where}.respond`),
        ...optionalContact('escalateTo', stage.escalateTo, contacts, `${where}.escalateTo`),
      };
    }),
    external: (complaints.external ?? []).map((body) => ({
      body: body.body,
      name: texts.read(body.name),
      ...(body.url === undefined ? {} : { url: body.url }),
      ...texts.optional('how', body.how),
    })),
  };
}

function optionalContact<K extends string>(key: K, id: string | undefined, contacts: ContactBook, where: string): { [P in K]?: Contact } {
  return id === undefined ? {} : ({ [key]: contacts.resolve(id, where) } as { [P in K]: Contact });
}

const AMOUNT = /^(\d+(?:\.\d+)?) ([A-Z]{3})$/;

function readLimit(limit: string, where: string): NonNullable<Charter['authority'][number]['limit']> {
  const amount = AMOUNT.exec(limit.trim());
  if (amount) return { kind: 'amount', amount: Number(amount[1]), currency: amount[2] as string, written: limit.trim() };
  return { kind: 'duration', duration: readDuration(limit, where) };
}
