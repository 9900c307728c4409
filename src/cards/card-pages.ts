import type { CheckResult } from '../check.js';
import type { ResolvedCharter } from '../load/resolved-charter.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { renderMarkdown } from '../render/markdown.js';
import { normalizeCollection } from '../site/site-charters.js';
import { planCardPages, type CardPage, type SiteOptions } from '../view/site-plan.js';

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

/** A QR code for an address, as an SVG data URI the card template shows as an image. */
export async function qrCode(url: string): Promise<{ dataUri: string; url: string }> {
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { dataUri: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, url };
}
