import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Type-aware linting, and the layer rules of architecture.md enforced here rather than by convention:
// imports point down only (renderer → shared; electron/main → electron/services → db → shared;
// server → db, shared), and only electron/main and electron/preload may touch the `electron` module.

const zone = (target: string, from: string[], message: string) => ({ target, from, message });

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-electron/',
      'release/',
      'coverage/',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.shared.json', './tsconfig.renderer.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.json'] } } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-console': 'off',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            zone(
              './shared',
              ['./db', './electron', './server', './renderer', './tests', './tools'],
              'shared/ is pure: it imports nothing but shared/ and resources/.',
            ),
            zone(
              './db',
              ['./electron', './server', './renderer', './tests', './tools'],
              'db/ may import shared/ only.',
            ),
            zone(
              './renderer',
              ['./db', './electron', './server', './tests', './tools'],
              'The renderer talks to main through window.caseworker only.',
            ),
            zone(
              './electron/services',
              [
                './electron/main',
                './electron/preload',
                './electron/cli',
                './server',
                './renderer',
                './tests',
              ],
              'Services sit below main, preload and the CLI.',
            ),
            zone(
              './electron/preload',
              ['./db', './electron/services', './electron/main', './server', './renderer'],
              'Preloads may import shared/ only.',
            ),
            zone(
              './electron/main',
              ['./db', './server', './renderer', './electron/cli'],
              'Main reaches the store through electron/services.',
            ),
            zone(
              './electron/cli',
              ['./electron/main', './electron/preload', './server', './renderer'],
              'The CLI runs services without Electron.',
            ),
            zone(
              './server',
              ['./electron', './renderer'],
              'The server shares db/ and shared/ with the desktop, nothing else.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Only main and the preloads may use Electron; services, db and shared must run under plain Node.
    files: ['shared/**', 'db/**', 'electron/services/**', 'electron/cli/**', 'server/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
        },
      ],
    },
  },
  {
    // shared/ and the renderer have no Node: no built-ins (tsconfig gives them no Node types either).
    files: ['shared/**', 'renderer/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
          ],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
              message: 'No Node built-ins in shared/ or the renderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.tsx', 'renderer/src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual and react-hook-form return functions the React Compiler cannot memoise; the app
      // does not use the compiler, so the notice is noise.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Tests hand-build malformed inputs and read raw rows on purpose.
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
