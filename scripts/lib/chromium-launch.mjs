// @ts-check
/**
 * The one place for how Backstory launches Chromium: the binary, the flags (TOOLCHAIN.md §3:
 * no network chatter, no first-run UI; root needs --no-sandbox), the flags that load an
 * unpacked extension, and which URLs an offline run may load. Used by the demo
 * (scripts/demo.mjs), the benchmarks (through test/e2e/harness/chromium.ts) and every e2e test.
 * Plain JavaScript so `node scripts/demo.mjs` can import it without a TypeScript loader.
 */
import { existsSync } from 'node:fs';

/** Where Chromium is looked for when `$CHROMIUM_PATH` is not set. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for every launch. */
export const CHROMIUM_ARGS = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Belt and braces with the request filter (isLocalUrl): names other than localhost never resolve.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
]);

/** The Chromium binary: `$CHROMIUM_PATH`, else /usr/bin/chromium; undefined when absent. */
export function chromiumPath() {
  const p = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(p) ? p : undefined;
}

/** Every flag for a launch with the unpacked extension in `dist` (and only it), plus `extra`. */
export function extensionArgs(dist, extra = []) {
  return [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`, ...CHROMIUM_ARGS, ...extra];
}

/** Whether a URL may be loaded in an offline run (this machine, the extension, inline data). */
export function isLocalUrl(url) {
  try {
    const u = new URL(url);
    if (['chrome-extension:', 'moz-extension:', 'data:', 'blob:', 'about:', 'chrome:'].includes(u.protocol)) return true;
    return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  } catch {
    return false;
  }
}
