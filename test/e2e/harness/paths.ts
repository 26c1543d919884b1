/**
 * Where things are for the end-to-end tier: the repository, the extension under test (the
 * build, or the store packages), the shared folder (corpus) and the browsers. Every lookup fails or skips with a message
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

/**
 * The variables that point the e2e tier at another copy of the extension than the build:
 * an unpacked package (a folder), or for Firefox the package itself (a .zip or .xpi,
 * installed as it is). `npm run test:packages` sets them.
 */
export const EXTENSION_ENV = { chrome: 'BACKSTORY_EXT_CHROME', firefox: 'BACKSTORY_EXT_FIREFOX' } as const;

/** Whether a Firefox extension path is a package file rather than a folder. */
export const isArchive = (path: string): boolean => /\.(zip|xpi)$/i.test(path);

/**
 * The extension the e2e tests load for a browser: `$BACKSTORY_EXT_CHROME` /
 * `$BACKSTORY_EXT_FIREFOX` when set, else the build (dist/<browser>). Throws with what to
 * do when it is not there.
 */
export function requireDist(browser: 'chrome' | 'firefox' = 'chrome'): string {
  const variable = EXTENSION_ENV[browser];
  const given = process.env[variable];
  if (given) {
    const path = resolve(given);
    if (browser === 'firefox' && isArchive(path) ? !existsSync(path) : !existsSync(join(path, 'manifest.json'))) {
      const what = browser === 'firefox' ? 'an unpacked package (a folder with manifest.json) or a .zip/.xpi' : 'an unpacked package (a folder with manifest.json)';
      throw new Error(`${variable}=${given}: not found; point it at ${what}, or unset it to test dist/${browser}.`);
    }
    return path;
  }
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
export const CORPUS_MISSING = 'corpus not found: set BACKSTORY_SHARED to the shared folder (with corpus/pages) or place it at ../shared; corpus tests skipped';

export { chromiumPath } from '../../../scripts/lib/chromium-launch.mjs';

export const CHROMIUM_MISSING = 'Chromium not found: install it (apt-get install -y --no-install-recommends chromium fonts-dejavu-core) or set CHROMIUM_PATH';

/** The Firefox ESR binary: `$FIREFOX_PATH`, else /usr/bin/firefox-esr; undefined when absent. */
export function firefoxPath(): string | undefined {
  const p = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  return existsSync(p) ? p : undefined;
}

export const FIREFOX_MISSING = 'Firefox ESR not found: install it (apt-get install -y --no-install-recommends firefox-esr) or set FIREFOX_PATH; Firefox smoke test skipped';

/** Makes (if needed) and returns a folder under out/e2e/. */
export function outDir(sub = ''): string {
  const dir = join(OUT_DIR, sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
