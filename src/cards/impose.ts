/**
 * Impose rendered pocket cards onto A4 print sheets with pdf-lib.
 *
 * Each card arrives as a two-page PDF (page 1 front, page 2 back) rendered at its
 * trim size. For every group of `perSheet` cards we add a front page and a back
 * page (for long-edge duplex), each with crop marks; `copies` and `fill` repeat
 * cards (see sheetOrder). Every card page is scaled to
 * the exact trim size, which absorbs Chromium's rounding of page sizes.
 *
 * Imposed sheets lose the cards' tag structure: they are for printing only; the
 * card PDFs themselves are the accessible downloads.
 */
import { PDFDocument, cmyk, degrees } from 'pdf-lib';
import type { PDFEmbeddedPage, PDFPage } from 'pdf-lib';
import { CROP_MARK, backCropMarks, backSlots, sheetLayout, sheetOrder } from './sheet-layout.js';
import type { CardSize, Point, Rotation, Segment, SheetFilling, SheetLayout } from './sheet-layout.js';

/** Millimetres to PDF points (1 pt = 1/72 in). */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

export interface ImposeOptions extends SheetFilling {
  /** Document title; defaults to a description of the sheets. */
  title?: string;
}

const SIZE_LABELS: Record<CardSize, string> = { a6: 'A6', a7: 'A7', 'credit-card': 'credit-card' };

/** Pure black (K only), the usual choice for crop marks. */
const MARK_COLOUR = cmyk(0, 0, 0, 1);

export async function imposeCards(cards: Uint8Array[], size: CardSize, options: ImposeOptions = {}): Promise<Uint8Array> {
  if (cards.length === 0) throw new RangeError('imposeCards needs at least one card');
  const layout = sheetLayout(size);
  const backs = backSlots(layout);
  const backMarks = backCropMarks(layout);

  const doc = await PDFDocument.create();
  const title = options.title ?? `Pocket cards, ${SIZE_LABELS[size]}, ${layout.perSheet} per A4 sheet (print only)`;
  doc.setTitle(title);
  doc.setProducer('charter');
  doc.setCreator('charter');
  doc.setSubject('Print sheets for long-edge duplex; cut along the crop marks. Print only: use the card PDFs for reading.');

  const embedded: { front: PDFEmbeddedPage; back: PDFEmbeddedPage }[] = [];
  for (const [index, bytes] of cards.entries()) {
    let source: PDFDocument;
    try {
      source = await PDFDocument.load(bytes, { updateMetadata: false });
    } catch (error) {
      throw new Error(`card ${index + 1}: not a readable PDF`, { cause: error });
    }
    if (source.getPageCount() < 2) {
      throw new Error(`card ${index + 1}: expected 2 pages (front, back), found ${source.getPageCount()}`);
    }
    const [front, back] = await doc.embedPdf(source, [0, 1]);
    if (front === undefined || back === undefined) throw new Error(`card ${index + 1}: could not embed its pages`);
    embedded.push({ front, back });
  }

  // Each card is embedded once, however often it is drawn.
  const placed = sheetOrder(embedded.length, layout.perSheet, options).map((index) => embedded[index] as (typeof embedded)[number]);
  for (let start = 0; start < placed.length; start += layout.perSheet) {
    const group = placed.slice(start, start + layout.perSheet);
    const frontPage = addSheet(doc, layout);
    group.forEach((card, i) => drawCard(frontPage, card.front, layout, slotAt(layout.slots, i), layout.rotation.front));
    drawMarks(frontPage, layout.cropMarks);

    const backPage = addSheet(doc, layout);
    group.forEach((card, i) => drawCard(backPage, card.back, layout, slotAt(backs, i), layout.rotation.back));
    drawMarks(backPage, backMarks);
  }

  return doc.save();
}

function slotAt(slots: Point[], index: number): Point {
  const slot = slots[index];
  if (slot === undefined) throw new RangeError(`no slot ${index} on the sheet`);
  return slot;
}

function addSheet(doc: PDFDocument, layout: SheetLayout): PDFPage {
  return doc.addPage([mm(layout.sheet.width), mm(layout.sheet.height)]);
}

/**
 * Draw one card page into its cell at the exact trim size. pdf-lib rotates about
 * the drawing origin, so a turned card's origin moves to the cell corner that the
 * page's bottom-left corner ends up in.
 */
function drawCard(page: PDFPage, card: PDFEmbeddedPage, layout: SheetLayout, slot: Point, rotation: Rotation): void {
  const width = mm(layout.card.width);
  const height = mm(layout.card.height);
  let x = mm(slot.x);
  let y = mm(slot.y);
  if (rotation === 90)
    x += height; // top of the card points left; page spans [x - height, x] × [y, y + width]
  else if (rotation === 270) y += width; // top of the card points right; page spans [x, x + height] × [y - width, y]
  page.drawPage(card, { x, y, width, height, rotate: degrees(rotation) });
}

function drawMarks(page: PDFPage, segments: Segment[]): void {
  const thickness = mm(CROP_MARK.thickness);
  for (const { x1, y1, x2, y2 } of segments) {
    page.drawLine({ start: { x: mm(x1), y: mm(y1) }, end: { x: mm(x2), y: mm(y2) }, thickness, color: MARK_COLOUR });
  }
}
