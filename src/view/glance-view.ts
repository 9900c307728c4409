import { formatDateWithWeekday } from './format-dates.js';
import { fill, type ChannelKey } from './strings.js';
import type { ChannelView, CommitmentView, ContactView, GlanceLineView, GlanceView, SiteLanguage } from './view-model.js';

/**
 * The order of the first screen: the ways people reach a unit first (phone,
 * email, the service point, the e-service), then the rest in page order,
 * the postal address last. The first ESSENTIAL_KINDS come before whom to
 * turn to, so that on a phone both are on the first screen.
 */
const GLANCE_ORDER: readonly ChannelKey[] = [
  'phone',
  'email',
  'counter',
  'eservice',
  'chat',
  'sms',
  'relay',
  'video',
  'suomifiMessages',
  'homeVisit',
  'letter',
];

const ESSENTIAL_KINDS = 4;

/** The promise a line is known by: a time to answer, reply, be served or get an appointment before an acknowledgement or a call-back. */
const MAIN_PROMISES: readonly string[] = ['answer', 'reply', 'wait', 'appointment'];

export interface GlanceInput {
  readonly channels: readonly ChannelView[];
  readonly escalateTo?: ContactView | undefined;
  readonly today: string;
  readonly lang: SiteLanguage;
  /** "Tilanne {date}.": the day "today" means on the page. */
  readonly asOf: string;
}

/** The first screen of a charter page, from its channel views: the first line of each kind, in GLANCE_ORDER. */
export function glanceView(input: GlanceInput): GlanceView {
  const firstOfKind = GLANCE_ORDER.flatMap((key) => {
    const line = input.channels.find((channel) => channel.key === key);
    return line ? [line] : [];
  });
  const essential = new Set<string>(GLANCE_ORDER.slice(0, ESSENTIAL_KINDS));
  const lines = firstOfKind.filter((line) => essential.has(line.key)).map(glanceLine);
  const otherLines = firstOfKind.filter((line) => !essential.has(line.key)).map(glanceLine);
  const asOf = [...lines, ...otherLines].some((line) => line.today !== undefined)
    ? fill(input.asOf, { date: formatDateWithWeekday(input.today, input.lang) })
    : undefined;
  return {
    lines,
    otherLines,
    moreLines: input.channels.length - firstOfKind.length,
    today: { iso: input.today, ...(asOf ? { asOf } : {}) },
    ...(input.escalateTo ? { escalateTo: input.escalateTo } : {}),
  };
}

function glanceLine(channel: ChannelView): GlanceLineView {
  const promise = mainPromise(channel.commitments);
  return {
    key: channel.key,
    label: channel.heading,
    anchor: channel.anchor,
    ...(channel.reach ? { reach: channel.reach } : {}),
    ...(channel.today ? { today: channel.today } : {}),
    ...(promise ? { promise } : {}),
  };
}

/** The line's main promise in brief: one made to everyone before one made to some groups or for a service. */
function mainPromise(commitments: readonly CommitmentView[]): string | undefined {
  const brief = commitments.filter((commitment) => commitment.brief !== undefined);
  const rank = (commitment: CommitmentView): number => {
    const main = MAIN_PROMISES.indexOf(commitment.key);
    return (commitment.scoped ? MAIN_PROMISES.length + 1 : 0) + (main === -1 ? MAIN_PROMISES.length : main);
  };
  return [...brief].sort((a, b) => rank(a) - rank(b))[0]?.brief;
}
