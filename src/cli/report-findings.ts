import type { FileResult } from '../model/diagnostic.js';
import { loadFormatter, type FormatName } from '../format/index.js';
import { allRuleMeta } from '../rules/index.js';
import { packageVersion } from '../util/package-info.js';
import { wantsColor, type CliIO } from './io.js';

/** Prints findings the way `charter validate` does, for commands that validate first. */
export async function reportFindings(results: readonly FileResult[], format: FormatName, io: CliIO, color?: boolean): Promise<void> {
  const formatter = await loadFormatter(format);
  const report = formatter(results, {
    cwd: io.cwd,
    color: format === 'stylish' && wantsColor(io, color),
    version: packageVersion(),
    rules: allRuleMeta(),
    locale: io.locale ?? 'en',
  });
  if (report !== '') io.stdout(report);
}
