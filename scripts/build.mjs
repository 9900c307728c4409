// Builds the CLI: compiles the JSON Schema to a standalone validator, then
// bundles src/ into dist/ with esbuild (one file per lazily loaded part) while
// tsc writes the public API's type declarations into dist/types/, and bundles
// the site's browser module (dist/assets/away-form.js, copied into every site).
import { renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeSchemaTypes, writeValidators } from './compile-schema.mjs';
import { writeDeclarations } from './declarations.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
writeValidators();
await writeSchemaTypes();
// Build beside dist/ and swap it in, so a running `charter` never sees half a build.
const finalDir = join(root, 'dist');
const outdir = join(root, `.dist-${process.pid}`);
rmSync(outdir, { recursive: true, force: true });
const declarations = writeDeclarations(root, join(outdir, 'types'), join(finalDir, 'types'));
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/parallel/worker.ts', 'report-worker': 'src/report/worker.ts' },
  outdir,
  bundle: true,
  // Lazily imported commands become chunks of their own, so `validate` never
  // loads the site generator's dependencies (Handlebars, marked, Eleventy).
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  sourcemap: 'linked',
  legalComments: 'none',
  minify: true,
  chunkNames: 'chunks/[name]-[hash]',
  // The site generator's heavy dependencies load from node_modules, and only when building.
  external: ['@11ty/eleventy', 'pagefind', 'handlebars', 'sanitize-html', 'marked', 'playwright-core', 'pdf-lib', 'qrcode'],
  // Bundled CommonJS dependencies (ajv's runtime) need require().
  banner: { js: "import { createRequire as __charterCreateRequire } from 'node:module'; const require = __charterCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
// The charter page's absence form: one browser module, shared by every page that has an absence
// routine (cacheable, never inlined). It bundles the same composeAway the `charter away` command runs.
await build({
  absWorkingDir: root,
  entryPoints: { 'assets/away-form': 'src/site/browser/away-form.ts' },
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});
await declarations;
const oldDir = join(root, `.dist-old-${process.pid}`);
try {
  renameSync(finalDir, oldDir);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(outdir, finalDir);
rmSync(oldDir, { recursive: true, force: true });
console.log('built dist/');
