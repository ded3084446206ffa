// Lint is also where the design's runtime boundaries are enforced (see ../shared/design.md):
// src-main/core is plain Node and never imports Electron; src-renderer is browser code and imports
// no Node module and nothing from the main process but the type-only contract.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['node_modules/', '.tsbuild/', 'dist/', 'out/', 'release/', 'test-results/', 'bench-results/'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src-main/core is plain Node: reach Electron through a port implemented in src-main/electron.' }],
          patterns: [
            { group: ['electron/*', '**/electron/**'], message: 'src-main/core must not depend on the Electron shell.' },
          ],
        },
      ],
    },
  },
  {
    // Shared by main and renderer: plain TypeScript that runs anywhere, importing nothing.
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!\\./[\\w.-]+\\.ts$)', message: 'src-main/shared runs in the main process and the browser alike: import only other files of src-main/shared.' }] }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeModules.map((name) => ({ name, message: 'src-renderer runs in the browser: no Node modules.' })),
            { name: 'electron', message: 'src-renderer talks to main only through window.airisk (src-main/contract.ts).' },
          ],
          patterns: [
            { regex: 'src-main/(?!contract(\\.ts)?$|shared/)', message: 'src-renderer may import only the type-only contract and src-main/shared from src-main.' },
          ],
        },
      ],
    },
  },
);
