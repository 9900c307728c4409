import type { LoadedCollection } from '../load/load-collection.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { renderMarkdown } from '../render/markdown.js';
import { planCardPages, type CardPage } from '../view/site-plan.js';

export type { CardPage };

/** Every card page of a collection (one per charter and language), with the charter it shows; nothing else of the site is planned. */
export function planCards(collection: LoadedCollection, today: string | undefined): { page: CardPage; charter: ResolvedCharter }[] {
  return planCardPages(collection.charters, { today, renderMarkdown });
}

/** A QR code for an address, as an SVG data URI the card template shows as an image. */
export async function qrCode(url: string): Promise<{ dataUri: string; url: string }> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, url };
}
