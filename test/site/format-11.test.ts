/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- tests read charters.json and JSON-LD, whose shapes the assertions check */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { writeTree } from '../helpers.js';
import { FORMAT_11_UNIT, edit } from '../fixtures/charters.js';
import { ENGLISH_COUNCIL } from '../fixtures/english-council.js';

const TODAY = '2026-11-23';
/** FORMAT_11_UNIT with a described customer group, so that the page lists the groups. */
const UNIT = edit(
  FORMAT_11_UNIT,
  '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }',
  '  - { id: businesses, name: { fi: Yritykset, en: Businesses }, description: { fi: Yritykset ja yhteisöt., en: Companies and associations. } }',
);
const NBSP = '\u00a0';

/** Every format 1.1 key on the built site: the page, its search index, the card, charters.json and the JSON-LD. */
describe('a format 1.1 charter on the built site', () => {
  let out: string;
  beforeAll(async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': UNIT, 'charters/ashworth.yaml': ENGLISH_COUNCIL }, 'file');
    const result = await buildSite({ cwd, today: TODAY });
    expect(result.ok).toBe(true);
    out = join(cwd, '_site');
  }, 120_000);

  const read = (path: string): string => readFileSync(join(out, path), 'utf8');
  /** The page's text with tags dropped and spaces collapsed, for whole-sentence checks; visually hidden separators (": ") read as they are. */
  const text = (path: string): string =>
    read(path)
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<span class="visually-hidden">([^<]*)<\/span>/g, '$1')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/[ \t\r\n]+/g, ' ');

  it('shows every line, its promises, the services and the complaint stages on the page, in fi and en', () => {
    const en = text('en/test-unit/index.html');
    for (const wanted of [
      'Phone: Advice',
      'Phone: Sámi-language service',
      '+358 9 123 4599',
      'Who it is for: Private customers',
      'Service languages: Northern Sami, Inari Sami, Skolt Sami',
      'For Businesses: we answer calls within 1 minute in at least 80% of cases.',
      'On average, we answer calls within 2 minutes.',
      'At most 10% of callers hang up before we answer.',
      'For Social assistance: we answer calls within 1 minute in at least 80% of cases.',
      'We answer in the chat within 2 minutes in at least 80% of cases.',
      'We offer a video appointment within 5 working days in at least 90% of cases.',
      'We reply to text messages within 1 working day.',
      'We answer calls through the relay service within 5 minutes in at least 80% of cases.',
      'We reply to Suomi.fi messages within 5 working days in at least 90% of cases.',
      'We offer a home visit within 10 working days.',
      'Services and their processing times',
      'The time counts from when the application and its attachments have arrived.',
      'Decision within 7 working days.',
      'For Private customers: urgent decision the same working day.',
      'Request for review',
      'We respond to your complaint within 20 working days in at least 90% of cases.',
      'Ombudsman: Parliamentary Ombudsman',
      'Service languages: Finnish, Swedish, English, Northern Sami',
    ])
      expect(en, wanted).toContain(wanted);
    const fi = text('fi/test-unit/index.html');
    for (const wanted of [
      'Puhelin: Saamenkielinen palvelu',
      `Yritykset: vastaamme puhelimeen 1 minuutin kuluessa vähintään 80${NBSP}%:ssa tapauksista.`,
      `Enintään 10${NBSP}% soittajista katkaisee puhelun ennen kuin vastaamme.`,
      'Aika lasketaan siitä, kun hakemus liitteineen on saapunut.',
      'Yksityisasiakkaat: kiireellinen päätös samana työpäivänä.',
      'Vahvistamme muistutuksen vastaanottamisen 2 työpäivän kuluessa.',
      'Oikeusasiamies: Eduskunnan oikeusasiamies',
      'Palvelukielet: suomi, ruotsi, englanti, pohjoissaame',
    ])
      expect(fi, wanted).toContain(wanted);
    const html = read('en/test-unit/index.html');
    expect(html).toContain('<h3 id="channel-phone-sami">Phone: Sámi-language service</h3>');
    expect(html).toContain('<h3 id="service-benefit">Social assistance</h3>');
    expect(html).toContain('<h4 id="complaint-stage-review">Request for review</h4>');
    expect(html).toContain('<caption>Opening hours: Sámi-language service</caption>');
    expect(html).toContain('<li><a href="#customer-groups">Customer groups</a></li>');
    expect(html).toContain(
      '<li class="customer-group" id="customer-group-businesses"><p class="customer-group__name">Businesses</p><div class="rich"><p>Companies and associations.</p></div></li>',
    );
    expect(html).toContain('<a href="https://www.oikeusasiamies.fi">https://www.oikeusasiamies.fi</a>');
    expect(html).toContain('<li><a href="#services">Services and their processing times</a></li>');
    expect(html).toContain('<li><a href="#complaints">Complaints and appeals</a></li>');
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lets search find the lines, services and complaint stages', () => {
    const fragments = join(out, 'fi', 'pagefind', 'fragment');
    const files = readdirSync(fragments);
    expect(files.length).toBeGreaterThan(0);
    const indexed = files
      .map((file) => gunzipSync(readFileSync(join(fragments, file))).toString('utf8'))
      .find((fragment) => fragment.includes('/fi/test-unit/'));
    for (const wanted of ['Saamenkielinen palvelu', 'Toimeentulotuki', 'Oikaisuvaatimus', 'Eduskunnan oikeusasiamies', 'Suomi.fi-viestit', 'inarinsaame'])
      expect(indexed, wanted).toContain(wanted);
  });

  it('prints the main line’s number and promises, the other lines, letter promises and service languages on the card', () => {
    const card = text('en/test-unit/card/index.html');
    for (const wanted of [
      'Phone: Advice +358 9 123 4567',
      'We answer calls within 30 seconds in at least 90% of cases. For Businesses: within 1 minute (80%)',
      'Post We reply to letters within 10 working days in at least 90% of cases.',
      'Service languages: Finnish, Swedish, English, Northern Sami',
    ])
      expect(card, wanted).toContain(wanted);
    expect(card).toMatch(/Other numbers Sámi-language service ?: \+358 9 123 4599/);
    expect(card).not.toContain('Finnish public holidays');
    // Hours outside the Finnish default are explained on the card too.
    const council = text('en/ashworth-contact-centre/card/index.html');
    expect(council).toContain('Closed on public holidays in England.');
    expect(council).toContain('Times are in United Kingdom Time (Europe/London).');
  });

  it('publishes the new keys as written in charters.json', () => {
    const json = JSON.parse(read('charters.json')) as { format: number; charters: Record<string, any>[] };
    const unit = json.charters.find((charter) => charter.id === 'test-unit');
    expect(json.format).toBe(1);
    expect(unit?.serviceLanguages).toEqual(['fi', 'sv', 'en', 'se']);
    expect((unit?.customerGroups as { id: string }[]).map((group) => group.id)).toEqual(['businesses', 'public']);
    expect((unit?.channels.phone as { id: string }[]).map((line) => line.id)).toEqual(['general', 'sami']);
    expect(unit?.channels.phone[0].answer).toEqual([
      { within: '30 seconds', target: '90%' },
      { within: '1 minute', target: '80%', for: ['businesses'] },
    ]);
    expect(unit?.channels.phone[1].serviceLanguages).toEqual(['se', 'smn', 'sms']);
    expect(unit?.channels.sms).toEqual({ number: '+358 50 123 4567', reply: { within: '1 working day' } });
    expect((unit?.services[0].promises as { id: string }[]).map((promise) => promise.id)).toEqual(['decision', 'urgent-decision']);
    expect(unit?.complaints.stages[0].id).toBe('review');
    expect(unit?.complaints.external[0]).toMatchObject({ body: 'ombudsman', url: 'https://www.oikeusasiamies.fi' });
    // Format 1 fields stay where they were.
    expect(unit?.pages).toEqual({ fi: '/fi/test-unit/', en: '/en/test-unit/' });
    expect(unit?.channels.email.address).toBe('test@example.fi');
  });

  it('describes each line and the services in the JSON-LD', () => {
    const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(read('en/test-unit/index.html'));
    const data = JSON.parse(match?.[1] ?? '{}') as Record<string, any>;
    expect(data.availableLanguage).toEqual(['fi', 'sv', 'en', 'se']);
    const channels = data.availableChannel as Record<string, any>[];
    expect(channels).toHaveLength(12);
    expect(channels.filter((channel) => channel.servicePhone !== undefined).map((channel) => channel.servicePhone.telephone as string)).toEqual([
      '+358 9 123 4567',
      '+358 9 123 4599',
    ]);
    expect(channels.find((channel) => channel.serviceSmsNumber !== undefined)?.serviceSmsNumber.telephone).toBe('+358 50 123 4567');
    expect(data.isRelatedTo[0]).toMatchObject({ '@type': 'GovernmentService', name: 'Social assistance', url: 'https://www.example.fi/toimeentulotuki' });
  });
});
