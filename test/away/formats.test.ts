import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { composeAway } from '../../src/away/compose.js';
import type { AwayData, AwayRequest } from '../../src/away/away-types.js';
import { formatIcs } from '../../src/away/formats/ics.js';
import { foldLine } from '../../src/util/icalendar-text.js';
import { formatGraph, graphSettings } from '../../src/away/formats/graph.js';
import { formatExchange, powershellQuote } from '../../src/away/formats/exchange.js';
import { formatJson } from '../../src/away/formats/json.js';
import { formatText } from '../../src/away/formats/text.js';
import { unpairedBidi } from '../../src/util/bidi.js';
import { FI_DATA } from './fixtures.js';

const REQUEST: AwayRequest = { from: '2026-12-21', until: '2027-01-05', substitute: { contactId: 'inspector-b' }, today: '2026-12-10' };

function compose(data: AwayData, request: AwayRequest) {
  return composeAway(data, request);
}

describe('ics', () => {
  it('is an all-day out-of-office event that a real iCalendar parser reads back', () => {
    const text = formatIcs(FI_DATA, REQUEST, compose(FI_DATA, REQUEST));
    expect(text).toMatch(/\r\n$/);
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event).not.toBeNull();
    const vevent = new ICAL.Event(event!);
    expect(vevent.startDate.isDate).toBe(true);
    expect(vevent.startDate.toString()).toBe('2026-12-21');
    expect(vevent.endDate.toString()).toBe('2027-01-06'); // exclusive: the day after until
    expect(event!.getFirstPropertyValue('x-microsoft-cdo-busystatus')).toBe('OOF');
    expect(event!.getFirstPropertyValue('transp')).toBe('OPAQUE');
    expect(vevent.description).toContain('Liisa Laine');
    expect(vevent.description).toContain('\n\n— — —\n\n');
    expect(vevent.uid).toMatch(/@charter$/);
    // The same request gives the same file.
    expect(formatIcs(FI_DATA, REQUEST, compose(FI_DATA, REQUEST))).toBe(text);
  });

  it('gives times in UTC when times are given, and escapes hostile text', () => {
    const request: AwayRequest = {
      from: '2026-12-21T12:00',
      until: '2026-12-22T15:30',
      substitute: { text: "Ann; O'Hara, 040\\1 ,\u001b[31m" },
      today: '2026-12-10',
    };
    const text = formatIcs(FI_DATA, request, compose(FI_DATA, request));
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text) as unknown[]).getFirstSubcomponent('vevent')!);
    expect(event.startDate.toICALString()).toBe('20261221T100000Z');
    expect(event.endDate.toICALString()).toBe('20261222T133000Z');
    expect(event.description).toContain("Ann; O'Hara, 040\\1 ,");
    expect(text).not.toContain('\u001b');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'ä'.repeat(50)}😀${'x'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
  });
});

describe('graph', () => {
  it('has the documented automaticRepliesSetting shape with the Windows zone of Helsinki', () => {
    const body = JSON.parse(formatGraph(FI_DATA, REQUEST, compose(FI_DATA, REQUEST))) as ReturnType<typeof graphSettings>;
    expect(Object.keys(body)).toEqual(['automaticRepliesSetting']);
    const setting = body.automaticRepliesSetting;
    expect(Object.keys(setting).sort()).toEqual(
      ['externalAudience', 'externalReplyMessage', 'internalReplyMessage', 'scheduledEndDateTime', 'scheduledStartDateTime', 'status'].sort(),
    );
    expect(setting.status).toBe('scheduled');
    expect(setting.externalAudience).toBe('all');
    expect(setting.scheduledStartDateTime).toEqual({ dateTime: '2026-12-21T00:00:00', timeZone: 'FLE Standard Time' });
    // The replies run until the official is back (Thursday 7.1.2027), not only to the end of until.
    expect(setting.scheduledEndDateTime).toEqual({ dateTime: '2027-01-07T00:00:00', timeZone: 'FLE Standard Time' });
    expect(setting.internalReplyMessage).toContain('<br><br>— — —<br><br>');
    expect(setting.internalReplyMessage).not.toBe(setting.externalReplyMessage);
  });

  it('falls back to UTC for a zone without a Windows name', () => {
    const data: AwayData = { ...FI_DATA, timeZone: 'Asia/Kolkata' };
    const setting = graphSettings(data, REQUEST, compose(data, REQUEST)).automaticRepliesSetting;
    expect(setting.scheduledStartDateTime).toEqual({ dateTime: '2026-12-20T18:30:00', timeZone: 'UTC' });
  });

  it('escapes HTML in the messages', () => {
    const request: AwayRequest = { ...REQUEST, substitute: { text: '<script>alert(1)</script> & co' } };
    const setting = graphSettings(FI_DATA, request, compose(FI_DATA, request)).automaticRepliesSetting;
    expect(setting.internalReplyMessage).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(setting.internalReplyMessage).not.toContain('<script>');
  });
});

/**
 * Reads a PowerShell command line the way PowerShell tokenizes single-quoted
 * strings: outside quotes, bare words split at spaces; inside, a doubled quote
 * mark (any of ' ‘ ’ ‚ ‛) is one literal quote and a single one ends the string.
 * Returns the arguments, and whether each was quoted.
 */
function readPowerShell(line: string): { value: string; quoted: boolean }[] {
  const QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);
  const args: { value: string; quoted: boolean }[] = [];
  let index = 0;
  while (index < line.length) {
    const char = line[index] as string;
    if (char === ' ') {
      index++;
      continue;
    }
    if (QUOTES.has(char)) {
      let value = '';
      index++;
      for (;;) {
        if (index >= line.length) throw new Error('unterminated string');
        const inner = line[index] as string;
        if (QUOTES.has(inner)) {
          if (QUOTES.has(line[index + 1] ?? '')) {
            value += inner;
            index += 2;
            continue;
          }
          index++;
          break;
        }
        value += inner;
        index++;
      }
      if (index < line.length && line[index] !== ' ') throw new Error(`text right after a quoted string at ${index}`);
      args.push({ value, quoted: true });
    } else {
      let value = '';
      while (index < line.length && line[index] !== ' ') {
        if (QUOTES.has(line[index] as string)) throw new Error(`a quote inside a bare word at ${index}`);
        value += line[index];
        index++;
      }
      args.push({ value, quoted: false });
    }
  }
  return args;
}

describe('exchange', () => {
  it('writes one Set-MailboxAutoReplyConfiguration line with the office offset', () => {
    const line = formatExchange(FI_DATA, REQUEST, compose(FI_DATA, REQUEST), 'liisa.laine@example.fi');
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    const args = readPowerShell(line.trimEnd());
    expect(args.filter((arg) => !arg.quoted).map((arg) => arg.value)).toEqual([
      'Set-MailboxAutoReplyConfiguration',
      '-Identity',
      '-AutoReplyState',
      'Scheduled',
      '-StartTime',
      '-EndTime',
      '-InternalMessage',
      '-ExternalMessage',
      '-ExternalAudience',
      'All',
    ]);
    const quoted = args.filter((arg) => arg.quoted).map((arg) => arg.value);
    expect(quoted.slice(0, 3)).toEqual(['liisa.laine@example.fi', '2026-12-21T00:00:00+02:00', '2027-01-07T00:00:00+02:00']);
  });

  it('keeps hostile names inside their quotes', () => {
    const hostile = "O'Brien ‘x’ ‚y‛ \"q\" $env:PATH `whoami` $(Remove-Item C:\\) ;& |\nnext line\r\n'; Remove-Mailbox -Identity x; '";
    const request: AwayRequest = { ...REQUEST, substitute: { text: hostile } };
    const data: AwayData = { ...FI_DATA, unitName: { fi: hostile, sv: hostile, en: hostile } };
    const line = formatExchange(data, request, compose(data, request), hostile).trimEnd();
    expect(line).not.toMatch(/[\r\n]/);
    const args = readPowerShell(line);
    // Nothing outside the quotes changed: the same bare words, in the same places.
    expect(args.map((arg) => (arg.quoted ? '<quoted>' : arg.value)).join(' ')).toBe(
      'Set-MailboxAutoReplyConfiguration -Identity <quoted> -AutoReplyState Scheduled -StartTime <quoted> -EndTime <quoted> -InternalMessage <quoted> -ExternalMessage <quoted> -ExternalAudience All',
    );
    const identity = args[2]?.value;
    expect(identity).toBe(hostile.replace(/[\r\n]/g, ' '));
    const internal = args[10]?.value ?? '';
    expect(internal).toContain("O'Brien ‘x’ ‚y‛ &quot;q&quot; $env:PATH `whoami` $(Remove-Item C:\\) ;&amp; | next line '; Remove-Mailbox");
  });

  it('doubles every kind of single quote', () => {
    expect(powershellQuote("a'b‘c’d‚e‛f")).toBe("'a''b‘‘c’’d‚‚e‛‛f'");
  });
});

describe('json and text', () => {
  it('carries the request and the result', () => {
    const result = compose(FI_DATA, REQUEST);
    const parsed = JSON.parse(formatJson(REQUEST, result)) as Record<string, unknown>;
    expect(parsed.request).toEqual(REQUEST);
    expect(parsed.backOn).toBe('2027-01-07');
    expect(parsed.notices).toHaveLength(2);
  });

  it('writes every language and no control characters', () => {
    const request: AwayRequest = { ...REQUEST, substitute: { text: 'Evil \u001b[2J\u009b31m name' } };
    const text = formatText(FI_DATA, request, compose(FI_DATA, request), 'fi');
    expect(text).toContain('Palaa töihin to 7.1.2027.');
    expect(text).toContain('Olen poissa 21.12.2026–5.1.2027');
    expect(text).toContain('Jag är frånvarande 21.12.2026–5.1.2027');
    expect(text).toContain('I am away from 21 December 2026 until 5 January 2027');
    expect(text).toContain('mailto:vaihde@example.fi?subject=');

    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('keeps a substitute’s bidi formatting inside it, and writes JSON that shows it as escapes', () => {
    // An override would make the number after it read backwards in every reply; an isolate left open, the words after the name.
    const request: AwayRequest = { ...REQUEST, substitute: { text: 'Ann \u202e040 123\u2066 Berg' } };
    const result = compose(FI_DATA, request);
    const text = formatText(FI_DATA, request, result, 'fi');
    expect(text).toContain('Ann 040 123\u2066 Berg\u2069');
    expect(text).not.toContain('\u202e');
    for (const line of text.split('\n')) expect(unpairedBidi(line), line).toEqual([]);
    const json = formatJson(request, result);
    expect(json).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(json).toContain('Ann \\u202e040 123\\u2066 Berg');
    expect((JSON.parse(json) as { request: AwayRequest }).request).toEqual(request);
  });
});
