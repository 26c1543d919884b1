/**
 * Where things are for the end-to-end tier: the repository, the built extension, the
 * shared folder (corpus) and the browsers. Every lookup fails or skips with a message
 * that says what to do, never with a bare ENOENT.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (this file is test/e2e/harness/paths.ts). */
export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

/** Output folder for screenshots and logs written by tests (git-ignored). */
export const OUT_DIR = join(REPO_ROOT, 'out', 'e2e');

/** Folders served by `startServer`: the test fixture pages and the demo article. */
export const FIXTURE_PAGES = join(REPO_ROOT, 'test/fixtures/pages');
export const DEMO_DIR = join(REPO_ROOT, 'scripts/demo');

/** Path (relative to the server root) of the demo article. */
export const DEMO_PATH = '/demo/article.html';

/** The built extension for a browser, or throws "run npm run build first". */
export function requireDist(browser: 'chrome' | 'firefox' = 'chrome'): string {
  const dir = join(REPO_ROOT, 'dist', browser);
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`dist/${browser}/manifest.json is missing: run npm run build first (npm test builds before the e2e tier).`);
  }
  if (!existsSync(join(dir, 'content.js'))) {
    throw new Error(`dist/${browser}/content.js is missing: the content script was not built (src/content/index.ts); run npm run build.`);
  }
  return dir;
}

/**
 * The shared folder (DESIGN.md, corpus, eval): `$BACKSTORY_SHARED`, else `../shared`
 * beside the repository. Undefined when absent.
 */
export function sharedDir(): string | undefined {
  const candidates = [process.env.BACKSTORY_SHARED, resolve(REPO_ROOT, '../shared')].filter((d): d is string => !!d);
  return candidates.find((d) => existsSync(d));
}

/** The corpus pages folder (`<shared>/corpus/pages`), or undefined when absent. */
export function corpusDir(): string | undefined {
  const s = sharedDir();
  const dir = s && join(s, 'corpus', 'pages');
  return dir && existsSync(dir) ? dir : undefined;
}

/** Why corpus tests are skipped (for `describe.skipIf(!corpusDir())` titles and logs). */
export const CORPUS_MISSING =
  'corpus not found: set BACKSTORY_SHARED to the shared folder (with corpus/pages) or place it at ../shared; corpus tests skipped';

export { chromiumPath } from '../../../scripts/lib/chromium-launch.mjs';

export const CHROMIUM_MISSING =
  'Chromium not found: install it (apt-get install -y --no-install-recommends chromium fonts-dejavu-core) or set CHROMIUM_PATH';

/** The Firefox ESR binary: `$FIREFOX_PATH`, else /usr/bin/firefox-esr; undefined when absent. */
export function firefoxPath(): string | undefined {
  const p = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  return existsSync(p) ? p : undefined;
}

export const FIREFOX_MISSING =
  'Firefox ESR not found: install it (apt-get install -y --no-install-recommends firefox-esr) or set FIREFOX_PATH; Firefox smoke test skipped';

/** Makes (if needed) and returns a folder under out/e2e/. */
export function outDir(sub = ''): string {
  const dir = join(OUT_DIR, sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
