import type * as Document from '../schema/generated/charter-document.js';
import type { Channels, ChannelHours, OfficeHours } from '../model/charter.js';
import { readHours } from './read-hours.js';
import { readCommitment } from './read-values.js';
import type { TextReader } from './text-reader.js';

/** `channels` as values; the phone's and the counter's hours fall back to the unit's. */
export function readChannels(channels: Document.ChannelsSection, unitHours: OfficeHours, texts: TextReader): Channels {
  const { phone, email, letter, counter, eservice } = channels;
  const commitment = <K extends string>(key: K, value: Document.Commitment | undefined, where: string) =>
    (value === undefined ? {} : { [key]: readCommitment(value, where, texts) }) as { [P in K]?: ReturnType<typeof readCommitment> };
  return {
    ...(phone === undefined
      ? {}
      : {
          phone: {
            number: phone.number,
            ...(phone.charge === undefined ? {} : { charge: phone.charge }),
            ...channelHours(phone.hours, unitHours, texts, 'channels.phone.hours'),
            ...commitment('answer', phone.answer, 'channels.phone.answer'),
            ...commitment('callback', phone.callback, 'channels.phone.callback'),
            ...texts.optional('greeting', phone.greeting),
          },
        }),
    ...(email === undefined
      ? {}
      : {
          email: {
            address: email.address,
            ...commitment('acknowledge', email.acknowledge, 'channels.email.acknowledge'),
            ...commitment('reply', email.reply, 'channels.email.reply'),
          },
        }),
    ...(letter === undefined
      ? {}
      : {
          letter: {
            address: texts.read(letter.address),
            ...commitment('acknowledge', letter.acknowledge, 'channels.letter.acknowledge'),
            ...commitment('reply', letter.reply, 'channels.letter.reply'),
          },
        }),
    ...(counter === undefined
      ? {}
      : {
          counter: {
            address: texts.read(counter.address),
            ...channelHours(counter.hours, unitHours, texts, 'channels.counter.hours'),
            ...commitment('wait', counter.wait, 'channels.counter.wait'),
            ...texts.optional('appointments', counter.appointments),
          },
        }),
    ...(eservice === undefined
      ? {}
      : {
          eservice: {
            url: eservice.url,
            ...texts.optional('name', eservice.name),
            ...commitment('acknowledge', eservice.acknowledge, 'channels.eservice.acknowledge'),
            ...commitment('reply', eservice.reply, 'channels.eservice.reply'),
          },
        }),
  };
}

function channelHours(hours: Document.OfficeHours | undefined, unitHours: OfficeHours, texts: TextReader, where: string): ChannelHours {
  if (hours === undefined) return { hours: unitHours };
  return { hours: readHours(hours, unitHours, texts, where), ownHours: readHours(hours, undefined, texts, where) };
}
