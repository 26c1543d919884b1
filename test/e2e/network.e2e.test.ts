/**
 * No network requests at all by the extension (DESIGN.md "privacy"): every request of the
 * browser is recorded (pages and their frames, extension pages, the service worker via
 * Playwright and CDP Network on the worker target) while a sample of corpus pages is
 * scanned, a card is opened, and the popup, side panel and options pages are used.
 * - extension pages and the service worker only ever ask for chrome-extension://<id>/…;
 * - no page asks for anything under chrome-extension:// (no web-accessible resource);
 * - a corpus page asks for no host it does not also ask for without the extension (its
 *   own remote resources are blocked by the harness either way).
 * The bench walks the whole corpus; this test samples it (skipped without the corpus).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CORPUS_MISSING,
  closePlainChromium,
  corpusDir,
  hoverText,
  launchChromium,
  openExtensionPage,
  plainPage,
  recordNetwork,
  startServer,
  waitForDiagnostics,
  waitForScan,
  type ExtensionBrowser,
  type SeenRequest,
  type TestServer,
} from './harness/index.ts';

const corpus = corpusDir();
/** How long after leaving a page its requests still count as its own (unload beacons), ms. */
const LEAVE_MS = 300;
/** The longer second look at a page's own requests, ms more than the extension's run. */
const RETRY_EXTRA_MS = 3000;

/** A spread of pages: the largest ones, and every 8th by name. */
function sample(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const largest = [...files].sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size).slice(0, 4);
  return [...new Set([...largest, ...files.filter((_, i) => i % 8 === 0)])];
}

const hostOf = (url: string): string => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host : u.protocol;
  } catch {
    return url;
  }
};

describe.skipIf(!corpus)(`no network requests by the extension${corpus ? '' : ` (${CORPUS_MISSING})`}`, () => {
  let ctx: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let recorder: Awaited<ReturnType<typeof recordNetwork>>;

  beforeAll(async () => {
    server = await startServer({ root: corpus });
    ctx = await launchChromium();
    page = await ctx.newPage();
    recorder = await recordNetwork(ctx, page);
  });

  afterAll(async () => {
    await recorder?.stop();
    await ctx?.close();
    await server?.close();
    await closePlainChromium();
  });

  it('over a sample of the corpus, a card and every extension page, only the extension itself is asked for anything', async () => {
    const pages = sample(corpus!);
    const extraHosts: string[] = [];
    const plain = await plainPage();
    const origin = hostOf(server.origin);
    /**
     * The hosts a page asks for without the extension in `dwellMs` from the start of its
     * load to leaving it (unload beacons included, as in the run with the extension).
     */
    const ownHosts = async (url: string, dwellMs: number): Promise<Set<string>> => {
      const own = new Set<string>();
      const onPlain = (r: { url(): string }): void => void own.add(hostOf(r.url()));
      plain.context().on('request', onPlain);
      const t0 = Date.now();
      await plain.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
      await plain.waitForTimeout(Math.max(300, dwellMs - (Date.now() - t0)));
      await plain.goto('about:blank');
      await plain.waitForTimeout(LEAVE_MS);
      plain.context().off('request', onPlain);
      return own;
    };
    for (const file of pages) {
      const url = server.url(`/root/${encodeURIComponent(file)}`);
      // With the extension: from the start of the load to a while after leaving the page.
      const from = recorder.requests.length;
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      await waitForScan(ctx, page, { timeout: 30_000 });
      await page.waitForTimeout(300);
      const dwellMs = Date.now() - t0;
      await page.goto('about:blank');
      await page.waitForTimeout(LEAVE_MS);
      const asked = recorder.requests.slice(from).filter((r) => r.from === 'page' && hostOf(r.url) !== origin);
      if (!asked.length) continue;
      // Without it, as long: a host asked for only with the extension is looked for once
      // more in a longer load (a page's own timed beacons) before it counts.
      let own = await ownHosts(url, dwellMs);
      if (asked.some((r) => !own.has(hostOf(r.url)))) own = new Set([...own, ...(await ownHosts(url, dwellMs + RETRY_EXTRA_MS))]);
      for (const r of asked) if (!own.has(hostOf(r.url))) extraHosts.push(`${file}: ${r.url}`);
    }
    await plain.close();

    // A card (records come from the background) and the extension's own pages.
    await page.goto(server.demoUrl);
    await waitForScan(ctx, page);
    await hoverText(page, 'Galuzin');
    await waitForDiagnostics(ctx, page, (d) => d.card.open, { what: 'card open' });
    for (const path of ['src/popup/index.html', 'src/sidepanel/index.html', 'src/options/index.html']) {
      const p = await openExtensionPage(ctx, path);
      await p.waitForTimeout(500);
      await p.close();
    }
    await page.waitForTimeout(500);

    const ext = `chrome-extension://${ctx.extensionId}/`;
    const reqs: SeenRequest[] = recorder.requests;
    const fromExtension = reqs.filter((r) => r.from !== 'page' || r.initiator.startsWith('chrome-extension://'));
    const leaving = fromExtension.filter((r) => !r.url.startsWith(ext) && !r.url.startsWith('data:') && !r.url.startsWith('blob:'));
    const probing = reqs.filter((r) => r.from === 'page' && r.url.startsWith('chrome-extension://'));
    console.log(
      `network: ${reqs.length} requests over ${pages.length} corpus pages + demo + 3 extension pages; ${fromExtension.length} from extension contexts; ${ctx.blocked.length} remote requests blocked (the pages' own)`,
    );
    expect(fromExtension.length, 'the recorder saw the extension pages load').toBeGreaterThan(0);
    expect(leaving, 'requests from extension contexts to anywhere but the extension').toEqual([]);
    expect(probing, 'pages loading extension resources').toEqual([]);
    expect(extraHosts, 'hosts a page asked for only with the extension').toEqual([]);

    // The recorder itself: a fetch made by the service worker is seen.
    const canary = server.url('/canary-from-worker');
    await ctx.sw.evaluate(async (u) => void (await fetch(u).catch(() => undefined)), canary);
    await page.waitForTimeout(300);
    expect(
      recorder.requests.some((r) => r.url === canary && r.from === 'service-worker'),
      'the recorder sees worker fetches',
    ).toBe(true);
  }, 150_000);
});
