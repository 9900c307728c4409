import { describe, expect, it } from 'vitest';
import { CARD_SIZES, CROP_MARK, MAX_COPIES, backCropMarks, backSlots, sheetLayout, sheetOrder } from '../../src/cards/sheet-layout.js';
import type { CardSize, Point, Segment, SheetLayout } from '../../src/cards/sheet-layout.js';

const EPS = 1e-6;
const SIZES: CardSize[] = ['a6', 'a7', 'credit-card'];

function cellBox(layout: SheetLayout, slot: Point): { left: number; bottom: number; right: number; top: number } {
  return { left: slot.x, bottom: slot.y, right: slot.x + layout.cell.width, top: slot.y + layout.cell.height };
}

/** True when an axis-aligned segment passes through the open interior of a box (touching an edge is allowed). */
function crossesInterior(segment: Segment, box: { left: number; bottom: number; right: number; top: number }): boolean {
  const xLo = Math.min(segment.x1, segment.x2);
  const xHi = Math.max(segment.x1, segment.x2);
  const yLo = Math.min(segment.y1, segment.y2);
  const yHi = Math.max(segment.y1, segment.y2);
  if (xLo === xHi) {
    return xLo > box.left + EPS && xLo < box.right - EPS && Math.max(yLo, box.bottom) < Math.min(yHi, box.top) - EPS;
  }
  return yLo > box.bottom + EPS && yLo < box.top - EPS && Math.max(xLo, box.left) < Math.min(xHi, box.right) - EPS;
}

describe('card sizes', () => {
  it('are the standard trim sizes in millimetres', () => {
    expect(CARD_SIZES.a6).toEqual({ width: 105, height: 148 });
    expect(CARD_SIZES.a7).toEqual({ width: 74, height: 105 });
    expect(CARD_SIZES['credit-card']).toEqual({ width: 85, height: 55 });
  });
});

describe('sheetLayout', () => {
  it('puts 4 A6 cards on an A4 sheet, 2 × 2, upright', () => {
    const layout = sheetLayout('a6');
    expect(layout.sheet).toEqual({ width: 210, height: 297 });
    expect([layout.columns, layout.rows, layout.perSheet, layout.rotated]).toEqual([2, 2, 4, false]);
    expect(layout.cell).toEqual({ width: 105, height: 148 });
    expect(layout.rotation).toEqual({ front: 0, back: 0 });
    expect(layout.slots).toEqual([
      { x: 0, y: 148.5 },
      { x: 105, y: 148.5 },
      { x: 0, y: 0.5 },
      { x: 105, y: 0.5 },
    ]);
  });

  it('puts 8 A7 cards on an A4 sheet, 2 × 4, turned 90°', () => {
    const layout = sheetLayout('a7');
    expect([layout.columns, layout.rows, layout.perSheet, layout.rotated]).toEqual([2, 4, 8, true]);
    expect(layout.card).toEqual({ width: 74, height: 105 });
    expect(layout.cell).toEqual({ width: 105, height: 74 });
    expect(layout.rotation).toEqual({ front: 90, back: 270 });
    expect(layout.slots[0]).toEqual({ x: 0, y: 222.5 });
    expect(layout.slots[7]).toEqual({ x: 105, y: 0.5 });
  });

  it('puts 10 credit cards on an A4 sheet, 2 × 5, centred with 20 mm sides and 11 mm top and bottom', () => {
    const layout = sheetLayout('credit-card');
    expect([layout.columns, layout.rows, layout.perSheet, layout.rotated]).toEqual([2, 5, 10, false]);
    const xs = layout.slots.map((s) => s.x);
    const ys = layout.slots.map((s) => s.y);
    expect(Math.min(...xs)).toBeCloseTo(20, 9);
    expect(210 - (Math.max(...xs) + 85)).toBeCloseTo(20, 9);
    expect(Math.min(...ys)).toBeCloseTo(11, 9);
    expect(297 - (Math.max(...ys) + 55)).toBeCloseTo(11, 9);
  });

  it.each(SIZES)('%s: slots are in reading order, inside the sheet and never overlap', (size) => {
    const layout = sheetLayout(size);
    expect(layout.slots).toHaveLength(layout.perSheet);
    for (const slot of layout.slots) {
      const box = cellBox(layout, slot);
      expect(box.left).toBeGreaterThanOrEqual(-EPS);
      expect(box.bottom).toBeGreaterThanOrEqual(-EPS);
      expect(box.right).toBeLessThanOrEqual(layout.sheet.width + EPS);
      expect(box.top).toBeLessThanOrEqual(layout.sheet.height + EPS);
    }
    for (let i = 0; i < layout.slots.length; i++) {
      for (let j = i + 1; j < layout.slots.length; j++) {
        const a = cellBox(layout, layout.slots[i]!);
        const b = cellBox(layout, layout.slots[j]!);
        const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const overlapY = Math.min(a.top, b.top) - Math.max(a.bottom, b.bottom);
        expect(overlapX <= EPS || overlapY <= EPS, `slots ${i} and ${j} overlap`).toBe(true);
      }
    }
    // Reading order: top row first, left to right.
    for (let i = 1; i < layout.slots.length; i++) {
      const prev = layout.slots[i - 1]!;
      const cur = layout.slots[i]!;
      expect(cur.y < prev.y - EPS || (Math.abs(cur.y - prev.y) <= EPS && cur.x > prev.x + EPS)).toBe(true);
    }
  });

  it.each(SIZES)('%s: the grid is centred and cards butt against each other', (size) => {
    const layout = sheetLayout(size);
    const left = Math.min(...layout.slots.map((s) => s.x));
    const right = Math.max(...layout.slots.map((s) => s.x)) + layout.cell.width;
    const bottom = Math.min(...layout.slots.map((s) => s.y));
    const top = Math.max(...layout.slots.map((s) => s.y)) + layout.cell.height;
    expect(right - left).toBeCloseTo(layout.columns * layout.cell.width, 9);
    expect(top - bottom).toBeCloseTo(layout.rows * layout.cell.height, 9);
    expect(left).toBeCloseTo(layout.sheet.width - right, 9);
    expect(bottom).toBeCloseTo(layout.sheet.height - top, 9);
  });

  it.each(SIZES)('%s: crop marks are inside the sheet, axis-aligned, 4 mm long and never cross a card', (size) => {
    const layout = sheetLayout(size);
    expect(layout.cropMarks.length).toBeGreaterThan(0);
    for (const mark of layout.cropMarks) {
      for (const x of [mark.x1, mark.x2]) expect(x >= -EPS && x <= layout.sheet.width + EPS).toBe(true);
      for (const y of [mark.y1, mark.y2]) expect(y >= -EPS && y <= layout.sheet.height + EPS).toBe(true);
      expect(mark.x1 === mark.x2 || mark.y1 === mark.y2).toBe(true);
      expect(Math.hypot(mark.x2 - mark.x1, mark.y2 - mark.y1)).toBeCloseTo(CROP_MARK.length, 9);
      for (const slot of layout.slots) {
        expect(crossesInterior(mark, cellBox(layout, slot)), `${JSON.stringify(mark)} crosses a card`).toBe(false);
      }
    }
  });

  it('credit cards: every cut gets outer marks 2 mm off the grid on both ends', () => {
    const layout = sheetLayout('credit-card');
    // 3 vertical cuts × 2 ends + 6 horizontal cuts × 2 ends.
    expect(layout.cropMarks).toHaveLength(3 * 2 + 6 * 2);
    const vertical = layout.cropMarks.filter((m) => m.x1 === m.x2);
    expect([...new Set(vertical.map((m) => m.x1))].sort((a, b) => a - b)).toEqual([20, 105, 190]);
    expect(vertical.filter((m) => m.y2 === 11 - 2 && m.y1 === 11 - 6)).toHaveLength(3);
    expect(vertical.filter((m) => m.y1 === 286 + 2 && m.y2 === 286 + 6)).toHaveLength(3);
    const horizontal = layout.cropMarks.filter((m) => m.y1 === m.y2);
    expect([...new Set(horizontal.map((m) => m.y1))].sort((a, b) => a - b)).toEqual([11, 66, 121, 176, 231, 286]);
    expect(horizontal.filter((m) => m.x1 === 14 && m.x2 === 18)).toHaveLength(6);
    expect(horizontal.filter((m) => m.x1 === 192 && m.x2 === 196)).toHaveLength(6);
  });

  it('A6: the grid fills the sheet, so only the two centre cuts are marked, with ticks clear of the clipped edge', () => {
    const layout = sheetLayout('a6');
    expect(layout.cropMarks).toEqual([
      { x1: 105, y1: 5, x2: 105, y2: 9 },
      { x1: 105, y1: 288, x2: 105, y2: 292 },
      { x1: 5, y1: 148.5, x2: 9, y2: 148.5 },
      { x1: 201, y1: 148.5, x2: 205, y2: 148.5 },
    ]);
  });

  it('A7: only the interior cuts (1 vertical, 3 horizontal) are marked', () => {
    const layout = sheetLayout('a7');
    const vertical = layout.cropMarks.filter((m) => m.x1 === m.x2);
    const horizontal = layout.cropMarks.filter((m) => m.y1 === m.y2);
    expect(vertical.map((m) => m.x1)).toEqual([105, 105]);
    expect([...new Set(horizontal.map((m) => m.y1))]).toEqual([74.5, 148.5, 222.5]);
    expect(horizontal).toHaveLength(6);
  });
});

describe('backSlots', () => {
  it.each(SIZES)('%s: mirrors each slot left↔right so the back lands behind its front', (size) => {
    const layout = sheetLayout(size);
    const backs = backSlots(layout);
    expect(backs).toHaveLength(layout.slots.length);
    backs.forEach((back, i) => {
      const front = layout.slots[i]!;
      expect(back.y).toBe(front.y);
      // Front's left edge + back's right edge = sheet width (flip about the vertical axis).
      expect(front.x + (back.x + layout.cell.width)).toBeCloseTo(layout.sheet.width, 9);
    });
  });

  it('swaps the columns of a 2-column A6 sheet', () => {
    const layout = sheetLayout('a6');
    expect(backSlots(layout)).toEqual([
      { x: 105, y: 148.5 },
      { x: 0, y: 148.5 },
      { x: 105, y: 0.5 },
      { x: 0, y: 0.5 },
    ]);
  });

  it('mirrors the crop marks the same way (the centred grid gives the same set)', () => {
    for (const size of SIZES) {
      const layout = sheetLayout(size);
      const key = (m: Segment): string => {
        const [a, b] = [`${m.x1},${m.y1}`, `${m.x2},${m.y2}`].sort();
        return `${a}-${b}`;
      };
      expect(backCropMarks(layout).map(key).sort()).toEqual(layout.cropMarks.map(key).sort());
    }
  });
});

describe('sheetOrder', () => {
  it('puts each card once, in order, by default', () => {
    expect(sheetOrder(3, 4)).toEqual([0, 1, 2]);
  });

  it('puts each card --copies times in a row', () => {
    expect(sheetOrder(2, 4, { copies: 3 })).toEqual([0, 0, 0, 1, 1, 1]);
  });

  it('fills the last sheet by repeating the cards from the first', () => {
    expect(sheetOrder(3, 4, { fill: true })).toEqual([0, 1, 2, 0]);
    expect(sheetOrder(3, 8, { fill: true })).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    // A full sheet is left as it is.
    expect(sheetOrder(4, 4, { fill: true })).toEqual([0, 1, 2, 3]);
    // Copies first, then each card once more until the sheet is full.
    expect(sheetOrder(3, 4, { copies: 2, fill: true })).toEqual([0, 0, 1, 1, 2, 2, 0, 1]);
  });

  it('makes a whole sheet of a single card', () => {
    expect(sheetOrder(1, sheetLayout('credit-card').perSheet, { fill: true })).toEqual(Array.from({ length: 10 }, () => 0));
  });

  it('refuses copies that are not a whole number from 1 to the limit', () => {
    for (const copies of [0, -1, 1.5, MAX_COPIES + 1, Number.NaN]) expect(() => sheetOrder(1, 4, { copies })).toThrow(RangeError);
    expect(sheetOrder(1, 4, { copies: MAX_COPIES })).toHaveLength(MAX_COPIES);
  });
});
