import { diffCharters } from '../diff/diff-charters.js';
import { needsDecision } from '../diff/diff-model.js';
import { formatGithub } from '../diff/format-github.js';
import { formatJson } from '../diff/format-json.js';
import { formatMarkdown } from '../diff/format-markdown.js';
import { formatStylish } from '../diff/format-stylish.js';
import type { DiffFormatContext } from '../diff/render-text.js';
import { EXIT_FINDINGS, EXIT_OK, outputOption, wantsColor, writeOutput, type CliIO } from './io.js';

export const DIFF_FORMATS = ['stylish', 'json', 'markdown', 'github'] as const;

export interface DiffFlags {
  readonly base?: string;
  readonly format: (typeof DIFF_FORMATS)[number];
  readonly output?: string;
  readonly color?: boolean;
}

/**
 * `charter diff`: what changed in the promises since a git ref, or between
 * two folders or files. Exit 1 when a promise is weakened without a recorded
 * decision, or a charter no longer loads; 0 otherwise.
 */
export async function diffCommand(paths: readonly string[], flags: DiffFlags, io: CliIO): Promise<number> {
  const output = await outputOption(io, flags.output);
  const result = await diffCharters({ cwd: io.cwd, paths, ...(flags.base === undefined ? {} : { base: flags.base }) });
  const context: DiffFormatContext = { locale: io.locale ?? 'en', cwd: io.cwd, color: output === undefined && wantsColor(io, flags.color) };
  const format = { stylish: formatStylish, json: formatJson, markdown: formatMarkdown, github: formatGithub }[flags.format];
  const text = format(result, context);
  if (output) await writeOutput(io, output, text);
  else io.stdout(text);
  const broken = result.unreadable.some((unit) => unit.side === 'new');
  return needsDecision(result) || broken ? EXIT_FINDINGS : EXIT_OK;
}
