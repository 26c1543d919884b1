/**
 * The page table in Firefox ESR, over WebDriver BiDi (test/e2e/harness/firefox.ts): per page,
 * `loads` loads in a Firefox with dist/firefox (the content script's diagnostics: busy time,
 * longest slice, decode, what the slices did) and in a plain Firefox with the same prefs (the
 * cold TreeWalker read and the load without the extension), interleaved.
 *
 * Both run with `privacy.reduceTimerPrecision` off: by default Firefox rounds
 * `performance.now()` to 1 ms, coarser than the floor being measured.
 */
import { resolve } from 'node:path';
import { firefoxPath, firefoxScanWaiter, launchFirefox, type Diagnostics, type FirefoxBrowser } from '../../test/e2e/harness/index.ts';
import { FLOOR_READ_JS, inTurns, LOAD_MS_JS, median, pctOver } from './bench-pages.ts';

/** One page's figures in Firefox (medians of the loads). */
export interface FirefoxPageResult {
  page: string;
  busyMs: number;
  floorMs: number;
  floorRatio: number;
  maxSliceMs: number;
  /** What the longest slice was doing (diagnostics `maxSliceWhat`). */
  maxSliceWhat: string;
  setupMs: number;
  /** Median time the background spent answering the page's probe, ms (not the page's main thread). */
  probeElsewhereMs: number;
  loadWithMs: number;
  loadWithoutMs: number;
  loadDeltaPct: number;
  mentions: number;
  verdict: Diagnostics['verdict'];
  /** The probe found no region name in the page's text: not walked. */
  skipped: boolean;
  read: boolean;
  busyBy: Record<string, number>;
  error?: string;
}

const PREFS = { 'privacy.reduceTimerPrecision': false };
const r1 = (x: number): number => Math.round(x * 10) / 10;

/** Reads the navigation timing without a timer: one page (gatewaypundit-1) leaves `setTimeout` throwing in Firefox. */
const LOAD_MS_NOW_JS = `(() => { const nav = performance.getEntriesByType('navigation')[0]; return nav ? Math.round((nav.loadEventEnd - nav.startTime) * 10) / 10 : -1; })()`;

async function loadIn(ff: FirefoxBrowser, url: string): Promise<number> {
  await ff.navigate(url);
  return ff.evaluate<number>(LOAD_MS_JS).catch(() => ff.evaluate<number>(LOAD_MS_NOW_JS));
}

/** Leaves the page (an iframe that fails to load can make the navigation report an error; the tab still leaves). */
const leave = (ff: FirefoxBrowser): Promise<void> => ff.navigate('about:blank').catch(() => undefined);

/**
 * Runs the pages in Firefox; null (with a message) when Firefox ESR is not installed or the
 * Firefox build is missing. A page that fails is reported with its error and the run goes on.
 */
export async function benchFirefox(pages: readonly { page: string; url: string }[], opts: { loads: number; dist: string; log: (s: string) => void }): Promise<FirefoxPageResult[] | null> {
  if (!firefoxPath()) {
    opts.log('Firefox ESR not found (apt-get install -y --no-install-recommends firefox-esr, or FIREFOX_PATH): Firefox table skipped');
    return null;
  }
  const [ff, plain] = await Promise.all([launchFirefox({ dist: resolve(opts.dist), prefs: PREFS }), launchFirefox({ extension: false, prefs: PREFS })]);
  const out: FirefoxPageResult[] = [];
  try {
    // The diagnostics are read from an extension page in a background tab; the page stays the selected tab.
    const probe = await ff.openExtensionTab('src/sidepanel/index.html');
    const scans = firefoxScanWaiter(ff, probe);
    await ff.send('browsingContext.activate', { context: ff.tab });
    for (const [i, p] of pages.entries()) {
      const t0 = Date.now();
      try {
        const floors: number[] = [];
        const without: number[] = [];
        const withMs: number[] = [];
        const diags: Diagnostics[] = [];
        // Each browser leaves the page once measured (its timers would take the cores from the other).
        const runs = [
          async (): Promise<void> => {
            without.push(await loadIn(plain, p.url));
            floors.push((await plain.evaluate<{ ms: number }>(FLOOR_READ_JS)).ms);
            await leave(plain);
          },
          async (): Promise<void> => {
            withMs.push(await loadIn(ff, p.url));
            diags.push(await scans.waitForScan(p.url, 60_000));
            await leave(ff);
          },
        ];
        await inTurns(opts.loads, runs);
        const busyMs = r1(median(diags.map((d) => d.busyMs)));
        const floorMs = Math.round(median(floors) * 100) / 100;
        const loadWithMs = r1(median(withMs));
        const loadWithoutMs = r1(median(without));
        const last = diags[diags.length - 1]!;
        const keys = [...new Set(diags.flatMap((d) => Object.keys(d.busyBy)))];
        out.push({
          page: p.page,
          busyMs,
          floorMs,
          floorRatio: floorMs > 0 ? Math.round((busyMs / floorMs) * 100) / 100 : NaN,
          maxSliceMs: Math.max(...diags.map((d) => d.maxSliceMs)),
          maxSliceWhat: diags.reduce((a, b) => (b.maxSliceMs > a.maxSliceMs ? b : a)).maxSliceWhat ?? '',
          setupMs: Math.round(median(diags.map((d) => d.setupMs)) * 100) / 100,
          probeElsewhereMs: Math.round(median(diags.map((d) => d.probeElsewhereMs ?? 0)) * 100) / 100,
          loadWithMs,
          loadWithoutMs,
          loadDeltaPct: pctOver(loadWithMs, loadWithoutMs),
          mentions: last.mentions,
          verdict: last.verdict,
          skipped: last.skipped,
          read: last.read,
          busyBy: Object.fromEntries(keys.map((key) => [key, r1(median(diags.map((d) => d.busyBy[key] ?? 0)))])),
        });
        opts.log(
          `[firefox ${i + 1}/${pages.length}] ${p.page}: busy ${busyMs} ms (floor ${floorMs}), slice ${out.at(-1)!.maxSliceMs}, load ${loadWithoutMs}→${loadWithMs} ms (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
        );
      } catch (e) {
        const error = String(e instanceof Error ? e.message.split('\n')[0] : e);
        opts.log(`[firefox ${i + 1}/${pages.length}] ${p.page}: ${error}`);
        out.push({ page: p.page, error } as FirefoxPageResult);
        await Promise.all([leave(ff), leave(plain)]);
      }
    }
  } finally {
    await Promise.all([ff.close(), plain.close()]);
  }
  return out;
}
