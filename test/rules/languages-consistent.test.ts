import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compareVersions } from '../../src/rules/languages-consistent.js';
import { diagnosticsFor, seededRandom } from '../helpers.js';
import { ruleTable } from './table.js';

const GUIDE = 'text: { fi: Jokainen viesti saa vastauksen., en: Every message gets a reply. }';
const guide = (fi: string, en: string): [string, string] => [GUIDE, `text: { fi: "${fi}", en: "${en}" }`];

describe('languages-consistent', () => {
  ruleTable('languages-consistent', [
    { name: 'texts without figures, or with the same figures', expected: [] },
    {
      name: 'the same promise written the way each language writes it',
      edits: [
        guide(
          'Palvelemme ma–pe klo 9.00–16.00, 1.1.2027 alkaen. Vastaamme 90 %:iin viesteistä 3 työpäivässä. Puh. 09 123 4500, kirjaamo@example.fi.',
          'We serve Mon–Fri 9 am to 4 pm from 1 January 2027. We answer 90% of messages within three working days. Call +358 9 123 4500 or KIRJAAMO@example.fi.',
        ),
      ],
      expected: [],
    },
    {
      name: 'a different number of working days is a warning at the differing text',
      edits: [guide('Vastaamme 2 työpäivässä.', 'We reply within 3 working days.')],
      expected: [
        {
          severity: 'warning',
          at: '"We reply within 3 working days."',
          message:
            /^the `en:` text gives `3 working days` where the `fi:` text gives `2 työpäivässä`; every language version of a text should promise the same$/,
        },
      ],
    },
    {
      name: 'a unit swapped with the number kept',
      edits: [guide('Vastaamme 2 viikossa.', 'We reply within 2 working days.')],
      expected: [{ at: '"We reply within 2 working days."', message: /gives `2 working days` where the `fi:` text gives `2 viikossa`/ }],
    },
    {
      name: 'a phone number, an email address and a web address that one language leaves out or changes',
      edits: [
        guide(
          'Soita +358 9 123 4500 tai kirjoita kirjaamo@example.fi, https://www.example.fi/palaute.',
          'Call +358 9 123 4500 or write to kirjamo@example.fi, https://www.exampel.fi/en/feedback.',
        ),
      ],
      expected: [
        {
          at: '"Call +358',
          message:
            /^the `en:` text gives `https:\/\/www\.exampel\.fi\/en\/feedback` and `kirjamo@example\.fi` where the `fi:` text gives `https:\/\/www\.example\.fi\/palaute` and `kirjaamo@example\.fi`;/,
        },
      ],
    },
    {
      name: 'a figure one language leaves out',
      edits: [guide('Vastaamme 2 työpäivässä.', 'We reply quickly.')],
      expected: [{ at: '"We reply quickly."', message: /^the `en:` text leaves out `2 työpäivässä`, which the `fi:` text gives;/ }],
    },
  ]);
});

describe('languages-consistent: what means the same', () => {
  const same: readonly (readonly [string, string, string])[] = [
    ['klo 9.00–16.00', 'kl. 9–16', '9:00–16:00'],
    ['klo 8–16', 'kl. 8.00–16.00', '8 am to 4 pm'],
    ['9–16', '9–16', '9 am–4 pm'],
    ['90 %', '90 procent', '90%'],
    ['90 prosenttia', '90 %', '90 per cent'],
    ['1.1.2027', '1.1.2027', '1 January 2027'],
    ['1. tammikuuta 2027', '1 januari 2027', 'January 1, 2027'],
    ['24.12.', '24.12.', '24 December'],
    ['2027-01-01', '1.1.2027', '1st of January 2027'],
    ['09 123 4500', '+358 9 123 4500', '+358 (0)9 123 4500'],
    ['(09) 123 4500', '09-123 4500', '+358 9 1234 500'],
    ['3 työpäivää', '3 arbetsdagar', '3 working days'],
    ['kolme työpäivää', 'tre arbetsdagar', '3 working days'],
    ['2 viikon kuluessa', 'inom 2 veckor', 'within 2 weeks'],
    ['30 sekunnissa', 'inom 30 sekunder', 'within 30 seconds'],
    ['1 500 euroa', '1 500 euro', '1,500 euros'],
    ['1,5 tuntia', '1,5 timmar', '1.5 hours'],
    ['1. kerros', '1 våningen', 'ground floor'],
    ['2. kerros', 'andra våningen', 'first floor'],
    ['2. kerros', '2 våningen', '2nd floor'],
    ['3. kerros', 'tredje våningen', '2nd floor'],
    ['hallintolaki 21 §', 'förvaltningslagen 21 §', 'Administrative Procedure Act, section 21'],
    ['PL 100, 01230 Esimerkkilä', 'PB 100, 01230 Exempelby', 'P.O. Box 100, FI-01230 Esimerkkilä'],
    [
      'Palvelemme ma–pe klo 9.00–16.00, 1.1.2027 alkaen. Vastaamme 90 %:iin viesteistä kolmessa työpäivässä. Puh. 09 123 4500.',
      'Vi betjänar mån–fre kl. 9–16 från 1.1.2027. Vi svarar på 90 procent av meddelandena inom 3 arbetsdagar. Tfn +358 9 123 4500.',
      'We serve Mon–Fri 9 am to 4 pm from 1 January 2027. We answer 90% of messages within 3 working days. Call +358 9 123 4500.',
    ],
    ['[palvelu](https://www.example.fi/palaute)', '[tjänst](https://www.example.fi/sv/respons)', '[service](https://example.fi/en/feedback)'],
  ];
  it.each(same.map((row) => [row.join(' | '), row] as const))('%s', (_name, [fi, sv, en]) => {
    const versions = [
      { language: 'fi', text: fi },
      { language: 'sv', text: sv },
      { language: 'en', text: en },
    ];
    expect(compareVersions(versions, '358')).toEqual([]);
  });

  const different: readonly (readonly [string, string])[] = [
    ['klo 9–16', '9 am to 5 pm'],
    ['90 %', '80%'],
    ['1.1.2027', '1 February 2027'],
    ['1.1.2027', '1 January 2028'],
    ['09 123 4500', '+358 9 123 4501'],
    ['3 työpäivää', '3 weeks'],
    ['3 työpäivää', '3 days'],
    ['kirjaamo@example.fi', 'kirjaamo@example.com'],
    ['https://www.example.fi/palaute', 'https://www.example.com/feedback'],
    ['1 500 euroa', '1,600 euros'],
  ];
  it.each(different.map((row) => [row.join(' | '), row] as const))('%s', (_name, [fi, en]) => {
    const found = compareVersions(
      [
        { language: 'fi', text: fi },
        { language: 'en', text: en },
      ],
      '358',
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.language).toBe('en');
  });
});

/** Every multilingual text of the example charters, as written. */
interface ExampleText {
  readonly where: string;
  readonly versions: readonly { language: string; text: string }[];
}

const CHARTERS = join(import.meta.dirname, '..', '..', 'charters');
const exampleFiles = readdirSync(CHARTERS).filter((name) => name.endsWith('.yaml'));

function exampleTexts(): ExampleText[] {
  const texts: ExampleText[] = [];
  for (const name of exampleFiles) {
    const data = parse(readFileSync(join(CHARTERS, name), 'utf8')) as Record<string, unknown>;
    const languages = (data.languages as string[] | undefined) ?? ['fi', 'sv', 'en'];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}[${index}]`));
      else if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value);
        if (entries.length >= 2 && entries.every(([key, text]) => languages.includes(key) && typeof text === 'string')) {
          texts.push({
            where: `${name} ${path}`,
            versions: languages.flatMap((language) =>
              typeof value[language as keyof typeof value] === 'string' ? [{ language, text: value[language as keyof typeof value] }] : [],
            ),
          });
        } else for (const [key, child] of entries) walk(child, `${path}.${key}`);
      }
    };
    walk(data, '');
  }
  return texts;
}

/** Where in a text a mistake of each kind can be made: [start, end) spans. */
const SPANS = {
  digit: (text: string): [number, number][] => {
    const blocked = [...text.matchAll(/https?:\/\/\S+|\S+@\S+/gu)].map((match): [number, number] => [match.index, match.index + match[0].length]);
    return [...text.matchAll(/\d/gu)]
      .map((match): [number, number] => [match.index, match.index + 1])
      .filter(([at]) => !blocked.some(([from, to]) => at >= from && at < to));
  },
  unit: (text: string): [number, number][] =>
    [
      ...text.matchAll(
        /(?<=\d\** ?)(?:työpäiv\p{L}*|päiv\p{L}*|viiko\p{L}*|tunti\p{L}*|arbetsdag\p{L}*|dag\p{L}*|veck\p{L}*|timm\p{L}*|working days?|days?|weeks?|hours?)/gu,
      ),
    ].map((match): [number, number] => [match.index, match.index + match[0].length]),
  email: (text: string): [number, number][] =>
    [...text.matchAll(/[\w.]+@[\w.]+\w/gu)].map((match): [number, number] => [match.index, match.index + match[0].length]),
  url: (text: string): [number, number][] =>
    [...text.matchAll(/(?<=https?:\/\/)[\w.-]+/gu)].map((match): [number, number] => [match.index, match.index + match[0].length]),
};

const UNIT_SWAPS: Readonly<Record<string, readonly string[]>> = {
  fi: ['viikkoa', 'kuukautta', 'tuntia', 'minuuttia', 'päivää'],
  sv: ['veckor', 'månader', 'timmar', 'minuter', 'dagar'],
  en: ['weeks', 'months', 'hours', 'minutes', 'days'],
};

type Kind = keyof typeof SPANS;

interface Mistake {
  readonly kind: Kind;
  readonly where: string;
  readonly language: string;
  readonly from: string;
  readonly to: string;
  readonly versions: readonly { language: string; text: string }[];
}

/** Makes `count` mistakes of a kind in the example texts: each changes one language's version of one text. */
function mistakes(kind: Kind, count: number, random: () => number): Mistake[] {
  const candidates = exampleTexts().flatMap((text) =>
    text.versions.flatMap(({ language, text: written }) => SPANS[kind](written).map((span) => ({ text, language, written, span }))),
  );
  expect(candidates.length, `places for a ${kind} mistake`).toBeGreaterThan(0);
  const made: Mistake[] = [];
  const seen = new Set<string>();
  for (let tries = 0; made.length < count && tries < count * 50; tries++) {
    const pick = candidates[Math.floor(random() * candidates.length)];
    if (!pick) continue;
    const [from, to] = pick.span;
    const original = pick.written.slice(from, to);
    let replacement: string;
    if (kind === 'digit') replacement = String((Number(original) + 1 + Math.floor(random() * 9)) % 10);
    else if (kind === 'unit') {
      const swaps = (UNIT_SWAPS[pick.language] ?? []).filter((unit) => !original.startsWith(unit.slice(0, 3)));
      replacement = swaps[Math.floor(random() * swaps.length)] ?? 'x';
    } else {
      // One letter of the address changed to another.
      const letters = [...original].map((char, index) => [char, index] as const).filter(([char]) => /[a-z]/u.test(char));
      const [char, index] = letters[Math.floor(random() * letters.length)] ?? ['a', 0];
      const other = String.fromCharCode(((char.charCodeAt(0) - 97 + 1 + Math.floor(random() * 25)) % 26) + 97);
      replacement = original.slice(0, index) + other + original.slice(index + 1);
    }
    const changed = pick.written.slice(0, from) + replacement + pick.written.slice(to);
    const id = `${pick.text.where} ${pick.language} ${changed}`;
    if (seen.has(id)) continue;
    seen.add(id);
    made.push({
      kind,
      where: pick.text.where,
      language: pick.language,
      from: original,
      to: replacement,
      versions: pick.text.versions.map((version) => (version.language === pick.language ? { language: version.language, text: changed } : version)),
    });
  }
  return made;
}

describe('languages-consistent: measured on the example charters', () => {
  it('finds nothing in the example charters (no false warnings)', async () => {
    const texts = exampleTexts();
    expect(texts.length).toBeGreaterThan(150);
    expect(texts.flatMap((text) => compareVersions(text.versions, '358').map((found) => ({ where: text.where, ...found })))).toEqual([]);
    const files = Object.fromEntries(exampleFiles.map((name) => [name, readFileSync(join(CHARTERS, name), 'utf8')]));
    const diagnostics = await diagnosticsFor(files, { today: '2026-12-01' });
    expect(diagnostics.filter((diagnostic) => diagnostic.ruleId === 'languages-consistent')).toEqual([]);
  });

  it('finds every one of 100 seeded mistakes (a digit changed, a unit swapped, an email or web address changed), at the changed language', () => {
    const random = seededRandom(16);
    const seededMistakes = [
      ...mistakes('digit', 40, random),
      ...mistakes('unit', 20, random),
      ...mistakes('email', 20, random),
      ...mistakes('url', 20, random),
    ];
    expect(seededMistakes).toHaveLength(100);
    const missed = seededMistakes.filter((mistake) => {
      const found = compareVersions(mistake.versions, '358');
      // With three languages the changed one is the odd one out; with two, either may be named.
      return mistake.versions.length >= 3 ? !found.some((inconsistency) => inconsistency.language === mistake.language) : found.length === 0;
    });
    expect(missed.map(({ kind, where, language, from, to }) => `${kind} ${where} ${language}: ${from} → ${to}`)).toEqual([]);
  });
});
