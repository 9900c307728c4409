import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardToPrint, planCards, type CardPage } from '../../src/cards/card-pages.js';
import { builtInAssets, selfContainedCard } from '../../src/cards/self-contained.js';
import { checkCharters, type CheckResult } from '../../src/check.js';
import { loadSiteTemplates, siteInputs } from '../../src/site/inputs.js';
import { oneRowPerDays, readableUrl } from '../../src/view/card-view.js';
import { unicodeHost } from '../../src/cards/unicode-host.js';

const TODAY = '2026-12-02';
const BASE_URL = 'https://intranet.example.fi/palvelulupaus/';
let checked: CheckResult;
let render: (page: CardPage) => string;

beforeAll(async () => {
  checked = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: TODAY });
  const templates = await loadSiteTemplates(siteInputs({ cwd: '.' }));
  render = (page) => templates.render(page);
});

function card(id: string, lang: string): CardPage {
  const found = planCards(checked, TODAY).cards.find(({ page }) => page.charter.id === id && page.frame.lang === lang);
  if (!found) throw new Error(`no card ${id} ${lang}`);
  return found.page;
}

/** The HTML of one side of a rendered card. */
function side(html: string, which: 'front' | 'back'): string {
  const start = html.indexOf(`card__side--${which}`);
  const end = which === 'front' ? html.indexOf('card__side--back') : html.length;
  return html.slice(start, end);
}

describe('hours in one line', () => {
  it('says the days once when they have two opening times', () => {
    const rows = [
      { days: 'ma–pe', time: '9.00–11.30' },
      { days: 'ma–pe', time: '12.30–15.00' },
      { days: 'la', time: '10.00–14.00' },
    ];
    expect(oneRowPerDays(rows)).toEqual([
      { days: 'ma–pe', time: '9.00–11.30, 12.30–15.00' },
      { days: 'la', time: '10.00–14.00' },
    ]);
  });
});

describe('the address under the QR code', () => {
  it('is decoded and cut after each slash', () => {
    expect(readableUrl('https://intranet.example.fi/palvelut/k%C3%A4%C3%A4nn%C3%B6kset/fi/')).toEqual({
      text: 'https://intranet.example.fi/palvelut/käännökset/fi/',
      shown: ['https://', 'intranet.example.fi/', 'palvelut/', 'käännökset/', 'fi/'],
    });
  });

  it('shows a host name with ä as written, not in its xn-- form', () => {
    expect(readableUrl(unicodeHost('https://intranet.xn--esimerkkil-z5a.fi:8443/palvelulupaus/k%C3%A4/')).text).toBe(
      'https://intranet.esimerkkilä.fi:8443/palvelulupaus/kä/',
    );
    // new URL() gives the host in xn-- form: what the card prints from a --base-url with ä.
    expect(readableUrl(unicodeHost(new URL('https://esimerkkilä.fi/a/').href)).shown).toEqual(['https://', 'esimerkkilä.fi/', 'a/']);
    // A malformed xn-- label would decode to another name: it stays as given.
    expect(unicodeHost('https://xn--invalid-.fi/')).toBe('https://xn--invalid-.fi/');
    expect(unicodeHost('https://example.fi/')).toBe('https://example.fi/');
  });

  it('keeps its encoded form when an escape is malformed', () => {
    expect(readableUrl('https://x.fi/a%E4%ZZ/b').text).toBe('https://x.fi/a%E4%ZZ/b');
    expect(readableUrl('https://x.fi/%E4/b').text).toBe('https://x.fi/%E4/b');
  });

  it('keeps its encoded form when it would print a space or an invisible character', () => {
    expect(readableUrl('https://x.fi/a%20b/').text).toBe('https://x.fi/a%20b/');
    expect(readableUrl('https://x.fi/%E2%80%AEfi/').text).toBe('https://x.fi/%E2%80%AEfi/');
  });

  it('is the QR image’s text alternative, and the card breaks it only after slashes', async () => {
    const page = await cardToPrint(card('city-library', 'fi'), 'a6', 'https://intranet.example.fi/pääsivu/');
    const html = render(page);
    expect(page.qr?.url).toBe('https://intranet.example.fi/p%C3%A4%C3%A4sivu/fi/city-library/');
    expect(html).toContain('alt="https://intranet.example.fi/pääsivu/fi/city-library/"');
    expect(html).toContain(
      '<span class="card__qr-url-part">https://</span><wbr><span class="card__qr-url-part">intranet.example.fi/</span><wbr><span class="card__qr-url-part">pääsivu/</span><wbr><span class="card__qr-url-part">fi/</span><wbr><span class="card__qr-url-part">city-library/</span>',
    );
  });
});

describe('the pocket card', () => {
  it('has the phone number, phone hours, greeting, email address and reply promise on the front', async () => {
    const front = side(render(await cardToPrint(card('city-library', 'fi'), 'a6', BASE_URL)), 'front');
    expect(front).toContain('href="tel:+35891234700">+358 9 123 4700</a>');
    expect(front).toMatch(/Puhelinaika:<\/span> <span class="card__unbroken">ma–pe 10\.00–16\.00<\/span>/);
    expect(front).toContain('Kaupunginkirjasto, ');
    expect(front).toContain('href="mailto:kirjasto@example.fi">kirjasto@example.fi</a>');
    expect(front).toContain('Vastaamme sähköpostiviesteihin 2 työpäivän kuluessa');
    expect(front).toContain('Pääkirjasto, Kirjastokatu 2, 1. kerros');
  });

  it('keeps the absence routine short on the back: whom to tell, how early, the substitute', async () => {
    const back = side(render(await cardToPrint(card('city-library', 'sv'), 'a7', BASE_URL)), 'back');
    expect(back).toContain('Meddela din frånvaro till');
    expect(back).toContain('Meddela i förväg');
    // The out-of-office message is left to the charter page.
    expect(back).not.toContain('Jag är frånvarande');
    expect(back).toContain('Fickguide');
  });

  it('marks each text with where it is written, in its language', async () => {
    const html = render(await cardToPrint(card('city-library', 'sv'), 'a6', BASE_URL));
    expect(html).toContain('data-path="guide.0.text.sv"');
    expect(html).toContain('data-path="guide.0.title.sv"');
    expect(html).toContain('data-path="unit.name.sv"');
    expect(html).toContain('data-path="channels.phone.greeting.sv"');
    expect(html).toContain('data-path="channels.email.address"');
  });

  it('shows the site’s logo on the front when there is one, in every size', () => {
    const base = card('registry-office', 'fi');
    const page: CardPage = { ...base, frame: { ...base.frame, logo: { src: '/assets/logo.svg', alt: '' } } };
    for (const size of ['a6', 'a7', 'credit-card'] as const) {
      expect(side(render({ ...page, cardSize: size }), 'front')).toContain('<img class="card__logo" src="/assets/logo.svg" alt="">');
    }
    expect(render(base)).not.toContain('card__logo');
  });

  it('puts the phone number and the email address on the front of the credit card too', () => {
    const front = side(render({ ...card('building-control', 'sv'), cardSize: 'credit-card' }), 'front');
    expect(front).toContain('+358 9 123 4500</a>');
    expect(front).toContain('rakennusvalvonta@example.fi</a>');
  });

  it('gives the feedback reply time on the back of the credit card', () => {
    const back = side(render({ ...card('building-control', 'fi'), cardSize: 'credit-card' }), 'back');
    // The figure and its per cent sign are held together by a no-break space.
    expect(back).toMatch(/<span class="inline-label">Vastaus palautteeseen:<\/span> 10 työpäivää \(90\s%\)/);
  });
});

describe('a self-contained card page', () => {
  it('carries the site’s stylesheet inline and its images as data: addresses', async () => {
    const html = await selfContainedCard(
      '<head><link rel="stylesheet" href="/palvelulupaus/assets/charter.css"><link rel="stylesheet" href="/assets/theme.css"></head><img class="card__logo" src="/assets/charter.css" alt="">',
    );
    expect(html).toMatch(/^<head><style>[^]*--charter-card-accent[^]*<\/style><link rel="stylesheet" href="\/assets\/theme.css"><\/head>/);
    expect(html).toContain('<img class="card__logo" src="data:text/css;base64,');
  });

  it('takes its own theme sheet from a resolver, and a stylesheet cannot close its element', async () => {
    const html = await selfContainedCard('<link rel="stylesheet" href="/assets/theme.css">', () =>
      Promise.resolve({ body: Buffer.from(':root { --charter-brand: #004d40; } </style><script>alert(1)</script>'), type: 'text/css' }),
    );
    expect(html).toBe('<style>:root { --charter-brand: #004d40; } <\\/style><script>alert(1)</script></style>');
  });

  it('reads nothing outside the site’s assets', async () => {
    expect(await builtInAssets('/assets/../../package.json')).toBeUndefined();
    expect(await builtInAssets('/assets/%2e%2e/%2e%2e/package.json')).toBeUndefined();
    expect(await builtInAssets('/elsewhere/charter.css')).toBeUndefined();
  });
});
