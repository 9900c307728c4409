import { formatJsonPath } from '../model/diagnostic.js';
import { writtenPromisesOf, type PromisePlace } from '../model/commitments.js';
import { compareDurations, isFixedDuration, parseDuration, parseTarget, type Duration } from '../time/duration.js';
import { defineRule } from './rule.js';
import { message } from '../messages/message.js';

/** The slowest promise that still makes sense per commitment; slower ones are probably typos. */
const SLOWEST: Record<string, string> = {
  'phone/answer': '10 minutes',
  'phone/callback': '5 working days',
  'email/acknowledge': '2 working days',
  'email/reply': '30 working days',
  'letter/acknowledge': '10 working days',
  'letter/reply': '30 working days',
  'counter/wait': '2 hours',
  'eservice/acknowledge': '2 working days',
  'eservice/reply': '30 working days',
  'feedback/acknowledge': '5 working days',
  'feedback/respond': '30 working days',
};

/** Clock time that is roughly as long as a working-time limit, for cross-unit comparisons. */
const ROUGH_CLOCK: Record<string, Duration> = {
  'working hour': { amount: 1, unit: 'hour' },
  'working day': { amount: 1, unit: 'day' },
};

function key(slot: Pick<PromisePlace, 'channel' | 'commitment'>): string {
  return `${slot.channel}/${slot.commitment}`;
}

/** Compares durations, reading working time as the same amount of clock time when units differ. */
function roughlySlower(a: Duration, b: Duration): boolean {
  const exact = compareDurations(a, b);
  if (exact !== undefined) return exact === 1;
  const asClock = (duration: Duration): Duration => {
    const rough = ROUGH_CLOCK[duration.unit];
    return rough ? { amount: duration.amount * rough.amount, unit: rough.unit } : duration;
  };
  return compareDurations(asClock(a), asClock(b)) === 1;
}

export default defineRule(
  'implausible-promise',
  'Warns about promises that look like mistakes: a phone answered within hours, an email reply slower than 30 working days, zero times, or an acknowledgement slower than the reply.',
  'warning',
  ({ charter, report }) => {
    const commitments = writtenPromisesOf(charter.data)
      .filter((promise) => promise.measure === 'within')
      .map((promise) => ({ slot: promise.place, path: promise.path, within: promise.value.within, target: promise.value.target }));
    for (const commitment of commitments) {
      const within = parseDuration(commitment.within);
      const name = formatJsonPath(commitment.path);
      if (within) {
        const slowest = parseDuration(SLOWEST[key(commitment.slot)]);
        // `same working day` and `immediately` have no amount, and are real promises, never a zero typed by mistake.
        if (within.amount === 0 && !isFixedDuration(within)) {
          report({ path: [...commitment.path, 'within'], message: message('rules.implausible-promise.zero', { name, within: String(commitment.within) }) });
        } else if (slowest && roughlySlower(within, slowest)) {
          report({
            path: [...commitment.path, 'within'],
            message: message('rules.implausible-promise.too-slow', { name, within: String(commitment.within), slowest: SLOWEST[key(commitment.slot)] ?? '' }),
          });
        }
      }
      const target = parseTarget(commitment.target);
      if (target !== undefined && target < 0.5) {
        report({
          path: [...commitment.path, 'target'],
          message: message('rules.implausible-promise.low-target', { name, percent: Math.round(target * 100) }),
        });
      }
    }
    // An acknowledgement exists to come before the answer.
    for (const channel of ['email', 'letter', 'eservice', 'feedback']) {
      const acknowledge = commitments.find((c) => c.slot.channel === channel && c.slot.commitment === 'acknowledge');
      const answer = commitments.find((c) => c.slot.channel === channel && (c.slot.commitment === 'reply' || c.slot.commitment === 'respond'));
      const ackWithin = parseDuration(acknowledge?.within);
      const answerWithin = parseDuration(answer?.within);
      if (acknowledge && answer && ackWithin && answerWithin && !roughlySlower(answerWithin, ackWithin)) {
        report({
          path: [...acknowledge.path, 'within'],
          message: message('rules.implausible-promise.acknowledge-not-faster', {
            acknowledge: formatJsonPath(acknowledge.path),
            acknowledgeWithin: String(acknowledge.within),
            answer: formatJsonPath(answer.path),
            answerWithin: String(answer.within),
          }),
        });
      }
    }
  },
);
