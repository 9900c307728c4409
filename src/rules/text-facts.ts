/**
 * The facts a text states in figures, read so that versions of one text in
 * different languages can be compared: numbers, durations (a number with its
 * unit), percentages, times, dates, phone numbers, email addresses and web
 * addresses. Each fact gets a key that is the same however a language writes
 * it ("9.00" and "9:00" and "9 am"; "90 %" and "90%"; "1.1.2027" and
 * "1 January 2027"; "09 123 4500" and "+358 9 123 4500"; "3 työpäivää" and
 * "3 working days"). Pure and small: rules/languages-consistent.ts compares.
 */

export interface TextFact {
  /** The same for every way of writing the same fact. */
  readonly key: string;
  /** The fact as written, to name it in a message. */
  readonly written: string;
  /** Keys this fact also stands for (the time 9:00 is also the number 9). */
  readonly alsoKeys: readonly string[];
  /**
   * A fact read from words ("kolme", "three"): it can stand for a figure
   * another language writes, but is not demanded of the others, since words
   * such as "en" or "one" are often no number at all.
   */
  readonly weak: boolean;
}

type Unit = 'second' | 'minute' | 'hour' | 'working-hour' | 'day' | 'working-day' | 'week' | 'month' | 'year';

/** Unit words by language: a word that starts with one of these (Finnish and Swedish inflect) is that unit. Longer prefixes first. */
const UNIT_PREFIXES: Readonly<Record<string, readonly (readonly [string, Unit])[]>> = {
  fi: [
    ['työpäiv', 'working-day'],
    ['arkipäiv', 'working-day'],
    ['työtun', 'working-hour'],
    ['vuorokau', 'day'],
    ['päiv', 'day'],
    ['pv', 'day'],
    ['viiko', 'week'],
    ['viikk', 'week'],
    ['kuukau', 'month'],
    ['kk', 'month'],
    ['vuosi', 'year'],
    ['vuotta', 'year'],
    ['vuode', 'year'],
    ['vuot', 'year'],
    ['tunti', 'hour'],
    ['tunni', 'hour'],
    ['tuntia', 'hour'],
    ['h', 'hour'],
    ['minuut', 'minute'],
    ['min', 'minute'],
    ['sekun', 'second'],
    ['s', 'second'],
  ],
  sv: [
    ['arbetsdag', 'working-day'],
    ['vardag', 'working-day'],
    ['arbetstim', 'working-hour'],
    ['dygn', 'day'],
    ['dag', 'day'],
    ['veck', 'week'],
    ['månad', 'month'],
    ['mån', 'month'],
    ['år', 'year'],
    ['timm', 'hour'],
    ['tim', 'hour'],
    ['h', 'hour'],
    ['minut', 'minute'],
    ['min', 'minute'],
    ['sekund', 'second'],
    ['sek', 'second'],
    ['s', 'second'],
  ],
  en: [
    ['working day', 'working-day'],
    ['working-day', 'working-day'],
    ['business day', 'working-day'],
    ['workday', 'working-day'],
    ['weekday', 'working-day'],
    ['working hour', 'working-hour'],
    ['business hour', 'working-hour'],
    ['day', 'day'],
    ['week', 'week'],
    ['fortnight', 'week'],
    ['month', 'month'],
    ['year', 'year'],
    ['hour', 'hour'],
    ['hr', 'hour'],
    ['h', 'hour'],
    ['minute', 'minute'],
    ['min', 'minute'],
    ['second', 'second'],
    ['sec', 'second'],
    ['s', 'second'],
  ],
};

/** Short unit prefixes must be the whole word ("h", "s", "min"), or "s" would take every word. */
const WHOLE_WORD_UNITS = new Set(['h', 's', 'min', 'sek', 'sec', 'hr', 'pv', 'kk', 'mån', 'tim']);

const NUMBER_WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  fi: wordTable([
    ['yksi yhden yhdessä yhtä', 1],
    ['kaksi kahden kahdessa kahta', 2],
    ['kolme kolmen kolmessa kolmea', 3],
    ['neljä neljän neljässä neljää', 4],
    ['viisi viiden viidessä viittä', 5],
    ['kuusi kuuden kuudessa kuutta', 6],
    ['seitsemän seitsemässä seitsemää', 7],
    ['kahdeksan kahdeksassa kahdeksaa', 8],
    ['yhdeksän yhdeksässä yhdeksää', 9],
    ['kymmenen kymmenessä kymmentä', 10],
  ]),
  sv: wordTable([
    ['en ett', 1],
    ['två', 2],
    ['tre', 3],
    ['fyra', 4],
    ['fem', 5],
    ['sex', 6],
    ['sju', 7],
    ['åtta', 8],
    ['nio', 9],
    ['tio', 10],
    ['elva', 11],
    ['tolv', 12],
  ]),
  en: wordTable([
    ['one a an', 1],
    ['two', 2],
    ['three', 3],
    ['four', 4],
    ['five', 5],
    ['six', 6],
    ['seven', 7],
    ['eight', 8],
    ['nine', 9],
    ['ten', 10],
    ['eleven', 11],
    ['twelve', 12],
  ]),
};

function wordTable(rows: readonly (readonly [string, number])[]): Record<string, number> {
  const table: Record<string, number> = {};
  for (const [words, value] of rows) for (const word of words.split(' ')) table[word] = value;
  return table;
}

/**
 * Words that may stand for a figure another language writes: ordinals, and the
 * street-level floor, which Finnish and Swedish count as floor 1 ("1. kerros",
 * "1 våningen") and British English as the ground floor.
 */
const FIGURE_WORDS: Readonly<Record<string, readonly (readonly [RegExp, number])[]>> = {
  fi: [
    [/\b(?:pohjakerro|katutaso)\p{L}*/giu, 1],
    [/(?<!\p{L})ensimmäi\p{L}*/giu, 1],
    [/(?<!\p{L})toise?\p{L}*/giu, 2],
    [/(?<!\p{L})kolma\p{L}*/giu, 3],
  ],
  sv: [
    [/(?<!\p{L})(?:bottenvåning|entréplan|markplan)\p{L}*/giu, 1],
    [/(?<!\p{L})första(?!\p{L})/giu, 1],
    [/(?<!\p{L})andra(?!\p{L})/giu, 2],
    [/(?<!\p{L})tredje(?!\p{L})/giu, 3],
  ],
  en: [
    [/\bground floor\b/giu, 1],
    [/\bfirst\b/giu, 1],
    [/\bsecond\b/giu, 2],
    [/\bthird\b/giu, 3],
  ],
};

const MONTHS: Readonly<Record<string, readonly string[]>> = {
  // Finnish: the stem of each month's name ("tammikuuta", "tammikuun", "tammikuussa").
  fi: ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'],
  sv: ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'],
  en: ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
};

/** International calling codes for the countries of `hours.holidays`, to read "09 123 4500" as "+358 9 123 4500". */
const CALLING_CODES: Readonly<Record<string, string>> = {
  FI: '358',
  AX: '358',
  SE: '46',
  NO: '47',
  DK: '45',
  IS: '354',
  EE: '372',
  DE: '49',
  GB: '44',
  IE: '353',
  AU: '61',
  NZ: '64',
  US: '1',
  CA: '1',
  NL: '31',
  FR: '33',
};

/** Whether durations are read in this language; in another, "5" may be a duration written with a unit not known here. */
export function knowsUnits(language: string): boolean {
  return Object.hasOwn(UNIT_PREFIXES, language.slice(0, 2).toLowerCase());
}

export function callingCodeFor(holidays: string | undefined): string | undefined {
  return holidays === undefined ? undefined : CALLING_CODES[holidays.slice(0, 2).toUpperCase()];
}

const DASH = '[-–—]';
const SPACE = '[ \\u00a0\\u202f]';
const URL = /\b(?:https?:\/\/|www\.)[^\s<>()[\]`"']+/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** A number as written: digits with groups of three (space or comma in English) and decimals. */
const NUMBER = `\\d{1,3}(?:(?:${SPACE}|,)\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?`;
const PERCENT = new RegExp(`(?<![\\p{L}\\p{N}])(${NUMBER})${SPACE}?(%|prosent\\p{L}*|procent\\p{L}*|percent|per cent)`, 'giu');
/** A number, and the one or two words after it (read ahead, not taken: they may name its unit). */
const NUMBER_AND_WORDS = new RegExp(`(?<![\\p{L}\\p{N}])(${NUMBER})(?=((?:${SPACE}|-)?\\p{L}+(?: \\p{L}+)?)?)`, 'gu');
const EN_FLOORS = /\b(?:(\d{1,2})(?:st|nd|rd|th)|(first|second|third|fourth|fifth)) floor\b/giu;
const PHONE = /(?<![\p{L}\p{N}.,/])(?:\+|\(0|0)[\d()\- \u00a0\u202f]{5,}\d(?![\p{N}])/gu;

/** True when a text has a digit, an email or a web address: without, it states no fact, though its words may stand for one. */
export function mayHoldFigures(text: string): boolean {
  return /[\d@]|www\.|https?:/iu.test(text);
}

/** Reads the facts of one language's version of a text. */
export function textFacts(text: string, language: string, callingCode: string | undefined): TextFact[] {
  const facts: TextFact[] = [];
  const lang = language.slice(0, 2).toLowerCase();
  // Blanked out once read, so that the digits of an address are not read again as numbers.
  let rest = text;
  const take: Take = (pattern, read) => {
    // Patterns of figures need a digit; those of addresses and floors in words do not.
    if (!/\d/u.test(rest) && pattern !== URL && pattern !== EMAIL && pattern !== EN_FLOORS) return;
    let kept = '';
    let last = 0;
    for (const match of rest.matchAll(pattern)) {
      const found = read(match);
      if (found === undefined) continue;
      facts.push(...found);
      kept += rest.slice(last, match.index) + ' '.repeat(match[0].length);
      last = match.index + match[0].length;
    }
    // Rebuilt only when something was read: most patterns find nothing in most texts.
    if (last > 0) rest = kept + rest.slice(last);
  };

  if (lang === 'en') {
    // British floors start from the ground floor, Finnish and Swedish ones from 1: "first floor" is "2. kerros", or "1st floor" in American use.
    take(EN_FLOORS, (match) => {
      const floor = match[1] !== undefined ? Number(match[1]) : ['first', 'second', 'third', 'fourth', 'fifth'].indexOf((match[2] ?? '').toLowerCase()) + 1;
      return [weakFact(`number:${floor}`, match[0], [`number:${floor + 1}`])];
    });
  }
  // Most texts hold no figure: only their number words are read, should another language write the figure.
  if (mayHoldFigures(text)) {
    if (/https?:|www\./iu.test(rest))
      take(URL, (match) => {
        const written = match[0].replace(/[.,;:!?]+$/u, '');
        const host = written
          .replace(/^https?:\/\//iu, '')
          .replace(/^www\./iu, '')
          .split(/[/?#]/u)[0]
          ?.toLowerCase();
        // The path is left out: a page's address is often translated (/palaute, /sv/respons, /en/feedback).
        return [fact(`url:${host ?? ''}`, written)];
      });
    if (rest.includes('@')) take(EMAIL, (match) => [fact(`email:${match[0].toLowerCase()}`, match[0])]);
    take(PHONE, (match) => {
      const written = match[0].trim();
      const key = phoneKey(written, callingCode);
      return key === undefined ? undefined : [fact(key, written)];
    });
    readDates(lang, take, rest);
    readTimes(lang, take);
    if (/%|pro[sc]ent|per ?cent/iu.test(rest))
      take(PERCENT, (match) => {
        const value = numberValue(match[1] ?? '', lang);
        return value === undefined ? undefined : [fact(`percent:${value}`, match[0])];
      });
    // Durations: a number and its unit; then every other number.
    take(NUMBER_AND_WORDS, (match) => {
      const value = numberValue(match[1] ?? '', lang);
      if (value === undefined) return undefined;
      const after = match[2] ?? '';
      const unit = after === '' ? undefined : unitOf(after.replace(/^[-\s\u00a0\u202f]/u, ''), lang);
      if (unit !== undefined) return [fact(`duration:${value} ${unit.unit}`, `${match[0]}${after.slice(0, after.length - unit.rest)}`, [`number:${value}`])];
      return [fact(`number:${value}`, match[0], /^\d+$/u.test(value) && Number(value) <= 24 ? [`time:${Number(value)}:00`] : [])];
    });
  }
  // Numbers written as words: weak, they stand in for a figure but are not asked for.
  const words = NUMBER_WORDS[lang];
  if (words) {
    // One pattern of the language's number words and the one or two words after them (read ahead: they may name a unit).
    const numberWords = pattern(
      `number-words:${lang}`,
      () => new RegExp(`(?<!\\p{L})(${Object.keys(words).join('|')})(?!\\p{L})(?=(?:[ \\u00a0]+(\\p{L}+(?: \\p{L}+)?))?)`, 'giu'),
    );
    for (const found of rest.matchAll(numberWords)) {
      const value = words[(found[1] ?? '').toLowerCase()];
      if (value === undefined) continue;
      const unit = found[2] === undefined ? undefined : unitOf(found[2], lang);
      facts.push(unit ? weakFact(`duration:${value} ${unit.unit}`, found[0], [`number:${value}`]) : weakFact(`number:${value}`, found[0], []));
    }
  }
  for (const [pattern, value] of FIGURE_WORDS[lang] ?? []) {
    for (const found of rest.matchAll(pattern)) facts.push(weakFact(`number:${value}`, found[0], []));
  }
  return facts;
}

function numberValue(written: string, lang: string): string | undefined {
  let digits = written.replace(/[ \u00a0\u202f]/gu, '');
  if (lang === 'en') digits = digits.replace(/,(?=\d{3}(?:\D|$))/gu, '');
  else digits = digits.replace(',', '.');
  if (!/^\d+(?:\.\d+)?$/u.test(digits)) return undefined;
  // Codes with leading zeros (postal codes) stay as written; other numbers as their value.
  if (/^0\d/u.test(digits)) return digits;
  return String(Number(digits));
}

function unitOf(words: string, lang: string): { unit: Unit; rest: number } | undefined {
  const prefixes = UNIT_PREFIXES[lang] ?? [];
  const lower = words.toLowerCase();
  for (const [prefix, unit] of prefixes) {
    if (!lower.startsWith(prefix)) continue;
    const word = lower.includes(' ') && !prefix.includes(' ') ? (lower.split(' ')[0] ?? '') : lower;
    if (WHOLE_WORD_UNITS.has(prefix) && word !== prefix) continue;
    // The characters of `words` after the unit's word, given back to the text.
    const used = prefix.includes(' ')
      ? (lower.match(pattern(`unit:${prefix}`, () => new RegExp(`^${prefix}\\p{L}*`, 'u')))?.[0].length ?? prefix.length)
      : word.length;
    return { unit, rest: words.length - used };
  }
  return undefined;
}

function phoneKey(written: string, callingCode: string | undefined): string | undefined {
  const digits = written.replace(/\(0\)/gu, '').replace(/\D/gu, '');
  if (digits.length < 7) return undefined;
  if (written.startsWith('+')) return `phone:+${digits}`;
  if (digits.startsWith('00')) return `phone:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return callingCode === undefined ? `phone:0${digits.slice(1)}` : `phone:+${callingCode}${digits.slice(1)}`;
  return undefined;
}

const compiled = new Map<string, RegExp>();

/** A pattern built once per key (they depend on the language), not once per text. */
function pattern(key: string, build: () => RegExp): RegExp {
  let found = compiled.get(key);
  if (found === undefined) {
    found = build();
    compiled.set(key, found);
  }
  return found;
}

type Take = (pattern: RegExp, read: (match: RegExpMatchArray) => TextFact[] | undefined) => void;

function readDates(lang: string, take: Take, text: string): void {
  // 2027-01-01
  take(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/gu, (match) => dateFacts(match[0], match[1], match[2], match[3]));
  // 1.1.2027 and 1/1/2027 (day first, as in Finland, Sweden and Britain)
  take(/(?<![\d.])(\d{1,2})([./])(\d{1,2})\2(\d{4})(?!\d)/gu, (match) => dateFacts(match[0], match[4], match[3], match[1]));
  // 1.1. and 24.12. (a Finnish or Swedish date without a year); "9.00." is a time at the end of a sentence.
  if (lang !== 'en') {
    take(/(?<![\d.])(\d{1,2})\.([1-9]|1[0-2]|0[1-9])\.(?!\d)/gu, (match) => dateFacts(match[0], undefined, match[2], match[1]));
  }
  const months = MONTHS[lang];
  if (!months) return;
  const monthNames = months.map((name) => (lang === 'fi' ? `${name}\\p{L}*` : `${name}s?`)).join('|');
  if (!pattern(`month:${lang}`, () => new RegExp(months.join('|'), 'iu')).test(text)) return;
  // 1. tammikuuta 2027; 1 januari 2027; 1 January 2027, 1st of January
  take(
    pattern(
      `day-month:${lang}`,
      () => new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\.|st|nd|rd|th|:[ae])?${SPACE}(?:of${SPACE})?(${monthNames})(?:,?${SPACE}(\\d{4}))?(?!\\p{N})`, 'giu'),
    ),
    (match) => dateFacts(match[0], match[3], monthNumber(match[2] ?? '', months), match[1]),
  );
  if (lang === 'en') {
    // January 1, 2027; January 1st
    take(
      pattern('month-day:en', () => new RegExp(`(?<![\\p{L}])(${monthNames})${SPACE}(\\d{1,2})(?:st|nd|rd|th)?(?:,?${SPACE}(\\d{4}))?(?!\\p{N})`, 'giu')),
      (match) => dateFacts(match[0], match[3], monthNumber(match[1] ?? '', months), match[2]),
    );
  }
}

function monthNumber(name: string, months: readonly string[]): string {
  const lower = name.toLowerCase();
  return String(months.findIndex((month) => lower.startsWith(month)) + 1);
}

function dateFacts(written: string, year: string | undefined, month: string | undefined, day: string | undefined): TextFact[] | undefined {
  const m = Number(month);
  const d = Number(day);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const monthDay = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // A date with its year also answers for the same day written without one.
  return [year === undefined ? fact(`date:--${monthDay}`, written.trim()) : fact(`date:${year}-${monthDay}`, written.trim(), [`date:--${monthDay}`])];
}

function readTimes(lang: string, take: Take): void {
  const clock = `(\\d{1,2})(?:[.:](\\d{2}))?`;
  // 9 am, 4.30 pm, 4:30 p.m.
  take(
    pattern('am-pm', () => new RegExp(`(?<![\\p{N}.:])${clock}${SPACE}?([ap])\\.?m\\b\\.?`, 'giu')),
    (match) => {
      let hour = Number(match[1]);
      if (hour > 12) return undefined;
      if ((match[3] ?? '').toLowerCase() === 'p' && hour < 12) hour += 12;
      if ((match[3] ?? '').toLowerCase() === 'a' && hour === 12) hour = 0;
      return timeFacts(match[0], hour, match[2]);
    },
  );
  // klo 9–16, kello 8.00, kl. 9, klockan 9, at 9
  const marker = lang === 'fi' ? 'klo|kello' : lang === 'sv' ? 'kl\\.?|klockan' : '';
  if (marker !== '') {
    const clockAfterMarker = () => new RegExp(`(?<![\\p{L}])(?:${marker})${SPACE}*${clock}(?:${SPACE}*${DASH}${SPACE}*${clock})?(?![\\p{N}])`, 'giu');
    take(pattern(`clock:${lang}`, clockAfterMarker), (match) => {
      const first = timeFacts(match[1] ?? '', Number(match[1]), match[2]);
      const second = match[3] === undefined ? [] : timeFacts(match[3], Number(match[3]), match[4]);
      return first && second ? [...first, ...second] : undefined;
    });
  }
  // 9:00, and in Finnish and Swedish 9.00 (English writes 9.50 for a sum of money).
  const separator = lang === 'en' ? ':' : '[.:]';
  const hoursMinutes = () => new RegExp(`(?<![\\p{N}.:,])(\\d{1,2})${separator}(\\d{2})(?![\\p{N}]|[.:,]\\d)`, 'gu');
  take(pattern(`hours-minutes:${lang === 'en' ? 'en' : 'other'}`, hoursMinutes), (match) => timeFacts(match[0], Number(match[1]), match[2]));
}

function timeFacts(written: string, hour: number, minutes: string | undefined): TextFact[] | undefined {
  const m = minutes === undefined ? 0 : Number(minutes);
  if (!(hour >= 0 && hour <= 24 && m >= 0 && m <= 59)) return undefined;
  // A time on the hour also stands for its number: "klo 9–16" in one language, "9 am to 4 pm" or "9–16" in another.
  const also = m === 0 ? [`number:${hour}`] : [`number:${hour}.${minutes ?? ''}`.replace(/0+$/u, '')];
  return [fact(`time:${hour}:${String(m).padStart(2, '0')}`, written.trim(), also)];
}

function fact(key: string, written: string, alsoKeys: readonly string[] = []): TextFact {
  return { key, written, alsoKeys, weak: false };
}

function weakFact(key: string, written: string, alsoKeys: readonly string[]): TextFact {
  return { key, written, alsoKeys, weak: true };
}
