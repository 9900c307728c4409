/**
 * PDF/UA basics for a card PDF that Chromium printed tagged (structure tree,
 * images as figures with their alt text): the title shown in the window, the
 * language, the Marked flag, XMP metadata that says the same and claims
 * PDF/UA-1, a description on each link, and tab order by structure.
 */
import { PDFArray, PDFBool, PDFDict, PDFName, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

export interface CardMetadata {
  /** The card's title, as its page's <title>. */
  readonly title: string;
  /** BCP 47 tag of the card's texts. */
  readonly lang: string;
}

/** The tool named as the PDF's creator and producer. */
const TOOL = 'charter';

export function markAccessible(document: PDFDocument, { title, lang }: CardMetadata): void {
  // showInWindowTitleBar sets ViewerPreferences /DisplayDocTitle true: readers show the title, not the file name.
  document.setTitle(title, { showInWindowTitleBar: true });
  document.setLanguage(lang);
  document.setProducer(TOOL);
  document.setCreator(TOOL);
  const catalog = document.catalog;
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict) ?? document.context.obj({});
  markInfo.set(PDFName.of('Marked'), PDFBool.True);
  catalog.set(PDFName.of('MarkInfo'), markInfo);
  const created = document.getCreationDate();
  const modified = document.getModificationDate();
  const xmp = xmpPacket({ title, lang, ...(created ? { created } : {}), ...(modified ? { modified } : {}) });
  // UTF-8 and uncompressed, as PDF/UA validators and indexers read it.
  const stream = document.context.stream(new TextEncoder().encode(xmp), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), document.context.register(stream));
  describeLinks(document);
  const root = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (root) groupingFiguresAsDivs(document, root.get(PDFName.of('K')));
}

/**
 * Every link annotation gets a description (/Contents: where it leads, as
 * `tel:` and `mailto:` addresses read), and each page with annotations takes
 * the tab order of the structure.
 */
function describeLinks(document: PDFDocument): void {
  for (const page of document.getPages()) {
    const annotations = page.node.Annots();
    if (!annotations || annotations.size() === 0) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (const reference of annotations.asArray()) {
      const annotation = document.context.lookupMaybe(reference, PDFDict);
      if (!annotation || annotation.get(PDFName.of('Subtype')) !== PDFName.of('Link') || annotation.has(PDFName.of('Contents'))) continue;
      const uri = annotation.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString)?.decodeText();
      if (uri !== undefined) annotation.set(PDFName.of('Contents'), PDFString.of(uri.replace(/^(?:mailto|tel):/, '')));
    }
  }
}

/**
 * Chromium tags an HTML <figure> (a quotation with its source, the QR code
 * with its address) as a Figure, which PDF/UA requires to have alt text; a
 * figure that holds other structure is a group, so it becomes a Div. Figures
 * of images keep their alt text.
 */
function groupingFiguresAsDivs(document: PDFDocument, node: PDFObject | undefined): void {
  const resolved = node instanceof PDFRef ? document.context.lookup(node) : node;
  if (resolved instanceof PDFArray) {
    for (const kid of resolved.asArray()) groupingFiguresAsDivs(document, kid);
    return;
  }
  if (!(resolved instanceof PDFDict) || !resolved.has(PDFName.of('S'))) return;
  const kids = resolved.get(PDFName.of('K'));
  const isGroup = structureKids(document, kids).some((kid) => kid.has(PDFName.of('S')));
  if (resolved.get(PDFName.of('S')) === PDFName.of('Figure') && !resolved.has(PDFName.of('Alt')) && isGroup) resolved.set(PDFName.of('S'), PDFName.of('Div'));
  groupingFiguresAsDivs(document, kids);
}

/** The dictionaries among a structure element's kids (marked-content numbers are not). */
function structureKids(document: PDFDocument, kids: PDFObject | undefined): PDFDict[] {
  const list = kids instanceof PDFArray ? kids.asArray() : kids === undefined ? [] : [kids];
  return list.flatMap((kid) => {
    const resolved = kid instanceof PDFRef ? document.context.lookup(kid) : kid;
    return resolved instanceof PDFDict ? [resolved] : [];
  });
}

/** The XMP packet: Dublin Core title and language, the tool, the dates as in the Info dictionary, and pdfuaid:part 1. */
export function xmpPacket(fields: CardMetadata & { readonly created?: Date; readonly modified?: Date }): string {
  const dates = [
    ...(fields.created ? [`<xmp:CreateDate>${fields.created.toISOString()}</xmp:CreateDate>`] : []),
    ...(fields.modified ? [`<xmp:ModifyDate>${fields.modified.toISOString()}</xmp:ModifyDate>`] : []),
  ];
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '<pdfuaid:part>1</pdfuaid:part>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(fields.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:language><rdf:Bag><rdf:li>${xmlText(fields.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Producer>${TOOL}</pdf:Producer>`,
    `<xmp:CreatorTool>${TOOL}</xmp:CreatorTool>`,
    ...dates,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** Text as XML character data: a charter's name may hold `&` or `<` (control characters are not allowed in XML at all). */
function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
