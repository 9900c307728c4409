import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../helpers.js';

const root = join(import.meta.dirname, '..', '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// One compile against the declarations and @types/node takes seconds, longer on a busy machine.
const COMPILE_TIMEOUT = 120_000;

const CONSUMER = `import { checkCharters, type Diagnostic } from 'charter';

const result = await checkCharters({ cwd: process.cwd() });
const diagnostics: readonly Diagnostic[] = result.results.flatMap((file) => file.diagnostics);
const first: Diagnostic | undefined = diagnostics[0];
console.log(first ? \`\${first.file}:\${first.line}:\${first.column} \${first.message}\` : 'no findings');
`;

/** Types that are really there, not `any`: using them wrongly must not compile. */
const MISUSE = `import { checkCharters } from 'charter';

const line: string = (await checkCharters({ cwd: '.' })).results[0]?.diagnostics[0]?.line ?? 0;
console.log(line);
`;

/**
 * A project of its own that depends on `charter` by name, as after installing it:
 * node_modules/charter is the checkout, so package.json's exports lead to the
 * declarations the build wrote.
 */
function consumerProject(moduleResolution: 'node16' | 'bundler'): string {
  const folder = tempFolder();
  mkdirSync(join(folder, 'node_modules', '@types'), { recursive: true });
  symlinkSync(root, join(folder, 'node_modules', 'charter'), 'dir');
  symlinkSync(join(root, 'node_modules', '@types', 'node'), join(folder, 'node_modules', '@types', 'node'), 'dir');
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, type: 'module' }));
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    module: moduleResolution === 'node16' ? 'node16' : 'esnext',
    moduleResolution,
    types: ['node'],
    // Checking @types/node takes most of the time; the declarations' own imports are checked below.
    skipLibCheck: true,
  };
  writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['consumer.ts', 'misuse.ts'] }));
  writeFileSync(join(folder, 'consumer.ts'), CONSUMER);
  writeFileSync(join(folder, 'misuse.ts'), MISUSE);
  return folder;
}

/** Every `from '…'` and `import('…')` in a declaration file. */
function importsOf(text: string): string[] {
  return [...text.matchAll(/\bfrom '([^']+)'|\bimport\("([^"]+)"\)/g)].map((match) => match[1] ?? match[2] ?? '');
}

function declarationFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.d.ts'))
    .map((name) => join(folder, name));
}

describe('the published type declarations', () => {
  it.each(['node16', 'bundler'] as const)(
    'type a consumer that imports charter by name (moduleResolution %s)',
    (moduleResolution) => {
      const folder = consumerProject(moduleResolution);
      const result = spawnSync(process.execPath, [tsc, '-p', folder, '--pretty', 'false'], { cwd: folder, encoding: 'utf8' });
      const errors = `${result.stdout}${result.stderr}`.trim().split('\n');
      expect(errors).toEqual([expect.stringMatching(/^misuse\.ts\(3,7\): error TS2322: Type 'number' is not assignable to type 'string'\.$/) as string]);
      expect(result.status).not.toBe(0);
    },
    COMPILE_TIMEOUT,
  );

  it('import only what an installed charter has: its own declarations, its dependencies and Node', () => {
    const typesFolder = join(root, 'dist', 'types');
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const files = declarationFiles(typesFolder);
    expect(files).toContain(join(typesFolder, 'index.d.ts'));
    const unresolved: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        // A JSON module would need an import attribute, or resolveJsonModule, of every consumer: its type is written out instead.
        const found = specifier.startsWith('.')
          ? !specifier.endsWith('.json') && existsSync(join(dirname(file), specifier.replace(/\.js$/, '.d.ts')))
          : specifier.startsWith('node:') ||
            Object.hasOwn(dependencies, specifier.startsWith('@') ? specifier.split('/', 2).join('/') : (specifier.split('/')[0] ?? ''));
        if (!found) unresolved.push(`${file.slice(typesFolder.length + 1)}: ${specifier}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});
