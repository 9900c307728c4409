/**
 * PDF/UA basics of the card PDFs, read from the PDF's own structure (veraPDF
 * is neither in Debian nor on npm): a structure tree, Marked, the language,
 * XMP metadata with title and language, alt text on every figure, and links
 * with a description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFString, PDFHexString, type PDFObject } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCards } from '../../src/cards/make-cards.js';
import { xmpPacket } from '../../src/cards/pdf-metadata.js';
import { chromiumAvailable } from '../browser/chromium.js';
import { writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

interface StructureElement {
  readonly type: string;
  readonly alt: string | undefined;
  readonly kids: readonly StructureElement[];
}

/** The structure tree below a node: its elements with their types and alt text. */
function structure(document: PDFDocument, node: PDFObject | undefined): StructureElement[] {
  const resolved = node instanceof PDFRef ? document.context.lookup(node) : node;
  if (resolved instanceof PDFArray) return resolved.asArray().flatMap((kid) => structure(document, kid));
  if (!(resolved instanceof PDFDict) || !resolved.has(PDFName.of('S'))) return [];
  const alt = resolved.lookup(PDFName.of('Alt'));
  return [
    {
      type: String(resolved.get(PDFName.of('S'))),
      alt: alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : undefined,
      kids: structure(document, resolved.get(PDFName.of('K'))),
    },
  ];
}

function flatten(elements: readonly StructureElement[]): StructureElement[] {
  return elements.flatMap((element) => [element, ...flatten(element.kids)]);
}

describe.runIf(chromiumAvailable())('a card PDF', () => {
  let document: PDFDocument;
  let elements: StructureElement[];
  beforeAll(async () => {
    // A name with characters XML escapes, to see the metadata stay well-formed.
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'fi: Testiyksikkö,', 'fi: "Testi & <yksikkö>",') });
    const result = await makeCards({ cwd, today: '2026-11-23', baseUrl: 'https://intranet.example.fi/' });
    expect(result.ok).toBe(true);
    document = await PDFDocument.load(readFileSync(join(cwd, '_site', 'cards', 'fi', 'test-unit-a6.pdf')), { updateMetadata: false });
    const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    elements = flatten(structure(document, root.get(PDFName.of('K'))));
  }, 120_000);

  it('is tagged: Marked, with a structure tree of headings, lists and the QR code as a figure', () => {
    const markInfo = document.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(String(markInfo.get(PDFName.of('Marked')))).toBe('true');
    const types = new Set(elements.map((element) => element.type));
    for (const type of ['/H1', '/H2', '/P', '/Figure']) expect(types).toContain(type);
  });

  it('names its language and shows its title, in the Info dictionary and the XMP metadata alike', () => {
    expect(document.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('fi');
    const preferences = document.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    expect(String(preferences.get(PDFName.of('DisplayDocTitle')))).toBe('true');
    const title = document.getTitle() ?? '';
    expect(title).toContain('Testi & <yksikkö>');
    const metadata = document.catalog.lookup(PDFName.of('Metadata'));
    if (!(metadata instanceof PDFRawStream)) throw new Error('no XMP metadata stream');
    expect(String(metadata.dict.get(PDFName.of('Subtype')))).toBe('/XML');
    const xmp = new TextDecoder().decode(metadata.getContents());
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escaped}</rdf:li></rdf:Alt></dc:title>`);
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>fi</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdf:Producer>charter</pdf:Producer>');
  });

  it('gives every figure alt text', () => {
    const figures = elements.filter((element) => element.type === '/Figure');
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure.alt?.trim()).toBeTruthy();
  });

  it('describes every link and takes the tab order of the structure', () => {
    let links = 0;
    for (const page of document.getPages()) {
      for (const reference of page.node.Annots()?.asArray() ?? []) {
        const annotation = document.context.lookup(reference, PDFDict);
        if (annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
        links++;
        expect(annotation.lookup(PDFName.of('Contents'), PDFString).decodeText()).toMatch(/\S/);
        expect(String(page.node.get(PDFName.of('Tabs')))).toBe('/S');
      }
    }
    expect(links).toBeGreaterThan(0);
  });
});

describe('xmpPacket', () => {
  it('escapes the title and drops what XML cannot hold', () => {
    const xmp = xmpPacket({ title: 'R&D <unit>\u0007', lang: 'sv' });
    expect(xmp).toContain('<rdf:li xml:lang="x-default">R&amp;D &lt;unit&gt;</rdf:li>');
    expect(xmp).toContain('<rdf:li>sv</rdf:li>');
    expect(xmp.startsWith('<?xpacket begin="\uFEFF"')).toBe(true);
    expect(xmp.endsWith('<?xpacket end="w"?>')).toBe(true);
  });
});
