// What the benchmark scripts share: where the checkout is, their command-line
// options, the built API and the median of a run's samples.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Generated inputs and outputs, kept between runs (not committed). */
export const work = join(root, 'bench', '.work');

/** The value after `--<name>` on the command line, or `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
}

/** Stops with a message when `npm run build` has not made dist/ yet. */
export function requireBuild() {
  if (!existsSync(join(root, 'dist', 'index.js'))) {
    console.error('bench: run `npm run build` first');
    process.exit(2);
  }
}

/** The public API as built in dist/. */
export async function builtApi() {
  requireBuild();
  return import(pathToFileURL(join(root, 'dist', 'index.js')).href);
}

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
