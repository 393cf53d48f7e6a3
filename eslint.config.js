import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Where code runs decides what it may import (docs/architecture.md). */
const restrict = (paths, patterns) => ['error', { paths: paths.map((name) => ({ name, message: 'Not available where this code runs.' })), patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      // JSX handlers may return promises (react-hook-form's handleSubmit); a rejected one is handled inside.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // shared/ is imported by main and renderer alike: no Node, no DOM, no Electron, no UI.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'fastify', 'ws'],
        [
          { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ may import only shared/ and zod.' },
          { group: ['@mui/*', '@emotion/*', '@fastify/*'], message: 'shared/ may import only shared/ and zod.' },
        ],
      ),
    },
  },
  {
    // The renderer is sandboxed web content: no Node, no Electron; it reaches data only through the bridge.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'fastify', 'ws'],
        [{ group: ['**/electron/**'], message: 'The renderer may not import main-process code.' }],
      ),
    },
  },
  {
    // One clock: moments become words or form values only in the format module, on the centre's zone (docs/architecture.md).
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ignores: ['renderer/src/components/format.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString', 'getHours', 'getTimezoneOffset'].map((property) => ({
          property,
          message: "Shows the workstation's clock: use renderer/src/components/format.ts.",
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Intl'][property.name='DateTimeFormat']",
          message: "Formats on the workstation's clock: use renderer/src/components/format.ts.",
        },
      ],
    },
  },
  {
    // Main and host code never reaches into the UI.
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [{ group: ['**/renderer/**'], message: 'Main-process code may not import the renderer.' }]),
    },
  },
  {
    // The preload runs sandboxed: only the electron module's renderer half, no Node built-ins.
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins, [{ group: ['**/renderer/**', '**/core/**', '**/host/**', '**/main/**'] }]),
    },
  },
);
