// Type declarations of the public API (src/index.ts → dist/types/), for `types`
// in package.json's exports. tsc takes seconds even without type checking (that
// is `npm run typecheck`'s job), so a build reuses the last build's
// declarations when nothing they are made from has changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const STAMP = '.source-hash';
const CONFIG = 'tsconfig.types.json';

/**
 * Writes the declarations into `outDir`, copied from `previousDir` when its
 * stamp matches the sources, else emitted by tsc.
 */
export async function writeDeclarations(root, outDir, previousDir) {
  const hash = sourceHash(root);
  if (readStamp(previousDir) === hash) {
    cpSync(previousDir, outDir, { recursive: true });
    return;
  }
  await emitDeclarations(root, outDir);
  inlineJsonModules(root, outDir);
  writeFileSync(join(outDir, STAMP), hash);
}

/** `import fi from './strings/fi.json';` in a declaration, as tsc writes it (it drops the `with { type: 'json' }`). */
const JSON_IMPORT = /^import (\w+) from '(\.{1,2}\/[^']+\.json)';$/gm;

/**
 * The sources import JSON (the interface wording, the message catalogs), and
 * the declarations name its type. A declaration that imports a `.json` file
 * fails a consumer compiled without skipLibCheck under `module: nodenext`
 * (the import attribute is gone) and one without resolveJsonModule, so each
 * such import becomes a constant of the JSON's type, written out.
 */
function inlineJsonModules(root, outDir) {
  for (const name of readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts'))) {
    const file = join(outDir, name);
    const text = readFileSync(file, 'utf8');
    const source = join(root, 'src', relative(outDir, dirname(file)));
    const inlined = text.replace(JSON_IMPORT, (_, binding, specifier) => {
      const json = JSON.parse(readFileSync(join(source, specifier), 'utf8'));
      return `declare const ${binding}: ${jsonType(json, '')};`;
    });
    if (inlined !== text) writeFileSync(file, inlined);
  }
}

/** The type TypeScript gives a JSON value (strings widened to `string`), as declaration text. */
function jsonType(value, indent) {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const items = [...new Set(value.map((item) => jsonType(item, indent)))];
    return items.length === 0 ? 'never[]' : `(${items.join(' | ')})[]`;
  }
  if (typeof value === 'object') {
    const inner = `${indent}    `;
    const members = Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${jsonType(item, inner)};`);
    return members.length === 0 ? '{}' : `{\n${members.join('\n')}\n${indent}}`;
  }
  return typeof value;
}

/** Everything the declarations depend on: the sources, the compiler settings, the installed packages' versions and this script. */
function sourceHash(root) {
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') || name.endsWith('.json'))
    .map((name) => join('src', name));
  const hash = createHash('sha256');
  for (const name of [...sources.sort(), 'tsconfig.json', CONFIG, 'package-lock.json', 'scripts/declarations.mjs']) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(root, name)));
  }
  return hash.digest('hex');
}

function readStamp(folder) {
  try {
    return readFileSync(join(folder, STAMP), 'utf8');
  } catch {
    return undefined;
  }
}

function emitDeclarations(root, outDir) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', join(root, CONFIG), '--noCheck', '--outDir', outDir], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tsc could not write the type declarations:\n${output}`))));
  });
}
