// Type declarations of the public API (src/index.ts → dist/types/), for `types`
// in package.json's exports. tsc takes seconds even without type checking (that
// is `npm run typecheck`'s job), so a build reuses the last build's
// declarations when nothing they are made from has changed.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

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
  copyJsonModules(root, outDir);
  writeFileSync(join(outDir, STAMP), hash);
}

/** JSON the sources import (the interface wording): declarations that name its type import it too. */
function copyJsonModules(root, outDir) {
  for (const name of jsonModules(root)) cpSync(join(root, 'src', name), join(outDir, name));
}

function jsonModules(root) {
  return readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json'));
}

/** Everything the declarations depend on: the sources, the compiler settings and the installed packages' versions. */
function sourceHash(root) {
  const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts') || name.endsWith('.json'))
    .map((name) => join('src', name));
  const hash = createHash('sha256');
  for (const name of [...sources.sort(), 'tsconfig.json', CONFIG, 'package-lock.json']) {
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
