/**
 * The per-page measurements of `npm run bench` (scripts/bench.ts), all in one browser
 * session per kind (with the extension / without), loads run one after another:
 *
 * - with the extension: the `load` time of the navigation, then the content script's
 *   diagnostics once its scan is done (busyMs, maxSliceMs, mentions, entities);
 * - without the extension: the `load` time, then a bare TreeWalker read of every text
 *   node of the document, timed in the page's main world right after load (the first,
 *   cold read: the floor of DESIGN.md's scan budget);
 * - mark.js, injected into a fresh load without the extension, marking every alias of
 *   the bundled packs, timed in the page and aborted after a cap.
 */
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Diagnostics } from '../../src/shared/messages.ts';
import { waitForScan, type ExtensionBrowser } from '../../test/e2e/harness/index.ts';

const require = createRequire(import.meta.url);
/** mark.js's browser build (npm mark.js). */
export const MARK_JS = require.resolve('mark.js/dist/mark.min.js');

/** What one load of a page measured. */
export interface LoadFigures {
  /** navigation start → load event end, ms. */
  loadMs: number;
}

/** The renderer's JS heap after a full garbage collection, KB (the isolate holds the page and our isolated world). */
export async function heapKB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * In the page: the `load` time from the navigation timing entry, ms (-1: none), read in a
 * task after the load event (its end is set once the event's handlers have run). A string,
 * so Chromium (Playwright) and Firefox (BiDi) evaluate the same code.
 */
export const LOAD_MS_JS = `new Promise((resolve) => setTimeout(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  resolve(nav ? Math.round((nav.loadEventEnd - nav.startTime) * 10) / 10 : -1);
}, 0))`;

/** Loads `url` and returns the `load` time from the navigation timing entry. */
export async function timedLoad(page: Page, url: string, timeout = 30_000): Promise<LoadFigures> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load', timeout });
  return { loadMs: await page.evaluate<number>(LOAD_MS_JS) };
}

/** In the page: the floor, one TreeWalker pass reading every text node of the document (ms, nodes, characters). */
export const FLOOR_READ_JS = `(() => {
  const t0 = performance.now();
  const w = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  let nodes = 0;
  let chars = 0;
  for (let n = w.nextNode(); n; n = w.nextNode()) {
    nodes++;
    chars += n.data.length;
  }
  return { ms: Math.round((performance.now() - t0) * 100) / 100, nodes, chars };
})()`;

/** The floor, in the page's main world. */
export async function treeWalkerRead(page: Page): Promise<{ ms: number; nodes: number; chars: number }> {
  return page.evaluate<{ ms: number; nodes: number; chars: number }>(FLOOR_READ_JS);
}

/** mark.js over the page: ms, marks made, whether it hit the cap. */
export interface MarkJsFigures {
  ms: number;
  marks: number;
  aborted: boolean;
  error?: string;
}

/**
 * Injects mark.js into the (loaded, extension-free) page and marks `terms` with it. The
 * run is synchronous in the page, so the cap is enforced from mark.js's own callbacks
 * (`filter` per match, `noMatch` per term without one): past `capMs` they throw, which
 * unwinds mark.js.
 */
export async function markJs(page: Page, terms: string[], capMs: number): Promise<MarkJsFigures> {
  await page.addScriptTag({ path: MARK_JS });
  return page.evaluate(
    ({ terms, capMs }) => {
      const Mark = (window as unknown as { Mark: new (el: Element) => { mark(t: string[], o: object): void } }).Mark;
      const t0 = performance.now();
      let marks = 0;
      const STOP = 'backstory-bench-cap';
      const check = (): void => {
        if (performance.now() - t0 > capMs) throw new Error(STOP);
      };
      try {
        new Mark(document.body).mark(terms, {
          separateWordSearch: false,
          accuracy: 'exactly',
          diacritics: false,
          caseSensitive: true,
          filter: () => {
            check();
            return true;
          },
          noMatch: check,
          each: () => {
            marks++;
          },
        });
        return { ms: Math.round((performance.now() - t0) * 10) / 10, marks, aborted: false };
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        return { ms: Math.round((performance.now() - t0) * 10) / 10, marks, aborted: msg === STOP, ...(msg === STOP ? {} : { error: msg }) };
      }
    },
    { terms, capMs },
  );
}

/** Everything measured for one page. */
export interface PageResult {
  page: string;
  bytes: number;
  /** Text nodes and characters of the document (TreeWalker, no extension). */
  textNodes: number;
  textChars: number;
  /** Median over the loads with the extension. */
  busyMs: number;
  /** Worst over the loads with the extension. */
  maxSliceMs: number;
  scanMs: number;
  /** Median cold TreeWalker read over the loads without the extension. */
  floorMs: number;
  /** busyMs / floorMs. */
  floorRatio: number;
  markJs: MarkJsFigures;
  /** markJs.ms / busyMs (a lower bound when mark.js hit the cap). */
  markJsRatio: number;
  /** Median load in the same kind of browser with a blank control extension instead of Backstory. */
  loadWithoutMs: number;
  loadWithMs: number;
  /** loadWith / loadWithout − 1, in %: what Backstory itself adds. */
  loadDeltaPct: number;
  /** Median load in a browser without any extension (the TreeWalker floor's loads). */
  loadBareMs: number;
  /** loadWith / loadBare − 1, in %: Backstory plus the cost of running any extension at all. */
  loadBareDeltaPct: number;
  /** Median load with Backstory's build whose content script and its CSS are empty (see `emptyScriptExtension`); NaN when not measured. */
  loadEmptyScriptMs: number;
  /** loadWith / loadEmptyScript − 1, in %: what Backstory's content script adds to having one on every page. */
  loadEmptyScriptDeltaPct: number;
  /** loadEmptyScript / loadWithout − 1, in %: what having any content script on every page costs. */
  loadEmptyScriptVsControlPct: number;
  mentions: number;
  entities: number;
  /** What the page is to the pack (diagnostics `verdict`): 'none' when it names nothing the pack has. */
  verdict: Diagnostics['verdict'];
  /** Whether the probe found no region name in the page's text, so it was not walked (diagnostics `skipped`). */
  skipped: boolean;
  /** Median busy time by what the slices did (diagnostics `busyBy`), ms. */
  busyBy: Record<string, number>;
  /** Median time from navigation start to the first mark painted (0: nothing marked). */
  firstMarkMs: number;
  /** Median time spent making the matcher ready in the page (decoding the stored automaton). */
  setupMs: number;
  /** Median time the extension's background spent answering the page's probe, ms (not the page's main thread). */
  probeElsewhereMs: number;
  /** Whether the first look found the page worth reading. */
  read: boolean;
  /** JS heap of the renderer after the scan, with the extension minus the control (median, KB). */
  heapKB: number;
  error?: string;
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
export { median };

const r1 = (x: number): number => Math.round(x * 10) / 10;

/** How much longer `ms` is than `base`, in % (one decimal); NaN without a base. */
export const pctOver = (ms: number, base: number): number => (base > 0 ? r1((ms / base - 1) * 100) : NaN);

/**
 * Runs each of `runs` (one browser's load of a page) `loads` times, the order turning with
 * each load: a browser measured always in the same place (say, right after another one left
 * the page) would carry that place's cost into its figure.
 */
export async function inTurns(loads: number, runs: readonly (() => Promise<void>)[]): Promise<void> {
  for (let i = 0; i < loads; i++) for (let k = 0; k < runs.length; k++) await runs[(i + k) % runs.length]!();
}

/**
 * Measures one page: `loads` loads with the extension, in the control browser (the same
 * launch, a blank extension) and in a browser without extensions, interleaved; then mark.js.
 */
export async function benchPage(
  ext: { ctx: ExtensionBrowser; page: Page },
  control: Page,
  plain: Page,
  url: string,
  info: { page: string; bytes: number },
  opts: { loads: number; terms: string[]; markCapMs: number },
  emptyScript?: Page,
): Promise<PageResult> {
  const withMs: number[] = [];
  const emptyScriptMs: number[] = [];
  const withoutMs: number[] = [];
  const bareMs: number[] = [];
  const floors: number[] = [];
  const diags: Diagnostics[] = [];
  const heapWith: number[] = [];
  const heapWithout: number[] = [];
  let text = { nodes: 0, chars: 0 };
  // Each browser leaves the page once measured: a page left open (its timers, carousels,
  // players) would take the cores from the next measurement in another browser.
  const runs: (() => Promise<void>)[] = [
    async () => {
      withoutMs.push((await timedLoad(control, url)).loadMs);
      heapWithout.push(await heapKB(control));
      await control.goto('about:blank');
    },
    async () => {
      bareMs.push((await timedLoad(plain, url)).loadMs);
      const floor = await treeWalkerRead(plain);
      await plain.goto('about:blank');
      floors.push(floor.ms);
      text = { nodes: floor.nodes, chars: floor.chars };
    },
    async () => {
      withMs.push((await timedLoad(ext.page, url)).loadMs);
      diags.push(await waitForScan(ext.ctx, ext.page, { timeout: 60_000 }));
      heapWith.push(await heapKB(ext.page));
      await ext.page.goto('about:blank');
    },
  ];
  if (emptyScript) {
    runs.push(async () => {
      emptyScriptMs.push((await timedLoad(emptyScript, url)).loadMs);
      await emptyScript.goto('about:blank');
    });
  }
  await inTurns(opts.loads, runs);
  await timedLoad(plain, url);
  const mark = await markJs(plain, opts.terms, opts.markCapMs);
  await plain.goto('about:blank');
  const busyMs = r1(median(diags.map((d) => d.busyMs)));
  const floorMs = Math.round(median(floors) * 100) / 100;
  const loadWithoutMs = r1(median(withoutMs));
  const loadWithMs = r1(median(withMs));
  const loadBareMs = r1(median(bareMs));
  const loadEmptyScriptMs = r1(median(emptyScriptMs));
  const last = diags[diags.length - 1]!;
  return {
    ...info,
    textNodes: text.nodes,
    textChars: text.chars,
    busyMs,
    maxSliceMs: Math.max(...diags.map((d) => d.maxSliceMs)),
    scanMs: r1(median(diags.map((d) => d.scanMs))),
    floorMs,
    floorRatio: floorMs > 0 ? Math.round((busyMs / floorMs) * 100) / 100 : NaN,
    markJs: mark,
    markJsRatio: busyMs > 0 && !mark.error ? r1(mark.ms / busyMs) : NaN,
    loadWithoutMs,
    loadWithMs,
    loadDeltaPct: pctOver(loadWithMs, loadWithoutMs),
    loadBareMs,
    loadBareDeltaPct: pctOver(loadWithMs, loadBareMs),
    loadEmptyScriptMs,
    loadEmptyScriptDeltaPct: pctOver(loadWithMs, loadEmptyScriptMs),
    loadEmptyScriptVsControlPct: pctOver(loadEmptyScriptMs, loadWithoutMs),
    mentions: last.mentions,
    entities: last.entities.length,
    verdict: last.verdict,
    skipped: last.skipped,
    busyBy: Object.fromEntries([...new Set(diags.flatMap((d) => Object.keys(d.busyBy)))].map((k) => [k, r1(median(diags.map((d) => d.busyBy[k] ?? 0)))])),
    firstMarkMs: r1(median(diags.map((d) => d.firstMarkMs))),
    setupMs: Math.round(median(diags.map((d) => d.setupMs)) * 100) / 100,
    probeElsewhereMs: Math.round(median(diags.map((d) => d.probeElsewhereMs ?? 0)) * 100) / 100,
    read: last.read,
    heapKB: Math.round(median(heapWith) - median(heapWithout)),
  };
}

/**
 * Backstory's build with an empty content script and empty content CSS, in a temp folder:
 * the same manifest (a content script on every page and frame), background and packs. The
 * page load with it against the control is what having any content script costs; with
 * Backstory against it, what ours adds.
 */
export function emptyScriptExtension(dist: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-empty-script-'));
  cpSync(dist, dir, { recursive: true });
  writeFileSync(join(dir, 'content.js'), '// an empty content script: the load it costs to have one\n');
  writeFileSync(join(dir, 'content.css'), '');
  return dir;
}

/**
 * A blank MV3 extension (an empty service worker, nothing else) in a temp folder: the
 * control for page-load figures. Loading any unpacked extension changes the browser's
 * launch (its own profile, `--load-extension`), which alone moved loads by ~9–11% here;
 * comparing against the control leaves what Backstory adds.
 */
export function controlExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-control-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Control', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(dir, 'sw.js'), '// a control extension: does nothing\n');
  return dir;
}
