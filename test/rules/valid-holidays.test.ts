import { describe, expect, it } from 'vitest';
import { BASELINE, ruleTable } from './table.js';
import { EXTENDING_UNIT, FORMAT_11_UNIT, edit } from '../fixtures/charters.js';
import { diagnosticsFor } from '../helpers.js';
import { renderMessage } from '../../src/messages/message.js';

const calendar = (code: string): [string, string] => ['  holidays: FI\n', `  holidays: ${code}\n`];

describe('valid-holidays', () => {
  ruleTable('valid-holidays', [
    { name: 'the Finnish calendar', expected: [] },
    { name: 'a country', edits: [calendar('SE')], expected: [] },
    { name: 'a country and region', edits: [calendar('GB-ENG')], expected: [] },
    { name: 'an Australian state', edits: [calendar('AU-NSW')], expected: [] },
    { name: 'a region below a state', edits: [calendar('DE-BY-A')], expected: [] },
    {
      name: 'a region written as its name, with the code suggested',
      edits: [calendar('GB-ENGLAND')],
      expected: [
        {
          at: 'GB-ENGLAND',
          message:
            /^`GB-ENGLAND` is not a holiday calendar the tool knows; write a country code such as FI or SE, or a country and region such as GB-ENG or AU-NSW; did you mean `GB-ENG`\?$/,
        },
      ],
    },
    { name: 'a mistyped region code', edits: [calendar('AU-NWS')], expected: [{ at: 'AU-NWS', message: /did you mean `AU-NSW`\?$/ }] },
    {
      name: 'a country that does not exist, without a guess',
      edits: [calendar('XX')],
      expected: [
        {
          at: 'XX',
          message: /^`XX` is not a holiday calendar the tool knows; write a country code such as FI or SE, or a country and region such as GB-ENG or AU-NSW$/,
        },
      ],
    },
    {
      name: "a channel's own hours",
      edits: [
        [
          '    charge: local\n',
          '    charge: local\n    hours:\n      weekly:\n        - { days: mon-fri, open: "09:00", close: "15:00" }\n      holidays: GB-WALES\n',
        ],
      ],
      expected: [{ at: 'GB-WALES', message: /did you mean `GB-WLS`\?$/ }],
    },
    {
      name: 'inherited from a baseline: reported once, in the baseline',
      text: EXTENDING_UNIT,
      files: { '_base.yaml': edit(BASELINE, '  holidays: FI\n', '  holidays: GB-SCOTLAND\n') },
      expected: [{ file: 'charters/_base.yaml', message: /did you mean `GB-SCT`\?/ }],
    },
    {
      name: 'an unknown calendar on a chat line',
      text: edit(
        FORMAT_11_UNIT,
        '    url: https://www.example.fi/chat\n',
        '    url: https://www.example.fi/chat\n    hours: { weekly: [{ days: mon-fri, open: "08:00", close: "16:00" }], holidays: GB-ENGLAND }\n',
      ),
      expected: [{ at: 'GB-ENGLAND', message: /`GB-ENGLAND` is not a holiday calendar/ }],
    },
  ]);

  it('says it in Finnish and Swedish too', async () => {
    const text = edit(BASELINE, '  holidays: FI\n', '  holidays: GB-ENGLAND\n');
    const [finding] = (await diagnosticsFor({ 'unit.yaml': text }, { today: '2026-11-23' })).filter((diagnostic) => diagnostic.ruleId === 'valid-holidays');
    expect(finding?.text).toBeDefined();
    if (!finding?.text) return;
    expect(renderMessage(finding.text, 'fi')).toBe(
      '`GB-ENGLAND` ei ole tunnettu pyhäpäiväkalenteri; kirjoita maatunnus, kuten FI tai SE, tai maa ja alue, kuten GB-ENG tai AU-NSW; tarkoititko `GB-ENG`?',
    );
    expect(renderMessage(finding.text, 'sv')).toMatch(/^`GB-ENGLAND` är ingen känd helgdagskalender; .*menade du `GB-ENG`\?$/);
  });
});
