import type { JsonPath } from '../model/diagnostic.js';
import { isPlainObject } from '../model/charter-data.js';
import { declaredLanguages } from './access.js';
import { defineRule } from './rule.js';
import type { MessageId } from '../messages/catalog.js';
import { listOf, message } from '../messages/message.js';

/**
 * Every text field of the format, by where it is in a charter (`*` is any
 * list item), and whether a plain string may stand for all languages.
 * Prose, the sentences a customer or an official reads, must be written in
 * each language; names, addresses and labels may be one string. Each prose
 * field names the words for "this greeting" in its message.
 * test/rules/text-translated.test.ts checks that every text field of the
 * schema is listed here, so a new field has to be decided on.
 */
export const PROSE_FIELDS: Readonly<Record<string, MessageId>> = {
  'unit.summary': 'rules.text-translated.summary',
  'hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.phone.greeting': 'rules.text-translated.greeting',
  'channels.phone.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.counter.appointments': 'rules.text-translated.appointments',
  'channels.counter.hours.exceptions.*.note': 'rules.text-translated.note',
  'absence.outOfOffice': 'rules.text-translated.out-of-office',
  'feedback.channel': 'rules.text-translated.feedback-channel',
  'handover.record': 'rules.text-translated.handover-record',
  'handover.rules.*': 'rules.text-translated.handover-rule',
  'touchpoints.*.description': 'rules.text-translated.touchpoint-description',
  'authority.*.decision': 'rules.text-translated.decision',
  'guide.*.title': 'rules.text-translated.guide-title',
  'guide.*.text': 'rules.text-translated.guide-text',
  'improvements.*.said': 'rules.text-translated.said',
  'improvements.*.did': 'rules.text-translated.did',
  'channels.phone.answer.otherwise': 'rules.text-translated.otherwise',
  'channels.phone.callback.otherwise': 'rules.text-translated.otherwise',
  'channels.email.acknowledge.otherwise': 'rules.text-translated.otherwise',
  'channels.email.reply.otherwise': 'rules.text-translated.otherwise',
  'channels.letter.acknowledge.otherwise': 'rules.text-translated.otherwise',
  'channels.letter.reply.otherwise': 'rules.text-translated.otherwise',
  'channels.counter.wait.otherwise': 'rules.text-translated.otherwise',
  'channels.eservice.acknowledge.otherwise': 'rules.text-translated.otherwise',
  'channels.eservice.reply.otherwise': 'rules.text-translated.otherwise',
  'feedback.acknowledge.otherwise': 'rules.text-translated.otherwise',
  'feedback.respond.otherwise': 'rules.text-translated.otherwise',
  'accessibility.*.how': 'rules.text-translated.accessibility-how',
  'accessibility.*.note': 'rules.text-translated.accessibility-note',
};

/** Text fields that may be one plain string: names, addresses and labels, often the same in every language. */
export const NAME_FIELDS: readonly string[] = [
  'unit.name',
  'unit.organisation',
  'review.approvedBy',
  'contacts.*.name',
  'contacts.*.role',
  'channels.letter.address',
  'channels.counter.address',
  'channels.eservice.name',
  'touchpoints.*.name',
];

const PATTERNS = Object.entries(PROSE_FIELDS).map(([pattern, what]) => ({ steps: pattern.split('.'), what }));

/** Calls `visit` for each value at a pattern's path, `*` standing for every item of a list. */
function forEachAt(data: unknown, steps: readonly string[], visit: (value: unknown, path: JsonPath) => void, path: (string | number)[] = []): void {
  const [step, ...rest] = steps;
  if (step === undefined) {
    visit(data, path);
    return;
  }
  if (step === '*') {
    if (Array.isArray(data)) data.forEach((item, index) => forEachAt(item, rest, visit, [...path, index]));
    return;
  }
  if (isPlainObject(data) && Object.hasOwn(data, step)) forEachAt(data[step], rest, visit, [...path, step]);
}

export default defineRule(
  'text-translated',
  'In a charter written in more than one language, prose (greetings, guide rules, messages, notes, summaries) is written in each of them, not as one plain string.',
  'error',
  ({ charter, report }) => {
    const languages = declaredLanguages(charter.data);
    if (languages.length < 2) return;
    const keys = listOf(languages.map((language) => `\`${language}:\``));
    for (const { steps, what } of PATTERNS) {
      forEachAt(charter.data, steps, (value, path) => {
        if (typeof value === 'string') report({ path, message: message('rules.text-translated.plain', { what: message(what), keys }) });
      });
    }
  },
);
