// @ts-check
// ESLint: TypeScript rules plus the import boundaries of STYLE.md habit 1 — the surfaces
// (content, background, popup, sidepanel, options) never import each other, and the
// matcher stays pure (no DOM, no browser API, no Preact).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

const SURFACES = ['content', 'background', 'popup', 'sidepanel', 'options'];

const surfaceZones = SURFACES.flatMap((target) =>
  SURFACES.filter((from) => from !== target).map((from) => ({
    target: `./src/${target}`,
    from: `./src/${from}`,
    message: `Surfaces never import each other: share through src/shared, src/ui, src/matcher or src/facts.`,
  })),
);

const layerZones = [
  ...['shared', 'ui', 'matcher', 'facts'].flatMap((target) =>
    SURFACES.map((from) => ({ target: `./src/${target}`, from: `./src/${from}`, message: 'Shared layers never import a surface.' })),
  ),
  { target: './src/matcher', from: './src/shared', message: 'The matcher is pure: no browser API.' },
  { target: './src/matcher', from: './src/ui', message: 'The matcher is pure: no Preact.' },
  { target: './src/facts', from: './src/shared', message: 'Facts are data and pure checks.' },
  { target: './src/facts', from: './src/ui', message: 'Facts are data and pure checks.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.web-ext-artifacts/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...surfaceZones, ...layerZones] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
      ],
    },
  },
  {
    files: ['src/matcher/**'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: ['preact', 'preact/*', 'webextension-polyfill'] }],
      'no-restricted-globals': ['error', 'document', 'window', 'navigator', 'chrome', 'browser', 'location'],
    },
  },
);
