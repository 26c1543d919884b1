import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/** Unit tests (Node) and DOM tests (happy-dom). The end-to-end tier has its own config. */
export default defineConfig({
  plugins: [preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'dom', environment: 'happy-dom', include: ['test/dom/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
