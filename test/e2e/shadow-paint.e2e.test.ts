/**
 * Marks inside open shadow roots are really painted, checked by pixels, in Chromium and in
 * Firefox ESR. A document-level `::highlight()` rule does not reach into a shadow tree in
 * Firefox (TOOLCHAIN.md §3d), so the content script adopts a sheet with the same rules
 * into the shadow roots that hold marks; switching Backstory off takes it out again.
 *
 * Fixture test/fixtures/pages/shadow-paint: big names in the light DOM ("Galuzin", the
 * control: painted by the manifest CSS), in an open shadow root with a sheet of the
 * page's own ("Tbilisi") and in an open shadow root nested in it ("Moscow"). With the
 * background highlight style, each name's rectangle must differ between a screenshot with
 * the marks and one with Backstory switched off, and nothing else on the page may.
 * Without the adopted sheet, Firefox leaves "Tbilisi" and "Moscow" unpainted (0 pixels
 * differ) and this test fails there; Chromium paints them either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  FIREFOX_MISSING,
  firefoxPath,
  firefoxSetSettings,
  launchChromium,
  launchFirefox,
  outDir,
  readWatch,
  setSettings,
  startServer,
  waitForScan,
  watchPage,
  type ExtensionBrowser,
  type FirefoxBrowser,
  decodePng,
  rectDiff,
  type PixelRect,
  type PngImage,
  type TestServer,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';
import { canHostShadow } from '../../src/content/scan/skip.ts';

const PAGE = '/shadow-paint/page.html';
const NAMES = ['Galuzin', 'Tbilisi', 'Moscow'] as const;
type Name = (typeof NAMES)[number];

/** A share of a mark's rectangle this large must change when the mark goes (the background fills it). */
const MIN_SHARE = 0.3;

/** Main-world expressions (strings, so both browsers run the same code). */
const MARKS = `(() => { const h = CSS.highlights.get('backstory-background'); return h ? h.size : 0; })()`;

/** Viewport rectangles of the names, read through open shadow roots; and an empty area. */
const RECTS = `(() => {
  const words = ${JSON.stringify(NAMES)};
  const out = {};
  const roots = [document];
  for (let i = 0; i < roots.length; i++) {
    const w = document.createTreeWalker(roots[i], NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      if (n.nodeType === 1) { if (n.shadowRoot) roots.push(n.shadowRoot); continue; }
      for (const word of words) {
        const k = n.data.indexOf(word);
        if (k < 0) continue;
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + word.length);
        const b = r.getBoundingClientRect();
        out[word] = { x: b.x, y: b.y, width: b.width, height: b.height };
      }
    }
  }
  out.blank = { x: innerWidth / 2, y: innerHeight / 2, width: innerWidth / 2 - 20, height: innerHeight / 2 - 20 };
  return { rects: out, innerWidth };
})()`;

/** The adopted sheets of the page and of both shadow roots. */
const SHEETS = `(() => {
  const outer = document.getElementById('host').shadowRoot;
  const inner = outer.querySelector('news-inner').shadowRoot;
  const ours = (list) => list.filter((s) => [...s.cssRules].some((r) => r.cssText.includes('backstory-background'))).length;
  return {
    doc: document.adoptedStyleSheets.length,
    outer: outer.adoptedStyleSheets.length,
    outerOurs: ours([...outer.adoptedStyleSheets]),
    ownFirst: outer.adoptedStyleSheets[0] === window.__ownSheet,
    inner: inner.adoptedStyleSheets.length,
    innerOurs: ours([...inner.adoptedStyleSheets]),
  };
})()`;

interface Sheets {
  doc: number;
  outer: number;
  outerOurs: number;
  ownFirst: boolean;
  inner: number;
  innerOurs: number;
}

/** What each browser offers the shared checks. */
interface Driver {
  name: string;
  settings(patch: Record<string, unknown>): Promise<void>;
  evaluate<T>(expression: string): Promise<T>;
  screenshot(file: string): Promise<PngImage>;
}

async function until<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Lets the page paint twice (the highlight registry or sheets just changed). */
const settle = (d: Driver): Promise<unknown> => d.evaluate(`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(true))))`);

/** Name rectangles in image pixels. */
async function rects(d: Driver, img: PngImage): Promise<Record<Name | 'blank', PixelRect>> {
  const { rects: r, innerWidth } = await d.evaluate<{ rects: Record<Name | 'blank', PixelRect>; innerWidth: number }>(RECTS);
  const scale = img.width / innerWidth;
  const out = {} as Record<Name | 'blank', PixelRect>;
  for (const [k, v] of Object.entries(r) as [Name | 'blank', PixelRect][]) {
    expect(v.width, `${k} has no box`).toBeGreaterThan(0);
    out[k] = { x: v.x * scale, y: v.y * scale, width: v.width * scale, height: v.height * scale };
  }
  return out;
}

/**
 * The shared check, with the page loaded and marked: screenshot with the marks, switch
 * Backstory off, screenshot again, compare; then on again (the sheets come back, once).
 */
async function checkPaint(d: Driver, shots: string): Promise<void> {
  await until(
    'three background marks',
    () => d.evaluate<number>(MARKS),
    (n) => n === 3,
  );
  await settle(d);
  const on = await d.screenshot(join(shots, `${d.name}-on.png`));
  const sheetsOn = await d.evaluate<Sheets>(SHEETS);

  await d.settings({ enabled: false });
  await until(
    'the marks to go',
    () => d.evaluate<number>(MARKS),
    (n) => n === 0,
  );
  await settle(d);
  const off = await d.screenshot(join(shots, `${d.name}-off.png`));
  const sheetsOff = await d.evaluate<Sheets>(SHEETS);

  const box = await rects(d, on);
  const diff = Object.fromEntries((Object.keys(box) as (Name | 'blank')[]).map((k) => [k, rectDiff(on, off, box[k])]));
  const report = JSON.stringify({ diff, sheetsOn, sheetsOff });
  // The method works: the light-DOM mark (manifest CSS) is seen, nothing else changed.
  expect(diff.Galuzin!.share, `light-DOM mark not painted: ${report}`).toBeGreaterThan(MIN_SHARE);
  expect(diff.blank!.differing, `pixels changed outside the marks: ${report}`).toBe(0);
  // The marks inside the shadow roots are painted.
  expect(diff.Tbilisi!.share, `mark in the open shadow root not painted: ${report}`).toBeGreaterThan(MIN_SHARE);
  expect(diff.Moscow!.share, `mark in the nested shadow root not painted: ${report}`).toBeGreaterThan(MIN_SHARE);
  // One sheet of ours appended after the page's own, one in the nested root, none in the document.
  expect(sheetsOn).toEqual({ doc: 0, outer: 2, outerOurs: 1, ownFirst: true, inner: 1, innerOurs: 1 });
  // Off: only the page's own sheet is left.
  expect(sheetsOff).toEqual({ doc: 0, outer: 1, outerOurs: 0, ownFirst: true, inner: 0, innerOurs: 0 });

  // On again, and a style change on the way: the sheets come back, once each.
  await d.settings({ enabled: true, highlightStyle: 'underline' });
  await until(
    'underline marks',
    () => d.evaluate<number>(`(CSS.highlights.get('backstory-underline') || { size: 0 }).size`),
    (n) => n === 3,
  );
  await d.settings({ highlightStyle: 'background' });
  await until(
    'three background marks again',
    () => d.evaluate<number>(MARKS),
    (n) => n === 3,
  );
  await settle(d);
  const again = await d.screenshot(join(shots, `${d.name}-again.png`));
  expect(rectDiff(again, off, box.Tbilisi).share).toBeGreaterThan(MIN_SHARE);
  expect(await d.evaluate<Sheets>(SHEETS)).toEqual(sheetsOn);

  // The page replaces its shadow root's list: ours comes back (the restore timer, ≤ 2 s).
  await d.evaluate(`(() => { document.getElementById('host').shadowRoot.adoptedStyleSheets = [window.__ownSheet]; return true; })()`);
  await until(
    'our sheet back in the shadow root',
    () => d.evaluate<Sheets>(SHEETS),
    (s) => s.outer === 2 && s.outerOurs === 1 && s.ownFirst,
    5000,
  );
}

const hasFirefox = firefoxPath() !== undefined;
if (!hasFirefox) console.warn(FIREFOX_MISSING);

describe.skipIf(!hasChromium)('Marks in open shadow roots are painted (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer();
    ctx = await launchChromium();
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  it('paints Tbilisi and Moscow inside shadow roots, and leaves no sheet behind when off', async () => {
    await setSettings(ctx, { enabled: true, highlightStyle: 'background' });
    const page: Page = await ctx.newPage();
    await watchPage(page);
    await page.goto(server.url(PAGE));
    await waitForScan(ctx, page);
    const driver: Driver = {
      name: 'chromium',
      settings: (patch) => setSettings(ctx, patch),
      evaluate: (expression) => page.evaluate(expression),
      screenshot: async (file) => decodePng(await page.screenshot({ path: file })),
    };
    await checkPaint(driver, outDir('shadow-paint'));
    // Adopting a sheet is no node mutation.
    const watch = await readWatch(page);
    expect(watch.mutations).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it("asks for a shadow root only of the elements the browser lets have one (the scan's shortcut)", async () => {
    const names = [
      'div',
      'span',
      'p',
      'article',
      'aside',
      'blockquote',
      'body',
      'footer',
      'header',
      'main',
      'nav',
      'section',
      'h1',
      'h6',
      'x-card',
      'news-story',
      'a',
      'li',
      'ul',
      'img',
      'button',
      'td',
      'em',
      'input',
      'table',
      'figure',
      'label',
    ];
    const page: Page = await ctx.newPage();
    await page.goto(server.url(PAGE));
    const accepts = await page.evaluate(`(${JSON.stringify(names)}).map((n) => { try { document.createElement(n).attachShadow({ mode: 'open' }); return true; } catch { return false; } })`);
    expect(Object.fromEntries(names.map((n) => [n, canHostShadow(n)]))).toEqual(Object.fromEntries(names.map((n, i) => [n, (accepts as boolean[])[i]])));
    await page.close();
  });
});

describe.skipIf(!hasFirefox)('Marks in open shadow roots are painted (Firefox ESR)', () => {
  let server: TestServer;
  let ff: FirefoxBrowser;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  /** Merges a settings patch into storage.sync from an extension page, then brings the page's tab back. */
  async function ffSettings(patch: Record<string, unknown>): Promise<void> {
    const ext = await ff.openExtensionTab('src/options/index.html');
    try {
      await firefoxSetSettings(ff, ext, patch);
    } finally {
      await ff.send('browsingContext.close', { context: ext });
      await ff.send('browsingContext.activate', { context: ff.tab });
    }
  }

  it('paints Tbilisi and Moscow inside shadow roots, and leaves no sheet behind when off', async () => {
    await ffSettings({ enabled: true, highlightStyle: 'background' });
    await ff.navigate(server.url(PAGE));
    const driver: Driver = {
      name: 'firefox',
      settings: ffSettings,
      evaluate: (expression) => ff.evaluate(expression),
      screenshot: async (file) => {
        await ff.screenshot(file);
        return decodePng(file);
      },
    };
    await checkPaint(driver, outDir('shadow-paint'));
  });
});
