import { configDefaults, defineConfig } from 'vitest/config';

/** Checks the contents of store packages: only when the tier runs against them (npm run test:packages). */
const againstPackages = !!(process.env.BACKSTORY_EXT_CHROME || process.env.BACKSTORY_EXT_FIREFOX);

/**
 * The end-to-end tier: the built dist/ in headless Chromium (and a Firefox ESR smoke
 * test). Run after `npm run build`; files run one at a time (one browser each).
 * `$BACKSTORY_EXT_CHROME` / `$BACKSTORY_EXT_FIREFOX` point it at other copies of the
 * extension (scripts/test-packages.mjs: the store packages).
 */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    exclude: [...configDefaults.exclude, ...(againstPackages ? [] : ['test/e2e/packages.e2e.test.ts'])],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
