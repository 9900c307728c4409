import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { buildProgram } from '../../src/cli/run.js';
import type { MessageLocale } from '../../src/messages/locale.js';
import { runCli, tempFolder } from '../helpers.js';

/** The two ways to ask for a language: the flag, and the environment. */
const ASKING = {
  fi: [
    { how: '--locale fi', args: ['--locale', 'fi'], env: {} },
    { how: 'LANG=fi_FI.UTF-8', args: [], env: { LANG: 'fi_FI.UTF-8' } },
  ],
  sv: [
    { how: '--locale=sv', args: ['--locale=sv'], env: {} },
    { how: 'LC_ALL=sv_FI.UTF-8', args: [], env: { LC_ALL: 'sv_FI.UTF-8' } },
  ],
  en: [
    { how: '--locale en', args: ['--locale', 'en'], env: { LANG: 'fi_FI.UTF-8' } },
    { how: 'LANG=C', args: [], env: { LANG: 'C' } },
  ],
} as const;

/** What each help must say, written out here by hand: headings, descriptions, commander's words, and flags as typed. */
const EXPECTED: Readonly<Record<string, Readonly<Record<MessageLocale, readonly string[]>>>> = {
  '': {
    fi: [
      'Käyttö: charter [options] [command]',
      'Laadi, tarkista ja julkaise',
      'Valitsimet:',
      'Komennot:',
      '-v, --version',
      'näytä versio',
      '-h, --help',
      'näytä ohje',
      'help [command]',
      'näytä komennon ohje',
      'tarkista palvelulupaukset: YAML, skeema ja säännöt',
      '(vaihtoehdot: "fi", "sv",',
      'Esimerkkejä:',
      '$ charter validate charters/city-library.yaml   tarkista yksi tiedosto',
      'Paluuarvot: 0 ei ongelmia',
    ],
    sv: [
      'Användning: charter [options] [command]',
      'Skriv, kontrollera och publicera',
      'Flaggor:',
      'Kommandon:',
      '-v, --version',
      'visa versionen',
      'visa hjälpen för ett kommando',
      'kontrollera servicelöftena: YAML, schemat och reglerna',
      'Exempel:',
      '$ charter validate charters/city-library.yaml   kontrollera en fil',
      'Avslutningskoder: 0 inga problem',
    ],
    en: [
      'Usage: charter [options] [command]',
      'Write, check and publish customer-service charters (pocket guides) of public',
      'Options:',
      'Commands:',
      'print the version',
      'show help',
      'display help for command',
      'check charters: YAML, the charter schema and the rules',
      '(choices: "fi", "sv",',
      'Examples:',
      '$ charter validate charters/city-library.yaml   check one file',
      'Exit codes: 0 clean, 1 findings, 2 usage or fatal error.',
    ],
  },
  validate: {
    fi: [
      'Käyttö: charter validate [options] [paths...]',
      'tarkista palvelulupaukset: YAML, skeema ja säännöt',
      'Argumentit:',
      'tiedostot, kansiot tai hakumallit (oletus: charters/)',
      'Valitsimet:',
      '-f, --format <name>',
      'tulosteen muoto (vaihtoehdot: "stylish", "json", "sarif", "junit",',
      '"github", oletus: "stylish")',
      '--max-warnings <n>',
      '--check-cards [size]',
      '--no-color',
      'Esimerkkejä:',
      '$ charter validate "charters/**/*.yaml" --max-warnings 0',
    ],
    sv: [
      'Användning: charter validate [options] [paths...]',
      'kontrollera servicelöftena: YAML, schemat och reglerna',
      'Argument:',
      'filer, mappar eller sökmönster (standard: charters/)',
      'Flaggor:',
      '-f, --format <name>',
      'utdataformat (val: "stylish", "json", "sarif", "junit", "github",',
      'standard: "stylish")',
      '--max-warnings <n>',
      'Exempel:',
      '$ charter validate --format junit -o junit.xml',
    ],
    en: [
      'Usage: charter validate [options] [paths...]',
      'check charters: YAML, the charter schema and the rules',
      'Arguments:',
      'files, folders or globs (default: charters/)',
      'Options:',
      'output format (choices: "stylish", "json", "sarif", "junit", "github",',
      'default: "stylish")',
      'exit 1 when there are more warnings than this',
      'Examples:',
      'Each finding shows file:line:col, severity, message and rule id.',
    ],
  },
  report: {
    fi: [
      'Käyttö: charter report [options] <logs...>',
      'mittaa lupausten toteutuminen yhteydenottolokeista: pidämmekö lupauksemme?',
      'yhteydenottolokit: CSV otsikkorivillä tai JSON Lines',
      '--charters <folder>',
      'palvelulupauskansio (oletus: "charters")',
      '--min-contacts <count>',
      '(oletus: 10)',
      '--strict',
      'paluuarvo 1, jos yksikin rivi on virheellinen',
      '$ charter report export.csv --timezone Europe/Helsinki --map charter=Yksikkö,start=Saapunut,end=Vastattu',
      'Lokissa on sarakkeet charter,channel,commitment,start,end.',
    ],
    sv: [
      'Användning: charter report [options] <logs...>',
      'mät löftena mot kontaktloggarna: håller vi våra löften?',
      'servicelöftesmappen (standard: "charters")',
      '--strict',
      'avsluta med kod 1 om någon rad är felaktig',
      '$ charter report charters/sample-events.csv',
      'En logg har kolumnerna charter,channel,commitment,start,end;',
    ],
    en: [
      'Usage: charter report [options] <logs...>',
      'measure the commitments against contact logs: are we keeping our promises?',
      'the charters folder (default: "charters")',
      'exit 1 when any row is bad',
      'A log has the columns charter,channel,commitment,start,end; times carry an',
    ],
  },
};

function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Terminal control characters: everything below space but the newline, DEL, and the C1 range. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('--help in the language of messages', () => {
  for (const [command, byLocale] of Object.entries(EXPECTED)) {
    for (const [locale, expected] of Object.entries(byLocale) as [MessageLocale, readonly string[]][]) {
      for (const asking of ASKING[locale]) {
        it(`charter ${command ? `${command} ` : ''}--help, ${asking.how}`, async () => {
          const argv = [...asking.args, ...(command ? [command] : []), '--help'];
          const result = await runCli(argv, tempFolder(), asking.env);
          expect(result.code).toBe(0);
          expect(result.stderr).toBe('');
          expect(expected.length).toBeGreaterThan(0);
          // Wrapping depends on the words' lengths: compare with every run of spaces and line breaks as one space.
          for (const text of expected) expect(flat(result.stdout)).toContain(flat(text));
          expect(result.stdout).not.toMatch(CONTROL);
        });
      }
    }
  }

  it('takes --locale after the command too', async () => {
    const result = await runCli(['validate', '--help', '--locale', 'sv'], tempFolder(), { LANG: 'fi_FI.UTF-8' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Användning: charter validate [options] [paths...]');
  });

  it('says `charter help <command>` in the language too', async () => {
    const result = await runCli(['help', 'report'], tempFolder(), { LANG: 'fi_FI.UTF-8' });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Käyttö: charter report [options] <logs...>');
  });
});

/** The program as each language builds it; nothing runs. */
function programIn(locale: MessageLocale): Command {
  const io: CliIO = { stdout: () => undefined, stderr: () => undefined, cwd: tempFolder(), env: {}, stdoutIsTTY: false, locale };
  return buildProgram(
    io,
    () => undefined,
    () => undefined,
    { last: undefined },
  );
}

/** Every text a command's help is made of, by where it stands, for comparing languages. */
function helpTexts(command: Command): Map<string, string> {
  const help = command.createHelp();
  const texts = new Map<string, string>([[`${command.name()}: description`, command.description()]]);
  for (const argument of help.visibleArguments(command)) texts.set(`${command.name()} ${argument.name()}`, argument.description);
  for (const option of help.visibleOptions(command)) texts.set(`${command.name()} ${option.flags}`, option.description);
  for (const sub of help.visibleCommands(command)) texts.set(`${command.name()} → ${sub.name()}`, sub.description());
  return texts;
}

function allCommands(program: Command): Command[] {
  return [program, ...program.commands.flatMap((command) => allCommands(command))];
}

/** Texts that are the same words in every language. None today; a proper name would go here. */
const SAME_IN_EVERY_LANGUAGE = new Set<string>();

describe('every command of the program', () => {
  const english = allCommands(programIn('en'));

  it('has the same commands, arguments and flags in every language', () => {
    expect(english.length).toBeGreaterThan(10);
    for (const locale of ['fi', 'sv'] as const) {
      const translated = allCommands(programIn(locale));
      expect(translated.map((command) => command.name())).toEqual(english.map((command) => command.name()));
      translated.forEach((command, index) => {
        expect([...helpTexts(command).keys()]).toEqual([...helpTexts(english[index] as Command).keys()]);
      });
    }
  });

  for (const locale of ['fi', 'sv'] as const) {
    it(`describes everything in ${locale}, nothing left in English`, () => {
      const translated = allCommands(programIn(locale));
      let compared = 0;
      translated.forEach((command, index) => {
        const source = helpTexts(english[index] as Command);
        for (const [where, text] of helpTexts(command)) {
          const original = source.get(where) ?? '';
          expect(text, `${locale}: ${where}`).not.toBe('');
          if (!SAME_IN_EVERY_LANGUAGE.has(original)) expect(text, `${locale}: ${where} is still English`).not.toBe(original);
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(100);
    });

    it(`prints every command's help in ${locale}, with examples in ${locale} and no control characters`, async () => {
      const names = english.slice(1).map((command) => command.name());
      expect(names.length).toBeGreaterThan(10);
      for (const name of names) {
        const [own, source] = await Promise.all([runCli(['--locale', locale, name, '--help'], tempFolder()), runCli([name, '--help'], tempFolder())]);
        expect(own.code, name).toBe(0);
        expect(own.stdout, name).not.toMatch(CONTROL);
        expect(own.stdout, name).not.toMatch(/^(Usage|Options|Arguments|Commands|Examples):/m);
        // The flags are typed, so they stay as they are.
        const flags = [...source.stdout.matchAll(/^ {2}(-\S.*?)(?: {2,}|$)/gm)].map((match) => match[1] as string);
        for (const flag of flags) expect(own.stdout, `${name} ${flag}`).toContain(flag);
      }
    });
  }
});
