/**
 * Builds the extension pages and the background for one browser (`--mode chrome|firefox`)
 * into dist/<browser>/ with crxjs. The content script is built separately as a standalone
 * IIFE (vite.content.config.ts) and added to the manifest here, after crxjs, so that it
 * needs no web-accessible resources. scripts/build.mjs runs both builds for both browsers.
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { makeManifest, contentScripts, type Target } from './manifest.config.ts';
import { packsPlugin } from './scripts/lib/vite-plugin-packs.ts';

/** crxjs knows neither our IIFE content script nor Firefox's sidebar; finish the manifest here. */
function finishManifest(target: Target): Plugin {
  return {
    name: 'backstory-finish-manifest',
    enforce: 'post',
    // @ts-expect-error crxjs hook, typed in its own CrxPlugin interface
    renderCrxManifest(manifest: Record<string, unknown>) {
      delete manifest.web_accessible_resources;
      if (target === 'firefox') {
        const bg = manifest.background as { service_worker?: string; scripts?: string[]; type?: string };
        if (bg.service_worker) manifest.background = { scripts: [bg.service_worker], type: 'module' };
      }
      return manifest;
    },
    // The content script is added once crxjs is done (it checks the manifest's assets, and
    // content.js / content.css only exist after the second, IIFE build).
    writeBundle(options) {
      const file = resolve(options.dir ?? `dist/${target}`, 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      manifest.content_scripts = contentScripts();
      writeFileSync(file, JSON.stringify(manifest, null, 2));
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      packsPlugin(),
      preact(),
      // crxjs' own types disagree slightly with our manifest object's literal types.
      crx({ manifest: makeManifest(target) as never, browser: target }),
      finishManifest(target),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      modulePreload: false,
      target: 'es2022',
      rollupOptions: {
        input: {
          popup: resolve(import.meta.dirname, 'src/popup/index.html'),
          sidepanel: resolve(import.meta.dirname, 'src/sidepanel/index.html'),
          options: resolve(import.meta.dirname, 'src/options/index.html'),
        },
      },
    },
  };
});
