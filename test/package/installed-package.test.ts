// The package as a user gets it: `npm pack`, installed into an empty project
// with `npm install --save-dev`, and every command run from there through
// node_modules/.bin/charter, with nothing of this repository on any path. It
// catches what works only inside the repository: a file not in `files`, a
// devDependency used at run time, a path relative to the checkout.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH } from '../browser/chromium.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const examples = join(repoRoot, 'charters');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
/** Review dates in the examples are judged as of this day, so the findings do not change with the calendar. */
const TODAY = '2026-11-23';
/** Under CI a missing Chromium fails (test/browser/chromium.ts); elsewhere the card steps are skipped. */
const hasChromium = chromiumAvailable();

// Generous for a loaded two-core machine; each step normally takes a fraction of it.
const STEP_TIMEOUT = 60_000;
const INSTALL_TIMEOUT = 240_000;
const COMPILE_TIMEOUT = 120_000;
/** A test runs a few steps. */
const TEST_TIMEOUT = 4 * STEP_TIMEOUT;

interface Outcome {
  readonly command: string;
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** What a failed step said, for the assertion's message. */
function told(outcome: Outcome): string {
  const tail = (text: string): string => (text.length > 4000 ? `…${text.slice(-4000)}` : text);
  return `\`${outcome.command}\` ended with ${outcome.signal ?? `exit ${String(outcome.code)}`}\n--- stderr:\n${tail(outcome.stderr)}\n--- stdout:\n${tail(outcome.stdout)}`;
}

const started = new Set<ChildProcess>();

/** Runs a program to its end (killed after `timeout`), collecting its output. */
function execute(program: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeout = STEP_TIMEOUT): Promise<Outcome> {
  const command = [program, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout, killSignal: 'SIGKILL' });
    started.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error) => {
      started.delete(child);
      reject(new Error(`cannot run \`${command}\`: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      started.delete(child);
      resolve({ command, code, signal, stdout, stderr });
    });
  });
}

/**
 * The environment of a user's shell: nothing that leads back to this
 * repository (npm's and vitest's variables, PATH entries, NODE_OPTIONS), the
 * Node running the tests first on PATH, English messages and no colour.
 */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const dropped = /^(npm_|VITEST|NODE_OPTIONS$|NODE_PATH$|NODE_ENV$|TEST$|INIT_CWD$|PATH$|LC_ALL$|LC_MESSAGES$|LANG$)/;
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !dropped.test(name) && !value.includes(repoRoot)) env[name] = value;
  }
  const path = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry !== '' && !entry.startsWith(repoRoot));
  return { ...env, PATH: [dirname(process.execPath), ...path].join(delimiter), LANG: 'C.UTF-8', NO_COLOR: '1' };
}

const env = userEnvironment();
let workspace = '';
let project = '';
let npmOptions: string[] = [];
let compiling: Promise<Outcome> | undefined;

function npm(args: readonly string[], cwd: string, timeout = STEP_TIMEOUT): Promise<Outcome> {
  return execute('npm', [...args, ...npmOptions], cwd, env, timeout);
}

/** `charter …` in the project, as `npx charter …` runs it: the installed bin. */
function charter(...args: string[]): Promise<Outcome> {
  return execute(join(project, 'node_modules', '.bin', 'charter'), args, project, env);
}

async function succeeds(step: Promise<Outcome>): Promise<Outcome> {
  const outcome = await step;
  expect(outcome.code, told(outcome)).toBe(0);
  return outcome;
}

/**
 * npm as the user has it set up, but for nothing beyond the registry and its
 * cache: the user's own .npmrc (save-exact, omit=dev, ignore-scripts, ...) is
 * left out, so it cannot change what is installed.
 */
async function isolatedNpmOptions(): Promise<string[]> {
  const config = await succeeds(execute('npm', ['config', 'get', 'registry', 'cache'], workspace, env));
  const value = (key: string): string => /^(\S+)=(.*)$/m.exec(config.stdout.split('\n').find((line) => line.startsWith(`${key}=`)) ?? '')?.[2] ?? '';
  const userconfig = join(workspace, 'npmrc');
  writeFileSync(userconfig, '');
  return [`--userconfig=${userconfig}`, `--registry=${value('registry')}`, `--cache=${value('cache')}`, '--no-update-notifier'];
}

/** The package as `npm publish` would upload it (dist/ is built by the test run's global set-up). */
async function packRepository(): Promise<string> {
  const destination = join(workspace, 'pack');
  mkdirSync(destination);
  // --ignore-scripts: `prepare` would rebuild dist/ under the feet of the other test files.
  const packed = await succeeds(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', destination], repoRoot));
  const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
  return join(destination, filename);
}

/**
 * The charters a new user starts from: the repository's examples, copied into
 * charters/. (To become `charter init` once it exists: this function is the
 * only place that knows how a project starts.)
 */
function startCharters(folder: string): void {
  mkdirSync(join(folder, 'charters'));
  for (const name of readdirSync(examples).filter((file) => file.endsWith('.yaml') || file === 'sample-events.csv')) {
    cpSync(join(examples, name), join(folder, 'charters', name));
  }
}

/** The charter files the project has, as validate counts them. */
function charterFiles(): string[] {
  return readdirSync(join(project, 'charters')).filter((name) => name.endsWith('.yaml'));
}

/** A copy of the charters in broken/, one unit with a key the schema does not know. */
function brokenCopy(): { file: string; line: number } {
  cpSync(join(project, 'charters'), join(project, 'broken'), { recursive: true });
  const unit = charterFiles().find((name) => !name.startsWith('_')) ?? '';
  const text = readFileSync(join(project, 'broken', unit), 'utf8').replace(/\n*$/, '\n');
  writeFileSync(join(project, 'broken', unit), `${text}not-a-charter-key: 1\n`);
  return { file: `broken/${unit}`, line: text.split('\n').length };
}

/**
 * Compiles a TypeScript consumer of the public API against the declarations
 * the package ships, strictly and without skipLibCheck, with the repository's
 * own TypeScript and @types/node. Started while the commands run: it takes a
 * core for several seconds.
 */
function compileConsumer(): Promise<Outcome> {
  writeFileSync(
    join(project, 'consumer.mts'),
    `import { checkCharters, reviewStatus, FORMAT_NAMES, type CheckResult, type Diagnostic, type FormatName, type Severity } from 'charter';

const result: CheckResult = await checkCharters({ cwd: process.cwd(), today: '${TODAY}' });
const diagnostics: readonly Diagnostic[] = result.results.flatMap((file) => file.diagnostics);
const severities: Severity[] = diagnostics.map((diagnostic) => diagnostic.severity);
const formats: readonly FormatName[] = FORMAT_NAMES;
console.log(severities.length, formats.length, typeof reviewStatus);
// @ts-expect-error a severity is 'error' or 'warning': the declarations are real types, not any
const wrong: Severity = 'fatal';
console.log(wrong);
`,
  );
  const typeRoots = join(repoRoot, 'node_modules', '@types');
  const options = ['--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--noEmit', '--pretty', 'false'];
  return execute(process.execPath, [tsc, ...options, '--typeRoots', typeRoots, '--types', 'node', 'consumer.mts'], project, env, COMPILE_TIMEOUT);
}

beforeAll(
  async () => {
    workspace = mkdtempSync(join(tmpdir(), 'charter-installed-'));
    npmOptions = await isolatedNpmOptions();
    const tarball = await packRepository();
    project = join(workspace, 'project');
    mkdirSync(project);
    await succeeds(npm(['init', '-y'], project));
    await succeeds(npm(['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], project, INSTALL_TIMEOUT));
    startCharters(project);
    compiling = compileConsumer();
    // Awaited by its test; a failure to start is that test's failure, not an unhandled rejection.
    compiling.catch(() => undefined);
  },
  INSTALL_TIMEOUT + 2 * STEP_TIMEOUT,
);

afterAll(async () => {
  for (const child of started) child.kill('SIGKILL');
  // The installed project holds thousands of files: removing them takes a while on a busy machine.
  if (workspace !== '') await rm(workspace, { recursive: true, force: true });
}, STEP_TIMEOUT);

describe('the installed package', { timeout: TEST_TIMEOUT }, () => {
  it('is a devDependency of the project, with its schema where the `$schema` line points', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
    expect(Object.keys(manifest.devDependencies ?? {})).toEqual(['charter']);
    const schema = JSON.parse(readFileSync(join(project, 'node_modules', 'charter', 'schema', 'charter.schema.json'), 'utf8')) as { type?: string };
    expect(schema.type).toBe('object');
    expect(existsSync(join(project, 'node_modules', 'charter', 'schema', 'charter-baseline.schema.json'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'charter', 'README.md'))).toBe(true);
    expect(readdirSync(join(project, 'node_modules', 'charter', 'docs', 'rules')).length).toBeGreaterThan(5);
    // Nothing of the repository's own: sources, tests, tooling, build stamps.
    const installed = join(project, 'node_modules', 'charter');
    const privateFiles = [
      'src',
      'test',
      'scripts',
      'bench',
      'charters',
      '_site',
      'package-lock.json',
      'tsconfig.json',
      'CONTRIBUTING.md',
      'dist/types/.source-hash',
    ];
    expect(privateFiles.filter((name) => existsSync(join(installed, name)))).toEqual([]);
  });

  it('declares every package its code imports as a dependency', () => {
    const installed = join(project, 'node_modules', 'charter');
    const { dependencies = {} } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    const code = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    const imported = new Set<string>();
    for (const name of [...code.map((file) => join(installed, 'dist', file)), join(installed, 'bin', 'charter.js')]) {
      const text = readFileSync(name, 'utf8');
      // import and export … from, import(), require() and createRequire(import.meta.url)(), as esbuild writes them.
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\(\s*|\brequire\(\s*|\(import\.meta\.url\)\(\s*)["']([@\w][\w./@-]*)["']/g)) {
        const specifier = match[1] ?? '';
        if (specifier.startsWith('node:') || builtinModules.includes(specifier)) continue;
        imported.add(specifier.startsWith('@') ? specifier.split('/', 2).join('/') : (specifier.split('/')[0] ?? ''));
      }
    }
    expect(imported.size).toBeGreaterThan(3);
    expect([...imported].filter((name) => !Object.hasOwn(dependencies, name)).sort()).toEqual([]);
  });

  it('answers --version, --help, schema and rules', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    // Independent and read-only: run side by side, as each mostly waits for Node to start.
    const [shown, help, schema, baseline, rules] = await Promise.all(
      [['--version'], ['--help'], ['schema'], ['schema', '--baseline'], ['rules']].map((args) => succeeds(charter(...args))),
    );
    expect(shown?.stdout).toBe(`${version}\n`);
    expect(help?.stdout).toMatch(/^Usage: charter \[options\] \[command\]/);
    expect(JSON.parse(schema?.stdout ?? '')).toMatchObject({ type: 'object' });
    expect(JSON.parse(baseline?.stdout ?? '')).toMatchObject({ type: 'object' });
    expect(rules?.stdout).toMatch(/^review-due\s+\w+\s+\S/m);
  });
});

const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'github'] as const;

/** `charter validate` of `folder` in each format, side by side: exit code and output by format. */
async function validateInEveryFormat(folder: string): Promise<Record<(typeof FORMATS)[number], Outcome>> {
  // --concurrency 2 for one of them: the worker threads must load from the installed package too.
  const outcomes = await Promise.all(
    FORMATS.map((format) => charter('validate', folder, '--today', TODAY, '--format', format, ...(format === 'json' ? ['--concurrency', '2'] : []))),
  );
  return Object.fromEntries(FORMATS.map((format, index) => [format, outcomes[index] as Outcome])) as Record<(typeof FORMATS)[number], Outcome>;
}

interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string } }; results: { locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
}

describe('charter validate, installed', { timeout: TEST_TIMEOUT }, () => {
  it('passes the charters in every format', async () => {
    const count = charterFiles().length;
    const outcomes = await validateInEveryFormat('charters');
    for (const outcome of Object.values(outcomes)) expect(outcome.code, told(outcome)).toBe(0);
    expect(outcomes.stylish.stdout).not.toMatch(/error|warning/);
    const json = JSON.parse(outcomes.json.stdout) as { errorCount: number }[];
    expect(json).toHaveLength(count);
    expect(json.every((file) => file.errorCount === 0)).toBe(true);
    const sarif = JSON.parse(outcomes.sarif.stdout) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.name).toBe('charter');
    expect(sarif.runs[0]?.results).toEqual([]);
    expect(outcomes.junit.stdout).toMatch(new RegExp(`^<\\?xml [^>]*\\?>\\s*<testsuites [^>]*tests="${count}" failures="0"`));
    expect(outcomes.github.stdout).not.toMatch(/^::(error|warning)/m);
  });

  it('reports a broken charter with exit 1 in every format', async () => {
    const { file, line } = brokenCopy();
    const outcomes = await validateInEveryFormat('broken');
    for (const outcome of Object.values(outcomes)) expect(outcome.code, told(outcome)).toBe(1);
    expect(outcomes.stylish.stdout).toMatch(new RegExp(`${file}\\n\\s+${line}:1\\s+error\\s+.*not-a-charter-key`));
    const json = JSON.parse(outcomes.json.stdout) as { filePath: string; messages: { line: number; ruleId: string }[] }[];
    expect(json.find((entry) => entry.filePath === file)?.messages).toEqual([expect.objectContaining({ line, ruleId: 'schema' })]);
    const sarif = JSON.parse(outcomes.sarif.stdout) as SarifLog;
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.region.startLine).toBe(line);
    expect(outcomes.junit.stdout).toMatch(/<testsuites [^>]*failures="1"/);
    expect(outcomes.github.stdout).toMatch(new RegExp(`^::error file=${file},line=${line},`, 'm'));
  });
});

describe('the site, installed', { timeout: TEST_TIMEOUT }, () => {
  it('builds the guide', async () => {
    const built = await succeeds(charter('build', '--today', TODAY, '--events', 'charters/sample-events.csv'));
    expect(built.stderr).toMatch(/^charter: built \d+ pages into _site\/, with the compliance dashboard\n$/);
    for (const page of ['index.html', 'fi/index.html', 'assets/charter.css', 'assets/away-form.js', 'charters.json'])
      expect(existsSync(join(project, '_site', page)), page).toBe(true);
    expect(readdirSync(join(project, '_site', 'fi')).some((name) => name.startsWith('pagefind'))).toBe(true);
  });

  it('serves it, and stops on Ctrl-C', async () => {
    const server = spawn(join(project, 'node_modules', '.bin', 'charter'), ['serve', '--port', '0', '--out', '_serve', '--today', TODAY], {
      cwd: project,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.add(server);
    let stderr = '';
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      server.on('close', (code, signal) => {
        started.delete(server);
        resolve({ code, signal });
      }),
    );
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`charter serve did not start:\n${stderr}`)), STEP_TIMEOUT);
      server.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const url = /serving (http:\/\/\S+\/)/.exec(stderr)?.[1];
        if (url !== undefined) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      void ended.then(() => reject(new Error(`charter serve ended before serving:\n${stderr}`)));
    });
    const page = await fetch(new URL('fi/', address));
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html lang="fi">/);
    const stylesheet = await fetch(new URL('assets/charter.css', address));
    expect(stylesheet.status).toBe(200);
    server.kill('SIGINT');
    expect(await ended).toEqual({ code: 130, signal: null });
    await expect(fetch(address)).rejects.toThrow();
  });

  it.runIf(hasChromium)('prints the pocket cards', async () => {
    // One charter is enough to show Chromium, pdf-lib and qrcode load from the installed package; test/cards covers the rest.
    const printed = await succeeds(charter('cards', 'charters/city-library.yaml', '--today', TODAY, '--chromium', CHROMIUM_PATH));
    expect(printed.stderr).toMatch(/^charter: printed \d+ cards and \d+ A4 sheets into _site\/cards\//);
    expect(readdirSync(join(project, '_site', 'cards', 'sheets')).filter((name) => name.endsWith('.pdf')).length).toBeGreaterThan(0);
  });

  it.runIf(hasChromium)('says in one line which package cards need when playwright-core is not installed', async () => {
    const installed = join(project, 'node_modules', 'playwright-core');
    const aside = join(workspace, 'playwright-core');
    renameSync(installed, aside);
    try {
      for (const args of [
        ['cards', '--chromium', CHROMIUM_PATH],
        ['validate', '--check-cards'],
      ]) {
        const outcome = await charter(...args, '--today', TODAY);
        expect(outcome.code, told(outcome)).toBe(2);
        expect(outcome.stderr).toBe(
          `charter: \`charter ${args[0] ?? ''}\` needs the package \`playwright-core\`, which is not installed here; install it with \`npm install playwright-core\` and try again\n`,
        );
      }
    } finally {
      renameSync(aside, installed);
    }
  });
});

describe('the other commands, installed', { timeout: TEST_TIMEOUT }, () => {
  it('reports on the contact log, and lists the review rota', async () => {
    const [table, csv, rota, rotaJson] = await Promise.all([
      succeeds(charter('report', 'charters/sample-events.csv', '--as-of', '2026-11-30')),
      succeeds(charter('report', 'charters/sample-events.csv', '--as-of', '2026-11-30', '--format', 'csv')),
      succeeds(charter('rota', '--today', TODAY)),
      succeeds(charter('rota', '--today', TODAY, '--format', 'json')),
    ]);
    expect(table.stdout).toMatch(/^Compliance as of 2026-11-30/);
    expect(csv.stdout.split('\n').length).toBeGreaterThan(2);
    expect(rota.stdout).toMatch(/^charters\/\S+\.yaml /m);
    expect(JSON.parse(rotaJson.stdout)).toMatchObject({ today: TODAY });
  });
});

describe('the public API, installed', { timeout: TEST_TIMEOUT }, () => {
  it('runs from the package by name', async () => {
    writeFileSync(
      join(project, 'check.mjs'),
      `import { checkCharters, loadFormatter } from 'charter';
const result = await checkCharters({ cwd: process.cwd(), today: '${TODAY}' });
const format = await loadFormatter('json');
console.log(result.results.length, typeof format);
`,
    );
    const outcome = await succeeds(execute(process.execPath, ['check.mjs'], project, env));
    expect(outcome.stdout).toBe(`${charterFiles().length} function\n`);
  });

  it('types a TypeScript consumer against the published declarations, strictly', async () => {
    expect(compiling).toBeDefined();
    if (compiling) await succeeds(compiling);
  });
});

/** The `$schema` of a charter's `# yaml-language-server:` first line, resolved from the file's folder. */
function schemaOf(file: string): string | undefined {
  const reference = /^# yaml-language-server: \$schema=(\S+)/.exec(readFileSync(file, 'utf8'))?.[1];
  return reference === undefined ? undefined : join(dirname(file), reference);
}

// Last: it replaces the project's charters/ with the ones `charter init` writes.
describe('charter init, installed', { timeout: TEST_TIMEOUT }, () => {
  it('starts a charter repository that validates, builds and explains a mistake in Finnish', async () => {
    renameSync(join(project, 'charters'), join(project, 'example-charters'));
    const init = await succeeds(charter('init', '--languages', 'fi,sv', '--ci', 'github', '--today', TODAY));
    expect(init.stderr).not.toMatch(/error/i);
    const written = charterFiles();
    expect(written).toContain('_organisation.yaml');
    expect(written.length).toBe(2);
    for (const name of written) {
      const schema = schemaOf(join(project, 'charters', name));
      expect(schema, `the $schema line of ${name}`).toBeDefined();
      expect(existsSync(schema ?? ''), `${name} points its editor at ${schema ?? ''}`).toBe(true);
    }
    for (const path of ['.github/workflows/charter.yml', '.vscode/settings.json', '.vscode/extensions.json', '.gitignore', 'README.md']) {
      expect(existsSync(join(project, path)), path).toBe(true);
    }
    const [validated, built] = [await charter('validate', '--today', TODAY), await charter('build', '--today', TODAY, '--out', '_init-site')];
    expect(validated.code, told(validated)).toBe(0);
    expect(validated.stdout).not.toMatch(/error|warning/);
    expect(built.code, told(built)).toBe(0);
    expect(existsSync(join(project, '_init-site', 'fi', 'index.html'))).toBe(true);

    const unit = written.find((name) => !name.startsWith('_')) ?? '';
    writeFileSync(join(project, 'charters', unit), `${readFileSync(join(project, 'charters', unit), 'utf8').replace(/\n*$/, '\n')}not-a-charter-key: 1\n`);
    const finnish = await execute(join(project, 'node_modules', '.bin', 'charter'), ['validate', '--today', TODAY], project, { ...env, LANG: 'fi_FI.UTF-8' });
    expect(finnish.code, told(finnish)).toBe(1);
    expect(finnish.stdout).toMatch(/tuntematon avain `not-a-charter-key`/);
  });
});
