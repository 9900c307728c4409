import type { Browser, Page } from 'playwright-core';

/** A viewport a test asks for; the tab's own one (Playwright's 1280 × 720) otherwise. */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * One tab that the tests of a file take turns in. `browser.newPage()` makes a
 * new browser context and a new renderer process for each test, some 0.3 s of
 * processor time each: over the ~150 pages the browser files open, a minute
 * of a two-core machine. After each turn the tab is put back as it was: its
 * listeners removed, screen media, its own viewport, and a blank page, so that
 * no late request of one page reaches the next test's listeners.
 */
export class Tab {
  private constructor(
    private readonly page: Page,
    private readonly viewport: Viewport,
  ) {}

  static async open(browser: Browser): Promise<Tab> {
    const page = await browser.newPage();
    return new Tab(page, page.viewportSize() ?? { width: 1280, height: 720 });
  }

  /** Runs `test` in the tab, at `viewport` if given; the tab is reset after, however the test ends. */
  async use<T>(test: (page: Page) => Promise<T>, viewport?: Viewport): Promise<T> {
    if (viewport) await this.page.setViewportSize(viewport);
    try {
      return await test(this.page);
    } finally {
      this.page.removeAllListeners();
      await this.page.goto('about:blank');
      await this.page.emulateMedia({ media: null });
      if (viewport) await this.page.setViewportSize(this.viewport);
    }
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
