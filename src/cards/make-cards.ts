import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { checkCharters, type CheckOptions } from '../check.js';
import type { Diagnostic, FileResult } from '../model/diagnostic.js';
import { withFindings } from '../model/file-results.js';
import { checkOutputFolder, StagingFolder } from '../site/output-folder.js';
import { loadSiteTemplates, protectedFolders, siteInputs, themeLinks } from '../site/inputs.js';
import { LANGUAGE_TAG } from '../model/language-tag.js';
import { packageRoot } from '../util/package-info.js';
import { planCards } from './card-pages.js';
import { cardAtItsFile, cardFile, cardTheme, CARD_STYLESHEET, LOGO_TYPES } from './card-theme.js';
import { imposeCards } from './impose.js';
import { builtInAssets, selfContainedCard, type AssetResolver } from './self-contained.js';
import { fitFindings as fitFindingsOf } from './fit-check.js';
import { CardPrinter, type PrintedCard } from './render-pdf.js';
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
  await checkOutputFolder(out, protectedFolders(inputs, options.cwd, root), shown, options.cwd, 'cards');
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
      const { page, url } = await cardAtItsFile(card, size, options.baseUrl);
      const html = templates.render(page);
      // At its address in the cards folder, so that its relative links resolve as they will there.
      const result = await started.print(html, url, size, { title: card.frame.title, lang: card.frame.lang });
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

/** Writes the stylesheets and logo the card pages link into the staging folder; their paths. */
async function writeCardAssets(folder: string, theme: ReadonlyMap<string, Buffer>): Promise<string[]> {
  const files = new Map<string, Buffer>([[CARD_STYLESHEET, await readFile(join(packageRoot(), 'site', CARD_STYLESHEET))], ...theme]);
  for (const [path, bytes] of files) {
    await mkdir(join(folder, dirname(path)), { recursive: true });
    await writeFile(join(folder, path), bytes);
  }
  return [...files.keys()];
}
