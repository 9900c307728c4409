import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Tab } from './tab.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rules every page is held to: WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** An element whose text contrast axe could not decide, and why (text over an image or gradient, a pseudo-element, overlap…). */
export interface AxeIncomplete {
  target: string[];
  why: string;
}

/** What one axe run found on a page. */
export interface AxeFindings {
  violations: AxeViolation[];
  /** What the colour-contrast check left undecided. */
  undecidedContrast: AxeIncomplete[];
}

/**
 * Runs axe-core once in the page against TAGS: its violations, and the
 * elements whose colour contrast it could not decide. axe is put into the
 * page once, however often it runs there. Only violations and undecided
 * results are collected in full (`resultTypes`): the passes, which no test
 * reads, cost time on a long page and change nothing that is checked.
 */
export async function axeFindings(page: Page): Promise<AxeFindings> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ content: axeSource });
    // Blocks with `content-visibility: auto` (a dashboard's promises) are laid out only once scrolled to;
    // axe reads layout boxes, so it checks the page as a reader who scrolled through it sees it: laid out
    // whole, with the same elements and colours.
    await page.addStyleTag({ content: '* { content-visibility: visible !important; }' });
  }
  return page.evaluate(async (tags) => {
    type Node = { target: string[]; any: { message: string }[] };
    type Result = { id: string; impact: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: Result[]; incomplete: Result[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    return {
      violations: result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) })),
      undecidedContrast: result.incomplete
        .filter((rule) => rule.id === 'color-contrast')
        .flatMap((rule) => rule.nodes.map((node) => ({ target: node.target, why: node.any.map((check) => check.message).join('; ') }))),
    };
  }, TAGS);
}

/** Runs axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA, and best practices: its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeFindings(page)).violations;
}

/**
 * What axe's colour-contrast check left undecided. Each must be none: text
 * on a solid background can be measured, and a manager's page whose contrast
 * cannot be checked cannot be said to pass.
 */
export async function axeIncompleteContrast(page: Page): Promise<AxeIncomplete[]> {
  return (await axeFindings(page)).undecidedContrast;
}

/** Opens `url` in the tab: it loads, leaves no colour contrast undecided, and axe finds no violation. */
export function expectAccessible(tab: Tab, url: string): Promise<void> {
  return tab.use(async (page) => {
    expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
    // One axe run for both: its undecided contrast and its violations.
    const { undecidedContrast, violations } = await axeFindings(page);
    expect(undecidedContrast).toEqual([]);
    expect(violations).toEqual([]);
  });
}
