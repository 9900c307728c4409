import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { validateCharters } from '../check.js';
import type { FileResult } from '../model/diagnostic.js';
import { allRuleMeta } from '../rules/index.js';
import { loadFormatter } from '../format/index.js';
import { packageVersion } from '../util/package-info.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { EXIT_FINDINGS, EXIT_OK, UsageError, wantsColor, type CliIO } from './io.js';
import type { ValidateFlags } from './run.js';

/** `charter validate`: check, format, write, and decide the exit code. */
export async function validateCommand(paths: readonly string[], flags: ValidateFlags, io: CliIO): Promise<number> {
  const outputPath = flags.output === undefined ? undefined : resolve(io.cwd, flags.output);
  if (outputPath) await assertWritableFolder(outputPath, flags.output as string);

  const { results } = await validateCharters({
    patterns: paths,
    cwd: io.cwd,
    concurrency: flags.concurrency ?? 'auto',
    ...(flags.root === undefined ? {} : { root: flags.root }),
    ...(flags.today === undefined ? {} : { today: flags.today }),
  });

  const shown: FileResult[] = flags.quiet
    ? results.map((result) => ({ ...result, diagnostics: result.diagnostics.filter((d) => d.severity === 'error') }))
    : results;
  const errors = count(shown, 'error');
  const warnings = count(shown, 'warning');

  const formatter = await loadFormatter(flags.format);
  const report = formatter(shown, {
    cwd: io.cwd,
    color: outputPath === undefined && flags.format === 'stylish' && wantsColor(io, flags.color),
    version: packageVersion(),
    rules: allRuleMeta(),
  });

  if (outputPath) await writeFileAtomic(outputPath, report);
  else if (report !== '') io.stdout(report);

  const tooManyWarnings = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
  if (tooManyWarnings && errors === 0) {
    io.stderr(`charter: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${flags.maxWarnings}\n`);
  }
  return errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_OK;
}

function count(results: readonly FileResult[], severity: 'error' | 'warning'): number {
  return results.reduce((sum, result) => sum + result.diagnostics.filter((d) => d.severity === severity).length, 0);
}

async function assertWritableFolder(outputPath: string, shown: string): Promise<void> {
  const folder = await stat(dirname(outputPath)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new UsageError(`cannot write ${shown}: the folder ${dirname(shown)} does not exist`);
  const existing = await stat(outputPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new UsageError(`cannot write ${shown}: it is a folder`);
}
