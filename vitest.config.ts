import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { packsPlugin } from './scripts/lib/vite-plugin-packs.ts';

/**
 * Unit tests (Node) and DOM tests (happy-dom). The end-to-end tier has its own config.
 * The packs plugin serves the same build-time modules as the extension build.
 */
export default defineConfig({
  plugins: [packsPlugin(), preact()],
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['test/dom/**/*.test.{ts,tsx}'],
          // The page stylesheet is adopted into shadow roots as text: tests read the real text.
          css: { include: [/src\/content\/paint\/page\.css/] },
        },
      },
    ],
  },
});
