import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { tempFolder } from '../helpers.js';
import { FORMAT_11_UNIT, QUIET_UNIT, edit } from '../fixtures/charters.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable } from './chromium.js';
import { serveInChromium, type ServedSite } from './served-site.js';
import { Tab } from './tab.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const runBrowserTests = chromiumAvailable();

/** The example charters: each has a phone line, an email line, an absence routine and feedback, in fi, sv and en. */
const EXAMPLES = ['building-control', 'city-library', 'registry-office', 'social-services-advice'];
/** FORMAT_11_UNIT (fi, en) without its email line: two phone lines, chat, video, sms and more, an absence routine and feedback. */
const NO_EMAIL = 'test-unit';
const NO_EMAIL_UNIT = edit(
  FORMAT_11_UNIT,
  '  email:\n    address: test@example.fi\n    acknowledge: { within: 4 working hours }\n    reply: { within: 2 working days, target: 90% }\n',
  '',
);
/** A unit reached only by letter and at its service point: no phone, no email, no absence routine, no feedback. */
const QUIET = 'quiet-unit';

/**
 * What an official searches for, and the units whose pages really hold it:
 * the absence routine (every unit with one), the phone (every unit with a
 * phone line), the email (every unit with an email line), feedback.
 */
const SEARCHES: readonly { lang: string; query: string; units: readonly string[] }[] = [
  { lang: 'fi', query: 'poissaolo', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'fi', query: 'poissaoloviesti', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'fi', query: 'sijainen', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'fi', query: 'vaihteelle', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'fi', query: 'puhelimeen', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'fi', query: 'sähköpostiin', units: EXAMPLES },
  { lang: 'fi', query: 'palaute', units: [...EXAMPLES, NO_EMAIL] },
  { lang: 'sv', query: 'frånvaro', units: EXAMPLES },
  { lang: 'sv', query: 'telefon', units: EXAMPLES },
  { lang: 'en', query: 'absence', units: [...EXAMPLES, NO_EMAIL] },
];

interface Found {
  unit: string;
  excerpt: string;
}

/** Runs the page's own Pagefind index of `lang` for `query`: every result's unit and its excerpt as plain text. */
async function search(page: Page, lang: string, query: string): Promise<Found[]> {
  // As a string: the test runner would rewrite an import() written in the test's own code.
  const found = await page.evaluate<{ url: string; excerpt: string }[]>(`(async () => {
    const pagefind = await import(${JSON.stringify(`/${lang}/pagefind/pagefind.js`)});
    await pagefind.options({ excerptLength: 24, baseUrl: '/' });
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map((result) => result.data()));
  })()`);
  return found.map((result) => ({
    unit: /\/([^/]+)\/$/.exec(result.url)?.[1] ?? result.url,
    excerpt: result.excerpt.replace(/<\/?mark>/g, ''),
  }));
}

/** Everything the `lang` index holds of `unit`'s page (Pagefind's indexed text), found by `query`. */
async function indexedText(page: Page, lang: string, query: string, unit: string): Promise<string> {
  const found = await page.evaluate<{ url: string; content: string }[]>(`(async () => {
    const pagefind = await import(${JSON.stringify(`/${lang}/pagefind/pagefind.js`)});
    await pagefind.options({ baseUrl: '/' });
    const found = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(found.results.map((result) => result.data()));
  })()`);
  const content = found.find((result) => result.url.endsWith(`/${unit}/`))?.content;
  if (content === undefined) throw new Error(`${query} did not find ${unit} in the ${lang} index`);
  return content;
}

/** The Finnish page strings, to tell the page's own words from the charter's. */
const FI_PAGE = (JSON.parse(readFileSync(join(repoRoot, 'src', 'view', 'strings', 'fi.json'), 'utf8')) as { page: Record<string, string> }).page;

// Each test drives Chromium, whose pages take seconds on a busy two-core machine: twice the usual timeout.
describe.runIf(runBrowserTests)('a charter page in a real browser: the essentials first, every promise searchable', { timeout: 60_000 }, () => {
  let site: ServedSite | undefined;
  let tab: Tab;
  const url = (): string => site?.url ?? '';

  beforeAll(async () => {
    const cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    writeFileSync(join(cwd, 'charters', `${NO_EMAIL}.yaml`), NO_EMAIL_UNIT);
    writeFileSync(join(cwd, 'charters', `${QUIET}.yaml`), QUIET_UNIT);
    const result = await buildSite({ cwd, today: '2026-12-02' });
    expect(result.ok).toBe(true);
    site = await serveInChromium(join(cwd, '_site'));
    tab = await Tab.open(site.browser);
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  const PHONE_FIRST_SCREEN = ['fi', 'sv'].flatMap((lang) => EXAMPLES.map((unit) => `/${lang}/${unit}/`));

  it.each(PHONE_FIRST_SCREEN)('shows the phone number, the email reply promise and the pocket guide on the first screen of a phone (375 × 667) on %s', (path) =>
    tab.use(
      async (page) => {
        expect((await page.goto(`${url()}${path}`))?.status()).toBe(200);
        const seen = await page.evaluate(() => {
          const bottom = (selector: string): { text: string; bottom: number } | undefined => {
            const element = document.querySelector(selector);
            return element ? { text: element.textContent ?? '', bottom: element.getBoundingClientRect().bottom } : undefined;
          };
          return {
            height: window.innerHeight,
            scrolled: window.scrollY,
            phone: bottom('.glance__line--phone a[href^="tel:"]'),
            emailPromise: bottom('.glance__line--email .glance__promise'),
            guide: bottom('.charter__shortcuts a[href="#guide"]'),
          };
        });
        expect(seen.scrolled).toBe(0);
        expect(seen.phone?.text).toMatch(/^\+358 9 123 4\d{3}$/);
        expect(seen.emailPromise?.text).toMatch(
          path.startsWith('/fi/') ? /^Vastaamme sähköpostiviesteihin \d työpäivän kuluessa\.$/ : /^Vi svarar på e-post inom \d arbetsdagar\.$/,
        );
        expect(seen.guide?.text).toBe(path.startsWith('/fi/') ? 'Taskuohje' : 'Fickguide');
        for (const [what, element] of Object.entries({ phone: seen.phone, emailPromise: seen.emailPromise, guide: seen.guide })) {
          expect(element?.bottom, what).toBeLessThanOrEqual(seen.height);
        }
        // The pocket guide the link leads to is on the page.
        expect(await page.locator('#guide').count()).toBe(1);
      },
      { width: 375, height: 667 },
    ),
  );

  it.each(PHONE_FIRST_SCREEN)('starts whom to turn to and the e-service on the first screen of a larger phone (375 × 812) on %s', (path) =>
    tab.use(
      async (page) => {
        expect((await page.goto(`${url()}${path}`))?.status()).toBe(200);
        const seen = await page.evaluate(() => {
          const top = (selector: string): number => document.querySelector(selector)?.getBoundingClientRect().top ?? Infinity;
          return {
            height: window.innerHeight,
            escalate: top('.glance__escalate'),
            eservice: top('.glance__line--eservice'),
            counter: top('.glance__line--counter'),
          };
        });
        for (const what of ['counter', 'eservice', 'escalate'] as const) expect(seen[what], what).toBeLessThan(seen.height);
      },
      { width: 375, height: 812 },
    ),
  );

  it.each([`/fi/${NO_EMAIL}/`, `/en/${NO_EMAIL}/`, `/fi/${QUIET}/`, `/sv/${QUIET}/`])(
    'gives every kind of line at a glance, with no email or phone where there is none, accessibly, on %s',
    (path) =>
      tab.use(
        async (page) => {
          expect((await page.goto(`${url()}${path}`))?.status()).toBe(200);
          const glance = await page.evaluate(() => ({
            kinds: [...document.querySelectorAll('.glance__line')].map((line) => line.className.replace(/.*glance__line--/, '')),
            ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
            levels: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1])),
            firstLine: document.querySelector('.glance__line')?.getBoundingClientRect().bottom ?? Infinity,
            height: window.innerHeight,
          }));
          if (path.includes(QUIET)) expect(glance.kinds).toEqual(['counter', 'letter']);
          else expect(glance.kinds).toEqual(['phone', 'counter', 'eservice', 'chat', 'sms', 'relay', 'video', 'suomifiMessages', 'homeVisit', 'letter']);
          expect(glance.firstLine).toBeLessThanOrEqual(glance.height);
          // No id twice; headings never skip a level on the way down.
          expect(glance.ids.filter((id, index) => glance.ids.indexOf(id) !== index)).toEqual([]);
          expect(glance.levels[0]).toBe(1);
          glance.levels.forEach((level, index) => expect(level - (glance.levels[index - 1] ?? 0)).toBeLessThanOrEqual(1));
          const violations = await axeViolations(page);
          expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
        },
        { width: 375, height: 667 },
      ),
  );

  it("says today's hours from the charter's calendar, and which day today is", () =>
    tab.use(async (page) => {
      await page.goto(`${url()}/fi/social-services-advice/`);
      const today = await page.evaluate(() => ({
        phone: document.querySelector('.glance__line--phone .glance__today')?.textContent,
        counter: document.querySelector('.glance__line--counter .glance__today')?.textContent,
        datetime: document.querySelector('.glance__today time')?.getAttribute('datetime'),
        asOf: document.querySelector('.glance__as-of')?.textContent,
      }));
      // Wednesday 2 December 2026: the phone line's two periods, the service point's Wednesday morning.
      expect(today).toEqual({
        phone: 'Tänään 9.00–11.30, 12.30–15.00',
        counter: 'Tänään 9.00–12.00',
        datetime: '2026-12-02',
        asOf: 'Aukioloajat päivältä ke 2.12.2026.',
      });
    }));

  it.runIf(existsSync('/usr/bin/pdftotext'))('prints the essentials first and every contact, the folded ones unfolded', () =>
    tab.use(async (page) => {
      await page.goto(`${url()}/fi/building-control/`);
      await page.emulateMedia({ media: 'print' });
      const file = join(tempFolder(), 'page.pdf');
      await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true });
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      expect(text.indexOf('Yhteystiedot ja lupaukset')).toBeGreaterThan(-1);
      expect(text.indexOf('Yhteystiedot ja lupaukset')).toBeLessThan(text.indexOf('Asiointikanavat ja lupauksemme'));
      // The number is its own text: no "(tel:…)" after it.
      expect(text).toContain('+358 9 123 4500');
      expect(text).not.toContain('(tel:');
      // The organisation's people, folded away on screen, are on paper (Palautepalvelu is only in the contact list).
      expect(text).toContain('Palautepalvelu');
      expect(text).not.toContain('Näytä kaikki yhteystiedot');
    }),
  );

  it.each(SEARCHES)('finds the right units for $query in the $lang index, with excerpts that read as text', ({ lang, query, units }) =>
    tab.use(async (page) => {
      await page.goto(`${url()}/${lang}/search/`);
      const found = await search(page, lang, query);
      expect(found.map((result) => result.unit).sort()).toEqual([...units].sort());
      for (const { unit, excerpt } of found) {
        // A label glued to its value ("KanavaSähköposti", "Puhelinnumero+358") reads as one word.
        expect(excerpt, unit).not.toMatch(/(Kanava|Vastuuhenkilö|Puhelinnumero|Sähköpostiosoite|Kanal|Telefonnummer|Channel|Phone number)(?=[\p{Lu}\d+])/u);
        // Nor may any word run into the next, the hours table's headings and cells included.
        expect(excerpt, unit).not.toMatch(/\p{Ll}\p{Lu}/u);
      }
    }),
  );

  it("indexes the absence routine's content, and not the form's controls or other page widgets", () =>
    tab.use(async (page) => {
      await page.goto(`${url()}/fi/search/`);
      const text = await indexedText(page, 'fi', 'poissaoloviesti', 'building-control');
      const absence = text.slice(text.indexOf(`${FI_PAGE.absenceHeading}.`), text.indexOf(`${FI_PAGE.feedbackHeading}.`));
      // Whom to tell, how early, the substitute and the out-of-office text, as building-control.yaml gives them.
      expect(absence).toContain('Vaihde, +358 9 123 4000');
      expect(absence).toContain('Tiina Heinonen (Lupasihteeri)');
      expect(absence).toContain(`${FI_PAGE.absenceNotice}: 1 työpäivä`);
      expect(absence).toContain('Sijainen on nimettävä');
      expect(absence).toContain('Olen poissa {from}–{until}. Lupa- ja katselmusasioissa sijaiseni on {substitute}.');
      // The same on every page, matching every page alike: the form's texts and buttons, the contact list's toggle.
      for (const key of ['awayFormIntro', 'awayPrivacy', 'awayFrom', 'awaySubmit', 'awayCopy', 'contactsShow']) expect(text, key).not.toContain(FI_PAGE[key]);
    }));

  it('finds the absence routine through the search page itself', () =>
    tab.use(async (page) => {
      await page.goto(`${url()}/fi/search/?q=${encodeURIComponent('poissaoloviesti')}`);
      const results = page.locator('#search-result-list > li');
      await results.first().waitFor({ timeout: 15_000 });
      const excerpts = await page.locator('.search-result__excerpt').allTextContents();
      expect(excerpts.length).toBe(EXAMPLES.length + 1);
      for (const excerpt of excerpts) expect(excerpt).toMatch(/poissaoloviest/i);
    }));
});
