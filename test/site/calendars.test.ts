import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { writeTree } from '../helpers.js';
import { ENGLISH_COUNCIL } from '../fixtures/english-council.js';

describe("an English council's site page", () => {
  it('says which holidays it is closed on and in which time zone its hours are', async () => {
    const cwd = writeTree({ 'charters/ashworth-contact-centre.yaml': ENGLISH_COUNCIL }, 'file');
    const result = await buildSite({ cwd, today: '2026-11-23' });
    expect(result.ok).toBe(true);
    const html = readFileSync(join(cwd, '_site', 'en', 'ashworth-contact-centre', 'index.html'), 'utf8');
    expect(html).toContain('<p class="hours-note">Closed on public holidays in England.</p>');
    expect(html).toContain('<p class="hours-note">Times are in United Kingdom Time (Europe/London).</p>');
    expect(html).not.toContain('Finnish');
  }, 120_000);
});
