import type * as Document from '../schema/generated/charter-document.js';
import type { ChannelHours, ChannelLine, Channels, OfficeHours } from '../model/charter.js';
import { readHours } from './read-hours.js';
import type { PromiseReader } from './read-promises.js';

/** What every line of every kind writes besides its own fields. */
interface WrittenLine {
  readonly id?: string;
  readonly name?: Document.Text;
  readonly audience?: Document.GroupRefs;
  readonly serviceLanguages?: Document.ServiceLanguages;
  readonly note?: Document.Markdown;
  readonly ptvId?: string;
}

/**
 * `channels` as values: every kind as a list of lines (a channel written as
 * one object is one line without an id). The hours of a line that has none of
 * its own are the unit's.
 */
export function readChannels(channels: Document.ChannelsSection, unitHours: OfficeHours, promises: PromiseReader): Channels {
  const { texts } = promises;

  /** The lines of one kind, each read by `read` with the place it is written at. */
  function lines<W extends WrittenLine, L>(
    kind: keyof Document.ChannelsSection,
    value: W | readonly W[] | undefined,
    read: (line: W, where: string) => L,
  ): L[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return [read(value as W, `channels.${kind}`)];
    return (value as readonly W[]).map((line, index) => read(line, `channels.${kind}[${index}]`));
  }

  function common(line: WrittenLine, where: string): ChannelLine {
    return {
      ...(line.id === undefined ? {} : { id: line.id }),
      ...texts.optional('name', line.name),
      audience: promises.groups(line.audience, `${where}.audience`),
      serviceLanguages: line.serviceLanguages ?? [],
      ...texts.optional('note', line.note),
      ...(line.ptvId === undefined ? {} : { ptvId: line.ptvId }),
    };
  }

  function hours(value: Document.OfficeHours | undefined, where: string): ChannelHours {
    if (value === undefined) return { hours: unitHours };
    return { hours: readHours(value, unitHours, texts, where), ownHours: readHours(value, undefined, texts, where) };
  }

  return {
    phone: lines('phone', channels.phone, (line: Document.PhoneChannel, where) => ({
      ...common(line, where),
      number: line.number,
      ...(line.charge === undefined ? {} : { charge: line.charge }),
      ...hours(line.hours, `${where}.hours`),
      answer: promises.commitments(line.answer, `${where}.answer`),
      averageAnswer: promises.averages(line.averageAnswer, `${where}.averageAnswer`),
      abandoned: promises.abandonments(line.abandoned, `${where}.abandoned`),
      callback: promises.commitments(line.callback, `${where}.callback`),
      ...texts.optional('greeting', line.greeting),
    })),
    email: lines('email', channels.email, (line: Document.EmailChannel, where) => ({
      ...common(line, where),
      address: line.address,
      acknowledge: promises.commitments(line.acknowledge, `${where}.acknowledge`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    letter: lines('letter', channels.letter, (line: Document.LetterChannel, where) => ({
      ...common(line, where),
      address: texts.read(line.address),
      acknowledge: promises.commitments(line.acknowledge, `${where}.acknowledge`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    counter: lines('counter', channels.counter, (line: Document.CounterChannel, where) => ({
      ...common(line, where),
      address: texts.read(line.address),
      ...hours(line.hours, `${where}.hours`),
      wait: promises.commitments(line.wait, `${where}.wait`),
      ...texts.optional('appointments', line.appointments),
    })),
    eservice: lines('eservice', channels.eservice, (line: Document.EServiceChannel, where) => ({
      ...common(line, where),
      url: line.url,
      acknowledge: promises.commitments(line.acknowledge, `${where}.acknowledge`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    chat: lines('chat', channels.chat, (line: Document.ChatChannel, where) => ({
      ...common(line, where),
      url: line.url,
      ...hours(line.hours, `${where}.hours`),
      answer: promises.commitments(line.answer, `${where}.answer`),
      averageAnswer: promises.averages(line.averageAnswer, `${where}.averageAnswer`),
      abandoned: promises.abandonments(line.abandoned, `${where}.abandoned`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    video: lines('video', channels.video, (line: Document.VideoChannel, where) => ({
      ...common(line, where),
      ...(line.url === undefined ? {} : { url: line.url }),
      ...texts.optional('booking', line.booking),
      ...hours(line.hours, `${where}.hours`),
      appointment: promises.commitments(line.appointment, `${where}.appointment`),
    })),
    sms: lines('sms', channels.sms, (line: Document.SmsChannel, where) => ({
      ...common(line, where),
      number: line.number,
      ...hours(line.hours, `${where}.hours`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    relay: lines('relay', channels.relay, (line: Document.RelayChannel, where) => ({
      ...common(line, where),
      ...(line.number === undefined ? {} : { number: line.number }),
      ...texts.optional('how', line.how),
      ...hours(line.hours, `${where}.hours`),
      answer: promises.commitments(line.answer, `${where}.answer`),
    })),
    suomifiMessages: lines('suomifiMessages', channels.suomifiMessages, (line: Document.SuomifiMessagesChannel, where) => ({
      ...common(line, where),
      ...(line.url === undefined ? {} : { url: line.url }),
      acknowledge: promises.commitments(line.acknowledge, `${where}.acknowledge`),
      reply: promises.commitments(line.reply, `${where}.reply`),
    })),
    homeVisit: lines('homeVisit', channels.homeVisit, (line: Document.HomeVisitChannel, where) => ({
      ...common(line, where),
      ...texts.optional('area', line.area),
      ...texts.optional('booking', line.booking),
      ...hours(line.hours, `${where}.hours`),
      appointment: promises.commitments(line.appointment, `${where}.appointment`),
    })),
  };
}
