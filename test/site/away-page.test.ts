import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { serveSite } from '../../src/site/serve.js';
import { tempFolder } from '../helpers.js';
import { QUIET_UNIT } from '../fixtures/charters.js';

const repoRoot = join(import.meta.dirname, '..', '..');
/** The build's day: the form's calendar runs from 31 days before it to 730 days after it. */
const TODAY = '2026-11-23';

const UNITS_WITH_ABSENCE = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];

interface Embedded {
  charterId: string;
  languages: string[];
  calendar: { from: string; until: string; closed: string[] };
  notify: { id: string }[];
  pageUrl?: Record<string, string>;
}

function embedded(html: string): Embedded | undefined {
  const blocks = [...html.matchAll(/<script type="application\/json" id="away-data">([\s\S]*?)<\/script>/g)];
  if (blocks.length > 1) throw new Error('more than one away-data block');
  const json = blocks[0]?.[1];
  return json === undefined ? undefined : (JSON.parse(json) as Embedded);
}

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((match) => match[1] as string);
}

describe('the Going away? section of charter pages, built', () => {
  let out: string;
  beforeAll(async () => {
    const cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    writeFileSync(join(cwd, 'charters', 'quiet-unit.yaml'), QUIET_UNIT);
    const result = await buildSite({ cwd, today: TODAY, search: false, siteUrl: 'https://intranet.example.fi/charters/' });
    expect(result.ok, JSON.stringify(result.results)).toBe(true);
    out = join(cwd, '_site');
  }, 120_000);

  const read = (path: string): string => readFileSync(join(out, path), 'utf8');

  it.each(UNITS_WITH_ABSENCE.flatMap((unit) => ['fi', 'sv', 'en'].map((lang) => `${lang}/${unit}`)))(
    'embeds the unit’s absence data once and loads the shared form script on %s',
    (path) => {
      const html = read(`${path}/index.html`);
      expect(scriptSources(html)).toEqual(['/charters/assets/search.js', '/charters/assets/away-form.js']);
      const data = embedded(html);
      expect(data?.charterId).toBe(path.split('/')[1]);
      // The window around the build's day, worked out by hand: 23.11.2026 − 31 days and + 730 days (2028 is a leap year).
      expect(data?.calendar.from).toBe('2026-10-23');
      expect(data?.calendar.until).toBe('2028-11-22');
      expect(data?.notify.length).toBeGreaterThan(0);
      expect(html).toContain('<form class="away-form no-print" id="away-form" hidden');
    },
  );

  it('lists the closed weekdays of the Finnish calendar: Christmas, Epiphany, Midsummer Eve, not ordinary days', () => {
    const closed = embedded(read('fi/building-control/index.html'))?.calendar.closed ?? [];
    expect(closed.length).toBeGreaterThan(10);
    for (const day of ['2026-12-24', '2026-12-25', '2027-01-01', '2027-01-06', '2027-06-25', '2027-12-06']) expect(closed).toContain(day);
    for (const day of ['2026-12-23', '2026-12-28', '2027-01-07']) expect(closed).not.toContain(day);
    // Saturdays and Sundays are closed by rule, not listed.
    expect(closed).not.toContain('2026-12-26');
  });

  it('gives the charter page’s address in every language, at the form', () => {
    expect(embedded(read('sv/building-control/index.html'))?.pageUrl).toEqual({
      fi: 'https://intranet.example.fi/charters/fi/building-control/#away',
      sv: 'https://intranet.example.fi/charters/sv/building-control/#away',
      en: 'https://intranet.example.fi/charters/en/building-control/#away',
    });
  });

  it('leaves the data and the script off pages without an absence routine', () => {
    for (const path of ['fi/quiet-unit/index.html', 'fi/index.html', 'fi/building-control/card/index.html', 'sv/search/index.html', 'index.html']) {
      const html = read(path);
      expect(embedded(html), path).toBeUndefined();
      expect(scriptSources(html), path).not.toContain('/charters/assets/away-form.js');
    }
    expect(read('fi/quiet-unit/index.html')).not.toContain('id="away"');
  });

  it('ships one small form script that makes no request and stores nothing', () => {
    const script = read('assets/away-form.js');
    expect(script.length).toBeGreaterThan(1000);
    expect(script.length).toBeLessThan(40_000);
    for (const forbidden of [
      'fetch(',
      'XMLHttpRequest',
      'sendBeacon',
      'localStorage',
      'sessionStorage',
      'indexedDB',
      'document.cookie',
      'WebSocket',
      'import(',
    ]) {
      expect(script, forbidden).not.toContain(forbidden);
    }
  });

  it('shows the routine as steps with the placeholders explained, in the page’s language', () => {
    const fi = read('fi/building-control/index.html');
    expect(fi).toContain('<h3 id="away">Poissaolo edessä?</h3>');
    expect(fi).toMatch(/<ol class="away__steps">[\s\S]*Ilmoita poissaolostasi ajoissa\.[\s\S]*Sovi sijaisesta[\s\S]*automaattinen vastaus[\s\S]*<\/ol>/);
    expect(fi).toContain('<dt><code>{from}</code></dt><dd>poissaolosi ensimmäinen päivä</dd>');
    const sv = read('sv/building-control/index.html');
    expect(sv).toContain('<h3 id="away">Ska du vara borta?</h3>');
    expect(sv).toContain('<dt><code>{substitute}</code></dt><dd>din ersättares namn och telefonnummer</dd>');
  });

  it('tells on the card where the ready texts are: the charter page’s Going away? section, instead of the substitute rule', () => {
    const fi = read('fi/building-control/card/index.html');
    expect(fi).toContain(
      '<li class="card__away-texts"><span class="inline-label">Valmiit viestit verkossa:</span> <a href="/charters/fi/building-control/#away">”Poissaolo edessä?”</a></li>',
    );
    // Whom to tell and how early stay; the substitute rule is on the page and in the form's checks.
    expect(fi).toContain('Ilmoita etukäteen:</span> 1 työpäivä</li>');
    expect(fi).not.toContain('Sijainen on nimettävä.');
    expect(read('sv/building-control/card/index.html')).toContain(
      'Färdiga texter på webben:</span> <a href="/charters/sv/building-control/#away">”Ska du vara borta?”</a>',
    );
    expect(read('en/building-control/card/index.html')).toContain('Ready texts:</span> <a href="/charters/en/building-control/#away">“Going away?”</a>');
  });
});

describe('the Going away? form under charter serve', () => {
  it('serves the form script and the page with its data', async () => {
    const cwd = tempFolder();
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    const handle = await serveSite({ cwd, today: TODAY, port: 0, search: false, watch: false }, () => undefined);
    try {
      const page = await fetch(`${handle.url}fi/building-control/`);
      const html = await page.text();
      expect(embedded(html)?.calendar.from).toBe('2026-10-23');
      expect(scriptSources(html)).toContain('/assets/away-form.js');
      const script = await fetch(`${handle.url}assets/away-form.js`);
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/javascript/);
      expect((await script.text()).length).toBeGreaterThan(1000);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
