import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { tempFolder, runCli, writeTree } from '../helpers.js';
import { exampleSite } from '../helpers-shared.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import { complianceReport } from '../fixtures/compliance.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const TODAY = '2026-11-23';

function examplesFolder(): string {
  const cwd = tempFolder('file');
  cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
  return cwd;
}

function read(out: string, path: string): string {
  return readFileSync(join(out, path), 'utf8');
}

describe('charter build on the example charters', () => {
  let out: string;
  beforeAll(async () => {
    // Shared with the other files that read the example guide as built on TODAY (test/helpers-shared.ts).
    out = await exampleSite({ today: TODAY });
  }, 120_000);

  it('writes every charter in each of its languages, at a stable address', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      for (const id of ['building-control', 'city-library', 'registry-office', 'social-services-advice']) {
        const html = read(out, `${lang}/${id}/index.html`);
        expect(html).toContain(`<html lang="${lang}"`);
        expect(existsSync(join(out, lang, id, 'card', 'index.html'))).toBe(true);
      }
      expect(read(out, `${lang}/index.html`)).toContain('/building-control/');
      expect(existsSync(join(out, lang, 'search', 'index.html'))).toBe(true);
      expect(existsSync(join(out, lang, 'accessibility', 'index.html'))).toBe(true);
      expect(readdirSync(join(out, lang, 'pagefind'))).toContain('pagefind.js');
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'assets', 'charter.css'))).toBe(true);
  });

  it('indexes every fact of the glance box where a section below gives it in full', () => {
    // The box is left out of the search index as a repeat; its "today" hours are the build day's.
    const plain = (html: string): string =>
      html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&#x27;|&#39;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/\s+/g, ' ')
        .trim();
    for (const lang of ['fi', 'sv', 'en']) {
      const fragments = join(out, lang, 'pagefind', 'fragment');
      // Each fragment is gzipped: Pagefind's signature, then the page's indexed text as JSON.
      const indexed = readdirSync(fragments).map((file) => {
        const text = gunzipSync(readFileSync(join(fragments, file))).toString('utf8');
        return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      });
      for (const id of ['building-control', 'city-library', 'registry-office', 'social-services-advice']) {
        const html = read(out, `${lang}/${id}/index.html`);
        const glance = /<section class="glance"[^>]*data-pagefind-ignore>([^]*?)<\/section>/.exec(html)?.[1] ?? '';
        const content = plain(indexed.find((fragment) => fragment.url === `/${lang}/${id}/`)?.content ?? '');
        const facts = [...glance.matchAll(/<(?:a|span class="glance__promise"|span class="contact-inline")[^>]*>([^]*?)<\/(?:a|span)>/g)].map((match) =>
          plain(match[1] ?? ''),
        );
        expect(facts.length).toBeGreaterThan(3);
        for (const fact of facts) expect(content, `${lang}/${id}: ${fact}`).toContain(fact.replace(/\.$/, ''));
      }
    }
  });

  it("names the organisation baseline's owner as the contact for accessibility feedback", () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const statement = read(out, `${lang}/accessibility/index.html`);
      expect(statement).toContain('Maria Lindqvist');
      expect(statement).toContain('mailto:maria.lindqvist@example.fi');
    }
  });

  it('shows durations in words, contacts as links, and the review status', () => {
    const en = read(out, 'en/building-control/index.html');
    const sv = read(out, 'sv/building-control/index.html');
    const fi = read(out, 'fi/building-control/index.html');
    expect(en).toMatch(/working days?/);
    expect(sv).toMatch(/arbetsdag/);
    expect(fi).toMatch(/työpäiv/);
    expect(en).toMatch(/href="tel:\+358\d+"/);
    expect(en).toMatch(/href="mailto:[^"]+@example\.fi"/);
    expect(en).toContain('2027-09-15');
  });

  it('embeds schema.org JSON-LD that parses', () => {
    const html = read(out, 'en/city-library/index.html');
    const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    expect(match).not.toBeNull();
    const data = JSON.parse(match?.[1] ?? '{}') as { '@type'?: string };
    expect(data['@type']).toBe('GovernmentService');
    const json = match?.[1] ?? '';
    for (const type of ['ServiceChannel', 'ContactPoint', 'OpeningHoursSpecification', 'GovernmentOrganization']) expect(json).toContain(`"@type":"${type}"`);
  });

  it('publishes the normalized collection as charters.json', () => {
    const json = JSON.parse(read(out, 'charters.json')) as { charters: { id: string; pages: Record<string, string>; languages: string[] }[] };
    expect(json.charters.map((charter) => charter.id).sort()).toEqual(['building-control', 'city-library', 'registry-office', 'social-services-advice']);
    expect(json.charters[0]?.pages.fi).toMatch(/^\/fi\/[a-z-]+\/$/);
    // Inherited from the baseline: the merged data is published.
    expect(json.charters.every((charter) => charter.languages.length === 3)).toBe(true);
  });

  it('prints no unescaped value but sanitized HTML', () => {
    for (const folder of ['templates/pages', 'templates/partials', 'templates/layouts']) {
      const dir = join(repoRoot, folder);
      if (!existsSync(dir)) continue;
      for (const name of readdirSync(dir)) {
        const source = readFileSync(join(dir, name), 'utf8');
        for (const stash of source.match(/\{\{\{[^}]*\}\}\}/g) ?? []) expect(stash, `${folder}/${name}`).toMatch(/^\{\{\{\s*[\w.@/]+\.html\s*\}\}\}$/);
      }
    }
  });
});

describe('the compliance dashboard', () => {
  let withReport: string;
  let withoutReport: string;
  beforeAll(async () => {
    const cwd = examplesFolder();
    expect((await buildSite({ cwd, today: TODAY, search: false, compliance: complianceReport() })).ok).toBe(true);
    withReport = join(cwd, '_site');
    const plain = examplesFolder();
    expect((await buildSite({ cwd: plain, today: TODAY, search: false })).ok).toBe(true);
    withoutReport = join(plain, '_site');
  }, 120_000);

  const TITLES = { fi: 'Lupausten toteutuminen', sv: 'Hur vi håller våra löften', en: 'Are we keeping our promises?' };

  it.each(['fi', 'sv', 'en'] as const)('is a page of its own in %s, in that language, linked from the home page and the footer', (lang) => {
    const html = read(withReport, `${lang}/dashboard/index.html`);
    expect(html).toContain(`<html lang="${lang}"`);
    expect(html).toContain(`<h1>${TITLES[lang]}</h1>`);
    expect(html).toContain(`<title>${TITLES[lang]} – `);
    // The overview: every promise in one table, each linked to its unit's page; no charts.
    expect(html.match(/<tr><th scope="row"><a href="(building-control|city-library|registry-office)\/#unit-/g)).toHaveLength(6);
    expect(html).not.toContain('<svg class="trend__chart"');
    // The other languages' dashboards are the alternates.
    for (const other of ['fi', 'sv', 'en'].filter((code) => code !== lang)) expect(html).toContain(`hreflang="${other}" href="/${other}/dashboard/"`);
    // A unit's page: one chart and one figures table per commitment; the charts are inline SVG with a name and a description.
    const unit = read(withReport, `${lang}/dashboard/building-control/index.html`);
    expect(unit.match(/<svg class="trend__chart"[^>]* role="img" aria-labelledby="(trend-\d+)-title" aria-describedby="\1-desc"/g)).toHaveLength(3);
    expect(unit.match(/<table class="figures-table">/g)).toHaveLength(3);
    expect(unit.match(/<th scope="col"/g)?.length).toBeGreaterThan(25);
    for (const other of ['fi', 'sv', 'en'].filter((code) => code !== lang))
      expect(unit).toContain(`hreflang="${other}" href="/${other}/dashboard/building-control/"`);
    expect(unit).toContain(`<li><a href="../">${TITLES[lang]}</a></li>`);
    // Units link to their charter pages in the same language.
    expect(unit).toContain(`href="/${lang}/building-control/"`);
    const home = read(withReport, `${lang}/index.html`);
    expect(home).toMatch(new RegExp(`<a href="/${lang}/dashboard/">${TITLES[lang].replace('?', '\\?')}</a>`));
    expect(read(withReport, `${lang}/city-library/index.html`)).toContain(`href="/${lang}/dashboard/"`);
  });

  it('prints numbers, dates and statuses in the page language', () => {
    const fi = read(withReport, 'fi/dashboard/building-control/index.html');
    const en = read(withReport, 'en/dashboard/building-control/index.html');
    expect(read(withReport, 'en/dashboard/index.html')).toContain('<code>charter report</code>');
    expect(read(withReport, 'en/dashboard/index.html')).toContain('60 days');
    expect(fi).toContain('30.11.2026 klo 23.59');
    expect(fi).toContain('73,5\u00a0% ajallaan');
    expect(fi).toContain('Sähköposti – vastaus 3 työpäivän kuluessa');
    expect(fi).toContain('2,25 työpäivää');
    expect(en).toContain('30 November 2026 at 23:59');
    expect(en).toContain('73.5% in time');
    expect(en).toContain('Email – reply within 3 working days');
    expect(en).toContain('<span class="status status--missed">Missed</span>');
  });

  it('is left out, with its links, without a report', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      expect(existsSync(join(withoutReport, lang, 'dashboard'))).toBe(false);
      expect(read(withoutReport, `${lang}/index.html`)).not.toContain('/dashboard/');
      expect(read(withoutReport, `${lang}/building-control/index.html`)).not.toContain('/dashboard/');
    }
  });
});

describe('the output folder', () => {
  it('is not touched when the charters have errors', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': edit(VALID_UNIT, 'owner: head', 'owner: nobody'), '_site/keep.txt': 'mine' });
    const result = await runCli(['build', '--today', TODAY], cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/unknown contact `nobody`/);
    expect(result.stderr).toMatch(/not built/);
    expect(readFileSync(join(cwd, '_site', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses to replace a folder it did not make', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'public/index.html': 'not ours' });
    const result = await runCli(['build', '--out', 'public', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing to replace public/);
    expect(readFileSync(join(cwd, 'public', 'index.html'), 'utf8')).toBe('not ours');
  });

  it.each([['.'], ['..'], ['charters']])('refuses --out %s', async (out) => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    const result = await runCli(['build', '--out', out, '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/refusing/);
    expect(readFileSync(join(cwd, 'charters', 'unit.yaml'), 'utf8')).toBe(VALID_UNIT);
  });

  it('refuses to replace a folder that holds a theme file or a contact log', async () => {
    const log = 'charter,channel,commitment,start,end\n';
    for (const [flag, file, content] of [
      ['--css', 'theme.css', 'body {}'],
      ['--logo', 'logo.svg', '<svg/>'],
      ['--events', 'events.csv', log],
    ] as const) {
      const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, '_site/.charter-site': 'Made by charter build.\n', [`_site/${file}`]: content });
      const result = await runCli(['build', flag, `_site/${file}`, '--today', TODAY, '--no-search'], cwd);
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toMatch(
        new RegExp(`^charter: refusing to build into _site: it holds .*${file.replace('.', '\\.')}, which the build must not replace\n$`),
      );
      expect(readFileSync(join(cwd, '_site', file), 'utf8')).toBe(content);
    }
  });

  it('says which theme file is missing before it builds anything', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    for (const flag of ['--css', '--logo']) {
      const result = await runCli(['build', flag, 'theme/missing.file', '--today', TODAY, '--no-search'], cwd);
      expect(result.code, flag).toBe(2);
      expect(result.stderr).toBe(`charter: ${flag} theme/missing.file: no such file\n`);
      expect(readdirSync(cwd)).toEqual(['charters']);
    }
  });

  it('replaces its own earlier build whole and leaves no staging folders', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    writeFileSync(join(cwd, '_site', 'stale.html'), 'old');
    expect((await runCli(['build', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    expect(existsSync(join(cwd, '_site', 'stale.html'))).toBe(false);
    expect(readdirSync(cwd).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('theming', () => {
  it('links a theme stylesheet and logo', async () => {
    const cwd = writeTree({
      'charters/unit.yaml': VALID_UNIT,
      'theme/city.css': ':root { --charter-brand: #003580; }',
      'theme/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const result = await runCli(['build', '--css', 'theme/city.css', '--logo', 'theme/logo.svg', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(0);
    const html = readFileSync(join(cwd, '_site', 'en', 'test-unit', 'index.html'), 'utf8');
    expect(html).toContain('/assets/theme/city.css');
    expect(html).toContain('/assets/theme/logo.svg');
    expect(existsSync(join(cwd, '_site', 'assets', 'theme', 'city.css'))).toBe(true);
  });

  it('uses a replacement template and refuses an unknown one', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT });
    mkdirSync(join(cwd, 'my-templates', 'pages'), { recursive: true });
    writeFileSync(join(cwd, 'my-templates', 'pages', 'accessibility.hbs'), '{{#> base}}<h1>Our own statement</h1>{{/base}}');
    expect((await runCli(['build', '--templates', 'my-templates', '--today', TODAY, '--no-search'], cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, '_site', 'fi', 'accessibility', 'index.html'), 'utf8')).toContain('Our own statement');
    writeFileSync(join(cwd, 'my-templates', 'pages', 'acessibility.hbs'), 'typo');
    const result = await runCli(['build', '--templates', 'my-templates', '--today', TODAY, '--no-search'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown template pages\/acessibility\.hbs/);
  });

  it('says whether --templates is missing or a file', async () => {
    const cwd = writeTree({ 'charters/unit.yaml': VALID_UNIT, 'theme.css': 'body {}' });
    const missing = await runCli(['build', '--templates', 'no-such-folder', '--today', TODAY, '--no-search'], cwd);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the templates folder .*no-such-folder: no such file or folder/);
    const file = await runCli(['build', '--templates', 'theme.css', '--today', TODAY, '--no-search'], cwd);
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/the templates folder .*theme\.css is a file; give --templates a folder/);
    expect(existsSync(join(cwd, '_site'))).toBe(false);
  });
});
