import type { CardLinesView, ChannelView, HoursRowView, HoursView, LinkView } from './view-model.js';

/**
 * What the pocket card picks from a charter's channels: the main phone line
 * with its number, hours and greeting, the email address with its reply
 * promise, and the letter and counter lines. Kept apart from the charter
 * page's view, as the card is laid out (and measured) on its own.
 */
export function cardLinesOf(channels: readonly ChannelView[], unitHours: HoursView): CardLinesView {
  const first = (key: string): ChannelView | undefined => channels.find((channel) => channel.key === key);
  const [phone, ...otherPhones] = channels.filter((channel) => channel.key === 'phone');
  const email = first('email');
  const letter = first('letter');
  const counter = first('counter');
  const emailAddress = email ? mailtoLink(email) : undefined;
  // The phone's own hours, else the unit's: the card says when to call.
  const phoneHours = phone ? (phone.hours ?? unitHours) : undefined;
  const counterHours = counter ? (counter.hours ?? unitHours) : undefined;
  // A counter's first detail is its visiting address (see channelView).
  const counterAddress = counter?.details[0]?.text;
  return {
    ...(phone ? { phone } : {}),
    ...(phoneHours && phoneHours.rows.length > 0 ? { phoneHours: oneRowPerDays(phoneHours.rows) } : {}),
    otherPhones,
    ...(email ? { email } : {}),
    ...(emailAddress ? { emailAddress } : {}),
    ...(letter ? { letter } : {}),
    ...(counter ? { counter } : {}),
    ...(counterAddress ? { counterAddress } : {}),
    ...(counterHours && counterHours.rows.length > 0 ? { counterHours: oneRowPerDays(counterHours.rows) } : {}),
    paths: {
      ...(phone ? { phone: linePath(phone), phoneHours: phone.hours ? `${linePath(phone)}.hours` : 'hours' } : {}),
      ...(email ? { email: linePath(email) } : {}),
      ...(letter ? { letter: linePath(letter) } : {}),
      ...(counter ? { counter: linePath(counter), counterHours: counter.hours ? `${linePath(counter)}.hours` : 'hours' } : {}),
    },
  };
}

/** Where the kind's first line is written: `channels.phone`, or `channels.phone.0` when the charter lists lines. */
function linePath(channel: ChannelView): string {
  return channel.line === undefined ? `channels.${channel.key}` : `channels.${channel.key}.0`;
}

/** The line's email address (a mailto: link among its details). */
function mailtoLink(channel: ChannelView): LinkView | undefined {
  return channel.details.find((detail) => detail.link?.href.startsWith('mailto:'))?.link;
}

/**
 * An address as people read it under a QR code: percent-escapes decoded
 * (`ä`, not `%C3%A4`), cut after each slash so that a line breaks only there.
 * An address whose escapes do not decode (a malformed `%`), or decode to a
 * space or an invisible character, keeps its encoded form.
 */
export function readableUrl(url: string): { text: string; shown: string[] } {
  let text = url;
  try {
    const decoded = decodeURI(url);
    // Spaces, control and direction marks stay encoded: printed, they would hide or reorder the address.
    if (!/[\p{C}\p{Z}]/u.test(decoded)) text = decoded;
  } catch {
    // URIError: a malformed escape; the encoded form is still a correct address.
  }
  // Each piece ends at its slashes ("https://" stays whole).
  return { text, shown: text.match(/[^/]*\/+|[^/]+$/g) ?? [text] };
}

/** Rows of the same days as one, "ma–pe 9.00–11.30, 12.30–15.00": a card line has no room to say the days twice. */
export function oneRowPerDays(rows: readonly HoursRowView[]): HoursRowView[] {
  const merged: HoursRowView[] = [];
  for (const row of rows) {
    const previous = merged.at(-1);
    if (previous?.days === row.days) merged[merged.length - 1] = { days: row.days, time: `${previous.time}, ${row.time}` };
    else merged.push(row);
  }
  return merged;
}
