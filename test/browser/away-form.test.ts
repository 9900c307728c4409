import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwayData, AwayRequest, AwayResult } from '../../src/away/away-types.js';
import { composeAway } from '../../src/away/compose.js';
import { buildSite } from '../../src/site/build.js';
import { runCli, tempFolder } from '../helpers.js';
import { axeViolations } from './axe.js';
import { chromiumAvailable } from './chromium.js';
import { serveInChromium, type ServedSite } from './served-site.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const runBrowserTests = chromiumAvailable();

/** The build's day, and the browser's: a Wednesday. */
const TODAY = '2026-12-02';
/** Noon in Helsinki on that day. */
const BROWSER_NOW = new Date('2026-12-02T10:00:00Z');

/** A unit whose names and message try to break out of the page: quotes, tags, a closing script tag, an ampersand. */
const HOSTILE = 'hostile-unit';
const HOSTILE_UNIT = `charter: 1
id: ${HOSTILE}
languages: [fi, sv]
unit:
  name: { fi: "Vihamielinen </script><b>yksikkö</b>", sv: "Fientlig & \\"enhet\\"" }
owner: head
review:
  approved: 2026-09-01
  every: 12 months
  next: 2027-09-01
hours:
  weekly:
    - { days: mon-fri, open: "09:00", close: "15:00" }
  holidays: FI
contacts:
  - id: head
    name: "O'Brien <img src=x onerror=alert(1)>"
    phone: "+358 9 123 4999"
    email: head@example.fi
  - id: desk
    name: { fi: "Neuvonta \`$(whoami)\` $& $'", sv: "Rådgivning \`$(whoami)\`" }
    email: desk@example.fi
channels:
  letter:
    address: { fi: "PL 1, 00099 Testikaupunki", sv: "PB 1, 00099 Teststad" }
    reply: { within: 10 working days, target: 90% }
absence:
  notify: [desk]
  notice: 2 working days
  substitute: recommended
  outOfOffice:
    fi: "Olen poissa {from}–{until}. </script><script>alert(1)</script> Sijaiseni: {substitute}."
    sv: "Jag är borta {from}–{until}. Min ersättare: {substitute} & co."
`;

interface Filled {
  readonly from: string;
  readonly until: string;
  readonly fromTime?: string;
  readonly untilTime?: string;
  readonly substitute?: string;
  readonly substituteText?: string;
  readonly name?: string;
}

/** What the page shows after the form is sent. */
interface Shown {
  status: string;
  back?: string | undefined;
  backText?: string | undefined;
  problems: string[];
  blocks: { heading: string; text: string; lang: string }[];
  mailtos: string[];
}

async function fillAndSend(page: Page, filled: Filled): Promise<Shown> {
  await page.locator('#away-form').waitFor({ state: 'visible' });
  await page.fill('#away-from', filled.from);
  await page.fill('#away-until', filled.until);
  if (filled.fromTime) await page.fill('#away-from-time', filled.fromTime);
  if (filled.untilTime) await page.fill('#away-until-time', filled.untilTime);
  if (filled.substitute) await page.selectOption('#away-substitute', filled.substitute);
  if (filled.substituteText) await page.fill('#away-substitute-text', filled.substituteText);
  if (filled.name) await page.fill('#away-name', filled.name);
  await page.click('.away-form__submit');
  await page.locator('#away-result').waitFor({ state: 'visible' });
  return page.evaluate(() => {
    const result = document.getElementById('away-result') as HTMLElement;
    return {
      status: document.getElementById('away-status')?.textContent ?? '',
      back: result.querySelector('time')?.getAttribute('datetime') ?? undefined,
      backText: result.querySelector('time')?.textContent ?? undefined,
      problems: [...result.querySelectorAll('.away-result__problem-list li')].map((item) => item.textContent ?? ''),
      blocks: [...result.querySelectorAll('.away-text')].map((block) => ({
        heading: block.querySelector('h5')?.textContent ?? '',
        text: block.querySelector('pre')?.textContent ?? '',
        lang: block.querySelector('pre')?.closest('[lang]')?.getAttribute('lang') ?? '',
      })),
      mailtos: [...result.querySelectorAll<HTMLAnchorElement>('a.away-text__mailto')].map((link) => link.getAttribute('href') ?? ''),
    };
  });
}

/** The AwayData the page embeds, as the page's script reads it. */
async function embeddedData(page: Page): Promise<AwayData> {
  const json = await page.locator('#away-data').textContent();
  return JSON.parse(json ?? '') as AwayData;
}

/** The request the form makes of what was filled in: the same one `charter away` gets from its flags. */
function requestOf(filled: Filled): AwayRequest {
  return {
    from: filled.fromTime ? `${filled.from}T${filled.fromTime}` : filled.from,
    until: filled.untilTime ? `${filled.until}T${filled.untilTime}` : filled.until,
    today: TODAY,
    ...(filled.substitute ? { substitute: { contactId: filled.substitute } } : filled.substituteText ? { substitute: { text: filled.substituteText } } : {}),
    ...(filled.name ? { name: filled.name } : {}),
  };
}

/** Every text composeAway gives, in the order the page shows them. */
function expectedTexts(data: AwayData, request: AwayRequest): string[] {
  return textsOf(composeAway(data, request));
}

function textsOf(result: AwayResult): string[] {
  return [
    ...(result.autoReply.differ ? [result.autoReply.internal, result.autoReply.external] : [result.autoReply.internal]),
    ...result.byLanguage.map((texts) => texts.voicemail),
    ...result.notices.map((notice) => notice.body),
  ];
}

const CHRISTMAS: Filled = { from: '2026-12-21', until: '2027-01-05', substitute: 'permit-secretary', name: 'Matti Meikäläinen' };

// Each test drives Chromium, whose pages take seconds on a busy two-core machine: twice the usual timeout.
describe.runIf(runBrowserTests)('the Going away? form in a real browser', { timeout: 60_000 }, () => {
  let site: ServedSite | undefined;
  let cwd = '';
  const browser = (): Browser => {
    if (!site) throw new Error('the site was not built');
    return site.browser;
  };
  const url = (): string => site?.url ?? '';

  beforeAll(async () => {
    cwd = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(cwd, 'charters'), { recursive: true });
    writeFileSync(join(cwd, 'charters', `${HOSTILE}.yaml`), HOSTILE_UNIT);
    const result = await buildSite({ cwd, today: TODAY, search: false });
    expect(result.ok, JSON.stringify(result.results.flatMap((file) => file.diagnostics))).toBe(true);
    site = await serveInChromium(join(cwd, '_site'));
  }, 120_000);

  afterAll(async () => {
    await site?.close();
  });

  /** A page at a phone's width, on the build's day, with every request it makes after loading recorded. */
  async function openForm(path: string): Promise<{ page: Page; requests: string[] }> {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url() });
    const page = await context.newPage();
    await page.clock.setFixedTime(BROWSER_NOW);
    expect((await page.goto(`${url()}${path}`, { waitUntil: 'networkidle' }))?.status()).toBe(200);
    const requests: string[] = [];
    // The tab's icon may be fetched late on a loaded machine; it is the page's own file and carries nothing typed.
    const icon = `${url()}/assets/favicon.svg`;
    page.on('request', (request) => {
      if (request.url() !== icon) requests.push(request.url());
    });
    return { page, requests };
  }

  it.each(['fi', 'sv'])('gives the same texts as composeAway, over Christmas and Epiphany, and sends nothing (%s)', async (lang) => {
    const { page, requests } = await openForm(`/${lang}/building-control/`);
    try {
      const shown = await fillAndSend(page, CHRISTMAS);
      const data = await embeddedData(page);
      const expected = expectedTexts(data, requestOf(CHRISTMAS));
      expect(expected.length).toBeGreaterThan(3);
      expect(shown.blocks.map((block) => block.text)).toEqual(expected);
      // Back on Thursday 7 January 2027: the weekend after New Year and Epiphany (Wednesday 6 January) skipped.
      expect(shown.back).toBe('2027-01-07');
      expect(shown.backText).toBe(lang === 'fi' ? 'to 7.1.2027' : 'torsdag 7.1.2027');
      expect(shown.problems).toEqual([]);
      expect(shown.status).toBe(lang === 'fi' ? 'Tekstit ovat valmiina alla.' : 'Texterna finns nedan.');
      // The auto-reply's Finnish, Swedish and English parts are each marked with their language (the page's own needs none).
      const parts = await page
        .locator('.away-text')
        .first()
        .locator('pre > span')
        .evaluateAll((spans) => spans.map((span) => span.getAttribute('lang')));
      expect(parts).toEqual(lang === 'fi' ? [null, 'sv', 'en'] : ['fi', null, 'en']);
      // `charter away` gives the very same texts for the same charter and request.
      const cli = await runCli(
        ['away', '--charter', 'building-control', '--from', CHRISTMAS.from, '--until', CHRISTMAS.until, '--substitute', 'permit-secretary'].concat([
          '--name',
          CHRISTMAS.name ?? '',
          '--today',
          TODAY,
          '--format',
          'json',
        ]),
        cwd,
      );
      expect(cli.code, cli.stderr).toBe(0);
      expect(textsOf(JSON.parse(cli.stdout) as AwayResult)).toEqual(shown.blocks.map((block) => block.text));
      // One notice per contact to tell, the switchboard first, each with a prefilled email.
      const result = composeAway(data, requestOf(CHRISTMAS));
      expect(shown.mailtos).toEqual(result.notices.map((notice) => notice.mailto));
      expect(shown.mailtos[0]).toMatch(/^mailto:\?subject=/);
      // Copying puts the very text on the clipboard.
      await page.locator('.away-text__copy').first().click();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected[0]);
      // Nothing typed left the page, and nothing was kept.
      expect(requests).toEqual([]);
      expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, cookie: document.cookie }))).toEqual({
        local: 0,
        session: 0,
        cookie: '',
      });
    } finally {
      await page.context().close();
    }
  });

  it.each(['fi', 'sv'])('is accessible with the form filled in and the texts shown, and fits a phone (%s)', async (lang) => {
    const { page } = await openForm(`/${lang}/building-control/`);
    try {
      // Late and without a substitute: the notes are shown too.
      const shown = await fillAndSend(page, { from: TODAY, until: CHRISTMAS.until, name: 'Maija Meikäläinen' });
      expect(shown.problems.length).toBeGreaterThan(0);
      const layout = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(layout.width).toBeLessThanOrEqual(layout.viewport);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('says plainly what breaks the routine: late notice and a missing substitute, the texts still made', async () => {
    const { page } = await openForm('/fi/building-control/');
    try {
      // Starts tomorrow; the unit asks for 1 working day's notice, so tomorrow is still in time, today is not.
      const shown = await fillAndSend(page, { from: TODAY, until: '2026-12-04' });
      const data = await embeddedData(page);
      const result = composeAway(data, requestOf({ from: TODAY, until: '2026-12-04' }));
      expect(result.problems.map((problem) => problem.code).sort()).toEqual(['late-notice', 'substitute-missing']);
      expect(shown.problems).toEqual(result.problems.map((problem) => problem.message.fi));
      expect(shown.status).toBe('Tekstit ovat valmiina alla, mutta tarkista ensin huomautukset.');
      expect(shown.back).toBe('2026-12-07');
      expect(shown.blocks.map((block) => block.text)).toEqual(expectedTexts(data, requestOf({ from: TODAY, until: '2026-12-04' })));
    } finally {
      await page.context().close();
    }
  });

  it('takes times of day and a substitute typed as free text', async () => {
    const { page } = await openForm('/sv/building-control/');
    try {
      const filled: Filled = { from: '2027-06-21', fromTime: '12:00', until: '2027-06-28', untilTime: '10:00', substituteText: 'Anna Andersson, 040 123 4567' };
      const shown = await fillAndSend(page, filled);
      expect(shown.blocks.map((block) => block.text)).toEqual(expectedTexts(await embeddedData(page), requestOf(filled)));
      expect(shown.blocks.some((block) => block.text.includes('Anna Andersson, 040 123 4567'))).toBe(true);
    } finally {
      await page.context().close();
    }
  });

  it('selects the text to copy by hand where the browser gives no clipboard', async () => {
    const context = await browser().newContext({ viewport: { width: 375, height: 800 } });
    // As on a page served over plain http from another host: no navigator.clipboard at all.
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
    const page = await context.newPage();
    try {
      await page.clock.setFixedTime(BROWSER_NOW);
      await page.goto(`${url()}/sv/building-control/`);
      const shown = await fillAndSend(page, CHRISTMAS);
      await page.locator('.away-text__copy').nth(1).click();
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(shown.blocks[1]?.text);
      expect(await page.locator('#away-status').textContent()).toBe('Det gick inte att kopiera. Texten är markerad: kopiera den med Ctrl+C (på Mac Cmd+C).');
    } finally {
      await context.close();
    }
  });

  it('asks for the dates instead of making texts without them', async () => {
    const { page } = await openForm('/fi/building-control/');
    try {
      // Texts made first, then the last day taken away: the old texts go.
      await fillAndSend(page, { from: '2027-01-11', until: '2027-01-15' });
      await page.fill('#away-until', '');
      // Past the browser's own check of the required field, as a browser without one would send it.
      await page.locator('#away-form').evaluate((form: HTMLFormElement) => {
        form.noValidate = true;
        form.requestSubmit();
      });
      expect(await page.locator('#away-status').textContent()).toBe('Kirjoita ensimmäinen ja viimeinen poissaolopäivä.');
      expect(await page.locator('#away-result').isHidden()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('away-until');
    } finally {
      await page.context().close();
    }
  });

  it('keeps hostile names and messages as text: the embedded data is inert and the texts are the composer’s', async () => {
    const { page } = await openForm(`/fi/${HOSTILE}/`);
    try {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const filled: Filled = { from: '2027-01-11', until: '2027-01-15', substitute: 'head' };
      const shown = await fillAndSend(page, filled);
      const data = await embeddedData(page);
      expect(data.outOfOffice?.fi).toContain('</script><script>alert(1)</script>');
      expect(shown.blocks.map((block) => block.text)).toEqual(expectedTexts(data, requestOf(filled)));
      expect(shown.blocks.some((block) => block.text.includes("O'Brien <img src=x onerror=alert(1)>"))).toBe(true);
      expect(await page.locator('#away-result img, #away-result script, #away-result b').count()).toBe(0);
      expect(dialogs).toEqual([]);
      // The substitute choices are the unit's contacts, by name, as text.
      const options = await page.locator('#away-substitute option').evaluateAll((items) => items.map((item) => item.textContent));
      expect(options).toEqual(['Ei valittu', "O'Brien <img src=x onerror=alert(1)>", "Neuvonta `$(whoami)` $& $'"]);
      // The notice's heading names the contact as written, `$&` and all.
      expect(shown.blocks.at(-1)?.heading).toBe("Ilmoitus: Neuvonta `$(whoami)` $& $'");
    } finally {
      await page.context().close();
    }
  });

  it('shows the routine as steps without JavaScript, with the form hidden, and prints it', async () => {
    const context = await browser().newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${url()}/fi/building-control/`);
      expect(await page.locator('#away-form').isHidden()).toBe(true);
      const steps = await page.locator('.away__steps > li .away__step-title').allTextContents();
      expect(steps).toEqual([
        'Ilmoita poissaolostasi ajoissa.',
        'Sovi sijaisesta, joka hoitaa kiireelliset asiat poissaolosi aikana.',
        'Laita sähköpostiin automaattinen vastaus ja puhelimeen vastaajan tervehdys.',
      ]);
      expect(await page.locator('.away__placeholders dt').allTextContents()).toEqual(['{from}', '{until}', '{substitute}']);
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.away__steps').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
