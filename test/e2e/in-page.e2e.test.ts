/**
 * Issue #5 "In the page": the hard-case pages under test/fixtures/pages, each with its
 * expected mentions. For every page: the expected entities are marked (diagnostics and
 * the highlight registry), the page's innerText is the same as without Backstory, no
 * page node is mutated and no page error appears. One Chromium for the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import {
  FIXTURE_PAGES,
  allFrameDiagnostics,
  closePlainChromium,
  hoverText,
  innerText,
  launchChromium,
  outDir,
  plainPage,
  readWatch,
  resetWatch,
  startServer,
  waitForDiagnostics,
  waitForScan,
  watchPage,
  type Diagnostics,
  type ExtensionBrowser,
  type PageMutation,
  type TestServer,
} from './harness/index.ts';
import { hasChromium } from './harness/suite.ts';

interface Expected {
  entities: string[];
  mentions: number;
  headers?: Record<string, string>;
  viewport?: { width: number; height: number };
  [k: string]: unknown;
}

const expected = (slug: string): Expected => JSON.parse(readFileSync(join(FIXTURE_PAGES, slug, 'expected-mentions.json'), 'utf8')) as Expected;

/** The text of every range Backstory registered in a frame (read from the page's own world). */
const markedTexts = (target: Page | Frame): Promise<string[]> =>
  target.evaluate(() => {
    const out: string[] = [];
    for (const name of ['backstory-underline', 'backstory-background']) {
      const h = CSS.highlights.get(name);
      if (h) for (const r of h as unknown as Iterable<AbstractRange>) out.push((r as Range).toString().replace(/\s+/g, ' '));
    }
    return out;
  });

const describeMutations = (list: PageMutation[]): string[] => list.map((m) => `${m.type} ${m.target} ${m.attributeName ?? ''} +${m.added.join('|')} -${m.removed.join('|')}`);

describe.skipIf(!hasChromium)('In the page: hard cases (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;

  beforeAll(async () => {
    server = await startServer({ headers: { '/strict-csp/page.html': expected('strict-csp').headers! } });
    ctx = await launchChromium();
  });
  afterAll(async () => {
    await ctx?.close();
    await closePlainChromium();
    await server?.close();
  });

  /** Opens a fixture with the page watcher, waits for the scan, returns page + diagnostics. */
  async function open(slug: string, file = 'page.html'): Promise<{ page: Page; d: Diagnostics }> {
    const page = await ctx.newPage();
    await watchPage(page);
    await page.goto(server.url(`/${slug}/${file}`));
    const d = await waitForScan(ctx, page);
    return { page, d };
  }

  /** The same URL's innerText without the extension (after `settle` ran in it). */
  async function plainText(url: string, settle?: (p: Page) => Promise<void>): Promise<string> {
    const p = await plainPage();
    await p.goto(url);
    await settle?.(p);
    const text = await innerText(p);
    await p.close();
    return text;
  }

  /** No page-node mutation, no page error. */
  async function expectUntouched(page: Page): Promise<void> {
    const w = await readWatch(page);
    expect(describeMutations(w.mutations)).toEqual([]);
    expect(w.errors).toEqual([]);
    expect(ctx.pageErrors.filter((e) => e.url === page.url())).toEqual([]);
  }

  it('split-em: joins a name split across inline elements', async () => {
    const want = expected('split-em');
    const { page, d } = await open('split-em');
    expect(d.entities).toEqual(want.entities);
    expect(d.mentions).toBe(want.mentions);
    expect(await markedTexts(page)).toEqual(['Geneva International Discussions', 'Mikhail Galuzin', 'Tbilisi']);
    expect(await innerText(page)).toBe(await plainText(page.url()));
    await expectUntouched(page);
    // The split name is hoverable on its inner part too.
    await hoverText(page, 'International');
    const open_ = await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open' });
    expect(open_.card.entityId).toBe('geneva-international-discussions');
    await page.close();
  });

  it('live-ticker: marks text a script adds after load', async () => {
    const want = expected('live-ticker') as Expected & { before: { entities: string[] } };
    const { page, d } = await open('live-ticker');
    expect(d.entities.slice(0, 1)).toEqual(want.before.entities);
    await page.waitForFunction(() => (window as unknown as { tickerDone: boolean }).tickerDone);
    const after = await waitForDiagnostics(ctx, page, (x) => x.status === 'done' && x.mentions === want.mentions, { what: 'ticker marked' });
    expect(after.entities).toEqual(want.entities);
    expect(after.passes).toBeGreaterThan(1);
    const w = await readWatch(page);
    // Only the ticker's own insertions: three <li>, nothing by Backstory.
    expect(w.mutations.map((m) => `${m.target} +${m.added.join('|')}`)).toEqual(['ol#ticker +li', 'ol#ticker +li', 'ol#ticker +li']);
    expect(w.errors).toEqual([]);
    expect(await innerText(page)).toBe(await plainText(page.url(), (p) => p.waitForFunction(() => (window as unknown as { tickerDone: boolean }).tickerDone).then(() => undefined)));
    await page.close();
  });

  it('spa-route: rescans after history.pushState and a content swap, and after going back', async () => {
    const want = expected('spa-route') as Expected & { routes: Record<'a' | 'b', { entities: string[]; mentions: number }> };
    const { page, d } = await open('spa-route');
    expect(d.entities).toEqual(want.routes.a.entities);
    await resetWatch(page);
    await page.click('a[data-route="b"]');
    await page.waitForURL(/\/spa-route\/second$/);
    const b = await waitForScan(ctx, page);
    expect(b.entities).toEqual(want.routes.b.entities);
    expect(b.mentions).toBe(want.routes.b.mentions);
    expect(await markedTexts(page)).toEqual(['Kremlin', 'NATO', 'Abkhazia']);
    await page.goBack();
    await page.waitForURL(/\/spa-route\/page\.html$/);
    const a = await waitForDiagnostics(ctx, page, (x) => x.status === 'done' && x.url === page.url() && x.entities.join() === want.routes.a.entities.join(), { what: 'route a again' });
    expect(a.mentions).toBe(want.routes.a.mentions);
    // The only mutations are the app's own swaps of <main id="view">.
    const w = await readWatch(page);
    expect(w.mutations.every((m) => m.target === 'main#view')).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('editable: nothing marked in inputs, textareas, selects or editors; typing is unaffected', async () => {
    const want = expected('editable');
    const { page, d } = await open('editable');
    expect(d.entities).toEqual(want.entities);
    expect(d.mentions).toBe(want.mentions);
    expect(await markedTexts(page)).toEqual(['Galuzin', 'Moscow']);
    await expectUntouched(page);

    await page.click('#editor p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Then Moscow and Sokhumi.');
    await page.click('#comment');
    await page.keyboard.press('End');
    await page.keyboard.type(' Galuzin!');
    await page.click('#name');
    await page.keyboard.press('End');
    await page.keyboard.type(' in Tbilisi');
    expect(await page.locator('#editor').innerText()).toBe('Draft: Galuzin met officials in Tbilisi. Then Moscow and Sokhumi.');
    expect(await page.inputValue('#comment')).toBe('I read about Sokhumi and Tbilisi. Galuzin!');
    expect(await page.inputValue('#name')).toBe('Moscow reader in Tbilisi');
    const after = await waitForScan(ctx, page);
    expect(after.mentions).toBe(want.mentions);
    expect(await markedTexts(page)).toEqual(['Galuzin', 'Moscow']);
    // Every mutation is the editor's own typing.
    const w = await readWatch(page);
    expect(w.mutations.every((m) => m.target.startsWith('#text "Draft') || m.target.startsWith('p') || m.target === 'div#editor')).toBe(true);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('iframe: a same-origin frame marks its own text; the top frame reports only its own', async () => {
    const want = expected('iframe') as Expected & { frame: { mentions: number } };
    const { page, d } = await open('iframe');
    expect(d.entities).toEqual(want.entities);
    expect(d.mentions).toBe(want.mentions);
    const frame = page.frame({ url: /frame\.html$/ })!;
    expect(frame).toBeTruthy();
    await frame.waitForFunction(() => (CSS.highlights.get('backstory-underline')?.size ?? 0) > 0);
    expect(await markedTexts(frame)).toEqual(['Sokhumi', 'Geneva International Discussions']);
    expect(await markedTexts(page)).toEqual(['Galuzin', 'Moscow']);
    // The ad frame (one line of text) is not read: its content script never loads the names.
    const frames = await allFrameDiagnostics(ctx, page, 50);
    const ad = frames.find((f) => f.diag.url.endsWith('/ad.html'));
    const box = frames.find((f) => f.diag.url.endsWith('/frame.html'));
    expect(ad?.diag).toMatchObject({ status: 'done', read: false, mentions: 0, setupMs: 0 });
    expect(box?.diag).toMatchObject({ read: true, mentions: 2 });
    // The 1×1 frame has not started (nothing answers there) until it grows to a readable size.
    expect(frames.some((f) => f.diag.url.endsWith('/pixel.html'))).toBe(false);
    await expectUntouched(page);
    await page.evaluate(() => {
      const f = document.getElementById('pixel') as HTMLIFrameElement;
      f.width = '400';
      f.height = '200';
    });
    await expect.poll(async () => (await allFrameDiagnostics(ctx, page, 50)).find((f) => f.diag.url.endsWith('/pixel.html'))?.diag.status, { timeout: 10_000 }).toBe('done');
    await page.close();
  });

  it('shadow-dom: scans and hit-tests an open shadow root, and slotted text', async () => {
    const want = expected('shadow-dom');
    const { page, d } = await open('shadow-dom');
    expect([...d.entities].sort()).toEqual([...want.entities].sort());
    expect(d.mentions).toBe(want.mentions);
    await expectUntouched(page);
    // Hover "Moscow" inside the shadow root.
    await hoverText(page, 'Moscow', 0, 'news-body');
    const open_ = await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open on shadow text' });
    expect(open_.card.entityId).toBe('moscow');
    await page.close();
  });

  it('probe: a page whose text names nothing of the region is not walked, until an update names it', async () => {
    const { page, d } = await open('probe', 'world-only.html');
    // Script text names the region; the page's own text only world-level things.
    // The background answered the probe: the page never loaded the automaton.
    expect(d).toMatchObject({ skipped: true, verdict: 'none', mentions: 0, textNodes: 0, read: true, setupMs: 0 });
    expect(d.busyBy['probe']).toBeGreaterThan(0);
    expect(d.busyBy['setup']).toBeUndefined();
    await page.evaluate(() => (window as unknown as { addUpdate(t: string): void }).addUpdate('Galuzin arrived in Tbilisi.'));
    const after = await waitForDiagnostics(ctx, page, (x) => x.status === 'done' && !x.skipped, { what: 'the whole page walked' });
    // Walked whole: the world-level names before the update are marked beside the region's.
    expect([...after.entities].sort()).toEqual(['mikhail-galuzin', 'moscow', 'nato', 'tbilisi', 'united-states']);
    expect(after.verdict).toBe('region');
    expect(after.setupMs).toBeGreaterThan(0);
    await page.close();
  });

  it('probe: reads the shadow roots of web components, nested', async () => {
    const { page, d } = await open('probe', 'shadow.html');
    expect(d.skipped).toBe(false);
    expect([...d.entities].sort()).toEqual(['moscow', 'nato', 'tbilisi', 'united-states']);
    await page.close();
  });

  it('hostile-css: marks and shows the card despite * { all: unset !important }', async () => {
    const want = expected('hostile-css');
    const { page, d } = await open('hostile-css');
    expect(d.entities).toEqual(want.entities);
    await hoverText(page, 'Galuzin');
    await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open' });
    // The card is really on screen: the page's own hit-testing finds our host below the name.
    const r = await page.evaluate(() => {
      const host = document.querySelector('backstory-root')!;
      for (let y = 0; y < innerHeight; y += 4) for (let x = 0; x < innerWidth; x += 8) if (document.elementFromPoint(x, y) === host) return true;
      return false;
    });
    expect(r).toBe(true);
    await page.screenshot({ path: join(outDir('in-page'), 'hostile-css-card.png') });
    expect(await innerText(page)).toBe(await plainText(page.url()));
    await expectUntouched(page);
    await page.close();
  });

  it('strict-csp: marks and shows cards on a page served with a strict Content-Security-Policy', async () => {
    const want = expected('strict-csp');
    const { page, d } = await open('strict-csp');
    // The CSP is in force: the page's inline script did not run.
    expect(await page.evaluate(() => document.body.dataset.inlineScriptRan)).toBeUndefined();
    expect(d.entities).toEqual(want.entities);
    expect(d.mentions).toBe(want.mentions);
    await hoverText(page, 'Tbilisi');
    const open_ = await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open' });
    expect(open_.card.entityId).toBe('tbilisi');
    await expectUntouched(page);
    await page.close();
  });

  it('rtl: marks Latin names inside right-to-left text and opens their cards', async () => {
    const want = expected('rtl');
    const { page, d } = await open('rtl');
    expect(d.entities).toEqual(want.entities);
    expect(d.mentions).toBe(want.mentions);
    await hoverText(page, 'Galuzin');
    const open_ = await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open' });
    expect(open_.card.entityId).toBe('mikhail-galuzin');
    // Right-to-left text: the card's right edge is on the name's, below it, in view.
    const placed = await page.evaluate(() => {
      const host = document.querySelector('backstory-root')!;
      const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
      for (let y = 0; y < innerHeight; y += 2) {
        for (let x = 0; x < innerWidth; x += 2) {
          if (document.elementFromPoint(x, y) !== host) continue;
          box.left = Math.min(box.left, x);
          box.top = Math.min(box.top, y);
          box.right = Math.max(box.right, x);
          box.bottom = Math.max(box.bottom, y);
        }
      }
      const text = document.querySelector('p')!.firstChild as Text;
      const r = document.createRange();
      r.setStart(text, text.data.indexOf('Mikhail Galuzin'));
      r.setEnd(text, text.data.indexOf('Mikhail Galuzin') + 15);
      const name = r.getBoundingClientRect();
      return { box, name: { right: name.right, bottom: name.bottom }, width: innerWidth };
    });
    expect(Math.abs(placed.box.right - placed.name.right)).toBeLessThanOrEqual(3);
    expect(placed.box.top - placed.name.bottom).toBeGreaterThanOrEqual(3);
    expect(placed.box.top - placed.name.bottom).toBeLessThanOrEqual(9);
    expect(placed.box.left).toBeGreaterThanOrEqual(0);
    expect(await innerText(page)).toBe(await plainText(page.url()));
    await expectUntouched(page);
    await page.close();
  });

  it('restores its highlights when the page clears the registry', async () => {
    const { page } = await open('split-em');
    await page.evaluate(() => CSS.highlights.clear());
    expect(await markedTexts(page)).toEqual([]);
    await page.mouse.move(10, 10);
    await page.mouse.move(20, 20);
    await page.waitForFunction(() => CSS.highlights.has('backstory-underline'), undefined, { timeout: 5000 });
    expect((await markedTexts(page)).length).toBe(3);
    await page.close();
  });
});

describe.skipIf(!hasChromium)('In the page: a 360 px viewport (Chromium)', () => {
  let server: TestServer;
  let ctx: ExtensionBrowser;
  const want = expected('narrow-viewport');

  beforeAll(async () => {
    server = await startServer();
    ctx = await launchChromium({ viewport: want.viewport });
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  for (const word of ['Galuzin', 'Tbilisi']) {
    it(`narrow-viewport: the card for "${word}" fits the viewport and does not cover the name`, async () => {
      const page = await ctx.newPage();
      await watchPage(page);
      await page.goto(server.url('/narrow-viewport/page.html'));
      const d = await waitForScan(ctx, page);
      expect(d.entities).toEqual(want.entities);
      await hoverText(page, word);
      await waitForDiagnostics(ctx, page, (x) => x.card.open, { what: 'card open' });
      const probe = await page.evaluate((word) => {
        const host = document.querySelector('backstory-root')!;
        let minX = Infinity;
        let maxX = -Infinity;
        let hits = 0;
        for (let y = 0; y < innerHeight; y += 4) {
          for (let x = 0; x < innerWidth; x += 2) {
            if (document.elementFromPoint(x, y) !== host) continue;
            hits++;
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
          }
        }
        // The middle of the name must still be the page's own text.
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        let covered = true;
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i = (n as Text).data.indexOf(word);
          if (i < 0) continue;
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + word.length);
          const b = r.getBoundingClientRect();
          covered = document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2) === host;
          break;
        }
        return { hits, minX, maxX, width: innerWidth, covered };
      }, word);
      await page.screenshot({ path: join(outDir('in-page'), `narrow-${word}.png`) });
      expect(probe.hits).toBeGreaterThan(0);
      expect(probe.minX).toBeGreaterThanOrEqual(0);
      expect(probe.maxX).toBeLessThan(probe.width);
      expect(probe.maxX - probe.minX).toBeLessThanOrEqual(360 - 16 + 2);
      expect(probe.covered).toBe(false);
      const w = await readWatch(page);
      expect(w.mutations).toEqual([]);
      await page.close();
    });
  }
});
