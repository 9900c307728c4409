import type { CheckResult } from '../check.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { renderMarkdown } from '../render/markdown.js';
import { normalizeCollection } from '../site/site-charters.js';
import { readableUrl } from '../view/card-view.js';
import { unicodeHost } from './unicode-host.js';
import { planCardPages, type CardPage, type SiteOptions } from '../view/site-plan.js';
import type { CardSize } from './sheet-layout.js';

export type { CardPage };

/** What printing cards needs of a check: the loaded collection and its normalized units. */
export type CheckedCharters = Pick<CheckResult, 'collection' | 'charters' | 'unnormalized'>;

export interface CardPlan {
  /** One card per unit and language, with the loaded charter it shows (for positions in its files). */
  readonly cards: readonly { readonly page: CardPage; readonly charter: ResolvedCharter }[];
  /** Units that did not normalize (see normalizeCollection): internal errors of their files. */
  readonly problems: readonly Diagnostic[];
}

/**
 * Every card page of a collection that passed its check; nothing else of the
 * site is planned. `theme`: where the pages link the theme's stylesheet and logo.
 */
export function planCards(checked: CheckedCharters, today: string | undefined, theme: Pick<SiteOptions, 'themeStylesheet' | 'logo'> = {}): CardPlan {
  const normalized = normalizeCollection(checked);
  const cards = planCardPages(normalized.units, { today, renderMarkdown, languageOrder: normalized.languageOrder, ...theme }).map(({ page, charter }) => ({
    page,
    charter: normalized.resolvedOf(charter),
  }));
  return { cards, problems: normalized.problems };
}

/**
 * The card page as `charter cards` prints it at a size: with a QR code to the
 * charter's page when the intranet's address is known, else without one.
 * `charter validate --check-cards` measures this same page.
 */
export async function cardToPrint(card: CardPage, size: CardSize, baseUrl: string | undefined): Promise<CardPage> {
  return { ...card, cardSize: size, ...(baseUrl ? { qr: await qrCode(pageAddress(baseUrl, card)) } : {}) };
}

/** The charter page's address on the intranet, for the QR code. */
export function pageAddress(baseUrl: string, card: CardPage): string {
  return new URL(card.charter.url.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}

/** A QR code for an address, as an SVG data URI the card template shows as an image, with the address as people read it. */
export async function qrCode(url: string): Promise<NonNullable<CardPage['qr']>> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, url, ...readableUrl(unicodeHost(url)) };
}
