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
  'channels.phone.?.note': 'rules.text-translated.line-note',
  'channels.phone.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.phone.?.answer.?.otherwise': 'rules.text-translated.otherwise',
  'channels.phone.?.callback.?.otherwise': 'rules.text-translated.otherwise',
  'channels.email.?.note': 'rules.text-translated.line-note',
  'channels.email.?.acknowledge.?.otherwise': 'rules.text-translated.otherwise',
  'channels.email.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.letter.?.note': 'rules.text-translated.line-note',
  'channels.letter.?.acknowledge.?.otherwise': 'rules.text-translated.otherwise',
  'channels.letter.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.counter.?.note': 'rules.text-translated.line-note',
  'channels.counter.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.counter.?.wait.?.otherwise': 'rules.text-translated.otherwise',
  'channels.eservice.?.note': 'rules.text-translated.line-note',
  'channels.eservice.?.acknowledge.?.otherwise': 'rules.text-translated.otherwise',
  'channels.eservice.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.chat.?.note': 'rules.text-translated.line-note',
  'channels.chat.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.chat.?.answer.?.otherwise': 'rules.text-translated.otherwise',
  'channels.chat.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.video.?.note': 'rules.text-translated.line-note',
  'channels.video.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.video.?.appointment.?.otherwise': 'rules.text-translated.otherwise',
  'channels.sms.?.note': 'rules.text-translated.line-note',
  'channels.sms.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.sms.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.relay.?.note': 'rules.text-translated.line-note',
  'channels.relay.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.relay.?.answer.?.otherwise': 'rules.text-translated.otherwise',
  'channels.suomifiMessages.?.note': 'rules.text-translated.line-note',
  'channels.suomifiMessages.?.acknowledge.?.otherwise': 'rules.text-translated.otherwise',
  'channels.suomifiMessages.?.reply.?.otherwise': 'rules.text-translated.otherwise',
  'channels.homeVisit.?.note': 'rules.text-translated.line-note',
  'channels.homeVisit.?.hours.exceptions.*.note': 'rules.text-translated.note',
  'channels.homeVisit.?.appointment.?.otherwise': 'rules.text-translated.otherwise',
  'channels.phone.?.greeting': 'rules.text-translated.greeting',
  'channels.counter.?.appointments': 'rules.text-translated.appointments',
  'channels.video.?.booking': 'rules.text-translated.booking',
  'channels.homeVisit.?.booking': 'rules.text-translated.booking',
  'channels.relay.?.how': 'rules.text-translated.relay-how',
  'customerGroups.*.description': 'rules.text-translated.group-description',
  'services.*.description': 'rules.text-translated.service-description',
  'services.*.clockStarts': 'rules.text-translated.clock-starts',
  'services.*.promises.*.name': 'rules.text-translated.service-promise-name',
  'services.*.promises.*.clockStarts': 'rules.text-translated.clock-starts',
  'services.*.promises.*.otherwise': 'rules.text-translated.otherwise',
  'absence.outOfOffice': 'rules.text-translated.out-of-office',
  'feedback.channel': 'rules.text-translated.feedback-channel',
  'feedback.acknowledge.otherwise': 'rules.text-translated.otherwise',
  'feedback.respond.otherwise': 'rules.text-translated.otherwise',
  'complaints.how': 'rules.text-translated.complaints-how',
  'complaints.stages.*.name': 'rules.text-translated.stage-name',
  'complaints.stages.*.how': 'rules.text-translated.complaints-how',
  'complaints.stages.*.acknowledge.?.otherwise': 'rules.text-translated.otherwise',
  'complaints.stages.*.respond.?.otherwise': 'rules.text-translated.otherwise',
  'complaints.external.*.how': 'rules.text-translated.external-how',
  'handover.record': 'rules.text-translated.handover-record',
  'handover.rules.*': 'rules.text-translated.handover-rule',
  'touchpoints.*.description': 'rules.text-translated.touchpoint-description',
  'authority.*.decision': 'rules.text-translated.decision',
  'guide.*.title': 'rules.text-translated.guide-title',
  'guide.*.text': 'rules.text-translated.guide-text',
  'improvements.*.said': 'rules.text-translated.said',
  'improvements.*.did': 'rules.text-translated.did',
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
  'customerGroups.*.name',
  'channels.phone.?.name',
  'channels.email.?.name',
  'channels.letter.?.name',
  'channels.counter.?.name',
  'channels.eservice.?.name',
  'channels.chat.?.name',
  'channels.video.?.name',
  'channels.sms.?.name',
  'channels.relay.?.name',
  'channels.suomifiMessages.?.name',
  'channels.homeVisit.?.name',
  'channels.letter.?.address',
  'channels.counter.?.address',
  'channels.homeVisit.?.area',
  'services.*.name',
  'complaints.external.*.name',
  'touchpoints.*.name',
];

const PATTERNS = Object.entries(PROSE_FIELDS).map(([pattern, what]) => ({ steps: pattern.split('.'), what }));

/** Calls `visit` for each value at a pattern's path, `*` standing for every item of a list, `?` for one value or every item of a list. */
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
  if (step === '?') {
    // One, or a list of them (a channel's lines, a promise's variants).
    if (Array.isArray(data)) data.forEach((item, index) => forEachAt(item, rest, visit, [...path, index]));
    else forEachAt(data, rest, visit, path);
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
