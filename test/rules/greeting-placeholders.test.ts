import { describe } from 'vitest';
import { FORMAT_11_UNIT, edit, finnishOnlyUnit } from '../fixtures/charters.js';
import { ruleTable } from './table.js';

const GREETING = 'greeting: { fi: "Testiyksikkö, hyvää päivää.", en: "Test Unit, good afternoon." }';

describe('greeting-placeholders', () => {
  ruleTable('greeting-placeholders', [
    { name: 'a greeting without a name', expected: [] },
    {
      name: 'a greeting with {name} in each language',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, {name}, hyvää päivää.", en: "Test Unit, {name} speaking, hello." }']],
      expected: [],
    },
    {
      name: 'a plain-string greeting with {name}, in a charter written in Finnish only',
      text: finnishOnlyUnit().replace('greeting: "Testiyksikkö, hyvää päivää."', 'greeting: "Testiyksikkö, {name}."'),
      expected: [],
    },
    {
      name: 'a greeting that names a contact',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, Liisa Esimerkki, hyvää päivää.", en: "Test Unit, {name} speaking, hello." }']],
      expected: [
        {
          severity: 'warning',
          at: '"Testiyksikkö, Liisa Esimerkki',
          message: /^the fi greeting names Liisa Esimerkki; write `\{name\}` instead, so that every official who answers says their own name$/,
        },
      ],
    },
    {
      name: 'a plain-string greeting that names a contact',
      text: finnishOnlyUnit().replace('greeting: "Testiyksikkö, hyvää päivää."', 'greeting: "Matti Meikäläinen, hello."'),
      expected: [{ severity: 'warning', at: '"Matti Meikäläinen, hello."', message: /^the greeting names Matti Meikäläinen; write `\{name\}`/ }],
    },
    {
      name: 'a name inside a longer word is not the person',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, {name}.", en: "Test Unit, {name}, not Liisa Esimerkkison." }']],
      expected: [],
    },
    {
      name: 'a greeting that says {name} may also name a contact (a team, say)',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, {name}; Liisa Esimerkki on tavattavissa huomenna.", en: "Test Unit, {name} speaking." }']],
      expected: [],
    },
    {
      name: 'a contact named with a translated text is not a person',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, vaihde.", en: "Test Unit, Switchboard." }']],
      expected: [],
    },
    {
      name: 'an unknown placeholder',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, {nimi}, hyvää päivää.", en: "Test Unit, {name} speaking, hello." }']],
      expected: [
        {
          at: '"Testiyksikkö, {nimi}',
          message: /^the fi greeting has an unknown placeholder `\{nimi\}`; the only one is `\{name\}`, where the official who answers says their own name$/,
        },
      ],
    },
    {
      name: 'braces around more than one word are text',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö { palvelemme }, hyvää päivää.", en: "Test Unit {a:b}, hello." }']],
      expected: [],
    },
    {
      name: 'a placeholder in the wrong case, and a fixed person beside it',
      edits: [[GREETING, 'greeting: { fi: "Testiyksikkö, {Name}.", en: "Test Unit, Liisa Esimerkki speaking." }']],
      expected: [
        { at: '"Testiyksikkö, {Name}."', message: /unknown placeholder `\{Name\}`/ },
        { severity: 'warning', at: '"Test Unit, Liisa Esimerkki speaking."', message: /^the en greeting names Liisa Esimerkki/ },
      ],
    },
    {
      name: 'the greeting of every phone line is checked',
      text: edit(
        FORMAT_11_UNIT,
        '    audience: [public]\n',
        '    audience: [public]\n    greeting: { fi: "Saamenkielinen palvelu, {nimi}.", en: "Sámi-language service, Matti Meikäläinen speaking." }\n',
      ),
      expected: [
        { at: '"Saamenkielinen palvelu, {nimi}."', message: /^the fi greeting has an unknown placeholder `\{nimi\}`/ },
        { severity: 'warning', at: '"Sámi-language service, Matti', message: /^the en greeting names Matti Meikäläinen/ },
      ],
    },
  ]);
});
