import { describe, expect, it } from 'vitest';
import { composeAway } from '../../src/away/compose.js';
import type { AwayData } from '../../src/away/away-types.js';
import { FI_DATA } from './fixtures.js';

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

describe('languages the kit has no words for', () => {
  it('writes the notices in the first language it knows, and keeps the charter order after fi and sv', () => {
    const data: AwayData = {
      ...FI_DATA,
      languages: ['se', 'en', 'fi'],
      outOfOffice: {
        se: 'Mun in leat bargguin {from}–{until}. {substitute}.',
        en: 'Away {from}–{until}. {substitute}.',
        fi: 'Poissa {from}–{until}. {substitute}.',
      },
    };
    const result = composeAway(data, { from: '2026-12-21', until: '2027-01-05', substitute: { contactId: 'inspector-b' }, today: '2026-12-10' });
    expect(result.notices[0]?.lang).toBe('en');
    expect(result.notices[0]?.subject).toBe('Absence 21 December 2026–5 January 2027');
    expect(result.byLanguage.map((texts) => texts.lang)).toEqual(['se', 'en', 'fi']);
    expect(result.autoReply.internal.split('\n\n— — —\n\n').map((text) => text.slice(0, 6))).toEqual(['Poissa', 'Mun in', 'Away 2']);
    expect(result.byLanguage[0]?.autoReplyInternal).not.toMatch(/[{}]/);
  });
});
