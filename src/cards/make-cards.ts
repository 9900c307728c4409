import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { checkCharters, type CheckOptions } from '../check.js';
import type { Diagnostic, FileResult } from '../model/diagnostic.js';
import { withFindings } from '../model/file-results.js';
import { checkOutputFolder, StagingFolder } from '../site/output-folder.js';
import { loadSiteTemplates, protectedFolders, siteInputs } from '../site/inputs.js';
import { planCards, qrCode, type CardPage } from './card-pages.js';
import { imposeCards } from './impose.js';
import { fitDiagnostic } from './fit-check.js';
import { CardPrinter, type PrintedCard } from './render-pdf.js';
import type { CardSize } from './sheet-layout.js';
import { mapConcurrently } from '../util/concurrency.js';

export interface CardsOptions extends Omit<CheckOptions, 'fileSystem'> {
  /** Output folder (default `_site/cards`, so the intranet links to it). */
  readonly out?: string;
  readonly size?: CardSize;
  /** The intranet's address; each card's QR code leads to `<baseUrl><lang>/<id>/`. */
  readonly baseUrl?: string;
  /** Chromium to print with (default /usr/bin/chromium). */
  readonly chromium?: string;
  /** Called after each card is printed. */
  readonly onProgress?: (done: number, total: number) => void;
}

export type CardsResult =
  | { readonly ok: false; readonly results: FileResult[] }
  | { readonly ok: true; readonly results: FileResult[]; readonly outDir: string; readonly cards: string[]; readonly sheets: string[] };

export const DEFAULT_CARDS_OUT = join('_site', 'cards');

/**
 * Validates the charters and prints one PDF per charter and language (front
 * and back at the trim size, tagged, with PDF/UA metadata) plus A4 sheets for an office printer, into a
 * staging folder that replaces the output folder whole.
 */
export async function makeCards(options: CardsOptions): Promise<CardsResult> {
  const size = options.size ?? 'a6';
  const out = resolve(options.cwd, options.out ?? DEFAULT_CARDS_OUT);
  const shown = options.out ?? DEFAULT_CARDS_OUT;
  const checked = await checkCharters(options);
  const { results, root } = checked;
  if (results.some((result) => result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'))) return { ok: false, results };
  const inputs = siteInputs({ cwd: options.cwd });
  // Before Chromium starts: a bad --out is a usage error, not a browser to clean up.
  await checkOutputFolder(out, protectedFolders(inputs, options.cwd, root), shown, options.cwd);
  const { cards, problems } = planCards(checked, options.today);
  if (problems.length > 0) return { ok: false, results: withFindings(results, problems) };
  const templates = await loadSiteTemplates(inputs);

  const staging = await StagingFolder.create(out, shown);
  let printer: CardPrinter | undefined;
  try {
    const started = await CardPrinter.start(options.chromium);
    printer = started;
    const written: string[] = [];
    const byLanguage = new Map<string, Uint8Array[]>();
    let done = 0;
    // Two tabs print while the next card is prepared: Chromium renders in its own processes.
    const printed = await mapConcurrently(cards, 2, async ({ page: card }) => {
      const page: CardPage = { ...card, cardSize: size, ...(options.baseUrl ? { qr: await qrCode(pageAddress(options.baseUrl, card)) } : {}) };
      const html = templates.render(page);
      const result = await started.print(html, page.url, size, { title: card.frame.title, lang: card.frame.lang });
      options.onProgress?.(++done, cards.length);
      return { ...result, html };
    });
    const fitFindings: Diagnostic[] = [];
    for (const [index, { page: card, charter }] of cards.entries()) {
      const { pdf, overflows, html } = printed[index] as PrintedCard & { html: string };
      for (const overflow of overflows) fitFindings.push(fitDiagnostic(charter, card.frame.lang, size, overflow));
      const file = join(card.frame.lang, `${card.charter.id}-${size}.pdf`);
      await mkdir(join(staging.path, card.frame.lang), { recursive: true });
      await writeFile(join(staging.path, file), pdf);
      // The same card as a web page with print styles, for printing from a browser
      // (its stylesheet link resolves when the cards sit in the built site, as by default).
      await writeFile(join(staging.path, file.replace(/\.pdf$/, '.html')), html);
      written.push(file);
      byLanguage.set(card.frame.lang, [...(byLanguage.get(card.frame.lang) ?? []), pdf]);
    }
    const sheets: string[] = [];
    await mkdir(join(staging.path, 'sheets'), { recursive: true });
    for (const [lang, pdfs] of byLanguage) {
      const file = join('sheets', `${lang}-${size}-a4.pdf`);
      await writeFile(join(staging.path, file), await imposeCards(pdfs, size, { title: `Pocket cards (${lang}, ${size}) on A4 — print only` }));
      sheets.push(file);
    }
    await staging.publish();
    return { ok: true, results: withFindings(results, fitFindings), outDir: out, cards: written, sheets };
  } catch (error) {
    await staging.discard();
    throw staging.problem(error);
  } finally {
    await printer?.close();
  }
}

/** The charter page's address on the intranet, for the QR code. */
function pageAddress(baseUrl: string, card: CardPage): string {
  return new URL(card.charter.url.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).href;
}
