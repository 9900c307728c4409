import type { LoadedCollection } from '../load/load-collection.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import { renderMarkdown } from '../render/markdown.js';
import { planSite } from '../view/site-plan.js';
import type { PageView } from '../view/view-model.js';

export type CardPage = Extract<PageView, { kind: 'card' }>;

/** Every card page of a collection (one per charter and language), with the charter it shows. */
export function planCards(collection: LoadedCollection, today: string | undefined): { page: CardPage; charter: ResolvedCharter }[] {
  const byId = new Map(collection.charters.filter((charter) => !charter.isBaseline).map((charter) => [charter.data.id, charter]));
  return planSite(collection.charters, { today, renderMarkdown })
    .pages.filter((page): page is CardPage => page.kind === 'card')
    .flatMap((page) => {
      const charter = byId.get(page.charter.id);
      return charter ? [{ page, charter }] : [];
    });
}

/** A QR code for an address, as an SVG data URI the card template shows as an image. */
export async function qrCode(url: string): Promise<{ dataUri: string; url: string }> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, url };
}
