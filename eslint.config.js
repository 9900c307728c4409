// ESLint: typescript-eslint's type-checked recommended rules over the project's
// code, with Prettier's config last so that formatting is Prettier's job alone.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // src/schema/generated/ is written by the build from the schema, not by hand.
  globalIgnores(['dist/', '.dist-*/', '_site/', 'coverage/', 'bench/.work/', 'src/schema/generated/']),
  {
    files: ['**/*.{ts,js,mjs,cjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // The browser tests and the site's browser module (src/site/browser/) compile with the DOM library; everything else with Node's.
        project: ['./tsconfig.eslint.json', './tsconfig.browser-tests.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Finding, describing and escaping control characters is part of this tool's job.
      'no-control-regex': 'off',
      // The same exemptions as TypeScript's noUnusedLocals/noUnusedParameters, plus `{ dropped: _, ...kept }`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // A type guard's false branch narrows its string argument to `never`; messages still print it.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNever: true }],
      // Passing on a caught error of unknown type, as `throw error` may (only-throw-error allows it too).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
    rules: {
      // Plain JavaScript has no annotations, so parameters and parsed JSON are `any`: these would flag every use.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // For the same reason an error passed to a callback is `any`, not `unknown`.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
    },
  },
  {
    // The site's client scripts run in the browser and belong to no TypeScript project.
    files: ['site/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.browser, parserOptions: { project: null } },
  },
  prettier,
);
