import { describe, expect, it } from 'vitest';
import { unpairedBidi, withBidiClosed } from '../../src/util/bidi.js';

const LRE = '\u202a';
const RLE = '\u202b';
const PDF = '\u202c';
const LRO = '\u202d';
const RLO = '\u202e';
const LRI = '\u2066';
const RLI = '\u2067';
const FSI = '\u2068';
const PDI = '\u2069';

/** `kind@offset` for each problem, in order. */
function problems(text: string): string[] {
  return unpairedBidi(text).map((problem) => `${problem.kind}@${problem.offset}`);
}

describe('pairing bidirectional formatting as the bidi algorithm does', () => {
  it.each([
    ['plain text', 'Rakennusvalvonta +358 9 123 4000'],
    ['an isolate closed', `a${RLI}b${PDI}c`],
    ['every isolate and embedding closed', `${LRI}a${PDI}${FSI}b${PDI}${LRE}c${PDF}${RLE}d${PDF}`],
    ['nested', `${RLI}a${LRE}b${RLI}c${PDI}d${PDF}e${PDI}`],
    ['an embedding closed by the isolate around it', `${RLI}a${LRE}b${PDI}`],
    ['an isolate split over lines of one paragraph (a folded text)', `${RLI}a b${PDI}`],
    ['the marks, which are not formatting', 'a\u200eb\u200fc\u061cd'],
  ])('%s: no problem', (_name, text) => {
    expect(problems(text)).toEqual([]);
    expect(withBidiClosed(text)).toBe(text);
  });

  it.each([
    ['an override', `Rakennusvalvonta${RLO} 123`, ['override@16']],
    ['a left-to-right override', `${LRO}abc`, ['override@0']],
    ['an override with its PDF (the PDF closes nothing)', `a${RLO}b${PDF}`, ['override@1', 'unmatched@3']],
    ['an isolate left open', `a${RLI}b`, ['unclosed@1']],
    ['an embedding left open', `a${RLE}b`, ['unclosed@1']],
    ['a PDI with no isolate', `a${PDI}b`, ['unmatched@1']],
    ['a PDF with no embedding', `a${PDF}b`, ['unmatched@1']],
    ['a PDF cannot reach out of an isolate', `${LRE}a${RLI}b${PDF}c${PDI}`, ['unclosed@0', 'unmatched@4']],
    ['a PDI for an isolate closed already', `${RLI}a${PDI}${PDI}`, ['unmatched@3']],
    ['a paragraph ends everything', `${RLI}a\nb${PDI}`, ['unclosed@0', 'unmatched@4']],
    ['a paragraph separator too', `${LRE}a\u2029b${PDF}`, ['unclosed@0', 'unmatched@4']],
    ['closers in the wrong order', `${PDI}${RLI}`, ['unmatched@0', 'unclosed@1']],
  ])('%s', (_name, text, expected) => {
    expect(problems(text)).toEqual(expected);
  });
});

describe('withBidiClosed keeps formatting inside its text', () => {
  it.each([
    ['closes an isolate at the end', `a${RLI}b`, `a${RLI}b${PDI}`],
    ['closes the last opened first', `${LRE}${FSI}${RLE}x`, `${LRE}${FSI}${RLE}x${PDF}${PDI}${PDF}`],
    ['closes at the end of the paragraph, and drops the closer after it', `a${RLI}b\nc${PDI}d`, `a${RLI}b${PDI}\ncd`],
    ['drops overrides and their PDF', `Rakennusvalvonta${RLO} +358 9 123 4000${PDF}`, 'Rakennusvalvonta +358 9 123 4000'],
    ['drops unmatched closers', `${PDF}a${PDI}`, 'a'],
    ['keeps what pairs', `${RLI}a${PDI}${RLE}b`, `${RLI}a${PDI}${RLE}b${PDF}`],
  ])('%s', (_name, text, expected) => {
    expect(withBidiClosed(text)).toBe(expected);
    expect(unpairedBidi(withBidiClosed(text))).toEqual([]);
  });

  it('leaves nothing unpaired in any mix of them', () => {
    const pieces = [LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, 'a', '\n'];
    let seed = 20261203;
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let count = 0; count < 8; count++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += pieces[seed % pieces.length] as string;
      }
      const closed = withBidiClosed(text);
      expect(unpairedBidi(closed), JSON.stringify(text)).toEqual([]);
      // Only formatting is added or dropped: the letters and line breaks stay.
      expect(closed.replace(/[\u202a-\u202e\u2066-\u2069]/g, '')).toBe(text.replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));
    }
  });
});
