import { describe, expect, expectTypeOf, it } from 'vitest';
import { checkCharters } from '../../src/check.js';
import type { ResolvedCharter } from '../../src/load/resolved-charter.js';
import { CHANNEL_KINDS, type Charter, type ChannelKey, type Channels } from '../../src/model/charter.js';
import { normalizeCharter, type NormalizeResult } from '../../src/normalize/normalize-charter.js';
import { normalizeUnits } from '../../src/normalize/normalize-collection.js';
import type * as Document from '../../src/schema/generated/charter-document.js';
import { writeTree } from '../helpers.js';
import { BASELINE, EXTENDING_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';
import schema from '../../schema/charter.schema.json' with { type: 'json' };

async function resolvedCharters(files: Readonly<Record<string, string>>): Promise<ResolvedCharter[]> {
  const cwd = writeTree(Object.fromEntries(Object.entries(files).map(([path, text]) => [`charters/${path}`, text])));
  const { collection } = await checkCharters({ cwd, today: '2026-11-23' });
  return [...collection.charters];
}

async function normalized(text: string): Promise<NormalizeResult> {
  const [charter] = await resolvedCharters({ 'unit.yaml': text });
  if (!charter) throw new Error('the charter did not load');
  return normalizeCharter(charter);
}

async function charterOf(text: string): Promise<Charter> {
  const result = await normalized(text);
  if (!result.ok) throw new Error(`not normalized: ${result.unit.reason}`);
  return result.charter;
}

describe('normalizeCharter', () => {
  it('reads a valid unit into values: durations, targets, dates, hours and resolved contacts', async () => {
    const charter = await charterOf(VALID_UNIT);
    expect(charter.id).toBe('test-unit');
    expect(charter.file).toBe('charters/unit.yaml');
    expect(charter.languages).toEqual(['fi', 'en']);
    expect(charter.owner.id).toBe('head');
    expect(charter.owner.email).toBe('liisa.esimerkki@example.fi');
    expect(charter.review).toMatchObject({ approved: '2026-09-01', next: '2027-09-01', every: { amount: 12, unit: 'month', written: '12 months' } });
    expect(charter.review.rota.map((contact) => contact.id)).toEqual(['head', 'clerk']);
    expect(charter.channels.email[0]?.reply).toEqual([{ within: { amount: 2, unit: 'working day', written: '2 working days' }, target: 0.9, groups: [] }]);
    expect(charter.channels.email[0]?.acknowledge[0]?.target).toBe(1);
    expect(charter.channels.phone[0]?.charge).toBe('local');
    expect(charter.hours.weekly).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], daysWritten: 'mon-fri', open: { text: '08:00', minutes: 480 }, close: { text: '16:00', minutes: 960 } },
    ]);
    expect(charter.hours.exceptions.map((exception) => [exception.date, exception.closed])).toEqual([
      ['2026-12-23', false],
      ['2027-07-15', true],
    ]);
    expect(charter.hours).toMatchObject({ holidays: 'FI', timeZone: 'Europe/Helsinki' });
    expect(charter.absence?.notify.map((contact) => contact.id)).toEqual(['switchboard']);
    expect(charter.absence?.notice).toEqual({ amount: 1, unit: 'working day', written: '1 working day' });
    expect(charter.feedback?.escalateTo?.id).toBe('head');
    expect(charter.touchpoints[0]?.owner?.id).toBe('clerk');
    expect(charter.authority[0]?.limit).toEqual({ kind: 'duration', duration: { amount: 14, unit: 'day', written: '14 days' } });
    expect(charter.improvements[0]?.date).toBe('2026-05-04');
  });

  it('resolves a reference to the same contact object as the contact list holds', async () => {
    const charter = await charterOf(VALID_UNIT);
    expect(charter.owner).toBe(charter.contacts.find((contact) => contact.id === 'head'));
    expect(charter.review.rota[1]).toBe(charter.contacts.find((contact) => contact.id === 'clerk'));
  });

  it('leaves the resolved charter as it was, and builds the same model each time', async () => {
    const [resolved] = await resolvedCharters({ 'unit.yaml': VALID_UNIT });
    if (!resolved) throw new Error('the charter did not load');
    const before = JSON.stringify(resolved.data);
    const first = normalizeCharter(resolved);
    const second = normalizeCharter(resolved);
    expect(JSON.stringify(resolved.data)).toBe(before);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
  });

  it('applies defaults: the time zone, a target of 100%, empty lists, the unit hours for a channel without its own', async () => {
    const charter = await charterOf(VALID_UNIT);
    expect(charter.channels.eservice[0]?.reply[0]?.target).toBe(1);
    expect(charter.channels.phone[0]?.hours).toBe(charter.hours);
    expect(charter.channels.phone[0]?.ownHours).toBeUndefined();
    const bare = await charterOf(
      edit(edit(VALID_UNIT, VALID_UNIT.slice(VALID_UNIT.indexOf('absence:'), VALID_UNIT.indexOf('feedback:')), ''), '  rota: [head, clerk]\n', ''),
    );
    expect(bare.absence).toBeUndefined();
    expect(bare.review.rota).toEqual([]);
  });

  it("gives a channel with its own hours the unit's exceptions, its own winning on the same date", async () => {
    const ownHours = [
      '    hours:',
      '      weekly: [{ days: mon-thu, open: "09:00", close: "15:00" }]',
      '      exceptions: [{ date: 2026-12-23, closed: true }, { date: 2027-01-02, closed: true }]',
      '      timezone: Europe/Mariehamn',
      '    answer:',
    ].join('\n');
    const charter = await charterOf(edit(VALID_UNIT, '    answer:', ownHours));
    const [phone] = charter.channels.phone;
    expect(phone?.hours.weekly[0]?.days).toEqual(['mon', 'tue', 'wed', 'thu']);
    expect(phone?.hours.exceptions.map((exception) => [exception.date, exception.closed])).toEqual([
      ['2026-12-23', true],
      ['2027-01-02', true],
      ['2027-07-15', true],
    ]);
    expect(phone?.hours).toMatchObject({ timeZone: 'Europe/Mariehamn', holidays: 'FI' });
    expect(phone?.ownHours?.exceptions.map((exception) => exception.date)).toEqual(['2026-12-23', '2027-01-02']);
    expect(charter.hours.timeZone).toBe('Europe/Helsinki');
  });

  it('reads an amount limit', async () => {
    const charter = await charterOf(edit(VALID_UNIT, 'limit: 14 days', 'limit: 50 EUR'));
    expect(charter.authority[0]?.limit).toEqual({ kind: 'amount', amount: 50, currency: 'EUR', written: '50 EUR' });
  });

  it('takes the baseline merged in by the loader', async () => {
    const charters = await resolvedCharters({ '_base.yaml': BASELINE, 'small.yaml': EXTENDING_UNIT });
    const { charters: units, unnormalized } = normalizeUnits(charters);
    expect(unnormalized).toEqual([]);
    expect(units.map((unit) => unit.id)).toEqual(['small-unit']);
    const [unit] = units;
    expect(unit?.languages).toEqual(['fi', 'en']);
    expect(unit?.contacts.map((contact) => contact.id)).toEqual(['switchboard', 'head']);
    expect(unit?.channels.email[0]?.reply[0]?.within.written).toBe('3 working days');
    expect(unit?.feedback?.respond?.within.written).toBe('15 working days');
  });

  it('still normalizes a charter whose findings only judge it, such as an overdue review', async () => {
    const result = await normalized(edit(VALID_UNIT, 'next: 2027-09-01', 'next: 2026-10-01'));
    expect(result.ok).toBe(true);
  });

  describe('says why a unit cannot be normalized', () => {
    const cases: [name: string, text: string, reason: string][] = [
      ['a schema error', edit(VALID_UNIT, 'every: 12 months', 'every: often'), 'it does not match the charter schema'],
      [
        'an unknown contact',
        edit(VALID_UNIT, 'rota: [head, clerk]', 'rota: [head, ghost]'),
        '`review.rota` names `ghost`, which is not a contact id in `contacts`',
      ],
      ['an unknown owner', edit(VALID_UNIT, 'owner: head', 'owner: boss'), '`owner` names `boss`, which is not a contact id in `contacts`'],
      ['a date that does not exist', edit(VALID_UNIT, 'next: 2027-09-01', 'next: 2027-02-30'), '`review.next` 2027-02-30 is not a calendar date'],
      ['a backwards day range', edit(VALID_UNIT, 'days: mon-fri', 'days: fri-mon'), '`hours.weekly[0].days`: the range `fri-mon` runs backwards'],
      [
        'an unknown time zone',
        edit(VALID_UNIT, '  holidays: FI\n', '  holidays: FI\n  timezone: Europe/Helsinky\n'),
        '`hours.timezone` Europe/Helsinky is not a time zone',
      ],
      [
        'an unknown holiday calendar (date-holidays would quietly read it as GB)',
        edit(VALID_UNIT, '  holidays: FI\n', '  holidays: GB-ENGLAND\n'),
        '`hours.holidays` GB-ENGLAND is not a holiday calendar',
      ],
    ];
    for (const [name, text, reason] of cases) {
      it(name, async () => {
        const result = await normalized(text);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.unit.file).toBe('charters/unit.yaml');
          expect(result.unit.id).toBe('test-unit');
          expect(result.unit.reason).toContain(reason);
        }
      });
    }

    it('a unit whose baseline did not load, and a baseline', async () => {
      const broken = await resolvedCharters({ 'small.yaml': EXTENDING_UNIT });
      expect(normalizeUnits(broken).unnormalized).toEqual([{ file: 'charters/small.yaml', id: 'small-unit', reason: 'its baseline could not be loaded' }]);
      const [baseline] = await resolvedCharters({ '_base.yaml': BASELINE });
      expect(baseline && normalizeCharter(baseline)).toMatchObject({ ok: false, unit: { reason: expect.stringContaining('baseline') as string } });
      expect(normalizeUnits(baseline ? [baseline] : [])).toEqual({ charters: [], unnormalized: [] });
    });
  });

  it('models every section and channel the schema has (fails to compile when the schema gains one)', () => {
    type NotModelled = 'charter' | 'extends' | '$schema';
    expectTypeOf<Exclude<keyof Document.CharterDocument, keyof Charter | NotModelled>>().toEqualTypeOf<never>();
    expectTypeOf<keyof Channels>().toEqualTypeOf<ChannelKey>();
    expectTypeOf<Exclude<keyof Document.PhoneChannel, keyof Channels['phone'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.EmailChannel, keyof Channels['email'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.LetterChannel, keyof Channels['letter'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.CounterChannel, keyof Channels['counter'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.EServiceChannel, keyof Channels['eservice'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.ChatChannel, keyof Channels['chat'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.VideoChannel, keyof Channels['video'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.SmsChannel, keyof Channels['sms'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.RelayChannel, keyof Channels['relay'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.SuomifiMessagesChannel, keyof Channels['suomifiMessages'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.HomeVisitChannel, keyof Channels['homeVisit'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.Service, keyof Charter['services'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.ServicePromise, keyof Charter['services'][number]['promises'][number] | 'for'>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.ComplaintStage, keyof NonNullable<Charter['complaints']>['stages'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.ExternalBody, keyof NonNullable<Charter['complaints']>['external'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.CustomerGroup, keyof Charter['customerGroups'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.Contact, keyof Charter['contacts'][number]>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.ReviewSection, keyof Charter['review']>>().toEqualTypeOf<never>();
    expectTypeOf<Exclude<keyof Document.OfficeHours, keyof Charter['hours'] | 'timezone'>>().toEqualTypeOf<never>();
    // And at run time: the schema's sections are the generated document's, so each is a key the model types above were checked against.
    const sections = Object.keys(schema.properties).filter((key) => !['charter', 'extends', '$schema'].includes(key));
    expect(sections).toEqual(expect.arrayContaining(['unit', 'owner', 'review', 'hours', 'contacts', 'channels', 'absence', 'feedback']));
    expect(Object.keys(schema.properties.channels.properties).sort()).toEqual([...CHANNEL_KINDS].sort());
  });
});
