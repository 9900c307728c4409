import { formatJsonPath } from '../model/diagnostic.js';
import { COMPLAINTS_CHANNEL, FEEDBACK_CHANNEL, SERVICES_CHANNEL, writtenPromisesOf, type WrittenPromise } from '../model/commitments.js';
import { compareDurations, isFixedDuration, parseDuration, parseTarget, type Duration } from '../time/duration.js';
import { coveringVariant, variantListPath } from './promise-scope.js';
import { defineRule, type RuleReport } from './rule.js';
import { message } from '../messages/message.js';

/**
 * The slowest time limit that still makes sense per promise (`channel/promise`;
 * `services/*` for every outcome promise of a service); slower ones are
 * probably typos. Each is above the real limits charters promise, statutory
 * ones included: 20 working days for an information request, 28 or 30 days
 * for a letter or a complaint, 50 working days or 56 days for a decision.
 */
const SLOWEST: Readonly<Record<string, string>> = {
  'phone/answer': '10 minutes',
  'phone/callback': '5 working days',
  'email/acknowledge': '2 working days',
  'email/reply': '30 working days',
  'letter/acknowledge': '10 working days',
  'letter/reply': '30 working days',
  'counter/wait': '2 hours',
  'eservice/acknowledge': '2 working days',
  'eservice/reply': '30 working days',
  'chat/answer': '15 minutes',
  'chat/reply': '10 working days',
  'video/appointment': '30 working days',
  'sms/reply': '5 working days',
  'relay/answer': '15 minutes',
  'suomifiMessages/acknowledge': '2 working days',
  'suomifiMessages/reply': '30 working days',
  'homeVisit/appointment': '60 working days',
  'feedback/acknowledge': '5 working days',
  'feedback/respond': '30 working days',
  'complaints/acknowledge': '10 working days',
  'complaints/respond': '60 working days',
  'services/*': '1 year',
};

/** The slowest average speed of answer that still makes sense, per channel. */
const SLOWEST_AVERAGE: Readonly<Record<string, string>> = {
  phone: '15 minutes',
  chat: '15 minutes',
};

/** The promise that an acknowledgement comes before, per channel. */
const ANSWER_OF_ACKNOWLEDGE: Readonly<Record<string, string>> = {
  email: 'reply',
  letter: 'reply',
  eservice: 'reply',
  suomifiMessages: 'reply',
  [FEEDBACK_CHANNEL]: 'respond',
  [COMPLAINTS_CHANNEL]: 'respond',
};

/** Above this share of abandoned contacts, an abandonment promise is no promise. */
const MOST_ABANDONED = 0.5;

/** Clock time that is roughly as long as a working-time limit, for cross-unit comparisons. */
const ROUGH_CLOCK: Record<string, Duration> = {
  'working hour': { amount: 1, unit: 'hour' },
  'working day': { amount: 1, unit: 'day' },
};

function slowestFor(promise: WrittenPromise): string | undefined {
  const { channel, commitment } = promise.place;
  if (promise.measure === 'average') return SLOWEST_AVERAGE[channel];
  return channel === SERVICES_CHANNEL ? SLOWEST[`${channel}/*`] : SLOWEST[`${channel}/${commitment}`];
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

/** The line (a channel line, a complaint stage, feedback) a promise is on, as its path: promises at `<line>.<key>` or `<line>.<key>[i]`. */
function lineKey(promise: WrittenPromise): string {
  return formatJsonPath(variantListPath(promise).slice(0, -1));
}

/** A time limit that is zero, or slower than anyone would wait; a target below half. */
function checkLimit(promise: WrittenPromise, report: (report: RuleReport) => void): void {
  const name = formatJsonPath(promise.path);
  const within = parseDuration(promise.value.within);
  if (within) {
    const slowest = slowestFor(promise);
    const slowestDuration = parseDuration(slowest);
    // `same working day` and `immediately` have no amount, and are real promises, never a zero typed by mistake.
    if (within.amount === 0 && !isFixedDuration(within)) {
      report({ path: [...promise.path, 'within'], message: message('rules.implausible-promise.zero', { name, within: String(promise.value.within) }) });
    } else if (slowest !== undefined && slowestDuration && roughlySlower(within, slowestDuration)) {
      report({
        path: [...promise.path, 'within'],
        message: message(promise.measure === 'average' ? 'rules.implausible-promise.average-too-slow' : 'rules.implausible-promise.too-slow', {
          name,
          within: String(promise.value.within),
          slowest,
        }),
      });
    }
  }
  if (promise.measure !== 'within') return;
  const target = parseTarget(promise.value.target);
  if (target !== undefined && target < 0.5) {
    report({
      path: [...promise.path, 'target'],
      message: message('rules.implausible-promise.low-target', { name, percent: Math.round(target * 100) }),
    });
  }
}

/** An abandonment rate of 0% (no caller ever gives up) or above half. */
function checkAbandonment(promise: WrittenPromise, report: (report: RuleReport) => void): void {
  const atMost = promise.value.atMost === undefined ? undefined : parseTarget(promise.value.atMost);
  if (atMost === undefined) return;
  const name = formatJsonPath(promise.path);
  const path = [...promise.path, 'atMost'];
  if (atMost === 0) report({ path, message: message('rules.implausible-promise.no-abandoned', { name }) });
  else if (atMost > MOST_ABANDONED) report({ path, message: message('rules.implausible-promise.most-abandoned', { name, percent: Math.round(atMost * 100) }) });
}

export default defineRule(
  'implausible-promise',
  'Warns about promises that look like mistakes: a time slower than anyone would wait, zero times, a target under 50%, an abandonment rate of 0% or over 50%, an average longer than a limit every contact meets, or an acknowledgement slower than the reply.',
  'warning',
  ({ charter, report }) => {
    const promises = writtenPromisesOf(charter.data);
    for (const promise of promises) {
      if (promise.measure === 'abandoned') checkAbandonment(promise, report);
      else checkLimit(promise, report);
    }
    // The promises of each line (a channel line, a complaint stage, feedback), compared with each other.
    const lines = new Map<string, WrittenPromise[]>();
    for (const promise of promises) {
      if (promise.place.channel === SERVICES_CHANNEL) continue;
      const key = lineKey(promise);
      const onLine = lines.get(key);
      if (onLine) onLine.push(promise);
      else lines.set(key, [promise]);
    }
    for (const onLine of lines.values()) {
      const variantsOf = (commitment: string, measure: WrittenPromise['measure'] = 'within'): WrittenPromise[] =>
        onLine.filter((promise) => promise.measure === measure && promise.place.commitment === commitment);
      // An acknowledgement exists to come before the answer: each variant against the answer for the same customers.
      const channel = onLine[0]?.place.channel ?? '';
      const answerKey = ANSWER_OF_ACKNOWLEDGE[channel];
      if (answerKey !== undefined) {
        const answers = variantsOf(answerKey);
        for (const acknowledge of variantsOf('acknowledge')) {
          const answer = coveringVariant(answers, acknowledge.place);
          const ackWithin = parseDuration(acknowledge.value.within);
          const answerWithin = parseDuration(answer?.value.within);
          if (answer && ackWithin && answerWithin && !roughlySlower(answerWithin, ackWithin)) {
            report({
              path: [...acknowledge.path, 'within'],
              message: message('rules.implausible-promise.acknowledge-not-faster', {
                acknowledge: formatJsonPath(acknowledge.path),
                acknowledgeWithin: String(acknowledge.value.within),
                answer: formatJsonPath(answer.path),
                answerWithin: String(answer.value.within),
              }),
            });
          }
        }
      }
      // If every contact is answered within the limit (a target of 100%), the average is within it too.
      const answers = variantsOf('answer');
      for (const average of variantsOf('answer', 'average')) {
        const answer = coveringVariant(answers, average.place);
        const averageWithin = parseDuration(average.value.within);
        const answerWithin = parseDuration(answer?.value.within);
        if (answer && parseTarget(answer.value.target) === 1 && averageWithin && answerWithin && compareDurations(averageWithin, answerWithin) === 1) {
          report({
            path: [...average.path, 'within'],
            message: message('rules.implausible-promise.average-over-limit', {
              average: formatJsonPath(average.path),
              averageWithin: String(average.value.within),
              answer: formatJsonPath(answer.path),
              answerWithin: String(answer.value.within),
            }),
          });
        }
      }
    }
  },
);
