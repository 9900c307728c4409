import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { checkCharters, type CheckOptions } from '../check.js';
import type { Diagnostic, FileResult } from '../model/diagnostic.js';
import { withFindings } from '../model/file-results.js';
import { checkOutputFolder, StagingFolder } from '../site/output-folder.js';
import { loadSiteTemplates, protectedFolders, readThemeFiles, siteInputs, themeLinks, type SiteInputs } from '../site/inputs.js';
import { InputError } from '../load/find-files.js';
import { displayPath } from '../load/load-collection.js';
import { message } from '../messages/message.js';
import { LANGUAGE_TAG } from '../model/language-tag.js';
import { packageRoot } from '../util/package-info.js';
import { cardToPrint, planCards, type CardPage } from './card-pages.js';
import { imposeCards } from './impose.js';
import { builtInAssets, selfContainedCard, type AssetResolver } from './self-contained.js';
import { fitFindings as fitFindingsOf } from './fit-check.js';
import { CardPrinter, type PrintedCard, type ServedFile } from './render-pdf.js';
import { isCopies, MAX_COPIES, type CardSize } from './sheet-layout.js';
import { mapConcurrently } from '../util/concurrency.js';

export interface CardsOptions extends Omit<CheckOptions, 'fileSystem'> {
  /** Output folder (default `_site/cards`, so the intranet links to it). */
  readonly out?: string;
  readonly size?: CardSize;
  /** The intranet's address; each card's QR code leads to `<baseUrl><lang>/<id>/`. */
  readonly baseUrl?: string;
  /** Chromium to print with (default /usr/bin/chromium). */
  readonly chromium?: string;
  /** A theme stylesheet, linked after the built-in one (as `charter build --css`). */
  readonly css?: string;
  /** A logo image for the cards (as `charter build --logo`): PNG, JPEG, GIF, WebP or SVG. */
  readonly logo?: string;
  /** Each card this many times on the A4 sheets (default 1). */
  readonly copies?: number;
  /** Repeat the cards so that the last sheet has no blank slot. */
  readonly fill?: boolean;
  /** Called after each card is printed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type CardsResult =
  | { readonly ok: false; readonly results: FileResult[] }
  | { readonly ok: true; readonly results: FileResult[]; readonly outDir: string; readonly cards: string[]; readonly sheets: string[] };

export const DEFAULT_CARDS_OUT = join('_site', 'cards');

/** What the cards folder's marker says. */
const CARDS_MARKER = 'Made by charter cards. Each run replaces the cards of the size it prints.\n';

/**
 * Validates the charters and prints one PDF per charter and language (front
 * and back at the trim size, tagged, with PDF/UA metadata) and its web page,
 * plus A4 sheets for an office printer. Everything is written into a staging
 * folder first; only when all is printed are the files moved into the output
 * folder, replacing the cards of this size. Cards of other sizes stay.
 */
export async function makeCards(options: CardsOptions): Promise<CardsResult> {
  const size = options.size ?? 'a6';
  // Before any work: a bad number would only fail once every card is printed.
  if (options.copies !== undefined && !isCopies(options.copies)) throw new RangeError(`copies must be a whole number from 1 to ${MAX_COPIES}`);
  const out = resolve(options.cwd, options.out ?? DEFAULT_CARDS_OUT);
  const shown = options.out ?? DEFAULT_CARDS_OUT;
  const inputs = siteInputs({
    cwd: options.cwd,
    ...(options.css === undefined ? {} : { css: options.css }),
    ...(options.logo === undefined ? {} : { logo: options.logo }),
  });
  // A missing or unusable theme file is a usage error, found before any work.
  const theme = cardTheme(inputs, options.cwd);
  const checked = await checkCharters(options);
  const { results, root } = checked;
  if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) return { ok: false, results };
  // Before Chromium starts: a bad --out is a usage error, not a browser to clean up.
  await checkOutputFolder(out, protectedFolders(inputs, options.cwd, root), shown, options.cwd);
  const { cards, problems } = planCards(checked, options.today, themeLinks(inputs));
  if (problems.length > 0) return { ok: false, results: withFindings(results, problems) };
  const templates = await loadSiteTemplates(inputs);

  const staging = await StagingFolder.create(out, shown, CARDS_MARKER);
  let printer: CardPrinter | undefined;
  try {
    const started = await CardPrinter.start(options.chromium, 2, theme.served);
    printer = started;
    const written: string[] = [];
    const byLanguage = new Map<string, Uint8Array[]>();
    let done = 0;
    // Two tabs print while the next card is prepared: Chromium renders in its own processes.
    const printed = await mapConcurrently(cards, 2, async ({ page: card }) => {
      const page: CardPage = { ...(await cardToPrint(card, size, options.baseUrl)), frame: linkedFromCardsFolder(card.frame) };
      const html = templates.render(page);
      // At its address in the cards folder, so that its relative links resolve as they will there.
      const result = await started.print(html, `/${cardFile(card, size)}.html`, size, { title: card.frame.title, lang: card.frame.lang });
      options.onProgress?.(++done, cards.length);
      return { ...result, html };
    });
    // A card page links its stylesheets and logo relatively (../assets/...): the package's, or the theme's.
    const cardAssets: AssetResolver = async (href) => {
      const path = href.replace(/^\.\.\//, '');
      const bytes = theme.files.get(path);
      return bytes ? { body: bytes, type: LOGO_TYPES[extname(path).toLowerCase()] ?? 'text/css' } : builtInAssets(href);
    };
    const fitFindings: Diagnostic[] = [];
    for (const [index, { page: card, charter }] of cards.entries()) {
      const { pdf, overflows, html } = printed[index] as PrintedCard & { html: string };
      fitFindings.push(...fitFindingsOf(charter, card.frame.lang, size, overflows));
      const file = `${cardFile(card, size)}.pdf`;
      await mkdir(join(staging.path, card.frame.lang), { recursive: true });
      await writeFile(join(staging.path, file), pdf);
      // The same card as a web page with print styles, for printing from a browser: its stylesheets
      // and logo inline, so that it is styled wherever the file is saved.
      await writeFile(join(staging.path, `${cardFile(card, size)}.html`), await selfContainedCard(html, cardAssets));
      written.push(file);
      byLanguage.set(card.frame.lang, [...(byLanguage.get(card.frame.lang) ?? []), pdf]);
    }
    const sheets: string[] = [];
    await mkdir(join(staging.path, 'sheets'), { recursive: true });
    for (const [lang, pdfs] of byLanguage) {
      const file = `sheets/${lang}-${size}-a4.pdf`;
      const filling = { ...(options.copies === undefined ? {} : { copies: options.copies }), ...(options.fill ? { fill: true } : {}) };
      await writeFile(join(staging.path, file), await imposeCards(pdfs, size, { title: `Pocket cards (${lang}, ${size}) on A4 — print only`, ...filling }));
      sheets.push(file);
    }
    const assets = await writeCardAssets(staging.path, theme.files);
    await staging.publishFiles([...written.flatMap((file) => [file, file.replace(/\.pdf$/, '.html')]), ...sheets, ...assets], (path) => isCardFile(path, size));
    return { ok: true, results: withFindings(results, fitFindings), outDir: out, cards: written, sheets };
  } catch (error) {
    await staging.discard();
    throw staging.problem(error);
  } finally {
    await printer?.close();
  }
}

/** A card's file in the cards folder, without its extension: `fi/building-control-a6`. */
function cardFile(card: CardPage, size: CardSize): string {
  return `${card.frame.lang}/${card.charter.id}-${size}`;
}

/** A charter id, as the schema allows it. */
const CARD_ID = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** Whether a path in the cards folder is one a run of this size writes: a card (PDF or page) or a sheet. */
export function isCardFile(path: string, size: CardSize): boolean {
  const [folder, name, ...deeper] = path.split('/');
  if (folder === undefined || name === undefined || deeper.length > 0) return false;
  if (folder === 'sheets') {
    const sheet = new RegExp(`^(.+)-${size}-a4\\.pdf$`).exec(name);
    return sheet !== null && LANGUAGE_TAG.test(sheet[1] ?? '');
  }
  return LANGUAGE_TAG.test(folder) && new RegExp(`^${CARD_ID}-${size}\\.(?:pdf|html)$`).test(name);
}

/** The package's stylesheet, which every card page links. */
const CARD_STYLESHEET = 'assets/charter.css';

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
interface CardTheme {
  readonly files: ReadonlyMap<string, Buffer>;
  readonly served: ReadonlyMap<string, ServedFile>;
}

/** Image types a card's logo may have, by file name extension. */
const LOGO_TYPES: Readonly<Record<string, string>> = {
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
function cardTheme(inputs: SiteInputs, cwd: string): CardTheme {
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

/** Writes the stylesheets and logo the card pages link into the staging folder; their paths. */
async function writeCardAssets(folder: string, theme: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const files = new Map<string, Buffer>([[CARD_STYLESHEET, await readFile(join(packageRoot(), 'site', CARD_STYLESHEET))], ...theme]);
  for (const [path, bytes] of files) {
    await mkdir(join(folder, dirname(path)), { recursive: true });
    await writeFile(join(folder, path), bytes);
  }
  return [...files.keys()];
}
