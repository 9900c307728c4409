import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Tests import the generated validator and run the built bin: build once, before any test. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the build failed before the tests:\n${result.stderr}`);
}
