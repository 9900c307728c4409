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
