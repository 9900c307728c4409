import { isTextMap } from '../load/merge.js';
import { declaredLanguages, forEachTextMap, stringAt } from './access.js';
import { defineRule } from './rule.js';
import { BoundedMemo } from './bounded-memo.js';
import { callingCodeFor, knowsUnits, mayHoldFigures, textFacts, type TextFact } from './text-facts.js';
import { listOf, message } from '../messages/message.js';

/** One language's version of a text: its facts, counted. */
interface Version {
  readonly language: string;
  readonly facts: readonly TextFact[];
  /** How often a fact is written as a figure. */
  readonly stated: (key: string) => number;
  /** How often the version can stand for a fact: figures, words and what a figure also means (9:00 is also 9). */
  readonly covered: (key: string) => number;
  readonly statedKeys: () => Iterable<string>;
}

/**
 * Texts recur across charters (every unit repeats its baseline's, a thousand
 * charters hold a few hundred distinct texts), so facts and comparisons are
 * kept by their input: reading a text's facts is most of this rule's time.
 */
const factsOfText = new BoundedMemo<readonly TextFact[]>(4000);
const comparisons = new BoundedMemo<readonly Inconsistency[]>(2000);

/** A key naming the strings exactly: each is prefixed by its length, so no two lists share one. */
function keyOf(callingCode: string | undefined, parts: readonly string[]): string {
  let key = callingCode === undefined ? '-' : `+${callingCode.length}:${callingCode}`;
  for (const part of parts) key += `${part.length}:${part}`;
  return key;
}

function versionOf(language: string, text: string, callingCode: string | undefined): Version {
  const facts = factsOfText.get(keyOf(callingCode, [language, text]), () => textFacts(text, language, callingCode));
  const stated = new Map<string, number>();
  const covered = new Map<string, number>();
  const add = (map: Map<string, number>, key: string): void => void map.set(key, (map.get(key) ?? 0) + 1);
  for (const fact of facts) {
    if (!fact.weak) add(stated, fact.key);
    add(covered, fact.key);
    for (const key of fact.alsoKeys) add(covered, key);
  }
  // A language whose units are not read here ("5 bargobeaivvi") covers a duration with its number.
  const unitsKnown = knowsUnits(language);
  const durationAsNumber = (key: string): string => (!unitsKnown && key.startsWith('duration:') ? `number:${key.slice(9).split(' ')[0] ?? ''}` : key);
  return {
    language,
    facts,
    stated: (key) => stated.get(key) ?? 0,
    covered: (key) => covered.get(durationAsNumber(key)) ?? covered.get(key) ?? 0,
    statedKeys: () => stated.keys(),
  };
}

/**
 * How many times the versions agree a fact is stated: the count the most
 * versions can stand for, the first language (the one written first) breaking
 * a tie. A version agrees with a count between what it states and what it covers.
 */
function agreedCount(key: string, versions: readonly Version[]): number {
  const agrees = (version: Version, count: number): boolean => {
    const stated = version.stated(key);
    return stated <= count && count <= Math.max(stated, version.covered(key));
  };
  let best = 0;
  let bestScore = -1;
  for (const count of new Set([0, ...versions.map((version) => version.stated(key))])) {
    const votes = versions.filter((version) => agrees(version, count)).length;
    const score = votes * 2 + (versions[0] !== undefined && agrees(versions[0], count) ? 1 : 0);
    if (score > bestScore) {
      best = count;
      bestScore = score;
    }
  }
  return best;
}

function writtenIn(version: Version, key: string): string {
  return `\`${version.facts.find((fact) => fact.key === key && !fact.weak)?.written ?? key}\``;
}

/** What one language version of a text leaves out or adds, against the others. */
export interface Inconsistency {
  readonly language: string;
  /** Facts the others give, as written there. */
  readonly missing: readonly string[];
  /** Facts only this version gives, as written. */
  readonly extra: readonly string[];
  /** The languages that give what this one leaves out (or, when it only adds, every other language). */
  readonly others: readonly string[];
}

/** Pure: compares the language versions of one text (in the charter's language order). */
export function compareVersions(texts: readonly { language: string; text: string }[], callingCode: string | undefined): readonly Inconsistency[] {
  // Only figures are asked of the other versions: a text none of whose versions has one is consistent.
  if (!texts.some(({ text }) => mayHoldFigures(text))) return [];
  const key = keyOf(
    callingCode,
    texts.flatMap(({ language, text }) => [language, text]),
  );
  return comparisons.get(key, () => compareUncached(texts, callingCode));
}

function compareUncached(texts: readonly { language: string; text: string }[], callingCode: string | undefined): Inconsistency[] {
  const versions = texts.filter(({ text }) => text.trim() !== '').map(({ language, text }) => versionOf(language, text, callingCode));
  if (versions.length < 2) return [];
  const keys = new Set(versions.flatMap((version) => [...version.statedKeys()]));
  const agreed = new Map([...keys].map((key) => [key, agreedCount(key, versions)]));
  const found: Inconsistency[] = [];
  for (const version of versions) {
    const missing: string[] = [];
    const extra: string[] = [];
    const others = new Set<string>();
    for (const [key, count] of agreed) {
      if (version.covered(key) < count) {
        const sources = versions.filter((other) => other !== version && other.stated(key) >= count);
        if (sources[0]) missing.push(writtenIn(sources[0], key));
        for (const source of sources) others.add(source.language);
      }
      if (version.stated(key) > count) extra.push(writtenIn(version, key));
    }
    if (missing.length === 0 && extra.length === 0) continue;
    const rest = others.size > 0 ? [...others] : versions.filter((other) => other !== version).map((other) => other.language);
    found.push({ language: version.language, missing, extra, others: texts.map(({ language }) => language).filter((language) => rest.includes(language)) });
  }
  return found;
}

export default defineRule(
  'languages-consistent',
  'The language versions of a text give the same numbers, durations, percentages, times, dates, phone numbers, email addresses and web addresses.',
  'warning',
  ({ charter, report }) => {
    const languages = declaredLanguages(charter.data);
    if (languages.length < 2) return;
    const callingCode = callingCodeFor(stringAt(charter.data, ['hours', 'holidays']));
    forEachTextMap(
      charter.data,
      (text, pathOf) => {
        const texts = languages.flatMap((language) => {
          const value = text[language];
          return typeof value === 'string' ? [{ language, text: value }] : [];
        });
        for (const { language, missing, extra, others } of compareVersions(texts, callingCode)) {
          const code = (tag: string): string => `\`${tag}:\``;
          const values = { language: code(language), others: listOf(others.map(code)), missing: listOf(missing), extra: listOf(extra) };
          const id =
            missing.length > 0 && extra.length > 0
              ? 'rules.languages-consistent.different'
              : missing.length > 0
                ? 'rules.languages-consistent.missing'
                : 'rules.languages-consistent.extra';
          report({ path: [...pathOf(), language], message: message(id, values) });
        }
      },
      (value): value is Record<string, unknown> => isTextMap(value, languages),
    );
  },
);
