import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempFolder } from '../helpers.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const TODAY = '2026-11-23';

interface JsonFileReport {
  readonly filePath: string;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly messages: readonly unknown[];
}

/** `charter init` into a new folder under a fresh working folder; returns both. */
async function init(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ cwd: string; folder: string; stdout: string; stderr: string; code: number }> {
  const cwd = tempFolder();
  const result = await runCli(['init', 'repo', '--today', TODAY, ...args], cwd, env);
  return { cwd, folder: join(cwd, 'repo'), ...result };
}

/** Every file under a folder, as paths relative to it with `/`. */
function filesUnder(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}

/** Validates the folder's charters in-process: the exit code and every finding (JSON format). */
async function validate(folder: string): Promise<{ code: number; reports: JsonFileReport[] }> {
  const result = await runCli(['validate', '--today', TODAY, '--format', 'json'], folder);
  return { code: result.code, reports: JSON.parse(result.stdout) as JsonFileReport[] };
}

interface WorkflowStep {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}

/** `charter ...` commands of a shell script, one argument list each (only `npx charter` lines). */
function charterCommands(script: string): string[][] {
  return script
    .split('\n')
    .map((line) => /npx charter (.*?)(?:\s*\|\|.*)?$/.exec(line.trim())?.[1])
    .filter((command): command is string => command !== undefined)
    .map((command) => command.split(/\s+/));
}

const CASES = [
  { languages: 'fi,sv', first: 'fi', comment: '# Organisaation yhteinen perustaso', unitId: 'asiakaspalvelu' },
  { languages: 'sv,fi', first: 'sv', comment: '# Organisationens gemensamma grundnivå', unitId: 'kundtjanst' },
  { languages: 'fi,sv,en', first: 'fi', comment: '# Organisaation yhteinen perustaso', unitId: 'asiakaspalvelu' },
  { languages: 'en', first: 'en', comment: "# The organisation's shared baseline", unitId: 'customer-service' },
  // Languages the templates have no wording in: the texts of the first that has (else English), marked for translation.
  { languages: 'se,fi', first: 'se', comment: '# Organisaation yhteinen perustaso', unitId: 'asiakaspalvelu' },
  { languages: 'smn', first: 'smn', comment: "# The organisation's shared baseline", unitId: 'customer-service' },
] as const;

describe('charter init', () => {
  for (const { languages, first, comment, unitId } of CASES) {
    it(`writes ${languages} charters that validate with no finding at all`, async () => {
      const { folder, code, stdout, stderr } = await init(['--languages', languages]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(filesUnder(folder)).toEqual(
        ['.gitignore', '.vscode/extensions.json', '.vscode/settings.json', 'README.md', 'charters/_organisation.yaml', `charters/${unitId}.yaml`].sort(),
      );
      expect(stdout).toContain(`repo/charters/${unitId}.yaml\n`);

      const { code: validateCode, reports } = await validate(folder);
      expect(reports.map((report) => report.filePath).sort()).toEqual(['charters/_organisation.yaml', `charters/${unitId}.yaml`]);
      expect(reports.flatMap((report) => report.messages)).toEqual([]);
      expect(validateCode).toBe(0);

      const baseline = readFileSync(join(folder, 'charters/_organisation.yaml'), 'utf8');
      const unit = readFileSync(join(folder, `charters/${unitId}.yaml`), 'utf8');
      expect(baseline.split('\n')[1]?.startsWith(comment)).toBe(true);
      const wanted = languages.split(',');
      for (const text of [baseline, unit]) {
        const data = parse(text) as { languages: string[]; unit: { name: Record<string, string> }; channels: Record<string, unknown> };
        expect(data.languages).toEqual(wanted);
        expect(Object.keys(data.unit.name)).toEqual(wanted);
        // One example of every promise kind.
        expect(Object.keys(data.channels).sort()).toEqual(['counter', 'email', 'eservice', 'letter', 'phone']);
      }
      expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain(`charters/${unitId}.yaml`);
      expect(first).toBe(wanted[0]);
    });
  }

  for (const [language, unitId] of [
    ['fi', 'asiakaspalvelu'],
    ['sv', 'kundtjanst'],
    ['en', 'customer-service'],
  ] as const) {
    it(`shows accessibility services as a commented example that validates when uncommented (${language})`, async () => {
      const { folder, code } = await init(['--languages', language]);
      expect(code).toBe(0);
      const file = join(folder, `charters/${unitId}.yaml`);
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('\n# accessibility:\n');
      expect(start).toBeGreaterThan(-1);
      const end = text.indexOf('\n\n', start + 1);
      const example = text.slice(start + 1, end).replace(/^# ?/gm, '');
      writeFileSync(file, `${text.slice(0, start + 1)}${example}${text.slice(end)}`);
      const { code: validateCode, reports } = await validate(folder);
      expect(reports.flatMap((report) => report.messages)).toEqual([]);
      expect(validateCode).toBe(0);
      const data = parse(readFileSync(file, 'utf8')) as { accessibility: { service: string; languages?: string[] }[] };
      expect(data.accessibility.map((entry) => entry.service)).toEqual(['sign-language', 'hearing-loop']);
      expect(data.accessibility[0]?.languages).toEqual(['fse', 'fss']);
    });
  }

  for (const [language, unitId] of [
    ['fi', 'asiakaspalvelu'],
    ['sv', 'kundtjanst'],
    ['en', 'customer-service'],
  ] as const) {
    it(`shows phone lines, services and complaints (format 1.1) as commented examples that validate when uncommented (${language})`, async () => {
      const { folder, code } = await init(['--languages', language]);
      expect(code).toBe(0);
      const file = join(folder, `charters/${unitId}.yaml`);
      let text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^charter: 1\.1$/m);
      const uncomment = (from: string, until: string): void => {
        const start = text.indexOf(`\n${from}`);
        expect(start, from).toBeGreaterThan(-1);
        const end = text.indexOf(until, start + 1);
        text = `${text.slice(0, start + 1)}${text.slice(start + 1, end).replace(/^# ?/gm, '')}${text.slice(end)}`;
      };
      uncomment('# services:', '\n\n');
      uncomment('# complaints:', '\n\n');
      // The lines example replaces the unit's one phone line: its channels become the example's phone lines and the rest.
      const phoneStart = text.indexOf('\n  phone:\n');
      const phoneEnd = text.indexOf('\n  # ', phoneStart + 1);
      text = text.slice(0, phoneStart + 1) + text.slice(phoneEnd + 1);
      const linesStart = text.indexOf('\n# customerGroups:');
      const linesEnd = text.indexOf('\n# ', text.indexOf('answer: { within: 1 minute', linesStart));
      const lines = text.slice(linesStart + 1, linesEnd + 1).replace(/^# ?/gm, '');
      text = text.slice(0, linesStart + 1) + text.slice(linesEnd + 1);
      text = text.replace('\nchannels:\n', `\n${lines.replace(/^channels:\n/m, 'channels:\n')}`);
      writeFileSync(file, text);
      const { code: validateCode, reports } = await validate(folder);
      expect(reports.flatMap((report) => report.messages)).toEqual([]);
      expect(validateCode).toBe(0);
      const data = parse(readFileSync(file, 'utf8')) as {
        channels: { phone: { id: string }[]; email: unknown };
        services: { id: string }[];
        complaints: { stages: unknown[]; external: unknown[] };
      };
      expect(data.channels.phone).toHaveLength(2);
      expect(data.channels.email).toBeDefined();
      expect(data.services).toHaveLength(1);
      expect(data.complaints.stages).toHaveLength(1);
      expect(data.complaints.external).toHaveLength(1);
    });
  }

  it('fills in the organisation and unit names for every language, and makes the id from the unit', async () => {
    const { folder, code } = await init(['--languages', 'fi,sv,en', '--organisation', 'Esimerkkilän kaupunki', '--unit', 'Ympäristö- ja rakennusvalvonta']);
    expect(code).toBe(0);
    const data = parse(readFileSync(join(folder, 'charters/ymparisto-ja-rakennusvalvonta.yaml'), 'utf8')) as {
      id: string;
      unit: { name: Record<string, string>; organisation: Record<string, string> };
    };
    expect(data.id).toBe('ymparisto-ja-rakennusvalvonta');
    expect(data.unit.name).toEqual({ fi: 'Ympäristö- ja rakennusvalvonta', sv: 'Ympäristö- ja rakennusvalvonta', en: 'Ympäristö- ja rakennusvalvonta' });
    expect(data.unit.organisation).toEqual({ fi: 'Esimerkkilän kaupunki', sv: 'Esimerkkilän kaupunki', en: 'Esimerkkilän kaupunki' });
  });

  it('keeps hostile names valid YAML that reads back as the same text', async () => {
    // `{ d }` with spaces: braces around a word would be a placeholder in the greetings the name goes into.
    const organisation = `Kaupunki: "A" # B 'c' { d } [e] & *f | >g ä`;
    const unit = `- Tekninen: lautakunta #2 "x" å`;
    const { folder, code } = await init(['--languages', 'fi,sv', '--organisation', organisation, '--unit', unit]);
    expect(code).toBe(0);
    const file = join(folder, 'charters/tekninen-lautakunta-2-x-a.yaml');
    const data = parse(readFileSync(file, 'utf8')) as {
      unit: { name: Record<string, string>; organisation: Record<string, string> };
      channels: { phone: { greeting: Record<string, string> } };
    };
    expect(data.unit.name).toEqual({ fi: unit, sv: unit });
    expect(data.unit.organisation).toEqual({ fi: organisation, sv: organisation });
    expect(data.channels.phone.greeting.fi).toBe(`${unit}, {name}, hyvää päivää.`);
    const baseline = parse(readFileSync(join(folder, 'charters/_organisation.yaml'), 'utf8')) as { unit: { name: Record<string, string> } };
    expect(baseline.unit.name.sv).toBe(organisation);
    const { code: validateCode, reports } = await validate(folder);
    expect(reports.flatMap((report) => report.messages)).toEqual([]);
    expect(validateCode).toBe(0);
  });

  it('refuses names with line breaks or control characters, and empty ones', async () => {
    for (const name of ['Kaupunki\nrivi', 'Kaupunki\u001b[31m', '   ']) {
      const { folder, code, stderr } = await init(['--organisation', name]);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^charter: `--organisation` (holds a line break or an invisible control character|is empty)/);
      expect(existsSync(folder)).toBe(false);
    }
  });

  it('refuses a name whose bidi formatting would not pair, which the charters would fail validate for', async () => {
    for (const [option, name] of [
      ['--unit', 'Kirjasto\u2067x'],
      ['--unit', 'Kirjasto\u202ex'],
      ['--organisation', 'Kaupunki\u2069'],
      ['--organisation', '\u202bKaupunki'],
    ]) {
      const { folder, code, stderr } = await init([option as string, name as string]);
      expect(code, name).toBe(2);
      expect(stderr, name).toBe(`charter: \`${option}\` holds a line break or an invisible control character; give the name as one line of plain text\n`);
      expect(existsSync(folder), name).toBe(false);
    }
    // A paired isolate is a valid text: an Arabic name inside a Finnish one.
    const { folder, code } = await init(['--unit', 'Kirjasto \u2067المكتبة\u2069']);
    expect(code).toBe(0);
    const { code: validateCode, reports } = await validate(folder);
    expect(reports.flatMap((report) => report.messages)).toEqual([]);
    expect(validateCode).toBe(0);
  });

  it('writes a Sámi text in the templates’ language, marked for translation, and the Sámi page’s address', async () => {
    const { folder, code } = await init(['--languages', 'SE,fi']);
    expect(code).toBe(0);
    const unit = readFileSync(join(folder, 'charters/asiakaspalvelu.yaml'), 'utf8');
    expect(unit).toContain('languages: [se, fi]');
    expect(unit).toContain('sivun osoite (/se/asiakaspalvelu/)');
    expect(unit).toContain('    se: Asiakaspalvelu # TODO – pohjoissaame (se): käännä tämä teksti\n    fi: Asiakaspalvelu\n');
  });

  it('refuses what is not a language tag, and a language given twice', async () => {
    const unknown = await init(['--languages', 'fi,sámi']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'charter: `--languages`: `sámi` is not a BCP 47 language tag; for example `--languages fi,sv` or `--languages se,fi` (Northern Sámi and Finnish)\n',
    );
    const twice = await init(['--languages', 'fi,sv,FI']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('charter: `--languages`: `fi` is given twice\n');
    expect(existsSync(twice.folder)).toBe(false);
  });

  it('speaks the user’s language', async () => {
    const finnish = await init([], { LANG: 'fi_FI.UTF-8' });
    expect(finnish.code).toBe(0);
    expect(finnish.stdout).toMatch(/^Kirjoitettiin 6 tiedostoa:\n/);
    expect(finnish.stdout).toContain('Seuraavaksi:\n');
    const swedish = await init(['--locale', 'sv']);
    expect(swedish.stdout).toMatch(/^Skrev 6 filer:\n/);
  });

  it('never overwrites: it names every file in the way, exits 2 and writes nothing', async () => {
    const cwd = tempFolder();
    mkdirSync(join(cwd, 'repo'));
    writeFileSync(join(cwd, 'repo', 'README.md'), 'our own readme\n');
    writeFileSync(join(cwd, 'repo', '.gitignore'), 'dist/\n');
    const result = await runCli(['init', 'repo', '--today', TODAY], cwd);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'charter: 2 files exist already, so nothing was written. Move them away, or run again with `--force` to overwrite them:\n  repo/.gitignore\n  repo/README.md\n',
    );
    expect(filesUnder(join(cwd, 'repo'))).toEqual(['.gitignore', 'README.md']);
    expect(readFileSync(join(cwd, 'repo', 'README.md'), 'utf8')).toBe('our own readme\n');
  });

  it('names the files as typed from the current folder, one line each, when run a second time', async () => {
    const { folder, code } = await init([]);
    expect(code).toBe(0);
    writeFileSync(join(folder, 'charters/_organisation.yaml'), 'charter: 1\n');
    const again = await runCli(['init', '--today', TODAY], folder);
    expect(again.code).toBe(2);
    expect(again.stderr.split('\n').slice(1, -1)).toEqual([
      '  charters/_organisation.yaml',
      '  charters/asiakaspalvelu.yaml',
      '  .vscode/settings.json',
      '  .vscode/extensions.json',
      '  .gitignore',
      '  README.md',
    ]);
    expect(readFileSync(join(folder, 'charters/_organisation.yaml'), 'utf8')).toBe('charter: 1\n');
  });

  it('overwrites with --force', async () => {
    const { folder } = await init([]);
    writeFileSync(join(folder, 'charters/_organisation.yaml'), 'charter: 1\n');
    const again = await runCli(['init', '--today', TODAY, '--force'], folder);
    expect(again.code).toBe(0);
    expect(readFileSync(join(folder, 'charters/_organisation.yaml'), 'utf8')).toContain('# Organisaation yhteinen perustaso');
  });

  it('refuses a folder argument that is a file', async () => {
    const cwd = tempFolder();
    writeFileSync(join(cwd, 'notes.txt'), 'x');
    const result = await runCli(['init', 'notes.txt'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('charter: `notes.txt` is a file, not a folder: give the folder to set up the charter repository in\n');
  });

  it('never writes through a symbolic link, even with --force', async () => {
    const cwd = tempFolder();
    const outside = tempFolder();
    mkdirSync(join(cwd, 'repo'));
    symlinkSync(outside, join(cwd, 'repo', 'charters'));
    const result = await runCli(['init', 'repo', '--force'], cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('`repo/charters` is a symbolic link');
    expect(readdirSync(outside)).toEqual([]);
    expect(filesUnder(join(cwd, 'repo'))).toEqual(['charters']);
  });

  it('installs an executable pre-commit hook in a git repository with --hook', async () => {
    const cwd = tempFolder();
    const git = spawnSync('git', ['init', '-q', 'repo'], { cwd, encoding: 'utf8' });
    expect(git.status).toBe(0);
    const result = await runCli(['init', 'repo', '--hook', '--today', TODAY], cwd);
    expect(result.code).toBe(0);
    const hook = join(cwd, 'repo', '.git', 'hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toMatch(/^#!\/bin\/sh\n(#.*\n)*exec npx --no-install charter validate\n$/);
    expect(statSync(hook).mode & 0o111).toBe(0o111);
    expect(result.stdout).toContain('  repo/.git/hooks/pre-commit\n');
    expect(result.stdout).toContain('The git pre-commit hook `.git/hooks/pre-commit` runs `npx charter validate` before every commit');
  });

  it('says so when --hook is asked for outside a git repository, and writes the rest', async () => {
    const { folder, code, stdout } = await init(['--hook']);
    expect(code).toBe(0);
    expect(stdout).toContain('No pre-commit hook was installed: `repo` is not a git repository');
    expect(existsSync(join(folder, '.git'))).toBe(false);
    expect(existsSync(join(folder, 'charters/_organisation.yaml'))).toBe(true);
  });

  it('points the editor at the schema as installed in node_modules', async () => {
    const { folder } = await init(['--languages', 'sv,fi']);
    // An installed project: node_modules/<package> is the package folder.
    const name = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(repoRoot, join(folder, 'node_modules', name));
    const schemas = { '_organisation.yaml': 'charter-baseline.schema.json', 'kundtjanst.yaml': 'charter.schema.json' };
    for (const [file, schema] of Object.entries(schemas)) {
      const firstLine = readFileSync(join(folder, 'charters', file), 'utf8').split('\n')[0] ?? '';
      const path = /^# yaml-language-server: \$schema=(.+)$/.exec(firstLine)?.[1] ?? '';
      expect(path).toBe(`../node_modules/${name}/schema/${schema}`);
      expect(realpathSync(resolve(folder, 'charters', path))).toBe(realpathSync(join(repoRoot, 'schema', schema)));
    }
    const settings = JSON.parse(readFileSync(join(folder, '.vscode/settings.json'), 'utf8')) as {
      'yaml.schemas': Record<string, string[]>;
      'files.encoding': string;
    };
    expect(settings['files.encoding']).toBe('utf8');
    const mapped = Object.keys(settings['yaml.schemas']);
    expect(mapped.length).toBe(2);
    for (const path of mapped) expect(existsSync(resolve(folder, path))).toBe(true);
    const extensions = JSON.parse(readFileSync(join(folder, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toEqual(['redhat.vscode-yaml']);
  });

  it('ignores what the tools make', async () => {
    const { folder } = await init([]);
    const ignored = readFileSync(join(folder, '.gitignore'), 'utf8').split('\n');
    for (const entry of ['node_modules/', '_site/', '*.sarif', 'junit.xml']) expect(ignored).toContain(entry);
  });
});

describe('charter init --ci github', () => {
  it('writes a complete workflow whose charter commands all run, the guide built', async () => {
    const { folder, code, stdout } = await init(['--ci', 'github']);
    expect(code).toBe(0);
    expect(stdout).toContain('  repo/.github/workflows/charter.yml\n');
    const workflow = parse(readFileSync(join(folder, '.github/workflows/charter.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      jobs: Record<string, { 'runs-on': string; permissions: Record<string, string>; steps: WorkflowStep[] }>;
    };
    expect(Object.keys(workflow.on)).toContain('pull_request');
    const jobs = Object.values(workflow.jobs);
    expect(jobs.length).toBe(1);
    const job = jobs[0] as (typeof jobs)[number];
    expect(job.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    const steps = job.steps;
    const index = (test: (step: WorkflowStep) => boolean): number => {
      const found = steps.findIndex(test);
      expect(found, 'a step is missing').toBeGreaterThanOrEqual(0);
      return found;
    };
    const checkout = index((step) => step.uses?.startsWith('actions/checkout@') ?? false);
    const setupNode = index((step) => step.uses?.startsWith('actions/setup-node@') ?? false);
    expect(steps[setupNode]?.with).toEqual({ 'node-version': 20, cache: 'npm' });
    const install = index((step) => step.run === 'npm ci');
    const annotations = index((step) => step.run === 'npx charter validate --format github');
    const sarif = index((step) => step.run === 'npx charter validate --format sarif -o charter.sarif');
    const upload = index((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@') ?? false);
    const build = index((step) => step.run === 'npx charter build');
    const artifact = index((step) => step.uses?.startsWith('actions/upload-artifact@') ?? false);
    expect([checkout, setupNode, install, annotations, sarif, upload, build, artifact]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // Validate exits 1 on findings: the SARIF must still be written and uploaded.
    expect(steps[sarif]?.if).toBe('always()');
    expect(steps[upload]?.if).toBe('always()');
    expect(steps[upload]?.with?.sarif_file).toBe('charter.sarif');
    expect(steps[artifact]?.with?.path).toBe('_site/');

    // Every charter command of the workflow runs, in the order the workflow runs them.
    const commands = steps.flatMap((step) => charterCommands(step.run ?? ''));
    expect(commands.map((command) => command.join(' '))).toEqual(['validate --format github', 'validate --format sarif -o charter.sarif', 'build']);
    for (const command of commands) {
      const result = await runCli([...command, '--today', TODAY], folder);
      expect(result.stderr.replace(/^charter: built .*\n$/, ''), command.join(' ')).toBe('');
      expect(result.code, command.join(' ')).toBe(0);
    }
    const report = JSON.parse(readFileSync(join(folder, 'charter.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(report.runs[0]?.results).toEqual([]);
    expect(existsSync(join(folder, '_site', 'fi', 'asiakaspalvelu', 'index.html'))).toBe(true);
  });
});

describe('charter init --ci gitlab', () => {
  it('writes a pipeline with a JUnit report kept always and a Pages job', async () => {
    const { folder, code } = await init(['--ci', 'gitlab']);
    expect(code).toBe(0);
    const pipeline = parse(readFileSync(join(folder, '.gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { script?: string[]; artifacts?: { when?: string; reports?: { junit?: string }; paths?: string[] } }
    >;
    const validateJob = pipeline.validate;
    expect(validateJob?.artifacts).toEqual({ when: 'always', reports: { junit: 'junit.xml' } });
    const pages = pipeline.pages;
    expect(pages?.artifacts?.paths).toEqual(['public']);
    const validateCommands = charterCommands((validateJob?.script ?? []).join('\n'));
    expect(validateCommands.map((command) => command.join(' '))).toEqual(['validate --format junit -o junit.xml', 'validate']);
    for (const command of validateCommands) {
      const result = await runCli([...command, '--today', TODAY], folder);
      expect(result.code, command.join(' ')).toBe(0);
    }
    expect(readFileSync(join(folder, 'junit.xml'), 'utf8')).toContain('<testsuites');

    // The Pages job builds into public/ under the path GitLab serves the project at.
    const [build] = charterCommands((pages?.script ?? []).join('\n'));
    expect(build?.slice(0, 4)).toEqual(['build', '--out', 'public', '--base']);
    const script = (pages?.script ?? []).join('\n');
    const expression = /node -e '([^']+)'/.exec(script)?.[1] ?? '';
    const base = spawnSync(process.execPath, ['-e', expression], {
      encoding: 'utf8',
      env: { ...process.env, CI_PAGES_URL: 'https://group.gitlab.io/charters' },
    });
    expect(base.stdout.trim()).toBe('/charters');
    const help = await runCli(['build', '--help'], folder);
    expect(help.stdout).toContain('--base <path>');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('offers charter validate to the pre-commit framework, on charters only', () => {
    const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
    expect(hooks.length).toBe(1);
    const hook = hooks[0] ?? {};
    expect(hook).toMatchObject({ id: 'charter-validate', language: 'node', entry: 'charter validate', pass_filenames: true });
    const files = new RegExp(String(hook.files));
    expect(['charters/city-library.yaml', 'charters/_organisation.yml', 'sub/charters/a.yaml'].every((path) => files.test(path))).toBe(true);
    expect(['.github/workflows/charter.yml', '.pre-commit-hooks.yaml', 'charters/notes.md'].some((path) => files.test(path))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string> };
    expect(manifest.files).toEqual(expect.arrayContaining(['scaffold/', '.pre-commit-hooks.yaml']));
    expect(Object.keys(manifest.bin)).toContain(String(hook.entry).split(' ')[0]);
    expect(lstatSync(dirname(join(repoRoot, 'scaffold', 'texts.yaml'))).isDirectory()).toBe(true);
  });
});

describe('README', () => {
  it('shows the same GitHub and GitLab pipelines that charter init writes', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const template of ['ci/github-workflow.yml', 'ci/gitlab-ci.yml']) {
      expect(blocks, template).toContain(readFileSync(join(repoRoot, 'scaffold', template), 'utf8'));
    }
  });
});
