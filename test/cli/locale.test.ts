import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_DESCRIPTIONS } from '../../src/cli/rule-descriptions.js';
import { CATALOG_FILES } from '../../src/messages/catalog.js';
import { MESSAGE_LOCALES } from '../../src/messages/locale.js';
import { allRuleMeta } from '../../src/rules/index.js';
import { runCli, tempFolder, writeTree } from '../helpers.js';
import { VALID_UNIT } from '../fixtures/charters.js';

/** The three ways to ask for a language: the flag, and the environment. */
const ASKING = {
  fi: [
    { args: ['--locale', 'fi'], env: {} },
    { args: [], env: { LANG: 'fi_FI.UTF-8' } },
  ],
  sv: [
    { args: ['--locale', 'sv'], env: {} },
    { args: [], env: { LC_ALL: 'sv_FI.UTF-8' } },
  ],
} as const;

/** A usage error of each command, an unknown option, a bad --today, a missing charters folder, an InputError, an OutputFolderError. */
const CASES: readonly { name: string; argv: string[]; fi: string; sv: string; en: string; cwd?: () => string }[] = [
  {
    name: 'validate: a bad --max-warnings',
    argv: ['validate', '--max-warnings', 'many'],
    en: "option '--max-warnings <n>' argument 'many' is invalid: expected a whole number of 0 or more.",
    fi: "valitsimen '--max-warnings <n>' arvo 'many' ei kelpaa: anna kokonaisluku, joka on vähintään 0.",
    sv: "värdet 'many' för flaggan '--max-warnings <n>' är ogiltigt: ange ett heltal som är 0 eller större.",
  },
  {
    name: 'build: --as-of without --events',
    argv: ['build', '--as-of', '2026-11-30'],
    en: '--as-of needs --events: it says when the contact logs are measured',
    fi: '`--as-of` tarvitsee valitsimen `--events`: se kertoo, minkä hetken mukaan yhteydenottolokit mitataan',
    sv: '`--as-of` kräver `--events`: den anger vid vilken tidpunkt kontaktloggarna mäts',
  },
  {
    name: 'serve: --events from standard input',
    argv: ['serve', '--events', '-'],
    en: '--events -: charter serve reads the logs again on every rebuild; give log files, not standard input',
    fi: '`--events -`: `charter serve` lukee lokit uudelleen aina, kun sivusto rakennetaan uudelleen; anna lokitiedostot, ei vakiosyötettä',
    sv: '`--events -`: `charter serve` läser loggarna på nytt vid varje ombyggnad; ange loggfiler, inte standard in',
  },
  {
    name: 'cards: a --base-url that is no address',
    argv: ['cards', '--base-url', 'intranet'],
    en: "option '--base-url <url>' argument 'intranet' is invalid: expected a web address such as https://intranet.example.fi/charters/.",
    fi: "valitsimen '--base-url <url>' arvo 'intranet' ei kelpaa: anna verkko-osoite, esimerkiksi https://intranet.example.fi/charters/.",
    sv: "värdet 'intranet' för flaggan '--base-url <url>' är ogiltigt: ange en webbadress, till exempel https://intranet.example.fi/charters/.",
  },
  {
    name: 'cards: --copies out of range',
    argv: ['cards', '--copies', '101'],
    en: "option '--copies <n>' argument '101' is invalid: expected a whole number of copies from 1 to 100.",
    fi: "valitsimen '--copies <n>' arvo '101' ei kelpaa: anna kopioiden määrä kokonaislukuna väliltä 1–100.",
    sv: "värdet '101' för flaggan '--copies <n>' är ogiltigt: ange antalet kopior som ett heltal mellan 1 och 100.",
  },
  {
    name: 'rota: --charters that does not exist',
    argv: ['rota', '--charters', 'nowhere'],
    en: 'cannot read --charters nowhere: no such folder',
    fi: 'kansiota `--charters nowhere` ei voi lukea: kansiota ei ole',
    sv: 'det går inte att läsa `--charters nowhere`: mappen finns inte',
  },
  {
    name: 'report: no log given',
    argv: ['report'],
    en: "missing required argument 'logs'",
    fi: "pakollinen argumentti 'logs' puuttuu",
    sv: "det obligatoriska argumentet 'logs' saknas",
  },
  {
    name: 'schema: an argument too many',
    argv: ['schema', 'unit'],
    en: "too many arguments for 'schema'. Expected 0 arguments but got 1.",
    fi: "liikaa argumentteja komennolle 'schema': se hyväksyy 0 argumenttia, mutta niitä annettiin 1.",
    sv: "för många argument till 'schema': kommandot tar 0 argument, men fick 1.",
  },
  {
    name: 'an unknown option, with did-you-mean',
    argv: ['validate', '--formt', 'json'],
    en: "unknown option '--formt'; did you mean --format?",
    fi: "tuntematon valitsin '--formt'; tarkoititko --format?",
    sv: "okänd flagga '--formt'; menade du --format?",
  },
  {
    name: 'an unknown command, with did-you-mean',
    argv: ['valdate'],
    en: "unknown command 'valdate'; did you mean validate?",
    fi: "tuntematon komento 'valdate'; tarkoititko validate?",
    sv: "okänt kommando 'valdate'; menade du validate?",
  },
  {
    name: 'an option without its value',
    argv: ['validate', '--today'],
    en: "option '--today <date>' needs a value",
    fi: "valitsin '--today <date>' tarvitsee arvon",
    sv: "flaggan '--today <date>' behöver ett värde",
  },
  {
    name: 'a value that is not one of the choices',
    argv: ['rota', '--format', 'xml'],
    en: "option '-f, --format <name>' argument 'xml' is invalid; allowed choices are table, json, ics.",
    fi: "valitsimen '-f, --format <name>' arvo 'xml' ei kelpaa; sallitut arvot ovat table, json, ics.",
    sv: "värdet 'xml' för flaggan '-f, --format <name>' är ogiltigt; tillåtna värden är table, json, ics.",
  },
  {
    name: 'a bad --today',
    argv: ['validate', '--today', '2026-02-30'],
    en: "option '--today <date>' argument '2026-02-30' is invalid: expected a date such as 2026-11-23.",
    fi: "valitsimen '--today <date>' arvo '2026-02-30' ei kelpaa: anna päivämäärä, esimerkiksi 2026-11-23.",
    sv: "värdet '2026-02-30' för flaggan '--today <date>' är ogiltigt: ange ett datum, till exempel 2026-11-23.",
  },
  {
    name: 'a --today in a far-off year',
    argv: ['validate', '--today', '9999-12-20'],
    en: "option '--today <date>' argument '9999-12-20' is invalid: expected a date in the years 1970 to 2199.",
    fi: "valitsimen '--today <date>' arvo '9999-12-20' ei kelpaa: anna päivämäärä vuosilta 1970–2199.",
    sv: "värdet '9999-12-20' för flaggan '--today <date>' är ogiltigt: ange ett datum under åren 1970–2199.",
  },
  {
    name: 'no charters folder',
    argv: ['validate'],
    en: 'cannot read charters: no such file or folder',
    fi: 'kohdetta charters ei voi lukea: tiedostoa tai kansiota ei ole',
    sv: 'det går inte att läsa charters: filen eller mappen finns inte',
  },
  {
    name: 'an InputError: a glob that matches nothing',
    argv: ['validate', 'charters/*.yaml'],
    en: 'no charter files match charters/*.yaml',
    fi: 'mikään palvelulupaustiedosto ei vastaa hakua charters/*.yaml',
    sv: 'inga servicelöftesfiler matchar charters/*.yaml',
  },
  {
    name: 'an OutputFolderError: an --out folder charter did not make',
    argv: ['build', '--today', '2026-11-23', '--out', 'notes'],
    cwd: () => writeTree({ 'charters/unit.yaml': VALID_UNIT, 'notes/todo.txt': 'mine\n' }),
    en: 'refusing to replace notes: it is not empty and was not made by charter build; choose another --out or empty it yourself',
    fi: 'kansiota notes ei korvata: se ei ole tyhjä, eikä sitä ole luotu komennolla `charter build`; valitse toinen `--out` tai tyhjennä kansio itse',
    sv: 'notes ersätts inte: mappen är inte tom och har inte skapats av `charter build`; välj en annan `--out` eller töm mappen själv',
  },
];

describe('one-line errors in the user’s language', () => {
  for (const testCase of CASES) {
    it(`${testCase.name}: en, fi and sv, exit 2`, async () => {
      const cwd = testCase.cwd ? testCase.cwd() : tempFolder();
      expect(await runCli(testCase.argv, cwd)).toEqual({ code: 2, stdout: '', stderr: `charter: ${testCase.en}\n` });
      for (const locale of ['fi', 'sv'] as const) {
        for (const { args, env } of ASKING[locale]) {
          const result = await runCli([...testCase.argv, ...args], cwd, { ...env });
          expect(result, `${locale} ${JSON.stringify(env)}`).toEqual({ code: 2, stdout: '', stderr: `charter: ${testCase[locale]}\n` });
        }
      }
    });
  }

  it('takes --locale before the command too, and over the environment', async () => {
    const result = await runCli(['--locale', 'sv', 'validate', 'charters/*.yaml'], tempFolder(), { LANG: 'fi_FI.UTF-8' });
    expect(result.stderr).toBe('charter: inga servicelöftesfiler matchar charters/*.yaml\n');
  });

  it('keeps control characters of a quoted argument from the terminal, in every language', async () => {
    const result = await runCli(['validate', '--\u001b]0;owned\u0007', '--locale', 'fi'], tempFolder());
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("charter: tuntematon valitsin '--\\u001b]0;owned\\u0007'\n");
  });

  it('prints notes of the commands in the language asked for', async () => {
    const cwd = writeTree({ 'charters/_baseline.yaml': 'organisation: x\n' });
    const result = await runCli(['rota', '--locale', 'fi'], cwd);
    expect(result.stderr).toBe('charter: ei luetteloitavia yksikön palvelulupauksia (perustasoilla eli _*.yaml-tiedostoilla ei ole omia tarkistusvuoroja)\n');
  });
});

describe('charter rules', () => {
  it('has a description of every rule in every language', () => {
    for (const id of allRuleMeta().keys()) {
      const key = RULE_DESCRIPTIONS[id];
      expect(key, `cli.rule-description.${id}`).toBe(`cli.rule-description.${id}`);
      for (const locale of MESSAGE_LOCALES) expect(CATALOG_FILES[locale].cli?.[key ?? ''], `${locale}: ${id}`).toBeTypeOf('string');
    }
    expect(Object.keys(RULE_DESCRIPTIONS).sort()).toEqual([...allRuleMeta().keys()].sort());
  });

  it('lists the rules with their descriptions in the user’s language', async () => {
    const fi = await runCli(['rules', '--locale', 'fi'], tempFolder());
    expect(fi.code).toBe(0);
    expect(fi.stdout).toMatch(/^valid-date +error +Päivämäärät ovat todellisia kalenteripäiviä \(ei 30\. helmikuuta\)\.$/m);
    const sv = await runCli(['rules'], tempFolder(), { LANG: 'sv_FI.UTF-8' });
    expect(sv.stdout).toMatch(/^review-due +error +Ett servicelöfte eller en grundnivå vars granskningsdatum har passerats är ett fel/m);
    const en = await runCli(['rules'], tempFolder());
    expect(en.stdout.split('\n')).toHaveLength(allRuleMeta().size + 1);
    for (const rule of allRuleMeta().values()) expect(en.stdout).toContain(`  ${rule.description}`);
  });
});

describe('errors of the command line are messages', () => {
  /** Every .ts file under src/. */
  function sources(): { file: string; text: string }[] {
    return readdirSync('src', { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('generated'))
      .map((entry) => join(entry.parentPath, entry.name))
      .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  }

  it('throws no usage error with English text in place of a message', () => {
    const classes = ['UsageError', 'InputError', 'TemplateError', 'OutputFolderError', 'OutputFileError', 'ChromiumMissingError', 'MessageError'];
    const plain = new RegExp(`new (${classes.join('|')})\\(\\s*(['"\`]|[a-z][\\w.]*\\s*\\+)`, 'g');
    const found = sources().flatMap(({ file, text }) => [...text.matchAll(plain)].map((match) => `${file}: ${match[0]}`));
    expect(found).toEqual([]);
  });

  it('makes each of those classes a MessageError, so the command line can say it in every language', () => {
    const defined = sources().flatMap(({ file, text }) =>
      [...text.matchAll(/export class (UsageError|InputError|TemplateError|OutputFolderError|OutputFileError|ChromiumMissingError) extends (\w+)/g)].map(
        (match) => `${file}: ${match[1]} extends ${match[2]}`,
      ),
    );
    expect(defined).toHaveLength(6);
    for (const line of defined) expect(line).toMatch(/extends MessageError$/);
  });

  it('gives the option parsers their reasons as messages, not commander’s English-only errors', () => {
    const english = sources().filter(({ text }) => /new InvalidArgumentError\(/.test(text));
    expect(english.map(({ file }) => file)).toEqual([]);
  });
});
