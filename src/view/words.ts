import { isFixedDuration, parseDuration, type Duration, type DurationUnit } from '../time/duration.js';
import { durationStrings, fill, numberStrings } from './strings.js';
import type { SiteLanguage } from './view-model.js';

/**
 * Durations, numbers and percentages in words for the site's languages, from
 * the word forms and patterns in strings/<lang>.json. Tables, not Intl: the
 * output must be the same on every Node build, and the forms needed (Finnish
 * partitive and genitive) are not what Intl offers anyway.
 */
export type WordsLanguage = SiteLanguage;

/**
 * A decimal number as written ("1.5", "12.50", "2000") in the language's
 * style: decimal comma and no-break-space thousands in fi and sv, point and
 * comma thousands in en. Digits after the point are kept as written.
 */
export function formatNumberText(text: string, lang: WordsLanguage): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction] = match;
  const { groupSeparator, decimalSeparator } = numberStrings(lang);
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, groupSeparator) : whole;
  return `${sign}${grouped}${fraction === undefined ? '' : decimalSeparator + fraction}`;
}

/** A number in the language's style (see formatNumberText). */
export function formatNumber(value: number, lang: WordsLanguage): string {
  return Number.isFinite(value) ? formatNumberText(String(value), lang) : String(value);
}

/**
 * "2 working days", "2 arbetsdagar", "2 työpäivää"; 1 takes the singular, every other amount (0, 1.5, 2) the plural (Finnish: partitive singular).
 * A duration without an amount is its phrase: "the same working day", "samma arbetsdag", "samana työpäivänä"; "immediately", "genast", "heti".
 */
export function durationInWords(duration: Duration, lang: WordsLanguage): string {
  if (isFixedDuration(duration)) return durationStrings(lang).units[duration.unit].one;
  return `${formatNumber(duration.amount, lang)} ${unitInWords(duration.amount, duration.unit, lang)}`;
}

/** The word for a unit after an amount already written out: "working day" after 1, "working days" after 1.5 (Finnish: "työpäivä", "työpäivää"). */
export function unitInWords(amount: number, unit: DurationUnit, lang: WordsLanguage): string {
  const forms = durationStrings(lang).units[unit];
  return amount === 1 ? forms.one : forms.other;
}

/** The time limit of a commitment: "within 2 working days", "inom 2 arbetsdagar", "2 työpäivän kuluessa"; "the same working day", "immediately" as they are. */
export function withinInWords(duration: Duration, lang: WordsLanguage): string {
  if (isFixedDuration(duration)) return durationInWords(duration, lang);
  return durationPhrase(durationStrings(lang).within, duration, lang);
}

/** A recurring interval: "every 12 months" / "every month", "var 12:e månad" / "varje månad", "12 kuukauden välein" / "kuukauden välein". */
export function everyInWords(duration: Duration, lang: WordsLanguage): string {
  if (isFixedDuration(duration)) return durationInWords(duration, lang);
  const every = durationStrings(lang).every;
  const pattern = duration.amount === 1 ? every.one : Number.isInteger(duration.amount) ? every.whole : every.fraction;
  return durationPhrase(pattern, duration, lang);
}

const PHRASES = new Map<string, string>();

/** Fills a duration pattern: `{amount}`, `{unit}` (the form that follows the amount), `{ordinal}` and the unit's named forms. */
function durationPhrase(pattern: string, duration: Duration, lang: WordsLanguage): string {
  // Every commitment of every page asks, for a handful of different durations: keep the answers.
  const key = `${lang}\0${duration.unit}\0${duration.amount}\0${pattern}`;
  let phrase = PHRASES.get(key);
  if (phrase === undefined) {
    const forms = durationStrings(lang).units[duration.unit];
    phrase = fill(pattern, {
      ...forms,
      amount: formatNumber(duration.amount, lang),
      unit: unitInWords(duration.amount, duration.unit, lang),
      ordinal: ordinalSuffix(duration.amount, lang),
    });
    if (PHRASES.size < 10_000) PHRASES.set(key, phrase);
  }
  return phrase;
}

/** The suffix of an ordinal written in digits: Swedish 1:a, 2:a, 3:e … 11:e, 12:e … 21:a, 22:a; nothing in the other languages. */
function ordinalSuffix(value: number, lang: WordsLanguage): string {
  if (lang !== 'sv') return '';
  const lastTwo = value % 100;
  const last = value % 10;
  return (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? 'a' : 'e';
}

/** A fraction as a percentage: "90 %" (fi, sv, with a no-break space) or "90%" (en); one decimal at most ("92,5 %"). */
export function formatPercent(fraction: number, lang: WordsLanguage): string {
  const percent = Math.round(fraction * 1000) / 10;
  return fill(numberStrings(lang).percent, { number: formatNumber(percent, lang) });
}

/**
 * An authority limit: a duration in words ("14 days", "14 päivää"), or an
 * amount with a currency code whose number follows the language's style
 * ("1,000 EUR", "1 000 EUR", "12,50 EUR"). Anything else is returned as written.
 */
export function formatAmountLimit(limit: string, lang: WordsLanguage): string {
  const text = limit.trim();
  const duration = parseDuration(text);
  if (duration) return durationInWords(duration, lang);
  const amount = /^(\d+(?:\.\d+)?) ?([A-Z]{3}|€)$/.exec(text);
  if (amount) return `${formatNumberText(amount[1] as string, lang)} ${amount[2] as string}`;
  return text;
}
