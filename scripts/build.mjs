#!/usr/bin/env node
// @ts-check
/**
 * `npm run build`: builds dist/chrome and dist/firefox. For each browser, the pages and
 * background (vite.config.ts, crxjs) and then the standalone content script
 * (vite.content.config.ts). Pass a browser name to build only that one.
 */
import { build } from 'vite';

const targets = process.argv.slice(2).filter((a) => a === 'chrome' || a === 'firefox');
for (const mode of targets.length ? targets : ['chrome', 'firefox']) {
  const t0 = performance.now();
  await build({ configFile: 'vite.config.ts', mode, logLevel: 'warn' });
  await build({ configFile: 'vite.content.config.ts', mode, logLevel: 'warn' });
  console.log(`built dist/${mode} in ${Math.round(performance.now() - t0)} ms`);
}
