import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Charter, LocalizedText } from '../../src/model/charter.js';
import type { ComplianceReport } from '../../src/model/compliance-report.js';
import { SAMI_BASELINE, SAMI_SERVICE_POINT, SAMI_SERVICE_POINT_AS_OF, SAMI_SERVICE_POINT_LOG } from '../fixtures/sami-service-point.js';
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

const ID = 'inari-service-point';
const FILES = { '_pohjoinen.yaml': SAMI_BASELINE, [`${ID}.yaml`]: SAMI_SERVICE_POINT };

/** The Northern Sámi text of a field (undefined when the charter has none in Sámi). */
function inSami(text: LocalizedText | undefined): string | undefined {
  return text?.byLanguage.se?.text;
}

describe('a service point in the Sámi homeland (format 1.1, Finnish and Northern Sámi)', () => {
  let fixture: CheckedFixture;
  let charter: Charter;
  beforeAll(async () => {
    fixture = await checkFixture(ID, FILES);
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

  it('is written in Finnish and Northern Sámi, and serves in three Sámi languages', () => {
    expect(charter.languages).toEqual(['fi', 'se']);
    expect(charter.serviceLanguages).toEqual(['fi', 'se', 'smn', 'sms']);
    expect(inSami(charter.unit.name)).toBe('Anára bálvalusbáiki');
    // The baseline's services first, then the unit's own.
    expect(charter.accessibility.map((service) => [service.service, service.languages, service.channels])).toEqual([
      ['sign-language', ['fse'], ['counter', 'video']],
      ['easy-language', ['fi'], []],
      ['interpreting', ['se', 'smn', 'sms'], ['counter', 'phone', 'video', 'homeVisit']],
      ['hearing-loop', [], ['counter']],
    ]);
  });

  it('adds a Sámi phone line, with its own number, hours and languages, to the organisation’s line', () => {
    // The baseline's line first, then the unit's, merged by id.
    expect(ids(charter.channels.phone)).toEqual(['general', 'sami']);
    const [general, sami] = charter.channels.phone;
    expect(general?.number).toBe('020 555 0120');
    expect(general?.serviceLanguages).toEqual(['fi']);
    expect(general?.averageAnswer.map((promise) => promise.within.written)).toEqual(['8 minutes']);
    expect(general?.abandoned.map((promise) => promise.atMost)).toEqual([0.15]);
    expect(sami?.number).toBe('016 555 0130');
    expect(sami?.serviceLanguages).toEqual(['se', 'smn', 'sms']);
    expect(sami?.hours?.weekly.map((period) => [period.days, period.open.text, period.close.text])).toEqual([[['tue', 'thu'], '09:00', '15:00']]);
    expect(inSami(sami?.greeting)).toBe('Anára bálvalusbáiki, sámegielat bálvalus, {name}, buorre beaivi.');
    expect(sami?.callback.map((promise) => promise.within.written)).toEqual(['1 working day']);
  });

  it('offers video appointments, home visits and Suomi.fi Messages, each with its promise', () => {
    const [video] = charter.channels.video;
    expect(video?.appointment.map((promise) => [promise.within.written, promise.target])).toEqual([['5 working days', 0.9]]);
    expect(inSami(video?.booking)).toContain('Várre videoáiggi');
    const [homeVisit] = charter.channels.homeVisit;
    expect(inSami(homeVisit?.area)).toBe('Anára ja Ohcejoga gielddat');
    expect(homeVisit?.appointment.map((promise) => promise.within.written)).toEqual(['10 working days']);
    const [messages] = charter.channels.suomifiMessages;
    expect(messages?.url).toBe('https://www.suomi.fi/viestit');
    expect(messages?.acknowledge.map((promise) => promise.within.written)).toEqual(['1 working day']);
    expect(messages?.reply.map((promise) => promise.within.written)).toEqual(['5 working days']);
  });

  it('promises decisions on social assistance as the law does, and on housing allowance', () => {
    expect(
      charter.services.map((service) => [service.id, service.promises.map((promise) => `${promise.id}: ${promise.within.written}, ${promise.target}`)]),
    ).toEqual([
      ['social-assistance', ['decision: 7 working days, 1', 'urgent-decision: 1 working day, 1']],
      ['housing-allowance', ['decision: 30 days, 0.9']],
    ]);
    const [assistance] = charter.services;
    expect(inSami(assistance?.clockStarts)).toBe('go ohcan ja dárbbašlaš mielddusat leat boahtán');
    expect(inSami(assistance?.promises[1]?.clockStarts)).toBe('go ohcan lea boahtán ja dilli lea hoahpolaš');
    expect(inSami(assistance?.promises[0]?.otherwise)).toContain('mii bivdit dan dakkaviđe');
  });

  it('takes a request for rectification first, then names the appeal board, the court and the Ombudsman', () => {
    const complaints = charter.complaints;
    expect(complaints?.stages.map((stage) => [stage.id, inSami(stage.name), stage.acknowledge[0]?.within.written, stage.respond[0]?.within.written])).toEqual([
      ['rectification', 'Njulgengáibádus', '5 working days', '30 days'],
    ]);
    // The stage is the organisation's; the service point names its own head as whom it escalates to.
    expect(complaints?.stages[0]?.escalateTo?.id).toBe('head-of-service-point');
    expect(complaints?.external.map((body) => [body.body, body.name.byLanguage.fi?.text, body.url])).toEqual([
      ['appeal-board', 'Sosiaaliturvan muutoksenhakulautakunta', 'https://www.samu.fi'],
      ['court', 'Pohjois-Suomen hallinto-oikeus', 'https://oikeus.fi/hallinto-oikeudet'],
      ['ombudsman', 'Eduskunnan oikeusasiamies', 'https://www.oikeusasiamies.fi'],
    ]);
  });

  it('makes 16 measurable promises, each where a log row can name it', () => {
    expect(promisePlaces(charter)).toEqual([
      'within phone/general/answer = 10 minutes',
      'within phone/general/callback = 1 working day',
      'average phone/general/answer = 8 minutes',
      'abandoned phone/general/answer = 15%',
      'within phone/sami/answer = 10 minutes',
      'within phone/sami/callback = 1 working day',
      'within counter/wait = 15 minutes',
      'within video/appointment = 5 working days',
      'within suomifiMessages/acknowledge = 1 working day',
      'within suomifiMessages/reply = 5 working days',
      'within homeVisit/appointment = 10 working days',
      'within complaints/rectification/acknowledge = 5 working days',
      'within complaints/rectification/respond = 30 days',
      'within services/decision {social-assistance} = 7 working days',
      'within services/urgent-decision {social-assistance} = 1 working day',
      'within services/decision {housing-allowance} = 30 days',
    ]);
  });

  describe('its contact log, measured in the Finnish calendar', () => {
    let report: ComplianceReport;
    beforeAll(async () => {
      report = await reportOver(FILES, SAMI_SERVICE_POINT_LOG, SAMI_SERVICE_POINT_AS_OF);
    });

    it('gives every promise the figures worked out by hand', () => {
      expect(totalsOf(report)).toEqual({
        'within phone/general/answer': [4, 2, 2, 0, 'missed', 6, 12],
        'within phone/general/callback': [0, 0, 0, 0, 'no-data', null, null],
        'average phone/general/answer': [3, 2, 1, 0, 'met', 6, 12],
        'abandoned phone/general/answer': [4, 3, 1, 0, 'missed', null, null],
        'within phone/sami/answer': [1, 1, 0, 0, 'met', 2, 2],
        'within phone/sami/callback': [1, 1, 0, 0, 'met', 1, 1],
        'within counter/wait': [1, 1, 0, 0, 'met', 12, 12],
        'within video/appointment': [1, 1, 0, 0, 'met', 5, 5],
        'within suomifiMessages/acknowledge': [1, 1, 0, 0, 'met', 1, 1],
        'within suomifiMessages/reply': [2, 1, 1, 0, 'missed', 5.5, 6],
        'within homeVisit/appointment': [1, 1, 0, 0, 'met', 10, 10],
        'within complaints/rectification/acknowledge': [1, 0, 1, 0, 'missed', 6, 6],
        'within complaints/rectification/respond': [1, 1, 0, 0, 'met', 31, 31],
        'within services/decision {social-assistance}': [3, 2, 1, 0, 'missed', 7, 8],
        'within services/urgent-decision {social-assistance}': [1, 1, 0, 0, 'met', 1, 1],
        'within services/decision {housing-allowance}': [4, 2, 1, 1, 'missed', 33, 33],
      });
    });

    it('measures the general line’s average speed of answer and abandonment rate', () => {
      expect(figuresAt(report, 'average phone/general/answer').total.mean).toBe(7.33);
      expect(figuresAt(report, 'abandoned phone/general/answer').total).toMatchObject({ abandoned: 1, abandonedShare: 0.25 });
    });

    it('in the English calendar, Epiphany, Ascension Day, Midsummer Eve and Independence Day would be working days', async () => {
      const english = totalsOf(
        await reportOver(
          { ...FILES, '_pohjoinen.yaml': edit(SAMI_BASELINE, 'holidays: FI', 'holidays: GB-ENG') },
          SAMI_SERVICE_POINT_LOG,
          SAMI_SERVICE_POINT_AS_OF,
        ),
      );
      expect(english['within services/decision {social-assistance}']).toEqual([3, 0, 3, 0, 'missed', 8, 9]);
      expect(english['within services/decision {housing-allowance}']).toEqual([4, 0, 3, 1, 'missed', 33, 33]);
      expect(english['within suomifiMessages/acknowledge']).toEqual([1, 0, 1, 0, 'missed', 2, 2]);
    });
  });

  describe('its site', () => {
    let finnish: string;
    let sami: string;
    beforeAll(async () => {
      const page = await publish(fixture);
      finnish = page(join('fi', ID, 'index.html'));
      sami = page(join('se', ID, 'index.html'));
    }, 120_000);

    it('shows every new section in Finnish', () => {
      for (const text of [
        'Saamenkielinen palvelu',
        '016 555 0130',
        'Inarin ja Utsjoen kunnat',
        'https://www.suomi.fi/viestit',
        'Perustoimeentulotuki',
        'kun hakemus ja tarvittavat liitteet ovat saapuneet',
        'Oikaisuvaatimus',
        'Sosiaaliturvan muutoksenhakulautakunta',
        'https://www.oikeusasiamies.fi',
      ]) {
        expect(finnish, text).toContain(text);
      }
    });

    it('publishes a Finnish page', () => {
      expect(finnish).toContain('Inarin palvelupiste');
      expect(finnish).toContain('Pohjoisen sosiaaliturvan keskus, <span class="greeting__name">(nimesi)</span>, hyvää päivää.');
    });

    it('publishes a Northern Sámi page, its texts marked as Sámi', () => {
      // No interface wording exists in Sámi: it falls back to Finnish, and the charter's own texts say lang="se".
      expect(sami).toContain('<h1 class="charter__name" lang="se">Anára bálvalusbáiki</h1>');
      for (const text of [
        'Sámegielat bálvalus',
        'Vuođđobirgejumidoarjja',
        'Njulgengáibádus',
        'Anára ja Ohcejoga gielddat',
        'Anára bálvalusbáiki, sámegielat bálvalus, <span class="greeting__name" lang="fi">(nimesi)</span>, buorre beaivi.',
        'Davvi sosiálaoadjoguovddáš, <span class="greeting__name" lang="fi">(nimesi)</span>, buorre beaivi.',
      ]) {
        expect(sami, text).toContain(text);
      }
    });
  });

  describe.runIf(runCardTests)('its pocket cards', () => {
    it('print in Finnish and in Northern Sámi, and fit', async () => {
      const cards = await printCards(fixture);
      expect(cards.ok).toBe(true);
      expect(cards.results.flatMap((result) => result.diagnostics)).toEqual([]);
      expect(pdfText(join(fixture.cwd, '_site', 'cards', 'fi', `${ID}-a6.pdf`))).toContain('Inarin palvelupiste');
      const sami = pdfText(join(fixture.cwd, '_site', 'cards', 'se', `${ID}-a6.pdf`));
      expect(sami).toContain('Anára bálvalusbáiki');
      expect(sami).toContain('Sámegielat bálvalus: 016 555 0130');
      expect(sami).toContain('Jeara giela');
    }, 120_000);
  });
});
