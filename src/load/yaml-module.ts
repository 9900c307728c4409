import { createRequire } from 'node:module';
import type * as YamlModule from 'yaml';

let loaded: typeof YamlModule | undefined;

/**
 * The `yaml` package, loaded on first use. Clean files never need it (the fast
 * path reads them), and loading it is a third of the start-up time of a
 * one-file check. Required, not imported, so that loading stays synchronous.
 */
export function yaml(): typeof YamlModule {
  loaded ??= createRequire(import.meta.url)('yaml') as typeof YamlModule;
  return loaded;
}
