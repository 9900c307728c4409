import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page against WCAG 2.0, 2.1 and 2.2 A and AA. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
  });
}

/** An element whose text contrast axe could not decide, and why (text over an image or gradient, a pseudo-element, overlap…). */
export interface AxeIncomplete {
  target: string[];
  why: string;
}

/**
 * What axe's colour-contrast check left undecided. Each must be none: text
 * on a solid background can be measured, and a manager's page whose contrast
 * cannot be checked cannot be said to pass.
 */
export async function axeIncompleteContrast(page: Page): Promise<AxeIncomplete[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Node = { target: string[]; any: { message: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ incomplete: { id: string; nodes: Node[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return result.incomplete
      .filter((rule) => rule.id === 'color-contrast')
      .flatMap((rule) => rule.nodes.map((node) => ({ target: node.target, why: node.any.map((check) => check.message).join('; ') })));
  });
}

/** Opens `url` in a new tab: it loads, leaves no colour contrast undecided, and axe finds no violation. */
export async function expectAccessible(browser: Browser, url: string): Promise<void> {
  const page = await browser.newPage();
  try {
    expect((await page.goto(url, { waitUntil: 'load' }))?.status()).toBe(200);
    expect(await axeIncompleteContrast(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  } finally {
    await page.close();
  }
}
