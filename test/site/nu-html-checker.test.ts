import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/site/build.js';
import { siteReviews } from '../../src/review/review-inputs.js';
import { makeReviewPack } from '../../src/review/review-pack.js';
import { tempFolder, writeTree } from '../helpers.js';
import { arabicUnit } from '../fixtures/arabic.js';
import { SAMI_BASELINE, SAMI_SERVICE_POINT, SAMI_SERVICE_POINT_AS_OF, SAMI_SERVICE_POINT_LOG } from '../fixtures/sami-service-point.js';

const repoRoot = join(import.meta.dirname, '..', '..');
/** The Nu HTML Checker's jar, from the npm package `vnu-jar` (its main export is the jar's path). */
const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

/**
 * Whether Java runs. Under CI a missing Java is a failure (.ci/run installs
 * default-jre-headless); on a developer machine the test is skipped, saying so.
 */
function javaAvailable(): boolean {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.status === 0) return true;
  if (process.env.CI) throw new Error('Java is missing; CI must install it (apt-get install default-jre-headless) for the Nu HTML Checker');
  console.warn('Skipping the Nu HTML Checker test: no Java (apt-get install default-jre-headless)');
  return false;
}

interface NuMessage {
  readonly type: string;
  readonly subType?: string;
  readonly url: string;
  readonly lastLine?: number;
  readonly message: string;
  readonly extract?: string;
}

type PageKind = 'language-choice' | 'home' | 'search' | 'accessibility' | 'dashboard' | 'dashboard-unit' | 'charter' | 'card' | 'review';
const KINDS: readonly PageKind[] = ['language-choice', 'home', 'search', 'accessibility', 'dashboard', 'dashboard-unit', 'charter', 'card', 'review'];

/** A page's kind, from its path in the output folder (`fi/city-library/card/index.html` is a card, `fi/dashboard/city-library/index.html` a unit's dashboard). */
function kindOf(path: string): PageKind {
  const parts = path.split(sep).slice(0, -1);
  if (parts.length === 0) return 'language-choice';
  if (parts.length === 1) return 'home';
  if (parts.length === 3 && parts[1] === 'dashboard') return 'dashboard-unit';
  if (parts.length === 3 && parts[2] === 'card') return 'card';
  if (parts.length === 3 && parts[2] === 'review') return 'review';
  const name = parts[1];
  return name === 'search' || name === 'accessibility' || name === 'dashboard' ? name : 'charter';
}

function htmlFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.html'))
    .map((path) => join(folder, path));
}

/**
 * The checker's run is short: the quick compiler alone halves its CPU time
 * (the machine is shared), and its frames are larger, so the schema's deep
 * recursion needs a larger stack than the default.
 */
const JAVA_OPTIONS = ['-XX:TieredStopAtLevel=1', '-Xss16m'];

/** Checks every file in one run of the checker (Java starts slowly); the errors, by file. */
function nuErrors(files: readonly string[]): Map<string, NuMessage[]> {
  const result = spawnSync('java', [...JAVA_OPTIONS, '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // The checker writes its report to standard error, and exits 1 when it finds errors (or cannot run: no JSON then).
  let report: { messages: NuMessage[] };
  try {
    report = JSON.parse(result.stderr) as { messages: NuMessage[] };
  } catch {
    throw new Error(`the Nu HTML Checker failed (exit ${String(result.status)}): ${result.stdout}${result.stderr}`);
  }
  const byFile = new Map<string, NuMessage[]>();
  for (const entry of report.messages) {
    // Errors only (also "non-document-error": a file it could not read).
    if (entry.type !== 'error' && entry.type !== 'non-document-error') continue;
    const file = decodeURIComponent(new URL(entry.url).pathname);
    byFile.set(file, [...(byFile.get(file) ?? []), entry]);
  }
  return byFile;
}

/** Valid but for one thing: what every page had before `defer` went. */
const KNOWN_BAD_PAGE = '<!doctype html><html lang="en"><head><title>Known</title><script type="module" src="a.js" defer></script></head><body></body></html>';

interface CheckedPage {
  readonly site: string;
  readonly path: string;
  readonly kind: PageKind;
  readonly lang: string;
  readonly errors: readonly NuMessage[];
}

// Builds two sites and runs Java over some eighty pages: slower than most tests.
describe.runIf(javaAvailable())('the W3C Nu HTML Checker', { timeout: 120_000 }, () => {
  let pages: CheckedPage[] = [];
  let seconds = 0;
  let knownErrors: readonly NuMessage[] = [];
  let unmatched: string[] = [];

  beforeAll(async () => {
    // The example guide with its dashboard, in Finnish, Swedish and English.
    const example = tempFolder('file');
    cpSync(join(repoRoot, 'charters'), join(example, 'charters'), { recursive: true });
    const events = { logs: ['charters/sample-events.csv'], asOf: new Date('2026-12-02T12:00:00+02:00') };
    const guide = await buildSite({ cwd: example, today: '2026-12-02', search: false, events, reviews: siteReviews(example, [], events) });
    expect(guide.ok).toBe(true);
    // The review packs as charter review writes them: documents of their own, styles inline.
    const pack = await makeReviewPack({ cwd: example, out: '_review', asOf: events.asOf, events, format: 'html' });
    expect(pack.ok).toBe(true);
    // A format 1.1 service point written in Finnish and Northern Sámi, with its dashboard, and
    // published at a known address (canonical links and absolute alternates in every head).
    const sami = writeTree(
      { 'charters/_pohjoinen.yaml': SAMI_BASELINE, 'charters/inari-service-point.yaml': SAMI_SERVICE_POINT, 'logs/contacts.csv': SAMI_SERVICE_POINT_LOG },
      'file',
    );
    const samiEvents = { logs: ['logs/contacts.csv'], asOf: new Date(SAMI_SERVICE_POINT_AS_OF) };
    const samiSite = await buildSite({
      cwd: sami,
      today: '2027-12-02',
      search: false,
      siteUrl: 'https://palvelu.example.fi/opas/',
      events: samiEvents,
      reviews: siteReviews(sami, [], samiEvents),
    });
    expect(samiSite.ok).toBe(true);
    // A charter in Finnish and Arabic: right-to-left texts (lang="ar" dir="rtl") in a Finnish interface.
    const arabic = writeTree({ 'charters/arabic-office.yaml': arabicUnit('arabic-office', ['fi', 'ar']) }, 'file');
    expect((await buildSite({ cwd: arabic, today: '2026-12-02', search: false })).ok).toBe(true);

    const sites = [
      { site: 'example', out: join(example, '_site') },
      { site: 'sami', out: join(sami, '_site') },
      { site: 'pack', out: join(example, '_review') },
      { site: 'arabic', out: join(arabic, '_site') },
    ];
    const files = sites.flatMap(({ site, out }) => htmlFiles(out).map((file) => ({ site, out, file })));
    // A page with a known error, checked in the same run: proof that the errors are read back.
    const known = join(writeTree({ 'known.html': KNOWN_BAD_PAGE }, 'file'), 'known.html');
    const started = performance.now();
    const errors = nuErrors([known, ...files.map(({ file }) => file)]);
    seconds = (performance.now() - started) / 1000;
    knownErrors = errors.get(known) ?? [];
    unmatched = [...errors.keys()].filter((file) => file !== known && !files.some((page) => page.file === file));
    pages = files.map(({ site, out, file }) => {
      const path = relative(out, file);
      return { site, path, kind: site === 'pack' ? 'review' : kindOf(path), lang: path.split(sep)[0] ?? '', errors: errors.get(file) ?? [] };
    });
  }, 180_000);

  it('reads back the errors it finds, each for a page checked', () => {
    expect(knownErrors.map((error) => error.message)).toEqual(['A “script” element with “type=module” must not have a “defer” attribute.']);
    expect(unmatched).toEqual([]);
  });

  it('checks every page kind in every language of both sites, in one run of Java', () => {
    console.info(`Nu HTML Checker: ${pages.length} pages in ${seconds.toFixed(1)} s`);
    const seen = (site: string) =>
      new Set(pages.filter((page) => page.site === site).map((page) => `${page.kind} ${page.kind === 'language-choice' ? '' : page.lang}`));
    for (const lang of ['fi', 'sv', 'en']) {
      for (const kind of KINDS.filter((kind) => kind !== 'language-choice')) expect(seen('example'), `example ${kind} ${lang}`).toContain(`${kind} ${lang}`);
    }
    for (const lang of ['fi', 'se']) {
      for (const kind of KINDS.filter((kind) => kind !== 'language-choice')) expect(seen('sami'), `sami ${kind} ${lang}`).toContain(`${kind} ${lang}`);
    }
    for (const lang of ['fi', 'sv', 'en']) expect(seen('pack'), `pack ${lang}`).toContain(`review ${lang}`);
    for (const kind of ['home', 'charter', 'card'] as const) expect(seen('arabic'), `arabic ${kind} ar`).toContain(`${kind} ar`);
    expect(seen('example')).toContain('language-choice ');
    expect(seen('sami')).toContain('language-choice ');
  });

  it.each(KINDS)('finds no error on any %s page', (kind) => {
    const found = pages
      .filter((page) => page.kind === kind)
      .flatMap((page) => page.errors.map((error) => `${page.site}/${page.path}:${String(error.lastLine)}: ${error.message} [${error.extract ?? ''}]`));
    expect(found).toEqual([]);
  });
});
