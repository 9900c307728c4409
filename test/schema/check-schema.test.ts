import { describe, expect, it } from 'vitest';
import { diagnosticsFor, positionOf } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

async function schemaFindings(text: string): Promise<Diagnostic[]> {
  const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
  return diagnostics.filter((diagnostic) => diagnostic.ruleId === 'schema');
}

describe('schema diagnostics', () => {
  it('points an unknown key at the key and suggests the right one', async () => {
    const text = edit(VALID_UNIT, '  every: 12 months', '  evrey: 12 months');
    const found = await schemaFindings(text);
    expect(found.map((d) => d.message)).toEqual(['`review` is missing the required key `every`', 'unknown key `evrey` in `review`; did you mean `every`?']);
    expect(found[1]).toMatchObject(positionOf(text, 'evrey'));
    // The missing key points at its parent's key.
    expect(found[0]).toMatchObject(positionOf(text, 'review:'));
  });

  it('lists the allowed keys when no key is close', async () => {
    const found = await schemaFindings(edit(VALID_UNIT, '  letter:\n', '  fax:\n    number: "+358 9 1"\n  letter:\n'));
    expect(found[0]?.message).toBe(
      'unknown key `fax` in `channels`; expected one of: phone, email, letter, counter, eservice, chat, video, sms, relay, suomifiMessages, homeVisit',
    );
  });

  it('reports a missing top-level key at the top of the file', async () => {
    const text = edit(VALID_UNIT, 'owner: head\n', '');
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ message: 'the charter is missing the required key `owner`', line: 1, column: 1 });
  });

  it('explains a duration in words, at the value', async () => {
    const text = edit(VALID_UNIT, 'reply: { within: 2 working days', 'reply: { within: 2 workdays');
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      ...positionOf(text, '2 workdays'),
      message:
        '`channels.email.reply.within` must be a duration such as `30 seconds`, `4 working hours`, `2 working days`, `6 months`, `1 year`, `same working day` or `immediately` (found `2 workdays`)',
    });
  });

  it.each([
    ['target: 80%', 'target: 80', 'must be a percentage'],
    ['target: 80%', 'target: 120%', 'must be a percentage'],
    ['open: "08:00", close: "16:00" }', 'open: "8.00", close: "16:00" }', 'must be a time written HH:MM'],
    ['days: mon-fri', 'days: monday-friday', 'must be a day (mon, tue'],
    ['approved: 2026-09-01', 'approved: 1.9.2026', 'must be a date written YYYY-MM-DD'],
    ['id: test-unit', 'id: Test_Unit', 'must be lowercase letters'],
    ['email: liisa.esimerkki@example.fi', 'email: liisa.esimerkki', 'must be an email address'],
    ['url: https://www.example.fi/asiointi', 'url: "javascript:alert(1)"', 'must be a web address starting with https://'],
    ['phone: "+358 9 123 4000"', 'phone: "call me"', 'must be a telephone number'],
    ['charter: 1', 'charter: 2', 'must be 1 or 1.1: this tool reads charter formats 1 and 1.1'],
  ])('checks value types: %s → %s', async (from, to, message) => {
    const text = edit(VALID_UNIT, from, to);
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain(message);
    expect(found[0]?.line).toBe(positionOf(text, to).line);
  });

  it('reads a failed closed-day / other-hours union as its best branch', async () => {
    const text = edit(VALID_UNIT, '{ date: 2027-07-15, closed: true,', '{ date: 2027-07-15, closed: yes,');
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toBe(
      '`hours.exceptions[1].closed` must be true (leave it out and give `open` and `close` for a day with other hours) (found `yes`) (read as a closed day; it could also be a day with other hours)',
    );
    expect(found[0]).toMatchObject(positionOf(text, 'yes'));
  });

  it('reads an other-hours day missing its closing time as that branch', async () => {
    const text = edit(VALID_UNIT, 'open: "08:00", close: "12:00", note', 'open: "08:00", note');
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(
      /^`hours\.exceptions\[0\]` is missing the required key `close` \(read as a day with other hours; it could also be a closed day\)$/,
    );
  });

  it('gives one message for a limit that is neither a duration nor an amount', async () => {
    const text = edit(VALID_UNIT, 'limit: 14 days', 'limit: 14 päivää');
    const found = await schemaFindings(text);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toMatch(/^`authority\[0\]\.limit` must be a duration/);
  });

  it('suggests an enum value', async () => {
    const found = await schemaFindings(edit(VALID_UNIT, 'charge: local', 'charge: locla'));
    expect(found[0]?.message).toBe('`channels.phone.charge` must be one of: free, local, chargeable; did you mean `local`?');
  });

  it('names the expected type in words', async () => {
    const found = await schemaFindings(edit(VALID_UNIT, 'rota: [head, clerk]', 'rota: head'));
    expect(found[0]?.message).toBe('`review.rota` must be a list (found `head`)');
  });

  it('rejects a language key that is not a code', async () => {
    const found = await schemaFindings(edit(VALID_UNIT, 'name: { fi: Testiyksikkö, en: Test Unit }', 'name: { fi: Testiyksikkö, English: Test Unit }'));
    expect(found.map((d) => d.message)).toContain('`unit.name` language keys must be BCP 47 language tags such as fi, sv, en or se');
  });

  it('takes any BCP 47 tag as a written language and as a text key', async () => {
    const sami = edit(
      edit(VALID_UNIT, 'languages: [fi, en]', 'languages: [fi, en, smn, fse, pt-BR]'),
      'name: { fi: Testiyksikkö, en: Test Unit }',
      'name: { fi: Testiyksikkö, en: Test Unit, smn: Testâovdâdâh, fse: Testiyksikkö, pt-BR: Unidade }',
    );
    expect((await schemaFindings(sami)).map((d) => d.message)).toEqual([]);
  });

  it('refuses a language that is not a BCP 47 tag', async () => {
    for (const tag of ['sámi', 'FI', 'fi-a1', 'x']) {
      const found = await schemaFindings(edit(VALID_UNIT, 'languages: [fi, en]', `languages: [fi, en, "${tag}"]`));
      expect(found.map((d) => d.message)).toEqual([
        `\`languages[2]\` must be a BCP 47 language tag such as fi, fse (Finnish Sign Language), fss (Finland-Swedish Sign Language) or ru (found \`${tag}\`)`,
      ]);
    }
  });
});
