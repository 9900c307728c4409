import { describe, expect, it } from 'vitest';
import { composeAway } from '../../src/away/compose.js';
import type { AwayData } from '../../src/away/away-types.js';

/** A Finnish unit's data by hand: Christmas 2026 – Epiphany 2027 closed as the Finnish calendar has it. */
export const FI_DATA: AwayData = {
  charterId: 'building-control',
  languages: ['fi', 'sv', 'en'],
  unitName: { fi: 'Rakennusvalvonta', sv: 'Byggnadstillsyn', en: 'Building Control' },
  timeZone: 'Europe/Helsinki',
  calendar: {
    from: '2026-11-01',
    until: '2027-12-31',
    closed: ['2026-12-24', '2026-12-25', '2027-01-01', '2027-01-06', '2027-03-26', '2027-03-29', '2027-05-06', '2027-06-25', '2027-12-06', '2027-12-24'],
  },
  notice: { amount: 2, unit: 'working day', written: '2 working days' },
  substitute: 'required',
  outOfOffice: {
    fi: 'Olen poissa {from}–{until}. Sijaiseni on {substitute}.',
    sv: 'Jag är frånvarande {from}–{until}. Min ersättare är {substitute}.',
    en: 'I am away from {from} until {until}. My substitute is {substitute}.',
  },
  notify: [
    { id: 'switchboard', name: { fi: 'Vaihde', sv: 'Växeln', en: 'Switchboard' }, email: 'vaihde@example.fi' },
    { id: 'secretary', name: { fi: 'Lupasihteeri', sv: 'Lovsekreterare', en: 'Permit secretary' } },
  ],
  contacts: [
    { id: 'switchboard', name: { fi: 'Vaihde', sv: 'Växeln', en: 'Switchboard' }, email: 'vaihde@example.fi' },
    {
      id: 'inspector-b',
      name: { fi: 'Liisa Laine', sv: 'Liisa Laine', en: 'Liisa Laine' },
      role: { fi: 'rakennustarkastaja', sv: 'byggnadsinspektör', en: 'building inspector' },
      phone: '+358 9 123 4567',
      email: 'liisa.laine@example.fi',
    },
  ],
  general: { phone: '+358 9 123 4500', email: 'rakennusvalvonta@example.fi' },
};

describe('composeAway', () => {
  it('comes back after Christmas, New Year and Epiphany', () => {
    const result = composeAway(FI_DATA, {
      from: '2026-12-21',
      until: '2027-01-04',
      substitute: { contactId: 'inspector-b' },
      today: '2026-12-10',
    });
    // 5.1. is a Tuesday and a working day: back then. (Until 5.1. → back 7.1., Epiphany skipped.)
    expect(result.backOn).toBe('2027-01-05');
    expect(result.problems).toEqual([]);
    const over = composeAway(FI_DATA, { from: '2026-12-21', until: '2027-01-05', substitute: { contactId: 'inspector-b' }, today: '2026-12-10' });
    expect(over.backOn).toBe('2027-01-07');
    const [fi, sv, en] = over.byLanguage;
    expect(fi?.autoReplyInternal).toBe(
      'Olen poissa 21.12.2026–5.1.2027. Sijaiseni on Liisa Laine (rakennustarkastaja), puh. +358 9 123 4567, liisa.laine@example.fi. Palaan töihin to 7.1.2027.',
    );
    expect(fi?.autoReplyExternal).toBe(
      'Olen poissa 21.12.2026–5.1.2027. Sijaiseni on Liisa Laine (Rakennusvalvonta, puh. +358 9 123 4500, rakennusvalvonta@example.fi). Palaan töihin to 7.1.2027.',
    );
    expect(sv?.autoReplyExternal).toContain('Jag är tillbaka i tjänst torsdag 7.1.2027.');
    expect(en?.autoReplyExternal).toContain('I will be back on Thursday 7 January 2027.');
    expect(over.autoReply.differ).toBe(true);
    expect(over.autoReply.internal.indexOf('Olen poissa')).toBeLessThan(over.autoReply.internal.indexOf('Jag är'));
    for (const text of [over.autoReply.internal, over.autoReply.external, ...over.byLanguage.map((texts) => texts.voicemail)]) {
      expect(text).not.toMatch(/[{}]/);
    }
  });

  it('refuses an absence that starts tomorrow when the notice is two working days', () => {
    const result = composeAway(FI_DATA, { from: '2026-12-02', until: '2026-12-04', substitute: { contactId: 'inspector-b' }, today: '2026-12-01' });
    expect(result.problems.map((problem) => problem.code)).toEqual(['late-notice']);
    expect(result.problems[0]?.message.fi).toContain('vähintään 2 työpäivää');
  });

  it('reports a missing and an unknown substitute, and until before from', () => {
    expect(composeAway(FI_DATA, { from: '2026-12-21', until: '2026-12-22', today: '2026-12-01' }).problems.map((p) => p.code)).toEqual(['substitute-missing']);
    const result = composeAway(FI_DATA, { from: '2026-12-21', until: '2026-12-18', substitute: { contactId: 'nobody' }, today: '2026-12-01' });
    expect(result.problems.map((p) => p.code)).toEqual(['until-before-from', 'substitute-unknown']);
  });

  it('writes a notice per notify contact with a mailto link', () => {
    const result = composeAway(FI_DATA, { from: '2026-12-21', until: '2027-01-05', substitute: { text: 'Matti M, 040 123' }, today: '2026-12-01' });
    expect(result.notices.map((notice) => notice.contactId)).toEqual(['switchboard', 'secretary']);
    const [switchboard] = result.notices;
    expect(switchboard?.subject).toBe('Poissaolo 21.12.2026–5.1.2027');
    expect(switchboard?.body).toContain('palaan töihin to 7.1.2027');
    expect(switchboard?.mailto.startsWith('mailto:vaihde@example.fi?subject=Poissaolo%2021.12.2026%E2%80%935.1.2027&body=')).toBe(true);
  });
});
