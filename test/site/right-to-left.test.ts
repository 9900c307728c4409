import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCharters } from '../../src/check.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { loadTemplates } from '../../src/render/templates.js';
import { buildSite } from '../../src/site/build.js';
import { normalizeCollection } from '../../src/site/site-charters.js';
import { planSite } from '../../src/view/site-plan.js';
import type { PageView } from '../../src/view/view-model.js';
import { writeTree } from '../helpers.js';
import { arabicUnit } from '../fixtures/arabic.js';

const TODAY = '2026-11-23';

function read(out: string, path: string): string {
  return readFileSync(join(out, path), 'utf8');
}

/**
 * The interface has no Arabic: an Arabic page speaks Finnish around the
 * Arabic texts, so the page runs left to right and each Arabic text, marked
 * lang="ar", runs right to left (see PageLanguage in site-languages.ts).
 */
describe('a charter written in Finnish and Arabic, beside one in Finnish only', () => {
  let out: string;
  let cwd: string;
  beforeAll(async () => {
    cwd = writeTree(
      {
        'charters/arabic-office.yaml': arabicUnit('arabic-office', ['fi', 'ar']),
        'charters/finnish-office.yaml': arabicUnit('finnish-office', ['fi']),
      },
      'file',
    );
    const result = await buildSite({ cwd, today: TODAY });
    expect(result.ok, JSON.stringify(result.results.flatMap((file) => file.diagnostics))).toBe(true);
    out = join(cwd, '_site');
  }, 120_000);

  it('runs the Arabic page left to right, as its Finnish interface, and every Arabic text right to left', () => {
    const html = read(out, 'ar/arabic-office/index.html');
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('<h1 class="charter__name" lang="ar" dir="rtl">وحدة الاختبار</h1>');
    expect(html).toContain('<div class="charter__summary" lang="ar" dir="rtl"><p>نخدمكم <strong>جيدًا</strong>.</p></div>');
    // The description is an attribute: its language, but no direction (dir is not an attribute of meta).
    expect(html).toContain('<meta name="description" lang="ar" content="نخدمكم جيدًا.">');
    // The official's own name is a Finnish slot inside the Arabic greeting: it runs left to right there.
    expect(html).toContain('<blockquote class="quote__text" lang="ar" dir="rtl"><p>وحدة الاختبار، معكم <span class="greeting__name" lang="fi" dir="ltr">');
    // Every lang="ar" carries dir="rtl"; Finnish needs a dir only inside an Arabic text (the slot above).
    const shown = html.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(shown.match(/ lang="ar"(?! content)/g)?.length).toBe(shown.match(/ lang="ar" dir="rtl"/g)?.length);
    expect(shown.match(/ lang="(fi|sv|en)" dir=/g)?.length).toBe(shown.match(/class="greeting__name"/g)?.length);
  });

  it('names Arabic in the switcher and on the root right to left, and a Finnish note inside that link left to right', () => {
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(read(out, 'fi/arabic-office/index.html'))?.[0] ?? '';
    expect(switcher).toContain('href="/ar/arabic-office/" lang="ar" dir="rtl" hreflang="ar">العربية</a>');
    expect(switcher).toContain('href="/fi/arabic-office/" lang="fi" hreflang="fi" aria-current="true">Suomeksi</a>');
    const missing = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(read(out, 'fi/finnish-office/index.html'))?.[0] ?? '';
    expect(missing).toContain('href="/ar/" lang="ar" dir="rtl" hreflang="ar">العربية<span class="visually-hidden" lang="fi" dir="ltr">');
    expect(read(out, 'index.html')).toContain('lang="ar" dir="rtl" hreflang="ar">العربية</a>');
  });

  it('marks the Arabic texts of the card, the front page and the search page', () => {
    const card = read(out, 'ar/arabic-office/card/index.html');
    expect(card).toContain('<html lang="fi">');
    expect(card).toContain('<span lang="ar" dir="rtl">وحدة الاختبار</span>');
    expect(read(out, 'ar/index.html')).toContain('href="/ar/arabic-office/" lang="ar" dir="rtl">وحدة الاختبار</a>');
    const search = read(out, 'ar/search/index.html');
    expect(search).toContain('data-results-lang="ar"');
    expect(search).toContain('data-results-dir="rtl"');
    expect(read(out, 'fi/search/index.html')).toContain('data-results-dir="ltr"');
  });

  it('runs the whole page right to left when its interface is a right-to-left language', async () => {
    // No interface language runs right to left yet: the Arabic page stands in for one, to show the frame follows.
    const checked = await checkCharters({ cwd, today: TODAY });
    const page = planSite(normalizeCollection(checked), { today: TODAY, renderMarkdown }).pages.find(
      (candidate) => candidate.kind === 'charter' && candidate.charter.lang === 'ar',
    );
    if (!page) throw new Error('no Arabic charter page');
    const templates = await loadTemplates({ builtIn: fileURLToPath(new URL('../../templates', import.meta.url)) });
    const html = templates.render({ ...page, frame: { ...page.frame, interfaceLang: 'ar', dir: 'rtl' } } as unknown as PageView);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1 class="charter__name" lang="ar">وحدة الاختبار</h1>');
    expect(html).toContain('href="/fi/arabic-office/" lang="fi" dir="ltr" hreflang="fi">Suomeksi</a>');
    expect(html).toContain('href="/ar/arabic-office/" lang="ar" hreflang="ar" aria-current="true">العربية</a>');
  });
});

describe('the stylesheet', () => {
  it('places things by logical sides (start, end), so that a right-to-left page or text mirrors', () => {
    const css = readFileSync(join(import.meta.dirname, '..', '..', 'site', 'assets', 'charter.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const physical = css
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /^(margin|padding|border)-(left|right)|^(left|right):|text-align: (left|right)|^(margin|padding): \S+ \S+ \S+ \S+;/.test(line));
    expect(physical).toEqual([]);
    // float: right stays only as the fallback of the line after it, for a browser without inline-end.
    expect(css.match(/float: right;/g)?.length).toBe(css.match(/float: right;\n\s*float: inline-end;/g)?.length);
  });
});
