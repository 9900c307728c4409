import { describe, expect, it } from 'vitest';
import { fitDiagnostic } from '../../src/cards/fit-check.js';
import type { Overflow } from '../../src/cards/render-pdf.js';
import type { ResolvedCharter } from '../../src/load/resolved-charter.js';
import type { JsonPath } from '../../src/model/diagnostic.js';
import { renderMessage } from '../../src/messages/message.js';

/** Just enough of a loaded charter for fitDiagnostic: it only locates paths, and records which. */
function charterAt(file: string): ResolvedCharter & { located: JsonPath[] } {
  const located: JsonPath[] = [];
  return {
    located,
    locate: (path: JsonPath) => {
      located.push(path);
      return { file, range: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } } };
    },
  } as unknown as ResolvedCharter & { located: JsonPath[] };
}

const GUIDE_TEXT: Overflow = { side: 'back', path: 'guide.0.text.fi', by: 40, lines: 3, characters: 112, textLength: 400 };

function inEveryLanguage(finding: ReturnType<typeof fitDiagnostic>): Record<'en' | 'fi' | 'sv', string> {
  const text = finding.text;
  if (!text) throw new Error('no message data');
  return { en: renderMessage(text, 'en'), fi: renderMessage(text, 'fi'), sv: renderMessage(text, 'sv') };
}

describe('the card-fit finding', () => {
  it('is an error at the text that overflows, in its language, with how much to cut', () => {
    const charter = charterAt('charters/unit.yaml');
    const finding = fitDiagnostic(charter, 'fi', 'a7', GUIDE_TEXT);
    expect(charter.located).toEqual([['guide', 0, 'text', 'fi']]);
    expect(finding).toMatchObject({ ruleId: 'card-fit', severity: 'error', file: 'charters/unit.yaml', line: 3, column: 5, path: ['guide', 0, 'text', 'fi'] });
    expect(inEveryLanguage(finding)).toEqual({
      en: "on the fi a7 card's back, `guide[0].text.fi` does not fit (about 11 mm too long); shorten this text by about 115 characters (3 lines), or print a larger card (--size a6)",
      fi: 'kortin kääntöpuolella (kieli fi, koko `a7`) kohta `guide[0].text.fi` ei mahdu (noin 11 mm liian pitkä); lyhennä tätä tekstiä noin 115 merkillä (3 riviä) tai tulosta suurempi kortti (--size a6)',
      sv: 'på baksidan av kortet (fi, storlek `a7`) ryms inte `guide[0].text.fi` (ungefär 11 mm för långt); korta den här texten med ungefär 115 tecken (3 rader) eller skriv ut ett större kort (--size a6)',
    });
  });

  it('never tells an A6 card, the largest size, to print a larger one', () => {
    const finding = fitDiagnostic(charterAt('u.yaml'), 'sv', 'a6', { ...GUIDE_TEXT, path: 'guide.0.text.sv', lines: 1, characters: 31 });
    expect(inEveryLanguage(finding)).toEqual({
      en: "on the sv a6 card's back, `guide[0].text.sv` does not fit (about 11 mm too long); shorten this text by about 35 characters (1 line)",
      fi: 'kortin kääntöpuolella (kieli sv, koko `a6`) kohta `guide[0].text.sv` ei mahdu (noin 11 mm liian pitkä); lyhennä tätä tekstiä noin 35 merkillä (1 rivi)',
      sv: 'på baksidan av kortet (sv, storlek `a6`) ryms inte `guide[0].text.sv` (ungefär 11 mm för långt); korta den här texten med ungefär 35 tecken (1 rad)',
    });
  });

  it('suggests A7 for a credit card', () => {
    expect(fitDiagnostic(charterAt('u.yaml'), 'fi', 'credit-card', GUIDE_TEXT).message).toMatch(/, or print a larger card \(--size a7\)$/);
  });

  it('asks to shorten the side when the text is shorter than what must go', () => {
    const finding = fitDiagnostic(charterAt('u.yaml'), 'en', 'a6', { side: 'front', path: 'unit.name.en', by: 60, lines: 4, characters: 150, textLength: 20 });
    expect(inEveryLanguage(finding)).toEqual({
      en: "on the en a6 card's front, `unit.name.en` does not fit (about 16 mm too long); shorten the texts on this side by about 4 lines",
      fi: 'kortin etupuolella (kieli en, koko `a6`) kohta `unit.name.en` ei mahdu (noin 16 mm liian pitkä); lyhennä tämän puolen tekstejä noin 4 rivillä',
      sv: 'på framsidan av kortet (en, storlek `a6`) ryms inte `unit.name.en` (ungefär 16 mm för långt); korta texterna på den här sidan med ungefär 4 rader',
    });
  });

  it('says when an address that never breaks is cut off at the edge', () => {
    const finding = fitDiagnostic(charterAt('u.yaml'), 'sv', 'a6', {
      side: 'front',
      path: 'channels.email.address',
      by: 20,
      lines: 1,
      characters: 12,
      textLength: 60,
      across: true,
    });
    expect(inEveryLanguage(finding)).toEqual({
      en: "on the sv a6 card's front, `channels.email.address` is cut off at the edge (about 5 mm too wide): an address or number, which never breaks, is longer than the line; shorten it by about 12 characters",
      fi: 'kortin etupuolella (kieli sv, koko `a6`) kohta `channels.email.address` leikkautuu reunasta (noin 5 mm liian leveä): osoite tai numero, jota ei katkaista, on riviä pidempi; lyhennä sitä noin 12 merkillä',
      sv: 'på framsidan av kortet (sv, storlek `a6`) skärs `channels.email.address` av vid kanten (ungefär 5 mm för brett): en adress eller ett nummer, som aldrig bryts, är längre än raden; korta den med ungefär 12 tecken',
    });
  });

  it('speaks of the content when no text is marked', () => {
    const finding = fitDiagnostic(charterAt('u.yaml'), 'fi', 'a7', { side: 'front', path: undefined, by: 2, lines: 1, characters: 40, textLength: 900 });
    expect(finding.message).toBe(
      "on the fi a7 card's front, the content does not fit (about 1 mm too long); shorten the texts on this side by about 1 line, or print a larger card (--size a6)",
    );
    expect(inEveryLanguage(finding).fi).toMatch(/^kortin etupuolella \(kieli fi, koko `a7`\) sisältö ei mahdu/);
    expect(inEveryLanguage(finding).sv).toMatch(/^på framsidan av kortet \(fi, storlek `a7`\) ryms inte innehållet/);
  });
});
