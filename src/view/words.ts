import { parseDuration, type Duration, type DurationUnit } from '../time/duration.js';

/**
 * Durations, numbers and percentages in words for the site's languages. Tables,
 * not Intl: the output must be the same on every Node build, and the forms
 * needed (Finnish partitive and genitive) are not what Intl offers anyway.
 */
export type WordsLanguage = 'fi' | 'sv' | 'en';

const NBSP = '\u00a0';

/** Word forms of each unit. Finnish: nominative for 1, partitive singular for other amounts, genitive for "X:n kuluessa". */
interface UnitForms {
  readonly one: string;
  readonly other: string;
}

const UNIT_WORDS: Record<WordsLanguage, Record<DurationUnit, UnitForms>> = {
  en: {
    second: { one: 'second', other: 'seconds' },
    minute: { one: 'minute', other: 'minutes' },
    hour: { one: 'hour', other: 'hours' },
    'working hour': { one: 'working hour', other: 'working hours' },
    day: { one: 'day', other: 'days' },
    'working day': { one: 'working day', other: 'working days' },
    week: { one: 'week', other: 'weeks' },
    month: { one: 'month', other: 'months' },
  },
  sv: {
    second: { one: 'sekund', other: 'sekunder' },
    minute: { one: 'minut', other: 'minuter' },
    hour: { one: 'timme', other: 'timmar' },
    'working hour': { one: 'arbetstimme', other: 'arbetstimmar' },
    day: { one: 'dag', other: 'dagar' },
    'working day': { one: 'arbetsdag', other: 'arbetsdagar' },
    week: { one: 'vecka', other: 'veckor' },
    month: { one: 'månad', other: 'månader' },
  },
  fi: {
    second: { one: 'sekunti', other: 'sekuntia' },
    minute: { one: 'minuutti', other: 'minuuttia' },
    hour: { one: 'tunti', other: 'tuntia' },
    'working hour': { one: 'työtunti', other: 'työtuntia' },
    day: { one: 'päivä', other: 'päivää' },
    'working day': { one: 'työpäivä', other: 'työpäivää' },
    week: { one: 'viikko', other: 'viikkoa' },
    month: { one: 'kuukausi', other: 'kuukautta' },
  },
};

/** Finnish genitive singular: after a numeral it serves every amount ("1 tunnin", "2 tunnin", "1,5 tunnin kuluessa"). */
const FINNISH_GENITIVE: Record<DurationUnit, string> = {
  second: 'sekunnin',
  minute: 'minuutin',
  hour: 'tunnin',
  'working hour': 'työtunnin',
  day: 'päivän',
  'working day': 'työpäivän',
  week: 'viikon',
  month: 'kuukauden',
};

/**
 * A decimal number as written ("1.5", "12.50", "2000") in the language's
 * style: decimal comma and no-break-space thousands in fi and sv, point and
 * comma thousands in en. Digits after the point are kept as written.
 */
export function formatNumberText(text: string, lang: WordsLanguage): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction] = match;
  const groupSeparator = lang === 'en' ? ',' : NBSP;
  const decimalSeparator = lang === 'en' ? '.' : ',';
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, groupSeparator) : whole;
  return `${sign}${grouped}${fraction === undefined ? '' : decimalSeparator + fraction}`;
}

/** A number in the language's style (see formatNumberText). */
export function formatNumber(value: number, lang: WordsLanguage): string {
  return Number.isFinite(value) ? formatNumberText(String(value), lang) : String(value);
}

/** "2 working days", "2 arbetsdagar", "2 työpäivää"; 1 takes the singular, every other amount (0, 1.5, 2) the plural (Finnish: partitive singular). */
export function durationInWords(duration: Duration, lang: WordsLanguage): string {
  return `${formatNumber(duration.amount, lang)} ${unitInWords(duration.amount, duration.unit, lang)}`;
}

/** The word for a unit after an amount already written out: "working day" after 1, "working days" after 1.5 (Finnish: "työpäivä", "työpäivää"). */
export function unitInWords(amount: number, unit: DurationUnit, lang: WordsLanguage): string {
  const forms = UNIT_WORDS[lang][unit];
  return amount === 1 ? forms.one : forms.other;
}

/** The time limit of a commitment: "within 2 working days", "inom 2 arbetsdagar", "2 työpäivän kuluessa". */
export function withinInWords(duration: Duration, lang: WordsLanguage): string {
  const amount = formatNumber(duration.amount, lang);
  switch (lang) {
    case 'fi':
      return `${amount} ${FINNISH_GENITIVE[duration.unit]} kuluessa`;
    case 'sv':
      return `inom ${durationInWords(duration, 'sv')}`;
    case 'en':
      return `within ${durationInWords(duration, 'en')}`;
  }
}

/** A recurring interval: "every 12 months" / "every month", "var 12:e månad" / "varje månad", "12 kuukauden välein" / "kuukauden välein". */
export function everyInWords(duration: Duration, lang: WordsLanguage): string {
  const amount = formatNumber(duration.amount, lang);
  const one = duration.amount === 1;
  switch (lang) {
    case 'en': {
      const forms = UNIT_WORDS.en[duration.unit];
      return one ? `every ${forms.one}` : `every ${amount} ${forms.other}`;
    }
    case 'sv': {
      // Every unit is an en-word, so "var"/"varje"; whole numbers take an ordinal (var 2:a vecka, var 12:e månad).
      const unit = UNIT_WORDS.sv[duration.unit].one;
      if (one) return `varje ${unit}`;
      if (Number.isInteger(duration.amount)) return `var ${amount}:${swedishOrdinalSuffix(duration.amount)} ${unit}`;
      return `med ${amount} ${SWEDISH_GENITIVE_PLURAL[duration.unit]} mellanrum`;
    }
    case 'fi':
      return one ? `${FINNISH_GENITIVE[duration.unit]} välein` : `${amount} ${FINNISH_GENITIVE[duration.unit]} välein`;
  }
}

/** "med 1,5 månaders mellanrum": only for fractional intervals, which have no ordinal. */
const SWEDISH_GENITIVE_PLURAL: Record<DurationUnit, string> = {
  second: 'sekunders',
  minute: 'minuters',
  hour: 'timmars',
  'working hour': 'arbetstimmars',
  day: 'dagars',
  'working day': 'arbetsdagars',
  week: 'veckors',
  month: 'månaders',
};

/** 1:a, 2:a, 3:e … 11:e, 12:e … 21:a, 22:a. */
function swedishOrdinalSuffix(value: number): 'a' | 'e' {
  const lastTwo = value % 100;
  const last = value % 10;
  return (last === 1 || last === 2) && lastTwo !== 11 && lastTwo !== 12 ? 'a' : 'e';
}

/** A fraction as a percentage: "90 %" (fi, sv, with a no-break space) or "90%" (en); one decimal at most ("92,5 %"). */
export function formatPercent(fraction: number, lang: WordsLanguage): string {
  const percent = Math.round(fraction * 1000) / 10;
  const number = formatNumber(percent, lang);
  return lang === 'en' ? `${number}%` : `${number}${NBSP}%`;
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
