import { lstat, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { checkCharters, type CheckOptions } from '../check.js';
import { ChromiumMissingError, CardPrinter } from '../cards/render-pdf.js';
import { selfContainedCard } from '../cards/self-contained.js';
import type { Charter } from '../model/charter.js';
import { diagnosticMessage, type FileResult } from '../model/diagnostic.js';
import type { UnnormalizedUnit } from '../normalize/normalize-charter.js';
import { LANGUAGE_TAG } from '../model/language-tag.js';
import { MessageError } from '../messages/message-error.js';
import { message, type MessageRef, type MessageValue } from '../messages/message.js';
import type { MeasureOptions } from '../report/make-report.js';
import { renderMarkdown } from '../render/markdown.js';
import { loadSiteTemplates, protectedFolders, siteInputs } from '../site/inputs.js';
import { checkOutputFolder, OUTPUT_MARKER, OutputFolderError, REVIEW_OUTPUT_MARKER, REVIEW_PACK_LIST, StagingFolder } from '../site/output-folder.js';
import { planReviewPages, type ReviewPage } from '../view/site-plan.js';
import { withoutForbidden } from './page-text.js';
import { reviewInputs, type ReviewInputs } from './review-inputs.js';

export const REVIEW_FORMATS = ['html', 'pdf', 'all'] as const;
export type ReviewFormat = (typeof REVIEW_FORMATS)[number];

export interface ReviewPackOptions extends Omit<CheckOptions, 'fileSystem' | 'today'> {
  /** Output folder (default `_review`). */
  readonly out?: string;
  /** The charters to make packs for, by id or file (default: every unit charter). */
  readonly charters?: readonly string[];
  /** The review's moment (default now): its day in Helsinki ends the period. */
  readonly asOf?: Date;
  /** Contact logs and how to read them, for the figures. */
  readonly events?: Omit<MeasureOptions, 'cwd' | 'asOf'>;
  /** `html`, `pdf`, or `all` (HTML, and PDF where Chromium exists; the default). */
  readonly format?: ReviewFormat;
  /** Chromium to print with (default /usr/bin/chromium). */
  readonly chromium?: string;
}

export type ReviewPackResult =
  | {
      readonly ok: false;
      readonly results: readonly FileResult[];
      /** Ids asked for that are no unit charter of the collection (none: there is no unit charter at all); the ids there are, for a suggestion. */
      readonly unknown: readonly string[];
      readonly known: readonly string[];
      readonly leftOut: readonly LeftOut[];
    }
  | {
      readonly ok: true;
      readonly results: readonly FileResult[];
      readonly outDir: string;
      /** Files written, relative to `outDir`: `<lang>/<id>.html` and `.pdf`. */
      readonly files: readonly string[];
      /** Why no PDF was printed with `--format all` (no usable Chromium), and what to do about it. */
      readonly pdfSkipped?: { readonly problem: MessageRef; readonly fix: MessageRef };
      readonly leftOut: readonly LeftOut[];
      readonly review: ReviewInputs;
    };

/** A unit charter left out, as it could not be read as a charter: its file, its id when it has one, and its first error. */
export interface LeftOut {
  readonly file: string;
  readonly id?: string;
  readonly reason: MessageValue;
}

export const DEFAULT_REVIEW_OUT = '_review';

const REVIEW_MARKER = 'Made by charter review. Each run replaces the packs of the charters it writes.\n';

/**
 * The packs the runs into a folder wrote, one path a line: only these are
 * ever removed as stale (a renamed charter's), never a file of the user's
 * that merely looks like a pack (`fi/meeting-notes.html`).
 */
const PACK_LIST = REVIEW_PACK_LIST;

/** A pack list larger than this is not ours: nothing is removed by it. */
const MAX_PACK_LIST = 1_000_000;

/**
 * Writes the review pack of each charter in each of its languages: a page of
 * its own with its styles inline (`<lang>/<id>.html`), and the same printed on
 * A4 (`<lang>/<id>.pdf`) where Chromium exists. Charter findings do not stop
 * it (an overdue review is what brings the reviewer here); only charters that
 * cannot be read are left out. Everything is written into a staging folder
 * first and then moved into the output: a run that fails leaves the output as
 * it was, and one for some charters leaves the others' packs in place.
 */
export async function makeReviewPack(options: ReviewPackOptions): Promise<ReviewPackResult> {
  const asOf = options.asOf ?? new Date();
  const out = resolve(options.cwd, options.out ?? DEFAULT_REVIEW_OUT);
  const shown = options.out ?? DEFAULT_REVIEW_OUT;
  const checked = await checkCharters(options);
  const { results, root, charters, unnormalized } = checked;
  const wanted = (options.charters ?? []).map((given) => idOfFile(given, charters, options.cwd) ?? given);
  const unknown = wanted.filter((id) => !charters.some((charter) => charter.id === id));
  const chosen = wanted.length === 0 ? charters : charters.filter((charter) => wanted.includes(charter.id));
  const leftOut = unnormalized.map((unit) => leftOutUnit(unit, results));
  if (unknown.length > 0 || chosen.length === 0) return { ok: false, results, unknown, known: charters.map((charter) => charter.id).sort(), leftOut };

  const inputs = siteInputs({ cwd: options.cwd, ...(options.events ? { events: options.events } : {}) });
  // Before any work: a bad --out is a usage error, not logs read in vain.
  await checkNotASite(out, shown);
  await checkOutputFolder(out, protectedFolders(inputs, options.cwd, root), shown, options.cwd, 'review');
  const review = await reviewInputs({ charters, unnormalized }, chosen, {
    cwd: options.cwd,
    patterns: options.patterns ?? [],
    asOf,
    ...(options.events ? { events: options.events } : {}),
  });
  const templates = await loadSiteTemplates(inputs);
  const pages = planReviewPages(review.inputs, { renderMarkdown });
  const format = options.format ?? 'all';

  const staging = await StagingFolder.create(out, shown, REVIEW_MARKER, REVIEW_OUTPUT_MARKER);
  try {
    const documents = await Promise.all(pages.map(async (page) => ({ page, html: await selfContainedCard(withoutForbidden(templates.render(page))) })));
    const files: string[] = [];
    if (format !== 'pdf') {
      for (const { page, html } of documents) files.push(await write(staging.path, `${fileOf(page)}.html`, html));
    }
    let pdfSkipped: { problem: MessageRef; fix: MessageRef } | undefined;
    if (format !== 'html') {
      const printed = await printAll(documents, options.chromium, format === 'all');
      if ('skipped' in printed) pdfSkipped = printed.skipped;
      else
        for (const [index, pdf] of printed.pdfs.entries())
          files.push(await write(staging.path, `${fileOf((documents[index] as { page: ReviewPage }).page)}.pdf`, pdf));
    }
    const ids = wanted.length === 0 ? undefined : new Set(chosen.map((charter) => charter.id));
    const earlier = await packList(out);
    // The list after this run: its packs, and the other charters' packs that stay.
    const kept = [...earlier].filter((path) => !isReviewFile(path, ids));
    const listed = [...new Set([...files, ...kept])].sort();
    await write(staging.path, PACK_LIST, listed.map((path) => `${path}\n`).join(''));
    await staging.publishFiles([...files, PACK_LIST], (path) => earlier.has(path) && isReviewFile(path, ids));
    // The site's marker that earlier versions used: the folder now has its own.
    if ((await readSmallFile(join(out, OUTPUT_MARKER), REVIEW_MARKER.length + 1)) === REVIEW_MARKER) await rm(join(out, OUTPUT_MARKER), { force: true });
    return {
      ok: true,
      results,
      outDir: out,
      files,
      ...(pdfSkipped ? { pdfSkipped } : {}),
      leftOut,
      review,
    };
  } catch (error) {
    await staging.discard();
    throw staging.problem(error);
  }
}

/** `fi/building-control`: where a pack goes, without its extension. */
function fileOf(page: ReviewPage): string {
  return `${page.frame.lang}/${page.review.id}`;
}

async function write(folder: string, file: string, body: string | Uint8Array): Promise<string> {
  await mkdir(dirname(join(folder, file)), { recursive: true });
  await writeFile(join(folder, file), body);
  return file;
}

/**
 * Every pack printed, in order; with `optional`, a Chromium that is missing
 * or does not start means no PDF and the reason, not a failure.
 */
async function printAll(
  documents: readonly { page: ReviewPage; html: string }[],
  chromium: string | undefined,
  optional: boolean,
): Promise<{ pdfs: Uint8Array[] } | { skipped: { problem: MessageRef; fix: MessageRef } }> {
  let printer: CardPrinter;
  try {
    printer = await CardPrinter.start(chromium, 1);
  } catch (error) {
    // Said as what is wrong with the Chromium there is: the whole error speaks of cards.
    if (!(error instanceof ChromiumMissingError)) throw error;
    const fix = chromiumFixOf(error);
    if (optional) return { skipped: { problem: chromiumProblemOf(error), fix } };
    throw new MessageError(message('review.pack.pdf-needs-chromium', { problem: chromiumProblemOf(error), fix }));
  }
  try {
    const pdfs: Uint8Array[] = [];
    for (const { page, html } of documents) {
      pdfs.push(await printer.printDocument(html, `/${fileOf(page)}.html`, { title: withoutForbidden(page.frame.title), lang: page.frame.lang }));
    }
    return { pdfs };
  } finally {
    await printer.close();
  }
}

/** What to do about it (install, or reinstall one that did not start), from the same error. */
function chromiumFixOf(error: ChromiumMissingError): MessageRef {
  const fix = error.text.values?.fix;
  return typeof fix === 'object' && 'id' in fix ? fix : message('cli.chromium.install');
}

/** What is wrong with the Chromium there is (or that there is none), from the error that says it for cards. */
function chromiumProblemOf(error: ChromiumMissingError): MessageRef {
  const problem = error.text.values?.problem;
  return typeof problem === 'object' && 'id' in problem ? problem : error.text;
}

/** The id of the charter loaded from `given`, when it names a charter file (`charters/city-library.yaml`) rather than an id. */
function idOfFile(given: string, charters: readonly Charter[], cwd: string): string | undefined {
  if (!/[\\/]|\.ya?ml$/i.test(given)) return undefined;
  const path = resolve(cwd, given);
  return charters.find((charter) => resolve(cwd, charter.file) === path)?.id;
}

/** Why a unit was left out, in the user's language: its file's first error where it has one (not one only in its baseline). */
function leftOutUnit(unit: UnnormalizedUnit, results: readonly FileResult[]): LeftOut {
  const error = results.find((result) => result.file === unit.file)?.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  const reason = error
    ? message('review.pack.first-error', { line: error.line, column: error.column, message: error.text ?? diagnosticMessage(error) })
    : unit.reason;
  return { file: unit.file, ...(unit.id === undefined ? {} : { id: unit.id }), reason };
}

/** An existing output folder marked by another command (a site of `charter build`) is not the packs' to write into. */
async function checkNotASite(out: string, shown: string): Promise<void> {
  const marker = await readSmallFile(join(out, OUTPUT_MARKER), REVIEW_MARKER.length + 1);
  if (marker !== undefined && marker !== REVIEW_MARKER) throw new OutputFolderError(message('review.pack.out-not-review', { out: shown }));
}

/** The packs earlier runs wrote into `out` (see PACK_LIST): none when there is no list, or it is not a plain file. */
async function packList(out: string): Promise<Set<string>> {
  const text = await readSmallFile(join(out, PACK_LIST), MAX_PACK_LIST);
  return new Set((text ?? '').split('\n').filter((path) => isReviewFile(path, undefined)));
}

/** A regular file's text (never through a link), or undefined when it is missing, something else, or larger than `limit`. */
async function readSmallFile(path: string, limit: number): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile() || info.size > limit) return undefined;
  return readFile(path, 'utf8').catch(() => undefined);
}

/** A charter id, as the schema allows it. */
const CHARTER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a path in the output is a pack a run writes: of one of `ids`, or of any charter. */
export function isReviewFile(path: string, ids: ReadonlySet<string> | undefined): boolean {
  const [folder, name, ...deeper] = path.split('/');
  if (folder === undefined || name === undefined || deeper.length > 0 || !LANGUAGE_TAG.test(folder)) return false;
  const match = /^(.+)\.(?:html|pdf)$/.exec(name);
  const id = match?.[1];
  return id !== undefined && CHARTER_ID.test(id) && (ids === undefined || ids.has(id));
}
