#!/usr/bin/env node
// @ts-check
/**
 * `npm run dev`: builds dist/chrome and rebuilds it whenever a source file is saved — the
 * pages and background (vite.config.ts, crxjs) and the content script
 * (vite.content.config.ts), each as a Vite watch build, as `npm run build` makes them
 * (`npm run dev -- firefox`: dist/firefox). The folder is emptied once at the start, not on
 * every rebuild: either build emptying it would delete the other's files. Load the folder
 * as an unpacked extension once; after a rebuild, reload it (its ↻ on chrome://extensions)
 * and the page. manifest.json and public/ are read at the start: restart after changing
 * them. Ctrl+C stops.
 */
import { rmSync } from 'node:fs';
import { build } from 'vite';

const target = process.argv.slice(2).includes('firefox') ? 'firefox' : 'chrome';
const outDir = `dist/${target}`;

/**
 * Starts one watch build and reports each of its builds; resolves with the watcher once the
 * first build is written (rejects if the first build fails: nothing to load yet).
 * @param {string} configFile
 * @param {string} name
 * @returns {Promise<{ close(): Promise<void> | void }>}
 */
async function watch(configFile, name) {
  let t0 = performance.now();
  const watcher = /** @type {import('vite').Rolldown.RolldownWatcher} */ (await build({ configFile, mode: target, logLevel: 'warn', build: { emptyOutDir: false, watch: {} } }));
  return new Promise((resolve, reject) => {
    let first = true;
    watcher.on('event', (e) => {
      if (e.code === 'START') t0 = performance.now();
      else if (e.code === 'ERROR' && first) reject(new Error(`${name}: the first build failed`));
      else if (e.code === 'ERROR') console.error(`${name}: build failed (the last good build stays in ${outDir}); waiting for the next change`);
      else if (e.code === 'END') {
        console.log(`${first ? 'built' : 'rebuilt'} ${name} in ${outDir} (${Math.round(performance.now() - t0)} ms)${first ? '' : ': reload the extension and the page'}`);
        if (first) resolve(watcher);
        first = false;
      }
    });
  });
}

rmSync(outDir, { recursive: true, force: true });
// The pages' build writes the manifest and public/ first; the content script joins them.
const watchers = [await watch('vite.config.ts', 'pages and background')];
watchers.push(await watch('vite.content.config.ts', 'content script'));
console.log(
  target === 'chrome'
    ? `watching src/ — load ${outDir} once: chrome://extensions → Developer mode → Load unpacked. Ctrl+C stops.`
    : `watching src/ — load ${outDir}/manifest.json once: about:debugging#/runtime/this-firefox → Load Temporary Add-on…. Ctrl+C stops.`,
);

/** Stops both watch builds and exits. */
async function stop() {
  await Promise.all(watchers.map((w) => w.close()));
  process.exit(0);
}
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
