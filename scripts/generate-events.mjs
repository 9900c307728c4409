#!/usr/bin/env node
// Generates a synthetic contact log for `charter report`: contacts against every
// commitment of the example charters, with realistic start times and durations.
// Deterministic: the same options give the same bytes (mulberry32, seeded).
//
//   node scripts/generate-events.mjs [--rows 2000] [--from 2025-12-01] [--to 2026-11-20]
//                                    [--seed 1] [--format csv|jsonl] [--out FILE] [--charters charters]
//
// The generated part of the bundled sample (charters/sample-events.csv, lines 1–1988;
// see charters/sample-events.md for the hand-written rows after it) was made with:
//
//   node scripts/generate-events.mjs --rows 2000 --from 2025-12-01 --to 2026-11-20 --seed 2026 --out charters/sample-events.csv
//
// bench/report.mjs makes its million-row log with --rows 1000000 and the same dates and seed.
//
// What it models:
// - Volume: phone calls and counter visits on the days the channel is open, letters on
//   working days, email, e-service and feedback mostly in office hours on working days
//   but also in evenings and at weekends. Quieter in July and at Christmas.
// - Durations in the commitment's own unit: seconds and minutes of clock time,
//   working hours counted in office hours, working days counted from the day after the
//   start (Finnish public holidays, Midsummer Eve, Christmas Eve and the charter's closed
//   days are not working days). Most contacts are closed in time; a share are late, and
//   that share varies by charter and by month (see LATENESS): building control slips in
//   summer, the library keeps its promises, the registry office runs just under its 95%
//   targets, social services advice struggles in winter.
// - Open contacts: the log is as of 16:00 Helsinki time on the --to day (it ends there);
//   a contact not closed by then has an empty `end`, and a few older ones were never closed.
// Times are written with the Helsinki offset of the instant (+02:00 or +03:00), found
// with Intl.DateTimeFormat. Rows come out in order of start, streamed in chunks that
// respect backpressure, so a million rows take a few seconds and little memory.
// Needs `npm run build` first: the effective commitments (baseline merged in) come from
// checkCharters in dist/index.js.
import { createWriteStream, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TIME_ZONE = 'Europe/Helsinki';
const MS_MINUTE = 60_000;
const MS_HOUR = 3_600_000;
const MS_DAY = 86_400_000;

// ---------------------------------------------------------------- options

function usage(message) {
  if (message) console.error(`generate-events: ${message}`);
  console.error(
    'usage: node scripts/generate-events.mjs [--rows N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--seed N] [--format csv|jsonl] [--out FILE] [--charters FOLDER]',
  );
  process.exit(2);
}

function readOptions(argv) {
  const options = { rows: 2000, from: '2025-12-01', to: '2026-11-20', seed: 1, format: undefined, out: undefined, charters: 'charters' };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const next = inline ?? argv[++index];
      if (next === undefined) usage(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '--rows':
        options.rows = Number(value());
        if (!Number.isInteger(options.rows) || options.rows < 0) usage('--rows must be a whole number');
        break;
      case '--from':
        options.from = value();
        break;
      case '--to':
        options.to = value();
        break;
      case '--seed':
        options.seed = Number(value());
        if (!Number.isInteger(options.seed)) usage('--seed must be a whole number');
        break;
      case '--format':
        options.format = value();
        if (options.format !== 'csv' && options.format !== 'jsonl') usage('--format must be csv or jsonl');
        break;
      case '--out':
      case '-o':
        options.out = value();
        break;
      case '--charters':
        options.charters = value();
        break;
      case '--help':
      case '-h':
        usage();
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  for (const key of ['from', 'to']) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(options[key]) || Number.isNaN(Date.parse(`${options[key]}T00:00:00Z`))) usage(`--${key} must be a date YYYY-MM-DD`);
  }
  if (options.from > options.to) usage('--from is after --to');
  options.format ??= options.out && /\.(jsonl|ndjson|json)$/i.test(options.out) ? 'jsonl' : 'csv';
  return options;
}

// ---------------------------------------------------------------- random numbers

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------- Helsinki time

/** Offsets by UTC hour: Helsinki changes offset only on whole UTC hours (01:00 UTC). */
const offsetCache = new Map();
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** The Helsinki offset at an instant, in ms (+2 h in winter, +3 h in summer). */
function offsetAt(ms) {
  const hour = Math.floor(ms / MS_HOUR);
  let offset = offsetCache.get(hour);
  if (offset === undefined) {
    const name = offsetFormat.formatToParts(new Date(hour * MS_HOUR)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    offset = match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * MS_HOUR + Number(match[3]) * MS_MINUTE) : 0;
    offsetCache.set(hour, offset);
  }
  return offset;
}

/** The instant of a Helsinki wall-clock time (ms since local 1970-01-01T00:00). Never asked for a skipped time. */
function instantOfWall(wall) {
  let instant = wall - offsetAt(wall - 2 * MS_HOUR);
  instant = wall - offsetAt(instant);
  return instant;
}

const dayText = new Map();
/** YYYY-MM-DD of a local day number (days since 1970-01-01). */
function isoOfDay(day) {
  let text = dayText.get(day);
  if (text === undefined) {
    text = new Date(day * MS_DAY).toISOString().slice(0, 10);
    dayText.set(day, text);
  }
  return text;
}

function dayOfIso(iso) {
  return Date.parse(`${iso}T00:00:00Z`) / MS_DAY;
}

/** Monday = 0 … Sunday = 6 (1970-01-01 was a Thursday). */
function weekdayOf(day) {
  return (((day + 3) % 7) + 7) % 7;
}

function two(value) {
  return value < 10 ? `0${value}` : String(value);
}

/** RFC 3339 with the Helsinki offset of that instant: 2026-11-02T09:00:41+02:00. */
function formatInstant(ms) {
  const offset = offsetAt(ms);
  const wall = ms + offset;
  const day = Math.floor(wall / MS_DAY);
  const seconds = Math.floor((wall - day * MS_DAY) / 1000);
  const offsetMinutes = Math.abs(offset) / MS_MINUTE;
  return `${isoOfDay(day)}T${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}${offset < 0 ? '-' : '+'}${two(Math.floor(offsetMinutes / 60))}:${two(offsetMinutes % 60)}`;
}

// ---------------------------------------------------------------- Finnish holidays

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
function easterDay(year) {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const date = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, date) / MS_DAY;
}

const holidayYears = new Map();
/** Finnish public holidays plus Midsummer Eve and Christmas Eve, as day numbers. */
function holidaysOf(year) {
  let set = holidayYears.get(year);
  if (set) return set;
  const at = (month, date) => Date.UTC(year, month - 1, date) / MS_DAY;
  const easter = easterDay(year);
  const fridayFrom = (month, date) => {
    let day = at(month, date);
    while (weekdayOf(day) !== 4) day++;
    return day;
  };
  const saturdayFrom = (month, date) => fridayFrom(month, date) + 1;
  const midsummerEve = fridayFrom(6, 19);
  set = new Set([
    at(1, 1), // New Year's Day
    at(1, 6), // Epiphany
    easter - 2, // Good Friday
    easter, // Easter Sunday
    easter + 1, // Easter Monday
    at(5, 1), // May Day
    easter + 39, // Ascension Day
    easter + 49, // Whit Sunday
    midsummerEve, // Midsummer Eve (not a public holiday, but offices are closed)
    midsummerEve + 1, // Midsummer Day
    saturdayFrom(10, 31), // All Saints' Day
    at(12, 6), // Independence Day
    at(12, 24), // Christmas Eve (likewise)
    at(12, 25), // Christmas Day
    at(12, 26), // St Stephen's Day
  ]);
  holidayYears.set(year, set);
  return set;
}

function isHoliday(day) {
  return holidaysOf(new Date(day * MS_DAY).getUTCFullYear()).has(day);
}

// ---------------------------------------------------------------- office calendars

const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function expandDays(spec) {
  const days = [];
  for (const part of Array.isArray(spec) ? spec : [spec]) {
    const [from, to] = String(part).split('-');
    const start = WEEKDAY_NAMES.indexOf(from);
    const end = to === undefined ? start : WEEKDAY_NAMES.indexOf(to);
    for (let index = start; index <= end && index >= 0; index++) days.push(index);
  }
  return days;
}

function minutesOf(text) {
  const [hours, minutes] = String(text).split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Opening hours of one channel (its own, else the unit's) with the unit's and the
 * channel's exceptions, and the working days of the charter:
 * - `openOn(day)`: periods [open, close) in minutes when the channel takes contacts
 *   (weekends included where the charter opens then; never on holidays or closed days);
 * - `officeOn(day)`: the same on working days only, the hours that working hours count.
 */
class OfficeCalendar {
  constructor(unitHours, channelHours) {
    const weekly = channelHours?.weekly ?? unitHours?.weekly ?? [];
    this.weekly = WEEKDAY_NAMES.map(() => []);
    for (const period of weekly) {
      for (const day of expandDays(period.days)) this.weekly[day].push([minutesOf(period.open), minutesOf(period.close)]);
    }
    for (const list of this.weekly) list.sort((a, b) => a[0] - b[0]);
    this.closed = new Set();
    this.special = new Map();
    const byDate = new Map();
    for (const source of [unitHours?.exceptions, channelHours?.exceptions]) for (const exception of source ?? []) byDate.set(String(exception.date), exception);
    for (const [date, exception] of byDate) {
      if (exception.closed === true) this.closed.add(dayOfIso(date));
      else this.special.set(dayOfIso(date), [[minutesOf(exception.open), minutesOf(exception.close)]]);
    }
    this.cache = new Map();
  }

  isWorkingDay(day) {
    return weekdayOf(day) < 5 && !isHoliday(day) && !this.closed.has(day);
  }

  openOn(day) {
    if (isHoliday(day) || this.closed.has(day)) return [];
    return this.special.get(day) ?? this.weekly[weekdayOf(day)];
  }

  /** Office periods of a working day as [open, close) instants. */
  officeOn(day) {
    let periods = this.cache.get(day);
    if (periods === undefined) {
      periods = this.isWorkingDay(day)
        ? this.openOn(day).map(([open, close]) => [instantOfWall(day * MS_DAY + open * MS_MINUTE), instantOfWall(day * MS_DAY + close * MS_MINUTE)])
        : [];
      this.cache.set(day, periods);
    }
    return periods;
  }

  /** The instant `amount` ms of office time after `from` (counting starts at the next opening). */
  addOfficeTime(from, amount) {
    let remaining = amount;
    let day = Math.floor((from + offsetAt(from)) / MS_DAY);
    for (let step = 0; step < 4000; step++, day++) {
      for (const [open, close] of this.officeOn(day)) {
        const start = Math.max(from, open);
        if (close <= start) continue;
        if (remaining <= close - start) return start + remaining;
        remaining -= close - start;
      }
    }
    throw new Error('no office hours within 4000 days');
  }

  /** The nth working day after `day` (n = 0 is `day` itself). */
  nthWorkingDayAfter(day, n) {
    let current = day;
    for (let counted = 0; counted < n;) {
      current++;
      if (this.isWorkingDay(current)) counted++;
    }
    return current;
  }
}

// ---------------------------------------------------------------- what the charters promise

const SLOTS = [
  { channel: 'phone', commitment: 'answer', weight: 30, start: 'open' },
  { channel: 'phone', commitment: 'callback', weight: 6, start: 'open' },
  { channel: 'email', commitment: 'acknowledge', weight: 10, start: 'any' },
  { channel: 'email', commitment: 'reply', weight: 10, start: 'any' },
  { channel: 'letter', commitment: 'reply', weight: 2, start: 'office' },
  { channel: 'counter', commitment: 'wait', weight: 14, start: 'open' },
  { channel: 'eservice', commitment: 'acknowledge', weight: 6, start: 'any' },
  { channel: 'eservice', commitment: 'reply', weight: 6, start: 'any' },
  { channel: 'feedback', commitment: 'acknowledge', weight: 3, start: 'any' },
  { channel: 'feedback', commitment: 'respond', weight: 3, start: 'any' },
];

/** How busy each unit is, relative to the others. */
const VOLUME = { 'building-control': 1, 'city-library': 1.3, 'registry-office': 0.8, 'social-services-advice': 1.1 };

/** Share of contacts closed late, by charter and month (1–12); a unit not listed gets 5%. */
const LATENESS = {
  // Keeps its promises, but summer holidays show in June to August.
  'building-control': (month) => (month >= 6 && month <= 8 ? 0.13 : 0.04),
  // Keeps its promises all year.
  'city-library': () => 0.025,
  // Runs just under its 95% targets.
  'registry-office': () => 0.06,
  // Struggles in winter, recovers by summer.
  'social-services-advice': (month) => (month === 12 || month <= 2 ? 0.24 : month <= 4 || month >= 10 ? 0.11 : 0.05),
};

/**
 * Acknowledgements promise 100% (no target): how much of the unit's lateness they
 * share. The library and the registry office always acknowledge in time.
 */
const ACKNOWLEDGE_LATENESS = { 'building-control': 0.15, 'city-library': 0, 'registry-office': 0, 'social-services-advice': 0.8 };

/** Contacts that were never closed, among those that should have been (email, letters, feedback). */
const FORGOTTEN = 0.002;

const DURATION = /^(\d+(?:\.\d+)?) (second|minute|hour|working hour|working day|day|week|month)s?$/;

function effectiveCommitments(charter) {
  const data = charter.data;
  const found = [];
  for (const slot of SLOTS) {
    const value = slot.channel === 'feedback' ? data.feedback?.[slot.commitment] : data.channels?.[slot.channel]?.[slot.commitment];
    if (!value || typeof value !== 'object') continue;
    const match = DURATION.exec(String(value.within).trim());
    if (!match) continue;
    const channelHours = slot.channel === 'feedback' ? undefined : data.channels?.[slot.channel]?.hours;
    found.push({
      ...slot,
      charter: String(data.id),
      amount: Number(match[1]),
      unit: match[2],
      calendar: new OfficeCalendar(data.hours, channelHours && typeof channelHours === 'object' ? channelHours : undefined),
      prefix: undefined,
    });
  }
  return found;
}

async function loadCommitments(chartersFolder) {
  const index = join(root, 'dist', 'index.js');
  if (!existsSync(index)) {
    console.error('generate-events: run `npm run build` first (the charters are read with dist/index.js)');
    process.exit(2);
  }
  const { checkCharters } = await import(pathToFileURL(index).href);
  const { collection } = await checkCharters({ cwd: root, patterns: [chartersFolder] });
  const units = collection.charters
    .filter((charter) => !charter.isBaseline && typeof charter.data.id === 'string')
    .sort((a, b) => (a.data.id < b.data.id ? -1 : 1));
  if (units.length === 0) {
    console.error(`generate-events: no unit charters in ${chartersFolder}/`);
    process.exit(2);
  }
  return units.flatMap(effectiveCommitments);
}

// ---------------------------------------------------------------- contacts

/** Relative volume of a slot on a day (0 when it takes no contacts then). */
function volumeOn(slot, day) {
  const month = new Date(day * MS_DAY).getUTCMonth() + 1;
  const season = month === 7 ? 0.6 : month === 12 ? 0.85 : 1;
  const base = slot.weight * (VOLUME[slot.charter] ?? 1) * season;
  if (slot.start === 'open') return slot.calendar.openOn(day).length > 0 ? base : 0;
  const working = slot.calendar.isWorkingDay(day);
  if (slot.start === 'office') return working ? base : 0;
  return working ? base : base * 0.12;
}

/** A start instant on `day`: inside the hours the channel is open, or (email, e-service, feedback) any reasonable hour. */
function startOn(slot, day, random) {
  const wallDay = day * MS_DAY;
  let minute;
  const periods =
    slot.start === 'any' ? (slot.calendar.officeOn(day).length && random() < 0.85 ? slot.calendar.openOn(day) : undefined) : slot.calendar.openOn(day);
  if (periods && periods.length > 0) {
    const total = periods.reduce((sum, [open, close]) => sum + close - open, 0);
    // Busier in the morning: bend the uniform draw towards the opening.
    let at = Math.pow(random(), 1.25) * total;
    for (const [open, close] of periods) {
      if (at < close - open) {
        minute = open + at;
        break;
      }
      at -= close - open;
    }
  } else if (slot.calendar.isWorkingDay(day)) {
    // Before or after office hours: early morning or the evening.
    minute = random() < 0.2 ? 6 * 60 + random() * 120 : 16 * 60 + random() * 7 * 60;
  } else {
    minute = 9 * 60 + random() * 12 * 60;
  }
  return instantOfWall(wallDay + Math.floor(minute * 60) * 1000);
}

/** When the contact was closed, given whether it was in time. */
function endOf(slot, startMs, late, random) {
  const { amount, unit, calendar } = slot;
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour': {
      const promise = amount * (unit === 'second' ? 1000 : unit === 'minute' ? MS_MINUTE : MS_HOUR);
      const share = late ? 1 + 0.03 + random() * 1.5 : 0.08 + Math.pow(random(), 1.6) * 0.92;
      return startMs + Math.max(1000, Math.round((promise * share) / 1000) * 1000);
    }
    case 'working hour': {
      const promise = amount * MS_HOUR;
      const share = late ? 1.02 + random() * 1.5 : 0.05 + Math.pow(random(), 1.3) * 0.93;
      return roundUpToSecond(calendar.addOfficeTime(startMs, promise * share));
    }
    case 'working day': {
      const whole = Math.max(1, Math.ceil(amount));
      const startDay = Math.floor((startMs + offsetAt(startMs)) / MS_DAY);
      let n = late ? whole + 1 + Math.floor(Math.pow(random(), 2) * Math.max(1, Math.ceil(whole * 0.8))) : Math.floor(Math.pow(random(), 0.8) * (whole + 1));
      // The same day only if the office is still open after the start.
      const openToday = calendar.officeOn(startDay).some(([, close]) => close > startMs + 10 * MS_MINUTE);
      if (n === 0 && !openToday) n = 1;
      return timeInOfficeHours(calendar, calendar.nthWorkingDayAfter(startDay, n), n === 0 ? startMs : 0, random);
    }
    default: {
      // Calendar days, weeks, months (no example charter uses them): a day-based approximation.
      const days = amount * (unit === 'day' ? 1 : unit === 'week' ? 7 : 30);
      const share = late ? 1.1 + random() : 0.1 + random() * 0.85;
      return roundUpToSecond(startMs + days * share * MS_DAY);
    }
  }
}

/** A time inside the office hours of a working day, after `after`; noon if the day has no hours. */
function timeInOfficeHours(calendar, day, after, random) {
  const periods = calendar
    .officeOn(day)
    .map(([open, close]) => [Math.max(open, after + MS_MINUTE), close])
    .filter(([open, close]) => close > open);
  if (periods.length === 0) return instantOfWall(day * MS_DAY + 12 * MS_HOUR);
  const total = periods.reduce((sum, [open, close]) => sum + close - open, 0);
  let at = random() * total;
  for (const [open, close] of periods) {
    if (at < close - open) return roundUpToSecond(open + at);
    at -= close - open;
  }
  return periods[periods.length - 1][0];
}

function roundUpToSecond(ms) {
  return Math.ceil(ms / 1000) * 1000;
}

function csvRow(slot, start, end) {
  return `${slot.prefix}${start},${end}\n`;
}

/** A CSV field as the report reads it back (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function jsonRow(slot, start, end) {
  return `${slot.prefix}"start":"${start}","end":"${end}"}\n`;
}

// ---------------------------------------------------------------- output

async function generate(options) {
  const slots = await loadCommitments(options.charters);
  const random = mulberry32(options.seed);
  const toRow = options.format === 'csv' ? csvRow : jsonRow;
  for (const slot of slots) {
    // Ids come from the charters: quoted where they need it, so that an odd id cannot break the log.
    slot.prefix =
      options.format === 'csv'
        ? `${[slot.charter, slot.channel, slot.commitment].map(csvField).join(',')},`
        : `{"charter":${JSON.stringify(slot.charter)},"channel":${JSON.stringify(slot.channel)},"commitment":${JSON.stringify(slot.commitment)},`;
  }

  const firstDay = dayOfIso(options.from);
  const lastDay = dayOfIso(options.to);
  // The log ends at 16:00 on the last day: nothing starts after that, and what is not closed by then is open.
  const cutoff = instantOfWall(lastDay * MS_DAY + 16 * MS_HOUR);

  let totalVolume = 0;
  for (let day = firstDay; day <= lastDay; day++) for (const slot of slots) totalVolume += volumeOn(slot, day);
  const scale = totalVolume > 0 ? options.rows / totalVolume : 0;

  const out = options.out ? createWriteStream(resolve(options.out)) : process.stdout;
  let failed;
  out.on('error', (error) => {
    failed = error;
  });
  const write = (text) =>
    new Promise((resolveWrite, reject) => {
      if (failed) return reject(failed);
      if (out.write(text)) return resolveWrite();
      const onDrain = () => {
        out.off('error', onError);
        resolveWrite();
      };
      const onError = (error) => {
        out.off('drain', onDrain);
        reject(error);
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });

  const CHUNK = 1 << 16;
  let chunk = options.format === 'csv' ? 'charter,channel,commitment,start,end\n' : '';
  let rows = 0;
  const usedStarts = new Set();
  const dayRows = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const month = new Date(day * MS_DAY).getUTCMonth() + 1;
    dayRows.length = 0;
    usedStarts.clear();
    for (let index = 0; index < slots.length; index++) {
      const slot = slots[index];
      const expected = volumeOn(slot, day) * scale;
      if (expected <= 0) continue;
      const count = Math.floor(expected) + (random() < expected - Math.floor(expected) ? 1 : 0);
      const lateShare = (LATENESS[slot.charter] ?? (() => 0.05))(month) * (slot.commitment === 'acknowledge' ? (ACKNOWLEDGE_LATENESS[slot.charter] ?? 0.5) : 1);
      for (let made = 0; made < count; made++) {
        let startMs = startOn(slot, day, random);
        if (startMs > cutoff) continue;
        // One row per commitment and start second: a log never holds the same contact twice.
        while (usedStarts.has(startMs * 64 + index)) startMs += 1000;
        usedStarts.add(startMs * 64 + index);
        const late = random() < lateShare;
        const endMs = endOf(slot, startMs, late, random);
        const forgotten = slot.start !== 'open' && random() < FORGOTTEN;
        dayRows.push({ startMs, slot, end: endMs > cutoff || forgotten ? '' : formatInstant(endMs) });
      }
    }
    dayRows.sort((a, b) => a.startMs - b.startMs || a.slot.prefix.localeCompare(b.slot.prefix));
    for (const row of dayRows) {
      chunk += toRow(row.slot, formatInstant(row.startMs), row.end);
      rows++;
      if (chunk.length >= CHUNK) {
        await write(chunk);
        chunk = '';
      }
    }
  }
  if (chunk) await write(chunk);
  if (options.out) await new Promise((resolveEnd, reject) => out.end((error) => (error ? reject(error) : resolveEnd())));
  return rows;
}

const options = readOptions(process.argv.slice(2));
try {
  const rows = await generate(options);
  if (options.out) console.error(`generate-events: ${rows} rows to ${options.out}`);
} catch (error) {
  // A closed pipe (`| head`) is not an error.
  if (error?.code === 'EPIPE') process.exit(0);
  console.error(`generate-events: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
