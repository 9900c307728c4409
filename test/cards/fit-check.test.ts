import { describe, expect, it } from 'vitest';
import { fitDiagnostic } from '../../src/cards/fit-check.js';
import type { ResolvedCharter } from '../../src/load/resolved-charter.js';
import { renderMessage } from '../../src/messages/message.js';

/** Just enough of a loaded charter for fitDiagnostic: it only locates paths. */
const charter = {
  locate: () => ({ file: 'charters/unit.yaml', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 20 } } }),
} as unknown as ResolvedCharter;

describe('the card-fit finding', () => {
  it('names the side, the text and how much too long, in fi, sv and en', () => {
    const finding = fitDiagnostic(charter, 'en', 'a6', { side: 'back', path: 'guide.0', by: 40 }, 'warning');
    expect(finding).toMatchObject({
      ruleId: 'card-fit',
      severity: 'warning',
      message: "on the en a6 card's back, `guide[0]` does not fit (about 11 mm too long); shorten the text or print a larger --size",
      line: 3,
      path: ['guide', 0],
    });
    const text = finding.text;
    if (!text) throw new Error('no message data');
    expect(renderMessage(text, 'fi')).toBe(
      'kortin kääntöpuolella (kieli en, koko `a6`) kohta `guide[0]` ei mahdu (noin 11 mm liian pitkä); lyhennä tekstiä tai tulosta suurempi kortti (--size)',
    );
    expect(renderMessage(text, 'sv')).toBe(
      'på baksidan av kortet (en, storlek `a6`) ryms inte `guide[0]` (ungefär 11 mm för långt); korta texten eller skriv ut ett större kort (--size)',
    );
  });

  it('speaks of the content when no text is marked', () => {
    const finding = fitDiagnostic(charter, 'fi', 'a7', { side: 'front', path: undefined, by: 2 });
    expect(finding.message).toBe("on the fi a7 card's front, the content does not fit (about 1 mm too long); shorten the text or print a larger --size");
    const text = finding.text;
    if (!text) throw new Error('no message data');
    expect(renderMessage(text, 'fi')).toMatch(/^kortin etupuolella \(kieli fi, koko `a7`\) sisältö ei mahdu/);
    expect(renderMessage(text, 'sv')).toMatch(/^på framsidan av kortet \(fi, storlek `a7`\) ryms inte innehållet/);
  });
});
