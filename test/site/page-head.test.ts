import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { serveSite } from '../../src/site/serve.js';
import { siteAddress } from '../../src/site/base-path.js';
import { parseSiteUrl } from '../../src/site/site-url.js';
import { pageDescription } from '../../src/view/page-description.js';
import { runCli, writeTree } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

const TODAY = '2026-11-23';

/** A summary with markup, quotes and an ampersand, longer than a description may be. */
const LONG_SUMMARY =
  'Palvelemme **kaikkia** kuntalaisia: "rakennusluvat", <em>neuvonta</em> & katselmukset. Vastaamme puhelimeen arkisin, sähköpostiin kolmen työpäivän kuluessa ja kirjeisiin kahden viikon kuluessa, ja kerromme aina, kuka asiaasi hoitaa.';
const UNIT = edit(VALID_UNIT, 'summary: { fi: Palvelemme **hyvin**., en: We serve **well**. }', `summary: { fi: '${LONG_SUMMARY}', en: We serve **well**. }`);

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(folder, path));
}

/** The page's `<head>`, and the decoded content of each named meta element and the href of each link of a relation. */
function head(html: string): string {
  return /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
}
function metaContents(html: string, name: string): string[] {
  return [...head(html).matchAll(new RegExp(`<meta name="${name}" content="([^"]*)">`, 'g'))].map((match) => decodeEntities(match[1] ?? ''));
}
function links(html: string, rel: string): { hreflang?: string; href: string }[] {
  return [...head(html).matchAll(new RegExp(`<link rel="${rel}"(?: hreflang="([^"]*)")? href="([^"]*)">`, 'g'))].map((match) => ({
    ...(match[1] === undefined ? {} : { hreflang: match[1] }),
    href: match[2] ?? '',
  }));
}
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('pageDescription', () => {
  it('keeps a short text whole, its spaces collapsed', () => {
    expect(pageDescription('  Palvelemme\n  hyvin.  ')).toBe('Palvelemme hyvin.');
    expect(pageDescription('x'.repeat(160))).toBe('x'.repeat(160));
  });

  it('cuts a long text at the last word that fits, with an ellipsis, at most 160 characters', () => {
    const text = `${'sana '.repeat(40)}loppu`;
    const description = pageDescription(text);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description).toMatch(/^(sana )+sana…$/);
    // No comma or dash is left hanging before the ellipsis.
    expect(pageDescription(`${'ab, '.repeat(60)}`)).toMatch(/ab…$/);
  });

  it('cuts a text without spaces where it must, never inside a character', () => {
    expect(pageDescription('a'.repeat(300))).toBe(`${'a'.repeat(159)}…`);
    const emoji = pageDescription('😀'.repeat(200));
    expect(Array.from(emoji)).toHaveLength(160);
    expect(emoji.endsWith('😀…')).toBe(true);
  });

  it('closes a right-to-left isolate that the cut leaves open, so that it cannot reorder what follows', () => {
    const description = pageDescription(`Neuvonta \u2067${'שלום '.repeat(40)}\u2069 +358 9 123 4000`);
    expect(description).toMatch(/^Neuvonta \u2067(שלום )+שלום\u2069…$/);
  });
});

describe('the site address (--site-url and --base)', () => {
  it('takes the base from the site URL, and its origin for absolute addresses', () => {
    expect(siteAddress({})).toEqual({ base: '/' });
    expect(siteAddress({ siteUrl: 'https://intranet.example.fi' })).toEqual({ base: '/', origin: 'https://intranet.example.fi' });
    expect(siteAddress({ siteUrl: 'https://intranet.example.fi/charters' })).toEqual({ base: '/charters/', origin: 'https://intranet.example.fi' });
    expect(siteAddress({ siteUrl: 'http://intra:8080/a/b/', base: '/a/b' })).toEqual({ base: '/a/b/', origin: 'http://intra:8080' });
  });

  it('refuses a --base that says another path than the site URL', () => {
    expect(() => siteAddress({ siteUrl: 'https://x.example/a/', base: '/b/' })).toThrow(
      /`--site-url` https:\/\/x.example\/a\/ puts the site under \/a\/, but `--base` says \/b\//,
    );
  });

  it.each([
    'ftp://x.example/',
    '/charters/',
    'intranet.example.fi',
    'https://u:p@x.example/',
    'https://x.example/?lang=fi',
    'https://x.example/#top',
    'https://x.example?',
    'javascript:alert(1)',
  ])('refuses %s', (url) => {
    expect(parseSiteUrl(url)).toBeUndefined();
    expect(() => siteAddress({ siteUrl: url })).toThrow(/--site-url/);
  });
});

describe('the head of every page', () => {
  let plain: string;
  let absolute: string;
  beforeAll(async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': UNIT }, 'file');
    const [without, withUrl] = await Promise.all([
      buildSite({ cwd, today: TODAY, out: 'plain', search: false }),
      buildSite({ cwd, today: TODAY, out: 'absolute', search: false, siteUrl: 'https://intranet.example.fi/palvelulupaukset/' }),
    ]);
    expect(without.ok && withUrl.ok).toBe(true);
    plain = join(cwd, 'plain');
    absolute = join(cwd, 'absolute');
  }, 60_000);

  it('has one description on every page, plain text of at most 160 characters', () => {
    for (const file of htmlFiles(plain)) {
      const [description, ...more] = metaContents(readFileSync(file, 'utf8'), 'description');
      expect(more, relative(plain, file)).toEqual([]);
      expect(description?.length, relative(plain, file)).toBeGreaterThan(10);
      expect(Array.from(description ?? '').length, relative(plain, file)).toBeLessThanOrEqual(160);
    }
  });

  it('describes a charter page by its summary: markup gone, escaped, cut at a word', () => {
    const html = readFileSync(join(plain, 'fi', 'test-unit', 'index.html'), 'utf8');
    expect(head(html)).toContain('content="Palvelemme kaikkia kuntalaisia: &quot;rakennusluvat&quot;, neuvonta &amp; katselmukset.');
    const [description] = metaContents(html, 'description');
    expect(description).toMatch(/^Palvelemme kaikkia kuntalaisia: "rakennusluvat", neuvonta & katselmukset\. Vastaamme .* [a-zäö]+…$/);
    expect(description).not.toMatch(/\*\*|<em>/);
    expect(metaContents(readFileSync(join(plain, 'en', 'test-unit', 'index.html'), 'utf8'), 'description')).toEqual(['We serve well.']);
  });

  it('describes the other pages in their language', () => {
    const describe = (path: string): string => metaContents(readFileSync(join(plain, path), 'utf8'), 'description')[0] ?? '';
    expect(describe('fi/index.html')).toMatch(/^Yksiköiden palvelulupaukset: /);
    expect(describe('en/index.html')).toMatch(/^Our units’ service charters: /);
    expect(describe('fi/search/index.html')).toMatch(/^Hae yksiköiden palvelulupauksista/);
    expect(describe('en/accessibility/index.html')).toMatch(/^The accessibility statement/);
    expect(describe('fi/test-unit/card/index.html')).toBe('Testiyksikkö: tulostettava taskukortti, jossa ovat yhteystiedot ja tärkeimmät lupaukset.');
    expect(describe('en/test-unit/card/index.html')).toBe('Test Unit: a printable pocket card with the contact details and the main promises.');
    expect(describe('index.html')).toMatch(/^Palvelulupaukset kertovat/);
  });

  it('without --site-url: no canonical link, and relative alternates to the other languages, as before', () => {
    for (const file of htmlFiles(plain)) expect(links(readFileSync(file, 'utf8'), 'canonical'), relative(plain, file)).toEqual([]);
    expect(links(readFileSync(join(plain, 'fi', 'test-unit', 'index.html'), 'utf8'), 'alternate')).toEqual([{ hreflang: 'en', href: '/en/test-unit/' }]);
    expect(links(readFileSync(join(plain, 'index.html'), 'utf8'), 'alternate')).toEqual([]);
  });

  it('with --site-url: a canonical link to itself, and absolute alternates in every language with x-default the root', () => {
    const site = 'https://intranet.example.fi/palvelulupaukset/';
    const charter = readFileSync(join(absolute, 'fi', 'test-unit', 'index.html'), 'utf8');
    expect(links(charter, 'canonical')).toEqual([{ href: `${site}fi/test-unit/` }]);
    expect(links(charter, 'alternate')).toEqual([
      { hreflang: 'fi', href: `${site}fi/test-unit/` },
      { hreflang: 'en', href: `${site}en/test-unit/` },
      { hreflang: 'x-default', href: site },
    ]);
    // The site's own links take the site URL's path as their base.
    expect(charter).toContain('href="/palvelulupaukset/assets/charter.css"');
    const root = readFileSync(join(absolute, 'index.html'), 'utf8');
    expect(links(root, 'canonical')).toEqual([{ href: site }]);
    expect(links(root, 'alternate').map((link) => link.hreflang)).toEqual(['fi', 'en', 'x-default']);
    for (const file of htmlFiles(absolute)) {
      const path = relative(absolute, file).replace(/index\.html$/, '');
      expect(links(readFileSync(file, 'utf8'), 'canonical'), path).toEqual([{ href: `${site}${path}` }]);
    }
  });
});

describe('charter build --site-url', () => {
  it.each([
    ['en', {}, 'expected the full address the guide is published at'],
    ['fi', { LANG: 'fi_FI.UTF-8' }, 'anna oppaan koko julkaisuosoite'],
    ['sv', { LANG: 'sv_FI.UTF-8' }, 'ange guidens fullständiga publiceringsadress'],
  ])('refuses an address that is not absolute http or https, as a usage error (%s)', async (_lang, env, text) => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--site-url', 'ftp://intranet.example.fi/', '--today', TODAY], cwd, env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('refuses a --base that disagrees with it, before anything is written', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--site-url', 'https://x.example/a/', '--base', '/b/', '--today', TODAY], cwd, { LANG: 'fi_FI.UTF-8' });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'charter: `--site-url` https://x.example/a/ sijoittaa sivuston polkuun /a/, mutta `--base` on /b/: anna sama polku tai jätä `--base` pois\n',
    );
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });

  it('builds with canonical links when the address is good', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--no-search', '--site-url', 'https://intranet.example.fi', '--today', TODAY], cwd);
    expect(result.code).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'en', 'index.html'), 'utf8')).toContain('<link rel="canonical" href="https://intranet.example.fi/en/">');
  });
});

describe('charter serve --site-url', () => {
  it('serves the preview under the site URL’s path, with canonical links to the published pages', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    const siteUrl = 'https://intranet.example.fi/charters/';
    const handle = await serveSite({ cwd, today: TODAY, port: 0, search: false, watch: false, siteUrl }, () => undefined);
    try {
      expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/charters\/$/);
      const page = await fetch(`${handle.url}en/test-unit/`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(links(html, 'canonical')).toEqual([{ href: `${siteUrl}en/test-unit/` }]);
      expect(links(html, 'alternate').at(-1)).toEqual({ hreflang: 'x-default', href: siteUrl });
    } finally {
      await handle.close();
    }
  });
});
