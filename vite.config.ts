/**
 * Builds the extension pages and the background for one browser (`--mode chrome|firefox`)
 * into dist/<browser>/ with crxjs. `manifest.json` at the top level is the one source of
 * the manifest, written for Chrome; `firefoxManifest` derives Firefox's differences from it.
 * The content script is built separately as a standalone IIFE (vite.content.config.ts) and
 * its manifest entry is put back here, after crxjs, so that it needs no web-accessible
 * resources. scripts/build.mjs runs both builds for both browsers.
 */
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import pkg from './package.json' with { type: 'json' };
import { packsPlugin } from './scripts/lib/vite-plugin-packs.ts';
import { preactWithoutInnerHtml } from './scripts/lib/vite-plugin-preact-no-inner-html.ts';

export type Target = 'chrome' | 'firefox';

/** A manifest as JSON: only the keys this file reads are typed. */
export interface Manifest {
  version: string;
  permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  side_panel?: { default_path: string };
  commands?: Record<string, { suggested_key?: object; description?: string }>;
  content_scripts?: object[];
  minimum_chrome_version?: string;
  browser_specific_settings?: { gecko?: { id: string } };
  [key: string]: unknown;
}

/** `manifest.json` with the version of package.json. */
export function readManifest(): Manifest {
  const m = JSON.parse(readFileSync(resolve(import.meta.dirname, 'manifest.json'), 'utf8')) as Manifest;
  return { ...m, version: pkg.version };
}

/** Chrome's manifest: the file as written, without the Firefox-only key. */
export function chromeManifest(m: Manifest): Manifest {
  const { browser_specific_settings: _firefoxOnly, ...chrome } = m;
  return chrome;
}

/**
 * Firefox's manifest, derived from Chrome's: the side panel becomes a `sidebar_action` with
 * the same page, the service worker a background script, the panel command Firefox's
 * built-in `_execute_sidebar_action`; `sidePanel` and `minimum_chrome_version` go.
 */
export function firefoxManifest(m: Manifest): Manifest {
  const { side_panel, minimum_chrome_version: _chromeOnly, ...rest } = m;
  const action = m.action as { default_icon?: object } | undefined;
  const commands = { ...m.commands };
  const panel = commands['open-panel'];
  delete commands['open-panel'];
  if (panel) commands._execute_sidebar_action = panel;
  const worker = m.background?.service_worker;
  return {
    ...rest,
    permissions: (m.permissions ?? []).filter((p) => p !== 'sidePanel'),
    background: worker ? { scripts: [worker], type: m.background?.type ?? 'module' } : m.background,
    commands,
    ...(side_panel
      ? {
          sidebar_action: {
            default_panel: side_panel.default_path,
            default_title: '__MSG_panelTitle__',
            ...(action?.default_icon ? { default_icon: action.default_icon } : {}),
            open_at_install: false,
          },
        }
      : {}),
  };
}

/** The manifest for one browser. */
export function manifestFor(target: Target): Manifest {
  const m = readManifest();
  return target === 'firefox' ? firefoxManifest(m) : chromeManifest(m);
}

/**
 * crxjs would bundle the content script as a loader plus web-accessible chunks; it gets the
 * manifest without it, and the entry is put back once crxjs is done (content.js and
 * content.css only exist after the second, IIFE build). crxjs also knows nothing of Firefox's
 * sidebar and rewrites `background`; both are finished here.
 */
function finishManifest(target: Target, manifest: Manifest): Plugin {
  return {
    name: 'backstory-finish-manifest',
    enforce: 'post',
    // @ts-expect-error crxjs hook, typed in its own CrxPlugin interface
    renderCrxManifest(out: Record<string, unknown>) {
      delete out.web_accessible_resources;
      if (target === 'firefox') {
        const bg = out.background as { service_worker?: string; scripts?: string[]; type?: string };
        if (bg.service_worker) out.background = { scripts: [bg.service_worker], type: 'module' };
      }
      return out;
    },
    writeBundle(options) {
      const file = resolve(options.dir ?? `dist/${target}`, 'manifest.json');
      const out = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      out.content_scripts = manifest.content_scripts;
      writeFileSync(file, JSON.stringify(out, null, 2));
    },
  };
}

/**
 * The document every extension page shares, written once: each page's index.html holds only
 * its entry script, which this puts in the doctype, `<html lang="en">`, the charset, the
 * viewport, a title and the `#app` root (src/ui/render-page.tsx then sets the page's own
 * title and language and renders into it).
 */
function pageShell(): Plugin {
  return {
    name: 'backstory-page-shell',
    transformIndexHtml: {
      order: 'pre',
      handler: (entry) =>
        [
          '<!doctype html>',
          '<html lang="en">',
          '  <head>',
          '    <meta charset="utf-8" />',
          '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
          '    <title>Backstory</title>',
          '  </head>',
          '  <body>',
          '    <div id="app"></div>',
          `    ${entry.trim()}`,
          '  </body>',
          '</html>',
          '',
        ].join('\n'),
    },
  };
}

export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = manifestFor(target);
  const { content_scripts: _addedAfter, ...forCrx } = manifest;
  return {
    plugins: [
      packsPlugin({ emitPacksFile: true }),
      preactWithoutInnerHtml(),
      preact(),
      pageShell(),
      // crxjs' own types disagree slightly with a manifest read from JSON.
      crx({ manifest: forCrx as never, browser: target }),
      finishManifest(target, manifest),
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
