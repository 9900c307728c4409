/**
 * Sheet geometry for imposing pocket cards onto A4 print sheets.
 *
 * Pure functions, no I/O. All lengths are millimetres in PDF orientation:
 * the origin is the sheet's bottom-left corner and y grows upwards.
 *
 * Cards butt against each other (neighbours share a cut, no gutter, no bleed),
 * and the grid is centred on the sheet. Crop marks sit outside the grid where
 * there is room for them; where the grid fills the sheet (A6, A7) only the
 * interior cuts are marked, with short ticks inside the sheet edge, clear of the
 * margin that office printers clip (see the notes on printing, section 4).
 */

export type CardSize = 'a6' | 'a7' | 'credit-card';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Rotation in degrees, counter-clockwise, as in PDF and pdf-lib. */
export type Rotation = 0 | 90 | 270;

export interface SheetLayout {
  size: CardSize;
  /** The print sheet (A4 portrait). */
  sheet: Size;
  /** The card's trim size as designed (A6 and A7 portrait, credit card landscape). */
  card: Size;
  /** The space one card takes on the sheet: `card`, or `card` turned 90° when `rotated`. */
  cell: Size;
  /** True when cards are placed turned by 90° on the sheet (A7: 8 up instead of 4). */
  rotated: boolean;
  /**
   * How to turn each card's page, counter-clockwise: front pages turn one way,
   * back pages the other, so that after long-edge duplex each back's top edge is
   * behind its front's top edge.
   */
  rotation: { front: Rotation; back: Rotation };
  columns: number;
  rows: number;
  perSheet: number;
  /** Bottom-left corner of each card's cell, reading order (top row first, left to right). */
  slots: Point[];
  /** Crop-mark line segments. */
  cropMarks: Segment[];
}

/** Card trim sizes in millimetres (width × height as the card is read). */
export const CARD_SIZES: Readonly<Record<CardSize, Readonly<Size>>> = Object.freeze({
  a6: Object.freeze({ width: 105, height: 148 }),
  a7: Object.freeze({ width: 74, height: 105 }),
  'credit-card': Object.freeze({ width: 85, height: 55 }),
});

/** A4 portrait, millimetres. */
export const A4: Readonly<Size> = Object.freeze({ width: 210, height: 297 });

/** Crop-mark geometry, millimetres. */
export const CROP_MARK = Object.freeze({
  /** Line thickness. */
  thickness: 0.25,
  /** Gap between the cut and the start of an outer mark. */
  offset: 2,
  /** Length of a mark. */
  length: 4,
  /** Distance from the sheet edge to interior ticks (office printers clip about 4–5 mm). */
  edgeInset: 5,
});

export function isCardSize(value: string): value is CardSize {
  return Object.hasOwn(CARD_SIZES, value);
}

/** Floating-point tolerance for comparing millimetre positions. */
const EPSILON = 1e-9;

function round(value: number): number {
  // Keep coordinates free of binary noise (e.g. 43.00000000000001) without losing precision that matters.
  return Math.round(value * 1e6) / 1e6;
}

export function sheetLayout(size: CardSize): SheetLayout {
  const card = CARD_SIZES[size];
  if (card === undefined) throw new RangeError(`unknown card size: ${String(size)}`);
  const sheet = { width: A4.width, height: A4.height };

  // Try the card as designed and turned by 90°; keep whichever fits more (as designed on a tie).
  const upright = fit(sheet, card);
  const turned = fit(sheet, { width: card.height, height: card.width });
  const rotated = turned.columns * turned.rows > upright.columns * upright.rows;
  const { columns, rows } = rotated ? turned : upright;
  const cell = rotated ? { width: card.height, height: card.width } : { width: card.width, height: card.height };
  if (columns < 1 || rows < 1) throw new RangeError(`a ${size} card does not fit on an A4 sheet`);

  const gridWidth = columns * cell.width;
  const gridHeight = rows * cell.height;
  const left = (sheet.width - gridWidth) / 2;
  const bottom = (sheet.height - gridHeight) / 2;

  const slots: Point[] = [];
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      slots.push({
        x: round(left + column * cell.width),
        y: round(bottom + (rows - 1 - row) * cell.height),
      });
    }
  }

  const xCuts = Array.from({ length: columns + 1 }, (_, i) => left + i * cell.width);
  const yCuts = Array.from({ length: rows + 1 }, (_, i) => bottom + i * cell.height);
  const cropMarks = marks(sheet, { left, bottom, right: left + gridWidth, top: bottom + gridHeight }, xCuts, yCuts);

  return {
    size,
    sheet,
    card: { width: card.width, height: card.height },
    cell,
    rotated,
    rotation: rotated ? { front: 90, back: 270 } : { front: 0, back: 0 },
    columns,
    rows,
    perSheet: columns * rows,
    slots,
    cropMarks,
  };
}

function fit(sheet: Size, cell: Size): { columns: number; rows: number } {
  return {
    columns: Math.floor((sheet.width + EPSILON) / cell.width),
    rows: Math.floor((sheet.height + EPSILON) / cell.height),
  };
}

interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

function marks(sheet: Size, grid: Box, xCuts: number[], yCuts: number[]): Segment[] {
  const { offset, length, edgeInset } = CROP_MARK;
  const reach = offset + length;
  const segments: Segment[] = [];
  const push = (x1: number, y1: number, x2: number, y2: number): void => {
    segments.push({ x1: round(x1), y1: round(y1), x2: round(x2), y2: round(y2) });
  };

  // Vertical cuts (x = const): marks below and above the grid, or interior ticks at the sheet's bottom and top edges.
  const roomBelow = grid.bottom + EPSILON >= reach;
  const roomAbove = sheet.height - grid.top + EPSILON >= reach;
  xCuts.forEach((x, i) => {
    const interior = i > 0 && i < xCuts.length - 1;
    if (roomBelow) push(x, grid.bottom - reach, x, grid.bottom - offset);
    else if (interior) push(x, edgeInset, x, edgeInset + length);
    if (roomAbove) push(x, grid.top + offset, x, grid.top + reach);
    else if (interior) push(x, sheet.height - edgeInset - length, x, sheet.height - edgeInset);
  });

  // Horizontal cuts (y = const): marks left and right of the grid, or interior ticks at the sheet's side edges.
  const roomLeft = grid.left + EPSILON >= reach;
  const roomRight = sheet.width - grid.right + EPSILON >= reach;
  yCuts.forEach((y, i) => {
    const interior = i > 0 && i < yCuts.length - 1;
    if (roomLeft) push(grid.left - reach, y, grid.left - offset, y);
    else if (interior) push(edgeInset, y, edgeInset + length, y);
    if (roomRight) push(grid.right + offset, y, grid.right + reach, y);
    else if (interior) push(sheet.width - edgeInset - length, y, sheet.width - edgeInset, y);
  });

  return segments;
}

/**
 * Slot positions for the back sides on the reverse page, index for index with
 * `layout.slots`: mirrored left↔right, because long-edge duplex on a portrait
 * sheet turns the paper over about its vertical axis.
 */
export function backSlots(layout: SheetLayout): Point[] {
  return layout.slots.map(({ x, y }) => ({ x: round(layout.sheet.width - x - layout.cell.width), y }));
}

/** Crop marks for the reverse page: `layout.cropMarks` mirrored left↔right. */
export function backCropMarks(layout: SheetLayout): Segment[] {
  const w = layout.sheet.width;
  return layout.cropMarks.map(({ x1, y1, x2, y2 }) => ({ x1: round(w - x1), y1, x2: round(w - x2), y2 }));
}

/** The most copies of each card one run puts on the sheets; more is a typing mistake (a printer copies sheets). */
export const MAX_COPIES = 100;

/** Whether a number of copies is one a run accepts: a whole number from 1 to MAX_COPIES. */
export function isCopies(copies: number): boolean {
  return Number.isInteger(copies) && copies >= 1 && copies <= MAX_COPIES;
}

export interface SheetFilling {
  /** Each card this many times in a row (default 1). */
  readonly copies?: number;
  /** Repeat the cards, in order, until the last sheet has no blank slot. */
  readonly fill?: boolean;
}

/**
 * Which card goes in each slot of the sheets, in reading order: each card
 * `copies` times in a row, so that a cut stack holds one card's copies
 * together; with `fill`, the cards again from the first until the last sheet
 * is full (a single card: a whole sheet of it). Pure.
 */
export function sheetOrder(cards: number, perSheet: number, filling: SheetFilling = {}): number[] {
  const copies = filling.copies ?? 1;
  if (!isCopies(copies)) throw new RangeError(`copies must be a whole number from 1 to ${MAX_COPIES}`);
  const order = Array.from({ length: cards }, (_, card) => Array.from({ length: copies }, () => card)).flat();
  if (!filling.fill || order.length === 0) return order;
  const blank = (perSheet - (order.length % perSheet)) % perSheet;
  const once = order.filter((_, index) => index % copies === 0);
  for (let index = 0; index < blank; index++) order.push(once[index % once.length] as number);
  return order;
}
