/**
 * The content script as one standalone IIFE (`content.js`) plus its page stylesheet
 * (`content.css`, the ::highlight() rules), written into dist/<browser>/ after the main
 * build. A classic script needs no loader and no web-accessible chunk, so pages cannot
 * detect Backstory by probing extension URLs.
 */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { packsPlugin } from './scripts/lib/vite-plugin-packs.ts';

export default defineConfig(({ mode }) => ({
  plugins: [packsPlugin(), preact()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: `dist/${mode === 'firefox' ? 'firefox' : 'chrome'}`,
    emptyOutDir: false,
    modulePreload: false,
    target: 'es2022',
    copyPublicDir: false,
    cssCodeSplit: false,
    lib: {
      entry: resolve(import.meta.dirname, 'src/content/index.ts'),
      formats: ['iife'],
      name: 'backstoryContent',
      fileName: () => 'content.js',
      cssFileName: 'content',
    },
  },
}));
