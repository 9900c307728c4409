import type { ChangeDetail, ChangeValue, LineSubject, PromiseSubject } from '../model/change-detail.js';
import type { CharterText } from '../model/charter.js';
import { textInLanguage } from '../model/charter-text.js';
import { COMPLAINTS_CHANNEL, FEEDBACK_CHANNEL, SERVICES_CHANNEL } from '../model/commitments.js';
import { message, renderMessage, type MessageRef, type MessageValue } from '../messages/message.js';
import type { MessageId } from '../messages/catalog.js';
import { COMMITMENT_SLOTS, commitmentSlotKey, dashboardStrings, fill, viewStrings, type ChannelKey, type ViewStrings } from './strings.js';
import type { SiteLanguage } from './view-model.js';
import { formatDate } from './format-dates.js';
import { durationInWords, formatPercent, withinInWords } from './words.js';

/**
 * A change since the approval in the words of the review pack's readers:
 * promises and lines named as the page's figures name them, time limits and
 * shares in the page's language, fields by a name where they have a natural
 * one. The wording is `charter diff`'s own message (already in fi, sv and
 * en) with its values, written for administrators in the charter's keys,
 * put in these words instead.
 */

/** Where the charter's texts are taken from: the page's language, then the charter's. */
export interface ChangeWordsContext {
  readonly ui: SiteLanguage;
  readonly textLang: string;
  readonly languages: readonly string[];
}

/** Fields with a natural name, by their label in the charter's keys. */
const FIELD_NAMES: Readonly<Record<string, MessageId>> = {
  'unit.name': 'review.change.field.unit-name',
  'unit.organisation': 'review.change.field.unit-organisation',
  'unit.summary': 'review.change.field.unit-summary',
  owner: 'review.change.field.owner',
  'review.every': 'review.change.field.review-every',
  'review.next': 'review.change.field.review-next',
  hours: 'review.change.field.hours',
};

/** The change's message with its values in the reader's words; the message as it is where nothing is known. */
export function changeMessage(text: MessageRef, detail: ChangeDetail | undefined, context: ChangeWordsContext): MessageRef {
  const values: Record<string, MessageValue> = { ...text.values };
  if (detail?.promise) values.promise = promiseName(detail.promise, context);
  if (detail?.line) values.line = lineName(detail.line, context);
  if (detail?.from) values.from = valueText(detail.from, context.ui);
  if (detail?.to) values.to = valueText(detail.to, context.ui);
  const value = detail?.to ?? detail?.from;
  if (value && values.value !== undefined) values.value = promiseValueText(value, detail?.target, context.ui);
  if (typeof values.where === 'string') values.where = fieldName(values.where, context);
  if (typeof values.language === 'string') values.language = languageName(values.language, context.ui);
  // An exception day of the opening hours: formatDate leaves anything but a date as it is.
  if (typeof values.date === 'string') values.date = formatDate(values.date, context.ui);
  return text.values === undefined ? text : { id: text.id, values };
}

function textOf(value: CharterText | undefined, context: ChangeWordsContext): string | undefined {
  return value === undefined ? undefined : textInLanguage(value, [context.textLang, ...context.languages])?.text;
}

/** "E-post – svar", "Puhelin, Saamenkielinen palvelu – puheluihin vastaaminen — Toimeentulotuki": as the figures name it, without the limit. */
export function promiseName(promise: PromiseSubject, context: ChangeWordsContext): string {
  const { place } = promise;
  const { ui } = context;
  const strings = viewStrings(ui);
  const words = dashboardStrings(ui);
  const isService = place.channel === SERVICES_CHANNEL;
  const serviceName = textOf(promise.serviceName, context) ?? place.service;
  const kind =
    place.channel === FEEDBACK_CHANNEL
      ? words.feedbackChannel
      : place.channel === COMPLAINTS_CHANNEL
        ? words.complaintsChannel
        : isService
          ? (serviceName ?? place.channel)
          : channelTitle(place.channel, ui);
  const line = textOf(promise.lineName, context) ?? place.line;
  const channel = line === undefined || isService ? kind : fill(words.lineChannel, { channel: kind, line });
  const slot = COMMITMENT_SLOTS.find((candidate) => candidate.channel === place.channel && candidate.commitment === place.commitment);
  const label =
    promise.measure === 'average'
      ? renderMessage(message('review.change.average-answer'), ui)
      : promise.measure === 'abandoned'
        ? renderMessage(message('review.change.abandoned'), ui)
        : slot
          ? lowerFirst(strings.commitments[commitmentSlotKey(slot)].label)
          : isService
            ? lowerFirst(textOf(promise.commitmentName, context) ?? place.commitment)
            : place.channel === COMPLAINTS_CHANNEL && (place.commitment === 'acknowledge' || place.commitment === 'respond')
              ? words.complaintsPromises[place.commitment]
              : place.commitment;
  const name = fill(words.commitmentName, { channel, promise: label });
  const groups = promise.groupNames.map((group, index) => textOf(group, context) ?? place.groups[index] ?? '');
  const scope = [...groups, ...(isService || serviceName === undefined ? [] : [serviceName])].filter((part) => part !== '');
  return scope.length === 0 ? name : fill(words.scoped, { name, scope: scope.join(', ') });
}

/** "Puhelin", "Telefon, Allmän rådgivning": a channel line by its title and its name (else its id). */
export function lineName(line: LineSubject, context: ChangeWordsContext): string {
  const kind = channelTitle(line.channel, context.ui);
  const name = textOf(line.name, context) ?? line.id;
  return name === undefined ? kind : fill(dashboardStrings(context.ui).lineChannel, { channel: kind, line: name });
}

function channelTitle(channel: string, ui: SiteLanguage): string {
  const titles = viewStrings(ui).channelTitles;
  return Object.hasOwn(titles, channel) ? titles[channel as ChannelKey] : channel;
}

/** "3 arbetsdagar", "90 %". */
function valueText(value: ChangeValue, ui: SiteLanguage): string {
  return 'duration' in value ? durationInWords(value.duration, ui) : formatPercent(value.share, ui);
}

/** An added or removed promise's value: "inom 3 arbetsdagar, mål 90 %"; a share abandoned, "högst 10 %". */
function promiseValueText(value: ChangeValue, target: number | undefined, ui: SiteLanguage): string {
  if (!('duration' in value)) return renderMessage(message('review.change.at-most', { share: formatPercent(value.share, ui) }), ui);
  const within = withinInWords(value.duration, ui);
  return target === undefined ? within : renderMessage(message('review.change.within-target', { within, target: formatPercent(target, ui) }), ui);
}

/** A channel line's fields with a name on the charter page, by the line's kind where the name depends on it. */
const LINE_FIELDS: Readonly<Record<string, (channel: string) => keyof ViewStrings['details'] | undefined>> = {
  number: () => 'phoneNumber',
  charge: () => 'charge',
  address: (channel) => (channel === 'email' ? 'emailAddress' : channel === 'letter' ? 'postalAddress' : channel === 'counter' ? 'visitingAddress' : undefined),
  url: (channel) => (channel === 'eservice' ? 'eservice' : undefined),
};

/**
 * A field by its name where it has a natural one (the unit's name, its
 * summary, a line's address or hours, as the charter page names them); else
 * as the charter's keys, as the rarer ones (a promise's `otherwise`) stay.
 */
function fieldName(where: string, context: ChangeWordsContext): string {
  const named = FIELD_NAMES[where];
  if (named !== undefined) return capitalise(renderMessage(message(named), context.ui));
  const field = /^channels\.(\w+)(?:\[([^\]]*)\])?\.(\w+)$/.exec(where);
  if (!field) return where;
  const [, channel = '', id, key = ''] = field;
  const detail = Object.hasOwn(LINE_FIELDS, key) ? LINE_FIELDS[key]?.(channel) : undefined;
  const label =
    key === 'hours' ? renderMessage(message('review.change.field.hours'), context.ui) : detail && lowerFirst(viewStrings(context.ui).details[detail]);
  if (label === undefined) return where;
  const line = lineName({ channel, ...(id === undefined ? {} : { id }) }, context);
  return fill(dashboardStrings(context.ui).commitmentName, { channel: line, promise: label });
}

/** "ruotsi", "svenska", "Swedish": the language of a changed text, in the page's language. */
function languageName(tag: string, ui: SiteLanguage): string {
  const own = viewStrings(ui).languageNames[tag];
  if (own !== undefined) return own;
  try {
    const name = new Intl.DisplayNames([ui], { type: 'language', fallback: 'none' }).of(tag);
    return name ?? tag;
  } catch {
    return tag;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
