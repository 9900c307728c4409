import { describe, expect, it } from 'vitest';
import { LINE_PROMISES, placeKey, promisesOf, writtenPromisesOf } from '../../src/model/commitments.js';
import { CHANNEL_KINDS } from '../../src/model/charter.js';
import { normalizeUnits } from '../../src/normalize/normalize-collection.js';
import { checkCharters } from '../../src/check.js';
import { writeTree } from '../helpers.js';
import schema from '../../schema/charter.schema.json' with { type: 'json' };
import { FORMAT_11_UNIT, VALID_UNIT, edit } from '../fixtures/charters.js';

async function normalized(text: string) {
  const cwd = writeTree({ 'charters/unit.yaml': text });
  const { collection, results } = await checkCharters({ cwd, today: '2026-11-23' });
  const [charter] = normalizeUnits(collection.charters).charters;
  if (!charter) throw new Error('not normalized');
  return { charter, data: collection.charters[0]?.data ?? {}, findings: results.flatMap((result) => result.diagnostics) };
}

describe('the promises of a charter', () => {
  it('names, for every kind of line, promise keys its schema has', () => {
    const definitions = schema.definitions as Record<string, { properties?: Record<string, unknown> }>;
    const typeName: Record<string, string> = { eservice: 'EService', suomifiMessages: 'SuomifiMessages', homeVisit: 'HomeVisit' };
    for (const kind of CHANNEL_KINDS) {
      const name = typeName[kind] ?? kind[0]?.toUpperCase() + kind.slice(1);
      const properties = Object.keys(definitions[`${name}Channel`]?.properties ?? {});
      for (const key of LINE_PROMISES[kind]) expect(properties, `${kind}.${key}`).toContain(key);
    }
  });

  it('lists a format 1 charter’s promises in page order, with the hours each is counted in', async () => {
    const ownHours = '    hours: { weekly: [{ days: mon-thu, open: "09:00", close: "15:00" }] }\n    wait:';
    const letter =
      '    acknowledge: { within: same working day }\n' +
      '    reply:\n      within: 10 working days\n      target: 90%\n' +
      '      otherwise: { fi: "Jos vastaus viivästyy, kerromme syyn ja uuden ajan.", en: "If we are late, we tell you why and when." }\n';
    const unit = edit(edit(VALID_UNIT, '    wait:', ownHours), '    reply: { within: 10 working days, target: 90% }\n', letter);
    const { charter } = await normalized(unit);
    const promises = promisesOf(charter);
    expect(
      promises.map(({ place, measure, promise }) => [place.channel, place.commitment, measure, 'within' in promise ? promise.within.written : '']),
    ).toEqual([
      ['phone', 'answer', 'within', '30 seconds'],
      ['phone', 'callback', 'within', '1 working day'],
      ['email', 'acknowledge', 'within', '4 working hours'],
      ['email', 'reply', 'within', '2 working days'],
      ['letter', 'acknowledge', 'within', 'same working day'],
      ['letter', 'reply', 'within', '10 working days'],
      ['counter', 'wait', 'within', '15 minutes'],
      ['eservice', 'reply', 'within', '5 working days'],
      ['feedback', 'acknowledge', 'within', '1 working day'],
      ['feedback', 'respond', 'within', '10 working days'],
    ]);
    expect(promises.every((promise) => promise.place.line === undefined && promise.place.groups.length === 0)).toBe(true);
    expect(promises.map((promise) => promise.path.join('.'))).toContain('channels.letter.reply');
    const [letterLine] = charter.channels.letter;
    expect(letterLine?.reply[0]?.otherwise?.byLanguage.en).toEqual({ text: 'If we are late, we tell you why and when.', lang: 'en' });
    expect(letterLine?.acknowledge[0]?.within).toEqual({ amount: 0, unit: 'same working day', written: 'same working day' });
    expect(promises.find((promise) => promise.place.channel === 'counter')?.hours.weekly[0]?.daysWritten).toBe('mon-thu');
    expect(promises.find((promise) => promise.place.channel === 'email')?.hours).toBe(charter.hours);
  });

  it('reads format 1.1: lines, groups, services, averages, abandonment and complaint stages', async () => {
    const { charter, data, findings } = await normalized(FORMAT_11_UNIT);
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(charter.serviceLanguages).toEqual(['fi', 'sv', 'en', 'se']);
    expect(charter.channels.phone.map((line) => [line.id, line.number, line.serviceLanguages, line.audience.map((group) => group.id)])).toEqual([
      ['general', '+358 9 123 4567', [], []],
      ['sami', '+358 9 123 4599', ['se', 'smn', 'sms'], ['public']],
    ]);
    const [, sami] = charter.channels.phone;
    expect(sami?.hours.weekly[0]?.days).toEqual(['tue', 'thu']);
    expect(sami?.ptvId).toBe('0b6e2c1a-5d3f-4e8a-9c7b-1a2b3c4d5e6f');
    expect(sami?.answer[0]?.service?.id).toBe('benefit');
    expect(charter.services[0]?.promises.map((promise) => [promise.id, promise.within.written, promise.groups.map((group) => group.id)])).toEqual([
      ['decision', '7 working days', []],
      ['urgent-decision', 'same working day', ['public']],
    ]);
    expect(charter.complaints?.stages[0]?.escalateTo?.id).toBe('head');
    expect(charter.complaints?.external[0]).toMatchObject({ body: 'ombudsman', url: 'https://www.oikeusasiamies.fi' });

    const places = promisesOf(charter, data).map(({ measure, place, path }) => ({ measure, ...place, path: path.join('.') }));
    expect(places.slice(0, 6)).toEqual([
      { measure: 'within', channel: 'phone', line: 'general', commitment: 'answer', groups: [], path: 'channels.phone.0.answer.0' },
      { measure: 'within', channel: 'phone', line: 'general', commitment: 'answer', groups: ['businesses'], path: 'channels.phone.0.answer.1' },
      { measure: 'within', channel: 'phone', line: 'general', commitment: 'callback', groups: [], path: 'channels.phone.0.callback' },
      { measure: 'average', channel: 'phone', line: 'general', commitment: 'answer', groups: [], path: 'channels.phone.0.averageAnswer' },
      { measure: 'abandoned', channel: 'phone', line: 'general', commitment: 'answer', groups: [], path: 'channels.phone.0.abandoned' },
      { measure: 'within', channel: 'phone', line: 'sami', commitment: 'answer', groups: [], service: 'benefit', path: 'channels.phone.1.answer' },
    ]);
    expect(places.filter((place) => place.channel === 'complaints').map((place) => `${place.line}/${place.commitment}`)).toEqual([
      'review/acknowledge',
      'review/respond',
    ]);
    expect(places.filter((place) => place.channel === 'services').map((place) => [place.service, place.commitment, place.groups])).toEqual([
      ['benefit', 'decision', []],
      ['benefit', 'urgent-decision', ['public']],
    ]);
    // The same places, read from the data as written (the rules' view).
    const written = writtenPromisesOf(data).map(({ measure, place, path }) => ({ measure, ...place, path: path.join('.') }));
    expect(written.map((promise) => placeKey(promise.measure, promise))).toEqual(places.map((place) => placeKey(place.measure, place)));
    expect(written.map((promise) => promise.path)).toEqual(places.map((place) => place.path));
  });
});
