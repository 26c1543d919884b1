/**
 * The content script as one standalone IIFE (`content.js`) plus its page stylesheet
 * (`content.css`, the ::highlight() rules), written into dist/<browser>/ after the main
 * build. A classic script needs no loader and no web-accessible chunk, so pages cannot
 * detect Backstory by probing extension URLs. It is built with src/shared/browser-native.ts
 * in place of src/shared/browser.ts (no webextension-polyfill in pages and frames).
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { dirname, resolve } from 'node:path';
import { packsPlugin } from './scripts/lib/vite-plugin-packs.ts';
import { preactWithoutInnerHtml } from './scripts/lib/vite-plugin-preact-no-inner-html.ts';

const SEAM = resolve(import.meta.dirname, 'src/shared/browser.ts');

/** The content script uses the native namespace, not webextension-polyfill (src/shared/browser.ts). */
function nativeBrowserSeam(): Plugin {
  return {
    name: 'backstory-native-browser-seam',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !source.endsWith('/browser.ts')) return null;
      return resolve(dirname(importer), source) === SEAM ? resolve(import.meta.dirname, 'src/shared/browser-native.ts') : null;
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [nativeBrowserSeam(), packsPlugin(), preactWithoutInnerHtml(), preact()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: `dist/${mode === 'firefox' ? 'firefox' : 'chrome'}`,
    emptyOutDir: false,
    modulePreload: false,
    target: 'es2022',
    copyPublicDir: false,
    cssCodeSplit: false,
    // BACKSTORY_NO_MINIFY=1: readable function names in a profile.
    minify: process.env.BACKSTORY_NO_MINIFY ? false : 'oxc',
    lib: {
      entry: resolve(import.meta.dirname, 'src/content/index.ts'),
      formats: ['iife'],
      name: 'backstoryContent',
      fileName: () => 'content.js',
      cssFileName: 'content',
    },
  },
}));
