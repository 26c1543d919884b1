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

/** Syntax no file may use. */
const NO_EVAL = [
  { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
  { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
];

/**
 * The extension never turns a string into markup: the build's Preact has no
 * dangerouslySetInnerHTML (scripts/lib/vite-plugin-preact-no-inner-html.ts) and web-ext lint
 * must find no innerHTML assignment in the package.
 */
const NO_MARKUP_STRINGS = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: the build’s Preact refuses it.' },
  { selector: "Property[key.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML: the build’s Preact refuses it.' },
  { selector: 'AssignmentExpression > MemberExpression.left[property.name=/^(innerHTML|outerHTML)$/]', message: 'No innerHTML/outerHTML assignment: build nodes (or Preact elements).' },
  { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment)$/]', message: 'No markup from strings.' },
  { selector: "CallExpression[callee.object.name='document'][callee.property.name=/^(write|writeln)$/]", message: 'No markup from strings.' },
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
      'no-restricted-syntax': ['error', ...NO_EVAL],
    },
  },
  {
    files: ['src/**'],
    rules: { 'no-restricted-syntax': ['error', ...NO_EVAL, ...NO_MARKUP_STRINGS] },
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
