/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- tests edit and read arbitrary paths of charter data and JSON-LD; normalizing and the assertions check the shapes */
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCharters } from '../../src/check.js';
import type { ResolvedCharter } from '../../src/load/resolved-charter.js';
import type { Charter } from '../../src/model/charter.js';
import { normalizeCharter } from '../../src/normalize/normalize-charter.js';
import { buildCharterView, buildUnitListItem, groupUnitsByOrganisation, serializeJsonLd, type CharterViewContext } from '../../src/view/charter-view.js';
import { SITE_LANGUAGES, type CharterView, type SiteLanguage, type UnitListItemView } from '../../src/view/view-model.js';
import { FORMAT_11_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';
import { ENGLISH_COUNCIL } from '../fixtures/english-council.js';
import { writeTree } from '../helpers.js';

const TODAY = '2026-11-23';
const NBSP = '\u00a0';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A stand-in for the real renderer: escapes, wraps in <p>, and turns **x** into <strong>x</strong>. */
function fakeMarkdown(markdown: string): string {
  return `<p>${escapeHtml(markdown).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')}</p>`;
}

function contextFor(today = TODAY): CharterViewContext {
  return {
    today,
    urlOf: (id, lang) => `/${lang}/${id}/`,
    cardUrlOf: (id, lang) => `/${lang}/${id}/card/`,
    renderMarkdown: fakeMarkdown,
  };
}

let loaded: ResolvedCharter[] = [];
let units: Charter[] = [];

beforeAll(async () => {
  const { collection } = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: TODAY });
  loaded = collection.charters.filter((charter) => !charter.isBaseline);
  units = loaded.map(normalized);
});

/** The normalized model of a loaded unit; the examples and their edits all normalize. */
function normalized(charter: ResolvedCharter): Charter {
  const result = normalizeCharter(charter);
  if (!result.ok) throw new Error(`${charter.file} did not normalize: ${result.unit.reason}`);
  return result.charter;
}

function unit(id: string): Charter {
  const found = units.find((charter) => charter.id === id);
  if (!found) throw new Error(`no example charter ${id}`);
  return found;
}

function view(id: string, lang: SiteLanguage, today = TODAY): CharterView {
  return buildCharterView(unit(id), lang, contextFor(today));
}

/** An example with its data as written changed by `edit`, normalized again. */
function edited(id: string, edit: (data: Record<string, any>) => void): Charter {
  const original = loaded.find((charter) => charter.data.id === id);
  if (!original) throw new Error(`no example charter ${id}`);
  const data = structuredClone(original.data) as Record<string, any>;
  edit(data);
  return normalized({ ...original, data });
}

describe('buildCharterView on every example charter', () => {
  it('loads the four example units', () => {
    expect(units.map((charter) => charter.id).sort()).toEqual(['building-control', 'city-library', 'registry-office', 'social-services-advice']);
  });

  it('builds every unit in every language, with texts in the page language', () => {
    for (const charter of units) {
      for (const lang of SITE_LANGUAGES) {
        const built = buildCharterView(charter, lang, contextFor());
        const id = charter.id;
        expect(built.id).toBe(id);
        expect(built.lang).toBe(lang);
        expect(built.url).toBe(`/${lang}/${id}/`);
        expect(built.cardUrl).toBe(`/${lang}/${id}/card/`);
        expect(built.name).toMatchObject({ lang, foreign: false });
        expect(built.summary?.html.startsWith('<p>')).toBe(true);
        expect(built.channels.map((channel) => channel.key)).toEqual(['phone', 'email', 'letter', 'counter', 'eservice']);
        expect(built.review.status).toBe('ok');
        expect(built.review.reviewer).toBeDefined();
        expect(built.hours.rows.length).toBeGreaterThan(0);
        expect(built.hours.exceptions.every((exception) => exception.iso >= TODAY)).toBe(true);
        expect(built.touchpoints.length).toBeGreaterThan(0);
        expect(built.authority.length).toBeGreaterThan(0);
        expect(built.guide.length).toBeGreaterThan(0);
        expect(built.improvements.length).toBeGreaterThan(0);
        for (const channel of built.channels) {
          for (const commitment of channel.commitments) expect(commitment.sentence).toMatch(/\.$/);
        }
        const jsonLd = JSON.parse(built.jsonLd) as { '@type': string; name: string };
        expect(jsonLd['@type']).toBe('GovernmentService');
        expect(jsonLd.name).toBe(built.name.text);
        expect(built.jsonLd).not.toContain('<');
        // Every text the page shows is in its language: the examples are complete.
        const foreign = JSON.stringify(built).match(/"foreign":true/g);
        expect(foreign).toBeNull();
      }
    }
  });
});

describe('building-control', () => {
  it('states the email reply promise as a sentence in each language', () => {
    const reply = (lang: SiteLanguage) =>
      view('building-control', lang)
        .channels.find((channel) => channel.key === 'email')
        ?.commitments.find((c) => c.key === 'reply');
    expect(reply('en')).toEqual({
      key: 'reply',
      label: 'Reply',
      within: '3 working days',
      target: '90%',
      sentence: 'We reply to emails within 3 working days in at least 90% of cases.',
      brief: 'We reply to emails within 3 working days.',
    });
    expect(reply('sv')?.sentence).toBe(`Vi svarar på e-post inom 3 arbetsdagar i minst 90${NBSP}% av fallen.`);
    expect(reply('sv')?.within).toBe('3 arbetsdagar');
    expect(reply('fi')?.sentence).toBe(`Vastaamme sähköpostiviesteihin 3 työpäivän kuluessa vähintään 90${NBSP}%:ssa tapauksista.`);
    expect(reply('fi')?.within).toBe('3 työpäivää');
    expect(reply('fi')?.target).toBe(`90${NBSP}%`);
  });

  it('answers the phone as the brief says, and leaves out a 100 % target', () => {
    const en = view('building-control', 'en').channels[0];
    expect(en?.commitments[0]?.sentence).toBe('We answer calls within 30 seconds in at least 90% of cases.');
    const sv = view('building-control', 'sv').channels[0];
    expect(sv?.commitments[0]?.sentence).toBe(`Vi svarar på samtal inom 30 sekunder i minst 90${NBSP}% av fallen.`);
    const fi = view('building-control', 'fi').channels[0];
    expect(fi?.commitments[0]?.sentence).toBe(`Vastaamme puhelimeen 30 sekunnin kuluessa vähintään 90${NBSP}%:ssa tapauksista.`);
    expect(fi?.commitments[1]?.sentence).toBe(`Soitamme takaisin 1 työpäivän kuluessa soittopyynnöstä vähintään 95${NBSP}%:ssa tapauksista.`);
    const acknowledge = view('building-control', 'en').channels[1]?.commitments[0];
    expect(acknowledge).toMatchObject({
      key: 'acknowledge',
      within: '4 working hours',
      target: '100%',
      sentence: 'We confirm receipt of emails within 4 working hours.',
    });
  });

  it('builds the phone channel: number as a tel: link, charge in words, own hours and greeting', () => {
    const phone = view('building-control', 'en').channels[0];
    expect(phone?.title).toBe('Phone');
    expect(phone?.details[0]).toEqual({ label: 'Phone number', link: { href: 'tel:+35891234500', text: '+358 9 123 4500' } });
    expect(phone?.details[1]?.text?.text).toBe('Local network or mobile call charge');
    expect(phone?.hours?.rows).toEqual([{ days: 'Mon–Fri', time: '09:00–15:00' }]);
    expect(phone?.greeting).toEqual({
      text: 'Building Control advice line, {name} speaking, hello.',
      lang: 'en',
      foreign: false,
      parts: [{ text: 'Building Control advice line, ' }, { slot: '(your name)' }, { text: ' speaking, hello.' }],
    });
    expect(view('building-control', 'fi').channels[0]?.greeting?.parts).toEqual([
      { text: 'Rakennusvalvonnan neuvonta, ' },
      { slot: '(nimesi)' },
      { text: ', hyvää päivää.' },
    ]);
    expect(view('building-control', 'sv').channels[0]?.greeting?.parts).toEqual([
      { text: 'Byggnadstillsynens rådgivning, ' },
      { slot: '(ditt namn)' },
      { text: ', god dag.' },
    ]);
    const fi = view('building-control', 'fi').channels[0];
    expect(fi?.title).toBe('Puhelin');
    expect(fi?.hours?.rows).toEqual([{ days: 'ma–pe', time: '9.00–15.00' }]);
  });

  it('builds the other channels with their details', () => {
    const [, email, letter, counter, eservice] = view('building-control', 'en').channels;
    expect(email?.details).toEqual([{ label: 'Email address', link: { href: 'mailto:rakennusvalvonta@example.fi', text: 'rakennusvalvonta@example.fi' } }]);
    expect(letter?.details[0]?.text?.text).toBe('City of Esimerkkilä, Building Control, P.O. Box 100, FI-01230 Esimerkkilä, Finland');
    expect(counter?.title).toBe('Service point');
    expect(counter?.details.map((detail) => detail.label)).toEqual(['Visiting address', 'Appointments']);
    expect(counter?.details[1]?.html?.html).toContain('<strong>property identifier</strong>');
    expect(counter?.commitments[0]?.sentence).toBe('At the service point, we serve you within 15 minutes in at least 85% of cases.');
    expect(counter?.hours?.rows).toEqual([
      { days: 'Mon–Thu', time: '09:00–15:00' },
      { days: 'Fri', time: '09:00–12:00' },
    ]);
    // The ten-day summer closure (two working weeks; the weekend between them closed anyway) is one line.
    expect(counter?.hours?.exceptions).toEqual([
      {
        iso: '2027-07-12',
        date: '12',
        until: { iso: '2027-07-23', date: '23 July 2027', dash: '–' },
        hours: 'Closed',
        closed: true,
        note: { text: 'Summer break: we serve you by phone and email.', lang: 'en', foreign: false },
      },
    ]);
    expect(eservice?.details[0]).toEqual({ label: 'Online service', link: { href: 'https://www.example.fi/lupapiste', text: 'Lupapiste.fi' } });
    expect(eservice?.commitments.map((commitment) => commitment.key)).toEqual(['acknowledge', 'reply']);
  });

  it('gives contacts tel: and mailto: links, and personal names are never foreign', () => {
    for (const lang of SITE_LANGUAGES) {
      const head = view('building-control', lang).contacts.find((contact) => contact.id === 'head-of-building-control');
      expect(head?.name).toEqual({ text: 'Heikki Laaksonen', lang, foreign: false });
      expect(head?.phone).toEqual({ display: '+358 9 123 4510', href: 'tel:+35891234510' });
      expect(head?.email).toEqual({ display: 'heikki.laaksonen@example.fi', href: 'mailto:heikki.laaksonen@example.fi' });
    }
    expect(view('building-control', 'sv').owner?.role?.text).toBe('Byggnadstillsynschef');
    // Inherited from the baseline and merged by id.
    expect(view('building-control', 'sv').contacts.find((contact) => contact.id === 'switchboard')?.name.text).toBe('Växel');
  });

  it('shows the unit hours, upcoming exceptions by date, and the holiday note', () => {
    const en = view('building-control', 'en');
    expect(en.hours.rows).toEqual([{ days: 'Mon–Fri', time: '08:00–16:00' }]);
    expect(en.hours.holidaysNote).toBe('Closed on Finnish public holidays, Midsummer Eve and Christmas Eve.');
    expect(en.hours.exceptions.map((exception) => exception.iso)).toEqual([
      '2026-12-23',
      '2026-12-31',
      '2027-01-05',
      '2027-03-25',
      '2027-04-30',
      '2027-05-05',
      '2027-05-07',
      '2027-06-24',
    ]);
    expect(en.hours.exceptions[0]).toEqual({
      date: '23 December 2026',
      iso: '2026-12-23',
      hours: '08:00–15:00',
      closed: false,
      note: { text: 'Day before Christmas Eve, shorter hours', lang: 'en', foreign: false },
    });
    const fi = view('building-control', 'fi');
    expect(fi.hours.exceptions.find((exception) => exception.iso === '2027-05-07')).toMatchObject({ date: '7.5.2027', hours: 'Suljettu', closed: true });
    expect(fi.hours.exceptions[0]?.hours).toBe('8.00–15.00');
  });

  it('lists only exceptions from today on', () => {
    const later = view('building-control', 'en', '2027-01-05');
    expect(later.hours.exceptions.map((exception) => exception.iso)).toEqual([
      '2027-01-05',
      '2027-03-25',
      '2027-04-30',
      '2027-05-05',
      '2027-05-07',
      '2027-06-24',
    ]);
    expect(view('building-control', 'en', '2027-06-25').hours.exceptions).toEqual([]);
    // The counter's own summer closures are gone once they are past, so its weekly hours still differ and show.
    const counter = view('building-control', 'en', '2027-08-01').channels.find((channel) => channel.key === 'counter');
    expect(counter?.hours?.exceptions).toEqual([]);
    expect(counter?.hours?.rows).toHaveLength(2);
  });

  it("names this period's reviewer from the rota", () => {
    const review = view('building-control', 'en').review;
    expect(review.reviewer).toEqual({
      name: { text: 'Heikki Laaksonen', lang: 'en', foreign: false },
      periodFrom: '15 September 2026',
      periodTo: '14 September 2027',
    });
    expect(view('building-control', 'fi').review.reviewer).toMatchObject({ periodFrom: '15.9.2026', periodTo: '14.9.2027' });
    // The next period goes to the next person in the rota.
    expect(view('building-control', 'en', '2027-09-15').review.reviewer?.name.text).toBe('Sanna Koskinen');
  });

  it('reports the review status and dates', () => {
    const en = view('building-control', 'en');
    expect(en.review).toMatchObject({
      approved: { date: '15 September 2026', iso: '2026-09-15' },
      approvedBy: { text: 'Building and Environment Committee', lang: 'en', foreign: false },
      next: { date: '15 September 2027', iso: '2027-09-15' },
      every: 'every 12 months',
      status: 'ok',
      statusText: 'Next review by 15 September 2027',
    });
    expect(view('building-control', 'sv').review.every).toBe('var 12:e månad');
    expect(view('building-control', 'fi').review.every).toBe('12 kuukauden välein');
    expect(view('building-control', 'en', '2027-08-20').review).toMatchObject({ status: 'due-soon', statusText: 'Review due by 15 September 2027' });
    expect(view('building-control', 'en', '2027-09-16').review).toMatchObject({ status: 'overdue', statusText: 'Review overdue since 15 September 2027' });
    expect(view('building-control', 'fi', '2027-09-16').review.statusText).toBe('Tarkistus on myöhässä, määräpäivä oli 15.9.2027');
  });

  it('builds absence, feedback and handover', () => {
    const en = view('building-control', 'en');
    expect(en.absence?.notify.map((contact) => contact.id)).toEqual(['switchboard', 'permit-secretary']);
    expect(en.absence?.notice).toBe('1 working day');
    expect(en.absence?.substitute).toBe('A substitute is required.');
    expect(en.absence?.outOfOffice?.text).toContain('{substitute}');
    expect(view('building-control', 'fi').absence?.notice).toBe('1 työpäivä');
    expect(en.feedback?.channel?.html).toContain('feedback service');
    expect(en.feedback?.commitments.map((commitment) => commitment.sentence)).toEqual([
      'We confirm receipt of feedback within 1 working day.',
      'We respond to feedback within 10 working days in at least 90% of cases.',
    ]);
    expect(en.feedback?.escalateTo?.name.text).toBe('Heikki Laaksonen');
    expect(view('building-control', 'fi').feedback?.commitments[1]?.sentence).toBe(
      `Vastaamme palautteeseen 10 työpäivän kuluessa vähintään 90${NBSP}%:ssa tapauksista.`,
    );
    expect(en.handover?.record?.html).toContain('<strong>Lupapiste</strong>');
    expect(en.handover?.rules).toHaveLength(3);
  });

  it('builds touchpoints, authority, guide and improvements', () => {
    const en = view('building-control', 'en');
    expect(en.touchpoints[0]).toMatchObject({
      id: 'permit-advice',
      name: { text: 'Permit advice by phone' },
      channel: 'Phone',
      owner: { id: 'permit-architect' },
    });
    expect(en.touchpoints.find((touchpoint) => touchpoint.id === 'archive-drawings')?.description).toBeUndefined();
    expect(view('building-control', 'sv').touchpoints.map((touchpoint) => touchpoint.channel)).toEqual([
      'Telefon',
      'E-tjänst',
      'Servicepunkt',
      'E-tjänst',
      'E-post',
      'Post',
    ]);
    expect(en.authority.map((entry) => [entry.id, entry.limit])).toEqual([
      ['deadline-extension', '30 days'],
      ['inspection-reschedule', '14 days'],
      ['invoice-correction', '200 EUR'],
    ]);
    expect(view('building-control', 'fi').authority.map((entry) => entry.limit)).toEqual(['30 päivää', '14 päivää', '200 EUR']);
    expect(en.authority[0]?.escalateTo?.id).toBe('head-of-building-control');
    expect(en.guide[1]).toEqual({
      title: { text: 'List all gaps at once', lang: 'en', foreign: false },
      text: { html: '<p>Ask for all missing attachments in <strong>one</strong> request and say by when they are needed.</p>', lang: 'en', foreign: false },
    });
    expect(en.improvements.map((improvement) => improvement.iso)).toEqual(['2026-08-31', '2026-04-07', '2026-02-16']);
    expect(en.improvements[0]?.date).toBe('31 August 2026');
    expect(en.improvements[0]?.did.html).toContain('<p>');
  });

  it('describes the service in schema.org JSON-LD', () => {
    const data = JSON.parse(view('building-control', 'en').jsonLd) as Record<string, any>;
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('GovernmentService');
    expect(data.name).toBe('Building Control');
    expect(data.provider).toEqual({ '@type': 'GovernmentOrganization', name: 'City of Esimerkkilä' });
    const channels = data.availableChannel as Record<string, any>[];
    expect(channels).toHaveLength(5);
    expect(channels.every((channel) => channel['@type'] === 'ServiceChannel')).toBe(true);
    expect(channels[0]?.availableLanguage).toEqual(['fi', 'sv', 'en']);
    expect(channels[0]?.servicePhone).toMatchObject({ '@type': 'ContactPoint', telephone: '+358 9 123 4500', contactType: 'customer service' });
    expect(channels[0]?.servicePhone.hoursAvailable[0]).toEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
      opens: '09:00',
      closes: '15:00',
    });
    expect(channels[2]?.servicePostalAddress).toBe('City of Esimerkkilä, Building Control, P.O. Box 100, FI-01230 Esimerkkilä, Finland');
    expect(channels[3]?.serviceLocation.address).toBe('City Hall, Torikatu 1, 2nd floor');
    expect(channels[4]?.serviceUrl).toBe('https://www.example.fi/lupapiste');
  });
});

describe('the other examples', () => {
  it('shows the library hours and weekend days', () => {
    const en = view('city-library', 'en');
    expect(en.hours.rows).toEqual([
      { days: 'Mon–Thu', time: '10:00–20:00' },
      { days: 'Fri', time: '10:00–18:00' },
      { days: 'Sat', time: '10:00–16:00' },
    ]);
    expect(view('city-library', 'fi').hours.rows.map((row) => row.days)).toEqual(['ma–to', 'pe', 'la']);
    expect(view('city-library', 'sv').hours.rows.map((row) => row.days)).toEqual(['mån–tors', 'fre', 'lör']);
    expect(view('city-library', 'fi').authority.map((entry) => entry.limit)).toEqual(['30 EUR', '28 päivää', '80 EUR']);
  });

  it('shows the social services counter hours for separate days and split phone hours', () => {
    const en = view('social-services-advice', 'en');
    const counter = en.channels.find((channel) => channel.key === 'counter');
    expect(counter?.hours?.rows).toEqual([
      { days: 'Mon, Wed, Thu', time: '09:00–12:00' },
      { days: 'Tue', time: '12:00–15:00' },
    ]);
    expect(en.channels[0]?.hours?.rows).toEqual([
      { days: 'Mon–Fri', time: '09:00–11:30' },
      { days: 'Mon–Fri', time: '12:30–15:00' },
    ]);
    expect(en.review.reviewer?.name.text).toBe('Riikka Hämäläinen');
    expect(view('social-services-advice', 'sv').authority.map((entry) => entry.limit)).toEqual(['50 EUR', '2 timmar', '14 dagar']);
  });

  it('formats the registry office authority limits and its reviewer', () => {
    expect(view('registry-office', 'fi').authority.map((entry) => entry.limit)).toEqual(['14 päivää', '1 kuukausi', '20 EUR', undefined]);
    expect(view('registry-office', 'sv').review.reviewer).toMatchObject({ name: { text: 'Kirsi Aaltonen' }, periodFrom: '3.11.2026', periodTo: '2.11.2027' });
  });
});

describe('letter acknowledgement, durations without an amount, years and fallback promises', () => {
  const OTHERWISE = {
    fi: 'Jos emme pysty vastaamaan kymmenessä työpäivässä, kerromme syyn ja sen, milloin saat vastauksen.',
    sv: 'Om vi inte kan svara inom tio arbetsdagar berättar vi varför och när du får svar.',
    en: 'If we cannot answer within 10 working days, we tell you why and when you will have the answer.',
  };
  const charter = (): Charter =>
    edited('building-control', (data) => {
      data.channels.letter.acknowledge = { within: 'same working day' };
      data.channels.letter.reply = { within: '10 working days', target: '90%', otherwise: OTHERWISE };
      data.channels.email.acknowledge = { within: 'immediately' };
      data.review.every = '1 year';
    });
  const letter = (lang: SiteLanguage) => buildCharterView(charter(), lang, contextFor()).channels.find((channel) => channel.key === 'letter');

  it('states the letter acknowledgement before the reply, the same working day, in each language', () => {
    expect(letter('en')?.commitments.map((commitment) => commitment.key)).toEqual(['acknowledge', 'reply']);
    expect(letter('en')?.commitments[0]).toEqual({
      key: 'acknowledge',
      label: 'Confirmation of receipt',
      within: 'the same working day',
      target: '100%',
      sentence: 'We confirm receipt of letters the same working day.',
      brief: 'We confirm receipt of letters the same working day.',
    });
    expect(letter('sv')?.commitments[0]?.sentence).toBe('Vi bekräftar att vi har tagit emot brev samma arbetsdag.');
    expect(letter('fi')?.commitments[0]?.sentence).toBe('Vahvistamme kirjeen vastaanottamisen samana työpäivänä.');
  });

  it('says an automated receipt comes immediately', () => {
    const email = (lang: SiteLanguage) =>
      buildCharterView(charter(), lang, contextFor())
        .channels.find((channel) => channel.key === 'email')
        ?.commitments.find((commitment) => commitment.key === 'acknowledge');
    expect(email('en')?.sentence).toBe('We confirm receipt of emails immediately.');
    expect(email('sv')?.sentence).toBe('Vi bekräftar att vi har tagit emot e-post genast.');
    expect(email('fi')?.sentence).toBe('Vahvistamme sähköpostiviestin vastaanottamisen heti.');
    expect(email('fi')?.within).toBe('heti');
  });

  it('shows the fallback promise after the sentence, in the page language', () => {
    const reply = letter('en')?.commitments[1];
    expect(reply?.sentence).toBe('We reply to letters within 10 working days in at least 90% of cases.');
    expect(reply?.otherwise).toEqual({ text: OTHERWISE.en, lang: 'en', foreign: false });
    expect(letter('sv')?.commitments[1]?.otherwise).toEqual({ text: OTHERWISE.sv, lang: 'sv', foreign: false });
    expect(letter('fi')?.commitments[1]?.otherwise).toEqual({ text: OTHERWISE.fi, lang: 'fi', foreign: false });
    expect(letter('en')?.commitments[0]?.otherwise).toBeUndefined();
  });

  it('says a yearly review in words', () => {
    expect(buildCharterView(charter(), 'en', contextFor()).review.every).toBe('every year');
    expect(buildCharterView(charter(), 'sv', contextFor()).review.every).toBe('varje år');
    expect(buildCharterView(charter(), 'fi', contextFor()).review.every).toBe('vuoden välein');
  });
});

describe('accessibility services', () => {
  it('names each service in the page language, with its languages, channels and how to ask', () => {
    const fi = view('social-services-advice', 'fi');
    expect(fi.accessibility.map((entry) => entry.name)).toEqual(['Viittomakieli', 'Tulkkaus', 'Selkokieli', 'Induktiosilmukka', 'Esteetön kulku']);
    expect(view('social-services-advice', 'sv').accessibility.map((entry) => entry.name)).toEqual([
      'Teckenspråk',
      'Tolkning',
      'Lättläst',
      'Hörslinga',
      'Hinderfritt tillträde',
    ]);
    const en = view('social-services-advice', 'en');
    expect(en.accessibility.map((entry) => entry.name)).toEqual(['Sign language', 'Interpreting', 'Easy Language', 'Hearing loop', 'Step-free access']);
    expect(fi.accessibility[0]).toMatchObject({
      service: 'sign-language',
      details: [
        { label: 'Kielet', text: { text: 'suomalainen viittomakieli, suomenruotsalainen viittomakieli', lang: 'fi', foreign: false } },
        { label: 'Asiointikanavat', text: { text: 'Palvelupiste' } },
        { label: 'Näin pyydät', html: { lang: 'fi', foreign: false } },
      ],
    });
    expect(fi.accessibility[0]?.details[2]?.html?.html).toContain('Kelan tulkkauspalvelusta');
    expect(en.accessibility[0]?.details[0]?.text?.text).toBe('Finnish Sign Language, Finland-Swedish Sign Language');
    expect(view('social-services-advice', 'sv').accessibility[0]?.details[0]?.text?.text).toBe('finskt teckenspråk, finlandssvenskt teckenspråk');
    // Spoken languages are named by the runtime, in the page's language; later channel titles read as words in a list.
    expect(fi.accessibility[2]?.details[0]?.text?.text).toBe('suomi, ruotsi');
    expect(en.accessibility[2]?.details[0]?.text?.text).toBe('Finnish, Swedish');
    expect(fi.accessibility[1]?.details[0]).toEqual({ label: 'Asiointikanavat', text: { text: 'Palvelupiste, puhelin', lang: 'fi', foreign: false } });
    expect(en.accessibility[3]).toMatchObject({
      service: 'hearing-loop',
      note: { html: '<p>At desks 1 and 2 of the service point and in the meeting rooms.</p>', lang: 'en' },
    });
  });

  it('puts the services in one line for the card', () => {
    expect(view('social-services-advice', 'fi').accessibilityLine).toBe('Viittomakieli, tulkkaus, selkokieli, induktiosilmukka, esteetön kulku');
    expect(view('social-services-advice', 'sv').accessibilityLine).toBe('Teckenspråk, tolkning, lättläst, hörslinga, hinderfritt tillträde');
    expect(view('social-services-advice', 'en').accessibilityLine).toBe('Sign language, interpreting, Easy Language, hearing loop, step-free access');
    const none = view('building-control', 'fi');
    expect(none.accessibility).toEqual([]);
    expect(none.accessibilityLine).toBeUndefined();
  });

  it('shows a tag no one has a name for as written, and a service with nothing more than its name', () => {
    const charter = edited('building-control', (data) => {
      data.accessibility = [{ service: 'sign-language', languages: ['fse', 'xzz'] }, { service: 'braille' }];
    });
    const fi = buildCharterView(charter, 'fi', contextFor());
    expect(fi.accessibility[0]?.details).toEqual([{ label: 'Kielet', text: { text: 'suomalainen viittomakieli, xzz', lang: 'fi', foreign: false } }]);
    expect(fi.accessibility[1]).toEqual({ service: 'braille', name: 'Pistekirjoitus', details: [] });
  });

  it('adds sign languages to the channels that offer them, and the services at the counter as its amenity features', () => {
    const data = JSON.parse(view('social-services-advice', 'fi').jsonLd) as Record<string, any>;
    const channels = data.availableChannel as Record<string, any>[];
    expect(channels.length).toBeGreaterThan(0);
    const counter = channels.find((channel) => channel.serviceLocation !== undefined);
    expect(counter?.availableLanguage).toEqual(['fi', 'sv', 'en', 'fse', 'fss']);
    expect(counter?.serviceLocation.amenityFeature).toEqual(
      ['Viittomakieli', 'Tulkkaus', 'Selkokieli', 'Induktiosilmukka', 'Esteetön kulku'].map((name) => ({
        '@type': 'LocationFeatureSpecification',
        name,
        value: true,
      })),
    );
    // The sign language is offered at the counter only.
    const phone = channels.find((channel) => channel.servicePhone !== undefined);
    expect(phone?.availableLanguage).toEqual(['fi', 'sv', 'en']);
    expect(phone?.servicePhone.availableLanguage).toEqual(['fi', 'sv', 'en']);
  });

  it('offers a service that names no channel wherever it applies: a relay service on the phone only', () => {
    const charter = edited('building-control', (data) => {
      data.accessibility = [{ service: 'sign-language', languages: ['fse'] }, { service: 'relay' }];
    });
    const data = JSON.parse(buildCharterView(charter, 'en', contextFor()).jsonLd) as Record<string, any>;
    const channels = data.availableChannel as Record<string, any>[];
    expect(channels).toHaveLength(5);
    expect(channels.every((channel) => (channel.availableLanguage as string[]).includes('fse'))).toBe(true);
    expect(channels[0]?.servicePhone.availableLanguage).toEqual(['fi', 'sv', 'en', 'fse']);
    expect(channels[3]?.serviceLocation.amenityFeature).toEqual([{ '@type': 'LocationFeatureSpecification', name: 'Sign language', value: true }]);
  });
});

describe('texts missing in a language', () => {
  it('falls back to the charter’s first language and marks the text foreign', () => {
    const charter = edited('building-control', (data) => {
      delete data.unit.summary.sv;
      delete data.guide[0].title.sv;
    });
    const sv = buildCharterView(charter, 'sv', contextFor());
    expect(sv.summary?.lang).toBe('fi');
    expect(sv.summary?.foreign).toBe(true);
    expect(sv.summary?.html).toContain('Rakennusvalvonta neuvoo');
    expect(sv.guide[0]?.title).toEqual({ text: 'Neuvo ennen hakemusta', lang: 'fi', foreign: true });
    expect(sv.guide[0]?.text.foreign).toBe(false);
    expect(sv.name).toEqual({ text: 'Byggnadstillsyn', lang: 'sv', foreign: false });
  });

  it('words a fallback greeting’s name slot in the greeting’s language, so the quoted sentence stays in one language', () => {
    const charter = edited('building-control', (data) => {
      delete data.channels.phone.greeting.sv;
    });
    const greeting = buildCharterView(charter, 'sv', contextFor()).channels[0]?.greeting;
    expect(greeting).toMatchObject({ lang: 'fi', foreign: true });
    expect(greeting?.parts).toEqual([{ text: 'Rakennusvalvonnan neuvonta, ' }, { slot: '(nimesi)' }, { text: ', hyvää päivää.' }]);
  });

  it('shows a greeting without {name} as one text, and {name} at its start or twice as slots', () => {
    const twice = edited('building-control', (data) => {
      data.channels.phone.greeting.en = '{name} here; ask for {name}';
    });
    expect(buildCharterView(twice, 'en', contextFor()).channels[0]?.greeting?.parts).toEqual([
      { slot: '(your name)' },
      { text: ' here; ask for ' },
      { slot: '(your name)' },
    ]);
    const none = edited('building-control', (data) => {
      data.channels.phone.greeting.en = 'Building Control, hello.';
    });
    expect(buildCharterView(none, 'en', contextFor()).channels[0]?.greeting?.parts).toEqual([{ text: 'Building Control, hello.' }]);
  });

  it('takes a plain string to be in the charter’s first language', () => {
    const charter = edited('building-control', (data) => {
      data.review.approvedBy = 'Lupajaosto';
    });
    expect(buildCharterView(charter, 'fi', contextFor()).review.approvedBy).toEqual({ text: 'Lupajaosto', lang: 'fi', foreign: false });
    expect(buildCharterView(charter, 'en', contextFor()).review.approvedBy).toEqual({ text: 'Lupajaosto', lang: 'fi', foreign: true });
  });

  it('marks Finnish texts foreign on the Swedish page of a charter written in fi and en', async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': VALID_UNIT });
    const { collection } = await checkCharters({ cwd, today: TODAY });
    const loadedUnit = collection.charters[0];
    if (!loadedUnit) throw new Error('fixture did not load');
    const testUnit = normalized(loadedUnit);
    const sv = buildCharterView(testUnit, 'sv', contextFor());
    expect(sv.name).toEqual({ text: 'Testiyksikkö', lang: 'fi', foreign: true });
    expect(sv.contacts.find((contact) => contact.id === 'head')?.name).toEqual({ text: 'Liisa Esimerkki', lang: 'sv', foreign: false });
    expect(sv.contacts.find((contact) => contact.id === 'head')?.role).toEqual({ text: 'Päällikkö', lang: 'fi', foreign: true });
    expect(sv.channels[0]?.commitments[0]?.sentence).toBe(`Vi svarar på samtal inom 30 sekunder i minst 90${NBSP}% av fallen.`);
    expect(sv.review.reviewer?.name.text).toBe('Liisa Esimerkki');
    const en = buildCharterView(testUnit, 'en', contextFor());
    expect(en.name).toEqual({ text: 'Test Unit', lang: 'en', foreign: false });
  });
});

describe('JSON-LD safety', () => {
  it('stays inert inside a script element whatever the charter says', () => {
    const hostile = 'A </script><script>alert(1)</script> & \u2028 \u2029';
    const charter = edited('city-library', (data) => {
      data.unit.name.en = hostile;
    });
    const jsonLd = buildCharterView(charter, 'en', contextFor()).jsonLd;
    expect(jsonLd).not.toMatch(/[<>&\u2028\u2029]/);
    expect(jsonLd).toContain('\\u003c/script\\u003e');
    expect((JSON.parse(jsonLd) as { name: string }).name).toBe(hostile);
  });

  it('escapes the characters on their own', () => {
    expect(serializeJsonLd({ a: '<>&\u2028\u2029' })).toBe('{"a":"\\u003c\\u003e\\u0026\\u2028\\u2029"}');
  });
});

describe('the A–Z list', () => {
  const items = (lang: SiteLanguage): UnitListItemView[] => units.map((charter) => buildUnitListItem(charter, lang, contextFor()));

  it('gives the name, address, first sentence of the summary as plain text, and review status', () => {
    const item = buildUnitListItem(unit('city-library'), 'en', contextFor());
    expect(item).toEqual({
      id: 'city-library',
      name: { text: 'City Library', lang: 'en', foreign: false },
      url: '/en/city-library/',
      summaryText:
        'The City Library is a living room open to everyone: borrow books, e-books and music, use the computers and printer, book a group room or come to events.',
      reviewStatus: 'ok',
      organisation: { text: 'City of Esimerkkilä', lang: 'en', foreign: false },
    });
    expect(buildUnitListItem(unit('building-control'), 'en', contextFor('2027-09-16')).reviewStatus).toBe('overdue');
  });

  it('strips Markdown from the summary', () => {
    const charter = edited('registry-office', (data) => {
      data.unit.summary.en = 'We handle **requests** & <b>more</b>. Second sentence.';
    });
    expect(buildUnitListItem(charter, 'en', contextFor()).summaryText).toBe('We handle requests & <b>more</b>.');
  });

  it('links to a language the charter has when it lacks the page language', () => {
    const charter = edited('city-library', (data) => {
      data.languages = ['fi', 'en'];
    });
    expect(buildUnitListItem(charter, 'sv', contextFor()).url).toBe('/fi/city-library/');
  });

  it('groups by organisation and sorts units by the language’s collation', () => {
    const fi = groupUnitsByOrganisation(items('fi'), 'fi');
    expect(fi).toHaveLength(1);
    expect(fi[0]?.name.text).toBe('Esimerkkilän kaupunki');
    expect(fi[0]?.units.map((item) => item.name.text)).toEqual(['Kaupunginkirjasto', 'Kirjaamo', 'Rakennusvalvonta', 'Sosiaalipalvelujen asiakasneuvonta']);
    const sv = groupUnitsByOrganisation(items('sv'), 'sv');
    expect(sv[0]?.units.map((item) => item.name.text)).toEqual([
      'Byggnadstillsyn',
      'Registratorskontoret',
      'Socialservicens kundrådgivning',
      'Stadsbiblioteket',
    ]);
    const en = groupUnitsByOrganisation(items('en'), 'en');
    expect(en[0]?.units.map((item) => item.id)).toEqual(['building-control', 'city-library', 'registry-office', 'social-services-advice']);
  });

  it('puts å, ä and ö after z in Finnish and Swedish, and groups other organisations apart', () => {
    const item = (id: string, name: string, organisation?: string): UnitListItemView => ({
      id,
      name: { text: name, lang: 'fi', foreign: false },
      url: `/fi/${id}/`,
      reviewStatus: 'ok',
      ...(organisation ? { organisation: { text: organisation, lang: 'fi', foreign: false } } : {}),
    });
    const list = [
      item('o', 'Öljyvahinko', 'Kaupunki'),
      item('z', 'Zoo', 'Kaupunki'),
      item('a', 'Ämpäri', 'Kaupunki'),
      item('v', 'Vesi', 'Alue'),
      item('x', 'Yksin'),
    ];
    const groups = groupUnitsByOrganisation(list, 'fi');
    expect(groups.map((group) => group.name.text)).toEqual(['Alue', 'Kaupunki', '']);
    expect(groups[1]?.units.map((unit) => unit.name.text)).toEqual(['Zoo', 'Ämpäri', 'Öljyvahinko']);
    expect(
      groupUnitsByOrganisation([item('1', 'Åbo', 'X'), item('2', 'Zeta', 'X'), item('3', 'Öland', 'X')], 'sv')[0]?.units.map((unit) => unit.name.text),
    ).toEqual(['Zeta', 'Åbo', 'Öland']);
  });
});

describe('the calendar and time zone of the hours', () => {
  it("names an English council's calendar and time zone, and closes it on public holidays in JSON-LD", async () => {
    const cwd = writeTree({ 'charters/ashworth-contact-centre.yaml': ENGLISH_COUNCIL });
    const { charters } = await checkCharters({ cwd, today: TODAY });
    const [council] = charters;
    expect(council?.hours).toMatchObject({ holidays: 'GB-ENG', timeZone: 'Europe/London' });
    if (!council) return;
    const en = buildCharterView(council, 'en', contextFor());
    expect(en.hours.holidaysNote).toBe('Closed on public holidays in England.');
    expect(en.hours.timeZoneNote).toBe('Times are in United Kingdom Time (Europe/London).');
    const phone = (JSON.parse(en.jsonLd) as Record<string, any>).availableChannel[0] as Record<string, any>;
    expect(phone.servicePhone.hoursAvailable).toContainEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: 'https://schema.org/PublicHolidays',
      opens: '00:00',
      closes: '00:00',
    });
  });

  it('says the same in Finnish and Swedish, the calendar in the form the sentence needs', () => {
    const charter = edited('building-control', (data) => {
      data.hours.holidays = 'GB-ENG';
      data.hours.timezone = 'Europe/London';
    });
    const fi = buildCharterView(charter, 'fi', contextFor()).hours;
    const sv = buildCharterView(charter, 'sv', contextFor()).hours;
    expect(fi.holidaysNote).toBe('Suljettu Englannin virallisina vapaapäivinä.');
    expect(sv.holidaysNote).toBe('Stängt på allmänna helgdagar i England.');
    // The zone's own name comes from Intl in the page language.
    expect(fi.timeZoneNote).toMatch(/^Ajat ovat aikavyöhykkeen Europe\/London aikaa \(.+\)\.$/);
    expect(sv.timeZoneNote).toBe('Tiderna anges i Storbritannientid (Europe/London).');
  });

  it("names a calendar the wording has no name for by date-holidays' name", () => {
    const charter = edited('building-control', (data) => {
      data.hours.holidays = 'DE-BY-A';
    });
    expect(buildCharterView(charter, 'en', contextFor()).hours.holidaysNote).toBe(
      'Closed on public holidays (holiday calendar: Stadt Augsburg, Bayern, Germany).',
    );
  });

  it('says nothing of the time zone when it is the collection’s, and nothing of holidays when no calendar is named', () => {
    const en = view('building-control', 'en').hours;
    expect(en.timeZoneNote).toBeUndefined();
    const unnamed = edited('building-control', (data) => {
      delete data.hours.holidays;
    });
    expect(buildCharterView(unnamed, 'en', contextFor()).hours.holidaysNote).toBeUndefined();
  });
});

describe('format 1.1: lines, groups, services and complaint stages', () => {
  let unit11: Charter;
  beforeAll(async () => {
    const cwd = writeTree({ 'charters/test-unit.yaml': FORMAT_11_UNIT });
    const { charters, unnormalized } = await checkCharters({ cwd, today: TODAY });
    expect(unnormalized).toEqual([]);
    const [found] = charters;
    if (!found) throw new Error('FORMAT_11_UNIT did not normalize');
    unit11 = found;
  });

  const view11 = (lang: SiteLanguage): CharterView => buildCharterView(unit11, lang, contextFor());
  const line = (built: CharterView, anchor: string) => {
    const found = built.channels.find((channel) => channel.anchor === anchor);
    if (!found) throw new Error(`no line ${anchor}`);
    return found;
  };
  const sentences = (built: CharterView, anchor: string): string[] => line(built, anchor).commitments.map((commitment) => commitment.sentence);

  it('shows every line of every kind, each with its own heading id', () => {
    const en = view11('en');
    expect(en.channels.map((channel) => [channel.key, channel.line ?? '', channel.anchor, channel.heading])).toEqual([
      ['phone', 'general', 'channel-phone-general', 'Phone: Advice'],
      ['phone', 'sami', 'channel-phone-sami', 'Phone: Sámi-language service'],
      ['email', '', 'channel-email', 'Email'],
      ['letter', '', 'channel-letter', 'Post'],
      ['counter', '', 'channel-counter', 'Service point'],
      ['eservice', '', 'channel-eservice', 'Online service'],
      ['chat', '', 'channel-chat', 'Chat'],
      ['video', '', 'channel-video', 'Video appointment'],
      ['sms', '', 'channel-sms', 'Text message'],
      ['relay', '', 'channel-relay', 'Relay service'],
      ['suomifiMessages', '', 'channel-suomifiMessages', 'Suomi.fi Messages'],
      ['homeVisit', '', 'channel-homeVisit', 'Home visit'],
    ]);
    expect(
      view11('fi')
        .channels.map((channel) => channel.heading)
        .slice(0, 2),
    ).toEqual(['Puhelin: Neuvonta', 'Puhelin: Saamenkielinen palvelu']);
    expect(new Set(en.channels.map((channel) => channel.anchor)).size).toBe(en.channels.length);
  });

  it('words every variant of the main line, its average and abandonment, in fi and en', () => {
    expect(sentences(view11('en'), 'channel-phone-general')).toEqual([
      'We answer calls within 30 seconds in at least 90% of cases.',
      'For Businesses: we answer calls within 1 minute in at least 80% of cases.',
      'On average, we answer calls within 2 minutes.',
      'At most 10% of callers hang up before we answer.',
      'We call you back within 1 working day in at least 95% of cases.',
    ]);
    expect(sentences(view11('fi'), 'channel-phone-general')).toEqual([
      `Vastaamme puhelimeen 30 sekunnin kuluessa vähintään 90${NBSP}%:ssa tapauksista.`,
      `Yritykset: vastaamme puhelimeen 1 minuutin kuluessa vähintään 80${NBSP}%:ssa tapauksista.`,
      'Vastaamme puhelimeen keskimäärin 2 minuutin kuluessa.',
      `Enintään 10${NBSP}% soittajista katkaisee puhelun ennen kuin vastaamme.`,
      `Soitamme takaisin 1 työpäivän kuluessa soittopyynnöstä vähintään 95${NBSP}%:ssa tapauksista.`,
    ]);
    const sv = sentences(view11('sv'), 'channel-phone-general');
    expect(sv[1]).toBe(`För Yritykset: vi svarar på samtal inom 1 minut i minst 80${NBSP}% av fallen.`);
    expect(sv[3]).toBe(`Högst 10${NBSP}% av dem som ringer lägger på innan vi svarar.`);
    expect(line(view11('en'), 'channel-phone-general').commitments.map((commitment) => [commitment.key, commitment.scoped ?? false])).toEqual([
      ['answer', false],
      ['answer', true],
      ['averageAnswer', false],
      ['abandoned', false],
      ['callback', false],
    ]);
    // In short on the card, after the promise to everyone.
    expect(line(view11('en'), 'channel-phone-general').commitments[1]?.short).toBe('For Businesses: within 1 minute (80%)');
    expect(line(view11('fi'), 'channel-phone-general').commitments[1]?.short).toBe(`Yritykset: 1 minuutin kuluessa (80${NBSP}%)`);
    expect(line(view11('sv'), 'channel-phone-general').commitments[1]?.short).toBe(`För Yritykset: inom 1 minut (80${NBSP}%)`);
    expect(line(view11('en'), 'channel-phone-general').commitments[0]?.short).toBeUndefined();
  });

  it('gives a line its number, audience, service languages named in the page language, hours and service-scoped promise', () => {
    const details = (lang: SiteLanguage) =>
      line(view11(lang), 'channel-phone-sami').details.map((detail) => [detail.label, detail.text?.text ?? detail.link?.text]);
    expect(details('en')).toEqual([
      ['Phone number', '+358 9 123 4599'],
      ['Who it is for', 'Private customers'],
      ['Service languages', 'Northern Sami, Inari Sami, Skolt Sami'],
    ]);
    expect(details('fi')).toEqual([
      ['Puhelinnumero', '+358 9 123 4599'],
      ['Kenelle', 'Yksityisasiakkaat'],
      ['Palvelukielet', 'pohjoissaame, inarinsaame, koltansaame'],
    ]);
    expect(sentences(view11('en'), 'channel-phone-sami')).toEqual(['For Social assistance: we answer calls within 1 minute in at least 80% of cases.']);
    expect(sentences(view11('fi'), 'channel-phone-sami')).toEqual([
      `Toimeentulotuki: vastaamme puhelimeen 1 minuutin kuluessa vähintään 80${NBSP}%:ssa tapauksista.`,
    ]);
    expect(line(view11('fi'), 'channel-phone-sami').hours?.rows).toEqual([{ days: 'ti, to', time: '9.00–12.00' }]);
    expect(line(view11('en'), 'channel-phone-sami').number).toEqual({ display: '+358 9 123 4599', href: 'tel:+35891234599' });
  });

  it('has words for the promise of every new kind, in fi, sv and en', () => {
    const expected: Record<SiteLanguage, Record<string, string[]>> = {
      en: {
        'channel-chat': ['We answer in the chat within 2 minutes in at least 80% of cases.', 'At most 15% of chats end before we answer.'],
        'channel-video': ['We offer a video appointment within 5 working days in at least 90% of cases.'],
        'channel-sms': ['We reply to text messages within 1 working day.'],
        'channel-relay': ['We answer calls through the relay service within 5 minutes in at least 80% of cases.'],
        'channel-suomifiMessages': ['We reply to Suomi.fi messages within 5 working days in at least 90% of cases.'],
        'channel-homeVisit': ['We offer a home visit within 10 working days.'],
      },
      fi: {
        'channel-chat': [
          `Vastaamme chatissa 2 minuutin kuluessa vähintään 80${NBSP}%:ssa tapauksista.`,
          `Enintään 15${NBSP}% chat-keskusteluista päättyy ennen kuin vastaamme.`,
        ],
        'channel-video': [`Tarjoamme ajan videoasiointiin 5 työpäivän kuluessa vähintään 90${NBSP}%:ssa tapauksista.`],
        'channel-sms': ['Vastaamme tekstiviesteihin 1 työpäivän kuluessa.'],
        'channel-relay': [`Vastaamme välityspalvelun kautta tuleviin puheluihin 5 minuutin kuluessa vähintään 80${NBSP}%:ssa tapauksista.`],
        'channel-suomifiMessages': [`Vastaamme Suomi.fi-viesteihin 5 työpäivän kuluessa vähintään 90${NBSP}%:ssa tapauksista.`],
        'channel-homeVisit': ['Tarjoamme ajan kotikäynnille 10 työpäivän kuluessa.'],
      },
      sv: {
        'channel-chat': [`Vi svarar i chatten inom 2 minuter i minst 80${NBSP}% av fallen.`, `Högst 15${NBSP}% av chattarna avslutas innan vi svarar.`],
        'channel-video': [`Vi erbjuder en tid för videomöte inom 5 arbetsdagar i minst 90${NBSP}% av fallen.`],
        'channel-sms': ['Vi svarar på textmeddelanden inom 1 arbetsdag.'],
        'channel-relay': [`Vi svarar på samtal via förmedlingstjänsten inom 5 minuter i minst 80${NBSP}% av fallen.`],
        'channel-suomifiMessages': [`Vi svarar på Suomi.fi-meddelanden inom 5 arbetsdagar i minst 90${NBSP}% av fallen.`],
        'channel-homeVisit': ['Vi erbjuder en tid för hembesök inom 10 arbetsdagar.'],
      },
    };
    for (const lang of SITE_LANGUAGES) {
      const built = view11(lang);
      for (const [anchor, wanted] of Object.entries(expected[lang])) expect(sentences(built, anchor), `${lang} ${anchor}`).toEqual(wanted);
    }
    const en = view11('en');
    expect(line(en, 'channel-chat').details).toEqual([
      { label: 'Web address', link: { href: 'https://www.example.fi/chat', text: 'https://www.example.fi/chat' } },
    ]);
    expect(line(en, 'channel-sms').details).toEqual([{ label: 'Text message number', link: { href: 'sms:+358501234567', text: '+358 50 123 4567' } }]);
    expect(line(en, 'channel-relay').details).toEqual([
      { label: 'How to use it', html: { html: '<p>Call through the relay service.</p>', lang: 'en', foreign: false } },
    ]);
    expect(line(en, 'channel-homeVisit').details).toEqual([{ label: 'Area', text: { text: 'Test City', lang: 'en', foreign: false } }]);
  });

  it('shows a line’s note, booking and web address, and a variant’s fallback promise', async () => {
    const charter = await edited11((text) =>
      [
        ['    audience: [public]\n', '    audience: [public]\n    note: { fi: Vain saamenkielisille asiakkaille., en: For Sámi-speaking customers only. }\n'],
        [
          '      - { within: 1 minute, target: 80%, for: [businesses] }',
          '      - { within: 1 minute, target: 80%, for: [businesses], otherwise: { fi: Soitamme takaisin., en: We call you back. } }',
        ],
        [
          '    url: https://www.example.fi/video\n',
          '    url: https://www.example.fi/video\n    booking: { fi: Varaa aika **verkossa**., en: Book **online**. }\n',
        ],
        ['  suomifiMessages:\n', '  suomifiMessages:\n    url: https://www.suomi.fi/viestit\n'],
      ].reduce((written, [from, to]) => edit(written, from as string, to as string), text),
    );
    const en = buildCharterView(charter, 'en', contextFor());
    const find = (anchor: string) => en.channels.find((channel) => channel.anchor === anchor);
    expect(find('channel-phone-sami')?.note).toEqual({ html: '<p>For Sámi-speaking customers only.</p>', lang: 'en', foreign: false });
    expect(find('channel-phone-general')?.commitments[1]?.otherwise).toEqual({ text: 'We call you back.', lang: 'en', foreign: false });
    expect(find('channel-video')?.details).toContainEqual({
      label: 'Booking',
      html: { html: '<p>Book <strong>online</strong>.</p>', lang: 'en', foreign: false },
    });
    expect(find('channel-suomifiMessages')?.details).toEqual([
      { label: 'Web address', link: { href: 'https://www.suomi.fi/viestit', text: 'https://www.suomi.fi/viestit' } },
    ]);
    const fi = buildCharterView(charter, 'fi', contextFor());
    expect(fi.channels.find((channel) => channel.anchor === 'channel-video')?.details.map((detail) => detail.label)).toEqual(['Verkko-osoite', 'Ajanvaraus']);
  });

  it('names the unit’s service languages in the page language', () => {
    expect(view11('en').serviceLanguages).toBe('Finnish, Swedish, English, Northern Sami');
    expect(view11('fi').serviceLanguages).toBe('suomi, ruotsi, englanti, pohjoissaame');
    expect(view11('sv').serviceLanguages).toBe('finska, svenska, engelska, nordsamiska');
    expect(view('building-control', 'en').serviceLanguages).toBeUndefined();
  });

  it('lists the services with their link, clock start and outcome promises', () => {
    const [en] = view11('en').services;
    expect(en).toMatchObject({
      id: 'benefit',
      anchor: 'service-benefit',
      name: { text: 'Social assistance', lang: 'en', foreign: false },
      link: { href: 'https://www.example.fi/toimeentulotuki', text: 'About the service' },
      clockStarts: 'The time counts from when the application and its attachments have arrived.',
    });
    expect(en?.promises.map((promise) => promise.sentence)).toEqual([
      'Decision within 7 working days.',
      'For Private customers: urgent decision the same working day.',
    ]);
    const [fi] = view11('fi').services;
    expect(fi?.clockStarts).toBe('Aika lasketaan siitä, kun hakemus liitteineen on saapunut.');
    expect(fi?.promises.map((promise) => promise.sentence)).toEqual([
      'Päätös 7 työpäivän kuluessa.',
      'Yksityisasiakkaat: kiireellinen päätös samana työpäivänä.',
    ]);
    // The clock start is said once, at the service, when its promises have no other.
    expect(fi?.promises.every((promise) => promise.clockStarts === undefined)).toBe(true);
  });

  it('says a promise’s own clock start and target, and its fallback promise', async () => {
    const edited = await edited11((text) =>
      edit(
        text,
        '{ id: decision, name: { fi: Päätös, en: Decision }, within: 7 working days }',
        '{ id: decision, name: { fi: Päätös, en: Decision }, within: 7 working days, target: 90%, clockStarts: { fi: kun hakemus on kirjattu, en: when the application is registered }, otherwise: { fi: Kerromme syyn., en: We tell you why. } }',
      ),
    );
    const [promise] = buildCharterView(edited, 'en', contextFor()).services[0]?.promises ?? [];
    expect(promise?.sentence).toBe('Decision within 7 working days in at least 90% of cases.');
    expect(promise?.clockStarts).toBe('The time counts from when the application is registered.');
    expect(promise?.otherwise).toEqual({ text: 'We tell you why.', lang: 'en', foreign: false });
  });

  it('lists the complaint stages with their promises and escalation, then the external bodies', () => {
    const en = view11('en').complaints;
    expect(en?.how?.html).toBe('<p>Complain online.</p>');
    expect(en?.stages.map((stage) => [stage.anchor, stage.name.text, stage.commitments.map((c) => c.sentence), stage.escalateTo?.id])).toEqual([
      [
        'complaint-stage-review',
        'Request for review',
        ['We confirm receipt of your complaint within 2 working days.', 'We respond to your complaint within 20 working days in at least 90% of cases.'],
        'head',
      ],
    ]);
    expect(en?.external).toEqual([
      {
        kind: 'ombudsman',
        kindName: 'Ombudsman',
        name: { text: 'Parliamentary Ombudsman', lang: 'en', foreign: false },
        link: { href: 'https://www.oikeusasiamies.fi', text: 'https://www.oikeusasiamies.fi' },
      },
    ]);
    const fi = view11('fi').complaints;
    expect(fi?.stages[0]?.commitments.map((c) => c.sentence)).toEqual([
      'Vahvistamme muistutuksen vastaanottamisen 2 työpäivän kuluessa.',
      `Vastaamme muistutukseen 20 työpäivän kuluessa vähintään 90${NBSP}%:ssa tapauksista.`,
    ]);
    expect(fi?.external[0]?.kindName).toBe('Oikeusasiamies');
    expect(view11('sv').complaints?.stages[0]?.commitments[0]?.sentence).toBe('Vi bekräftar att vi har tagit emot klagomålet inom 2 arbetsdagar.');
  });

  it('describes customer groups only when one has a description', async () => {
    expect(view11('en').customerGroups).toEqual([]);
    const described = await edited11((text) =>
      edit(
        text,
        '  - { id: businesses, name: { fi: Yritykset, en: Businesses } }',
        '  - { id: businesses, name: { fi: Yritykset, en: Businesses }, description: { fi: Yritykset ja yhteisöt., en: Companies and associations. } }',
      ),
    );
    expect(buildCharterView(described, 'en', contextFor()).customerGroups).toEqual([
      {
        id: 'businesses',
        name: { text: 'Businesses', lang: 'en', foreign: false },
        description: { html: '<p>Companies and associations.</p>', lang: 'en', foreign: false },
      },
      { id: 'public', name: { text: 'Private customers', lang: 'en', foreign: false } },
    ]);
  });

  it('picks the card’s lines: the main phone line and the others by name and number', () => {
    const { cardLines } = view11('en');
    expect(cardLines.phone?.anchor).toBe('channel-phone-general');
    expect(cardLines.otherPhones.map((phone) => [phone.name?.text, phone.number?.display])).toEqual([['Sámi-language service', '+358 9 123 4599']]);
    expect(cardLines.letter?.commitments.map((c) => c.key)).toEqual(['reply']);
    expect(view11('en').hoursNotes).toEqual([]);
  });

  it('describes every line, its languages and the services in JSON-LD', () => {
    const jsonLd = JSON.parse(view11('en').jsonLd) as Record<string, any>;
    expect(jsonLd.availableLanguage).toEqual(['fi', 'sv', 'en', 'se']);
    const channels = jsonLd.availableChannel as Record<string, any>[];
    expect(channels.map((channel) => channel.name as string)).toEqual([
      'Phone: Advice',
      'Phone: Sámi-language service',
      'Email',
      'Post',
      'Service point',
      'Online service',
      'Chat',
      'Video appointment',
      'Text message',
      'Relay service',
      'Suomi.fi Messages',
      'Home visit',
    ]);
    const [general, sami] = channels;
    expect(general?.servicePhone).toMatchObject({ '@type': 'ContactPoint', telephone: '+358 9 123 4567', availableLanguage: ['fi', 'sv', 'en', 'se'] });
    expect(sami?.servicePhone).toMatchObject({
      telephone: '+358 9 123 4599',
      availableLanguage: ['se', 'smn', 'sms'],
      hoursAvailable: [
        { '@type': 'OpeningHoursSpecification', dayOfWeek: ['Tuesday', 'Thursday'], opens: '09:00', closes: '12:00' },
        { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/PublicHolidays', opens: '00:00', closes: '00:00' },
      ],
    });
    expect(sami?.audience).toEqual([{ '@type': 'Audience', audienceType: 'Private customers' }]);
    const byName = (name: string): Record<string, any> | undefined => channels.find((channel) => channel.name === name);
    expect(byName('Chat')?.serviceUrl).toBe('https://www.example.fi/chat');
    expect(byName('Video appointment')?.serviceUrl).toBe('https://www.example.fi/video');
    expect(byName('Text message')?.serviceSmsNumber).toMatchObject({ '@type': 'ContactPoint', telephone: '+358 50 123 4567' });
    expect(jsonLd.isRelatedTo).toEqual([
      {
        '@type': 'GovernmentService',
        name: 'Social assistance',
        url: 'https://www.example.fi/toimeentulotuki',
        audience: [{ '@type': 'Audience', audienceType: 'Private customers' }],
      },
    ]);
  });
});

/** FORMAT_11_UNIT changed by `change`, checked and normalized. */
async function edited11(change: (text: string) => string): Promise<Charter> {
  const cwd = writeTree({ 'charters/test-unit.yaml': change(FORMAT_11_UNIT) });
  const { charters, unnormalized } = await checkCharters({ cwd, today: TODAY });
  expect(unnormalized).toEqual([]);
  const [found] = charters;
  if (!found) throw new Error('edited FORMAT_11_UNIT did not normalize');
  return found;
}

describe('the essentials at a glance', () => {
  it('gives the first line of each kind, reached how, open when today and promising what', () => {
    // Wednesday 2 December 2026.
    const glance = view('building-control', 'fi', '2026-12-02').glance;
    expect(glance.lines.map((line) => line.key)).toEqual(['phone', 'email', 'counter', 'eservice']);
    // Whom to turn to comes before the other kinds, so that both fit a phone's first screen.
    expect(glance.otherLines.map((line) => line.key)).toEqual(['letter']);
    expect(glance.lines[0]).toEqual({
      key: 'phone',
      label: 'Puhelin',
      anchor: 'channel-phone',
      reach: { label: 'Puhelinnumero', link: { href: 'tel:+35891234500', text: '+358 9 123 4500' } },
      today: 'Tänään 9.00–15.00',
      promise: 'Vastaamme puhelimeen 30 sekunnin kuluessa.',
    });
    expect(glance.lines[1]).toMatchObject({
      reach: { link: { text: 'rakennusvalvonta@example.fi' } },
      promise: 'Vastaamme sähköpostiviesteihin 3 työpäivän kuluessa.',
    });
    expect(glance.lines[1]?.today).toBeUndefined();
    expect(glance.lines[2]).toMatchObject({ today: 'Tänään 9.00–15.00', promise: 'Palvelupisteessä pääset asioimaan 15 minuutin kuluessa.' });
    expect(glance.lines[3]).toMatchObject({ reach: { link: { href: 'https://www.example.fi/lupapiste', text: 'Lupapiste.fi' } } });
    expect(glance.escalateTo?.name.text).toBe('Heikki Laaksonen');
    expect(glance.moreLines).toBe(0);
    expect(glance.today).toEqual({ iso: '2026-12-02', asOf: 'Aukioloajat päivältä ke 2.12.2026.' });
    expect(view('building-control', 'sv', '2026-12-02').glance.lines[1]?.promise).toBe('Vi svarar på e-post inom 3 arbetsdagar.');
    expect(view('building-control', 'en', '2026-12-02').glance.today.asOf).toBe('Hours as of Wed 2 December 2026.');
  });

  it("takes today's hours from the charter's calendar: exceptions, Fridays, weekends and public holidays", () => {
    const today = (date: string, lang: SiteLanguage = 'fi'): (string | undefined)[] =>
      view('building-control', lang, date).glance.lines.map((line) => line.today);
    // The unit's own exception: 8.00–15.00 on 23 December; the phone keeps its own hours, the counter its Friday ones.
    expect(today('2026-12-23')).toEqual(['Tänään 8.00–15.00', undefined, 'Tänään 8.00–15.00', undefined]);
    expect(today('2026-12-04')).toEqual(['Tänään 9.00–15.00', undefined, 'Tänään 9.00–12.00', undefined]);
    expect(today('2026-12-05')).toEqual(['Tänään suljettu', undefined, 'Tänään suljettu', undefined]);
    // Independence Day, a Sunday in 2026; Christmas Eve, closed in the Finnish calendar.
    expect(today('2026-12-24', 'en')[0]).toBe('Closed today');
    expect(today('2026-12-24', 'sv')[0]).toBe('I dag stängt');
    expect(today('2027-07-14')[2]).toBe('Tänään suljettu');
  });

  it('puts a promise made to everyone before a scoped one, and counts the lines left for the channels section', async () => {
    const charter = await edited11((text) => text);
    const glance = buildCharterView(charter, 'en', contextFor('2026-12-02')).glance;
    expect(glance.lines.map((line) => line.key)).toEqual(['phone', 'email', 'counter', 'eservice']);
    expect(glance.otherLines.map((line) => line.key)).toEqual(['chat', 'sms', 'relay', 'video', 'suomifiMessages', 'homeVisit', 'letter']);
    expect(glance.lines[0]).toMatchObject({ label: 'Phone: Advice', anchor: 'channel-phone-general', promise: 'We answer calls within 30 seconds.' });
    // The Sámi-language line is the second phone line: listed with the channels, not at the top.
    expect(glance.moreLines).toBe(1);
    // Relay has no number: nothing to reach it by at the top, its promise still there.
    const relay = glance.otherLines.find((line) => line.key === 'relay');
    expect(relay?.promise).toBe('We answer calls through the relay service within 5 minutes.');
    expect(relay?.reach).toBeUndefined();
  });

  it('has nothing to say about today without weekly hours, and no line for a kind the unit does not have', () => {
    const charter = edited('registry-office', (data) => {
      delete data.channels.phone;
      delete data.channels.email;
      delete data.hours.weekly;
      delete data.channels.counter.hours;
    });
    const glance = buildCharterView(charter, 'fi', contextFor('2026-12-02')).glance;
    expect(glance.lines.map((line) => line.key)).not.toContain('phone');
    expect(glance.lines.map((line) => line.key)).not.toContain('email');
    expect([...glance.lines, ...glance.otherLines].every((line) => line.today === undefined)).toBe(true);
    expect(glance.today.asOf).toBeUndefined();
  });
});
