import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCharters } from '../../src/check.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates, type TemplateSet } from '../../src/render/templates.js';
import { normalizeCollection } from '../../src/site/site-charters.js';
import { planSite } from '../../src/view/site-plan.js';
import type { PageView } from '../../src/view/view-model.js';

const TODAY = '2026-11-23';
let pages: readonly PageView[];
let templates: TemplateSet;

beforeAll(async () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const checked = await checkCharters({ cwd: root, today: TODAY });
  pages = planSite(normalizeCollection(checked), { today: TODAY, renderMarkdown }).pages;
  templates = await loadTemplates({ builtIn: fileURLToPath(new URL('../../templates', import.meta.url)) });
});

/** The greeting's quotation as printed on a page of the example building-control charter. */
function greetingOn(kind: 'charter' | 'card', lang: string, cardSize?: 'credit-card'): string {
  const page = pages.find((candidate) => candidate.kind === kind && candidate.charter.id === 'building-control' && candidate.charter.lang === lang);
  if (!page) throw new Error(`no ${kind} page in ${lang}`);
  const html = templates.render(cardSize && page.kind === 'card' ? { ...page, cardSize } : page);
  const quote = /<blockquote class="quote__text"[^>]*><p>(.*?)<\/p><\/blockquote>/s.exec(html.slice(html.indexOf('class="quote greeting"')));
  if (!quote?.[1]) throw new Error('no greeting printed');
  return quote[1];
}

describe('a greeting with {name}: a slot for the official’s own name', () => {
  it.each([
    ['fi', 'Rakennusvalvonnan neuvonta, <span class="greeting__name">(nimesi)</span>, hyvää päivää.'],
    ['sv', 'Byggnadstillsynens rådgivning, <span class="greeting__name">(ditt namn)</span>, god dag.'],
    ['en', 'Building Control advice line, <span class="greeting__name">(your name)</span> speaking, hello.'],
  ])('on the %s page and cards', (lang, printed) => {
    expect(greetingOn('charter', lang)).toBe(printed);
    expect(greetingOn('card', lang)).toBe(printed);
    expect(greetingOn('card', lang, 'credit-card')).toBe(printed);
  });
});
