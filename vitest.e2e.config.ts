import { defineConfig } from 'vitest/config';

/**
 * The end-to-end tier: the built dist/ in headless Chromium (and a Firefox ESR smoke
 * test). Run after `npm run build`; files run one at a time (one browser each).
 */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
