import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { checkCharters } from '../../src/check.js';
import type { Charter } from '../../src/model/charter.js';
import { awayData } from '../../src/away/away-data.js';
import { composeAway } from '../../src/away/compose.js';

let units: readonly Charter[] = [];

beforeAll(async () => {
  const { charters } = await checkCharters({ cwd: fileURLToPath(new URL('../..', import.meta.url)), today: '2026-11-23' });
  units = charters;
});

function unit(id: string): Charter {
  const found = units.find((charter) => charter.id === id);
  if (!found) throw new Error(`no example charter ${id}`);
  return found;
}

describe('awayData', () => {
  it('lists the closed weekdays of the window from the Finnish calendar', () => {
    const data = awayData(unit('building-control'), { from: '2026-12-01', until: '2027-01-31' });
    expect(data.calendar.closed).toEqual(expect.arrayContaining(['2026-12-24', '2026-12-25', '2027-01-01', '2027-01-06']));
    expect(data.calendar.closed).not.toContain('2026-12-26'); // a Saturday: weekends are implied
    expect(data.languages).toEqual(['fi', 'sv', 'en']);
    expect(data.notify.map((contact) => contact.id)).toEqual(['switchboard', 'permit-secretary']);
    expect(data.outOfOffice?.fi).toContain('{substitute}');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('gives texts with every placeholder filled for each example charter', () => {
    for (const charter of units) {
      const data = awayData(charter, { from: '2026-11-01', until: '2028-12-31' });
      const substitute = data.contacts.at(-1);
      const result = composeAway(data, {
        from: '2026-12-21',
        until: '2027-01-05',
        today: '2026-12-01',
        ...(substitute === undefined ? {} : { substitute: { contactId: substitute.id } }),
      });
      expect(result.backOn, charter.id).toBe('2027-01-07');
      const texts = [
        result.autoReply.internal,
        result.autoReply.external,
        ...result.byLanguage.map((texts) => texts.voicemail),
        ...result.notices.flatMap((notice) => [notice.subject, notice.body]),
      ];
      for (const text of texts) expect(text).not.toMatch(/\{[a-z]*\}/);
    }
  });
});
