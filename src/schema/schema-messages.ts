import type { MessageId } from '../messages/catalog.js';

/**
 * The schema's own `errorMessage` texts, by where they sit in
 * schema/charter.schema.json (a JSON Pointer; an errorMessage written as an
 * object adds the keyword it answers, `_` for the rest). The schema keeps its
 * English for editors; the command line says each one through the message of
 * catalogs/<lang>/schema.json named here, whose English is the schema's text
 * after `{where}`. test/schema/schema-messages.test.ts fails when an
 * errorMessage has no entry.
 */
export const ERROR_MESSAGE_IDS: Readonly<Record<string, MessageId>> = {
  '#/properties/charter/errorMessage': 'schema.error-message.charter',
  '#/properties/extends/errorMessage': 'schema.error-message.extends',
  '#/definitions/PtvId/errorMessage': 'schema.error-message.ptv-id',
  '#/definitions/UnitId/errorMessage/not': 'schema.error-message.unit-id-reserved',
  '#/definitions/UnitId/errorMessage/_': 'schema.error-message.unit-id',
  '#/definitions/Slug/errorMessage': 'schema.error-message.slug',
  '#/definitions/ContactRef/errorMessage': 'schema.error-message.contact-ref',
  '#/definitions/LanguageTag/errorMessage': 'schema.error-message.language-tag',
  '#/definitions/Text/errorMessage/type': 'schema.error-message.text-type',
  '#/definitions/Text/errorMessage/propertyNames': 'schema.error-message.text-language-keys',
  '#/definitions/Text/errorMessage/minLength': 'schema.error-message.text-empty',
  '#/definitions/Text/errorMessage/minProperties': 'schema.error-message.text-no-language',
  '#/definitions/Markdown/errorMessage/type': 'schema.error-message.markdown-type',
  '#/definitions/Markdown/errorMessage/propertyNames': 'schema.error-message.markdown-language-keys',
  '#/definitions/Markdown/errorMessage/minLength': 'schema.error-message.markdown-empty',
  '#/definitions/Markdown/errorMessage/minProperties': 'schema.error-message.markdown-no-language',
  '#/definitions/Duration/errorMessage': 'schema.error-message.duration',
  '#/definitions/PromiseDuration/errorMessage': 'schema.error-message.promise-duration',
  '#/definitions/Percent/errorMessage': 'schema.error-message.percent',
  '#/definitions/Date/errorMessage': 'schema.error-message.date',
  '#/definitions/Time/errorMessage': 'schema.error-message.time',
  '#/definitions/Days/items/errorMessage': 'schema.error-message.days-item',
  '#/definitions/Days/errorMessage/type': 'schema.error-message.days-type',
  '#/definitions/Days/errorMessage/pattern': 'schema.error-message.days-pattern',
  '#/definitions/OfficeHours/properties/holidays/errorMessage': 'schema.error-message.holidays',
  '#/definitions/Phone/errorMessage': 'schema.error-message.phone',
  '#/definitions/Email/errorMessage': 'schema.error-message.email',
  '#/definitions/Url/errorMessage': 'schema.error-message.url',
  '#/definitions/ClosedDay/properties/closed/errorMessage': 'schema.error-message.closed',
  '#/definitions/Amount/errorMessage': 'schema.error-message.amount',
};

/**
 * The `title` of each definition a oneOf/anyOf may be read as, with its
 * article ("a closed day"), for "read as a closed day; it could also be ...".
 * test/schema/schema-messages.test.ts fails when a titled branch has none.
 */
export const BRANCH_TITLE_IDS: Readonly<Record<string, MessageId>> = {
  ClosedDay: 'schema.branch.closed-day',
  SpecialHours: 'schema.branch.special-hours',
  Duration: 'schema.branch.duration',
  Amount: 'schema.branch.amount',
  Commitment: 'schema.branch.commitment',
  CommitmentList: 'schema.branch.commitment-list',
  AveragePromise: 'schema.branch.average-promise',
  AveragePromiseList: 'schema.branch.average-promise-list',
  AbandonmentPromise: 'schema.branch.abandonment-promise',
  AbandonmentPromiseList: 'schema.branch.abandonment-promise-list',
  PhoneChannel: 'schema.branch.phone-channel',
  PhoneLines: 'schema.branch.phone-lines',
  EmailChannel: 'schema.branch.email-channel',
  EmailLines: 'schema.branch.email-lines',
  LetterChannel: 'schema.branch.letter-channel',
  LetterLines: 'schema.branch.letter-lines',
  CounterChannel: 'schema.branch.counter-channel',
  CounterLines: 'schema.branch.counter-lines',
  EServiceChannel: 'schema.branch.eservice-channel',
  EServiceLines: 'schema.branch.eservice-lines',
  ChatChannel: 'schema.branch.chat-channel',
  ChatLines: 'schema.branch.chat-lines',
  VideoChannel: 'schema.branch.video-channel',
  VideoLines: 'schema.branch.video-lines',
  SmsChannel: 'schema.branch.sms-channel',
  SmsLines: 'schema.branch.sms-lines',
  RelayChannel: 'schema.branch.relay-channel',
  RelayLines: 'schema.branch.relay-lines',
  SuomifiMessagesChannel: 'schema.branch.suomifi-messages-channel',
  SuomifiMessagesLines: 'schema.branch.suomifi-messages-lines',
  HomeVisitChannel: 'schema.branch.home-visit-channel',
  HomeVisitLines: 'schema.branch.home-visit-lines',
};
