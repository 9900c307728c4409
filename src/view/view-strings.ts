import type { CommitmentSlot } from '../model/commitments.js';
import type { SiteLanguage } from './view-model.js';

/**
 * Words that charter views are built from: channel titles, commitment labels
 * and sentences, charges, review status. The interface chrome (headings,
 * buttons, navigation) lives in i18n.ts.
 *
 * Placeholders: `{within}` is the time limit already in words and in the right
 * case ("within 2 working days", "inom 2 arbetsdagar", "2 työpäivän kuluessa");
 * `{target}` a percentage ("90%", "90 %"); `{date}` a formatted date.
 */

export const CHANNEL_KEYS = ['phone', 'email', 'letter', 'counter', 'eservice'] as const;
export type ChannelKey = (typeof CHANNEL_KEYS)[number];

type SlotKeyOf<S> = S extends { readonly channel: infer C extends string; readonly commitment: infer M extends string } ? `${C}.${M}` : never;
/** `phone.answer`, `email.reply`, `feedback.respond`… */
export type CommitmentSlotKey = SlotKeyOf<CommitmentSlot>;

export function commitmentSlotKey(slot: CommitmentSlot): CommitmentSlotKey {
  return `${slot.channel}.${slot.commitment}` as CommitmentSlotKey;
}

export type PhoneCharge = 'free' | 'local' | 'chargeable';
export type SubstituteRule = 'required' | 'recommended';
export type ReviewStatus = 'ok' | 'due-soon' | 'overdue';

export interface ViewStrings {
  readonly channelTitles: Readonly<Record<ChannelKey, string>>;
  /** `label` is short (label/value layouts); `sentence` is a whole promise without its target and full stop. */
  readonly commitments: Readonly<Record<CommitmentSlotKey, { readonly label: string; readonly sentence: string }>>;
  /** Appended to a sentence when the target is below 100 %. */
  readonly targetClause: string;
  readonly details: {
    readonly phoneNumber: string;
    readonly charge: string;
    readonly emailAddress: string;
    readonly postalAddress: string;
    readonly visitingAddress: string;
    readonly appointments: string;
    readonly eservice: string;
  };
  readonly charges: Readonly<Record<PhoneCharge, string>>;
  readonly closed: string;
  /** By holiday calendar code (`hours.holidays`). */
  readonly holidaysNotes: Readonly<Record<string, string>>;
  readonly substitute: Readonly<Record<SubstituteRule, string>>;
  readonly reviewStatus: Readonly<Record<ReviewStatus, string>>;
}

const EN: ViewStrings = {
  channelTitles: { phone: 'Phone', email: 'Email', letter: 'Post', counter: 'Service point', eservice: 'Online service' },
  commitments: {
    'phone.answer': { label: 'Answering calls', sentence: 'We answer calls {within}' },
    'phone.callback': { label: 'Call-back', sentence: 'We call you back {within}' },
    'email.acknowledge': { label: 'Confirmation of receipt', sentence: 'We confirm receipt of emails {within}' },
    'email.reply': { label: 'Reply', sentence: 'We reply to emails {within}' },
    'letter.reply': { label: 'Reply', sentence: 'We reply to letters {within}' },
    'counter.wait': { label: 'Waiting time', sentence: 'At the service point, we serve you {within}' },
    'eservice.acknowledge': { label: 'Confirmation of receipt', sentence: 'We confirm receipt of online service messages {within}' },
    'eservice.reply': { label: 'Reply', sentence: 'We reply to online service messages {within}' },
    'feedback.acknowledge': { label: 'Confirmation of receipt', sentence: 'We confirm receipt of feedback {within}' },
    'feedback.respond': { label: 'Response', sentence: 'We respond to feedback {within}' },
  },
  targetClause: ' in at least {target} of cases',
  details: {
    phoneNumber: 'Phone number',
    charge: 'Call charge',
    emailAddress: 'Email address',
    postalAddress: 'Postal address',
    visitingAddress: 'Visiting address',
    appointments: 'Appointments',
    eservice: 'Online service',
  },
  charges: {
    free: 'Free of charge',
    local: 'Local network or mobile call charge',
    chargeable: 'Chargeable service number',
  },
  closed: 'Closed',
  holidaysNotes: { FI: 'Closed on Finnish public holidays, Midsummer Eve and Christmas Eve.' },
  substitute: { required: 'A substitute is required.', recommended: 'A substitute is recommended.' },
  reviewStatus: {
    ok: 'Next review by {date}',
    'due-soon': 'Review due by {date}',
    overdue: 'Review overdue since {date}',
  },
};

const SV: ViewStrings = {
  channelTitles: { phone: 'Telefon', email: 'E-post', letter: 'Post', counter: 'Servicepunkt', eservice: 'E-tjänst' },
  commitments: {
    'phone.answer': { label: 'Svar på samtal', sentence: 'Vi svarar på samtal {within}' },
    'phone.callback': { label: 'Återuppringning', sentence: 'Vi ringer upp dig {within}' },
    'email.acknowledge': { label: 'Mottagningsbekräftelse', sentence: 'Vi bekräftar att vi har tagit emot e-post {within}' },
    'email.reply': { label: 'Svar', sentence: 'Vi svarar på e-post {within}' },
    'letter.reply': { label: 'Svar', sentence: 'Vi svarar på brev {within}' },
    'counter.wait': { label: 'Väntetid', sentence: 'Vid servicepunkten betjänar vi dig {within}' },
    'eservice.acknowledge': { label: 'Mottagningsbekräftelse', sentence: 'Vi bekräftar att vi har tagit emot meddelanden i e-tjänsten {within}' },
    'eservice.reply': { label: 'Svar', sentence: 'Vi svarar på meddelanden i e-tjänsten {within}' },
    'feedback.acknowledge': { label: 'Mottagningsbekräftelse', sentence: 'Vi bekräftar att vi har tagit emot respons {within}' },
    'feedback.respond': { label: 'Svar', sentence: 'Vi besvarar respons {within}' },
  },
  targetClause: ' i minst {target} av fallen',
  details: {
    phoneNumber: 'Telefonnummer',
    charge: 'Samtalskostnad',
    emailAddress: 'E-postadress',
    postalAddress: 'Postadress',
    visitingAddress: 'Besöksadress',
    appointments: 'Tidsbokning',
    eservice: 'E-tjänst',
  },
  charges: {
    free: 'Avgiftsfritt',
    local: 'Lokalnätsavgift eller mobilsamtalsavgift',
    chargeable: 'Avgiftsbelagt servicenummer',
  },
  closed: 'Stängt',
  holidaysNotes: { FI: 'Stängt på finländska helgdagar, midsommarafton och julafton.' },
  substitute: { required: 'En ersättare måste utses.', recommended: 'Det rekommenderas att en ersättare utses.' },
  reviewStatus: {
    ok: 'Nästa granskning senast {date}',
    'due-soon': 'Granskningen ska göras senast {date}',
    overdue: 'Granskningen är försenad sedan {date}',
  },
};

/**
 * Finnish promises put the time limit in the genitive ("30 sekunnin
 * kuluessa"), which is correct for every amount and unit, and the target in
 * the inessive of the percent sign ("90 %:ssa").
 */
const FI: ViewStrings = {
  channelTitles: { phone: 'Puhelin', email: 'Sähköposti', letter: 'Posti', counter: 'Palvelupiste', eservice: 'Verkkoasiointi' },
  commitments: {
    'phone.answer': { label: 'Puheluihin vastaaminen', sentence: 'Vastaamme puheluihin {within}' },
    'phone.callback': { label: 'Takaisinsoitto', sentence: 'Soitamme takaisin {within} soittopyynnöstä' },
    'email.acknowledge': { label: 'Vastaanottokuittaus', sentence: 'Vahvistamme sähköpostiviestin vastaanottamisen {within}' },
    'email.reply': { label: 'Vastaus', sentence: 'Vastaamme sähköpostiviesteihin {within}' },
    'letter.reply': { label: 'Vastaus', sentence: 'Vastaamme kirjeisiin {within}' },
    'counter.wait': { label: 'Odotusaika', sentence: 'Palvelupisteessä pääset asioimaan {within}' },
    'eservice.acknowledge': { label: 'Vastaanottokuittaus', sentence: 'Vahvistamme verkkoasioinnin viestin vastaanottamisen {within}' },
    'eservice.reply': { label: 'Vastaus', sentence: 'Vastaamme verkkoasioinnin viesteihin {within}' },
    'feedback.acknowledge': { label: 'Vastaanottokuittaus', sentence: 'Vahvistamme palautteen vastaanottamisen {within}' },
    'feedback.respond': { label: 'Vastaus palautteeseen', sentence: 'Vastaamme palautteeseen {within}' },
  },
  targetClause: ' vähintään {target}:ssa tapauksista',
  details: {
    phoneNumber: 'Puhelinnumero',
    charge: 'Puhelun hinta',
    emailAddress: 'Sähköpostiosoite',
    postalAddress: 'Postiosoite',
    visitingAddress: 'Käyntiosoite',
    appointments: 'Ajanvaraus',
    eservice: 'Verkkopalvelu',
  },
  charges: {
    free: 'Maksuton',
    local: 'Paikallisverkko- tai matkapuhelinmaksu',
    chargeable: 'Maksullinen palvelunumero',
  },
  closed: 'Suljettu',
  holidaysNotes: { FI: 'Suljettu arkipyhinä sekä juhannus- ja jouluaattona.' },
  substitute: { required: 'Sijainen on nimettävä.', recommended: 'Sijaisen nimeämistä suositellaan.' },
  reviewStatus: {
    ok: 'Seuraava tarkistus viimeistään {date}',
    'due-soon': 'Tarkistus on tehtävä viimeistään {date}',
    overdue: 'Tarkistus on myöhässä, määräpäivä oli {date}',
  },
};

export const VIEW_STRINGS: Readonly<Record<SiteLanguage, ViewStrings>> = { en: EN, sv: SV, fi: FI };

export function viewStrings(lang: SiteLanguage): ViewStrings {
  return VIEW_STRINGS[lang];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
