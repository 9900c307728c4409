import { extname } from 'node:path';
import { InputError } from '../load/find-files.js';
import { displayPath } from '../load/load-collection.js';
import { message } from '../messages/message.js';
import { readThemeFiles, themeLinks, type SiteInputs } from '../site/inputs.js';
import { cardToPrint, type CardPage } from './card-pages.js';
import type { ServedFile } from './render-pdf.js';
import type { CardSize } from './sheet-layout.js';

/*
 * The theme of the cards (`--css`, `--logo`) and the page a card is printed
 * and measured from, shared by `charter cards` and `validate --check-cards`,
 * so that both lay out exactly the same page.
 */

export /** A card's file in the cards folder, without its extension: `fi/building-control-a6`. */
function cardFile(card: CardPage, size: CardSize): string {
  return `${card.frame.lang}/${card.charter.id}-${size}`;
}

/** The package's stylesheet, which every card page links. */
export const CARD_STYLESHEET = 'assets/charter.css';

/**
 * The frame of a card page written to `<lang>/<file>.html` in the cards
 * folder: its stylesheets and logo linked relatively, to the copies in the
 * folder's assets/, and no scripts (there is no search beside the cards).
 */
function linkedFromCardsFolder(frame: CardPage['frame']): CardPage['frame'] {
  const relative = (address: string): string => `..${address.slice(frame.base.length - 1)}`;
  return {
    ...frame,
    stylesheets: frame.stylesheets.map(relative),
    scripts: [],
    ...(frame.logo ? { logo: { ...frame.logo, src: relative(frame.logo.src) } } : {}),
  };
}

/** The theme's files as the cards use them: by their path in the cards folder, and by the address the printer serves them at. */
export interface CardTheme {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly served: ReadonlyMap<string, ServedFile>;
}

/** Image types a card's logo may have, by file name extension. */
export const LOGO_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

/**
 * Reads `--css` and `--logo` as the site does (a regular file, not too
 * large); a logo must also be an image Chromium prints. Usage errors otherwise.
 */
export function cardTheme(inputs: SiteInputs, cwd: string): CardTheme {
  const read = readThemeFiles(inputs, cwd);
  const links = themeLinks(inputs);
  const files = new Map<string, Buffer>();
  const served = new Map<string, ServedFile>();
  for (const { path, bytes } of read) {
    const isLogo = path === inputs.logo;
    const contentType = isLogo ? LOGO_TYPES[extname(path).toLowerCase()] : 'text/css';
    if (contentType === undefined) {
      throw new InputError(
        message('cli.named-file.unusable', { flag: '--logo', file: displayPath(path, cwd), problem: message('cli.named-file.not-an-image') }),
      );
    }
    const link = isLogo ? links.logo : links.themeStylesheet;
    if (link === undefined) continue;
    files.set(link, bytes);
    served.set(new URL(link, 'http://charter.invalid/').pathname, { body: bytes, contentType });
  }
  return { files, served };
}

/**
 * A card page as it is printed: at its address in the cards folder
 * (`/fi/building-control-a6.html`), its stylesheets and logo linked from
 * there, so that relative links resolve as they will in the folder.
 */
export async function cardAtItsFile(card: CardPage, size: CardSize, baseUrl: string | undefined): Promise<{ readonly page: CardPage; readonly url: string }> {
  return { page: { ...(await cardToPrint(card, size, baseUrl)), frame: linkedFromCardsFolder(card.frame) }, url: `/${cardFile(card, size)}.html` };
}
