import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { planCards } from '../../src/cards/card-pages.js';
import { checkCharters } from '../../src/check.js';
import { writeTree } from '../helpers.js';
import { samiUnit } from '../fixtures/sami.js';

const TODAY = '2026-11-23';

function read(out: string, path: string): string {
  return readFileSync(join(out, path), 'utf8');
}

/** The JSON-LD of a charter page. */
function jsonLd(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html);
  expect(match, 'the page has JSON-LD').not.toBeNull();
  return JSON.parse(match?.[1] ?? '{}') as Record<string, unknown>;
}

/** Pagefind's entry file of a language's index: the languages indexed and their page counts. */
function searchEntry(out: string, lang: string): { languages: Record<string, { page_count: number }> } {
  return JSON.parse(read(out, `${lang}/pagefind/pagefind-entry.json`)) as { languages: Record<string, { page_count: number }> };
}

describe('a charter written in Northern Sámi and Finnish, beside one in Finnish, Swedish, English and Sámi', () => {
  let out: string;
  beforeAll(async () => {
    const cwd = writeTree(
      {
        'charters/sami-office.yaml': samiUnit('sami-office', ['se', 'fi']),
        'charters/town-office.yaml': samiUnit('town-office', ['fi', 'sv', 'en', 'se']),
      },
      'file',
    );
    const result = await buildSite({ cwd, today: TODAY });
    expect(result.ok, JSON.stringify(result.results.flatMap((file) => file.diagnostics))).toBe(true);
    out = join(cwd, '_site');
  }, 120_000);

  it('publishes every written language, in the order the charters first name them', () => {
    expect(readdirSync(out).filter((name) => existsSync(join(out, name, 'index.html')))).toEqual(expect.arrayContaining(['se', 'fi', 'sv', 'en']));
    for (const id of ['sami-office', 'town-office']) {
      for (const lang of ['se', 'fi']) {
        expect(existsSync(join(out, lang, id, 'index.html')), `${lang}/${id}`).toBe(true);
        expect(existsSync(join(out, lang, id, 'card', 'index.html')), `${lang}/${id}/card`).toBe(true);
      }
    }
    expect(existsSync(join(out, 'sv', 'sami-office'))).toBe(false);
    const root = read(out, 'index.html');
    const links = [...root.matchAll(/class="language-choice__link" href="\/([^/]+)\/"/g)].map((match) => match[1]);
    expect(links).toEqual(['se', 'fi', 'sv', 'en']);
  });

  it('shows the Sámi texts on the Sámi pages, each marked lang="se", with the interface in Finnish', () => {
    for (const id of ['sami-office', 'town-office']) {
      const html = read(out, `se/${id}/index.html`);
      // The html element says the interface's language; the charter's texts say their own.
      expect(html).toContain('<html lang="fi">');
      expect(html).toContain('<h1 class="charter__name" lang="se">Geahččalanovttadat</h1>');
      expect(html).toContain('<div class="charter__summary" lang="se"><p>Mii bálvalit <strong>bures</strong>.</p></div>');
      expect(html).toContain('<meta name="description" lang="se" content="Mii bálvalit bures.">');
      expect(html).toContain('lang="se"><p>Geahččalanovttadat, buorre beaivi.</p></blockquote>');
      expect(html).toContain('Siirry pääsisältöön');
      // What the page shows; the absence form's data holds every language, as its texts are in all of them.
      const shown = html.replace(/<script type="application\/json" id="away-data">[\s\S]*?<\/script>/, '');
      expect(shown).not.toBe(html);
      expect(shown).not.toContain('Testiyksikkö');
      expect(shown).not.toContain('Test Unit');
    }
    // The Finnish page of the same charter has no Sámi text and no lang attributes on its texts.
    const fi = read(out, 'fi/sami-office/index.html');
    expect(fi).toMatch(/<meta name="description" content="[^"]+">/);
    expect(fi).toContain('<html lang="fi">');
    expect(fi).toContain('<h1 class="charter__name">Testiyksikkö</h1>');
    expect(fi.replace(/<script type="application\/json" id="away-data">[\s\S]*?<\/script>/, '')).not.toContain('Geahččalanovttadat');
  });

  it('names each language in the switcher by its own name, marked with its language, and links the page in each', () => {
    const html = read(out, 'se/town-office/index.html');
    const switcher = /<nav class="language-switcher"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(switcher).toContain('href="/se/town-office/" lang="se" hreflang="se" aria-current="true">Davvisámegiella</a>');
    expect(switcher).toContain('href="/fi/town-office/" lang="fi" hreflang="fi">Suomeksi</a>');
    expect(switcher).toContain('href="/sv/town-office/" lang="sv" hreflang="sv">På svenska</a>');
    expect(switcher).toContain('href="/en/town-office/" lang="en" hreflang="en">In English</a>');
    expect(html).toContain('<link rel="alternate" hreflang="fi" href="/fi/town-office/">');
    // A charter not written in Swedish leads to the Swedish front page, and says so in the page's interface language.
    const sami = read(out, 'se/sami-office/index.html');
    expect(sami).toContain('href="/sv/" lang="sv" hreflang="sv">På svenska<span class="visually-hidden" lang="fi">');
    expect(read(out, 'fi/town-office/index.html')).toContain('<link rel="alternate" hreflang="se" href="/se/town-office/">');
  });

  it('gives the Sámi front page, search and accessibility statement the Sámi unit names and a Finnish interface', () => {
    const home = read(out, 'se/index.html');
    expect(home).toContain('<html lang="fi">');
    expect(home).toContain('href="/se/sami-office/" lang="se">Geahččalanovttadat</a>');
    expect(existsSync(join(out, 'se', 'search', 'index.html'))).toBe(true);
    const search = read(out, 'se/search/index.html');
    expect(search).toContain('data-pagefind-path="/se/pagefind/pagefind.js"');
    expect(search).toContain('data-lang="fi"');
    expect(search).toContain('data-results-lang="se"');
    expect(existsSync(join(out, 'se', 'accessibility', 'index.html'))).toBe(true);
  });

  it('indexes the Sámi pages for search in a Sámi index of their own', () => {
    expect(searchEntry(out, 'se').languages.se?.page_count).toBe(2);
    expect(searchEntry(out, 'fi').languages.fi?.page_count).toBe(2);
    expect(searchEntry(out, 'sv').languages.sv?.page_count).toBe(1);
  });

  it('says the page language in the JSON-LD and lists the Sámi page in charters.json', () => {
    expect(jsonLd(read(out, 'se/sami-office/index.html')).inLanguage).toBe('se');
    expect(jsonLd(read(out, 'fi/sami-office/index.html')).inLanguage).toBe('fi');
    const collection = JSON.parse(read(out, 'charters.json')) as { charters: { id: string; pages: Record<string, string> }[] };
    expect(collection.charters.find((charter) => charter.id === 'sami-office')?.pages).toEqual({ se: '/se/sami-office/', fi: '/fi/sami-office/' });
    expect(Object.keys(collection.charters.find((charter) => charter.id === 'town-office')?.pages ?? {})).toEqual(['fi', 'sv', 'en', 'se']);
  });

  it('prints the Sámi card with the Sámi texts', () => {
    const card = read(out, 'se/sami-office/card/index.html');
    expect(card).toContain('<html lang="fi">');
    expect(card).toContain('<span lang="se">Geahččalanovttadat</span>');
    expect(card).toMatch(/lang="se"[^>]*>Vástit álo</);
  });
});

describe('the order and the set of the site languages', () => {
  it('builds no pages in a language no charter is written in', async () => {
    const cwd = writeTree({ 'charters/sami-office.yaml': samiUnit('sami-office', ['se', 'fi']) }, 'file');
    const result = await buildSite({ cwd, today: TODAY });
    expect(result.ok).toBe(true);
    const out = join(cwd, '_site');
    expect(existsSync(join(out, 'se', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'fi', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'sv'))).toBe(false);
    expect(existsSync(join(out, 'en'))).toBe(false);
    const root = read(out, 'index.html');
    // The root says the site's name once per interface language (Finnish only here), and offers Sámi first.
    expect(root).toContain('<html lang="fi">');
    expect([...root.matchAll(/hreflang="([^"]+)">([^<]+)<\/a>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['se', 'Davvisámegiella'],
      ['fi', 'Suomeksi'],
    ]);
  }, 120_000);

  it("follows the order of the organisation baseline's languages", async () => {
    const unit = samiUnit('sami-office', ['se', 'fi']).replace('id: sami-office', 'id: sami-office\nextends: _organisation.yaml');
    const cwd = writeTree({ 'charters/_organisation.yaml': 'charter: 1\nlanguages: [fi, se]\n', 'charters/sami-office.yaml': unit });
    const checked = await checkCharters({ cwd, today: TODAY });
    expect(checked.results.flatMap((file) => file.diagnostics)).toEqual([]);
    const { cards } = planCards(checked, TODAY);
    expect(cards.map((card) => card.page.url)).toEqual(['/fi/sami-office/card/', '/se/sami-office/card/']);
    expect(cards.map((card) => card.page.frame.languages.map((link) => link.lang))).toEqual([
      ['fi', 'se'],
      ['fi', 'se'],
    ]);
    // The Sámi card: Sámi texts in a Finnish interface.
    const sami = cards[1]?.page;
    expect(sami?.frame.interfaceLang).toBe('fi');
    expect(sami?.kind === 'card' ? sami.charter.name : undefined).toEqual({ text: 'Geahččalanovttadat', lang: 'se', foreign: true });
  });
});
