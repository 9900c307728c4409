import { describe, expect, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { Charter } from '../../src/model/charter.js';
import { awayData } from '../../src/away/away-data.js';
import { composeAway } from '../../src/away/compose.js';
import type { AwayRequest, AwayResult } from '../../src/away/away-types.js';
import { edit, VALID_UNIT } from '../fixtures/charters.js';
import { ENGLISH_COUNCIL } from '../fixtures/english-council.js';
import { writeTree } from '../helpers.js';

/** The normalized charter of a YAML text, written to a temporary charters folder. */
async function charterOf(yaml: string): Promise<Charter> {
  const cwd = writeTree({ 'charters/unit.yaml': yaml });
  const { charters, unnormalized } = await checkCharters({ cwd, today: '2026-11-23' });
  const charter = charters[0];
  if (!charter) throw new Error(`did not normalize: ${unnormalized[0]?.reason ?? 'no charter'}`);
  return charter;
}

async function away(yaml: string, request: Omit<AwayRequest, 'today' | 'substitute'> & Partial<AwayRequest>): Promise<AwayResult> {
  const data = awayData(await charterOf(yaml), { from: '2026-11-01', until: '2028-06-30' });
  return composeAway(data, { today: '2026-11-23', substitute: { contactId: 'clerk' }, ...request });
}

/** Every text a result holds, for the leftover-placeholder check. */
function allTexts(result: AwayResult): string[] {
  return [
    result.autoReply.internal,
    result.autoReply.external,
    ...result.byLanguage.flatMap((texts) => [texts.autoReplyInternal, texts.autoReplyExternal, texts.voicemail]),
    ...result.notices.flatMap((notice) => [notice.subject, notice.body, notice.mailto]),
    ...result.problems.flatMap((problem) => Object.values(problem.message)),
  ];
}

// VALID_UNIT: fi and en, FI holidays, closed on Thu 2027-07-15, notice 1 working day, substitute required.
describe('the day back, worked out by hand in the Finnish calendar', () => {
  it('skips Christmas Eve, Christmas Day and the weekend (until Wed 23.12.)', async () => {
    const result = await away(VALID_UNIT, { from: '2026-12-14', until: '2026-12-23' });
    expect(result.backOn).toBe('2026-12-28');
    expect(result.byLanguage[0]?.autoReplyInternal).toContain('Palaan töihin ma 28.12.2026.');
  });

  it('skips New Year and Epiphany: away over Christmas and New Year until Tue 5.1., back Thu 7.1.', async () => {
    const result = await away(VALID_UNIT, { from: '2026-12-21', until: '2027-01-05' });
    expect(result.backOn).toBe('2027-01-07');
    expect(result.byLanguage[0]?.autoReplyExternal).toBe(
      'Olen poissa 21.12.2026–5.1.2027. Kiireellisissä asioissa: Matti Meikäläinen (Testiyksikkö, puh. +358 9 123 4567, test@example.fi). Palaan töihin to 7.1.2027.',
    );
    expect(result.byLanguage[1]?.autoReplyExternal).toContain('I will be back on Thursday 7 January 2027.');
    // Until New Year's Eve (a working day in Finland, so an absence can end on it): 1.1. is a holiday, then the weekend.
    expect((await away(VALID_UNIT, { from: '2026-12-28', until: '2026-12-31' })).backOn).toBe('2027-01-04');
  });

  it('skips Midsummer Eve and Midsummer Day (until Thu 24.6.2027)', async () => {
    const result = await away(VALID_UNIT, { from: '2027-06-14', until: '2027-06-24' });
    expect(result.backOn).toBe('2027-06-28');
    expect(result.notices[0]?.body).toContain('palaan töihin ma 28.6.2027');
  });

  it('comes back on Monday after an absence that ends on a Friday', async () => {
    const result = await away(VALID_UNIT, { from: '2027-02-08', until: '2027-02-12' });
    expect(result.backOn).toBe('2027-02-15');
  });

  it('comes back after a closed exception day (until Wed 14.7.2027, closed Thu 15.7.)', async () => {
    const result = await away(VALID_UNIT, { from: '2027-07-05', until: '2027-07-14' });
    expect(result.backOn).toBe('2027-07-16');
    expect(result.byLanguage[1]?.autoReplyInternal).toContain('back on Friday 16 July 2027');
  });

  it('with times: the day back is still the next working day after the until date', async () => {
    const result = await away(VALID_UNIT, { from: '2027-02-08T12:00', until: '2027-02-10T12:00' });
    expect(result.backOn).toBe('2027-02-11');
    expect(result.byLanguage[0]?.autoReplyInternal).toContain('Olen poissa 8.2.2027 klo 12.00–10.2.2027 klo 12.00.');
    expect(result.byLanguage[1]?.autoReplyInternal).toContain('8 February 2027 at 12:00');
  });
});

describe('the notice', () => {
  const twoDays = edit(VALID_UNIT, 'notice: 1 working day', 'notice: 2 working days');

  it('refuses an absence that starts tomorrow when the notice is two working days', async () => {
    const result = await away(twoDays, { from: '2027-02-10', until: '2027-02-12', today: '2027-02-09' });
    expect(result.problems.map((problem) => problem.code)).toEqual(['late-notice']);
    expect(result.problems[0]?.message.fi).toBe('Ilmoitus tulee myöhässä: poissaolosta on ilmoitettava vähintään 2 työpäivää ennen sen alkua (10.2.2027).');
    expect(result.problems[0]?.message.sv).toContain('minst 2 arbetsdagar');
    expect(result.problems[0]?.message.en).toContain('at least 2 working days');
  });

  it('accepts it two working days ahead, and counts no weekend (Fri for Tue is two: Fri, Mon)', async () => {
    expect((await away(twoDays, { from: '2027-02-11', until: '2027-02-12', today: '2027-02-09' })).problems).toEqual([]);
    expect((await away(twoDays, { from: '2027-02-16', until: '2027-02-17', today: '2027-02-12' })).problems).toEqual([]);
    // Thursday for Monday: Thu, Fri; for Tuesday after a Monday holiday the holiday does not count.
    expect((await away(twoDays, { from: '2027-02-15', until: '2027-02-17', today: '2027-02-12' })).problems.map((p) => p.code)).toEqual(['late-notice']);
  });

  it('counts calendar days for a notice in days', async () => {
    const week = edit(VALID_UNIT, 'notice: 1 working day', 'notice: 1 week');
    expect((await away(week, { from: '2027-02-15', until: '2027-02-17', today: '2027-02-09' })).problems.map((p) => p.code)).toEqual(['late-notice']);
    expect((await away(week, { from: '2027-02-16', until: '2027-02-17', today: '2027-02-09' })).problems).toEqual([]);
  });
});

describe('a charter under another calendar (England)', () => {
  it('skips the Early May bank holiday, and not Midsummer Eve', async () => {
    const data = awayData(await charterOf(ENGLISH_COUNCIL), { from: '2026-11-01', until: '2028-06-30' });
    const may = composeAway(data, { from: '2027-04-26', until: '2027-04-30', today: '2027-04-01', substitute: { contactId: 'team-leader' } });
    expect(may.backOn).toBe('2027-05-04');
    expect(may.autoReply.internal).toBe(
      'I am out of the office from 26 April 2027 to 30 April 2027. For urgent matters please contact Daniel Okafor (Contact Centre Team Leader), daniel.okafor@ashworth.example.org. I will be back on Tuesday 4 May 2027.',
    );
    expect(may.byLanguage.map((texts) => texts.lang)).toEqual(['en']);
    const midsummer = composeAway(data, { from: '2027-06-21', until: '2027-06-24', today: '2027-06-01' });
    expect(midsummer.backOn).toBe('2027-06-25');
    // substitute: recommended, so none is fine; the contact centre's number stands in.
    expect(midsummer.problems).toEqual([]);
    expect(midsummer.autoReply.external).toContain('please contact Customer Contact Centre, tel. +44 1632 960400');
  });

  it('has no Epiphany: until Tuesday 5 January 2027, back on Wednesday 6 January', async () => {
    const data = awayData(await charterOf(ENGLISH_COUNCIL), { from: '2026-11-01', until: '2028-06-30' });
    expect(composeAway(data, { from: '2026-12-29', until: '2027-01-05', today: '2026-12-01' }).backOn).toBe('2027-01-06');
  });

  it('is not the Finnish calendar: the same dates in Finland come back on Monday 3 May', async () => {
    expect((await away(VALID_UNIT, { from: '2027-04-26', until: '2027-04-30' })).backOn).toBe('2027-05-03');
  });
});

describe('texts', () => {
  it('leaves no placeholder, even one the charter should not have', async () => {
    const odd = edit(VALID_UNIT, 'Kiireellisissä asioissa: {substitute}.', 'Kiireellisissä asioissa: {substitute}. {unknown} {} {from');
    const result = await away(odd, { from: '2026-12-21', until: '2027-01-05' });
    for (const text of allTexts(result)) expect(text).not.toMatch(/\{[a-zA-Z]*\}/);
  });

  it('gives a short voicemail script when the charter text is too long to speak in 30 seconds', async () => {
    const long = `Olen poissa {from}–{until}. ${'Tämä on pitkä lause, jota ei ehdi lukea. '.repeat(12)}Sijaiseni on {substitute}.`;
    const wordy = edit(VALID_UNIT, '"Olen poissa {from}–{until}. Kiireellisissä asioissa: {substitute}."', JSON.stringify(long));
    const result = await away(wordy, { from: '2026-12-21', until: '2027-01-05' });
    const fi = result.byLanguage[0];
    expect(fi?.voicemailTooLong).toBe(true);
    expect(fi?.voicemailWords).toBeLessThanOrEqual(75);
    expect(fi?.voicemail).toBe(
      'Hei! Olen poissa 21.12.2026–5.1.2027 ja palaan töihin to 7.1.2027. Sijaiseni on Matti Meikäläinen (Testiyksikkö, puh. +358 9 123 4567). Kiitos soitostasi.',
    );
    expect(result.byLanguage[1]?.voicemailTooLong).toBe(false);
  });

  it('notifies each contact of absence.notify, in order, switchboard first', async () => {
    const both = edit(VALID_UNIT, 'notify: [switchboard]', 'notify: [switchboard, head]');
    const result = await away(both, { from: '2026-12-21', until: '2027-01-05', name: "Ann O'Hara & <b>" });
    expect(result.notices.map((notice) => notice.contactId)).toEqual(['switchboard', 'head']);
    const head = result.notices[1];
    expect(head?.mailto.startsWith('mailto:liisa.esimerkki@example.fi?subject=')).toBe(true);
    const url = new URL(head?.mailto ?? '');
    expect(url.searchParams.get('subject')).toBe("Poissaolo 21.12.2026–5.1.2027: Ann O'Hara & <b>");
    expect(url.searchParams.get('body')).toBe(head?.body.replace(/\n/g, '\r\n'));
    const [beforeBody, body] = (head?.mailto ?? '').split('&body=');
    for (const part of [beforeBody, body]) expect(part).not.toMatch(/[ '"<>&()\n]/);
  });
});
