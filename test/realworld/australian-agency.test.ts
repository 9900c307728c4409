import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Charter } from '../../src/model/charter.js';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { AUSTRALIAN_AGENCY, AUSTRALIAN_AGENCY_AS_OF, AUSTRALIAN_AGENCY_LOG } from '../fixtures/australian-agency.js';
import { edit } from '../fixtures/charters.js';
import {
  checkFixture,
  figuresAt,
  ids,
  pdfText,
  printCards,
  promisePlaces,
  publish,
  reportOver,
  runCardTests,
  TODAY,
  totalsOf,
  type CheckedFixture,
} from './realworld.js';
import { runBin } from '../helpers.js';

const ID = 'arpa-client-services';

describe('an Australian federal agency (format 1.1, ACT calendar)', () => {
  let fixture: CheckedFixture;
  let charter: Charter;
  beforeAll(async () => {
    fixture = await checkFixture(ID, { [`${ID}.yaml`]: AUSTRALIAN_AGENCY });
    charter = fixture.charter;
  });

  it('validates clean', () => {
    expect(fixture.diagnostics).toEqual([]);
  });

  it('the charter command agrees, with no warning allowed', () => {
    const result = runBin(['validate', '--today', TODAY, '--max-warnings', '0'], fixture.cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('serves in the languages TIS National interprets, while written in English', () => {
    expect(charter.languages).toEqual(['en']);
    expect(charter.serviceLanguages).toEqual(['en', 'ar', 'cmn', 'yue', 'vi', 'el', 'it', 'hi', 'pa', 'ko', 'fa']);
    expect(charter.accessibility.map((service) => [service.service, service.languages])).toEqual([
      ['interpreting', ['ar', 'cmn', 'yue', 'vi', 'el', 'it', 'hi', 'pa', 'ko', 'fa']],
      ['relay', []],
      ['sign-language', ['asf']],
      ['large-print', []],
      ['braille', []],
    ]);
  });

  it('answers tax practitioners faster than everyone else, on a line of its own', () => {
    expect(ids(charter.customerGroups)).toEqual(['individuals', 'businesses', 'tax-practitioners']);
    expect(ids(charter.channels.phone)).toEqual(['individuals', 'business', 'overseas']);
    const [individuals, business, overseas] = charter.channels.phone;
    expect(ids(individuals?.audience ?? [])).toEqual(['individuals']);
    expect(individuals?.answer.map((promise) => [promise.within.written, promise.target, ids(promise.groups)])).toEqual([['5 minutes', 0.8, []]]);
    expect(individuals?.averageAnswer.map((promise) => promise.within.written)).toEqual(['8 minutes']);
    expect(individuals?.abandoned.map((promise) => promise.atMost)).toEqual([0.1]);
    expect(individuals?.callback.map((promise) => promise.within.written)).toEqual(['2 working days']);
    expect(ids(business?.audience ?? [])).toEqual(['businesses', 'tax-practitioners']);
    expect(business?.answer.map((promise) => [promise.within.written, promise.target, ids(promise.groups)])).toEqual([
      ['2 minutes', 0.9, ['tax-practitioners']],
      ['5 minutes', 0.8, []],
    ]);
    expect(business?.averageAnswer.map((promise) => [promise.within.written, ids(promise.groups)])).toEqual([
      ['90 seconds', ['tax-practitioners']],
      ['4 minutes', []],
    ]);
    expect(overseas?.number).toBe('+61 2 5550 4100');
    expect(overseas?.charge).toBe('chargeable');
  });

  it('has web chat, the National Relay Service, letters and an online service', () => {
    const [chat] = charter.channels.chat;
    expect(chat?.answer.map((promise) => promise.within.written)).toEqual(['3 minutes']);
    expect(chat?.averageAnswer.map((promise) => promise.within.written)).toEqual(['2 minutes']);
    const [relay] = charter.channels.relay;
    expect(relay?.number).toBe('133 677');
    expect(relay?.answer.map((promise) => promise.within.written)).toEqual(['5 minutes']);
    const [letter] = charter.channels.letter;
    expect(letter?.reply.map((promise) => [promise.within.written, promise.target])).toEqual([['28 days', 0.85]]);
    expect(letter?.reply[0]?.otherwise?.fallback.text).toBe('If we need longer, we write to tell you why and when you will hear from us.');
    expect(charter.channels.eservice[0]?.url).toBe('https://online.arpa.example.org');
  });

  it('promises outcomes per service, from the event its clock starts at', () => {
    expect(
      charter.services.map((service) => [service.id, service.promises.map((promise) => `${promise.id}: ${promise.within.written}, ${promise.target}`)]),
    ).toEqual([
      ['paper-returns', ['processed: 50 working days, 0.9']],
      ['online-returns', ['processed: 12 working days, 0.9']],
      ['objections', ['decision: 56 days, 0.8']],
      ['foi', ['acknowledge: 14 days, 1', 'decision: 30 days, 1']],
    ]);
    expect(charter.services[0]?.clockStarts?.fallback.text).toBe('when we receive your complete, signed return');
    expect(charter.services[3]?.url).toBe('https://www.arpa.example.org/foi');
  });

  it('handles complaints in three stages, then names the ombudsmen, the tribunal and the court', () => {
    const complaints = charter.complaints;
    expect(
      complaints?.stages.map((stage) => [
        stage.id,
        stage.acknowledge.map((promise) => promise.within.written),
        stage.respond.map((promise) => promise.within.written),
        stage.escalateTo?.id,
      ]),
    ).toEqual([
      ['frontline', ['2 working days'], ['10 working days'], undefined],
      ['complaints-team', ['2 working days'], ['20 working days'], 'complaints-manager'],
      ['senior-review', ['2 working days'], ['28 days'], 'director-client-experience'],
    ]);
    expect(complaints?.external.map((body) => [body.body, body.url])).toEqual([
      ['ombudsman', 'https://www.ombudsman.gov.au'],
      ['ombudsman', 'https://www.igt.gov.au'],
      ['regulator', 'https://www.oaic.gov.au'],
      ['appeal-board', 'https://www.art.gov.au'],
      ['court', 'https://www.fedcourt.gov.au'],
    ]);
  });

  it('makes 25 measurable promises, each where a log row can name it', () => {
    expect(promisePlaces(charter)).toEqual([
      'within phone/individuals/answer = 5 minutes',
      'within phone/individuals/callback = 2 working days',
      'average phone/individuals/answer = 8 minutes',
      'abandoned phone/individuals/answer = 10%',
      'within phone/business/answer [tax-practitioners] = 2 minutes',
      'within phone/business/answer = 5 minutes',
      'average phone/business/answer [tax-practitioners] = 90 seconds',
      'average phone/business/answer = 4 minutes',
      'within phone/overseas/answer = 5 minutes',
      'within letter/reply = 28 days',
      'within eservice/reply = 5 working days',
      'within chat/answer = 3 minutes',
      'average chat/answer = 2 minutes',
      'within relay/answer = 5 minutes',
      'within complaints/frontline/acknowledge = 2 working days',
      'within complaints/frontline/respond = 10 working days',
      'within complaints/complaints-team/acknowledge = 2 working days',
      'within complaints/complaints-team/respond = 20 working days',
      'within complaints/senior-review/acknowledge = 2 working days',
      'within complaints/senior-review/respond = 28 days',
      'within services/processed {paper-returns} = 50 working days',
      'within services/processed {online-returns} = 12 working days',
      'within services/decision {objections} = 56 days',
      'within services/acknowledge {foi} = 14 days',
      'within services/decision {foi} = 30 days',
    ]);
  });

  describe('its contact log, measured in the ACT calendar', () => {
    let report: ComplianceReport;
    beforeAll(async () => {
      report = await reportOver({ [`${ID}.yaml`]: AUSTRALIAN_AGENCY }, AUSTRALIAN_AGENCY_LOG, AUSTRALIAN_AGENCY_AS_OF);
    });

    it('gives every promise the figures worked out by hand', () => {
      expect(totalsOf(report)).toEqual({
        'within phone/individuals/answer': [5, 3, 2, 0, 'missed', 3.5, 7.5],
        'within phone/individuals/callback': [1, 1, 0, 0, 'met', 2, 2],
        'average phone/individuals/answer': [4, 4, 0, 0, 'met', 3.5, 7.5],
        'abandoned phone/individuals/answer': [5, 4, 1, 0, 'missed', null, null],
        'within phone/business/answer [tax-practitioners]': [2, 1, 1, 0, 'missed', 2, 2.5],
        'within phone/business/answer': [2, 2, 0, 0, 'met', 3, 4],
        'average phone/business/answer [tax-practitioners]': [2, 1, 1, 0, 'missed', 120, 150],
        'average phone/business/answer': [2, 2, 0, 0, 'met', 3, 4],
        'within phone/overseas/answer': [0, 0, 0, 0, 'no-data', null, null],
        'within letter/reply': [4, 2, 1, 1, 'missed', 29, 29],
        'within eservice/reply': [0, 0, 0, 0, 'no-data', null, null],
        'within chat/answer': [2, 1, 1, 0, 'missed', 2.5, 4],
        'average chat/answer': [2, 1, 1, 0, 'missed', 2.5, 4],
        'within relay/answer': [1, 1, 0, 0, 'met', 2, 2],
        'within complaints/frontline/acknowledge': [2, 1, 1, 0, 'missed', 2.5, 3],
        'within complaints/frontline/respond': [2, 1, 1, 0, 'missed', 10.5, 11],
        'within complaints/complaints-team/acknowledge': [0, 0, 0, 0, 'no-data', null, null],
        'within complaints/complaints-team/respond': [1, 1, 0, 0, 'met', 20, 20],
        'within complaints/senior-review/acknowledge': [0, 0, 0, 0, 'no-data', null, null],
        'within complaints/senior-review/respond': [1, 1, 0, 0, 'met', 29, 29],
        'within services/processed {paper-returns}': [2, 1, 1, 0, 'missed', 51.5, 53],
        'within services/processed {online-returns}': [2, 1, 1, 0, 'missed', 12.5, 13],
        'within services/decision {objections}': [1, 1, 0, 0, 'met', 57, 57],
        'within services/acknowledge {foi}': [1, 1, 0, 0, 'met', 15, 15],
        'within services/decision {foi}': [2, 1, 1, 0, 'missed', 32, 32],
      });
    });

    it('measures the average speed of answer and the abandonment rate', () => {
      expect(figuresAt(report, 'average phone/individuals/answer').total.mean).toBe(3.88);
      expect(figuresAt(report, 'average phone/business/answer [tax-practitioners]').total.mean).toBe(120);
      expect(figuresAt(report, 'average phone/business/answer').total.mean).toBe(3);
      expect(figuresAt(report, 'average chat/answer').total.mean).toBe(2.5);
      expect(figuresAt(report, 'abandoned phone/individuals/answer').total).toMatchObject({ abandoned: 1, abandonedShare: 0.2 });
    });

    it('in New South Wales, Canberra Day and Reconciliation Day would be working days', async () => {
      const nsw = totalsOf(
        await reportOver({ [`${ID}.yaml`]: edit(AUSTRALIAN_AGENCY, 'holidays: AU-ACT', 'holidays: AU-NSW') }, AUSTRALIAN_AGENCY_LOG, AUSTRALIAN_AGENCY_AS_OF),
      );
      expect(nsw['within complaints/frontline/acknowledge']).toEqual([2, 0, 2, 0, 'missed', 3, 3]);
      expect(nsw['within letter/reply']).toEqual([4, 1, 2, 1, 'missed', 29, 29]);
      expect(nsw['within services/decision {foi}']).toEqual([2, 0, 2, 0, 'missed', 32, 32]);
      expect(nsw['within services/processed {paper-returns}']).toEqual([2, 0, 2, 0, 'missed', 52, 53]);
    });
  });

  describe('its site', () => {
    let html: string;
    let page: (path: string) => string;
    beforeAll(async () => {
      page = await publish(fixture);
      html = page(join('en', ID, 'index.html'));
    }, 120_000);

    it('says its calendar and time zone', () => {
      expect(html).toContain('Australian Capital Territory');
      expect(html).toContain('Australia/Sydney');
      // The zone's generic name, right in summer and winter alike (not "Eastern Standard Time" all year).
      expect(html).toContain('Australian Eastern Time (Australia/Sydney)');
      expect(html).not.toContain('Standard Time');
    });

    it('shows every new section with its key text', () => {
      for (const text of [
        'Tax practitioners',
        '13 24 88',
        '90 seconds',
        '133 677',
        'https://www.arpa.example.org/chat',
        'Paper tax returns',
        '50 working days',
        'when we receive your complete, signed return',
        'Our complaints team looks into it',
        'Commonwealth Ombudsman',
        'https://www.ombudsman.gov.au',
        'Administrative Review Tribunal',
        'Federal Court of Australia',
      ]) {
        expect(html, text).toContain(text);
      }
    });

    it('lists it in charters.json with its services and complaints', () => {
      const json = page('charters.json');
      expect(json).toContain('paper-returns');
      expect(json).toContain('https://www.ombudsman.gov.au');
    });
  });

  describe.runIf(runCardTests)('its pocket card', () => {
    it('prints, fits, and names the lines customers call', async () => {
      const cards = await printCards(fixture);
      expect(cards.ok).toBe(true);
      expect(cards.results.flatMap((result) => result.diagnostics)).toEqual([]);
      const text = pdfText(join(fixture.cwd, '_site', 'cards', 'en', `${ID}-a6.pdf`));
      expect(text).toContain('Client Services');
      expect(text).toContain('Phone: Individuals 13 24 87');
      expect(text).toContain('Businesses and tax practitioners: 13 24 88');
      expect(text).toContain('At most 10% of callers hang up before we answer.');
    }, 120_000);
  });
});
