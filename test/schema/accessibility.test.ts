import { describe, expect, it } from 'vitest';
import { diagnosticsFor, positionOf } from '../helpers.js';
import { VALID_UNIT, edit } from '../fixtures/charters.js';

/** VALID_UNIT with an `accessibility` list (YAML lines, indented as list items) before its touchpoints. */
function withServices(lines: string): string {
  return edit(VALID_UNIT, 'touchpoints:\n', `accessibility:\n${lines}touchpoints:\n`);
}

async function findings(text: string): Promise<{ message: string; line: number; column: number }[]> {
  const diagnostics = await diagnosticsFor({ 'unit.yaml': text });
  return diagnostics.map(({ message, line, column }) => ({ message, line, column }));
}

describe('the accessibility key', () => {
  it('accepts every service, BCP 47 language tags and channel keys', async () => {
    const text = withServices(
      [
        '  - { service: sign-language, languages: [fse, fss], channels: [counter, phone] }',
        '  - { service: interpreting, languages: [ru, ar, so, pt-BR], how: { fi: Kerro ajanvarauksessa., en: Tell us when you book. } }',
        '  - { service: easy-language, languages: [fi] }',
        '  - { service: relay, channels: [phone] }',
        '  - { service: hearing-loop, note: { fi: Tiskillä 1., en: At desk 1. } }',
        '  - { service: large-print }',
        '  - { service: braille, channels: [letter] }',
        '  - { service: step-free-access, channels: [counter] }',
        '',
      ].join('\n'),
    );
    expect(await findings(text)).toEqual([]);
  });

  it('suggests the right service name', async () => {
    const text = withServices('  - { service: sign-langauge }\n');
    expect(await findings(text)).toEqual([
      {
        message:
          '`accessibility[0].service` must be one of: sign-language, interpreting, easy-language, relay, hearing-loop, large-print, braille, step-free-access; did you mean `sign-language`?',
        ...positionOf(text, 'sign-langauge'),
      },
    ]);
  });

  it('explains a language that is not a BCP 47 tag, at the value', async () => {
    const text = withServices('  - { service: sign-language, languages: [Finnish Sign Language] }\n');
    expect(await findings(text)).toEqual([
      {
        message:
          '`accessibility[0].languages[0]` must be a BCP 47 language tag such as fi, fse (Finnish Sign Language), fss (Finland-Swedish Sign Language) or ru (found `Finnish Sign Language`)',
        ...positionOf(text, 'Finnish Sign Language'),
      },
    ]);
  });

  it('refuses a channel that is not a key under `channels`, a missing service and an unknown key', async () => {
    const channel = withServices('  - { service: hearing-loop, channels: [desk] }\n');
    expect((await findings(channel))[0]).toEqual({
      message: '`accessibility[0].channels[0]` must be one of: phone, email, letter, counter, eservice, chat, video, sms, relay, suomifiMessages, homeVisit',
      ...positionOf(channel, 'desk'),
    });
    const missing = withServices('  - { languages: [fse] }\n');
    expect(await findings(missing)).toEqual([{ message: '`accessibility[0]` is missing the required key `service`', ...positionOf(missing, '{ languages') }]);
    const unknown = withServices('  - { service: braille, hwo: { fi: Pyydä., en: Ask. } }\n');
    expect((await findings(unknown))[0]).toEqual({ message: 'unknown key `hwo` in `accessibility[0]`; did you mean `how`?', ...positionOf(unknown, 'hwo') });
  });
});
