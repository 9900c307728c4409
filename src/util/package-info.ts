import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/** The installed package's folder (the one holding package.json), from source or from the bundle. */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the charter package folder');
    folder = parent;
  }
  cachedRoot = folder;
  return folder;
}

export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** The published JSON Schema: for unit charters, or for baselines (`_*.yaml`). */
export function schemaPath(kind: 'unit' | 'baseline' = 'unit'): string {
  return join(packageRoot(), 'schema', kind === 'baseline' ? 'charter-baseline.schema.json' : 'charter.schema.json');
}
