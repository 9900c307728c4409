import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { hundredUnitsDashboard } from '../helpers-shared.js';

/** The overview of 100 units × 3 promises must load fast on a phone: these are the budgets. */
const MAX_OVERVIEW_BYTES = 150 * 1024;
const MAX_OVERVIEW_ELEMENTS = 3000;

/** Elements in a page, as a browser's DOM holds them (the parser adds none: the pages write html, head and body). */
function elementCount(html: string): number {
  let count = 0;
  const parser = new Parser({ onopentag: () => count++ }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return count;
}

describe('the dashboard of a hundred units', { timeout: 120_000 }, () => {
  let site = '';

  beforeAll(async () => {
    site = await hundredUnitsDashboard();
  }, 120_000);

  const read = (path: string): string => readFileSync(join(site, path), 'utf8');

  it.each(['fi', 'sv', 'en'])('keeps the overview in %s under 150 KB of HTML and 3,000 elements', (lang) => {
    const html = read(`${lang}/dashboard/index.html`);
    const bytes = Buffer.byteLength(html);
    const elements = elementCount(html);
    expect(bytes, `${bytes} bytes`).toBeLessThan(MAX_OVERVIEW_BYTES);
    expect(elements, `${elements} elements`).toBeLessThan(MAX_OVERVIEW_ELEMENTS);
    // Every promise is there: 300 rows.
    expect(html.match(/<tr><th scope="row">/g)).toHaveLength(300);
  });

  it('puts the missed promises first, and never says missed without "few contacts" on a small sample', () => {
    const html = read('fi/dashboard/index.html');
    const rows = [...html.matchAll(/<tr><th scope="row">.*?<\/tr>/g)].map((match) => match[0]);
    // Missed on enough contacts first, then missed on few contacts (3 in the latest month), then the rest.
    const order = rows.map((row) => (!row.includes('<td class="st st--missed">') ? 2 : row.includes('vähän yhteydenottoja (3)') ? 1 : 0));
    expect(order.slice(0, 60)).toEqual(Array(60).fill(0));
    expect(order.slice(60, 120)).toEqual(Array(60).fill(1));
    expect(order.slice(120).every((rank) => rank === 2)).toBe(true);
    for (const row of rows) {
      const [, latestCell] = /<td class="st st--missed">(.*?)<\/td>/.exec(row) ?? [];
      if (latestCell?.startsWith('Tavoite alittui:')) continue;
      if (latestCell !== undefined) expect(latestCell).toMatch(/^Tavoite alittui, vähän yhteydenottoja \(3\): /);
    }
    expect(html).toContain('Kuukausi tai ajanjakso, jolla on alle 10 yhteydenottoa');
  });

  it('gives each unit a page of its own with its charts, linked from the overview in every language', () => {
    for (const lang of ['fi', 'sv', 'en']) {
      const units = readdirSync(join(site, lang, 'dashboard'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
      expect(units).toHaveLength(100);
      expect(read(`${lang}/dashboard/index.html`)).toContain('<a href="unit-042/">');
    }
    const page = read('sv/dashboard/unit-042/index.html');
    expect(page.match(/<svg class="trend__chart"/g)).toHaveLength(3);
    expect(page).toContain('<a href="../">Hur vi håller våra löften</a>');
    // The language links lead to the same unit's page.
    expect(page).toContain('href="/fi/dashboard/unit-042/"');
    expect(page).toContain('href="/en/dashboard/unit-042/"');
  });
});
