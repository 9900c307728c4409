import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { imposeCards, mm } from '../../src/cards/impose.js';
import { CARD_SIZES, backSlots, sheetLayout } from '../../src/cards/sheet-layout.js';
import type { CardSize } from '../../src/cards/sheet-layout.js';

const A4_PT = { width: 595.28, height: 841.89 };
const PDFINFO = '/usr/bin/pdfinfo';
const PDFTOTEXT = '/usr/bin/pdftotext';
const hasPoppler = existsSync(PDFINFO) && existsSync(PDFTOTEXT);

const tmp = mkdtempSync(join(tmpdir(), 'charter-impose-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Card n's words: `CARD03FRONT` / `CARD03BACK`, drawn near the card's top-left corner. */
function word(n: number, side: 'FRONT' | 'BACK'): string {
  return `CARD${String(n).padStart(2, '0')}${side}`;
}

/** A 2-page card PDF like the renderer's; `pageMm` overrides the page size (default: the exact trim size). */
async function makeCard(n: number, size: CardSize, pageMm?: { width: number; height: number }): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const { width, height } = pageMm ?? CARD_SIZES[size];
  for (const side of ['FRONT', 'BACK'] as const) {
    const page = doc.addPage([mm(width), mm(height)]);
    page.drawText(word(n, side), { x: mm(6), y: mm(height - 12), size: 9, font });
  }
  return doc.save();
}

async function makeCards(count: number, size: CardSize): Promise<Uint8Array[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => makeCard(i + 1, size)));
}

function save(name: string, bytes: Uint8Array): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

function pageText(file: string, page: number): string {
  return execFileSync(PDFTOTEXT, ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

interface Word {
  page: number;
  text: string;
  /** Centre of the word's box in mm, PDF orientation (origin bottom-left). */
  x: number;
  y: number;
}

/** Word positions from `pdftotext -bbox`, converted to mm from the bottom-left corner. */
function words(file: string): Word[] {
  const html = execFileSync(PDFTOTEXT, ['-bbox', file, '-'], { encoding: 'utf8' });
  const result: Word[] = [];
  const pages = html.split('<page ').slice(1);
  pages.forEach((chunk, index) => {
    const heightPt = Number(/height="([\d.]+)"/.exec(chunk)?.[1]);
    for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [, xMin, yMin, xMax, yMax, text] = m;
      const cx = (Number(xMin) + Number(xMax)) / 2;
      const cy = (Number(yMin) + Number(yMax)) / 2;
      result.push({ page: index + 1, text: text ?? '', x: (cx * 25.4) / 72, y: ((heightPt - cy) * 25.4) / 72 });
    }
  });
  return result;
}

function findWord(all: Word[], text: string): Word {
  const found = all.filter((w) => w.text === text);
  expect(found, `${text} should appear exactly once`).toHaveLength(1);
  return found[0]!;
}

describe('mm', () => {
  it('converts millimetres to points', () => {
    expect(mm(25.4)).toBe(72);
    expect(mm(210)).toBeCloseTo(595.28, 2);
    expect(mm(297)).toBeCloseTo(841.89, 2);
  });
});

describe('imposeCards', () => {
  it('imposes 5 A6 cards on 2 sheets: front, back, front, back, every page exactly A4', async () => {
    const bytes = await imposeCards(await makeCards(5, 'a6'), 'a6');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(4);
    for (const page of doc.getPages()) {
      const { width, height } = page.getSize();
      expect(Math.abs(width - A4_PT.width)).toBeLessThan(0.01);
      expect(Math.abs(height - A4_PT.height)).toBeLessThan(0.01);
    }
    expect(doc.getTitle()).toMatch(/A6/);
    expect(doc.getProducer()).toBe('charter');
  });

  it('rejects an empty list and a card without a back page', async () => {
    await expect(imposeCards([], 'a6')).rejects.toThrow(/at least one card/);
    const single = await PDFDocument.create();
    single.addPage([mm(105), mm(148)]);
    await expect(imposeCards([await makeCard(1, 'a6'), await single.save()], 'a6')).rejects.toThrow(/card 2: expected 2 pages/);
    await expect(imposeCards([new Uint8Array([1, 2, 3])], 'a6')).rejects.toThrow(/card 1: not a readable PDF/);
  });

  it.skipIf(!hasPoppler)('passes pdfinfo and pdftotext: page count, A4 size, fronts and backs on the right pages', async () => {
    const file = save('a6.pdf', await imposeCards(await makeCards(5, 'a6'), 'a6'));
    const info = execFileSync(PDFINFO, [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+4$/m);
    expect(info).toMatch(/^Producer:\s+charter$/m);
    const sizeMatch = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    expect(sizeMatch).not.toBeNull();
    expect(Math.abs(Number(sizeMatch?.[1]) - A4_PT.width)).toBeLessThan(0.01);
    expect(Math.abs(Number(sizeMatch?.[2]) - A4_PT.height)).toBeLessThan(0.01);

    const page1 = pageText(file, 1);
    const page2 = pageText(file, 2);
    const page3 = pageText(file, 3);
    const page4 = pageText(file, 4);
    for (const n of [1, 2, 3, 4]) {
      expect(page1).toContain(word(n, 'FRONT'));
      expect(page1).not.toContain(word(n, 'BACK'));
      expect(page2).toContain(word(n, 'BACK'));
      expect(page2).not.toContain(word(n, 'FRONT'));
    }
    expect(page3).toContain(word(5, 'FRONT'));
    expect(page3).not.toMatch(/CARD0[1-4]/);
    expect(page4).toContain(word(5, 'BACK'));
    expect(page4).not.toMatch(/CARD0[1-4]|FRONT/);
  });

  it.skipIf(!hasPoppler)('places each front in its slot and each back in the mirrored slot (A6)', async () => {
    const layout = sheetLayout('a6');
    const backs = backSlots(layout);
    const all = words(save('a6-pos.pdf', await imposeCards(await makeCards(4, 'a6'), 'a6')));
    for (let i = 0; i < 4; i++) {
      const front = findWord(all, word(i + 1, 'FRONT'));
      const back = findWord(all, word(i + 1, 'BACK'));
      expect(front.page).toBe(1);
      expect(back.page).toBe(2);
      const slot = layout.slots[i]!;
      const backSlot = backs[i]!;
      // Near the card's top-left corner, inside its cell.
      expect(front.x).toBeGreaterThan(slot.x);
      expect(front.x).toBeLessThan(slot.x + layout.cell.width / 2);
      expect(front.y).toBeGreaterThan(slot.y + layout.cell.height / 2);
      expect(front.y).toBeLessThan(slot.y + layout.cell.height);
      expect(back.x).toBeGreaterThan(backSlot.x);
      expect(back.x).toBeLessThan(backSlot.x + layout.cell.width / 2);
      expect(back.y).toBeGreaterThan(backSlot.y + layout.cell.height / 2);
      expect(back.y).toBeLessThan(backSlot.y + layout.cell.height);
    }
  });

  it.skipIf(!hasPoppler)('scales each card page to the exact trim size, whatever size it was rendered at', async () => {
    // Chromium rounds 105×148 mm to 105.16×148.17 mm; a page twice the trim size shows the scaling plainly.
    const layout = sheetLayout('a6');
    const cards = [await makeCard(1, 'a6', { width: 210, height: 296 }), await makeCard(2, 'a6', { width: 105.16, height: 148.17 })];
    const all = words(save('a6-scaled.pdf', await imposeCards(cards, 'a6')));
    const slot = layout.slots[0]!;
    const first = findWord(all, word(1, 'FRONT'));
    // Drawn at (6, h - 12) mm on a 210×296 page: half that on the 105×148 card.
    expect(first.x).toBeGreaterThan(slot.x + 3);
    expect(first.x).toBeLessThan(slot.x + layout.cell.width / 2);
    expect(first.y).toBeGreaterThan(slot.y + layout.cell.height - 12);
    expect(first.y).toBeLessThan(slot.y + layout.cell.height);
    const second = findWord(all, word(2, 'FRONT'));
    expect(second.x).toBeGreaterThan(layout.slots[1]!.x);
    expect(second.x).toBeLessThan(layout.slots[1]!.x + layout.cell.width);
  });

  it.skipIf(!hasPoppler)('turns A7 cards so 8 fit a sheet: fronts top-left, backs top-right, each in its cell', async () => {
    const layout = sheetLayout('a7');
    const backs = backSlots(layout);
    const file = save('a7.pdf', await imposeCards(await makeCards(8, 'a7'), 'a7'));
    const doc = await PDFDocument.load(readFileSync(file));
    expect(doc.getPageCount()).toBe(2);
    const all = words(file);
    for (let i = 0; i < 8; i++) {
      const front = findWord(all, word(i + 1, 'FRONT'));
      const back = findWord(all, word(i + 1, 'BACK'));
      expect(front.page).toBe(1);
      expect(back.page).toBe(2);
      const s = layout.slots[i]!;
      const b = backs[i]!;
      // Front turned 90° counter-clockwise: the card's top edge is the cell's left edge, its left edge the cell's bottom.
      expect(front.x).toBeGreaterThan(s.x);
      expect(front.x).toBeLessThan(s.x + layout.cell.width / 2);
      expect(front.y).toBeGreaterThan(s.y);
      expect(front.y).toBeLessThan(s.y + layout.cell.height / 2);
      // Back turned the other way: its top edge on the cell's right (behind the front's top after a long-edge flip).
      expect(back.x).toBeGreaterThan(b.x + layout.cell.width / 2);
      expect(back.x).toBeLessThan(b.x + layout.cell.width);
      expect(back.y).toBeGreaterThan(b.y + layout.cell.height / 2);
      expect(back.y).toBeLessThan(b.y + layout.cell.height);
    }
  });

  /** How often each card's front word appears on each front page: `[{ CARD01FRONT: 2 }, …]`. */
  function frontsBySheet(file: string, pages: number): Record<string, number>[] {
    return Array.from({ length: pages / 2 }, (_, sheet) => {
      const counts: Record<string, number> = {};
      for (const found of pageText(file, sheet * 2 + 1).match(/CARD\d\dFRONT/g) ?? []) counts[found] = (counts[found] ?? 0) + 1;
      return counts;
    });
  }

  it('puts each card --copies times on the sheets, in a row', async () => {
    const bytes = await imposeCards(await makeCards(3, 'a6'), 'a6', { copies: 2 });
    const doc = await PDFDocument.load(bytes);
    // 3 cards × 2 copies = 6 slots: two sheets (front and back each), the second half blank.
    expect(doc.getPageCount()).toBe(4);
    if (!hasPoppler) return;
    const file = save('copies.pdf', bytes);
    expect(frontsBySheet(file, 4)).toEqual([{ CARD01FRONT: 2, CARD02FRONT: 2 }, { CARD03FRONT: 2 }]);
    // The backs follow their fronts.
    expect(pageText(file, 4).match(/CARD\d\dBACK/g)).toEqual(['CARD03BACK', 'CARD03BACK']);
  });

  it('fills the last sheet: a single card makes a whole sheet of it', async () => {
    const single = await imposeCards(await makeCards(1, 'a7'), 'a7', { fill: true });
    expect((await PDFDocument.load(single)).getPageCount()).toBe(2);
    const five = await imposeCards(await makeCards(5, 'a6'), 'a6', { fill: true });
    expect((await PDFDocument.load(five)).getPageCount()).toBe(4);
    if (!hasPoppler) return;
    expect(frontsBySheet(save('fill-one.pdf', single), 2)).toEqual([{ CARD01FRONT: 8 }]);
    expect(pageText(save('fill-one.pdf', single), 2).match(/CARD01BACK/g)).toHaveLength(8);
    // Five cards on two sheets of four: the last sheet is the fifth card and the first three again.
    expect(frontsBySheet(save('fill-five.pdf', five), 4)).toEqual([
      { CARD01FRONT: 1, CARD02FRONT: 1, CARD03FRONT: 1, CARD04FRONT: 1 },
      { CARD05FRONT: 1, CARD01FRONT: 1, CARD02FRONT: 1, CARD03FRONT: 1 },
    ]);
  });

  it('refuses a number of copies out of range', async () => {
    await expect(imposeCards(await makeCards(1, 'a6'), 'a6', { copies: 0 })).rejects.toThrow(RangeError);
  });

  it('imposes 10 credit cards on one sheet pair and 11 on two', async () => {
    const ten = await PDFDocument.load(await imposeCards(await makeCards(10, 'credit-card'), 'credit-card'));
    expect(ten.getPageCount()).toBe(2);
    const eleven = await PDFDocument.load(await imposeCards(await makeCards(11, 'credit-card'), 'credit-card'));
    expect(eleven.getPageCount()).toBe(4);
  });
});
