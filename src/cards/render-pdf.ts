import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MessageError } from '../messages/message-error.js';
import { message, type MessageRef } from '../messages/message.js';
import { registerCleanup } from '../util/cleanup.js';
import { childGroupLeaders, stopNewGroups } from './launch-groups.js';
import { packageRoot } from '../util/package-info.js';
import { notRegularKindMessage } from '../util/regular-file.js';
import { mm } from './impose.js';
import { markAccessible, type CardMetadata } from './pdf-metadata.js';
import { CARD_SIZES, type CardSize } from './sheet-layout.js';

/** Debian's Chromium, unless the user names another. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** How long Chromium may take to start: it starts in a second or two, even on a slow machine. */
export const LAUNCH_TIMEOUT_MS = 30_000;

/** How long a browser still starting when the run is stopped is given to be ready, and be closed properly. */
const LAUNCH_GRACE_MS = 1_500;

/** Headless Chromium on a machine without network: no background traffic, no first-run work. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** No Chromium to print with: a usage problem, with how to fix it. */
export class ChromiumMissingError extends MessageError {
  override readonly name = 'ChromiumMissingError';
  /** `problem`: what is wrong with the Chromium there is (or that there is none); `fix`: what to do. */
  constructor(problem: MessageRef, fix: MessageRef = message('cli.chromium.install')) {
    super(message('cli.chromium.missing', { problem, fix }));
  }
}

/** Why a path cannot be started as Chromium (missing, a FIFO, not executable), or undefined. */
async function chromiumProblem(path: string): Promise<MessageRef | undefined> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return message('cli.chromium.none-at', { path });
  const kind = notRegularKindMessage(info);
  if (kind !== undefined) return message('cli.chromium.not-a-program', { path, kind });
  const runnable = await access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
  return runnable ? undefined : message('cli.chromium.not-runnable', { path });
}

/** Pages are loaded from this made-up origin; every request is answered locally, none leaves the machine. */
const ORIGIN = 'http://charter.invalid';
const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A card side whose content does not fit, with the charter text where it first spills over. */
export interface Overflow {
  readonly side: 'front' | 'back';
  /**
   * Dotted path of the deepest marked element (data-path in the template)
   * that first reaches past the side's end: `guide.0.text.fi` for a text in
   * its language, `channels.phone` for a block of generated sentences.
   */
  readonly path: string | undefined;
  /** How far the content reaches past the side's end, in CSS pixels. */
  readonly by: number;
  /** `by` in lines of that element's text (at least 1). */
  readonly lines: number;
  /** `by` in characters of that element's text (its characters per line times `lines`). */
  readonly characters: number;
  /** The characters of that element's text: when fewer than `characters`, shortening it alone is not enough. */
  readonly textLength: number;
  /** Set when the content reaches past the side's right edge instead (`by` is then how far): an address or number that may not break. */
  readonly across?: true;
}

export interface PrintedCard {
  readonly pdf: Uint8Array;
  readonly overflows: readonly Overflow[];
}

/**
 * Runs in the page, laid out for print: a side overflows when a box of its
 * content reaches into its bottom padding (the margin kept clear of the trim edge).
 * The culprit is the first marked element crossing that line that holds no
 * marked element crossing it: the text itself, not its block. Measured, not
 * guessed from character counts. (A string, as this module is compiled
 * without the browser's types.)
 */
const MEASURE_OVERFLOW = `(() => {
  const found = [];
  for (const side of document.querySelectorAll('.card__side')) {
    const end = side.getBoundingClientRect().top + side.clientTop + side.clientHeight - parseFloat(getComputedStyle(side).paddingBottom);
    // How far the lowest box reaches past the end: boxes, not the scroll height, which counts a last margin too.
    const boxes = [...side.querySelectorAll('*')].filter((element) => element.getClientRects().length > 0);
    const by = Math.max(0, ...boxes.map((element) => element.getBoundingClientRect().bottom)) - end;
    if (by <= 0.5) continue;
    const shown = boxes.filter((element) => element.dataset.path !== undefined);
    const crossing = shown.filter((element) => element.getBoundingClientRect().bottom > end + 0.5);
    const culprit = crossing.find((element) => !crossing.some((other) => other !== element && element.contains(other)));
    const style = getComputedStyle(culprit ?? side);
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
    const lines = Math.max(1, Math.ceil(by / lineHeight));
    const text = (culprit ?? side).textContent.replace(/\\s+/g, ' ').trim();
    const ownLines = Math.max(1, Math.round((culprit ?? side).getBoundingClientRect().height / lineHeight));
    const characters = Math.ceil((lines * text.length) / ownLines);
    found.push({
      side: side.classList.contains('card__side--back') ? 'back' : 'front',
      path: culprit ? culprit.dataset.path : undefined,
      by,
      lines,
      characters,
      textLength: text.length,
    });
  }
  // Addresses and numbers never break (charter.css): one longer than the line is cut at the edge.
  for (const side of document.querySelectorAll('.card__side')) {
    const box = side.getBoundingClientRect();
    const edge = box.left + side.clientLeft + side.clientWidth - parseFloat(getComputedStyle(side).paddingRight);
    const boxes = [...side.querySelectorAll('*')].filter((element) => element.getClientRects().length > 0);
    const widest = boxes.reduce((best, element) => (!best || element.getBoundingClientRect().right > best.getBoundingClientRect().right ? element : best), undefined);
    const by = widest ? widest.getBoundingClientRect().right - edge : 0;
    if (by <= 0.5) continue;
    const culprit = widest.closest('[data-path]');
    const text = widest.textContent.replace(/\\s+/g, ' ').trim();
    found.push({
      side: side.classList.contains('card__side--back') ? 'back' : 'front',
      path: culprit && side.contains(culprit) ? culprit.dataset.path : undefined,
      by,
      lines: 1,
      characters: Math.ceil((by / Math.max(1, widest.getBoundingClientRect().width)) * text.length),
      textLength: text.length,
      across: true,
    });
  }
  return found;
})()`;

/** A file the printed pages may load besides the package's assets: the theme's stylesheet or logo, already read. */
export interface ServedFile {
  readonly body: Buffer;
  readonly contentType: string;
}

/** One browser for a whole run of cards, printing on a few tabs at once. */
export class CardPrinter {
  private readonly idle: Page[] = [];
  private readonly waiting: ((page: Page) => void)[] = [];
  private readonly documents = new Map<string, string>();

  private constructor(
    private readonly browser: Browser,
    private readonly unregister: () => void,
    private readonly files: ReadonlyMap<string, ServedFile>,
  ) {}

  /**
   * Starts Chromium; a browser that starts but cannot be set up is closed
   * again. `files`: the theme's files by their address (`/assets/theme/logo.svg`),
   * served as given; no other file of the machine is ever read for a page.
   */
  static async start(
    chromiumPath: string = DEFAULT_CHROMIUM,
    tabs = 2,
    files: ReadonlyMap<string, ServedFile> = new Map(),
    launchTimeoutMs = LAUNCH_TIMEOUT_MS,
  ): Promise<CardPrinter> {
    const problem = await chromiumProblem(chromiumPath);
    if (problem !== undefined) throw new ChromiumMissingError(problem);
    const { chromium } = await import('playwright-core');
    const before = childGroupLeaders();
    const launching = chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: launchTimeoutMs,
      // Signals are the command line's to handle (util/cleanup.ts): it closes the browser, then exits quietly.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    let started = false;
    const closing = (): Promise<unknown> =>
      launching.then(
        (browser) => browser.close(),
        () => undefined,
      );
    // Registered before the browser is up, so that a signal during the launch stops it too. A browser about
    // to be ready is closed (so that it removes its temporary files); one that hangs while starting is
    // stopped after a moment, not waited for through the whole launch timeout.
    let stopped = false;
    const unregister = registerCleanup(() => {
      if (started) return closing();
      stopped = true;
      const grace = new Promise((resolve) => setTimeout(resolve, LAUNCH_GRACE_MS).unref());
      // Then the launch's end is awaited too: Playwright removes the browser's profile before it fails.
      return Promise.race([closing(), grace])
        .finally(() => stopNewGroups(before))
        .then(() => closing());
    });
    const browser = await launching.catch(async (error: unknown) => {
      unregister();
      // Playwright leaves a browser that did not start in time running, and its pipes keep this process alive.
      await stopNewGroups(before);
      // Stopped by a signal: not a missing Chromium, which a run may carry on without (the review's HTML).
      if (stopped) throw new Error('stopped while Chromium was starting');
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new ChromiumMissingError(
        timedOut
          ? message('cli.chromium.timed-out', { path: chromiumPath, seconds: Math.round(launchTimeoutMs / 1000) })
          : message('cli.chromium.did-not-start', { path: chromiumPath, problem: firstLine(error) }),
        message('cli.chromium.reinstall'),
      );
    });
    started = true;
    const printer = new CardPrinter(browser, unregister, files);
    try {
      await printer.setUp(tabs);
    } catch (error) {
      await printer.close();
      throw error;
    }
    return printer;
  }

  private async setUp(tabs: number): Promise<void> {
    const assets = join(packageRoot(), 'site', 'assets');
    const context = await this.browser.newContext();
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== ORIGIN) return route.abort();
      const served = this.files.get(url.pathname);
      if (served) return route.fulfill({ body: served.body, contentType: served.contentType });
      if (url.pathname.startsWith('/assets/')) {
        const file = normalize(join(assets, url.pathname.slice('/assets/'.length)));
        if (!file.startsWith(`${assets}${sep}`)) return route.abort();
        const body = await readFile(file).catch(() => undefined);
        return body ? route.fulfill({ body, contentType: TYPES[extname(file)] ?? 'application/octet-stream' }) : route.abort();
      }
      const html = this.documents.get(url.pathname);
      return html === undefined ? route.abort() : route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
    });
    for (let tab = 0; tab < Math.max(1, tabs); tab++) this.idle.push(await context.newPage());
  }

  /**
   * Prints a card page (front and back) to a tagged PDF at the card's trim
   * size. Chromium rounds page sizes to whole pixels (105 mm becomes 105.16),
   * so the page boxes are then set to the exact trim size. With `metadata`,
   * the PDF gets the PDF/UA basics (see markAccessible).
   */
  async print(html: string, url: string, size: CardSize, metadata?: CardMetadata): Promise<PrintedCard> {
    const { raw, measured: overflows } = await this.printPage(html, url, (page) => page.evaluate<Overflow[]>(MEASURE_OVERFLOW));
    const { PDFDocument } = await import('pdf-lib');
    const document = await PDFDocument.load(raw, { updateMetadata: false });
    const { width, height } = CARD_SIZES[size];
    for (const pdfPage of document.getPages()) {
      pdfPage.setMediaBox(0, 0, mm(width), mm(height));
      pdfPage.setCropBox(0, 0, mm(width), mm(height));
      pdfPage.setTrimBox(0, 0, mm(width), mm(height));
    }
    document.setProducer('charter');
    document.setCreator('charter');
    if (metadata) markAccessible(document, metadata);
    return { pdf: await document.save(), overflows };
  }

  /**
   * Prints a whole document at the page size its print styles give (the
   * review pack on A4), tagged, with the PDF/UA basics of `metadata`: any
   * page that is not a card.
   */
  async printDocument(html: string, url: string, metadata: CardMetadata): Promise<Uint8Array> {
    const { raw } = await this.printPage(html, url, () => Promise.resolve(undefined));
    const { PDFDocument } = await import('pdf-lib');
    const document = await PDFDocument.load(raw, { updateMetadata: false });
    markAccessible(document, metadata);
    return document.save();
  }

  /** Loads a page laid out for print in a free tab, `measure`s it, and prints it, tagged, at its CSS page size. */
  private async printPage<T>(html: string, url: string, measure: (page: Page) => Promise<T>): Promise<{ raw: Buffer; measured: T }> {
    const page = await this.acquire();
    try {
      this.documents.set(url, html);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${ORIGIN}${url}`, { waitUntil: 'load' });
      const measured = await measure(page);
      const raw = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      return { raw, measured };
    } finally {
      this.documents.delete(url);
      this.release(page);
    }
  }

  /** Lays a card page out for print and measures it, without printing. */
  async measure(html: string, url: string): Promise<Overflow[]> {
    const page = await this.acquire();
    try {
      this.documents.set(url, html);
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${ORIGIN}${url}`, { waitUntil: 'load' });
      return await page.evaluate<Overflow[]>(MEASURE_OVERFLOW);
    } finally {
      this.documents.delete(url);
      this.release(page);
    }
  }

  async close(): Promise<void> {
    this.unregister();
    await this.browser.close();
  }

  private acquire(): Promise<Page> {
    const page = this.idle.pop();
    return page ? Promise.resolve(page) : new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(page: Page): void {
    const next = this.waiting.shift();
    if (next) next(page);
    else this.idle.push(page);
  }
}

/** The first line of a launch error: Playwright adds a long call log below it. */
function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split('\n')[0] ?? message).replace(/^browserType\.launch:\s*/, '').trim();
}
